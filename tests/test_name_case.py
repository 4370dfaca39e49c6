"""A name typed all in lower case gets its capitals wherever people are entered (by hand, from a
list, the director in the wizard); capitals typed on purpose stay («ИВАНОВ» in the official
style, «МакКой»), as do the particles of a name («оглы», «фон»)."""

from __future__ import annotations

import pytest

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.importing.persons import import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.services.names import FullName, name_case
from nastavapp.services.person_fields import PersonFields, normalized
from nastavapp.services.school import get_school, setup_school

from .conftest import TODAY, sample_setup


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("иванова", "Иванова"),
        ("иванова-петрова", "Иванова-Петрова"),
        ("  ёлкин ", "Ёлкин"),
        ("ИВАНОВ", "ИВАНОВ"),
        ("МакКой", "МакКой"),
        ("гусейн оглы", "Гусейн оглы"),
        ("фон визин", "фон Визин"),
        ("", ""),
    ],
)
def test_name_case(typed, kept):
    assert name_case(typed) == kept


def test_a_person_typed_in_lower_case(store):
    person = normalized(
        PersonFields(
            category=PersonCategory.STUDENT,
            last_name="ёлкин",
            first_name="артём",
            middle_name="ИГОРЕВИЧ",
            class_name="5 б",
        )
    )
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Ёлкин",
        "Артём",
        "ИГОРЕВИЧ",
    )


def test_a_list_in_lower_case_is_imported_with_capitals(tmp_path, school_store):
    path = tmp_path / "5Б.csv"
    path.write_text("ФИО;Класс\nпетрова анна сергеевна;5Б\nСИДОРОВ Олег;5Б\n", encoding="utf-8")
    result = import_persons(
        school_store, prepare_import(path), PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [a.person.full_name for a in result.accepted] == [
        "Петрова Анна Сергеевна",
        "СИДОРОВ Олег",
    ]


def test_the_director_typed_in_lower_case(store):
    setup_school(store, sample_setup(director=FullName("ПЕТРОВ", "илья", "сергеевич")))
    school = get_school(store)
    assert (school.director_last_name, school.director_first_name) == ("ПЕТРОВ", "Илья")
    assert school.director_middle_name == "Сергеевич"
