"""The rejected (and duplicate) rows of an import as an .xlsx the curator can fix and re-import.

The sheet «Отклонённые» keeps the file's own column titles after «Строка в файле» and
«Причина», so after the rows are corrected it can be imported as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents.errors import ExportError
from ..documents.output import save_workbook, write_atomically
from .persons import ImportResult

if TYPE_CHECKING:
    from openpyxl import Workbook

REJECTED_SHEET = "Отклонённые"
DUPLICATES_SHEET = "Повторы"
# A sheet of Excel has 16 384 columns; two go to «Строка в файле» and «Причина». A CSV can be
# wider (a stray run of «;»): the report keeps the columns that fit.
FILE_COLUMNS = 16_384 - 2
REPORT_SUFFIX = ".xlsx"


class ReportError(Exception):
    """The report cannot be written; ``str()`` is the Russian message."""


def check_report_path(path: Path) -> None:
    """Refuse a name that is not .xlsx: the report is a workbook, whatever its name says.

    Raises:
        ReportError: the name ends in another extension (or none).
    """
    if path.suffix.lower() != REPORT_SUFFIX:
        raise ReportError(
            f"Отчёт об отклонённых строках сохраняется только в Excel: укажите имя файла "
            f"с расширением .xlsx (а не «{path.name}»)."
        )


def save_rejections(result: ImportResult, path: Path | str) -> Path:
    """Write the rejected rows and the duplicates of ``result`` to the workbook at ``path``.

    Written beside the target and renamed into place, as every document: a failure leaves
    no broken file and an earlier report of the same name as it was.

    Raises:
        ReportError: the name is not .xlsx, or the file cannot be written (open in Excel, no
            access, no space …).
    """
    path = Path(path)
    check_report_path(path)
    book = _workbook(result)
    try:
        return write_atomically(path, lambda temporary: save_workbook(book, temporary))
    except ExportError as exc:
        raise ReportError(str(exc)) from exc


def _workbook(result: ImportResult) -> Workbook:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = REJECTED_SHEET
    titles = result.titles[:FILE_COLUMNS]
    sheet.append(["Строка в файле", "Причина", *titles])
    for row in result.rejected:
        sheet.append([row.row_number, row.reason, *row.cells[:FILE_COLUMNS]])
    _dress(sheet, [14, 60] + [18] * len(titles))

    doubles = book.create_sheet(DUPLICATES_SHEET)
    doubles.append(["Строка в файле", "ФИО", "Дата рождения", "Причина"])
    for dup in result.duplicates:
        born = dup.person.birth_date
        doubles.append(
            [
                dup.row_number,
                dup.person.full_name,
                born.strftime("%d.%m.%Y") if born else "",
                dup.reason,
            ]
        )
    _dress(doubles, [14, 40, 16, 30])
    return book


def _dress(sheet: Any, widths: list[int]) -> None:
    """Bold header, wrapped second column (the reasons), column widths, header kept in view."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
