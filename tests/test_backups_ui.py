"""«Файл → Резервные копии»: the list, «Сделать копию сейчас», «Восстановить» with its question."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nastavapp.services.school import setup_school
from nastavapp.store import (
    BackupKind,
    FileLockedError,
    create_backup,
    list_backups,
    open_store,
    read_summary,
)
from nastavapp.ui.backups_dialog import (
    DATE,
    GROUPS,
    KIND,
    PERSONS,
    SCHOOL,
    SIZE,
    YEAR,
    BackupsDialog,
    format_size,
)

from .conftest import sample_setup
from .db_rows import add_people
from .ui_helpers import count_people, record_messages

NOON = datetime(2025, 11, 19, 15, 30)


@pytest.fixture
def school_file(db_path: Path) -> Path:
    """A closed data file with a school, its year and 300 students."""
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    add_people(db_path, 300, tag="early")
    return db_path


def _row(dialog: BackupsDialog, row: int) -> dict[int, str]:
    model = dialog.model
    return {c: model.index(row, c).data() for c in range(model.columnCount())}


def _select(dialog: BackupsDialog, path: Path) -> None:
    row = [b.path for b in dialog.model.backups].index(path)
    dialog.table.selectRow(row)


def test_the_list_says_when_why_and_what_each_backup_holds(qtbot, qtmodeltester, school_file):
    daily = create_backup(school_file, BackupKind.DAILY, now=NOON.replace(day=18))
    add_people(school_file, 20, tag="later")
    manual = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    broken = school_file.parent / "backups" / "school.sqlite.2025-11-10_090000.daily.sqlite"
    broken.write_bytes(b"not a database at all")

    dialog = BackupsDialog(school_file)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 3
    assert _row(dialog, 0) == {
        DATE: "19.11.2025 15:30",
        KIND: "Сделана вручную",
        SCHOOL: "МБОУ «Сосновская СОШ»",
        YEAR: "2025/2026",
        PERSONS: "320",
        GROUPS: "0",
        SIZE: format_size(manual.path.stat().st_size),
    }
    assert _row(dialog, 1)[KIND] == "Ежедневная" and _row(dialog, 1)[PERSONS] == "300"
    assert _row(dialog, 2)[SCHOOL] == "файл не читается"
    tooltip = dialog.model.index(1, SCHOOL).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(daily.describe())
    assert "людей — 300, пар и групп — 0" in tooltip
    assert dialog.selected().path == manual.path  # the newest is selected
    assert dialog.restore_button.isEnabled()
    _select(dialog, broken)
    assert not dialog.restore_button.isEnabled()  # an unreadable file cannot be restored
    assert not dialog.empty_label.isVisible()


def test_sizes_are_in_russian_units():
    assert format_size(200) == "1 КБ"
    assert format_size(860_000) == "840 КБ"
    assert format_size(13_002_342) == "12,4 МБ"


def test_backup_now_adds_a_manual_backup(qtbot, school_file):
    dialog = BackupsDialog(school_file)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    assert not dialog.empty_label.isHidden()
    dialog.make_button.click()
    [made] = list_backups(school_file)
    assert made.kind is BackupKind.MANUAL
    assert dialog.selected() == made
    assert dialog.empty_label.isHidden()


def test_restore_brings_back_the_old_rows_and_keeps_the_replaced_state(
    qtbot, controller, school_file, monkeypatch
):
    old = create_backup(school_file, BackupKind.DAILY, now=NOON)
    add_people(school_file, 50, tag="later")  # made after the backup: will be gone
    said = record_messages(monkeypatch)
    ctl = controller()
    assert ctl.start(school_file)
    first_window = ctl.window
    ctl.window.action_backups.trigger()
    dialog = ctl.backups_dialog
    qtbot.waitExposed(dialog)
    _select(dialog, old.path)
    dialog.restore_button.click()

    [question] = said.questions
    assert "из резервной копии от 19.11.2025 15:30 (ежедневная)" in question
    assert "В копии: МБОУ «Сосновская СОШ», 2025/2026: людей — 300" in question
    assert "Сейчас в базе: МБОУ «Сосновская СОШ», 2025/2026: людей — 350" in question
    assert "«перед восстановлением»" in question
    assert (count_people(school_file), count_people(school_file, "later")) == (300, 0)
    [kept] = [b for b in list_backups(school_file) if b.kind is BackupKind.BEFORE_RESTORE]
    assert read_summary(kept.path).persons == 350  # the replaced state, to go back to
    assert count_people(kept.path, "later") == 50
    # the window was rebuilt on the reopened file, the dialog closed
    assert ctl.window is not first_window and ctl.backups_dialog is None
    assert ctl.store.path == school_file.resolve()
    assert "Обучающихся: <b>300</b>" in ctl.window.screens["home"].summary.text()
    [done] = said.info
    assert "База восстановлена из резервной копии от 19.11.2025 15:30" in done
    assert kept.path.name in done and said.error == []
    # the reopened file still works and is still ours
    ctl.window.show_screen("stage:1")
    assert ctl.guard.held


def test_declining_the_question_changes_nothing(qtbot, controller, school_file, monkeypatch):
    old = create_backup(school_file, BackupKind.DAILY, now=NOON)
    add_people(school_file, 50, tag="later")
    said = record_messages(monkeypatch)
    said.answer = False
    ctl = controller()
    ctl.start(school_file)
    window = ctl.window
    ctl.window.action_backups.trigger()
    dialog = ctl.backups_dialog
    _select(dialog, old.path)
    dialog.restore_button.click()
    assert len(said.questions) == 1
    assert count_people(school_file, "later") == 50
    assert not any(b.kind is BackupKind.BEFORE_RESTORE for b in list_backups(school_file))
    assert ctl.window is window and ctl.backups_dialog is dialog and dialog.isVisible()


def test_a_failed_restore_is_explained_and_the_file_keeps_working(
    qtbot, controller, school_file, monkeypatch
):
    old = create_backup(school_file, BackupKind.DAILY, now=NOON)
    add_people(school_file, 50, tag="later")
    said = record_messages(monkeypatch)

    def locked(db_path, backup, **kwargs):
        raise FileLockedError(f"Не удалось восстановить базу «{db_path}»", db_path)

    monkeypatch.setattr("nastavapp.ui.recovery.restore_backup", locked)
    ctl = controller()
    ctl.start(school_file)
    window = ctl.window
    window.action_backups.trigger()
    _select(ctl.backups_dialog, old.path)
    ctl.backups_dialog.restore_button.click()
    [problem] = said.error
    assert "файл занят другой программой" in problem
    assert count_people(school_file, "later") == 50
    assert ctl.window is window
    window.reload_years()  # the store reconnects: the window keeps working
    assert "Обучающихся: <b>350</b>" in window.screens["home"].summary.text()
