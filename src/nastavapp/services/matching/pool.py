"""Who takes part in the matching of a form: mentees still without a pair, mentors with places."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from ...models import (
    GroupMember,
    MatchPreference,
    MenteeRequest,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
)
from ...models.vocab import (
    FORM_SIDES,
    ExternalKind,
    GroupStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    Role,
)

# External mentors by kind: a student for «студент – ученик», an employee for «работодатель».
EXTERNAL_KIND_OF_FORM = {
    MentoringForm.UNISTUDENT_STUDENT: ExternalKind.STUDENT,
    MentoringForm.EMPLOYER_STUDENT: ExternalKind.EMPLOYEE,
}


@dataclass(frozen=True)
class Candidate:
    """A mentee or a mentor as the matching sees him (plain data, no session needed)."""

    person_id: int
    name: str
    category: PersonCategory
    birth_date: date | None
    class_name: str
    subject: str
    texts: tuple[str, ...]  # requests of a mentee; competences (and subject) of a mentor
    status: MentorStatus | None = None
    free: int = 0  # places left with a mentor


@dataclass(frozen=True)
class Pool:
    form: MentoringForm
    mentees: tuple[Candidate, ...]
    mentors: tuple[Candidate, ...]
    preferences: frozenset[tuple[int, int]]  # (chooser, chosen)


def _busy_people(session: Session, year_id: int) -> tuple[set[int], Counter[int]]:
    """Mentees already in a live pair/group, and how many mentees each mentor leads."""
    rows = session.exec(
        select(MentoringGroup.mentor_id, GroupMember.person_id)
        .join(GroupMember, col(GroupMember.group_id) == col(MentoringGroup.id))
        .where(
            MentoringGroup.year_id == year_id, col(MentoringGroup.status) != GroupStatus.DISBANDED
        )
    ).all()
    return {mentee for _, mentee in rows}, Counter(mentor for mentor, _ in rows)


def _texts(
    session: Session, table: type[MenteeRequest] | type[MentorCompetence], ids: list[int]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    for row in session.exec(select(table).where(col(table.participation_id).in_(ids))).all():
        found.setdefault(row.participation_id, []).append(row.text)
    return found


def _fits(person: Person, form: MentoringForm, side: int) -> bool:
    if person.archived or person.category is not FORM_SIDES[form][side]:
        return False
    kind = EXTERNAL_KIND_OF_FORM.get(form)
    return side == 1 or kind is None or person.external_kind is kind


def load_pool(session: Session, year_id: int, form: MentoringForm) -> Pool:
    busy, led = _busy_people(session, year_id)
    rows = session.exec(
        select(Participation, Person)
        .join(Person, col(Person.id) == col(Participation.person_id))
        .where(
            Participation.year_id == year_id,
            (col(Participation.form) == form) | col(Participation.form).is_(None),
        )
    ).all()
    mentee_rows = [
        (p, person)
        for p, person in rows
        if p.role is Role.MENTEE and person.id not in busy and _fits(person, form, 1)
    ]
    mentor_rows = [
        (p, person) for p, person in rows if p.role is Role.MENTOR and _fits(person, form, 0)
    ]
    requests = _texts(session, MenteeRequest, [p.id for p, _ in mentee_rows if p.id])
    competences = _texts(session, MentorCompetence, [p.id for p, _ in mentor_rows if p.id])
    mentees = tuple(
        Candidate(
            person.id or 0,
            person.full_name,
            person.category,
            person.birth_date,
            person.class_name,
            person.subject,
            tuple(requests.get(p.id or 0, [])),
        )
        for p, person in mentee_rows
    )
    mentors = tuple(
        Candidate(
            person.id or 0,
            person.full_name,
            person.category,
            person.birth_date,
            person.class_name,
            person.subject,
            tuple(competences.get(p.id or 0, [])) + ((person.subject,) if person.subject else ()),
            MentorStatus(p.status),
            max(0, p.capacity - led.get(person.id or 0, 0)),
        )
        for p, person in mentor_rows
    )
    preferences = frozenset(
        (row.chooser_id, row.chosen_id)
        for row in session.exec(
            select(MatchPreference).where(MatchPreference.year_id == year_id)
        ).all()
    )
    return Pool(form, mentees, mentors, preferences)
