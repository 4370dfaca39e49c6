"""«Сведения о школе»: the profile edited after the first run reaches the documents; a year's
forms can be added to, and a form is not taken away while the year's pairs or people are in it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nastavapp.models.vocab import MentoringForm, Sex
from nastavapp.services.documents.roadmap_xlsx import export_roadmap_xlsx
from nastavapp.services.names import FullName
from nastavapp.services.school import SetupError, get_school
from nastavapp.services.school_profile import (
    forms_in_use,
    profile_of,
    set_year_forms,
    update_school,
)
from nastavapp.services.years import current_year

from .db_rows import dump


def _sheet_text(path: Path) -> str:
    book = load_workbook(path)
    return "\n".join(
        str(cell)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


def test_a_new_director_reaches_the_roadmap(school_store, tmp_path):
    profile = profile_of(get_school(school_store))
    assert profile.director == FullName("Ёлкина", "Наталья", "Викторовна")
    update_school(
        school_store,
        replace(
            profile,
            director=FullName("Кузнецов", "Андрей", "Павлович"),
            director_sex=Sex.MALE,
            short_name='МБОУ "Сосновская СОШ"',
            code=" 5401234567 ",
        ),
    )
    school = get_school(school_store)
    assert (school.director_last_name, school.director_sex) == ("Кузнецов", Sex.MALE)
    assert school.short_name == "МБОУ «Сосновская СОШ»"  # typed quotes become «ёлочки»
    assert school.code == "5401234567"
    text = _sheet_text(export_roadmap_xlsx(school_store, tmp_path / "карта.xlsx"))
    assert "А. П. Кузнецов" in text
    assert "Ёлкина" not in text and "Н. В." not in text


def test_a_profile_without_a_director_is_refused_and_nothing_changes(school_store):
    before = dump(school_store.path)
    profile = profile_of(get_school(school_store))
    with pytest.raises(SetupError, match="Укажите фамилию и имя директора"):
        update_school(school_store, replace(profile, director=FullName("Кузнецов", "", "")))
    assert dump(school_store.path) == before


def test_a_form_can_be_added_and_an_unused_one_taken_away(school_store):
    year = current_year(school_store)
    assert year.forms == ["student_student", "teacher_teacher"]
    wanted = [MentoringForm.EMPLOYER_STUDENT, MentoringForm.STUDENT_STUDENT]
    set_year_forms(school_store, year.id, wanted)
    assert current_year(school_store).forms == ["student_student", "employer_student"]
    with pytest.raises(SetupError, match="хотя бы одну форму"):
        set_year_forms(school_store, year.id, [])


def test_a_form_with_pairs_or_people_in_it_stays(demo):
    year = current_year(demo)
    used = forms_in_use(demo, year.id)
    student = used[MentoringForm.STUDENT_STUDENT]
    assert student.groups > 0 and student.participants > 0
    before = dump(demo.path)
    others = [MentoringForm(f) for f in year.forms if f != MentoringForm.STUDENT_STUDENT.value]
    with pytest.raises(SetupError) as refused:
        set_year_forms(demo, year.id, others)
    assert str(refused.value).startswith(
        "Эту форму нельзя убрать: в ней уже есть пары, группы или участники этого года "
        f"(«ученик – ученик» — пар и групп: {student.groups}, "
        f"участников: {student.participants})."
    )
    assert dump(demo.path) == before
