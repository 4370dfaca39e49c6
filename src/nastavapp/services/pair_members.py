"""Members of a stored pair/group and its card, and the checks shared with storing new ones.

Adding a mentee follows the rules of :mod:`.pair_rules` (form, base, one live pair per year,
age of a pupil mentor) and the mentor's places; removing one sends him back to the base.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from ..models import GroupMember, Participation, Person, PlanItem
from ..models.vocab import MenteeStatus, MentoringFormat, MentoringKind, Role
from ..store import Store
from .names import clean
from .pair_rules import (
    LIVE_STATUSES,
    OverCapacityError,
    Overload,
    PairDraft,
    PairError,
    draft_problems,
    kind_after_change,
    kind_for,
)
from .pair_status import get_group, members_of, set_mentee_status
from .pair_views import live_membership, taken_places


@dataclass(frozen=True)
class CardEdit:
    """The editable fields of a stored pair/group; ``kind`` None follows the number of mentees."""

    role_model: str = ""
    kind: MentoringKind | None = None
    format: MentoringFormat = MentoringFormat.CLASSIC
    goal: str = ""
    start_date: date | None = None
    planned_end_date: date | None = None


# --- session helpers ------------------------------------------------------------------------
def people_of(session: Session, ids: Iterable[int]) -> dict[int, Person]:
    rows = session.exec(select(Person).where(col(Person.id).in_(set(ids)))).all()
    return {p.id: p for p in rows if p.id is not None}


def _base_rows(session: Session, year_id: int, ids: Iterable[int]) -> list[Participation]:
    query = select(Participation).where(
        Participation.year_id == year_id, col(Participation.person_id).in_(set(ids))
    )
    return list(session.exec(query).all())


def bases_of(session: Session, year_id: int, ids: Iterable[int]) -> dict[int, frozenset[int]]:
    """Side (0 mentor, 1 mentee) → those of ``ids`` in that base of the year."""
    rows = _base_rows(session, year_id, ids)
    return {
        side: frozenset(r.person_id for r in rows if (r.role is Role.MENTOR) == (side == 0))
        for side in (0, 1)
    }


def busy_of(session: Session, year_id: int) -> dict[int, str]:
    """Mentee id → his mentor's short name, for everyone in a live pair/group of the year."""
    found = live_membership(session, year_id)
    names = people_of(session, {mentor for _group, mentor in found.values()})
    return {mentee: names[mentor].short_name for mentee, (_g, mentor) in found.items()}


def overloads_of(session: Session, year_id: int, adding: Counter[int]) -> list[Overload]:
    taken = taken_places(session, year_id)
    places = {
        p.person_id: p.capacity
        for p in _base_rows(session, year_id, adding)
        if p.role is Role.MENTOR
    }
    names = people_of(session, adding)
    return [
        Overload(mentor, names[mentor].short_name, places.get(mentor, 0), taken[mentor], n)
        for mentor, n in adding.items()
        if taken[mentor] + n > places.get(mentor, 0)
    ]


# --- members --------------------------------------------------------------------------------
def add_member(
    store: Store, group_id: int, person_id: int, *, today: date, allow_over_capacity: bool = False
) -> None:
    """Add a mentee to a live pair/group (the rules and errors of :func:`confirm_groups`)."""
    with store.session() as session:
        group = get_group(session, group_id)
        if group.status not in LIVE_STATUSES:
            raise PairError(f"Пара или группа {group.status.label}: состав больше не меняется.")
        draft = PairDraft(group.mentor_id, (person_id,), group.form)
        people = people_of(session, (group.mentor_id, person_id))
        bases = bases_of(session, group.year_id, people)
        problems = draft_problems(draft, people, bases, busy_of(session, group.year_id), today)
        if problems:
            raise PairError("\n".join(problems))
        overloads = overloads_of(session, group.year_id, Counter({group.mentor_id: 1}))
        if overloads and not allow_over_capacity:
            raise OverCapacityError(overloads)
        session.add(GroupMember(group_id=group_id, person_id=person_id))
        group.kind = kind_after_change(group.kind, len(members_of(session, group_id)) + 1)
        session.add(group)
        set_mentee_status(session, group.year_id, [person_id], MenteeStatus.PAIRED)
        session.commit()


def remove_member(
    store: Store, group_id: int, person_id: int, *, today: date, reason: str = ""
) -> None:
    """Take a mentee out of a live group: back to the base («в базе»), his plan here deleted.

    Raises:
        PairError: he is the only mentee (disband the pair instead), or the group has ended.
    """
    with store.session() as session:
        group = get_group(session, group_id)
        members = members_of(session, group_id)
        if group.status not in LIVE_STATUSES:
            raise PairError(f"Пара или группа {group.status.label}: состав больше не меняется.")
        if person_id not in members:
            return
        if len(members) == 1:
            raise PairError("Это единственный наставляемый: вместо исключения расформируйте пару.")
        row = session.get(GroupMember, (group_id, person_id))
        session.delete(row)
        for item in session.exec(
            select(PlanItem).where(PlanItem.group_id == group_id, PlanItem.mentee_id == person_id)
        ).all():
            session.delete(item)
        group.kind = kind_after_change(group.kind, len(members) - 1)
        session.add(group)
        mentor = people_of(session, [group.mentor_id])[group.mentor_id].short_name
        why = f" Причина: {clean(reason)}" if clean(reason) else ""
        note = f"{today:%d.%m.%Y}: исключение из группы (наставник — {mentor}).{why}"
        set_mentee_status(session, group.year_id, [person_id], MenteeStatus.IN_BASE, note)
        session.commit()


def update_card(store: Store, group_id: int, edit: CardEdit) -> None:
    """Role model, kind, format, goal and dates of a stored pair/group."""
    start, end = edit.start_date, edit.planned_end_date
    if start and end and end < start:
        raise PairError(
            f"Планируемая дата окончания ({end:%d.%m.%Y}) раньше даты начала ({start:%d.%m.%Y})."
        )
    with store.session() as session:
        group = get_group(session, group_id)
        group.role_model, group.goal = clean(edit.role_model), edit.goal.strip()
        group.kind = kind_for(len(members_of(session, group_id)), edit.kind)
        group.format, group.start_date, group.planned_end_date = edit.format, start, end
        session.add(group)
        session.commit()
