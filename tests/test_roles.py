"""Roles of a year: mentee with requests and who named them, mentor with competences, capacity,
the selection pipeline with its dates and «Школа наставников»; taking a person out again."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models import GroupMember, MentoringGroup
from nastavapp.models.vocab import (
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    RequestSource,
    Role,
)
from nastavapp.services.deletion import restore_person
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import PersonFields
from nastavapp.services.roles import (
    MenteeRole,
    MentorRole,
    RequestEntry,
    RoleError,
    add_training_event,
    forms_for,
    mentee_role,
    mentor_role,
    pipeline_status,
    request_choices,
    request_sources,
    set_mentee,
    set_mentor,
    training_events,
    unmark,
)
from nastavapp.services.years import current_year

from .conftest import TODAY

S = RequestSource


@pytest.fixture
def year_id(school_store) -> int:
    year = current_year(school_store)
    assert year is not None and year.id is not None
    return year.id


def pupil(store, last="Ёлкина", first="Мария", born=date(2012, 6, 5)) -> int:
    fields = PersonFields(PersonCategory.STUDENT, last, first, birth_date=born, class_name="7А")
    return int(add_person(store, fields, today=TODAY).id or 0)


def teacher(store, last="Петрова", experience=2) -> int:
    fields = PersonFields(
        PersonCategory.TEACHER,
        last,
        "Анна",
        "Ивановна",
        birth_date=date(1999, 4, 12),
        position="учитель",
        subject="математика",
        experience_years=experience,
    )
    return int(add_person(store, fields, today=TODAY).id or 0)


def test_the_choices_follow_the_category():
    pupils = request_choices(PersonCategory.STUDENT)
    teachers = request_choices(PersonCategory.TEACHER)
    assert "Профориентация, выбор профессии и учебного заведения" in pupils
    assert "Трудная жизненная ситуация" in pupils
    assert "Реализация обновлённых ФГОС" in teachers
    assert "Подготовка к аттестации" in teachers
    assert [s.label for s in request_sources(PersonCategory.STUDENT)] == [
        "сам",
        "классный руководитель",
        "педагог-психолог",
        "социальный педагог",
        "родители",
    ]
    assert [s.label for s in request_sources(PersonCategory.TEACHER)] == [
        "анализ методической работы",
        "аттестация",
        "самоанализ",
    ]
    assert forms_for(PersonCategory.TEACHER, Role.MENTEE) == [MentoringForm.TEACHER_TEACHER]
    # the year's own forms come first
    assert forms_for(PersonCategory.TEACHER, Role.MENTOR, ["teacher_student"])[0] is (
        MentoringForm.TEACHER_STUDENT
    )
    assert forms_for(PersonCategory.EXTERNAL, Role.MENTEE) == []


def test_labels_of_enums_sharing_a_code_stay_apart():
    # «student», «mentor», «active» are codes of several vocabularies
    assert PersonCategory.STUDENT.label == "обучающийся"
    assert Role.MENTOR.label == "наставник"
    assert MentorStatus.ACTIVE.label == "готов к работе"


def test_mark_a_pupil_as_mentee_with_requests_and_sources(school_store, year_id):
    pid = pupil(school_store)
    role = MenteeRole(
        form=MentoringForm.STUDENT_STUDENT,
        requests=(
            RequestEntry("Низкие результаты по математике", S.CLASS_TEACHER),
            RequestEntry("  Хочет   в кружок робототехники ", S.SELF),  # free text
            RequestEntry("", S.PARENTS),  # an empty line is dropped
        ),
        note="Пропускал уроки",
    )
    set_mentee(school_store, pid, year_id, role, today=TODAY)
    stored = mentee_role(school_store, pid, year_id)
    assert stored is not None
    assert stored.requests == (
        RequestEntry("Низкие результаты по математике", S.CLASS_TEACHER),
        RequestEntry("Хочет в кружок робототехники", S.SELF),
    )
    assert stored.status is MenteeStatus.IN_BASE
    assert stored.joined_date == TODAY
    assert stored.form is MentoringForm.STUDENT_STUDENT
    # marking again edits the same role
    set_mentee(
        school_store,
        pid,
        year_id,
        MenteeRole(requests=(RequestEntry("Подготовка к ОГЭ / ЕГЭ", S.PSYCHOLOGIST),)),
        today=TODAY,
    )
    again = mentee_role(school_store, pid, year_id)
    assert again is not None and again.requests == (
        RequestEntry("Подготовка к ОГЭ / ЕГЭ", S.PSYCHOLOGIST),
    )


@pytest.mark.parametrize(
    ("role", "message"),
    [
        (MenteeRole(), "Укажите хотя бы один запрос наставляемого."),
        (
            MenteeRole(
                form=MentoringForm.TEACHER_TEACHER, requests=(RequestEntry("Профориентация"),)
            ),
            "Форма «учитель – учитель» не подходит для этого наставляемого.",
        ),
    ],
)
def test_a_mentee_role_that_breaks_a_rule_is_refused(school_store, year_id, role, message):
    pid = pupil(school_store)
    with pytest.raises(RoleError, match=message):
        set_mentee(school_store, pid, year_id, role, today=TODAY)
    assert mentee_role(school_store, pid, year_id) is None


def test_an_external_mentor_cannot_be_a_mentee(school_store, year_id):
    fields = PersonFields(PersonCategory.EXTERNAL, "Смирнов", "Олег", organization="ТГПУ")
    pid = int(add_person(school_store, fields, today=TODAY).id or 0)
    with pytest.raises(RoleError, match="Внешний наставник не может быть наставляемым"):
        set_mentee(
            school_store, pid, year_id, MenteeRole(requests=(RequestEntry("x"),)), today=TODAY
        )


def test_mark_a_teacher_as_mentor_through_the_pipeline(school_store, year_id):
    pid = teacher(school_store, experience=20)
    first = add_training_event(school_store, year_id, "Роль наставника", date(2025, 9, 23))
    second = add_training_event(school_store, year_id, "Индивидуальный план", date(2025, 9, 30))
    assert [e.title for e in training_events(school_store, year_id)] == [
        "Роль наставника",
        "Индивидуальный план",
    ]
    role = MentorRole(
        form=MentoringForm.TEACHER_TEACHER,
        competences=("методика преподавания", "математика", "Математика"),
        interests="туризм",
        capacity=2,
    )
    set_mentor(school_store, pid, year_id, role, today=TODAY)
    stored = mentor_role(school_store, pid, year_id)
    assert stored is not None
    assert stored.status is MentorStatus.CANDIDATE
    assert stored.competences == ("методика преподавания", "математика")  # no repeats
    assert stored.capacity == 2
    steps = [
        (date(2025, 9, 15), None, None, MentorStatus.INTERVIEWED),
        (date(2025, 9, 15), date(2025, 9, 30), None, MentorStatus.TRAINED),
        (date(2025, 9, 15), date(2025, 9, 30), date(2025, 10, 1), MentorStatus.ACTIVE),
    ]
    for interview, training, ready, status in steps:
        role = MentorRole(
            form=MentoringForm.TEACHER_TEACHER,
            competences=("методика преподавания",),
            capacity=2,
            interview_date=interview,
            training_date=training,
            ready_date=ready,
            training_event_ids=frozenset({int(first.id or 0), int(second.id or 0)}),
        )
        set_mentor(school_store, pid, year_id, role, today=TODAY)
        stored = mentor_role(school_store, pid, year_id)
        assert stored is not None and stored.status is status
        assert (stored.interview_date, stored.training_date, stored.ready_date) == (
            interview,
            training,
            ready,
        )
    assert stored.training_event_ids == {first.id, second.id}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"training_date": date(2025, 9, 30)}, "Дата обучения указана, а дата собеседования — нет"),
        (
            {"interview_date": date(2025, 10, 1), "training_date": date(2025, 9, 30)},
            "Дата обучения раньше даты собеседования",
        ),
        ({"interview_date": date(2025, 12, 1)}, "Дата собеседования 01.12.2025 ещё не наступила"),
        ({"capacity": 0}, "Число наставляемых — от 1 до 20"),
    ],
)
def test_a_mentor_role_that_breaks_a_rule_is_refused(school_store, year_id, changes, message):
    pid = teacher(school_store)
    with pytest.raises(RoleError, match=message):
        set_mentor(school_store, pid, year_id, MentorRole(**changes), today=TODAY)
    assert mentor_role(school_store, pid, year_id) is None


def test_pipeline_status_is_the_furthest_step():
    day = date(2025, 9, 1)
    assert pipeline_status(None, None, None) is MentorStatus.CANDIDATE
    assert pipeline_status(day, None, None) is MentorStatus.INTERVIEWED
    assert pipeline_status(day, day, None) is MentorStatus.TRAINED
    assert pipeline_status(day, day, day) is MentorStatus.ACTIVE


def test_one_person_can_be_mentor_and_mentee(school_store, year_id):
    pid = teacher(school_store, experience=3)
    set_mentee(
        school_store,
        pid,
        year_id,
        MenteeRole(requests=(RequestEntry("Классное руководство", S.METHODICAL_ANALYSIS),)),
        today=TODAY,
    )
    set_mentor(school_store, pid, year_id, MentorRole(competences=("ИКТ",)), today=TODAY)
    assert mentee_role(school_store, pid, year_id) is not None
    assert mentor_role(school_store, pid, year_id) is not None


def test_unmark_takes_the_person_out_and_can_be_undone(school_store, year_id):
    pid = pupil(school_store)
    role = MenteeRole(requests=(RequestEntry("Трудная жизненная ситуация", S.SOCIAL_PEDAGOGUE),))
    set_mentee(school_store, pid, year_id, role, today=TODAY)
    snapshot = unmark(school_store, pid, year_id, Role.MENTEE)
    assert snapshot is not None
    assert mentee_role(school_store, pid, year_id) is None
    assert unmark(school_store, pid, year_id, Role.MENTEE) is None  # nothing to take out
    restore_person(school_store, snapshot)
    restored = mentee_role(school_store, pid, year_id)
    assert restored is not None and restored.requests == role.requests


def test_a_person_in_a_pair_cannot_be_taken_out(school_store, year_id):
    mentor, mentee = teacher(school_store, "Сидорова", 25), pupil(school_store)
    set_mentor(school_store, mentor, year_id, MentorRole(competences=("математика",)), today=TODAY)
    set_mentee(
        school_store, mentee, year_id, MenteeRole(requests=(RequestEntry("x"),)), today=TODAY
    )
    with school_store.session() as session:
        group = MentoringGroup(
            year_id=year_id, mentor_id=mentor, form=MentoringForm.TEACHER_STUDENT
        )
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=mentee))
        session.commit()
    for pid, role in ((mentor, Role.MENTOR), (mentee, Role.MENTEE)):
        with pytest.raises(RoleError, match="Сначала уберите его из пары или группы"):
            unmark(school_store, pid, year_id, role)
    assert mentee_role(school_store, mentee, year_id) is not None


def test_a_training_event_needs_a_title(school_store, year_id):
    with pytest.raises(RoleError, match="Укажите тему"):
        add_training_event(school_store, year_id, "  ", TODAY)
