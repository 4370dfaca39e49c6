"""A person's role in an academic year: mentee with requests, mentor with competences.

Marking a person puts him into the year's «база наставляемых» or «база наставников»; marking
again edits the role; :func:`unmark` takes him out. The rules and the value objects live in
:mod:`.role_rules`.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from ..models import (
    GroupMember,
    MenteeRequest,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
    TrainingAttendance,
    TrainingEvent,
)
from ..models.vocab import MenteeStatus, Role
from ..store import Store
from .deletion import DeletionSnapshot, delete_participation
from .names import clean
from .role_rules import (
    CAPACITY_LIMITS,
    MenteeRole,
    MentorRole,
    RequestEntry,
    RoleError,
    check_mentee,
    check_mentor,
    competence_choices,
    forms_for,
    pipeline_status,
    request_choices,
    request_sources,
)

__all__ = [
    "CAPACITY_LIMITS",
    "MenteeRole",
    "MentorRole",
    "RequestEntry",
    "RoleError",
    "add_training_event",
    "check_mentee",
    "check_mentor",
    "competence_choices",
    "forms_for",
    "mentee_role",
    "mentor_role",
    "pipeline_status",
    "request_choices",
    "request_sources",
    "set_mentee",
    "set_mentor",
    "training_events",
    "unmark",
]


# --- reading --------------------------------------------------------------------------------
def _participation(
    session: Session, person_id: int, year_id: int, role: Role
) -> Participation | None:
    query = select(Participation).where(
        Participation.person_id == person_id,
        Participation.year_id == year_id,
        Participation.role == role,
    )
    return session.exec(query).first()


def mentee_role(store: Store, person_id: int, year_id: int) -> MenteeRole | None:
    with store.session() as session:
        row = _participation(session, person_id, year_id, Role.MENTEE)
        if row is None:
            return None
        requests = session.exec(
            select(MenteeRequest)
            .where(MenteeRequest.participation_id == row.id)
            .order_by(col(MenteeRequest.id))
        ).all()
    return MenteeRole(
        form=row.form,
        requests=tuple(RequestEntry(r.text, r.source) for r in requests),
        note=row.note,
        needs_support=row.needs_support,
        joined_date=row.joined_date,
        status=MenteeStatus(row.status),
    )


def mentor_role(store: Store, person_id: int, year_id: int) -> MentorRole | None:
    with store.session() as session:
        row = _participation(session, person_id, year_id, Role.MENTOR)
        if row is None:
            return None
        competences = session.exec(
            select(MentorCompetence.text)
            .where(MentorCompetence.participation_id == row.id)
            .order_by(col(MentorCompetence.id))
        ).all()
        events = session.exec(
            select(TrainingAttendance.event_id).where(TrainingAttendance.participation_id == row.id)
        ).all()
    return MentorRole(
        form=row.form,
        competences=tuple(competences),
        interests=row.interests,
        capacity=row.capacity,
        interview_date=row.interview_date,
        training_date=row.training_date,
        ready_date=row.ready_date,
        training_event_ids=frozenset(events),
        note=row.note,
        joined_date=row.joined_date,
    )


# --- writing --------------------------------------------------------------------------------
def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise RoleError("Этого человека уже нет в базе.")
    return person


def _upsert(
    session: Session, person_id: int, year_id: int, role: Role, status: str
) -> Participation:
    row = _participation(session, person_id, year_id, role)
    if row is None:
        row = Participation(person_id=person_id, year_id=year_id, role=role, status=status)
    return row


def set_mentee(store: Store, person_id: int, year_id: int, role: MenteeRole, *, today: date) -> int:
    """Put the person into the year's mentee base (or update his role); the participation id.

    Raises:
        RoleError: the role breaks a rule (Russian message); nothing is changed.
    """
    with store.session() as session:
        person = _person(session, person_id)
        problems = check_mentee(role, person.category, today)
        if problems:
            raise RoleError(" ".join(problems))
        row = _upsert(session, person_id, year_id, Role.MENTEE, role.status.value)
        row.form = role.form
        row.note = role.note.strip()
        row.needs_support = role.needs_support
        row.joined_date = role.joined_date or row.joined_date or today
        session.add(row)
        session.flush()
        session.execute(
            sa.delete(MenteeRequest).where(col(MenteeRequest.participation_id) == row.id)
        )
        for entry in role.requests:
            if clean(entry.text):
                session.add(
                    MenteeRequest(
                        participation_id=row.id, text=clean(entry.text), source=entry.source
                    )
                )
        session.commit()
        return int(row.id or 0)


def set_mentor(store: Store, person_id: int, year_id: int, role: MentorRole, *, today: date) -> int:
    """Put the person into the year's mentor base (or update his role); the participation id.

    Raises:
        RoleError: the role breaks a rule (Russian message); nothing is changed.
    """
    with store.session() as session:
        person = _person(session, person_id)
        problems = check_mentor(role, person.category, today)
        if problems:
            raise RoleError(" ".join(problems))
        row = _upsert(session, person_id, year_id, Role.MENTOR, role.status.value)
        row.status = role.status.value
        row.form = role.form
        row.capacity = role.capacity
        row.interests = clean(role.interests)
        row.interview_date, row.training_date, row.ready_date = (
            role.interview_date,
            role.training_date,
            role.ready_date,
        )
        row.note = role.note.strip()
        row.joined_date = role.joined_date or row.joined_date or today
        session.add(row)
        session.flush()
        pid = int(row.id or 0)
        session.execute(
            sa.delete(MentorCompetence).where(col(MentorCompetence.participation_id) == pid)
        )
        seen: set[str] = set()
        for text in (clean(t) for t in role.competences):
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                session.add(MentorCompetence(participation_id=pid, text=text))
        session.execute(
            sa.delete(TrainingAttendance).where(col(TrainingAttendance.participation_id) == pid)
        )
        for event_id in sorted(role.training_event_ids):
            session.add(TrainingAttendance(event_id=event_id, participation_id=pid))
        session.commit()
        return pid


def unmark(store: Store, person_id: int, year_id: int, role: Role) -> DeletionSnapshot | None:
    """Take the person out of the year's base of ``role`` (with his requests or competences).

    Returns the snapshot that undoes it (``deletion.restore_person``), None if he was not there.

    Raises:
        RoleError: he is in a pair or group of that year in this role; nothing is changed.
    """
    with store.session() as session:
        row = _participation(session, person_id, year_id, role)
        if row is None:
            return None
        if role is Role.MENTOR:
            busy = select(MentoringGroup.id).where(
                MentoringGroup.year_id == year_id, MentoringGroup.mentor_id == person_id
            )
        else:
            busy = (
                select(MentoringGroup.id)
                .join(GroupMember, col(GroupMember.group_id) == col(MentoringGroup.id))
                .where(MentoringGroup.year_id == year_id, GroupMember.person_id == person_id)
            )
        if session.exec(busy).first() is not None:
            who = "наставник" if role is Role.MENTOR else "наставляемый"
            raise RoleError(
                f"Участник состоит в наставнической паре или группе этого года как {who}. "
                "Сначала уберите его из пары или группы."
            )
        participation_id = int(row.id or 0)
    return delete_participation(store, participation_id, person_id)


# --- «Школа наставников» --------------------------------------------------------------------
def training_events(store: Store, year_id: int) -> list[TrainingEvent]:
    with store.session() as session:
        query = (
            select(TrainingEvent)
            .where(TrainingEvent.year_id == year_id)
            .order_by(col(TrainingEvent.event_date), col(TrainingEvent.id))
        )
        return list(session.exec(query).all())


def add_training_event(store: Store, year_id: int, title: str, day: date) -> TrainingEvent:
    """A lesson of «Школа наставников» on ``day``.

    Raises:
        RoleError: the title is empty.
    """
    title = clean(title)
    if not title:
        raise RoleError("Укажите тему занятия «Школы наставников».")
    event = TrainingEvent(year_id=year_id, title=title, event_date=day)
    with store.session() as session:
        session.add(event)
        session.commit()
        session.refresh(event)
    return event
