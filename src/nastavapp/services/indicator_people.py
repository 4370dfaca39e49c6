"""The people behind a number of the indicators: who is counted, who is in the denominator.

Indicators carry person-id sets (``Ratio.numerator`` / ``Ratio.denominator``); these functions
turn them into plain lines for a list, and give the sets behind the counts (mentors, mentees,
those left without a pair) in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ..models import GroupMember, MentoringGroup, Person
from ..models.vocab import GroupStatus, PersonCategory
from ..store import Store
from ..store.text import ru_sort_key
from .indicators import age_on
from .pair_load import unpaired_rows
from .pair_rules import post_of


@dataclass(frozen=True)
class PersonLine:
    id: int
    name: str  # «Иванова Мария Петровна»
    category: PersonCategory
    post: str  # «7А класс», «учитель математики»
    age: int | None  # at the reference date
    counted: bool  # in the numerator


def people_lines(
    store: Store, ids: Iterable[int], counted: Iterable[int] = (), day: date | None = None
) -> list[PersonLine]:
    """Lines for the people ``ids`` (by name); ``counted`` marks those in the numerator."""
    wanted = set(ids)
    numerator = set(counted)
    with store.session() as session:
        people = session.exec(select(Person).where(col(Person.id).in_(wanted))).all()
    lines = [
        PersonLine(
            p.id or 0,
            p.full_name,
            p.category,
            post_of(p),
            age_on(p.birth_date, day) if p.birth_date and day else None,
            (p.id or 0) in numerator,
        )
        for p in people
    ]
    return sorted(lines, key=lambda line: ru_sort_key(line.name))


@dataclass(frozen=True)
class Participants:
    """Who is in the live pairs and groups of the year, and who waits for a pair."""

    mentors: frozenset[int]
    mentees: frozenset[int]
    unpaired: frozenset[int]


def participants(store: Store, year_id: int) -> Participants:
    with store.session() as session:
        groups = session.exec(
            select(MentoringGroup.id, MentoringGroup.mentor_id).where(
                MentoringGroup.year_id == year_id,
                col(MentoringGroup.status) != GroupStatus.DISBANDED,
            )
        ).all()
        members = session.exec(
            select(GroupMember.person_id).where(
                col(GroupMember.group_id).in_([g for g, _ in groups])
            )
        ).all()
        unpaired = [person.id or 0 for _p, person in unpaired_rows(session, year_id)]
    return Participants(frozenset(m for _, m in groups), frozenset(members), frozenset(unpaired))
