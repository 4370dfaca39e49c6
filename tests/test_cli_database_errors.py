"""The command line on a data file that passes the start-up check but lacks a table: a Russian
message and a non-zero exit status, no traceback; the program's own bugs are not hidden."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nastavapp import cli
from nastavapp.services import stats

from .test_cli import run_cli


def without_people(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo school whose table of people was dropped by another program."""
    path = tmp_path / "школа.sqlite"
    path.write_bytes(demo_file.read_bytes())
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE person")
        conn.commit()
    finally:
        conn.close()
    return path


def damaged(path: Path) -> str:
    return (
        f"Ошибка: файл «{path}» повреждён или создан другой программой: в нём нет данных, "
        "нужных программе. Восстановите базу из более ранней резервной копии (в программе: "
        "«Файл → Резервные копии»).\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["export", "report", "--out", "отчёт.xlsx"],
        ["export", "roadmap", "--out", "план.pdf"],
    ],
)
def test_a_file_without_a_table_is_said_in_russian(demo_file, tmp_path, capsys, command):
    path = without_people(demo_file, tmp_path)
    argv = [str(tmp_path / part) if "." in part else part for part in command]
    assert cli.main([*argv, "--db", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == damaged(path) and captured.out == ""
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf")]


def test_the_installed_command_prints_no_traceback(demo_file, tmp_path, data_home):
    path = without_people(demo_file, tmp_path)
    done = run_cli("stats", "--db", str(path), home=data_home)
    assert done.returncode == 1
    assert done.stderr == damaged(path)
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_locked_file_is_said_as_for_any_edit(demo_file, tmp_path, monkeypatch, capsys):
    path = tmp_path / "школа.sqlite"
    path.write_bytes(demo_file.read_bytes())

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(stats, "basic_counts", locked)
    assert cli.main(["stats", "--db", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"Ошибка: не удалось прочитать или изменить файл «{path}»: файл занят другой "
        "программой (возможно, программа уже открыта в другом окне или файл проверяет "
        "антивирус). Закройте другую программу и повторите.\n"
    )


@pytest.mark.parametrize(
    "bug",
    [
        TypeError("a bug"),
        AttributeError("a bug"),
        sqlite3.ProgrammingError("Incorrect number of bindings supplied"),
    ],
)
def test_the_programs_own_bugs_are_not_hidden(demo_file, tmp_path, monkeypatch, bug):
    path = tmp_path / "школа.sqlite"
    path.write_bytes(demo_file.read_bytes())

    def broken(*args, **kwargs):
        raise bug

    monkeypatch.setattr(stats, "basic_counts", broken)
    with pytest.raises(type(bug)):
        cli.main(["stats", "--db", str(path)])
