"""The sheets «Пары и группы» and «Участники» of the report workbook (only when lists are asked
for): consented people by name, columns fitted to their text, the header frozen and repeated.

Speed: the long lists are written as plain values in the workbook's default font (no per-cell
style objects); only their headings and multi-line cells carry a style, and the printed grid
comes from the sheet's print options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import report_xlsx_style as xs
from .report_content import ReportContent
from .report_lists import pair_cells, people_cells

PAIRS_SHEET = "Пары и группы"
PEOPLE_SHEET = "Участники"
PAIR_COLUMNS = (
    ("№", 5, 5),
    ("Наставник", 14, 32),
    ("Должность / класс", 12, 30),
    ("Наставляемые", 16, 32),
    ("Класс / должность", 12, 22),
    ("Форма наставничества", 14, 22),
    ("Статус", 10, 20),
    ("Срок", 12, 24),
)
PEOPLE_COLUMNS = (
    ("№", 5, 5),
    ("ФИО", 16, 36),
    ("Категория", 12, 26),
    ("Класс / должность", 14, 34),
    ("Роль", 12, 24),
    ("Форма наставничества", 14, 26),
    ("Статус", 10, 34),
)


def _lengths(rows: Sequence[Sequence[Any]], ncols: int) -> tuple[list[list[int]], set[int]]:
    """Per column, the length of each row's longest line (column-wise, so mostly in C); and
    the rows with a cell of several lines."""
    if not rows:
        return [[] for _ in range(ncols)], set()
    found, multi_line = [], set()
    for column in zip(*rows, strict=True):
        if all(isinstance(v, str) for v in column):
            several = [i for i, v in enumerate(column) if "\n" in v]
            sizes = list(map(len, column))
            for i in several:
                sizes[i] = max(map(len, column[i].split("\n")))
            multi_line.update(several)
            found.append(sizes)
        else:
            found.append([len(str(v)) for v in column])
    return found, multi_line


def _fitted(columns: Sequence[tuple[str, int, int]], lengths: list[list[int]]) -> list[int]:
    """Each column as wide as its longest line, between its minimum and its cap."""
    return [
        max(low, min(cap, round(max(found, default=0) / xs.CHARS_PER_UNIT) + 2))
        for (_title, low, cap), found in zip(columns, lengths, strict=True)
    ]


def _list_sheet(
    book: Any,
    title: str,
    heading: str,
    subtitle: str,
    columns: Sequence[tuple[str, int, int]],
    rows: Sequence[Sequence[Any]],
    styles: xs.SheetStyles,
    tail: str,
    progress: Callable[[int], None],
) -> None:
    """A printable list: heading, bold bordered header (frozen, repeated), plain rows."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    ncols = len(columns)
    last = get_column_letter(ncols)
    lengths, multi_line = _lengths(rows, ncols)
    widths = _fitted(columns, lengths)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row, (text, font) in enumerate(((heading, styles.section), (subtitle, styles.plain)), 1):
        xs.merge(sheet, row, 1, ncols)
        cell = sheet.cell(row=row, column=1, value=text)
        styles.apply(cell, font, styles.wrap)
        sheet.row_dimensions[row].height = round(
            xs.line_count(text, sum(widths)) * xs.LINE_HEIGHT * (1.1 if row == 1 else 1) + 3, 1
        )
    header = 3
    for column, (name, _low, _cap) in enumerate(columns, start=1):
        cell = sheet.cell(row=header, column=column, value=name)
        styles.apply(cell, styles.head_font, styles.head, styles.box)
    scale = xs.FONT_SIZE / xs.HEAD_SIZE
    head_lines = max(
        xs.line_count(n, w * scale, bold=True)
        for (n, _l, _c), w in zip(columns, widths, strict=True)
    )
    sheet.row_dimensions[header].height = round(head_lines * xs.HEAD_SIZE * 1.3 + 4, 1)
    # The body: plain values in the default font. A row with a line longer than its column or
    # a cell of several lines gets wrapping (top-aligned) and its height; the others keep
    # Excel's single-line height.
    tall: set[int] = set()
    for index, found in enumerate(lengths):
        limit = int(widths[index] * xs.CHARS_PER_UNIT) - 1
        tall.update(i for i, size in enumerate(found) if size > limit)
    tall.update(multi_line)
    append = sheet.append
    for index, values in enumerate(rows):
        append(values)
        if index % 250 == 0:
            progress(index)
    cells, dims = sheet._cells, sheet.row_dimensions
    for index in sorted(tall):
        number = header + 1 + index
        lines = 1
        for column, (value, width) in enumerate(zip(rows[index], widths, strict=True), start=1):
            styles.apply(cells[(number, column)], alignment=styles.wrap)
            if isinstance(value, str):
                lines = max(lines, xs.line_count(value, width))
        dims[number].height = round(lines * xs.LINE_HEIGHT + 3, 1)
    number = header + len(rows)
    if tail:
        number += 1
        xs.merge(sheet, number, 1, ncols)
        cell = sheet.cell(row=number, column=1, value=tail)
        styles.apply(cell, styles.note)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    sheet.print_title_rows = f"{header}:{header}"
    sheet.print_area = f"A1:{last}{number}"
    sheet.auto_filter.ref = f"A{header}:{last}{max(number - (1 if tail else 0), header)}"
    sheet.print_options.gridLines = True
    xs.page_setup(sheet, landscape=True)


def write_lists(
    book: Any, content: ReportContent, styles: xs.SheetStyles, progress: Callable[[int], None]
) -> None:
    """Add the sheets of pairs and of participants; ``progress`` gets the rows done."""
    lists = content.lists
    assert lists is not None
    note = "Участники без согласия на обработку персональных данных не названы."
    _list_sheet(
        book,
        PAIRS_SHEET,
        f"Наставнические пары и группы, {content.year_title} учебный год",
        f"{content.school_full_name}. {note}",
        PAIR_COLUMNS,
        pair_cells(lists),
        styles,
        "",
        progress,
    )
    people = people_cells(lists)
    _list_sheet(
        book,
        PEOPLE_SHEET,
        f"Участники программы наставничества, {content.year_title} учебный год",
        f"{content.school_full_name}. {note}",
        PEOPLE_COLUMNS,
        people,
        styles,
        lists.hidden_text.capitalize() + "." if lists.hidden_text else "",
        lambda done: progress(len(lists.pairs) + done),
    )
