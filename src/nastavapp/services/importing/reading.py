"""Reading a school's list into rows of cells: .xlsx, .xls, .ods (python-calamine) and .csv.

Row ``i`` of a sheet is row ``i + 1`` of the file as the user sees it (empty rows at the top are
kept), so rejected rows can be named by the number shown in Excel.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ...store.oserrors import os_error_reason
from .extent import scan_book, too_big_unpacked

Cell = str | float | date  # calamine's ints become floats, datetimes dates, empties ''
Row = list[Cell]
MergedRange = tuple[tuple[int, int], tuple[int, int]]  # (top, left), (bottom, right) from 0

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_DELIMITERS = (";", ",", "\t")
_SUPPORTED = "xlsx, xls, ods или csv"
# Kept as they are: tab and line breaks (``clean`` folds them), the CSV's own separators.
_KEPT = frozenset("\t\n\r")
_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


class ImportFileError(Exception):
    """The file cannot be read as a table; ``str()`` is the Russian message. Nothing was changed."""


@dataclass(frozen=True)
class Sheet:
    """One sheet (a csv file is one sheet): its name, its rows from the file's first row, and
    what the user should know about how it was read (Russian sentences)."""

    name: str
    rows: list[Row]
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(cell != "" for row in self.rows for cell in row)


def read_sheets(path: Path | str) -> list[Sheet]:
    """Every visible worksheet of the file, in order.

    Raises:
        ImportFileError: missing, empty, not a table, damaged or protected file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(f"Файл «{path}» не найден.") from exc
    except PermissionError as exc:
        raise ImportFileError(
            f"Нет доступа к файлу «{path.name}». Если он открыт в Excel, закройте его и повторите."
        ) from exc
    except OSError as exc:
        raise ImportFileError(
            f"Не удалось прочитать файл «{path}»: {os_error_reason(exc)}"
        ) from exc
    if not data.strip():
        raise ImportFileError(f"Файл «{path.name}» пуст: в нём нет ни одной строки.")
    if data.startswith((_ZIP, _OLE)):
        sheets = _read_workbook(path, data)
    elif path.suffix.lower() in _TEXT_SUFFIXES:
        sheets = [_read_csv(path, data)]
    elif data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html", b"<table")):
        raise ImportFileError(
            f"Файл «{path.name}» — это веб-страница, сохранённая с расширением таблицы. "
            "Откройте его в Excel или LibreOffice и сохраните как книгу .xlsx."
        )
    else:
        raise ImportFileError(_not_a_table(path))
    if all(sheet.is_empty for sheet in sheets):
        raise ImportFileError(f"В файле «{path.name}» нет данных: все листы пусты.")
    return sheets


def _not_a_table(path: Path, detail: str = "") -> str:
    tail = f" ({detail})" if detail else ""
    return (
        f"Файл «{path.name}» не удалось прочитать как таблицу{tail}. "
        f"Подходят таблицы {_SUPPORTED}; если файл открывается в Excel, сохраните его "
        "в одном из этих форматов."
    )


def _read_workbook(path: Path, data: bytes) -> list[Sheet]:
    import python_calamine as calamine

    refusal = too_big_unpacked(data, path.name) if data.startswith(_ZIP) else None
    if refusal is not None:
        raise ImportFileError(refusal)
    scan = scan_book(data) if data.startswith(_ZIP) else None
    refusal = scan.too_far(path.name) if scan is not None else None
    if refusal is not None:
        raise ImportFileError(refusal)
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [
                [_cell(value) for value in row] for row in sheet.to_python(skip_empty_area=False)
            ]
            fill_merged_down(rows, sheet.merged_cell_ranges or ())
            notes = scan.notes(meta.name) if scan is not None else ()
            sheets.append(Sheet(meta.name, rows, notes))
    except calamine.PasswordError as exc:
        raise ImportFileError(
            f"Файл «{path.name}» защищён паролем. Снимите защиту в Excel и сохраните файл заново."
        ) from exc
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise ImportFileError(_not_a_table(path, "файл повреждён или это не таблица")) from exc
    if not sheets:
        raise ImportFileError(f"В файле «{path.name}» нет ни одного листа с таблицей.")
    return sheets


def fill_merged_down(rows: list[Row], merged: Sequence[MergedRange]) -> None:
    """A cell merged down a column («7А» over the class's pupils) holds its value in every row
    it covers, not only the first: the others used to come in without a class. Merges across
    columns (a title, a header over two columns) stay as they are."""
    for (top, column), (bottom, right) in merged:
        if right != column or bottom <= top or top >= len(rows):
            continue
        value = rows[top][column] if column < len(rows[top]) else ""
        for row in rows[top + 1 : bottom + 1]:
            if column < len(row) and row[column] == "":
                row[column] = value


class _PlainTable(dict[int, "int | str | None"]):
    """``str.translate`` table of :func:`plain_text`, filled as characters are met."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        if char in _KEPT or unicodedata.category(char) not in _INVISIBLE:
            value: int | str | None = code
        else:
            value = " " if char.isspace() else None
        self[code] = value
        return value


_PLAIN = _PlainTable()


def plain_text(text: str) -> str:
    """``text`` without control and invisible characters: the space-like ones (\\x0b, \\x1f,
    U+2028) become spaces, the others (\\x01, zero-width spaces, direction marks, BOM) go.

    A cell of Excel can hold them (as _x0001_) and a CSV anything; the user never sees them, a
    name with one would be rejected for no visible reason, and a position or subject keeping one
    could not be written to an .xlsx report or a Word order.
    """
    return text if text.isprintable() else text.translate(_PLAIN)


def _cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else str(value)  # NaN, inf (.ods, .xls) as text
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251 (Russian Excel's «CSV»), line by line.

    A list stitched together from two files can mix both; a Russian line in Windows-1251 is
    never valid UTF-8 (its letters are bytes 0xC0–0xFF in a row), so each line that is valid
    UTF-8 is read as such and the others as Windows-1251.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1251", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of the same width.

    Ties go to «;» (Russian Excel), then «,», then tab.
    """
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ";", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:  # a line longer than the csv module takes; reading will say so
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        mode = max(set(wide), key=lambda w: (wide.count(w), w))
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _is_control(char: str) -> bool:
    """A control character of a binary file (a no-break space or a zero-width one is text)."""
    return char not in _KEPT and unicodedata.category(char) == "Cc"


def _read_csv(path: Path, data: bytes) -> Sheet:
    text = decode_text(data)
    if "\x00" in text or sum(_is_control(c) for c in text[:4096]) > 8:
        raise ImportFileError(_not_a_table(path, "это не текстовый файл"))
    text = plain_text(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        rows: list[Row] = [list[Cell](row) for row in reader]
    except csv.Error as exc:  # a cell over 128 K characters (often a quote never closed)
        raise ImportFileError(
            _not_a_table(
                path,
                f"в строке {reader.line_num} ячейка длиннее {csv.field_size_limit()} знаков — "
                "возможно, не закрыта кавычка",
            )
        ) from exc
    return Sheet(path.stem, rows)
