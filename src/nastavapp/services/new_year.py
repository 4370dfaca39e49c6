"""A new academic year: a fresh roadmap from the template, carrying over what continues.

Carried over: the people (they persist anyway; pupils move up a class, 11th-graders leave),
the mentors' selection and training (trained and ready mentors stay so, with competences),
and the pairs and groups that continue (working or approved), with their mentees and mentor.
The previous year stays as it was and readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..models import (
    AcademicYear,
    GroupMember,
    GroupStatusChange,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
)
from ..models.vocab import (
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    Role,
)
from ..store import Store
from .years import YearError, add_year

_CLASS = re.compile(r"^(\d{1,2})(.*)$")
CONTINUING = (GroupStatus.APPROVED, GroupStatus.ACTIVE)
READY = (MentorStatus.TRAINED.value, MentorStatus.ACTIVE.value)


@dataclass(frozen=True)
class CarryOver:
    year: AcademicYear
    promoted: int  # pupils moved up a class
    graduated: int  # 11th-graders archived
    mentors: int
    groups: int


def next_class(class_name: str) -> str | None:
    """«7А» → «8А»; «11Б» → None (graduates); anything unparsable stays as it is."""
    match = _CLASS.match(class_name.strip())
    if not match:
        return class_name
    grade = int(match.group(1))
    return None if grade >= 11 else f"{grade + 1}{match.group(2)}"


def _promote_pupils(session: Session) -> tuple[int, int]:
    promoted = graduated = 0
    pupils = session.exec(
        select(Person).where(
            Person.category == PersonCategory.STUDENT, col(Person.archived).is_(False)
        )
    ).all()
    for pupil in pupils:
        if not pupil.class_name:
            continue
        moved = next_class(pupil.class_name)
        if moved is None:
            pupil.archived = True
            graduated += 1
        elif moved != pupil.class_name:
            pupil.class_name = moved
            promoted += 1
        session.add(pupil)
    return promoted, graduated


def _carry_mentors(session: Session, old: AcademicYear, new: AcademicYear) -> dict[int, int]:
    """Copy ready mentors with their competences; returns old→new participation ids."""
    copied: dict[int, int] = {}
    mentors = session.exec(
        select(Participation).where(
            Participation.year_id == old.id,
            Participation.role == Role.MENTOR,
            col(Participation.status).in_(READY),
        )
    ).all()
    for mentor in mentors:
        person = session.get(Person, mentor.person_id)
        if person is None or person.archived:
            continue
        data = mentor.model_dump(exclude={"id", "year_id", "joined_date"})
        fresh = Participation(**data, year_id=new.id, joined_date=new.start_date)
        session.add(fresh)
        session.flush()
        assert mentor.id is not None and fresh.id is not None
        copied[mentor.id] = fresh.id
        for competence in session.exec(
            select(MentorCompetence).where(MentorCompetence.participation_id == mentor.id)
        ).all():
            session.add(MentorCompetence(participation_id=fresh.id, text=competence.text))
    return copied


def _carry_groups(session: Session, old: AcademicYear, new: AcademicYear) -> int:
    groups = session.exec(
        select(MentoringGroup).where(
            MentoringGroup.year_id == old.id, col(MentoringGroup.status).in_(CONTINUING)
        )
    ).all()
    carried = 0
    # who already has which role in the new year: one query, not one (and a flush) per member
    roles = set(
        session.exec(
            select(Participation.person_id, Participation.role).where(
                Participation.year_id == new.id
            )
        ).all()
    )
    for group in groups:
        members = session.exec(select(GroupMember).where(GroupMember.group_id == group.id)).all()
        people = [session.get(Person, m.person_id) for m in members]
        staying = [p for p in people if p is not None and not p.archived]
        mentor = session.get(Person, group.mentor_id)
        if not staying or mentor is None or mentor.archived:
            continue
        data = group.model_dump(exclude={"id", "year_id", "status", "order_id", "end_date"})
        fresh = MentoringGroup(**data, year_id=new.id, status=GroupStatus.ACTIVE)
        session.add(fresh)
        session.flush()
        session.add(
            GroupStatusChange(
                group_id=fresh.id,
                status=GroupStatus.ACTIVE,
                changed_on=new.start_date,
                note=f"продолжает работу с {old.title} учебного года",
            )
        )
        for person in staying:
            session.add(GroupMember(group_id=fresh.id, person_id=person.id))
            if (person.id, Role.MENTEE) not in roles:
                roles.add((person.id, Role.MENTEE))
                session.add(
                    Participation(
                        person_id=person.id,
                        year_id=new.id,
                        role=Role.MENTEE,
                        status=MenteeStatus.PAIRED.value,
                        form=group.form,
                        joined_date=new.start_date,
                    )
                )
        if (mentor.id, Role.MENTOR) not in roles:
            roles.add((mentor.id, Role.MENTOR))
            session.add(
                Participation(
                    person_id=mentor.id,
                    year_id=new.id,
                    role=Role.MENTOR,
                    status=MentorStatus.ACTIVE.value,
                    form=group.form,
                    capacity=max(1, len(staying)),
                    joined_date=new.start_date,
                )
            )
        carried += 1
    return carried


def start_new_year(store: Store, title: str, *, from_year: AcademicYear) -> CarryOver:
    """Create ``title`` (its roadmap from the template) and carry over from ``from_year``.

    One transaction: the year, its roadmap and the carry-over are saved together or not at
    all. (Removing a half-made year after a failure did not work when the failure was the
    file locked by another program or the disk full: the removal failed the same way, and a
    current year without its pupils promoted stayed in the file.)
    """
    if title <= from_year.title:
        raise YearError(f"Новый учебный год должен идти после {from_year.title}.")
    forms = [MentoringForm(code) for code in from_year.forms]
    with store.session() as session:
        old = session.get(AcademicYear, from_year.id)
        if old is None:
            raise YearError("Учебный год, из которого переносятся данные, не найден.")
        fresh = add_year(session, title, forms, make_current=True)
        promoted, graduated = _promote_pupils(session)
        mentors = _carry_mentors(session, old, fresh)
        groups = _carry_groups(session, old, fresh)
        session.commit()
        session.refresh(fresh)
    return CarryOver(fresh, promoted, graduated, len(mentors), groups)
