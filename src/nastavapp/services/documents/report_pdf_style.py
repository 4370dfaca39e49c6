"""The look of the report PDF: its type sizes and paragraph styles.

reportlab is imported only inside the functions (see :mod:`.pdf_styles`).
"""

from __future__ import annotations

from typing import Any

from . import pdf_styles as ps
from .fonts import FontFamily

BODY_SIZE = 11
TABLE_SIZE = 10
LIST_SIZE = 9


def report_styles(font: FontFamily) -> dict[str, Any]:
    body = ps.base_style("body", font, BODY_SIZE, BODY_SIZE * 1.2)
    cell = ps.derived("cell", body, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.18)
    return {
        "body": body,
        "centre": ps.centred("centre", body, fontSize=12, leading=14.5),
        "title": ps.bold_centred("title", body, font, fontSize=14, leading=17, spaceBefore=10),
        "subtitle": ps.centred("subtitle", body, fontSize=12, leading=14.5, spaceAfter=10),
        "section": ps.derived(
            "section",
            body,
            fontName=font.bold,
            fontSize=12,
            leading=14.5,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "cell": cell,
        "cell_bold": ps.derived("cell_bold", cell, fontName=font.bold),
        "sub": ps.derived("sub", cell, leftIndent=12),  # «из них …» under its line
        "number": ps.centred("number", cell),
        "number_bold": ps.bold_centred("number_bold", cell, font),
        "head": ps.bold_centred("head", cell, font, fontSize=9, leading=10.5),
        "definition": ps.derived(
            "definition", cell, fontName=font.italic, fontSize=9, leading=10.5, spaceBefore=1.5
        ),
        "note": ps.derived(
            "note", body, fontName=font.italic, fontSize=9.5, leading=11.5, spaceBefore=3
        ),
        "caption": ps.centred(
            "caption", body, fontSize=10, leading=12, spaceBefore=2, spaceAfter=6
        ),
        "label": ps.derived("label", body, fontName=font.bold),
        "annex": ps.aligned("annex", body, "right"),
    }
