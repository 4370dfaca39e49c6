"""A small school for the pairs, plans and meetings tests: people and the year's bases, written
straight into the tables (the roles service is not needed to set them up)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, func, select

from nastavapp.models import Participation, Person
from nastavapp.models.vocab import (
    ExternalKind,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    Role,
)
from nastavapp.services.years import current_year
from nastavapp.store import Store

TODAY = date(2025, 11, 20)
F = MentoringForm
T, S, E = PersonCategory.TEACHER, PersonCategory.STUDENT, PersonCategory.EXTERNAL

# key: (category, ФИО, birth date, class or position, external kind, organisation, course/post)
PEOPLE: dict[str, tuple] = {
    "teacher_mentor": (T, "Иванова Мария Петровна", date(1975, 4, 2), "учитель математики"),
    "young_teacher": (T, "Смирнова Анна Олеговна", date(2000, 8, 14), "учитель русского языка"),
    "teacher2": (T, "Козлов Пётр Ильич", date(1998, 1, 20), "учитель истории"),
    "pupil_mentor": (S, "Орлов Дмитрий Андреевич", date(2009, 3, 1), "10А"),
    "young_mentor": (S, "Зайцев Глеб Романович", date(2011, 6, 10), "8Б"),
    "pupil_a": (S, "Белов Иван Сергеевич", date(2013, 2, 11), "6А"),
    "pupil_b": (S, "Васина Ольга Игоревна", date(2013, 5, 3), "6А"),
    "pupil_c": (S, "Громов Артём Павлович", date(2013, 9, 23), "6Б"),
    "pupil_d": (S, "Данилова Ева Максимовна", date(2014, 1, 7), "5А"),
    "senior": (S, "Ершов Никита Олегович", date(2008, 12, 1), "11А"),
    "uni": (
        E,
        "Фомина Алина Юрьевна",
        date(2005, 7, 7),
        "",
        ExternalKind.STUDENT,
        "Воронежский государственный педагогический университет",
        "2 курс",
    ),
    "employee": (
        E,
        "Сорокин Виктор Андреевич",
        date(1985, 3, 3),
        "",
        ExternalKind.EMPLOYEE,
        "ООО «Агроснаб»",
        "инженер",
    ),
}
# mentors: key → (form, capacity); mentees: key → form
MENTORS = {
    "teacher_mentor": (F.TEACHER_TEACHER, 2),
    "pupil_mentor": (F.STUDENT_STUDENT, 3),
    "young_mentor": (F.STUDENT_STUDENT, 1),
    "uni": (F.UNISTUDENT_STUDENT, 2),
    "employee": (F.EMPLOYER_STUDENT, 1),
}
MENTEES = {
    "young_teacher": F.TEACHER_TEACHER,
    "teacher2": F.TEACHER_TEACHER,
    "pupil_a": F.STUDENT_STUDENT,
    "pupil_b": F.STUDENT_STUDENT,
    "pupil_c": F.STUDENT_STUDENT,
    "pupil_d": F.STUDENT_STUDENT,
    "senior": F.STUDENT_STUDENT,
}


@dataclass
class School:
    store: Store
    year_id: int
    ids: dict[str, int]

    def __getitem__(self, key: str) -> int:
        return self.ids[key]

    def mentee_status(self, key: str) -> str:
        with self.store.session() as session:
            return session.exec(
                select(Participation.status).where(
                    Participation.person_id == self.ids[key],
                    Participation.year_id == self.year_id,
                    Participation.role == Role.MENTEE,
                )
            ).one()

    def count(self, table: type) -> int:
        with self.store.session() as session:
            return int(session.exec(select(func.count()).select_from(table)).one())


def build_school(store: Store) -> School:
    year = current_year(store)
    assert year is not None and year.id is not None
    ids: dict[str, int] = {}
    with store.session() as session:
        for key, (category, name, born, where, *ext) in PEOPLE.items():
            last, first, middle = name.split()
            person = Person(
                category=category,
                last_name=last,
                first_name=first,
                middle_name=middle,
                birth_date=born,
                class_name=where if category is S else "",
                position=where if category is T else "",
                external_kind=ext[0] if ext else None,
                organization=ext[1] if ext else "",
                organization_position=ext[2] if ext else "",
            )
            session.add(person)
            session.flush()
            ids[key] = int(person.id or 0)
        for key, (form, capacity) in MENTORS.items():
            session.add(
                Participation(
                    person_id=ids[key],
                    year_id=year.id,
                    role=Role.MENTOR,
                    status=MentorStatus.ACTIVE.value,
                    form=form,
                    capacity=capacity,
                )
            )
        for key, form in MENTEES.items():
            session.add(
                Participation(
                    person_id=ids[key],
                    year_id=year.id,
                    role=Role.MENTEE,
                    status=MenteeStatus.IN_BASE.value,
                    form=form,
                )
            )
        session.commit()
    return School(store, year.id, ids)


def statuses(store: Store, year_id: int) -> dict[int, str]:
    """Person id → mentee status in the year."""
    with store.session() as session:
        rows = session.exec(
            select(Participation.person_id, Participation.status).where(
                Participation.year_id == year_id, col(Participation.role) == Role.MENTEE
            )
        ).all()
    return dict(rows)
