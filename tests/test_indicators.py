"""Indicators on a small hand-made school whose right values are worked out by hand here."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models import (
    Answer,
    GroupMember,
    Meeting,
    MentoringGroup,
    Person,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from nastavapp.models.vocab import (
    Audience,
    ExternalKind,
    GroupStatus,
    MentoringForm,
    PersonCategory,
    QuestionnairePhase,
    QuestionType,
    Role,
)
from nastavapp.services.indicators import compute_indicators, share
from nastavapp.services.years import current_year

REF = date(2025, 11, 20)
S, T, E = PersonCategory.STUDENT, PersonCategory.TEACHER, PersonCategory.EXTERNAL


def _person(session, name, category, born=None, **extra):
    person = Person(category=category, last_name=name, first_name="Тест", birth_date=born, **extra)
    session.add(person)
    session.flush()
    return person.id


def _group(session, year_id, mentor, mentees, form, status):
    group = MentoringGroup(year_id=year_id, mentor_id=mentor, form=form, status=status)
    session.add(group)
    session.flush()
    for mentee in mentees:
        session.add(GroupMember(group_id=group.id, person_id=mentee))
    return group.id


def _questionnaire(session, year_id, phase, answers):
    template = QuestionnaireTemplate(
        year_id=year_id, title="Анкета", audience=Audience.MENTEE, phase=phase
    )
    session.add(template)
    session.flush()
    items = [
        QuestionItem(template_id=template.id, text=f"Вопрос {i}", type=kind)
        for i, kind in enumerate((QuestionType.SCALE, QuestionType.SCALE, QuestionType.YES_NO))
    ]
    session.add_all(items)
    session.flush()
    for values in answers:
        response = QuestionnaireResponse(template_id=template.id, role=Role.MENTEE)
        session.add(response)
        session.flush()
        for item, value in zip(items, values, strict=True):
            session.add(Answer(response_id=response.id, item_id=item.id, value_int=value))


@pytest.fixture
def school(school_store):
    year = current_year(school_store)
    with school_store.session() as session:
        p1 = _person(session, "Девятилетний", S, date(2015, 11, 21))  # 10 only tomorrow
        p2 = _person(session, "Десятилетний", S, date(2015, 11, 20))  # 10 today
        p3 = _person(session, "Расформированный", S, date(2012, 1, 1))  # 13
        p4 = _person(session, "Наставник", S, date(2010, 5, 1))  # 15
        p5 = _person(session, "Старшеклассник", S, date(2008, 1, 1))  # 17
        _person(session, "Двадцатилетний", S, date(2005, 11, 20))  # 20: out of every band
        t1 = _person(session, "Молодой", T, date(2000, 1, 1), experience_years=2)
        t2 = _person(session, "Опытный", T, date(1970, 1, 1), experience_years=20)
        _person(session, "Новичок", T, date(2002, 1, 1), experience_years=0)
        _person(session, "Ветеран", T, date(1960, 1, 1), experience_years=30)
        e1 = _person(
            session,
            "Агроном",
            E,
            date(1985, 1, 1),
            external_kind=ExternalKind.EMPLOYEE,
            organization="ООО «Агрохолдинг»",
        )
        g1 = _group(
            session, year.id, p4, [p1, p2], MentoringForm.STUDENT_STUDENT, GroupStatus.ACTIVE
        )
        _group(session, year.id, t2, [t1], MentoringForm.TEACHER_TEACHER, GroupStatus.COMPLETED)
        _group(session, year.id, e1, [p5], MentoringForm.EMPLOYER_STUDENT, GroupStatus.APPROVED)
        g4 = _group(
            session, year.id, p4, [p3], MentoringForm.STUDENT_STUDENT, GroupStatus.DISBANDED
        )
        for group, day in (
            (g1, date(2025, 10, 1)),
            (g1, date(2025, 10, 15)),
            (g4, date(2025, 10, 2)),
        ):
            session.add(Meeting(group_id=group, meeting_date=day))
        _questionnaire(session, year.id, QuestionnairePhase.ENTRY, [(3, 3, 0)])
        _questionnaire(session, year.id, QuestionnairePhase.FINAL, [(8, 9, 1), (6, 7, 0)])
        session.commit()
    return school_store, year


def test_shares_worked_out_by_hand(school):
    store, year = school
    found = compute_indicators(store, year.id, REF)
    # pupils 10–19: Десятилетний, Расформированный, Наставник, Старшеклассник (4);
    # mentees of live groups among them: Десятилетний, Старшеклассник
    assert (len(found.mentees_10_19.numerator), len(found.mentees_10_19.denominator)) == (2, 4)
    assert found.mentees_10_19.percent == 50.0
    # pupils 15–19: Наставник, Старшеклассник; mentor: Наставник
    assert found.mentors_15_19.percent == 50.0
    # all 6 pupils; involved: Девятилетний, Десятилетний, Наставник, Старшеклассник
    assert found.students_involved.percent == 66.7
    # 4 teachers; involved: Молодой, Опытный (a completed pair still counts)
    assert found.teachers_involved.percent == 50.0
    # young specialists: Молодой, Новичок; with a mentor: Молодой
    assert found.young_specialists_with_mentor.percent == 50.0
    assert found.groups_by_form == {
        "student_student": 1,
        "teacher_teacher": 1,
        "employer_student": 1,
    }
    # meetings: two of the working pair and one held before the other was disbanded
    assert (found.completed_groups, found.meetings) == (1, 3)
    assert found.partner_organizations == ("ООО «Агрохолдинг»",)


def test_satisfaction_uses_the_final_questionnaires(school):
    store, year = school
    found = compute_indicators(store, year.id, REF)
    mentees = found.satisfaction_mentees
    # final answers: (8, 9) → 8.5 and (6, 7) → 6.5; the yes/no item is not a score
    assert (mentees.average, mentees.satisfied_share, mentees.respondents) == (7.5, 50.0, 2)
    assert mentees.phase is QuestionnairePhase.FINAL
    stricter = compute_indicators(store, year.id, REF, satisfied_threshold=9.0)
    assert stricter.satisfaction_mentees.satisfied_share == 0.0
    assert found.satisfaction_mentors.average is None
    assert found.as_json()["satisfaction_mentors"] is None


def test_the_age_edge_moves_with_the_reference_date(school):
    store, year = school
    tomorrow = compute_indicators(store, year.id, date(2025, 11, 21))
    # Девятилетний turns 10: now 5 pupils in the band, 3 of them mentees
    assert len(tomorrow.mentees_10_19.denominator) == 5
    assert tomorrow.mentees_10_19.percent == 60.0


def test_zero_denominators_give_none_not_an_error(school_store):
    year = current_year(school_store)
    found = compute_indicators(school_store, year.id, REF)
    assert found.as_json() == dict.fromkeys(found.as_json())
    assert share(0, 0) is None and share(1, 3) == 33.3


def test_the_70_percent_target_applies_to_involvement_in_every_document():
    from nastavapp.services.consolidation.figures import INDICATORS
    from nastavapp.services.documents.report_content import indicator_rows
    from nastavapp.services.indicators import target_of

    keys = (
        "mentees_10_19",
        "mentors_15_19",
        "students_involved",
        "teachers_involved",
        "young_specialists_with_mentor",
    )
    assert {k: target_of(k) for k in keys if target_of(k)} == {
        "students_involved": 70.0,
        "teachers_involved": 70.0,
    }
    assert {r.key: r.target for r in indicator_rows({}) if r.target} == {
        "share_students_involved": 70.0,
        "share_teachers_involved": 70.0,
    }
    assert {s.key for s in INDICATORS if s.target} == {"students_involved", "teachers_involved"}
