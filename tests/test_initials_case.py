"""Initials are capital letters however the name was typed («илья сергеевич» → «И. С.»)."""

from __future__ import annotations

from nastavapp.models import Person
from nastavapp.models.vocab import PersonCategory
from nastavapp.services.documents.roadmap_rows import build_roadmap_document
from nastavapp.services.names import FullName
from nastavapp.services.school import setup_school
from nastavapp.store import Store

from .conftest import sample_setup

NBSP = "\u00a0"


def test_short_forms_capitalise_initials_typed_in_lower_case():
    assert FullName("Петров", "илья", "сергеевич").short == "Петров И. С."
    person = Person(
        category=PersonCategory.TEACHER, last_name="Петров", first_name="илья", middle_name="ё"
    )
    assert person.short_name == "Петров И. Ё."


def test_roadmap_signature_and_responsible_capitalise_initials(store: Store):
    setup_school(
        store,
        sample_setup(
            director=FullName("ПЕТРОВ", "илья", "сергеевич"),
            curator=FullName("Иванова", "мария", "петровна"),
        ),
    )
    document = build_roadmap_document(store)
    assert document.director_signature == f"И.{NBSP}С.{NBSP}ПЕТРОВ"
    responsible = "\n".join(event.responsible for event in document.events)
    assert f"ПЕТРОВ{NBSP}И.{NBSP}С." in responsible
    assert f"Иванова{NBSP}М.{NBSP}П." in responsible
    assert f"{NBSP}и." not in responsible and f"{NBSP}м." not in responsible
