"""Individual plans (индивидуальный план развития / ИОМ / персонализированная программа
наставничества): per mentee in a pair or group, items with direction, task, planned and done
dates and the result; templates per form to start from; progress (done / total).

The templates are data: ``resources/plans/templates.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from ..models import AcademicYear, MentoringGroup, PlanItem
from ..models.vocab import GroupStatus
from ..store import Store
from .names import clean
from .pair_calendar import school_year_end, spread
from .pair_status import members_of
from .plan_templates import (
    PlanError,
    PlanTemplate,
    TemplateItem,
    get_template,
    plan_templates,
    templates_for,
)

__all__ = [
    "PlanEntry",
    "PlanError",
    "PlanItemDraft",
    "PlanTemplate",
    "Progress",
    "TemplateItem",
    "add_item",
    "apply_template",
    "delete_item",
    "get_template",
    "group_progress",
    "mentee_progress",
    "plan_of",
    "plan_templates",
    "templates_for",
    "update_item",
    "year_progress",
]


@dataclass(frozen=True)
class PlanItemDraft:
    """What the curator types for one item."""

    task: str
    direction: str = ""
    planned_date: date | None = None
    done_date: date | None = None
    result: str = ""


@dataclass(frozen=True)
class PlanEntry:
    id: int
    group_id: int
    mentee_id: int
    position: int
    direction: str
    task: str
    planned_date: date | None
    done_date: date | None
    result: str

    @property
    def done(self) -> bool:
        return self.done_date is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.planned_date is not None and self.planned_date < today


@dataclass(frozen=True)
class Progress:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def text(self) -> str:
        """«3 из 5»"""
        return f"{self.done} из {self.total}"

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)


# --- reading --------------------------------------------------------------------------------
def _entry(r: PlanItem) -> PlanEntry:
    return PlanEntry(
        r.id or 0,
        r.group_id,
        r.mentee_id,
        r.position,
        r.direction,
        r.task,
        r.planned_date,
        r.done_date,
        r.result,
    )


def plan_of(store: Store, group_id: int, mentee_id: int | None = None) -> list[PlanEntry]:
    """The plan of one mentee (or of every mentee of the group), in the order of items."""
    query = select(PlanItem).where(PlanItem.group_id == group_id)
    if mentee_id is not None:
        query = query.where(PlanItem.mentee_id == mentee_id)
    query = query.order_by(col(PlanItem.mentee_id), col(PlanItem.position), col(PlanItem.id))
    with store.session() as session:
        return [_entry(r) for r in session.exec(query).all()]


def _progress(session: Session, where: Sequence[object]) -> dict[tuple[int, int], Progress]:
    rows = session.exec(
        select(
            PlanItem.group_id, PlanItem.mentee_id, func.count(), func.count(col(PlanItem.done_date))
        )
        .where(*where)  # type: ignore[arg-type]
        .group_by(col(PlanItem.group_id), col(PlanItem.mentee_id))
    ).all()
    return {(g, m): Progress(int(done), int(total)) for g, m, total, done in rows}


def mentee_progress(store: Store, group_id: int) -> dict[int, Progress]:
    """Mentee id → done / total of his plan (every member, with or without a plan)."""
    with store.session() as session:
        found = _progress(session, [PlanItem.group_id == group_id])
        members = members_of(session, group_id)
    return {m: found.get((group_id, m), Progress()) for m in members}


def group_progress(store: Store, group_id: int) -> Progress:
    return sum(mentee_progress(store, group_id).values(), Progress())


def year_progress(store: Store, year_id: int) -> dict[int, Progress]:
    """Group id → done / total of all its plans, for every pair/group of the year."""
    with store.session() as session:
        ids = session.exec(select(MentoringGroup.id).where(MentoringGroup.year_id == year_id))
        groups = [i for i in ids.all() if i is not None]
        found = _progress(session, [col(PlanItem.group_id).in_(groups)])
    totals = dict.fromkeys(groups, Progress())
    for (group, _mentee), progress in found.items():
        totals[group] = totals[group] + progress
    return totals


# --- writing --------------------------------------------------------------------------------
def _check(draft: PlanItemDraft, today: date) -> PlanItemDraft:
    task = clean(draft.task)
    if not task:
        raise PlanError("Укажите задачу пункта плана.")
    if draft.done_date is not None and draft.done_date > today:
        raise PlanError(f"Дата выполнения {draft.done_date:%d.%m.%Y} ещё не наступила.")
    return PlanItemDraft(
        task, clean(draft.direction), draft.planned_date, draft.done_date, draft.result.strip()
    )


def _open_group(session: Session, group_id: int, mentee_ids: Iterable[int]) -> MentoringGroup:
    group = session.get(MentoringGroup, group_id)
    if group is None:
        raise PlanError("Этой пары или группы уже нет в базе: обновите список.")
    if group.status is GroupStatus.DISBANDED:
        raise PlanError("Пара или группа расформирована: её план больше не меняется.")
    members = set(members_of(session, group_id))
    if any(m not in members for m in mentee_ids):
        raise PlanError("План составляется только для наставляемых этой пары или группы.")
    return group


def _next_position(session: Session, group_id: int, mentee_id: int) -> int:
    top = session.exec(
        select(func.max(PlanItem.position)).where(
            PlanItem.group_id == group_id, PlanItem.mentee_id == mentee_id
        )
    ).one()
    return int(top or 0) + 1


def add_item(
    store: Store, group_id: int, mentee_id: int, draft: PlanItemDraft, *, today: date
) -> int:
    """Append an item to the mentee's plan; its id."""
    draft = _check(draft, today)
    with store.session() as session:
        _open_group(session, group_id, [mentee_id])
        item = PlanItem(
            group_id=group_id,
            mentee_id=mentee_id,
            position=_next_position(session, group_id, mentee_id),
            **vars(draft),
        )
        session.add(item)
        session.commit()
        return item.id or 0


def update_item(store: Store, item_id: int, draft: PlanItemDraft, *, today: date) -> None:
    """Change an item (mark it done by giving ``done_date`` and ``result``)."""
    draft = _check(draft, today)
    with store.session() as session:
        item = session.get(PlanItem, item_id)
        if item is None:
            raise PlanError("Этого пункта плана уже нет: обновите список.")
        for name, value in vars(draft).items():
            setattr(item, name, value)
        session.add(item)
        session.commit()


def delete_item(store: Store, item_id: int) -> None:
    with store.session() as session:
        item = session.get(PlanItem, item_id)
        if item is not None:
            session.delete(item)
            session.commit()


def apply_template(
    store: Store,
    group_id: int,
    code: str,
    *,
    today: date,
    mentee_ids: Sequence[int] | None = None,
) -> int:
    """Append the template's items to the plans of ``mentee_ids`` (default: every mentee).

    Planned dates are spread over the pair's period: from two weeks after its start (or after
    ``today`` if later) to a week before its planned end (default 25 May). Returns the number of
    items added.
    """
    template = get_template(code)
    with store.session() as session:
        ids = list(mentee_ids) if mentee_ids is not None else members_of(session, group_id)
        group = _open_group(session, group_id, ids)
        year = session.get(AcademicYear, group.year_id)
        end = group.planned_end_date or school_year_end(year.end_date if year else today)
        first = max(group.start_date or today, today) + timedelta(days=14)
        days = spread(first, max(first, end - timedelta(days=7)), len(template.items))
        for mentee in ids:
            position = _next_position(session, group_id, mentee)
            for i, (item, day) in enumerate(zip(template.items, days, strict=True)):
                session.add(
                    PlanItem(
                        group_id=group_id,
                        mentee_id=mentee,
                        position=position + i,
                        direction=item.direction,
                        task=item.task,
                        planned_date=day,
                    )
                )
        session.commit()
    return len(ids) * len(template.items)
