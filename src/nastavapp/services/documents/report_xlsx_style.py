"""The look the sheets of the report workbook share: the font and its sizes, the few style
objects (made once), the line count that sizes wrapped rows, merging, and the A4 page set-up.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from typing import Any

FONT = "Times New Roman"  # Windows has it; Linux maps it to the metric-compatible Liberation Serif
FONT_SIZE = 11
# Russian letters of Times New Roman 11 per Excel width unit (measured in LibreOffice: ~1.05;
# a little less, so that a wrapped row is never cut short)
CHARS_PER_UNIT = 1.0
HEAD_SIZE = 10  # table headings: bold 10 pt
LINE_HEIGHT = FONT_SIZE * 1.3
INCH_PER_MM = 1 / 25.4


def line_count(text: str, width: float, bold: bool = False) -> int:
    """Printed lines of ``text`` wrapped by words in a column ``width`` units wide."""
    usable = max(int(width * CHARS_PER_UNIT / (1.1 if bold else 1)) - 1, 1)
    count = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need > usable and used:
                lines, used = lines + 1, len(word)
            else:
                used = need
        count += lines
    return count


class SheetStyles:
    """The few style objects of the workbook, made once."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        thin = Side(style="thin", color="000000")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.plain = Font(name=FONT, size=FONT_SIZE)
        self.bold = Font(name=FONT, size=FONT_SIZE, bold=True)
        self.head_font = Font(name=FONT, size=HEAD_SIZE, bold=True)
        self.title = Font(name=FONT, size=14, bold=True)
        self.section = Font(name=FONT, size=12, bold=True)
        self.large = Font(name=FONT, size=12)
        self.note = Font(name=FONT, size=10, italic=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.sub = Alignment(wrap_text=True, vertical="top", indent=2)  # «из них …»
        self.centre = Alignment(wrap_text=True, vertical="top", horizontal="center")
        self.head = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.middle = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self._made: dict[tuple[int, int, int, str], Any] = {}

    def apply(
        self,
        cell: Any,
        font: Any = None,
        alignment: Any = None,
        border: Any = None,
        number_format: str = "",
    ) -> None:
        """Style ``cell``. openpyxl hashes every style object on every assignment (~25 µs
        each); the resulting style array is kept per combination and copied onto later cells."""
        key = (id(font), id(alignment), id(border), number_format)
        made = self._made.get(key)
        if made is not None:
            cell._style = type(made)(made)
            return
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format:
            cell.number_format = number_format
        self._made[key] = type(cell._style)(cell._style)


def new_book() -> Any:
    """A workbook whose default font (style 0) is Times New Roman 11, as the documents use."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    book = Workbook()
    default = Font(name=FONT, size=FONT_SIZE, family=1)
    book._fonts = IndexedList([default])
    book._named_styles["Normal"].font = default
    return book


def merge(sheet: Any, row: int, first: int, last: int) -> None:
    """Merge the cells ``first``…``last`` of ``row``.

    ``sheet.merge_cells`` also makes a placeholder for every covered cell and copies borders onto
    the range's edges, hashing style objects each time (two thirds of the «Отчёт» sheet's time);
    the range alone is all the file needs, and the borders are set here where wanted.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    sheet.merged_cells.add(
        CellRange(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")
    )


def page_setup(sheet: Any, landscape: bool = False) -> None:
    """A4 fitted to the page width, the documents' margins, «Страница N из M» in the footer."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left, margins.right = 20 * INCH_PER_MM, 10 * INCH_PER_MM
    margins.top, margins.bottom = 20 * INCH_PER_MM, 20 * INCH_PER_MM
    margins.header, margins.footer = 8 * INCH_PER_MM, 8 * INCH_PER_MM
    sheet.oddFooter.center.text = "Страница &P из &N"
    sheet.oddFooter.center.font = FONT
    sheet.oddFooter.center.size = 10
