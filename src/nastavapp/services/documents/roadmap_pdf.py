"""The roadmap as a PDF ready to print and sign: A4 landscape, «УТВЕРЖДАЮ», table, page numbers.

Layout after ГОСТ Р 7.0.97-2016 adapted to a landscape page: margins 20 mm (left, top, bottom)
and 10 mm (right), the organisation's name at the top left, the approval stamp (гриф утверждения)
at the top right, a serif face (Liberation Serif, Times metrics) of 12 pt in the header and 11 pt
in the table. The table's header row repeats on every page; «Страница N из M» at the bottom.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ...store import Store
from . import pdf_styles as ps
from .fonts import SERIF, FontFamily, document_font
from .output import write_atomically
from .pdf_pages import numbered_canvas
from .pdf_styles import GRID_WIDTH, MARGINS_MM, MM
from .pdf_styles import numero_text as text
from .roadmap_rows import (
    COLUMNS,
    EventRow,
    RoadmapDocument,
    StageRow,
    approval_lines,
    build_roadmap_document,
    split_number,
)

# № п/п, мероприятие, содержание, сроки, ответственные, результат: 267 mm in all
COLUMN_WIDTHS_MM = (14, 48, 97, 34, 34, 40)
TABLE_FONT_SIZE = 11
HEADER_FONT_SIZE = 12
STAGE_BACKGROUND = "#E6E6E6"
SPLIT_ROW_MIN_HEIGHT = 3 * TABLE_FONT_SIZE * 1.18  # a part of a split row holds 2+ lines


def _styles(font: FontFamily) -> dict[str, Any]:
    base = ps.base_style(
        "base",
        font,
        TABLE_FONT_SIZE,
        TABLE_FONT_SIZE * 1.18,
        embeddedHyphenation=1,  # «организаций-/партнёров» may break at its own hyphen
    )
    header_text = ps.derived(
        "header_text", base, fontSize=HEADER_FONT_SIZE, leading=HEADER_FONT_SIZE * 1.2
    )
    return {
        "cell": base,
        "number": ps.centred("number", base),
        "item": ps.derived("item", base, leftIndent=15, bulletIndent=0, spaceAfter=1.5),
        "item_wide": ps.derived(  # room for «10.» and on
            "item_wide", base, leftIndent=20, bulletIndent=0, spaceAfter=1.5
        ),
        "head": ps.bold_centred("head", base, font),
        "stage": ps.derived("stage", base, fontName=font.bold),
        "organisation": ps.centred("organisation", header_text),
        "approval": header_text,
        "approval_head": ps.derived("approval_head", header_text, fontName=font.bold, spaceAfter=2),
        "title": ps.bold_centred(
            "title", header_text, font, fontSize=14, leading=17, spaceBefore=8
        ),
        "subtitle": ps.centred("subtitle", header_text, spaceAfter=10),
    }


def _header(document: RoadmapDocument, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    lines = approval_lines(document)
    stamp = [Paragraph(text(lines[0]), styles["approval_head"])] + [
        Paragraph(text(line), styles["approval"]) for line in lines[1:]
    ]
    organisation = Paragraph(text(document.school_full_name), styles["organisation"])
    usable = (297 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM
    stamp_width = 105 * MM
    organisation_width = 115 * MM
    header = ps.plain_table(
        [[organisation, "", stamp]],
        [organisation_width, usable - organisation_width - stamp_width, stamp_width],
        font,
        (0, 0, None, None),
    )
    return [
        header,
        Paragraph(text(document.title), styles["title"]),
        Paragraph(text(document.subtitle), styles["subtitle"]),
    ]


def _content_cell(event: EventRow, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    cell: list[Any] = []
    numbered = [split_number(line) for line in event.content]
    item = styles["item_wide" if any(len(n) > 2 for n, _ in numbered) else "item"]
    for number, body in numbered:
        if number:
            cell.append(Paragraph(text(body), item, bulletText=number))
        else:
            cell.append(Paragraph(text(body), styles["cell"]))
    return cell


def _table(document: RoadmapDocument, styles: dict[str, Any], font: FontFamily) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, TableStyle

    data: list[list[Any]] = [[Paragraph(text(title), styles["head"]) for title in COLUMNS]]
    commands = ps.grid_commands(font, (4, 4, 3, 4), size=TABLE_FONT_SIZE)
    for row in document.rows:
        index = len(data)
        if isinstance(row, StageRow):
            data.append([Paragraph(text(row.text), styles["stage"]), "", "", "", "", ""])
            commands += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), colors.HexColor(STAGE_BACKGROUND)),
                ("FONTNAME", (0, index), (-1, index), font.bold),
            ]
            continue
        # Every cell a list of flowables: reportlab measures only lists when it splits a row.
        data.append(
            [
                [Paragraph(text(row.number), styles["number"])],
                [Paragraph(text(row.name), styles["cell"])],
                _content_cell(row, styles),
                [Paragraph(text(row.period), styles["cell"])],
                [Paragraph(text(row.responsible), styles["cell"])],
                [Paragraph(text(row.result), styles["cell"])],
            ]
        )
    table = _table_class()(
        data,
        colWidths=ps.points(COLUMN_WIDTHS_MM),
        repeatRows=1,
        hAlign="LEFT",
        # Rows break across pages, as in Word, so that no page is left half empty.
        splitByRow=0,
        splitInRow=SPLIT_ROW_MIN_HEIGHT,
    )
    table.setStyle(TableStyle(commands))
    return table


def _is_stage_row(cells: list[Any]) -> bool:
    first = cells[0] if cells else None
    return getattr(getattr(first, "style", None), "name", "") == "stage"


@cache
def _table_class() -> type:
    """A reportlab Table that never leaves a stage heading alone at the foot of a page."""
    from reportlab.platypus import Table

    class RoadmapTable(Table):
        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            self._calc(availWidth, availHeight)
            heights = self._rowHeights
            used = 0.0
            for index, height in enumerate(heights):
                if used + height > availHeight:
                    break
                # (a heading right under the repeated header row cannot move any further)
                if index > 1 and _is_stage_row(self._cellvalues[index]):
                    room = availHeight - used - height
                    following = heights[index + 1] if index + 1 < len(heights) else 0.0
                    if following and room < min(following, 2 * SPLIT_ROW_MIN_HEIGHT):
                        # the first event would not start under the heading: move both on
                        return list(super().split(availWidth, used))
                used += height
            return list(super().split(availWidth, availHeight))

        def draw(self) -> None:
            super().draw()
            # reportlab leaves the edges of a row broken across pages open (at the foot of one
            # page, under the repeated header on the next): close them.
            self.canv.saveState()
            self.canv.setLineWidth(GRID_WIDTH)
            self.canv.line(0, 0, self._width, 0)
            if len(self._rowpositions) > 1:
                under_header = self._rowpositions[1]
                self.canv.line(0, under_header, self._width, under_header)
            self.canv.restoreState()

    return RoadmapTable


def write_roadmap_pdf(document: RoadmapDocument, path: Path) -> None:
    """Render ``document`` to ``path`` directly (no temporary file; see ``export_roadmap_pdf``)."""
    font = document_font(SERIF)
    styles = _styles(font)
    title = f"{document.title} на {document.year_title} учебный год"
    subject = f"{document.title} {document.subtitle}"
    author = document.school_short_name or document.school_full_name
    pdf = ps.pdf_document(
        path, font, TABLE_FONT_SIZE, wide=True, title=title, author=author, subject=subject
    )
    story = [*_header(document, styles, font), _table(document, styles, font)]
    pdf.build(story, canvasmaker=numbered_canvas(font))


def export_roadmap_pdf(store: Store, target: Path, year_title: str | None = None) -> Path:
    """Write the year's roadmap as a PDF at ``target`` (replaced only once fully written).

    Raises:
        ExportError: with a Russian message (no school or year, the target locked or read-only).
    """
    document = build_roadmap_document(store, year_title)
    return write_atomically(Path(target), lambda path: write_roadmap_pdf(document, path))
