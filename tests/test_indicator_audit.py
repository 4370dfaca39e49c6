"""Figures of the report found wrong by an audit against hand counts, each on a real data file.

Every test builds the situation in the SQLite file of ``school_store`` and asserts the exact
figure worked out by hand here.
"""

from __future__ import annotations

from datetime import date

from nastavapp.models import (
    Answer,
    GroupMember,
    MentoringGroup,
    Person,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from nastavapp.models.vocab import (
    Audience,
    GroupStatus,
    MentoringForm,
    PersonCategory,
    QuestionnairePhase,
    QuestionType,
    Role,
)
from nastavapp.services.indicators import compute_indicators, share
from nastavapp.services.stats import collect_stats
from nastavapp.services.years import current_year

REF = date(2026, 5, 25)
S, T = PersonCategory.STUDENT, PersonCategory.TEACHER


def _people(session, count, category, name="Ученик"):
    people = [
        Person(category=category, last_name=f"{name}{i}", first_name="Тест") for i in range(count)
    ]
    session.add_all(people)
    session.flush()
    return [p.id for p in people]


def _group(session, year_id, mentor, mentees, form=MentoringForm.STUDENT_STUDENT):
    group = MentoringGroup(year_id=year_id, mentor_id=mentor, form=form, status=GroupStatus.ACTIVE)
    session.add(group)
    session.flush()
    for mentee in mentees:
        session.add(GroupMember(group_id=group.id, person_id=mentee))
    return group.id


def _final_answers(session, year_id, role, answers):
    """A final questionnaire of ``role`` with two 1–10 items, one response per pair of scores."""
    audience = Audience.MENTEE if role is Role.MENTEE else Audience.MENTOR
    template = QuestionnaireTemplate(
        year_id=year_id, title="Итоговая", audience=audience, phase=QuestionnairePhase.FINAL
    )
    session.add(template)
    session.flush()
    items = [
        QuestionItem(template_id=template.id, text=f"Вопрос {i}", type=QuestionType.SCALE)
        for i in range(2)
    ]
    session.add_all(items)
    session.flush()
    for values in answers:
        response = QuestionnaireResponse(template_id=template.id, role=role)
        session.add(response)
        session.flush()
        for item, value in zip(items, values, strict=True):
            session.add(Answer(response_id=response.id, item_id=item.id, value_int=value))


# --- rounding ---------------------------------------------------------------------------------
def test_a_share_ending_in_a_half_is_rounded_up_as_in_school(school_store):
    """2 of 160 pupils = 1,25 % → 1,3 % (Excel's ROUND and a calculator say so); binary
    floats rounded it to 1,2. The demo «large» school showed 1031 of 2000 as 51,5 %, not 51,6."""
    year = current_year(school_store)
    with school_store.session() as session:
        pupils = _people(session, 160, S)
        _group(session, year.id, pupils[0], [pupils[1]])
        session.commit()
    found = compute_indicators(school_store, year.id, REF)
    assert (len(found.students_involved.numerator), len(found.students_involved.denominator)) == (
        2,
        160,
    )
    assert found.students_involved.percent == 1.3
    assert collect_stats(school_store, today=REF)["indicators"]["share_students_involved"] == 1.3
    assert share(1031, 2000) == 51.6
    assert share(1, 3) == 33.3 and share(2, 3) == 66.7 and share(0, 7) == 0.0
    assert share(5, 5) == 100.0 and share(0, 0) is None


def test_an_average_score_ending_in_a_half_is_rounded_up(school_store):
    """Respondents' means 8,0 and 8,5 average 8,25 → 8,3 (it was 8,2)."""
    year = current_year(school_store)
    with school_store.session() as session:
        _final_answers(session, year.id, Role.MENTEE, [(8, 8), (8, 9)])
        session.commit()
    found = compute_indicators(school_store, year.id, REF)
    assert found.satisfaction_mentees.average == 8.3
    assert found.satisfaction_mentees.respondents == 2


# --- the school's satisfaction threshold ----------------------------------------------------
def test_the_report_counts_satisfied_by_the_schools_threshold(school_store, tmp_path):
    """«Показатели» counted «удовлетворены» from the school's threshold, the report and its
    «data» sheet always from 7: with 8,5 the screen said 2 of 3 and the report 3 of 3."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from nastavapp.services.documents.report_export import export_report
    from nastavapp.services.report_data import data_rows
    from nastavapp.services.settings import set_satisfied_threshold

    year = current_year(school_store)
    with school_store.session() as session:
        # respondents' means 8,0; 9,0; 8,5: satisfied from 8,5 are the last two
        _final_answers(session, year.id, Role.MENTEE, [(8, 8), (9, 9), (8, 9)])
        session.commit()
    set_satisfied_threshold(school_store, 8.5)
    rows = dict(data_rows(school_store, REF))
    assert rows["indicator_counts.satisfaction_mentees.numerator"] == 2
    assert rows["indicator_counts.satisfaction_mentees.denominator"] == 3
    assert rows["indicators.satisfaction_mentees"] == 8.5
    rule = "средняя оценка которого по вопросам анкеты — от 8,5 до 10 баллов"
    book = load_workbook(export_report(school_store, tmp_path / "отчёт.xlsx", REF))
    cells = [c for row in book["Отчёт"].iter_rows(values_only=True) for c in row if c]
    satisfaction = cells.index("Наставляемые")
    assert cells[satisfaction : satisfaction + 6] == [
        "Наставляемые",
        "итоговая анкета",
        3,
        8.5,
        2,
        66.7,
    ]
    assert any(rule in str(c) for c in cells)
    pdf = export_report(school_store, tmp_path / "отчёт.pdf", REF)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert rule in text
    assert "Наставляемые итоговая анкета 3 8,5 2 66,7" in text


def test_the_satisfied_count_of_the_data_sheet_is_counted_not_worked_back(school_store):
    """The numerator was worked back from the rounded share: 501 of 1 001 satisfied is
    50,0 %, and 50,0 % of 1 001 = 500,5 gave 500. The municipal summary adds these numerators."""
    year = current_year(school_store)
    with school_store.session() as session:
        _final_answers(session, year.id, Role.MENTOR, [(9, 9)] * 501 + [(2, 2)] * 500)
        session.commit()
    counts = collect_stats(school_store, today=REF)["indicator_counts"]
    assert counts["satisfaction_mentors"] == {"numerator": 501, "denominator": 1001}


# --- pairs and groups by form ------------------------------------------------------------------
def test_the_forms_total_counts_each_mentor_and_mentee_once(school_store, tmp_path):
    """A teacher mentoring a colleague and a pupil, and a pupil who is a mentee in two forms:
    the rows say 1 + 1 mentors and 1 + 1 + 1 mentees, but there are 1 and 2 people. The demo
    «large» school's «Всего» said 318 mentors where 275 people mentor."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from nastavapp.services.documents.report_export import export_report

    year = current_year(school_store)
    with school_store.session() as session:
        mentor, colleague = _people(session, 2, T, "Педагог")
        older, pupil = _people(session, 2, S)
        _group(session, year.id, mentor, [colleague], MentoringForm.TEACHER_TEACHER)
        _group(session, year.id, mentor, [pupil], MentoringForm.TEACHER_STUDENT)
        _group(session, year.id, older, [pupil], MentoringForm.STUDENT_STUDENT)
        session.commit()
    book = load_workbook(export_report(school_store, tmp_path / "отчёт.xlsx", REF))
    rows = [[c for c in row if c is not None] for row in book["Отчёт"].iter_rows(values_only=True)]
    # Всего: 3 pairs, 0 groups, 3 in all; mentors: the teacher and the older pupil; mentees:
    # the colleague and the pupil
    assert ["Всего", 3, 0, 3, 2, 2] in rows
    pdf = export_report(school_store, tmp_path / "отчёт.pdf", REF)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "работодатель – ученик 0 0 0 0 0 Всего 3 0 3 2 2" in text


# --- the reference date of a past year ------------------------------------------------------
def test_a_past_year_on_the_dashboard_is_counted_at_its_last_day(qtbot, school_store):
    """«Показатели» kept today's date for last year, so last year's pupils were a year older
    than in its report (counted at 31.08): one pupil of 9 then, 10 now, entered the band."""
    from nastavapp.models import AcademicYear
    from nastavapp.ui.indicators.dashboard import DashboardTab

    today = date(2026, 5, 25)
    with school_store.session() as session:
        last = AcademicYear(
            title="2024/2025", start_date=date(2024, 9, 1), end_date=date(2025, 8, 31)
        )
        session.add(last)
        session.flush()
        mentor = _people(session, 1, T, "Педагог")[0]
        mentee = Person(category=S, last_name="Одиннадцатилетний", first_name="Тест")
        mentee.birth_date = date(2014, 1, 1)  # 11 on 31.08.2025
        young = Person(category=S, last_name="Девятилетний", first_name="Тест")
        young.birth_date = date(2015, 10, 1)  # 9 on 31.08.2025, 10 on 25.05.2026
        session.add_all([mentee, young])
        session.flush()
        _group(session, last.id, mentor, [mentee.id], MentoringForm.TEACHER_STUDENT)
        session.commit()
        session.refresh(last)
        session.expunge(last)
    tab = DashboardTab(school_store, today)
    qtbot.addWidget(tab)
    tab.show_year(last)
    assert tab.reference_date() == date(2025, 8, 31)
    card = tab.cards["mentees_10_19"]
    assert (card.value.text(), card.counts.text()) == ("100\u00a0%", "1 из 1")
    tab.show_year(current_year(school_store))  # the current year: today again
    assert tab.reference_date() == today
    assert tab.cards["mentees_10_19"].counts.text() == "0 из 2"
