"""The look of «Аналитическая справка»: paragraph styles, tables, soft hyphens.

reportlab is imported only inside the functions.
"""

from __future__ import annotations

from typing import Any

from ..documents import pdf_styles as ps
from ..documents.fonts import FontFamily
from ..documents.pdf_styles import MARGINS_MM, MM

BODY_SIZE = 12
TABLE_SIZE = 9
SMALL_SIZE = 7.5

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
    body = ps.base_style(
        "body",
        font,
        BODY_SIZE,
        BODY_SIZE * 1.25,
        "justify",
        firstLineIndent=12.5 * MM,
        spaceAfter=4,
    )
    cell_style = ps.base_style("cell", font, TABLE_SIZE, TABLE_SIZE * 1.2)
    small = ps.derived("small", cell_style, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.18)
    return {
        "body": body,
        "plain": ps.derived("plain", body, firstLineIndent=0),
        "centre": ps.centred("centre", body, spaceAfter=0),
        "title": ps.bold_centred(
            "title", body, font, fontSize=14, leading=17, spaceBefore=14, spaceAfter=2
        ),
        "subtitle": ps.centred("subtitle", body, spaceAfter=10),
        "section": ps.aligned(
            "section",
            body,
            "left",
            fontName=font.bold,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "after_table": ps.derived("after_table", body, spaceBefore=6),
        "bullet": ps.derived(
            "bullet", body, firstLineIndent=0, leftIndent=8 * MM, bulletIndent=3 * MM
        ),
        "caption": ps.centred(
            "caption", cell_style, spaceBefore=2, spaceAfter=8, fontName=font.italic
        ),
        "table_title": ps.aligned(
            "table_title",
            body,
            "right",
            fontSize=10,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "cell": cell_style,
        "number": ps.aligned("number", cell_style, "right"),
        "head": ps.bold_centred("head", cell_style, font),
        "small": small,
        "small_number": ps.aligned("small_number", small, "right"),
        "small_bold": ps.aligned("small_bold", small, "right", fontName=font.bold),
        "small_head": ps.bold_centred(
            "small_head", small, font, embeddedHyphenation=1, uriWasteReduce=0.3
        ),
    }


def usable_width() -> float:
    return (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM


def grid_table(data: list[list[Any]], widths: list[float], font: FontFamily) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = ps.grid_commands(font, (3, 3, 2, 3), size=TABLE_SIZE, head_background=True)
    table.setStyle(TableStyle(commands))
    return table
