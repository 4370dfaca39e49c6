"""The cheap counts of a data file: people by category, mentors, mentees, pairs and groups.

Apart from ``stats`` (which adds indicators, consents and the roadmap) so that the home
screen, which opens first, imports and queries only this.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import col, func, select

from ..models import AcademicYear, MentoringGroup, Participation, Person
from ..models.vocab import GroupStatus, PersonCategory, Role
from ..store import Store


def basic_counts(store: Store, year: AcademicYear | None) -> dict[str, Any]:
    """The cheap figures (people by category, mentors, mentees, pairs and groups of the year),
    for screens that must open fast; ``collect_stats`` adds the rest."""
    with store.session() as session:
        by_category = dict(
            session.exec(
                select(Person.category, func.count())
                .where(sa.not_(col(Person.archived)))
                .group_by(Person.category)
            ).all()
        )

        def role_count(role: Role) -> int:
            if year is None:
                return 0
            query = select(func.count(sa.distinct(col(Participation.person_id)))).where(
                Participation.year_id == year.id, Participation.role == role
            )
            return int(session.exec(query).one())

        groups = 0
        if year is not None:
            groups = int(
                session.exec(select(func.count()).where(MentoringGroup.year_id == year.id)).one()
            )
        return {
            "persons": {
                "students": int(by_category.get(PersonCategory.STUDENT, 0)),
                "teachers": int(by_category.get(PersonCategory.TEACHER, 0)),
                "external": int(by_category.get(PersonCategory.EXTERNAL, 0)),
            },
            "mentors": role_count(Role.MENTOR),
            "mentees": role_count(Role.MENTEE),
            "groups": groups,
        }


def disbanded_groups(store: Store, year: AcademicYear | None) -> int:
    """The year's disbanded pairs and groups: counted in ``groups``, not by the indicators."""
    if year is None:
        return 0
    with store.session() as session:
        query = select(func.count()).where(
            MentoringGroup.year_id == year.id, MentoringGroup.status == GroupStatus.DISBANDED
        )
        return int(session.exec(query).one())
