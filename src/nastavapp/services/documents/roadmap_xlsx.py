"""The roadmap as an Excel workbook: the same table as the PDF, to edit and print from Excel.

One sheet «Дорожная карта»: the approval stamp at the top right, the title, then the table with
its header frozen and repeated on every printed page; stage rows merged across and bold; text
wrapped; A4 landscape, fitted to the page width, «Страница N из M» in the footer.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...store import Store
from .output import save_workbook, write_atomically
from .report_xlsx_style import FONT, FONT_SIZE, page_setup
from .roadmap_rows import (
    COLUMNS,
    EventRow,
    RoadmapDocument,
    StageRow,
    approval_lines,
    build_roadmap_document,
)

SHEET_TITLE = "Дорожная карта"
XLSX_FONT = FONT  # the name the file refers to (the PDF embeds Liberation Serif itself)
# № п/п, мероприятие, содержание, сроки, ответственные, результат (in Excel character widths)
COLUMN_WIDTHS = (7, 26, 52, 15, 18, 22)
STAGE_FILL = "E6E6E6"
CHARS_PER_UNIT = 1.4


def _cell_text(row: EventRow) -> list[str]:
    return [
        row.number,
        row.name,
        "\n".join(row.content),
        row.period,
        row.responsible.replace("\u00a0", " "),
        row.result,
    ]


def _line_count(text: str, width: int) -> int:
    """Rough number of printed lines of ``text`` in a column ``width`` units wide.

    A width unit is a digit of the default font; Times New Roman 11 fits about 1.4 letters
    of Russian text in one.
    """
    usable = max(int(width * CHARS_PER_UNIT) - 2, 1)
    return sum(max(1, -(-len(line) // usable)) for line in text.split("\n"))


def fill_sheet(sheet: Any, document: RoadmapDocument) -> int:
    """Write ``document`` into an openpyxl worksheet; returns the row number of the table header."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ncols = len(COLUMNS)
    last = get_column_letter(ncols)
    plain = Font(name=XLSX_FONT, size=FONT_SIZE)
    bold = Font(name=XLSX_FONT, size=FONT_SIZE, bold=True)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    # the organisation at the top left, the approval stamp at the top right
    sheet.merge_cells(start_row=1, start_column=1, end_row=4, end_column=2)
    organisation = sheet.cell(row=1, column=1, value=document.school_full_name)
    organisation.font = Font(name=XLSX_FONT, size=12)
    organisation.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    for offset, line in enumerate(approval_lines(document)):
        row = 1 + offset
        sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=ncols)
        cell = sheet.cell(row=row, column=4, value=line.replace("\u00a0", " "))
        cell.font = Font(name=XLSX_FONT, size=12, bold=offset == 0)
        cell.alignment = Alignment(horizontal="left", vertical="top")

    title_row = 6
    for row, (value, font) in enumerate(
        (
            (document.title, Font(name=XLSX_FONT, size=14, bold=True)),
            (document.subtitle, Font(name=XLSX_FONT, size=12)),
        ),
        start=title_row,
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=value)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    header = title_row + 3
    for column, title in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=header, column=column, value=title)
        cell.font, cell.alignment, cell.border = bold, centre, box

    row_number = header
    for item in document.rows:
        row_number += 1
        if isinstance(item, StageRow):
            sheet.merge_cells(
                start_row=row_number, start_column=1, end_row=row_number, end_column=ncols
            )
            cell = sheet.cell(row=row_number, column=1, value=item.text)
            cell.font = bold
            cell.alignment = Alignment(vertical="center")
            for column in range(1, ncols + 1):
                stage_cell = sheet.cell(row=row_number, column=column)
                stage_cell.fill = PatternFill("solid", fgColor=STAGE_FILL)
                stage_cell.border = box
            continue
        values = _cell_text(item)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            cell.font, cell.border = plain, box
            cell.alignment = (
                Alignment(wrap_text=True, vertical="top", horizontal="center")
                if column == 1
                else wrap_top
            )
        # Excel does not grow wrapped rows written by a program: give each its height.
        lines = max(_line_count(v, w) for v, w in zip(values, COLUMN_WIDTHS, strict=True))
        sheet.row_dimensions[row_number].height = round(lines * FONT_SIZE * 1.25 + 4, 1)

    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    sheet.print_title_rows = f"{header}:{header}"
    sheet.print_area = f"A1:{last}{row_number}"
    page_setup(sheet, landscape=True)
    return header


def write_roadmap_xlsx(document: RoadmapDocument, path: Path) -> None:
    """Write ``document`` to ``path`` directly (no temporary file; see ``export_roadmap_xlsx``)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    fill_sheet(sheet, document)
    book.properties.title = f"{document.title} на {document.year_title} учебный год"
    book.properties.creator = "nastavapp"
    save_workbook(book, path)


def export_roadmap_xlsx(store: Store, target: Path, year_title: str | None = None) -> Path:
    """Write the year's roadmap as an xlsx workbook at ``target`` (replaced only once written).

    Raises:
        ExportError: with a Russian message (no school or year, the target locked or read-only).
    """
    document = build_roadmap_document(store, year_title)
    return write_atomically(Path(target), lambda path: write_roadmap_xlsx(document, path))
