"""An order (приказ) as a PDF ready to sign: A4, ГОСТ Р 7.0.97-2016.

Margins 20 mm (left, top, bottom) and 10 mm (right); Liberation Serif (Times metrics) 14 pt,
paragraph indent 1.25 cm, text justified. The school's name, «ПРИКАЗ», the date in words and the
number, the place, the title; the preamble, «ПРИКАЗЫВАЮ:», the numbered points; the director's
signature; «С приказом ознакомлены» with lines to sign; the annex (the table of pairs) on its
own pages with its «Приложение к приказу …» stamp. Page numbers at the top from page 2 on.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .dates import blank_date
from .fonts import SERIF, FontFamily, document_font
from .order_text import OrderDraft, typeset

MM = 72 / 25.4
MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}
PAGE_WIDTH_MM = 210
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT_SIZE = 14
LEADING = 16.5  # single spacing of a 14 pt Times face, as Word sets it
INDENT_CM = 1.25
ANNEX_FONT_SIZE = 10.5
# №, наставник, должность, наставляемые, класс, форма, срок: 180 mm (the longest words fit)
ANNEX_WIDTHS_MM = (9, 31, 30, 31, 26, 28, 25)


def text(value: str) -> str:
    """Plain text made safe for a Paragraph (& < > escaped), with no-break spaces set."""
    return escape(typeset(value)).replace("\n", "<br/>")


def _styles(font: FontFamily) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=font.regular,
        fontSize=FONT_SIZE,
        leading=LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=INDENT_CM * 10 * MM,
        embeddedHyphenation=1,
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=12, leading=14, firstLineIndent=0, alignment=TA_LEFT
    )
    cell = ParagraphStyle(
        "cell",
        parent=small,
        fontSize=ANNEX_FONT_SIZE,
        leading=ANNEX_FONT_SIZE * 1.15,
    )
    return {
        "body": body,
        "organisation": ParagraphStyle(
            "organisation",
            parent=body,
            fontName=font.bold,
            alignment=TA_CENTER,
            firstLineIndent=0,
            leading=LEADING,
        ),
        "order": ParagraphStyle(
            "order",
            parent=body,
            fontName=font.bold,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceBefore=14,
            spaceAfter=10,
        ),
        "left": ParagraphStyle("left", parent=body, alignment=TA_LEFT, firstLineIndent=0),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "place": ParagraphStyle(
            "place", parent=small, alignment=TA_CENTER, spaceBefore=4, spaceAfter=14
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=font.bold,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=14,
        ),
        "command": ParagraphStyle(
            "command",
            parent=body,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceBefore=8,
            spaceAfter=8,
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, alignment=TA_LEFT, firstLineIndent=0, spaceBefore=24
        ),
        "small": small,
        "stamp": ParagraphStyle("stamp", parent=small, leading=14),
        "annex_title": ParagraphStyle(
            "annex_title",
            parent=body,
            fontName=font.bold,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceBefore=14,
            spaceAfter=10,
        ),
        "cell": cell,
        "cell_centre": ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        "head": ParagraphStyle(
            "head", parent=cell, fontName=font.bold, fontSize=10, leading=11.5, alignment=TA_CENTER
        ),
    }


def _plain_table(rows: list[list[Any]], widths_mm: tuple[float, ...], top: float = 0) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=[w * MM for w in widths_mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), document_font(SERIF).regular),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _header(draft: OrderDraft, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    half = TEXT_WIDTH_MM / 2
    flow = [
        Paragraph(text(draft.organisation), styles["organisation"]),
        Paragraph("ПРИКАЗ", styles["order"]),
        _plain_table(
            [
                [
                    Paragraph(text(draft.date_text), styles["left"]),
                    Paragraph(text(draft.number_text), styles["right"]),
                ]
            ],
            (half, half),
        ),
    ]
    flow.append(Paragraph(text(draft.place) if draft.place else "", styles["place"]))
    flow.append(Paragraph(text(draft.title), styles["title"]))
    return flow


def _body(draft: OrderDraft, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    flow: list[Any] = []
    if draft.preamble.strip():
        preamble = draft.preamble.rstrip().rstrip(",;:")
        flow.append(Paragraph(text(preamble + ","), styles["body"]))
    flow.append(Paragraph("ПРИКАЗЫВАЮ:", styles["command"]))
    for number, point in enumerate(draft.points, start=1):
        lines = point.text.split("\n")
        flow.append(Paragraph(text(f"{number}. {lines[0]}"), styles["body"]))
        flow += [Paragraph(text(line), styles["body"]) for line in lines[1:]]
        for index, sub in enumerate(point.subs, start=1):
            flow.append(Paragraph(text(f"{number}.{index}. {sub}"), styles["body"]))
    return flow


def _with_signature(body: list[Any], signature: list[Any]) -> list[Any]:
    """The last paragraph goes with the signature: a signature never stands alone on a page."""
    from reportlab.platypus import KeepTogether

    if not body:
        return signature
    return [*body[:-1], KeepTogether([body[-1], signature[0]]), *signature[1:]]


def _signature(draft: OrderDraft, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    post_width = 95
    row = [
        Paragraph(text(draft.signer_post), styles["left"]),
        Paragraph(text(draft.signer_name), styles["right"]),
    ]
    flow: list[Any] = [_plain_table([row], (post_width, TEXT_WIDTH_MM - post_width), top=30)]
    if draft.acquainted:
        rows = [
            [
                Paragraph(text(name), styles["small"]),
                Paragraph("____________", styles["small"]),
                Paragraph(text(blank_date(draft.issued_on.year)), styles["small"]),
            ]
            for name in draft.acquainted
        ]
        heading = Paragraph(text(draft.acquainted_heading), styles["heading"])
        table = _plain_table(rows, (70, 40, TEXT_WIDTH_MM - 110), top=10)
        # the heading never stays alone at the foot of a page
        flow.append(KeepTogether([heading, _plain_table(rows[:1], (70, 40, 70), top=10)]))
        if len(rows) > 1:
            table = _plain_table(rows[1:], (70, 40, TEXT_WIDTH_MM - 110), top=10)
            flow.append(table)
    return flow


def _annex(draft: OrderDraft, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, Paragraph, Table, TableStyle

    annex = draft.annex
    if annex is None:
        return []
    school = draft.school_short or draft.organisation
    stamp_lines = ["Приложение", f"к приказу {school}", draft.reference]
    stamp = [Paragraph(text(line), styles["stamp"]) for line in stamp_lines]
    stamp_width = 85
    header = _plain_table([["", stamp]], (TEXT_WIDTH_MM - stamp_width, stamp_width))
    data: list[list[Any]] = [[Paragraph(text(c), styles["head"]) for c in annex.columns]]
    spans: list[tuple[Any, ...]] = []
    for block in annex.blocks():
        first = len(data)
        for line in block:
            data.append(
                [
                    Paragraph(text(value), styles["cell_centre" if index == 0 else "cell"])
                    for index, value in enumerate(line)
                ]
            )
        if len(block) > 1:
            last = first + len(block) - 1
            spans += [
                ("SPAN", (column, first), (column, last))
                for column in range(len(annex.columns))
                if column not in annex.member_columns
            ]
    widths = ANNEX_WIDTHS_MM if len(annex.columns) == len(ANNEX_WIDTHS_MM) else None
    table = Table(
        data,
        colWidths=[w * MM for w in widths]
        if widths
        else [TEXT_WIDTH_MM * MM / len(annex.columns)] * len(annex.columns),
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font.regular),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *spans,
            ]
        )
    )
    return [PageBreak(), header, Paragraph(text(annex.title), styles["annex_title"]), table]


def _page_number(font: FontFamily) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        # ГОСТ Р 7.0.97: the number in the middle of the top margin, from the second page on
        canvas.saveState()
        canvas.setFont(font.regular, 12)
        canvas.drawCentredString(
            (MARGINS_MM["left"] + TEXT_WIDTH_MM / 2) * MM, (297 - 12) * MM, str(doc.page)
        )
        canvas.restoreState()

    return draw


def write_order_pdf(draft: OrderDraft, path: Path) -> None:
    """Render ``draft`` to ``path`` directly (``order_register.write_order`` writes safely)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    font = document_font(SERIF)
    styles = _styles(font)
    pdf = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGINS_MM["left"] * MM,
        rightMargin=MARGINS_MM["right"] * MM,
        topMargin=MARGINS_MM["top"] * MM,
        bottomMargin=MARGINS_MM["bottom"] * MM,
        title=f"Приказ {draft.reference} «{draft.title}»",
        author=draft.school_short or draft.organisation,
        subject=draft.title,
        creator="nastavapp",
        lang="ru-RU",
        initialFontName=font.regular,
        initialFontSize=FONT_SIZE,
    )
    story = [
        *_header(draft, styles),
        *_with_signature(_body(draft, styles), _signature(draft, styles)),
        *_annex(draft, styles, font),
    ]
    pdf.build(story, onLaterPages=_page_number(font))
