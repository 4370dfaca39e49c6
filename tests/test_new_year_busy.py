"""«Новый учебный год…» on a large school takes a second or more: the pointer says it is busy."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

import nastavapp.services.new_year as new_year
from tests.ui_helpers import record_messages


def test_the_pointer_waits_while_the_year_is_made_and_comes_back(
    controller, demo_file: Path, tmp_path: Path, monkeypatch
):
    path = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, path)
    ctl = controller()
    assert ctl.start(path)
    said = record_messages(monkeypatch)
    real = new_year.start_new_year
    shapes: list[object] = []

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        cursor = QGuiApplication.overrideCursor()
        shapes.append(cursor.shape() if cursor is not None else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(new_year, "start_new_year", watched)
    ctl.start_new_year()
    ctl.new_year_dialog.accept()
    # it used to run with the usual pointer: the window seemed frozen for 1.3 s
    assert shapes == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None
    assert said.info[0].startswith("Начат")

    ctl.start_new_year()  # the same year again is refused: the pointer comes back as well
    monkeypatch.setattr(ctl.new_year_dialog, "chosen_title", lambda: "2020/2021")
    ctl.new_year_dialog.accept()
    assert said.error and QGuiApplication.overrideCursor() is None
