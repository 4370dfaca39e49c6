"""Helpers for the data-safety window tests: controllers closed after the test, recorded messages."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from nastavapp.ui.app import AppController
from nastavapp.ui.settings import UiSettings

TODAY = date(2025, 11, 20)


class Controllers:
    """Makes controllers and closes every window and file they opened (GUIDE trap 13)."""

    def __init__(self) -> None:
        self.made: list[AppController] = []

    def __call__(self, today: date = TODAY) -> AppController:
        ctl = AppController(UiSettings(), today=today)
        self.made.append(ctl)
        return ctl

    def close_all(self) -> None:
        for ctl in self.made:
            for widget in (ctl.recovery, ctl.backups_dialog, ctl.wizard, ctl.window):
                if widget is not None:
                    widget.close()
            ctl.shutdown()


@dataclass
class Messages:
    """What the program said through ``ui/messages.py``; ``answer`` is what questions get."""

    info: list[str] = field(default_factory=list)
    warning: list[str] = field(default_factory=list)
    error: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True
    open_file: Path | None = None

    @property
    def all(self) -> list[str]:
        return self.info + self.warning + self.error


def record_messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    said = Messages()
    target = "nastavapp.ui.messages"
    monkeypatch.setattr(f"{target}.info", lambda parent, text, *a: said.info.append(text))
    monkeypatch.setattr(f"{target}.warning", lambda parent, text, *a: said.warning.append(text))
    monkeypatch.setattr(f"{target}.error", lambda parent, text, *a: said.error.append(text))

    def ask(parent, text, *args):  # confirm and confirm_action
        said.questions.append(text)
        return said.answer

    monkeypatch.setattr(f"{target}.confirm", ask)
    monkeypatch.setattr(f"{target}.confirm_action", ask)
    monkeypatch.setattr(f"{target}.open_file", lambda *a: said.open_file)
    return said


def count_people(path: Path, tag: str | None = None) -> int:
    """People in a data file (read-only), all or those added with ``db_rows.add_people(tag)``."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if tag is None:
            return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
        sql = "SELECT count(*) FROM person WHERE notes = ?"
        return int(conn.execute(sql, (tag,)).fetchone()[0])
    finally:
        conn.close()
