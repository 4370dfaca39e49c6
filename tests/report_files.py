"""Schools' report files for the municipal tests: demo schools and their «data» sheets.

The «data» sheet is written here with openpyxl from ``report_data.data_rows``, exactly as the
school's report exporter writes it, with a first sheet standing for the printable report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from sqlmodel import select

from nastavapp.models import School
from nastavapp.services.demo import create_demo
from nastavapp.services.report_data import DATA_SHEET, HEADER, Value, data_rows
from nastavapp.store import open_store

TODAY = date(2025, 11, 20)
MUNICIPALITY = "Ольховский муниципальный район Воронежской области"
NOW = datetime(2025, 11, 20, 10, 0)

Rows = list[tuple[str, Value]]


def school_name(number: int) -> tuple[str, str]:
    """(full, short) name of the test school ``number``."""
    return (
        "Муниципальное бюджетное общеобразовательное учреждение "
        f"«Средняя общеобразовательная школа № {number}»",
        f"МБОУ СОШ № {number}",
    )


def make_school(folder: Path, number: int, *, seed: int | None = None, today: date = TODAY) -> Path:
    """A demo school database renamed to «школа № number» with the code «36000NN»."""
    path = folder / f"school{number}-{today.year}.sqlite"
    create_demo(path, seed=number if seed is None else seed, today=today)
    full, short = school_name(number)
    store = open_store(path, backups=False)
    try:
        with store.session() as session:
            school = session.exec(select(School)).one()
            school.full_name, school.short_name = full, short
            school.municipality, school.code = MUNICIPALITY, f"36000{number:02d}"
            session.add(school)
            session.commit()
    finally:
        store.close()
    return path


def school_rows(db: Path, day: date = TODAY) -> Rows:
    store = open_store(db, backups=False)
    try:
        return data_rows(store, day, now=NOW)
    finally:
        store.close()


def write_data_sheet(target: Path, rows: Iterable[tuple[str, Value]]) -> Path:
    """A report workbook: a printable first sheet and the «data» sheet with ``rows``."""
    from openpyxl import Workbook

    book = Workbook()
    front = book.active
    front.title = "Отчёт"
    front["A1"] = "Отчёт о реализации целевой модели наставничества"
    data = book.create_sheet(DATA_SHEET)
    data.append(list(HEADER))
    for key, value in rows:
        data.append([key, value])
    book.save(target)
    return target


def changed(rows: Rows, **changes: Value) -> Rows:
    """``rows`` with some values replaced; keys use «__» for dots (``school__code="1"``)."""
    wanted = {key.replace("__", "."): value for key, value in changes.items()}
    return [(key, wanted.get(key, value)) for key, value in rows]


def edited(rows: Rows, edit: Callable[[dict[str, Value]], None]) -> Rows:
    values = dict(rows)
    edit(values)
    return list(values.items())
