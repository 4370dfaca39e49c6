"""«Новый учебный год…» is saved whole or not at all: another program taking the file's write
lock while the pupils are being moved up, or the carry-over failing, leaves no half-made year
(a current year with its roadmap but no pupils promoted, refused again as «уже есть в базе»)."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import nastavapp.services.new_year as new_year
from nastavapp.services.years import list_years
from nastavapp.store import FileLockedError
from tests.db_rows import dump
from tests.ui_helpers import record_messages

LOCKED = "файл занят другой программой"


@pytest.fixture
def opened(controller, demo_file: Path, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    path = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, path)
    ctl = controller()
    assert ctl.start(path)

    def no_wait(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 0")  # a lock refuses at once, not in 5 s

    sa.event.listen(ctl.store.engine, "connect", no_wait)
    ctl.store.engine.dispose()
    yield ctl


def _make_year(qtbot, ctl) -> str:  # type: ignore[no-untyped-def]
    ctl.start_new_year()
    title = str(ctl.new_year_dialog.chosen_title())
    ctl.new_year_dialog.accept()
    qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
    return title


def _promoted_pupils(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(
            conn.execute("SELECT count(*) FROM person WHERE class_name LIKE '8%'").fetchone()[0]
        )
    finally:
        conn.close()


def test_a_lock_taken_while_the_year_is_made_leaves_no_half_made_year(qtbot, opened, monkeypatch):
    ctl = opened
    path = ctl.store.path
    said = record_messages(monkeypatch)
    before = dump(path)
    eighth_before = _promoted_pupils(path)
    other = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    real = new_year._promote_pupils

    def another_program_locks(session):  # type: ignore[no-untyped-def]
        with contextlib.suppress(sqlite3.OperationalError):  # only if the year was saved alone
            other.execute("BEGIN IMMEDIATE")
        return real(session)

    monkeypatch.setattr(new_year, "_promote_pupils", another_program_locks)
    try:
        title = _make_year(qtbot, ctl)
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    titles = [year.title for year in list_years(ctl.store)]
    if title in titles:  # made: then whole, with the pupils moved up
        assert said.info and said.info[0].startswith(f"Начат {title} учебный год.")
        assert _promoted_pupils(path) != eighth_before
    else:  # refused: in Russian, and the file exactly as it was
        assert said.error and LOCKED in said.error[0]
        assert dump(path) == before


def test_a_failed_carry_over_leaves_the_file_as_it_was(qtbot, opened, monkeypatch):
    ctl = opened
    path = ctl.store.path
    said = record_messages(monkeypatch)
    before = dump(path)

    def locked(*_args):  # type: ignore[no-untyped-def]
        raise FileLockedError("Изменения не сохранены", path)

    monkeypatch.setattr(new_year, "_carry_groups", locked)
    _make_year(qtbot, ctl)
    assert said.error and LOCKED in said.error[0]
    assert dump(path) == before
    assert ctl.window.year_combo.currentText() == "2025/2026"

    monkeypatch.undo()  # the lock gone: the same year can be made now
    said = record_messages(monkeypatch)
    title = _make_year(qtbot, ctl)
    assert said.info and said.info[0].startswith(f"Начат {title} учебный год."), said.error
    assert [year.title for year in list_years(ctl.store)] == ["2025/2026", title]
