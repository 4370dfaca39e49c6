"""The schools the coordinator expects a report from, and which of them have not sent one.

A school is matched to a report by its code when both have one, else by its full or short
name (case, «ё», quotes and spacing do not matter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import col, select

from ...models import ExpectedSchool
from ...store import Store
from ...store.text import ru_sort_key
from .report import SchoolReport, fold_code, fold_name

_HEADER_ROWS = 15  # a list's header is within its first rows (a title may come before it)


class ExpectedError(ValueError):
    """The school cannot be added or the list read; ``str()`` is the Russian message."""


@dataclass
class ExpectedImport:
    added: int = 0
    already: int = 0  # in the list before
    rejected: list[str] = field(default_factory=list)  # «строка 7: …»


def _names(school: ExpectedSchool) -> set[str]:
    return {fold_name(n) for n in (school.full_name, school.short_name) if fold_name(n)}


def matches(school: ExpectedSchool, report: SchoolReport) -> bool:
    if fold_code(school.code) and fold_code(report.code):
        return fold_code(school.code) == fold_code(report.code)
    theirs = {fold_name(n) for n in (report.full_name, report.short_name) if fold_name(n)}
    return bool(_names(school) & theirs)


def _same_school(left: ExpectedSchool, right: ExpectedSchool) -> bool:
    if fold_code(left.code) and fold_code(right.code):
        return fold_code(left.code) == fold_code(right.code)
    return bool(_names(left) & _names(right))


def list_expected(store: Store) -> list[ExpectedSchool]:
    """The list, ordered by the name shown (the short one when there is one)."""
    with store.session() as session:
        rows = list(session.exec(select(ExpectedSchool)).all())
    return sorted(rows, key=lambda s: ru_sort_key(s.short_name or s.full_name))


def _tidy(text: str) -> str:
    return " ".join(str(text).split())


def _add(store: Store, candidates: Iterable[ExpectedSchool]) -> tuple[int, int]:
    known = list_expected(store)
    added = already = 0
    with store.session() as session:
        for candidate in candidates:
            if any(_same_school(candidate, school) for school in known):
                already += 1
                continue
            session.add(candidate)
            known.append(candidate)
            added += 1
        session.commit()
    return added, already


def add_expected(store: Store, full_name: str, short_name: str = "", code: str = "") -> None:
    """Add one school to the list.

    Raises:
        ExpectedError: no name, or the school is in the list already.
    """
    full, short, code = _tidy(full_name), _tidy(short_name), _tidy(code)
    if not full and not short:
        raise ExpectedError("Укажите наименование школы.")
    added, _ = _add(store, [ExpectedSchool(full_name=full or short, short_name=short, code=code)])
    if not added:
        raise ExpectedError(f"Школа «{short or full}» уже есть в списке.")


def remove_expected(store: Store, ids: Iterable[int]) -> int:
    wanted = list(ids)
    with store.session() as session:
        rows = session.exec(select(ExpectedSchool).where(col(ExpectedSchool.id).in_(wanted))).all()
        for row in rows:
            session.delete(row)
        session.commit()
    return len(rows)


def add_expected_from_reports(store: Store, reports: Iterable[SchoolReport]) -> int:
    """Every school that sent a report joins the list; returns how many were new."""
    candidates = [
        ExpectedSchool(full_name=r.full_name, short_name=r.short_name, code=r.code) for r in reports
    ]
    return _add(store, candidates)[0]


def missing_schools(
    expected: Iterable[ExpectedSchool], reports: Iterable[SchoolReport]
) -> list[ExpectedSchool]:
    received = list(reports)
    return [school for school in expected if not any(matches(school, r) for r in received)]


def _columns(header: list[object]) -> dict[str, int] | None:
    """Which column holds what, from a header row; None when the row is not a header."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = fold_name(str(cell))
        if not text:
            continue
        if "кратк" in text or "сокращ" in text:
            found.setdefault("short", index)
        elif "код" in text or "инн" in text.split():
            found.setdefault("code", index)
        elif any(word in text for word in ("наименование", "школ", "организац", "учрежден")):
            found.setdefault("full", index)
    return found if "full" in found or "short" in found else None


def _cell(row: list[object], index: int | None) -> str:
    return _tidy(str(row[index])) if index is not None and index < len(row) else ""


def _header(rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    """(first data row, columns): the first header row of several cells (a one-cell title
    such as «Список школ района» is a header only when nothing better follows)."""
    single: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        header = _columns(list(row))
        if header is None:
            continue
        if sum(str(cell).strip() != "" for cell in row) >= 2:
            return index + 1, header
        single = single or (index + 1, header)
    return single or (0, {"full": _name_column(rows)})


def _name_column(rows: list[list[object]]) -> int:
    """Without a header: the column holding names — the one with most cells with letters (a
    list numbered «1; МБОУ СОШ № 1» gave schools named «1», «2» …)."""
    width = max((len(row) for row in rows[: _HEADER_ROWS * 10]), default=1)
    worded = [
        sum(
            any(ch.isalpha() for ch in str(row[column]))
            for row in rows[: _HEADER_ROWS * 10]
            if column < len(row)
        )
        for column in range(width)
    ]
    return max(range(width), key=lambda column: (worded[column], -column))


def read_expected_list(path: Path) -> tuple[list[ExpectedSchool], list[str]]:
    """Schools from a table (xlsx, xls, ods, csv): a header «Наименование» / «Краткое
    наименование» / «Код» if there is one, else the names in the first column.

    Raises:
        ExpectedError: the file is not a readable table.
    """
    from ..importing.reading import ImportFileError, read_sheets

    try:
        sheets = read_sheets(path)
    except ImportFileError as exc:
        raise ExpectedError(str(exc)) from exc
    rows: list[list[object]] = [list(r) for r in next(s for s in sheets if not s.is_empty).rows]
    start, columns = _header(rows)
    schools, rejected = [], []
    for number, row in enumerate(rows[start:], start=start + 1):
        full, short, code = (_cell(row, columns.get(name)) for name in ("full", "short", "code"))
        if code.endswith(".0") and code[:-2].isdigit():
            code = code[:-2]  # a numeric code as calamine gives it
        if not full and not short:
            if code:  # a numbered empty line is no school; a code without a name is a mistake
                rejected.append(f"строка {number}: нет наименования школы")
            continue
        schools.append(ExpectedSchool(full_name=full or short, short_name=short, code=code))
    return schools, rejected


def import_expected(store: Store, path: Path) -> ExpectedImport:
    """Add the schools of a table to the list (those already in it are left as they are).

    Raises:
        ExpectedError: the file is not a readable table.
    """
    schools, rejected = read_expected_list(Path(path))
    added, already = _add(store, schools)
    return ExpectedImport(added=added, already=already, rejected=rejected)
