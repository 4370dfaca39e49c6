"""The consent forms name the operator grammatically: the full name does not stand in the
nominative after «даю согласие МБОУ «…» (далее — Оператор),»."""

from __future__ import annotations

from datetime import date

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.documents.consent_forms import consent_form
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import PersonFields
from nastavapp.services.school import setup_school
from nastavapp.store import Store

from .conftest import sample_setup

DAY = date(2026, 9, 3)
FULL = (
    "Муниципальное бюджетное общеобразовательное учреждение "
    "«Сосновская средняя общеобразовательная школа»"
)


def _paragraphs(store: Store, **person: object) -> str:
    fields = PersonFields(last_name="Алексеев", first_name="Иван", middle_name="Петрович", **person)  # type: ignore[arg-type]
    added = add_person(store, fields, today=DAY)
    assert added.id is not None
    return " ".join(consent_form(store, added.id, today=DAY).paragraphs)


def test_parent_and_adult_forms_give_the_full_name_in_brackets(store: Store):
    setup_school(store, sample_setup())
    pupil = _paragraphs(
        store, category=PersonCategory.STUDENT, birth_date=date(2015, 3, 12), class_name="5Б"
    )
    teacher = _paragraphs(store, category=PersonCategory.TEACHER, position="учитель")
    for text in (pupil, teacher):
        assert (
            f"даю согласие МБОУ «Сосновская СОШ» (полное наименование — {FULL}; "
            "далее — Оператор), расположенному по адресу: 632160" in text
        )
        assert f"), {FULL}" not in text


def test_no_full_name_note_when_the_short_name_is_the_full_one(store: Store):
    setup_school(store, sample_setup(short_name=FULL))
    text = _paragraphs(store, category=PersonCategory.TEACHER, position="учитель")
    assert f"даю согласие {FULL} (далее — Оператор), расположенному" in text
