"""The «Файл» menu through the controller: a copy of the base, the demonstration school, a new
academic year, «О программе» — on real files, with the dialogs answered by the test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from nastavapp.services.school import get_school
from nastavapp.services.years import list_years
from nastavapp.store import open_store
from tests.ui_helpers import record_messages


def _school_name(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT short_name FROM school").fetchone()[0])
    finally:
        conn.close()


def test_save_copy_writes_a_whole_base_and_says_where(opened, tmp_path, monkeypatch):
    said = record_messages(monkeypatch)
    target = tmp_path / "копии" / "копия базы.sqlite"
    target.parent.mkdir()
    suggested: list[Path] = []

    def save_file(_parent, _caption, proposal, _filters):  # type: ignore[no-untyped-def]
        suggested.append(proposal)
        return target

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    opened.save_copy()
    assert suggested[0].name == "school-копия-2025-11-20.sqlite"
    assert said.info == [f"Копия базы сохранена:\n{target}"]
    store = open_store(target, create=False, backups=False)  # a whole, working base
    try:
        school = get_school(store)
        assert school is not None and school.short_name == _school_name(opened.store.path)
    finally:
        store.close()


def test_save_copy_into_a_missing_folder_says_so_in_russian(opened, tmp_path, monkeypatch):
    said = record_messages(monkeypatch)
    target = tmp_path / "нет такой папки" / "копия.sqlite"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    opened.save_copy()
    assert said.info == [] and len(said.error) == 1
    assert not target.exists()


def test_demo_school_is_made_apart_and_opened_on_request(opened, tmp_path, monkeypatch):
    said = record_messages(monkeypatch)
    own = opened.store.path
    target = tmp_path / "Демонстрационная школа.sqlite"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    opened.create_demo()
    assert said.questions and "Ваша база останется как была" in said.questions[0]
    assert opened.store.path == target.resolve()
    assert "Сосновская" in opened.window.windowTitle()
    assert own.exists() and _school_name(own) == _school_name(target)  # a copy, not a move


def test_new_year_from_the_menu_adds_the_year_and_reports(qtbot, opened, monkeypatch):
    said = record_messages(monkeypatch)
    before = [y.title for y in list_years(opened.store)]
    opened.start_new_year()
    dialog = opened.new_year_dialog
    dialog.accept()
    qtbot.waitUntil(lambda: opened.new_year_run is None, timeout=30_000)
    after = [y.title for y in list_years(opened.store)]
    assert after == [*before, dialog.chosen_title()]
    assert said.info[0].startswith(f"Начат {dialog.chosen_title()} учебный год.")
    assert opened.window.year_combo.findText(dialog.chosen_title()) >= 0


def test_about_names_the_program_and_its_version(opened, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "nastavapp.ui.messages.about", lambda _p, title, text: shown.append((title, text))
    )
    opened.show_about()
    from nastavapp import __version__

    assert shown[0][0] == "О программе"
    assert f"Версия {__version__}" in shown[0][1]
    assert "без интернета" in shown[0][1]


def test_demo_suggestion_never_overwrites(tmp_path):
    from nastavapp.ui.file_actions import _free_name

    first = tmp_path / "Школа.sqlite"
    assert _free_name(first) == first
    first.write_bytes(b"")
    assert _free_name(first).name == "Школа (2).sqlite"


def test_the_file_menu_names_the_screen_it_goes_to_without_an_ellipsis(opened):
    window = opened.window
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert "До&кументы и отчёты" in texts
    assert not any("Экспорт" in t for t in texts)
    action = next(a for a in file_menu.actions() if a.text() == "До&кументы и отчёты")
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()  # opens no dialog: the screen «Документы и отчёты»
    assert window.current_screen_key() == "documents"
