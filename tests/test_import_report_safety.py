"""The rejected-rows report of a list import is written as every document: beside the target,
then renamed. A full disk leaves the earlier report whole and prints no Python noise; a name
other than .xlsx is refused in Russian."""

from __future__ import annotations

import gc
import sqlite3
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nastavapp import cli
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.roadmap_export import export_roadmap
from nastavapp.services.importing.report import ReportError, save_rejections

from .full_disk import full_disk
from .test_database_errors_ru import pupils_list
from .test_os_error_messages import FULL, rejected_rows

WRONG_NAME = (
    "Отчёт об отклонённых строках сохраняется только в Excel: укажите имя файла "
    "с расширением .xlsx (а не «{name}»)."
)


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What Python would print as «Exception ignored in: …»."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda report: seen.append(repr(report.object)))
    return seen


def test_a_full_disk_keeps_the_earlier_report_and_says_so(store, tmp_path, monkeypatch, unraisable):
    result = rejected_rows(store, tmp_path)
    folder = tmp_path / "отчёты"
    folder.mkdir()
    target = save_rejections(result, folder / "отклонено.xlsx")
    earlier = target.read_bytes()
    with full_disk(folder, monkeypatch), pytest.raises(ReportError) as caught:
        save_rejections(result, target)
    gc.collect()
    assert str(caught.value) == f"Не удалось записать файл «отклонено.xlsx»: {FULL}"
    assert target.read_bytes() == earlier  # the good earlier report, not a broken 4 KB one
    assert [p.name for p in folder.iterdir()] == ["отклонено.xlsx"]
    assert unraisable == []
    assert load_workbook(target).sheetnames == ["Отклонённые", "Повторы"]


def test_other_workbooks_print_no_noise_on_a_full_disk(demo, tmp_path, monkeypatch, unraisable):
    with full_disk(tmp_path, monkeypatch), pytest.raises(ExportError) as caught:
        export_roadmap(demo, tmp_path / "дорожная карта.xlsx")
    gc.collect()
    assert str(caught.value) == f"Не удалось записать файл «дорожная карта.xlsx»: {FULL}"
    assert unraisable == [] and list(tmp_path.glob("*.xlsx")) == []


@pytest.mark.parametrize("name", ["отклонено.csv", "отклонено", "отклонено.xls"])
def test_a_report_named_other_than_xlsx_is_refused(store, tmp_path, name):
    result = rejected_rows(store, tmp_path)
    with pytest.raises(ReportError) as caught:
        save_rejections(result, tmp_path / name)
    assert str(caught.value) == WRONG_NAME.format(name=name)
    assert not (tmp_path / name).exists()


def test_the_command_line_refuses_a_csv_report_before_importing(store, tmp_path, capsys):
    db_path = store.path
    before = people(db_path)
    listing = pupils_list(tmp_path, 3)
    report = tmp_path / "отчёт.csv"
    args = ["import", "persons", str(listing), "--db", str(db_path), "--kind", "student"]
    assert cli.main([*args, "--report", str(report)]) == 2
    assert capsys.readouterr().err == f"Ошибка: {WRONG_NAME.format(name='отчёт.csv')}\n"
    assert not report.exists() and people(db_path) == before


def test_the_command_line_writes_an_xlsx_report(store, tmp_path, capsys):
    db_path = store.path
    listing = pupils_list(tmp_path, 2)
    listing.write_bytes(listing.read_bytes() + "Петров;;;;\r\n".encode("cp1251"))
    report = tmp_path / "отчёт.XLSX"
    args = ["import", "persons", str(listing), "--db", str(db_path), "--kind", "student"]
    assert cli.main([*args, "--report", str(report)]) == 0
    assert f"Отчёт об отклонённых строках: {report}" in capsys.readouterr().out
    assert load_workbook(report).sheetnames == ["Отклонённые", "Повторы"]


def people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()
