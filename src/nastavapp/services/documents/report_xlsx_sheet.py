"""The «Отчёт» sheet of the report workbook: the school, the year, the curator and the dates,
the indicators with their definitions and targets, pairs and groups by form, the main counts, the
roadmap's progress and the satisfaction; wrapped text, each row as tall as its text needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .report_content import TARGET_NOTE, ReportContent
from .report_lists import ReportLists
from .report_rows import (
    FORM_HEAD,
    INDICATOR_HEAD,
    SATISFACTION_HEAD,
    STAGE_HEAD,
    form_rows,
    satisfaction_rows,
    stage_rows,
)
from .report_xlsx_style import (
    FONT,
    FONT_SIZE,
    HEAD_SIZE,
    LINE_HEIGHT,
    SheetStyles,
    line_count,
    merge,
    page_setup,
)

REPORT_WIDTHS = (5, 34, 12, 13, 11, 14, 14)  # № and six columns, Excel character widths


class _ReportSheet:
    """Writes the people's sheet top to bottom, one block after another."""

    def __init__(self, sheet: Any, styles: SheetStyles) -> None:
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


def fill_report_sheet(sheet: Any, content: ReportContent, styles: SheetStyles) -> int:
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
        content.satisfied_rule,
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
    page_setup(sheet)
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
