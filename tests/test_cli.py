"""The command line, run as a user runs it: a separate process, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from nastavapp.services.school import setup_school
from nastavapp.store import open_store

from .conftest import sample_setup

SRC = Path(__file__).resolve().parents[1] / "src"


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NASTAVAPP_HOME=str(home), PYTHONPATH=str(SRC), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "nastavapp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_stats_json_of_a_new_school(db_path, data_home):
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    result = run_cli("stats", "--db", str(db_path), "--json", home=data_home)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["school"].startswith("Муниципальное бюджетное")
    assert figures["year"] == "2025/2026"
    assert figures["persons"] == {"students": 0, "teachers": 0, "external": 0}
    assert (figures["mentors"], figures["mentees"], figures["groups"]) == (0, 0, 0)
    assert figures["schema_version"] >= 2


def test_stats_of_a_missing_file_fails_in_russian(tmp_path, data_home):
    result = run_cli("stats", "--db", str(tmp_path / "nope.sqlite"), "--json", home=data_home)
    assert result.returncode != 0
    assert result.stdout == ""
    assert "не найден" in result.stderr
    assert not (tmp_path / "nope.sqlite").exists()


def test_stats_of_an_unknown_year(db_path, data_home):
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    result = run_cli("stats", "--db", str(db_path), "--year", "2019/2020", home=data_home)
    assert result.returncode == 1
    assert "Учебного года 2019/2020 нет в базе" in result.stderr


def test_usage_errors_are_in_russian(data_home):
    result = run_cli("demo", home=data_home)
    assert result.returncode == 2
    assert "Ошибка: не указаны обязательные параметры: --db" in result.stderr
    result = run_cli("demo", "--db", "x.sqlite", "--size", "huge", home=data_home)
    assert "недопустимое значение" in result.stderr


def test_stats_json_of_the_demo_school_at_a_date(tmp_path, data_home):
    from datetime import date

    from nastavapp.services.demo import create_demo
    from nastavapp.services.indicators import compute_indicators
    from nastavapp.services.years import current_year

    path = tmp_path / "demo.sqlite"
    create_demo(path, today=date(2025, 11, 20))
    result = run_cli("stats", "--db", str(path), "--json", "--date", "2025-11-20", home=data_home)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["reference_date"] == "2025-11-20"
    store = open_store(path)
    try:
        expected = compute_indicators(store, current_year(store).id, date(2025, 11, 20))
    finally:
        store.close()
    assert figures["indicators"] == expected.as_json()
    assert set(figures["groups_by_form"]) == {
        "student_student",
        "teacher_teacher",
        "teacher_student",
        "unistudent_student",
        "employer_student",
    }
    assert sum(figures["groups_by_form"].values()) == sum(expected.groups_by_form.values())
    assert figures["meetings"] > 0 and figures["unpaired_mentees"] > 0
    assert figures["roadmap"]["events"] == 31


def test_stats_refuses_a_date_in_another_format(db_path, data_home):
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    result = run_cli("stats", "--db", str(db_path), "--date", "20.11.2025", home=data_home)
    assert result.returncode == 2
    assert "параметр --date: дата «20.11.2025» записана неверно" in result.stderr


def test_the_help_is_in_russian_through_and_through():
    from nastavapp.cli import build_parser

    parser = build_parser()
    texts = [parser.format_help()]
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for command in action.choices.values():  # type: ignore[union-attr]
            texts.append(command.format_help())
            inner = command._subparsers._group_actions if command._subparsers else []
            for sub in inner:
                texts += [p.format_help() for p in sub.choices.values()]
    assert len(texts) > 8
    for text in texts:
        assert text.startswith("Запуск: nastavapp"), text[:40]
        for english in ("usage", "positional arguments", "options:", "show this", "show program"):
            assert english not in text, (english, text[:200])
    assert "ключи:\n  -h, --help" in texts[0] and "показать версию программы и выйти" in texts[0]
