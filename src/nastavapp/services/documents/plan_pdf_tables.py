"""The flowables of a plan sheet: the heading with the fields above the table, the table of
items and, in its last borderless row, «Выполнено N из M» and the lines to sign; the invisible
mark that tells the canvas which sheet a page belongs to.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from . import pdf_styles as ps
from .dates import blank_date
from .fonts import FontFamily
from .pdf_styles import MARGINS_MM, MM, text
from .plan_content import PlanSheet

TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT_SIZE = 12
LEADING = 14
HEAD_FONT_SIZE = 11
COLUMNS = ("№\nп/п", "Направление", "Задача", "Срок (план)", "Отметка о выполнении", "Результат")
# 180 mm: a date fits its column on one line, and a long word of a direction («Профессиональное
# самоопределение») its own (it was cut to «Профессиональ|ное» at 32 mm)
COLUMN_WIDTHS_MM = (10, 37, 50, 23, 25, 35)
FIELD_LABEL_MM = 48
SIGNATURE_WIDTHS_MM = (32, 36, 50, 62)
BLANK_ROWS = 6  # an empty plan prints lines to fill in by hand
SIGNATURE_PADDING = 6  # points between the columns of the signature table


def plan_styles(font: FontFamily) -> dict[str, Any]:
    """The paragraph styles of a plan sheet by name («body», «title», «head», …)."""
    body = ps.base_style("body", font, FONT_SIZE, LEADING, embeddedHyphenation=1)
    centre = ps.centred("centre", body)
    return {
        "body": body,
        "school": ps.derived("school", centre, spaceAfter=3),
        "title": ps.bold_centred("title", centre, font, fontSize=14, leading=17, spaceBefore=14),
        "year": ps.derived("year", centre, spaceBefore=2, spaceAfter=12),
        "label": body,
        "cell": body,
        "number": centre,
        "head": ps.bold_centred(
            "head", centre, font, fontSize=HEAD_FONT_SIZE, leading=HEAD_FONT_SIZE * 1.15
        ),
        "hint": ps.derived("hint", centre, fontSize=9, leading=10),
    }


def _plain_table(rows: list[list[Any]], widths_mm: Sequence[float], font: FontFamily) -> Any:
    return ps.plain_table(rows, ps.points(widths_mm), font, (0, SIGNATURE_PADDING, 1, 2))


def sheet_heading(
    sheet: PlanSheet, styles: dict[str, Any], font: FontFamily, index: int
) -> list[Any]:
    """The school, the title and the year, and the fields above the table of sheet ``index``."""
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable, Paragraph, Spacer

    year = f"на {sheet.year} учебный год" if sheet.year else ""
    fields = [
        [Paragraph(text(label), styles["label"]), Paragraph(text(value), styles["body"])]
        for label, value in sheet.fields
    ]
    return [
        _sheet_start(index),
        Paragraph(text(sheet.school), styles["school"]),
        HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceAfter=2),
        Paragraph(text(sheet.title), styles["title"]),
        Paragraph(text(year), styles["year"]),
        _plain_table(fields, (FIELD_LABEL_MM, TEXT_WIDTH_MM - FIELD_LABEL_MM), font),
        Spacer(0, 10),
    ]


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def items_table(sheet: PlanSheet, styles: dict[str, Any], font: FontFamily) -> Any:
    """The items, and under them (one borderless row) the closing block: the signatures never
    stand alone at the top of a page, the last item goes over with them."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    def cell(value: str, style: str = "cell") -> Any:
        return Paragraph(text(value), styles[style])

    data: list[list[Any]] = [[cell(c, "head") for c in COLUMNS]]
    for number, entry in enumerate(sheet.items, start=1):
        data.append(
            [
                cell(str(number), "number"),
                cell(entry.direction),
                cell(entry.task),
                cell(_day(entry.planned_date), "number"),
                cell(_day(entry.done_date), "number"),
                cell(entry.result),
            ]
        )
    blank = not sheet.items
    if blank:
        data += [[cell(str(n), "number"), "", "", "", "", ""] for n in range(1, BLANK_ROWS + 1)]
    last = len(data) - 1
    data.append([_closing(sheet, styles, font), "", "", "", "", ""])
    heights = [None] + [LEADING * 2] * BLANK_ROWS + [None] if blank else None
    table = Table(
        data,
        colWidths=ps.points(COLUMN_WIDTHS_MM),
        rowHeights=heights,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                *ps.grid_commands(font, (3, 3, 2, 4), last=last),
                ("SPAN", (0, last + 1), (-1, last + 1)),
                ("LEFTPADDING", (0, last + 1), (-1, last + 1), 0),
                ("RIGHTPADDING", (0, last + 1), (-1, last + 1), 0),
                ("TOPPADDING", (0, last + 1), (-1, last + 1), 8),
                ("BOTTOMPADDING", (0, last + 1), (-1, last + 1), 0),
                ("NOSPLIT", (0, max(last, 1)), (-1, last + 1)),
            ]
        )
    )
    return table


def _line(width_mm: float, font: FontFamily) -> str:
    """Underscores filling ``width_mm`` of the signature table (less its right padding)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width_mm * MM - SIGNATURE_PADDING
    return "_" * int(room / stringWidth("_", font.regular, FONT_SIZE))


def _closing(sheet: PlanSheet, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    """«Выполнено N из M.» and the lines to sign, with the date of each signature."""
    from reportlab.platypus import Paragraph

    flow: list[Any] = []
    if sheet.progress.total:
        done = f"Выполнено {sheet.progress.done} из {sheet.progress.total}."
        flow.append(Paragraph(text(done), styles["body"]))
    rows: list[list[Any]] = []
    _role, sign, name, _date = SIGNATURE_WIDTHS_MM
    for signer in sheet.signers:
        signed = signer.name or _line(name - 3, font)  # a blank for a name not to be printed
        rows.append(
            [
                Paragraph(text(signer.role), styles["body"]),
                Paragraph(_line(sign, font), styles["body"]),
                Paragraph(text(f"/ {signed}"), styles["body"]),
                Paragraph(text(blank_date(sheet.sign_year)), styles["body"]),
            ]
        )
        rows.append(
            [
                "",
                Paragraph("(подпись)", styles["hint"]),
                Paragraph("(расшифровка подписи)", styles["hint"]),
                Paragraph("(дата)", styles["hint"]),
            ]
        )
    table = _plain_table(rows, SIGNATURE_WIDTHS_MM, font)
    table.setStyle([("TOPPADDING", (0, r), (-1, r), 16) for r in range(0, len(rows), 2)])
    return [*flow, table]


def _sheet_start(index: int) -> Any:
    """An invisible mark: the pages from here on belong to sheet ``index``."""
    from reportlab.platypus import Flowable

    class SheetStart(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            self.canv.plan_sheet = index

    return SheetStart()
