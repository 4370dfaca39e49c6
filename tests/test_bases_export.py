"""The bases as Excel files: the school's columns, ready to print, and no personal data of
anyone without a consent — read back with openpyxl."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nastavapp.models.vocab import Role
from nastavapp.services.bases_export import NO_CONSENT, export_base
from nastavapp.services.consents import withdraw_consent, without_consent
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.people import get_person
from nastavapp.services.roles import MenteeRole, RequestEntry, set_mentee
from nastavapp.services.years import current_year

DAY = date(2025, 11, 20)


def first_id(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def hide_some(store) -> set[int]:
    """A paired mentee and a working mentor withdraw; a pupil without any consent joins."""
    mentee = first_id(store.path, "SELECT person_id FROM group_member LIMIT 1")
    mentor = first_id(
        store.path, "SELECT mentor_id FROM mentoring_group WHERE status != 'disbanded' LIMIT 1"
    )
    for pid in (mentee, mentor):
        withdraw_consent(store, pid, DAY, today=DAY)
    lacking = without_consent(store)
    year = current_year(store)
    assert year is not None and year.id is not None
    newcomer = next(
        pid for pid in sorted(lacking) if (p := get_person(store, pid)) is not None and p.class_name
    )
    role = MenteeRole(requests=(RequestEntry("Трудная жизненная ситуация"),))
    set_mentee(store, newcomer, year.id, role, today=DAY)
    return without_consent(store)


def every_text(path: Path) -> str:
    book = load_workbook(path)
    texts = [str(book.properties.title or ""), str(book.properties.creator or "")]
    for sheet in book.worksheets:
        texts.append(sheet.title)
        texts.append(str(sheet.oddFooter.center.text or ""))
        for row in sheet.iter_rows(values_only=True):
            texts.extend(str(v) for v in row if v is not None)
    return "\n".join(texts)


@pytest.mark.parametrize("role", [Role.MENTEE, Role.MENTOR])
def test_people_without_consent_appear_without_any_personal_data(demo, tmp_path, role):
    hidden = hide_some(demo)
    year = current_year(demo)
    assert year is not None
    made = export_base(demo, year, role, tmp_path / "база.xlsx", today=DAY)
    text = every_text(made.path)
    for pid in hidden:
        person = get_person(demo, pid)
        assert person is not None
        assert person.full_name not in text
        assert person.short_name not in text
    assert made.without_consent >= 1
    assert text.count(NO_CONSENT) >= made.without_consent


def test_the_mentee_base_has_the_schools_columns_and_prints_on_a4(demo, tmp_path):
    hide_some(demo)
    year = current_year(demo)
    assert year is not None
    made = export_base(demo, year, Role.MENTEE, tmp_path / "наставляемые.xlsx", today=DAY)
    sheet = load_workbook(made.path).active
    assert sheet.title == "База наставляемых"
    assert sheet["A1"].value == "База наставляемых"
    assert "2025/2026 учебный год" in sheet["A2"].value
    header = [c.value for c in sheet[4]]
    assert header == [
        "№",
        "ФИО",
        "Класс / должность",
        "Возраст",
        "Запросы (кто выявил)",
        "Форма наставничества",
        "Статус",
        "Согласие на обработку ПДн",
        "Наставник",
    ]
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert len(rows) == made.people == 39  # the demo's 38 and the newcomer
    paired = next(r for r in rows if r[6] == "в паре / группе" and r[7] == "есть")
    assert paired[8]  # the mentor's name
    assert isinstance(paired[3], int) and 10 <= paired[3] <= 19
    assert "(" in paired[4]  # «… (классный руководитель)»
    hidden = [r for r in rows if r[1] == NO_CONSENT]
    assert hidden and all(r[2] is None and r[3] is None and r[4] is None for r in hidden)
    assert {r[7] for r in hidden} <= {"нет", "отозвано"}
    assert rows[-1][1] == NO_CONSENT  # they come last: not even their place in the alphabet
    teachers = [r for r in rows if r[2] and "учитель" in r[2]]
    assert any(r[2].endswith(", молодой специалист") for r in teachers)
    assert sheet.freeze_panes == "A5"
    assert sheet.print_title_rows == "$4:$4"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width >= 20  # widths fitted to the names
    assert 4 <= sheet.column_dimensions["D"].width <= 10


def test_the_mentor_base(demo, tmp_path):
    year = current_year(demo)
    assert year is not None
    made = export_base(demo, year, Role.MENTOR, tmp_path / "наставники.xlsx", today=DAY)
    sheet = load_workbook(made.path).active
    assert [c.value for c in sheet[4]][4:8] == [
        "Компетенции",
        "Может взять наставляемых",
        "Форма наставничества",
        "Этап отбора",
    ]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert len(rows) == 27
    assert {r[7] for r in rows} <= {
        "кандидат",
        "собеседование пройдено",
        "обучение пройдено",
        "готов к работе",
    }
    assert any(r[9] for r in rows)  # mentees named once there is a pair


def test_a_locked_target_gets_a_russian_message_and_stays_as_it_was(demo, tmp_path, monkeypatch):
    year = current_year(demo)
    assert year is not None
    target = tmp_path / "база.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="возможно, он открыт в Excel"):
        export_base(demo, year, Role.MENTEE, target, today=DAY)
    assert target.read_bytes() == b"old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]  # no leftovers


def test_the_export_code_loads_openpyxl_only_when_writing():
    import subprocess
    import sys

    code = "import sys, nastavapp.services.bases_export; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
