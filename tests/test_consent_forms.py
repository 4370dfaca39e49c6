"""Consent forms (152-ФЗ): an adult's own, a parent's for a minor, a whole class at once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from nastavapp.models.vocab import PersonCategory, Sex
from nastavapp.services.consents import record_consent
from nastavapp.services.demo import create_demo
from nastavapp.services.documents.consent_forms import (
    class_pupils,
    consent_form,
    export_consent_forms,
    school_classes,
)
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.people import add_person, get_person, list_persons
from nastavapp.services.person_fields import PersonFields
from nastavapp.store import Store, open_store

DAY = date(2025, 11, 20)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pages(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DAY)
    store = open_store(path, create=False)
    yield store
    store.close()


def _pupil(store: Store, last: str, first: str, middle: str, sex: Sex, born: date) -> int:
    person = add_person(
        store,
        PersonFields(
            PersonCategory.STUDENT, last, first, middle, sex=sex, birth_date=born, class_name="7Б"
        ),
        today=DAY,
    )
    return int(person.id or 0)


def test_a_parents_form_for_a_minor_names_the_child_in_the_genitive(school_store, tmp_path):
    girl = _pupil(school_store, "Шевчук", "Анна", "Ивановна", Sex.FEMALE, date(2012, 3, 5))
    record_consent(
        school_store,
        girl,
        date(2025, 9, 10),
        representative_name="Шевчук Ирина Олеговна",
        today=DAY,
    )
    form = consent_form(school_store, girl, today=DAY)
    assert form.for_parent
    text = " ".join(form.paragraphs)
    assert "несовершеннолетней Шевчук Анны Ивановны, 05.03.2012 года рождения" in text
    assert "обучающейся 7Б класса МБОУ «Сосновская СОШ»" in text
    assert "152-ФЗ" in text and "Сосновская средняя общеобразовательная школа" in text
    assert form.fields[0] == "Я, Шевчук Ирина Олеговна__"
    assert form.signer == "И. О. Шевчук"
    boy = _pupil(school_store, "Белых", "Илья", "Кузьмич", Sex.MALE, date(2011, 1, 2))
    form = consent_form(school_store, boy, today=DAY)
    assert "несовершеннолетнего Белых Ильи Кузьмича" in " ".join(form.paragraphs)
    assert form.fields[0] == "Я, __" and form.signer == ""  # the parent writes his name
    path = export_consent_forms(school_store, [girl, boy], tmp_path / "согласия.pdf", today=DAY)
    first, second = pages(path)
    assert "родителя (законного представителя)" in first
    assert "Шевчук Анны Ивановны" in first and "И. О. Шевчук" in first
    assert "Белых Ильи Кузьмича" in second


def test_an_adults_own_form(school_store, tmp_path):
    teacher = add_person(
        school_store,
        PersonFields(
            PersonCategory.TEACHER,
            "Королёва",
            "Алёна",
            "Семёновна",
            sex=Sex.FEMALE,
            birth_date=date(1980, 4, 1),
            position="учитель химии",
        ),
        today=DAY,
    )
    form = consent_form(school_store, int(teacher.id or 0), today=DAY)
    assert not form.for_parent
    assert form.fields[0] == "Я, Королёва Алёна Семёновна, 01.04.1980 года рождения,"
    assert "проживающая по адресу" in form.fields[3]
    assert "ознакомлена" in form.paragraphs[-1]
    assert form.signer == "А. С. Королёва"
    (page,) = pages(
        export_consent_forms(school_store, [int(teacher.id or 0)], tmp_path / "с.pdf", today=DAY)
    )
    assert "СОГЛАСИЕ" in page and "Королёва Алёна Семёновна" in page
    assert "родителя" not in page


def test_a_whole_class_one_page_per_pupil(demo, tmp_path):
    classes = school_classes(demo)
    assert classes[:3] == ["1А", "2А", "3А"] and classes[-1] == "11А"
    ids = class_pupils(demo, "7А")
    assert len(ids) >= 5
    path = export_consent_forms(demo, ids, tmp_path / "7А.pdf", today=DAY)
    texts = pages(path)
    assert len(texts) == len(ids)
    for pid, text in zip(ids, texts, strict=True):
        person = get_person(demo, pid)
        assert person is not None
        assert f"{person.birth_date:%d.%m.%Y} года рождения" in text
        assert "7А класса" in text
        assert text.count("СОГЛАСИЕ") == 1


def test_teachers_of_the_demo_fit_one_page_each(demo, tmp_path):
    teachers = [int(p.id or 0) for p in list_persons(demo, PersonCategory.TEACHER)][:4]
    path = export_consent_forms(demo, teachers, tmp_path / "педагоги.pdf", today=DAY)
    assert len(pages(path)) == 4


def test_nobody_chosen_and_a_locked_target(school_store, tmp_path, monkeypatch):
    with pytest.raises(ExportError, match="Не выбран"):
        export_consent_forms(school_store, [], tmp_path / "с.pdf", today=DAY)
    pupil = _pupil(school_store, "Иванов", "Иван", "Иванович", Sex.MALE, date(2012, 1, 1))
    target = tmp_path / "с.pdf"
    target.write_bytes(b"old version")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт"):
        export_consent_forms(school_store, [pupil], target, today=DAY)
    assert target.read_bytes() == b"old version"
