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

from . import pdf_styles as ps
from .dates import blank_date
from .fonts import SERIF, FontFamily, document_font
from .order_text import OrderDraft
from .pdf_styles import MARGINS_MM, MM, text

PAGE_WIDTH_MM = 210
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT_SIZE = 14
LEADING = 16.5  # single spacing of a 14 pt Times face, as Word sets it
INDENT_CM = 1.25
ANNEX_FONT_SIZE = 10.5
# №, наставник, должность, наставляемые, класс, форма, срок: 180 mm. The longest words fit:
# «Константинович», the positions' «изобразительного», «дополнительного», «обществознания» (at
# 26 mm the mentee's «учитель изобразительного искусства» was cut to «изобра|зительного»),
# «ученик – ученик» and «06.10.2025 –» on one line.
ANNEX_WIDTHS_MM = (8, 30.5, 30, 30.5, 30, 29, 22)


def _styles(font: FontFamily) -> dict[str, Any]:
    body = ps.base_style(
        "body",
        font,
        FONT_SIZE,
        LEADING,
        "justify",
        firstLineIndent=INDENT_CM * 10 * MM,
        embeddedHyphenation=1,
    )
    small = ps.aligned("small", body, "left", fontSize=12, leading=14)
    cell = ps.aligned(
        "cell", small, "left", fontSize=ANNEX_FONT_SIZE, leading=ANNEX_FONT_SIZE * 1.15
    )
    return {
        "body": body,
        "organisation": ps.bold_centred("organisation", body, font, leading=LEADING),
        "order": ps.bold_centred(
            "order", body, font, fontSize=16, leading=20, spaceBefore=14, spaceAfter=10
        ),
        "left": ps.aligned("left", body, "left"),
        "right": ps.aligned("right", body, "right"),
        "place": ps.centred("place", small, spaceBefore=4, spaceAfter=14),
        "title": ps.bold_centred("title", body, font, spaceAfter=14),
        "command": ps.aligned("command", body, "left", spaceBefore=8, spaceAfter=8),
        "heading": ps.aligned("heading", body, "left", spaceBefore=24),
        "small": small,
        "stamp": ps.aligned("stamp", small, "left", leading=14),
        "annex_title": ps.bold_centred("annex_title", body, font, spaceBefore=14, spaceAfter=10),
        "cell": cell,
        "cell_centre": ps.centred("cell_centre", cell),
        "head": ps.bold_centred("head", cell, font, fontSize=10, leading=11.5),
    }


def _plain_table(rows: list[list[Any]], widths_mm: tuple[float, ...], top: float = 0) -> Any:
    return ps.plain_table(
        rows, ps.points(widths_mm), document_font(SERIF), (0, 0, top, 0), valign="BOTTOM"
    )


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
    table.setStyle(TableStyle([*ps.grid_commands(font, (2.5, 2.5, 2, 4)), *spans]))
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
    font = document_font(SERIF)
    styles = _styles(font)
    title = f"Приказ {draft.reference} «{draft.title}»"
    author = draft.school_short or draft.organisation
    pdf = ps.pdf_document(path, font, FONT_SIZE, title=title, author=author, subject=draft.title)
    story = [
        *_header(draft, styles),
        *_with_signature(_body(draft, styles), _signature(draft, styles)),
        *_annex(draft, styles, font),
    ]
    pdf.build(story, onLaterPages=_page_number(font))
