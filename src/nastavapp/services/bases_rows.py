"""The rows of the bases: every person with his consent and his roles in one academic year.

One read for the three tables («Все участники», «База наставляемых», «База наставников») and
for their export, so the screen and the file say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import col, select

from ..models import (
    GroupMember,
    MenteeRequest,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
)
from ..models.vocab import (
    YOUNG_SPECIALIST_MAX_EXPERIENCE,
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    Role,
)
from ..store import Store
from .consents import ConsentState, consent_states, state_of
from .person_fields import age_on
from .role_rules import RequestEntry

YOUNG_SPECIALIST = "молодой специалист"


@dataclass(frozen=True)
class MenteeInfo:
    status: MenteeStatus
    form: MentoringForm | None
    requests: tuple[RequestEntry, ...]
    needs_support: bool
    mentors: tuple[int, ...]  # person ids of the mentors of his pairs/groups this year

    @property
    def requests_text(self) -> str:
        """«Низкие результаты по математике (классный руководитель); …»."""
        return "; ".join(f"{r.text} ({r.source.label})" for r in self.requests)


@dataclass(frozen=True)
class MentorInfo:
    status: MentorStatus
    form: MentoringForm | None
    competences: tuple[str, ...]
    interests: str
    capacity: int
    mentees: tuple[int, ...]  # person ids of the mentees in his pairs/groups this year

    @property
    def competences_text(self) -> str:
        return "; ".join(self.competences)


@dataclass(frozen=True)
class BaseRow:
    """A person as the bases show him (``person`` is a detached copy)."""

    person: Person
    consent: ConsentState
    mentee: MenteeInfo | None
    mentor: MentorInfo | None
    age: int | None

    @property
    def id(self) -> int:
        return int(self.person.id or 0)

    @property
    def young_specialist(self) -> bool:
        p = self.person
        return (
            p.category is PersonCategory.TEACHER
            and p.experience_years is not None
            and p.experience_years <= YOUNG_SPECIALIST_MAX_EXPERIENCE
        )

    @property
    def place(self) -> str:
        return place_text(self.person)


def place_text(person: Person) -> str:
    """Class of a pupil («7А»), position of a teacher, organisation of an external mentor."""
    if person.category is PersonCategory.STUDENT:
        return person.class_name
    if person.category is PersonCategory.TEACHER:
        position = person.position or "педагог"
        subject = person.subject
        # «учитель биологии» already says «биология»: compare the stems
        if subject and subject.casefold()[:5] not in position.casefold():
            return f"{position} ({subject})"
        return position
    kind = person.external_kind.label if person.external_kind else ""
    parts = [p for p in (person.organization_position, person.organization) if p]
    return ", ".join(parts) or kind


def load_rows(
    store: Store, year_id: int | None, today: date, *, include_archived: bool = False
) -> list[BaseRow]:
    """Every person (archived ones only on request) with his consent and roles in the year."""
    with store.session() as session:
        query = select(Person)
        if not include_archived:
            query = query.where(sa.not_(col(Person.archived)))
        people = list(session.exec(query).all())
        participations = (
            list(session.exec(select(Participation).where(Participation.year_id == year_id)).all())
            if year_id is not None
            else []
        )
        ids = [p.id for p in participations]
        requests: dict[int, list[RequestEntry]] = {}
        competences: dict[int, list[str]] = {}
        if ids:
            for r in session.exec(
                select(MenteeRequest)
                .where(col(MenteeRequest.participation_id).in_(ids))
                .order_by(col(MenteeRequest.id))
            ):
                requests.setdefault(r.participation_id, []).append(RequestEntry(r.text, r.source))
            for c in session.exec(
                select(MentorCompetence)
                .where(col(MentorCompetence.participation_id).in_(ids))
                .order_by(col(MentorCompetence.id))
            ):
                competences.setdefault(c.participation_id, []).append(c.text)
        pairs = (
            session.exec(
                select(MentoringGroup.mentor_id, GroupMember.person_id)
                .join(GroupMember, col(GroupMember.group_id) == col(MentoringGroup.id))
                .where(
                    MentoringGroup.year_id == year_id,
                    MentoringGroup.status != GroupStatus.DISBANDED,
                )
                .order_by(col(MentoringGroup.id))
            ).all()
            if year_id is not None
            else []
        )
    mentors_of: dict[int, list[int]] = {}
    mentees_of: dict[int, list[int]] = {}
    for mentor_id, mentee_id in pairs:
        mentors_of.setdefault(mentee_id, []).append(mentor_id)
        mentees_of.setdefault(mentor_id, []).append(mentee_id)
    roles: dict[tuple[int, Role], Participation] = {
        (p.person_id, p.role): p for p in participations
    }
    states = consent_states(store)
    missing = state_of(None)
    rows = []
    for person in people:
        pid = int(person.id or 0)
        mentee = roles.get((pid, Role.MENTEE))
        mentor = roles.get((pid, Role.MENTOR))
        rows.append(
            BaseRow(
                person=person,
                consent=states.get(pid, missing),
                mentee=MenteeInfo(
                    MenteeStatus(mentee.status),
                    mentee.form,
                    tuple(requests.get(int(mentee.id or 0), [])),
                    mentee.needs_support,
                    tuple(mentors_of.get(pid, [])),
                )
                if mentee is not None
                else None,
                mentor=MentorInfo(
                    MentorStatus(mentor.status),
                    mentor.form,
                    tuple(competences.get(int(mentor.id or 0), [])),
                    mentor.interests,
                    mentor.capacity,
                    tuple(mentees_of.get(pid, [])),
                )
                if mentor is not None
                else None,
                age=age_on(person.birth_date, today) if person.birth_date else None,
            )
        )
    return rows
