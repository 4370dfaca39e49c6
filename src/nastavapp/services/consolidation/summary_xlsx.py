"""The municipal summary as an Excel workbook.

Sheets: «Сводка» (a row per school, the totals, shares under target in red and bold),
«Показатели» (the municipal shares with their numerators and denominators), «Сравнение» (with
the previous year, when its reports exist), «Не прислали отчёт», and «data» — the same kind of
sheet a school's report carries, with the municipality's identity, so that a region merges
municipalities the way the municipality merges schools.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..documents.output import save_workbook, write_atomically
from ..report_data import DATA_SHEET, HEADER
from .figures import INDICATORS, TARGETED, decimal
from .summary import Summary, below_target
from .summary_data import municipal_rows
from .table import COLUMNS, cell, is_below
from .texts import summary_title, year_line

XLSX_FONT = "Times New Roman"
SIZE = 11
BELOW_FILL = "F4CCCC"
TOTAL_FILL = "E6E6E6"
SHARE_FORMAT = "0.0"
CHANGE_FORMAT = "+0.0;-0.0;0.0"  # percentage points with their sign
WHOLE_CHANGE_FORMAT = "+0;-0;0"


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.plain = Font(name=XLSX_FONT, size=SIZE)
        self.bold = Font(name=XLSX_FONT, size=SIZE, bold=True)
        self.below = Font(name=XLSX_FONT, size=SIZE, bold=True, color="9C0006")
        self.title = Font(name=XLSX_FONT, size=14, bold=True)
        self.header = Alignment(wrap_text=True, horizontal="center", vertical="center")
        self.left = Alignment(wrap_text=True, vertical="top")
        self.number = Alignment(horizontal="right", vertical="top")
        self.below_fill = PatternFill("solid", fgColor=BELOW_FILL)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)


def _write_header(sheet: Any, row: int, titles: list[str], st: _Styles) -> None:
    for column, title in enumerate(titles, start=1):
        target = sheet.cell(row=row, column=column, value=title)
        target.font, target.alignment, target.border = st.bold, st.header, st.box


def _put(sheet: Any, row: int, column: int, value: Any, st: _Styles, *, share: bool) -> Any:
    target = sheet.cell(row=row, column=column, value="—" if value is None else value)
    target.font, target.border = st.plain, st.box
    target.alignment = st.left if isinstance(value, str) else st.number
    if share and value is not None:
        target.number_format = SHARE_FORMAT
    if value is None:
        target.alignment = st.number
    return target


def _title(sheet: Any, summary: Summary, st: _Styles, width: int) -> int:
    from openpyxl.styles import Alignment

    lines = [
        (summary.centre.name or summary.centre.municipality, st.bold),
        (summary_title(), st.title),
        (year_line(summary), st.plain),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        target = sheet.cell(row=row, column=1, value=text)
        target.font = font
        target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[2].height = 36
    return len(lines) + 2


def _summary_sheet(sheet: Any, summary: Summary, st: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    titles = ["№ п/п", *(column.header for column in COLUMNS)]
    header = _title(sheet, summary, st, len(titles))
    _write_header(sheet, header, titles, st)
    sheet.row_dimensions[header].height = 92
    row_number = header
    for number, school in enumerate(summary.rows, start=1):
        row_number += 1
        _put(sheet, row_number, 1, number, st, share=False)
        for index, column in enumerate(COLUMNS, start=2):
            target = _put(
                sheet, row_number, index, cell(school, column), st, share=column.kind == "share"
            )
            if is_below(school, column):
                target.font, target.fill = st.below, st.below_fill
    row_number += 1
    _put(sheet, row_number, 1, "", st, share=False)
    for index, column in enumerate(COLUMNS, start=2):
        target = _put(
            sheet, row_number, index, cell(summary.totals, column), st, share=column.kind == "share"
        )
        target.font = st.below if is_below(summary.totals, column) else st.bold
        target.fill = st.below_fill if is_below(summary.totals, column) else st.total_fill
    sheet.cell(row=row_number, column=1).fill = st.total_fill
    target_row = row_number + 1
    for index, column in enumerate(COLUMNS, start=2):
        if index == 2:
            _put(sheet, target_row, index, "Целевое значение, %", st, share=False)
        elif column.target is not None:
            _put(sheet, target_row, index, column.target, st, share=True)
    notes = [
        "Доли по муниципалитету рассчитаны по суммам числителей и знаменателей школ, а не как "
        "среднее долей школ.",
        f"Красным выделены доли ниже целевого значения {decimal(TARGETED[0].target, 0)} %."
        if TARGETED
        else "",
    ]
    for offset, note in enumerate(n for n in notes if n):
        sheet.cell(row=target_row + 2 + offset, column=1, value=note).font = st.plain
    widths = [6, 34] + [11] * 7 + [14] * 7
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header + 1, column=3)
    sheet.print_title_rows = f"{header}:{header}"
    _landscape(sheet)


def _indicators_sheet(sheet: Any, summary: Summary, st: _Styles) -> None:
    titles = ["Показатель", "Числитель", "Знаменатель", "Доля, %", "Целевое значение, %"]
    header = _title(sheet, summary, st, len(titles))
    _write_header(sheet, header, titles, st)
    sheet.row_dimensions[header].height = 30
    for offset, spec in enumerate(INDICATORS, start=1):
        ratio = summary.totals.ratio(spec.key)
        values = [spec.label, ratio.numerator, ratio.denominator, ratio.percent, spec.target]
        for column, value in enumerate(values, start=1):
            target = _put(sheet, header + offset, column, value, st, share=column >= 4)
            if column == 5 and value is None:
                target.value = ""
            if column == 4 and below_target(ratio, spec):
                target.font, target.fill = st.below, st.below_fill
    for letter, width in zip("ABCDE", (62, 13, 13, 11, 13), strict=True):
        sheet.column_dimensions[letter].width = width
    _fit_rows(sheet, header, 62)
    _landscape(sheet)


def _comparison_sheet(sheet: Any, summary: Summary, st: _Styles) -> None:
    titles = [
        "Показатель",
        f"{summary.previous_year} уч. г.",
        f"{summary.year} уч. г.",
        "Изменение",
    ]
    header = _title(sheet, summary, st, len(titles))
    _write_header(sheet, header, titles, st)
    for offset, item in enumerate(summary.comparison(), start=1):
        label = f"{item.label}, %" if item.is_share else item.label
        values = [label, item.previous, item.current, item.change]
        for column, value in enumerate(values, start=1):
            target = _put(
                sheet, header + offset, column, value, st, share=item.is_share and column > 1
            )
            if column == 4 and value is not None:
                target.number_format = CHANGE_FORMAT if item.is_share else WHOLE_CHANGE_FORMAT
    for letter, width in zip("ABCD", (66, 14, 14, 13), strict=True):
        sheet.column_dimensions[letter].width = width
    _fit_rows(sheet, header, 66)
    _landscape(sheet)


def _missing_sheet(sheet: Any, summary: Summary, st: _Styles) -> None:
    titles = ["№ п/п", "Наименование", "Краткое наименование", "Код"]
    header = _title(sheet, summary, st, len(titles))
    if not summary.missing:
        text = (
            "Отчёты прислали все школы из списка."
            if summary.expected
            else "Список школ, от которых ждут отчёт, не заполнен."
        )
        sheet.cell(row=header, column=1, value=text).font = st.plain
    else:
        _write_header(sheet, header, titles, st)
        for number, school in enumerate(summary.missing, start=1):
            values = [number, school.full_name, school.short_name, school.code]
            for column, value in enumerate(values, start=1):
                _put(sheet, header + number, column, value, st, share=False)
    for letter, width in zip("ABCD", (6, 70, 30, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    _fit_rows(sheet, header, 70, column=2)
    _landscape(sheet)


def _fit_rows(sheet: Any, header: int, width: int, column: int = 1) -> None:
    """Excel does not grow wrapped rows written by a program: give each row its height."""
    usable = int(width * 1.4)  # Russian letters of Times New Roman 11 in a width unit
    for row in range(header + 1, sheet.max_row + 1):
        text = str(sheet.cell(row=row, column=column).value or "")
        lines = max(1, -(-len(text) // usable))
        if lines > 1:
            sheet.row_dimensions[row].height = round(lines * SIZE * 1.3 + 3, 1)


def _landscape(sheet: Any) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.oddFooter.center.text = "Страница &P из &N"


def write_summary_xlsx(summary: Summary, path: Path, now: datetime | None = None) -> None:
    """Write the workbook to ``path`` directly (see :func:`export_summary_xlsx`)."""
    from openpyxl import Workbook

    st = _Styles()
    book = Workbook()
    first = book.active
    first.title = "Сводка"
    _summary_sheet(first, summary, st)
    _indicators_sheet(book.create_sheet("Показатели"), summary, st)
    if summary.previous is not None:
        _comparison_sheet(book.create_sheet("Сравнение"), summary, st)
    _missing_sheet(book.create_sheet("Не прислали отчёт"), summary, st)
    data = book.create_sheet(DATA_SHEET)
    data.append(list(HEADER))
    for key, value in municipal_rows(summary, now):
        data.append([key, value])
    data.column_dimensions["A"].width = 52
    data.column_dimensions["B"].width = 40
    book.properties.title = f"{summary_title()} — {summary.year}"
    book.properties.creator = "nastavapp"
    save_workbook(book, path)


def export_summary_xlsx(summary: Summary, target: Path, now: datetime | None = None) -> Path:
    """Write the summary workbook at ``target`` (replaced only once fully written).

    Raises:
        ExportError: with a Russian message (the target open in Excel, a read-only folder).
    """
    return write_atomically(Path(target), lambda path: write_summary_xlsx(summary, path, now))
