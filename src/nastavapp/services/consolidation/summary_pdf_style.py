"""The look of «Аналитическая справка»: page, paragraph styles, tables, page numbers.

reportlab is imported only inside the functions.
"""

from __future__ import annotations

from typing import Any

from ..documents.fonts import FontFamily
from .summary_charts import MM

MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}
BODY_SIZE = 12
TABLE_SIZE = 9
SMALL_SIZE = 7.5
GRID = 0.5
HEAD_BACKGROUND = "#E6E6E6"

_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_NO_BREAK_BEFORE = set("ьъйЬЪЙ")


def soft_hyphens(text: str, longer_than: int = 8) -> str:
    """Soft hyphens in long Russian words (simple rules: V-CV and C-C, parts of 2+ letters),
    so that narrow table headers break «Настав-ляемых», never «Наставляемы-х»."""

    def word(w: str) -> str:
        if len(w) <= longer_than or not w.isalpha():
            return w
        out, last = [], 0
        for i in range(2, len(w) - 2):
            before, here, after = w[i - 1], w[i], w[i + 1]
            if here in _VOWELS or here in _NO_BREAK_BEFORE or i - last < 2:
                continue
            v_cv = before in _VOWELS and after in _VOWELS
            c_c = (
                before not in _VOWELS
                and before not in _NO_BREAK_BEFORE
                and any(c in _VOWELS for c in w[last : i - 1])
                and any(c in _VOWELS for c in w[i:])
            )
            if v_cv or c_c:
                out.append(w[last:i])
                last = i
        out.append(w[last:])
        return "\u00ad".join(out)

    return " ".join(word(w) for w in text.split(" "))


def note_styles(font: FontFamily) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=font.regular,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.25,
        alignment=TA_JUSTIFY,
        firstLineIndent=12.5 * MM,
        spaceAfter=4,
        bulletFontName=font.regular,  # else the «–» of a list is Helvetica (no Cyrillic)
        bulletFontSize=BODY_SIZE,
    )
    cell_style = ParagraphStyle(
        "cell", fontName=font.regular, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2
    )
    small = ParagraphStyle(
        "small", parent=cell_style, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.18
    )
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "centre": ParagraphStyle(
            "centre", parent=body, firstLineIndent=0, alignment=TA_CENTER, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=font.bold,
            fontSize=14,
            leading=17,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceBefore=14,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=10
        ),
        "section": ParagraphStyle(
            "section",
            parent=body,
            fontName=font.bold,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "after_table": ParagraphStyle("after_table", parent=body, spaceBefore=6),
        "bullet": ParagraphStyle(
            "bullet", parent=body, firstLineIndent=0, leftIndent=8 * MM, bulletIndent=3 * MM
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=cell_style,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=8,
            fontName=font.italic,
        ),
        "table_title": ParagraphStyle(
            "table_title",
            parent=body,
            firstLineIndent=0,
            alignment=TA_RIGHT,
            fontSize=10,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "cell": cell_style,
        "number": ParagraphStyle("number", parent=cell_style, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=cell_style, fontName=font.bold, alignment=TA_CENTER),
        "small": small,
        "small_number": ParagraphStyle("small_number", parent=small, alignment=TA_RIGHT),
        "small_bold": ParagraphStyle(
            "small_bold", parent=small, fontName=font.bold, alignment=TA_RIGHT
        ),
        "small_head": ParagraphStyle(
            "small_head",
            parent=small,
            fontName=font.bold,
            alignment=TA_CENTER,
            embeddedHyphenation=1,
            uriWasteReduce=0.3,
        ),
    }


def usable_width() -> float:
    return (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM


def grid_table(data: list[list[Any]], widths: list[float], font: FontFamily) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font.regular),
                ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
                ("GRID", (0, 0), (-1, -1), GRID, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BACKGROUND)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table
