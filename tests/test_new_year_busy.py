"""«Новый учебный год…» on a large school takes a second or more (longer on an old computer):
the year is made off the window's thread, with a progress window and the busy pointer."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

import nastavapp.services.new_year as new_year
from nastavapp.services.years import list_years
from nastavapp.ui import progress_run
from tests.ui_helpers import record_messages


class HeldYear:
    """``start_new_year`` held in its worker thread until ``release``; the threads it ran in."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.entered, self.release = threading.Event(), threading.Event()
        self.threads: list[threading.Thread] = []
        real = new_year.start_new_year

        def held(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.threads.append(threading.current_thread())
            self.entered.set()
            self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(new_year, "start_new_year", held)


def _opened(controller, demo_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, path)
    ctl = controller()
    assert ctl.start(path)
    return ctl


def _accept_new_year(ctl) -> str:  # type: ignore[no-untyped-def]
    ctl.start_new_year()
    title = ctl.new_year_dialog.chosen_title()
    ctl.new_year_dialog.accept()
    return str(title)


def test_the_year_is_made_in_the_background_behind_a_progress_window(
    qtbot, controller, demo_file: Path, tmp_path: Path, monkeypatch
):
    ctl = _opened(controller, demo_file, tmp_path)
    said = record_messages(monkeypatch)
    monkeypatch.setattr(progress_run, "SHOW_AFTER_MS", 0)
    held = HeldYear(monkeypatch)
    before = [year.title for year in list_years(ctl.store)]
    title = _accept_new_year(ctl)
    assert held.entered.wait(5)
    run = ctl.new_year_run
    # it used to run on the window's thread: the window froze (a second on the large school)
    qtbot.waitUntil(run.isVisible)  # the event loop runs meanwhile, the progress window shows
    threads = held.threads
    assert threads == [threads[0]] and threads[0] is not threading.main_thread()
    assert run.windowModality() == Qt.WindowModality.WindowModal
    assert run.labelText().startswith(f"Начинается {title} учебный год.")
    assert run.maximum() == 0  # a busy bar: the carry-over does not count its steps
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    assert not said.info
    first_dialog = ctl.new_year_dialog
    ctl.start_new_year()  # asked again meanwhile (from code: the window takes no clicks)
    assert ctl.new_year_dialog is first_dialog and not first_dialog.isVisible()
    held.release.set()
    qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
    assert QGuiApplication.overrideCursor() is None
    assert said.info[0].startswith(f"Начат {title} учебный год.")
    assert [year.title for year in list_years(ctl.store)] == [*before, title]
    assert ctl.window.year_combo.currentText() == title

    ctl.start_new_year()  # an earlier year is refused: the message, and the pointer comes back
    monkeypatch.setattr(ctl.new_year_dialog, "chosen_title", lambda: "2020/2021")
    ctl.new_year_dialog.accept()
    qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
    assert said.error and "должен идти после" in said.error[0]
    assert QGuiApplication.overrideCursor() is None
    assert [year.title for year in list_years(ctl.store)] == [*before, title]


def test_closing_the_program_waits_for_the_year_being_made(
    qtbot, controller, demo_file: Path, tmp_path: Path, monkeypatch
):
    ctl = _opened(controller, demo_file, tmp_path)
    record_messages(monkeypatch)
    held = HeldYear(monkeypatch)
    title = _accept_new_year(ctl)
    assert held.entered.wait(5)
    run = ctl.new_year_run
    threading.Timer(0.3, held.release.set).start()  # the year goes on being made meanwhile
    ctl.shutdown()  # as when the program quits: the file closes only after the year is made
    assert run is not None and run.pool.activeThreadCount() == 0
    qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
    assert title in [year.title for year in list_years(ctl.store)]


def test_the_window_takes_no_clicks_or_keys_until_the_year_is_made(
    qtbot, controller, demo_file: Path, tmp_path: Path, monkeypatch
):
    from PySide6.QtTest import QTest

    ctl = _opened(controller, demo_file, tmp_path)
    window = ctl.window
    window.show()
    qtbot.waitExposed(window)
    record_messages(monkeypatch)
    monkeypatch.setattr(progress_run, "SHOW_AFTER_MS", 60_000)  # the modal window not shown yet
    held = HeldYear(monkeypatch)
    _accept_new_year(ctl)
    assert held.entered.wait(5)
    assert not ctl.new_year_run.isVisible()
    navigation = window.navigation
    bases = navigation._items["bases"]
    spot = navigation.visualItemRect(bases).center()
    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # «Документы»
    assert window.current_screen_key() == "home"  # nothing changed under the running work
    held.release.set()
    qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.current_screen_key() == "bases"  # and the window is the user's again
