"""Reading pairs and groups: cards and the status history, as plain frozen data.

Also the session helpers the other pair modules share (who is in a live pair/group, the places
taken, cards built in a batch).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from ..models import GroupMember, GroupStatusChange, IssuedDocument, MentoringGroup, Person
from ..models.vocab import (
    GroupStatus,
    MentoringForm,
    MentoringFormat,
    MentoringKind,
    PersonCategory,
)
from ..store import Store
from ..store.text import ru_sort_key
from .pair_rules import pair_title, post_of

FORM_ORDER = {form: i for i, form in enumerate(MentoringForm)}


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str  # «Иванова Мария Петровна»
    short_name: str  # «Иванова М. П.»
    category: PersonCategory
    post: str  # «учитель математики», «7А класс»

    @classmethod
    def of(cls, person: Person) -> PersonBrief:
        return cls(
            person.id or 0, person.full_name, person.short_name, person.category, post_of(person)
        )


@dataclass(frozen=True)
class OrderInfo:
    """Приказ об утверждении наставнических пар/групп."""

    id: int
    number: str
    issued_on: date | None
    title: str

    @property
    def text(self) -> str:
        """«от 20.11.2025 № 112-о»"""
        day = f"от {self.issued_on:%d.%m.%Y} " if self.issued_on else ""
        return f"{day}№ {self.number}"


@dataclass(frozen=True)
class StatusEntry:
    status: GroupStatus
    changed_on: date
    note: str


@dataclass(frozen=True)
class GroupCard:
    """Карточка пары/группы."""

    id: int
    year_id: int
    mentor: PersonBrief
    mentees: tuple[PersonBrief, ...]
    form: MentoringForm
    role_model: str
    kind: MentoringKind
    format: MentoringFormat
    goal: str
    start_date: date | None
    planned_end_date: date | None
    end_date: date | None
    status: GroupStatus
    disband_reason: str
    order: OrderInfo | None

    @property
    def title(self) -> str:
        return pair_title(self.mentor.short_name, [m.short_name for m in self.mentees])

    @property
    def is_live(self) -> bool:
        """Not disbanded: its mentees count as paired."""
        return self.status is not GroupStatus.DISBANDED


# --- shared session helpers -----------------------------------------------------------------
def live_membership(session: Session, year_id: int) -> dict[int, tuple[int, int]]:
    """Mentee id → (group id, mentor id) of his live (not disbanded) pair/group in the year."""
    rows = session.exec(
        select(GroupMember.person_id, MentoringGroup.id, MentoringGroup.mentor_id)
        .join(MentoringGroup, col(MentoringGroup.id) == col(GroupMember.group_id))
        .where(
            MentoringGroup.year_id == year_id, col(MentoringGroup.status) != GroupStatus.DISBANDED
        )
    ).all()
    return {mentee: (int(group or 0), mentor) for mentee, group, mentor in rows}


def taken_places(session: Session, year_id: int) -> Counter[int]:
    """Mentor id → mentees in his live pairs and groups of the year."""
    return Counter(mentor for _group, mentor in live_membership(session, year_id).values())


def order_info(doc: IssuedDocument) -> OrderInfo:
    return OrderInfo(doc.id or 0, doc.number, doc.issued_on, doc.title)


def cards_of(session: Session, groups: Sequence[MentoringGroup]) -> list[GroupCard]:
    ids = [g.id for g in groups]
    members: dict[int, list[int]] = {}
    for row in session.exec(select(GroupMember).where(col(GroupMember.group_id).in_(ids))).all():
        members.setdefault(row.group_id, []).append(row.person_id)
    person_ids = {g.mentor_id for g in groups} | {p for ps in members.values() for p in ps}
    people = {
        p.id: PersonBrief.of(p)
        for p in session.exec(select(Person).where(col(Person.id).in_(person_ids))).all()
    }
    order_ids = {g.order_id for g in groups if g.order_id}
    orders = {
        d.id: order_info(d)
        for d in session.exec(select(IssuedDocument).where(col(IssuedDocument.id).in_(order_ids)))
    }
    cards = []
    for g in groups:
        mentees = sorted(
            (people[p] for p in members.get(g.id or 0, [])), key=lambda b: ru_sort_key(b.name)
        )
        cards.append(
            GroupCard(
                g.id or 0,
                g.year_id,
                people[g.mentor_id],
                tuple(mentees),
                g.form,
                g.role_model,
                g.kind,
                g.format,
                g.goal,
                g.start_date,
                g.planned_end_date,
                g.end_date,
                g.status,
                g.disband_reason,
                orders.get(g.order_id) if g.order_id else None,
            )
        )
    return cards


def sorted_cards(cards: list[GroupCard]) -> list[GroupCard]:
    return sorted(cards, key=lambda c: (FORM_ORDER[c.form], ru_sort_key(c.mentor.name), c.id))


# --- reading --------------------------------------------------------------------------------
def group_card(store: Store, group_id: int) -> GroupCard | None:
    with store.session() as session:
        group = session.get(MentoringGroup, group_id)
        return cards_of(session, [group])[0] if group else None


def list_groups(
    store: Store,
    year_id: int,
    *,
    form: MentoringForm | None = None,
    statuses: Sequence[GroupStatus] | None = None,
) -> list[GroupCard]:
    """Pairs and groups of the year, by form and the mentor's name."""
    query = select(MentoringGroup).where(MentoringGroup.year_id == year_id)
    if form is not None:
        query = query.where(MentoringGroup.form == form)
    if statuses is not None:
        query = query.where(col(MentoringGroup.status).in_(list(statuses)))
    with store.session() as session:
        return sorted_cards(cards_of(session, session.exec(query).all()))


def status_history(store: Store, group_id: int) -> list[StatusEntry]:
    """The dated history of the status, oldest first."""
    with store.session() as session:
        rows = session.exec(
            select(GroupStatusChange)
            .where(GroupStatusChange.group_id == group_id)
            .order_by(col(GroupStatusChange.changed_on), col(GroupStatusChange.id))
        ).all()
    return [StatusEntry(r.status, r.changed_on, r.note) for r in rows]
