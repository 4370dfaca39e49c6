"""The side panels of the matching screen: mentors' load («2 из 3») and the mentees left
without a pair («Без пары»), with their mark for psychological support."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from ..models import MenteeRequest, Participation, Person
from ..models.vocab import MentoringForm, PersonCategory, Role
from ..store import Store
from ..store.text import ru_sort_key
from .pair_rules import PairError, post_of, side_problem
from .pair_views import live_membership, taken_places


@dataclass(frozen=True)
class MentorLoad:
    """Нагрузка наставника: «2 из 3»."""

    person_id: int
    name: str
    form: MentoringForm | None
    capacity: int
    taken: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.taken)

    @property
    def text(self) -> str:
        return f"{self.taken} из {self.capacity}"


@dataclass(frozen=True)
class UnpairedMentee:
    """A mentee of the year without a live pair or group («Без пары»)."""

    person_id: int
    name: str
    short_name: str
    category: PersonCategory
    post: str
    form: MentoringForm | None
    requests: tuple[str, ...]
    needs_support: bool  # psychological support while the search goes on
    note: str


def _fits(
    person: Person, base_form: MentoringForm | None, form: MentoringForm | None, side: int
) -> bool:
    """In the list of ``form``: the base names that form (or none) and the person fits its side."""
    return form is None or (base_form in (form, None) and side_problem(person, form, side) is None)


def mentor_loads(store: Store, year_id: int, form: MentoringForm | None = None) -> list[MentorLoad]:
    """Every mentor of the year's base with his places taken, by name."""
    with store.session() as session:
        taken = taken_places(session, year_id)
        rows = session.exec(
            select(Participation, Person)
            .join(Person, col(Person.id) == col(Participation.person_id))
            .where(Participation.year_id == year_id, Participation.role == Role.MENTOR)
        ).all()
    loads = [
        MentorLoad(person.id or 0, person.full_name, p.form, p.capacity, taken[person.id or 0])
        for p, person in rows
        if _fits(person, p.form, form, 0)
    ]
    return sorted(loads, key=lambda m: ru_sort_key(m.name))


def mentor_load(store: Store, year_id: int, mentor_id: int) -> MentorLoad | None:
    return next((m for m in mentor_loads(store, year_id) if m.person_id == mentor_id), None)


def unpaired_rows(session: Session, year_id: int) -> list[tuple[Participation, Person]]:
    """Mentee participations of the year, the person not archived, in no live pair/group."""
    busy = set(live_membership(session, year_id))
    rows = session.exec(
        select(Participation, Person)
        .join(Person, col(Person.id) == col(Participation.person_id))
        .where(
            Participation.year_id == year_id,
            Participation.role == Role.MENTEE,
            sa.not_(col(Person.archived)),
        )
    ).all()
    return [(p, person) for p, person in rows if person.id not in busy]


def unpaired_mentees(
    store: Store, year_id: int, form: MentoringForm | None = None
) -> list[UnpairedMentee]:
    """«Без пары»: those needing support first, then by name. They stay until paired."""
    with store.session() as session:
        rows = [(p, m) for p, m in unpaired_rows(session, year_id) if _fits(m, p.form, form, 1)]
        requests: dict[int, list[str]] = {}
        query = select(MenteeRequest).where(
            col(MenteeRequest.participation_id).in_([p.id for p, _ in rows])
        )
        for r in session.exec(query.order_by(col(MenteeRequest.id))).all():
            requests.setdefault(r.participation_id, []).append(r.text)
    found = [
        UnpairedMentee(
            person.id or 0,
            person.full_name,
            person.short_name,
            person.category,
            post_of(person),
            p.form,
            tuple(requests.get(p.id or 0, [])),
            p.needs_support,
            p.note,
        )
        for p, person in rows
    ]
    return sorted(found, key=lambda u: (not u.needs_support, ru_sort_key(u.name)))


def mark_support(
    store: Store, year_id: int, person_id: int, *, needs_support: bool, note: str | None = None
) -> None:
    """Set the mark «нуждается в психологической поддержке» and the note (None: kept) of a
    mentee.

    Raises:
        PairError: the person is not in the year's mentee base.
    """
    with store.session() as session:
        row = session.exec(
            select(Participation).where(
                Participation.year_id == year_id,
                Participation.person_id == person_id,
                Participation.role == Role.MENTEE,
            )
        ).first()
        if row is None:
            raise PairError("Этого участника нет в базе наставляемых учебного года.")
        row.needs_support = needs_support
        if note is not None:
            row.note = note.strip()
        session.add(row)
        session.commit()
