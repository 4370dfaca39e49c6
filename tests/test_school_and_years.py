"""School set-up and academic years through the services, on a real data file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from nastavapp.models import AcademicYear, RoadmapEvent, School
from nastavapp.models.vocab import MentoringForm
from nastavapp.services.school import SetupError, get_school, setup_school
from nastavapp.services.years import (
    YearError,
    create_year,
    current_year,
    list_years,
    parse_year_title,
    set_current_year,
    year_title_for,
)

from .conftest import sample_setup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025/2026", ("2025/2026", date(2025, 9, 1), date(2026, 8, 31))),
        (" 2024-2025 ", ("2024/2025", date(2024, 9, 1), date(2025, 8, 31))),
        ("2027–2028", ("2027/2028", date(2027, 9, 1), date(2028, 8, 31))),
    ],
)
def test_parse_year_title(text, expected):
    assert parse_year_title(text) == expected


@pytest.mark.parametrize("text", ["2025/2027", "25/26", "", "двадцать пятый", "2026/2025"])
def test_parse_year_title_refuses(text):
    with pytest.raises(YearError):
        parse_year_title(text)


def test_year_title_for_dates():
    assert year_title_for(date(2025, 9, 1)) == "2025/2026"
    assert year_title_for(date(2026, 8, 31)) == "2025/2026"
    assert year_title_for(date(2026, 1, 10)) == "2025/2026"


def test_setup_school_stores_profile_year_and_roadmap(store):
    setup_school(store, sample_setup())
    school = get_school(store)
    assert school is not None
    assert school.short_name == "МБОУ «Сосновская СОШ»"
    assert (school.director_last_name, school.director_first_name) == ("Ёлкина", "Наталья")
    assert school.curator_position == "заместитель директора по УВР"
    year = current_year(store)
    assert year is not None and year.is_current
    assert (year.title, year.start_date, year.end_date) == (
        "2025/2026",
        date(2025, 9, 1),
        date(2026, 8, 31),
    )
    assert year.forms == ["student_student", "teacher_teacher"]
    with store.session() as session:
        stages = {e.stage for e in session.exec(select(RoadmapEvent)).all()}
    assert stages == set(range(1, 8))


def test_setup_refuses_incomplete_input_and_stores_nothing(store):
    bad = sample_setup(short_name=" ", forms=[], year_title="2025")
    with pytest.raises(SetupError) as caught:
        setup_school(store, bad)
    message = str(caught.value)
    assert "краткое наименование" in message
    assert "хотя бы одну форму" in message
    with store.session() as session:
        assert session.exec(select(School)).all() == []
        assert session.exec(select(AcademicYear)).all() == []


def test_second_setup_is_refused(school_store):
    with pytest.raises(SetupError, match="уже заведена"):
        setup_school(school_store, sample_setup())


def test_switching_the_current_year(school_store):
    next_year = create_year(
        school_store, "2026/2027", [MentoringForm.TEACHER_TEACHER], make_current=False
    )
    assert current_year(school_store).title == "2025/2026"
    set_current_year(school_store, next_year.id)
    assert current_year(school_store).title == "2026/2027"
    assert [y.is_current for y in list_years(school_store)] == [False, True]
    with pytest.raises(YearError, match="уже есть"):
        create_year(school_store, "2026-2027", [MentoringForm.TEACHER_TEACHER])
