"""Reading the schools' report files: each file becomes a report or a reason to skip it.

Only the «data» sheet is read (python-calamine, imported when first needed): some
milliseconds a file, so 200 schools take well under a second. A file that is not a report, is
damaged, or comes from a newer format is skipped with its reason; the others are taken.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...store.oserrors import os_error_reason
from ..importing.extent import MAX_CELLS, MAX_UNPACKED, farthest_cell, unpacked_size
from ..report_data import DATA_SHEET, HEADER, Value
from .checks import ReportRejected, check_report
from .report import SchoolReport

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

REPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


@dataclass(frozen=True)
class Skipped:
    """A file not taken and why (the reason starts in lower case: «файл.xlsx: причина»)."""

    path: Path
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    def line(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass
class ReadResult:
    reports: list[SchoolReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class ReadingCancelled(Exception):
    """The user stopped the reading; nothing was stored."""


def _is_candidate(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in REPORT_SUFFIXES
        and not name.startswith(("~$", ".~", "."))  # Excel's lock files, our temporary files
    )


def report_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[Skipped]]:
    """The files to read: files as given, folders searched (with subfolders) for workbooks.

    Returns:
        The files in a stable order without repeats, and the paths that do not exist.
    """
    found: list[Path] = []
    missing: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(
                (p for p in path.rglob("*") if p.is_file() and _is_candidate(p)),
                key=lambda p: str(p).casefold(),
            )
        elif path.exists():
            inside = [path]
        else:
            missing.append(Skipped(path, "файл или папка не найдены."))
            continue
        for item in inside:
            resolved = item.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(item)
    return found, missing


def _value(raw: object) -> Value:
    """calamine's cell → a «data» value: whole floats become ints, empty cells None."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else raw
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):
        return raw.strip() or None
    return str(raw)  # dates and times (a hand-edited file): their text


def _data_rows(path: Path) -> list[list[object]]:
    import python_calamine as calamine

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportRejected(f"файл не читается: {os_error_reason(exc)}") from exc
    _refuse_far_cells(data)
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = {name.casefold(): name for name in book.sheet_names}
        if DATA_SHEET not in names:
            raise ReportRejected(
                "это не отчёт школы: в книге нет листа «data» (он есть в каждом отчёте, "
                "который сохраняет программа)."
            )
        rows: list[list[object]] = [
            list(row) for row in book.get_sheet_by_name(names[DATA_SHEET]).to_python()
        ]
    except calamine.PasswordError as exc:
        raise ReportRejected("файл защищён паролем.") from exc
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise ReportRejected("файл повреждён или это не книга Excel.") from exc
    return rows


def _refuse_far_cells(data: bytes) -> None:
    """A stray value far from the data (XFD1048576) made calamine abort the whole program, and
    so did a small file unpacking to gigabytes."""
    size = unpacked_size(data)
    if size is not None and size > MAX_UNPACKED:
        raise ReportRejected(
            f"файл после распаковки занимает {size // (1 << 20)} МБ — намного больше любого "
            "отчёта школы: возможно, он повреждён. Попросите школу прислать отчёт снова."
        )
    found = farthest_cell(data)
    if found is not None and found[0] * found[1] > MAX_CELLS:
        raise ReportRejected(
            f"в книге заполнены ячейки далеко от данных (например, {found[2]}): откройте файл "
            "в Excel или LibreOffice Calc, удалите их и сохраните файл снова."
        )


def read_values(path: Path) -> dict[str, Value]:
    """The key/value rows of the file's «data» sheet.

    Raises:
        ReportRejected: no such file or access, not a workbook, damaged, no «data» sheet.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise ReportRejected("файл не найден.") from exc
    except PermissionError as exc:
        raise ReportRejected(
            "нет доступа к файлу (если он открыт в Excel, закройте его и повторите)."
        ) from exc
    except OSError as exc:
        raise ReportRejected(f"файл не читается: {os_error_reason(exc)}") from exc
    if not head:
        raise ReportRejected("файл пуст.")
    if not head.startswith(_WORKBOOK_MAGIC):
        raise ReportRejected("это не книга Excel: отчёт школы — файл .xlsx.")
    rows = [row for row in _data_rows(path) if any(cell not in ("", None) for cell in row)]
    header = tuple(str(cell).strip().casefold() for cell in (rows[0][:2] if rows else []))
    if header != HEADER:
        raise ReportRejected("лист «data» не похож на отчёт программы: нет заголовка «key, value».")
    values: dict[str, Value] = {}
    for row in rows[1:]:
        key = str(row[0]).strip()
        if key:
            values[key] = _value(row[1] if len(row) > 1 else None)
    return values


def read_report(path: Path | str) -> SchoolReport:
    """One file → the checked report.

    Raises:
        ReportRejected: with the Russian reason to show beside the file's name.
    """
    path = Path(path)
    return check_report(read_values(path), source=path.name)


def read_reports(
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ReadResult:
    """Read every file (folders searched) into reports and skipped files, in order.

    Raises:
        ReadingCancelled: ``cancelled()`` turned true.
    """
    files, missing = report_files(paths)
    result = ReadResult(skipped=list(missing))
    total = len(files)
    for done, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            raise ReadingCancelled
        try:
            result.reports.append(read_report(path))
        except ReportRejected as exc:
            result.skipped.append(Skipped(path, str(exc)))
        if progress is not None:
            progress(done, total)
    return result
