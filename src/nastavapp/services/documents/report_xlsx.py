"""The report to the municipal centre as an Excel workbook.

- «Отчёт»: for people — the school, the year, the curator and the dates, the indicators with
  their definitions and targets, pairs and groups by form, the main counts, the roadmap's
  progress and the satisfaction; wrapped text, the heading frozen, A4 portrait fitted to the
  page width, «Страница N из M» in the footer.
- «Пары и группы», «Участники» (only when lists are asked for): consented people by name.
- «data»: key/value rows a program reads (:mod:`..report_data`), the municipal summary's input.

Speed: the workbook's default font is Times New Roman, so the long lists are written as plain
values (no per-cell style objects) and only their headings and multi-line cells carry a style;
the printed grid comes from the sheet's print options.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..report_data import DATA_SHEET, HEADER
from .report_content import SATISFIED_FROM, TARGET_NOTE, ReportContent
from .report_lists import ReportLists, pair_cells, people_cells
from .report_rows import (
    FORM_HEAD,
    INDICATOR_HEAD,
    SATISFACTION_HEAD,
    STAGE_HEAD,
    form_rows,
    satisfaction_rows,
    stage_rows,
)

Progress = Callable[[int, int], None]

REPORT_SHEET = "Отчёт"
PAIRS_SHEET = "Пары и группы"
PEOPLE_SHEET = "Участники"
FONT = "Times New Roman"  # Windows has it; Linux maps it to the metric-compatible Liberation Serif
FONT_SIZE = 11
REPORT_WIDTHS = (5, 34, 12, 13, 11, 14, 14)  # № and six columns, Excel character widths
# Russian letters of Times New Roman 11 per Excel width unit (measured in LibreOffice: ~1.05;
# a little less, so that a wrapped row is never cut short)
CHARS_PER_UNIT = 1.0
HEAD_SIZE = 10  # table headings: bold 10 pt
LINE_HEIGHT = FONT_SIZE * 1.3
INCH_PER_MM = 1 / 25.4
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


class _Styles:
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


def _new_book() -> Any:
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


def _page_setup(sheet: Any, landscape: bool = False) -> None:
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


# --- «Отчёт» --------------------------------------------------------------------------------------
class _ReportSheet:
    """Writes the people's sheet top to bottom, one block after another."""

    def __init__(self, sheet: Any, styles: _Styles) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet, self.s, self.row = sheet, styles, 0
        self.ncols = len(REPORT_WIDTHS)
        self.last = get_column_letter(self.ncols)
        for index, width in enumerate(REPORT_WIDTHS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

    def _height(self, lines: int, size: float = FONT_SIZE) -> None:
        self.sheet.row_dimensions[self.row].height = round(lines * size * 1.3 + 3, 1)

    def skip(self) -> None:
        self.row += 1

    def line(
        self, text: str, font: Any, alignment: Any = None, first: int = 1, size: float = FONT_SIZE
    ) -> None:
        """One text across the columns from ``first`` (merged), its row as tall as it needs."""
        self.row += 1
        merge(self.sheet, self.row, first, self.ncols)
        cell = self.sheet.cell(row=self.row, column=first, value=text)
        self.s.apply(cell, font, alignment or self.s.wrap)
        width = sum(REPORT_WIDTHS[first - 1 :]) * FONT_SIZE / size
        self._height(line_count(text, width, bold=bool(font.b)), size)

    def labelled(self, label: str, value: str) -> None:
        """«Куратор:» in A:B, the value in C:G."""
        self.row += 1
        sheet = self.sheet
        merge(sheet, self.row, 1, 2)
        merge(sheet, self.row, 3, self.ncols)
        head = sheet.cell(row=self.row, column=1, value=f"{label}:")
        self.s.apply(head, self.s.bold, self.s.wrap)
        cell = sheet.cell(row=self.row, column=3, value=value)
        self.s.apply(cell, self.s.plain, self.s.wrap)
        lines = max(
            line_count(label, sum(REPORT_WIDTHS[:2]), bold=True),
            line_count(value, sum(REPORT_WIDTHS[2:])),
        )
        self._height(lines)

    def header(self, titles: Sequence[str]) -> None:
        self.row += 1
        for column, title in enumerate(titles, start=1):
            cell = self.sheet.cell(row=self.row, column=column, value=title or None)
            self.s.apply(cell, self.s.head_font, self.s.head, self.s.box)
        scale = FONT_SIZE / HEAD_SIZE
        self._height(
            max(
                line_count(t, w * scale, bold=True)
                for t, w in zip(titles, REPORT_WIDTHS, strict=True)
            ),
            HEAD_SIZE,
        )

    def cells(self, values: Sequence[Any], bold: bool = False, merge_to: int = 0) -> None:
        """A table row: text left and wrapped, numbers centred; None and «—» centred too.

        ``merge_to``: merge the second cell up to this column (a long label).
        """
        self.row += 1
        font = self.s.bold if bold else self.s.plain
        widths = list(REPORT_WIDTHS)
        if merge_to:
            merge(self.sheet, self.row, 2, merge_to)
            widths[1] = sum(REPORT_WIDTHS[1:merge_to])
            values = [values[0], values[1], *([None] * (merge_to - 2)), *values[2:]]
        lines = 1
        for column, value in enumerate(values, start=1):
            cell = self.sheet.cell(row=self.row, column=column)
            if merge_to and 2 < column <= merge_to:
                self.s.apply(cell, border=self.s.box)
                continue
            shown = "—" if value is None else value
            cell.value = shown
            number_format = "0.0" if isinstance(shown, float) else ""
            if column == 2 and isinstance(shown, str):
                alignment = self.s.sub if shown.startswith("из них") else self.s.wrap
                self.s.apply(cell, font, alignment, self.s.box, number_format)
                lines = max(lines, line_count(shown, widths[1], bold=bold))
            else:
                self.s.apply(cell, font, self.s.centre, self.s.box, number_format)
                if isinstance(shown, str):
                    lines = max(lines, line_count(shown, REPORT_WIDTHS[column - 1]))
        self._height(lines)

    def indicator(self, number: int, row: Any) -> None:
        """An indicator: its title, and under it in italics how it is counted."""
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont

        self.cells(
            [
                number,
                row.title,
                row.numerator,
                row.denominator,
                row.percent,
                row.target_text,
                row.verdict,
            ]
        )
        cell = self.sheet.cell(row=self.row, column=2)
        cell.value = CellRichText(
            TextBlock(InlineFont(rFont=FONT, sz=FONT_SIZE), row.title + "\n"),
            TextBlock(InlineFont(rFont=FONT, sz=10, i=True), row.definition),
        )
        width = REPORT_WIDTHS[1]
        title_lines = line_count(row.title, width)
        definition_lines = line_count(row.definition, width * FONT_SIZE / 10)
        height = title_lines * LINE_HEIGHT + definition_lines * 10 * 1.3 + 4
        self.sheet.row_dimensions[self.row].height = round(height, 1)


def fill_report_sheet(sheet: Any, content: ReportContent, styles: _Styles) -> int:
    """Write the people's sheet; returns its last row."""
    out = _ReportSheet(sheet, styles)
    s = styles
    out.line(content.title, s.title, s.middle, size=14)
    out.line(content.school_full_name, s.large, s.middle, size=12)
    out.line(content.subtitle, s.large, s.middle, size=12)
    sheet.freeze_panes = sheet.cell(row=out.row + 1, column=1)
    out.skip()
    for label, value in content.header_lines()[1:]:
        out.labelled(label, value)

    out.skip()
    out.line("1. Показатели целевой модели наставничества", s.section, size=12)
    out.header(INDICATOR_HEAD)
    for number, row in enumerate(content.indicators, start=1):
        out.indicator(number, row)
    out.line(TARGET_NOTE, s.note, size=10)

    out.skip()
    out.line("2. Наставнические пары и группы по формам наставничества", s.section, size=12)
    out.header(FORM_HEAD)
    *forms, forms_total = form_rows(content)
    for cells in forms:
        out.cells(cells)
    out.cells(forms_total, bold=True)

    out.skip()
    out.line("3. Основные сведения", s.section, size=12)
    out.header(("№", "Показатель", "", "", "", "", "Значение"))
    merge(sheet, out.row, 2, 6)
    for number, count in enumerate(content.counts, start=1):
        out.cells([number, count.label, count.value], merge_to=6)
    if content.partners:
        out.line("Организации-партнёры: " + "; ".join(content.partners) + ".", s.plain)

    out.skip()
    out.line("4. Выполнение дорожной карты", s.section, size=12)
    out.header(STAGE_HEAD)
    *stages, stages_total = stage_rows(content)
    for cells in stages:
        out.cells(cells)
    out.cells(stages_total, bold=True)
    out.line(f"Текущий этап: {content.current_stage}.", s.plain)

    out.skip()
    out.line("5. Удовлетворённость участников программы", s.section, size=12)
    out.header(SATISFACTION_HEAD)
    for cells in satisfaction_rows(content):
        out.cells(cells)
    out.line(
        f"Удовлетворённым считается участник, средняя оценка которого по вопросам анкеты — "
        f"от {SATISFIED_FROM} до 10 баллов.",
        s.note,
        size=10,
    )

    out.skip()
    out.line(_privacy_note(content.lists), s.note, size=10)
    out.skip()
    out.line(f"Директор  _______________  {_plain(content.director_signature)}", s.plain)
    out.skip()
    out.line(f"Куратор  _______________  {_plain(content.curator_signature)}", s.plain)
    sheet.print_area = f"A1:{out.last}{out.row}"
    _page_setup(sheet)
    return out.row


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ") or "И. О. Фамилия"


def _privacy_note(lists: ReportLists | None) -> str:
    if lists is None:
        return "Отчёт содержит только обобщённые сведения, без персональных данных участников."
    return (
        "Списки пар и групп и участников — на листах «Пары и группы» и «Участники». Названы "
        "только участники с согласием на обработку персональных данных (152-ФЗ); остальные "
        "учтены в числах, но не названы."
    )


# --- the lists ------------------------------------------------------------------------------------
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
        max(low, min(cap, round(max(found, default=0) / CHARS_PER_UNIT) + 2))
        for (_title, low, cap), found in zip(columns, lengths, strict=True)
    ]


def _list_sheet(
    book: Any,
    title: str,
    heading: str,
    subtitle: str,
    columns: Sequence[tuple[str, int, int]],
    rows: Sequence[Sequence[Any]],
    styles: _Styles,
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
        merge(sheet, row, 1, ncols)
        cell = sheet.cell(row=row, column=1, value=text)
        styles.apply(cell, font, styles.wrap)
        sheet.row_dimensions[row].height = round(
            line_count(text, sum(widths)) * LINE_HEIGHT * (1.1 if row == 1 else 1) + 3, 1
        )
    header = 3
    for column, (name, _low, _cap) in enumerate(columns, start=1):
        cell = sheet.cell(row=header, column=column, value=name)
        styles.apply(cell, styles.head_font, styles.head, styles.box)
    scale = FONT_SIZE / HEAD_SIZE
    head_lines = max(
        line_count(n, w * scale, bold=True) for (n, _l, _c), w in zip(columns, widths, strict=True)
    )
    sheet.row_dimensions[header].height = round(head_lines * HEAD_SIZE * 1.3 + 4, 1)
    # The body: plain values in the default font. A row with a line longer than its column or
    # a cell of several lines gets wrapping (top-aligned) and its height; the others keep
    # Excel's single-line height.
    tall: set[int] = set()
    for index, found in enumerate(lengths):
        limit = int(widths[index] * CHARS_PER_UNIT) - 1
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
                lines = max(lines, line_count(value, width))
        dims[number].height = round(lines * LINE_HEIGHT + 3, 1)
    number = header + len(rows)
    if tail:
        number += 1
        merge(sheet, number, 1, ncols)
        cell = sheet.cell(row=number, column=1, value=tail)
        styles.apply(cell, styles.note)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    sheet.print_title_rows = f"{header}:{header}"
    sheet.print_area = f"A1:{last}{number}"
    sheet.auto_filter.ref = f"A{header}:{last}{max(number - (1 if tail else 0), header)}"
    sheet.print_options.gridLines = True
    _page_setup(sheet, landscape=True)


def _write_lists(
    book: Any, content: ReportContent, styles: _Styles, progress: Callable[[int], None]
) -> None:
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


def _write_data(book: Any, content: ReportContent, styles: _Styles) -> None:
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
    _page_setup(sheet)


def write_report_xlsx(content: ReportContent, path: Path, progress: Progress | None = None) -> None:
    """Write the workbook to ``path`` directly (see ``report_export`` for the safe way).

    ``progress`` gets (done, total) in rows of the lists (a few steps without them).
    """
    report = progress or (lambda done, total: None)
    lists = content.lists
    total = 3 + (len(lists.pairs) + len(lists.participants) if lists else 0)
    book = _new_book()
    styles = _Styles()
    sheet = book.active
    sheet.title = REPORT_SHEET
    fill_report_sheet(sheet, content, styles)
    report(1, total)
    if lists is not None:
        _write_lists(book, content, styles, lambda done: report(1 + done, total))
    _write_data(book, content, styles)
    report(total - 1, total)
    book.properties.title = f"{content.title} {content.subtitle}"
    book.properties.subject = content.school_full_name
    book.properties.creator = "nastavapp"
    book.save(path)
    report(total, total)
