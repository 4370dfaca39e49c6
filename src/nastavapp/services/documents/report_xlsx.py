"""The report to the municipal centre as an Excel workbook.

- «Отчёт»: for people — the school, the year, the curator and the dates, the indicators with
  their definitions and targets, pairs and groups by form, the main counts, the roadmap's
  progress and the satisfaction; wrapped text, the heading frozen, A4 portrait fitted to the
  page width, «Страница N из M» in the footer.
- «Пары и группы», «Участники» (only when lists are asked for): consented people by name.
- «data»: key/value rows a program reads (:mod:`..report_data`), the municipal summary's input.

The workbook's default font is Times New Roman, so the long lists need no per-cell style. The
look is in :mod:`.report_xlsx_style`, the «Отчёт» sheet in :mod:`.report_xlsx_sheet`, the lists
in :mod:`.report_xlsx_lists`.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..report_data import DATA_SHEET, HEADER
from .output import save_workbook
from .report_content import ReportContent
from .report_xlsx_lists import PAIRS_SHEET, PEOPLE_SHEET, write_lists
from .report_xlsx_sheet import fill_report_sheet
from .report_xlsx_style import SheetStyles, new_book, page_setup

# the sheets' names, for the tests that read the workbook back; the «Отчёт» sheet alone
__all__ = ["PAIRS_SHEET", "PEOPLE_SHEET", "REPORT_SHEET", "fill_report_sheet", "write_report_xlsx"]

Progress = Callable[[int, int], None]

REPORT_SHEET = "Отчёт"


def _write_data(book: Any, content: ReportContent, styles: SheetStyles) -> None:
    sheet = book.create_sheet(DATA_SHEET)
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        styles.apply(cell, styles.bold)
    for key, value in content.data:
        sheet.append([key, value])
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 45
    sheet.freeze_panes = "A2"
    sheet.print_options.gridLines = True
    page_setup(sheet)


def write_report_xlsx(content: ReportContent, path: Path, progress: Progress | None = None) -> None:
    """Write the workbook to ``path`` directly (see ``report_export`` for the safe way).

    ``progress`` gets (done, total) in rows of the lists (a few steps without them).
    """
    report = progress or (lambda done, total: None)
    lists = content.lists
    total = 3 + (len(lists.pairs) + len(lists.participants) if lists else 0)
    book = new_book()
    styles = SheetStyles()
    sheet = book.active
    sheet.title = REPORT_SHEET
    fill_report_sheet(sheet, content, styles)
    report(1, total)
    if lists is not None:
        write_lists(book, content, styles, lambda done: report(1 + done, total))
    _write_data(book, content, styles)
    report(total - 1, total)
    book.properties.title = f"{content.title} {content.subtitle}"
    book.properties.subject = content.school_full_name
    book.properties.creator = "nastavapp"
    save_workbook(book, path)
    report(total, total)
