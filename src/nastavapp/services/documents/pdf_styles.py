"""What the PDF documents share: millimetres, the margins, safe Paragraph text, the document
template, the paragraph styles all of them derive and the commands of their tables.

The page canvas with «Страница N из M» is in :mod:`.pdf_pages`. reportlab is imported only
inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .fonts import FontFamily
from .order_text import typeset

MM = 72 / 25.4  # points in a millimetre
MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}  # ГОСТ Р 7.0.97-2016
GRID_WIDTH = 0.5
HEAD_BACKGROUND = "#E6E6E6"
Padding = tuple[float | None, float | None, float | None, float | None]  # left, right, top, bottom


def markup(value: str) -> str:
    """Plain text made safe for a Paragraph: & < > escaped, newlines as line breaks."""
    return escape(value).replace("\n", "<br/>")


def numero_text(value: str) -> str:
    """:func:`markup` of the text with «№» kept to its number by a no-break space (the roadmap
    and the report set no other no-break spaces)."""
    return markup(value.replace("№ ", "№\u00a0"))


def text(value: str) -> str:
    """:func:`markup` of the text with the no-break spaces of Russian typography set."""
    return markup(typeset(value))


def points(widths_mm: Sequence[float]) -> list[float]:
    """Widths in millimetres as points."""
    return [w * MM for w in widths_mm]


def pdf_document(
    path: Path,
    font: FontFamily,
    font_size: float,
    *,
    wide: bool = False,
    margins_mm: Mapping[str, float] = MARGINS_MM,
    template: type | None = None,
    **info: Any,
) -> Any:
    """An A4 document (``wide``: landscape) at ``path`` with the margins, the language and the
    initial font set (else every page names Helvetica as its first font); ``info`` is title,
    author, subject. ``template``: the reportlab document class (SimpleDocTemplate)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    return (template or SimpleDocTemplate)(
        str(path),
        pagesize=landscape(A4) if wide else A4,
        leftMargin=margins_mm["left"] * MM,
        rightMargin=margins_mm["right"] * MM,
        topMargin=margins_mm["top"] * MM,
        bottomMargin=margins_mm["bottom"] * MM,
        creator="nastavapp",
        lang="ru-RU",
        initialFontName=font.regular,
        initialFontSize=font_size,
        **info,
    )


def bare_frame(x: float, y: float, width: float, height: float, name: str | None = None) -> Any:
    """A frame with no padding: the text stands exactly within the margins."""
    from reportlab.platypus import Frame

    return Frame(
        x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )


# --- paragraph styles --------------------------------------------------------------------------
def _alignment(name: str) -> int:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT

    return {"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}[name]


def base_style(
    name: str, font: FontFamily, size: float, leading: float, alignment: str = "left", **values: Any
) -> Any:
    """The style the others of a document derive from, in the regular face, bullets («–», «1.»)
    too (else they are Helvetica, with no Cyrillic); ``alignment``: «left», «centre», «right» or
    «justify»."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        name,
        fontName=font.regular,
        fontSize=size,
        leading=leading,
        alignment=_alignment(alignment),
        bulletFontName=font.regular,
        bulletFontSize=size,
        **values,
    )


def derived(name: str, parent: Any, **values: Any) -> Any:
    """``parent`` with ``values`` changed."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, parent=parent, **values)


def aligned(name: str, parent: Any, alignment: str, **values: Any) -> Any:
    """``parent`` aligned as ``alignment`` says (see :func:`base_style`), with no first-line
    indent unless ``values`` give one."""
    values.setdefault("firstLineIndent", 0)
    return derived(name, parent, alignment=_alignment(alignment), **values)


def centred(name: str, parent: Any, **values: Any) -> Any:
    """``parent`` centred, with no first-line indent."""
    return aligned(name, parent, "centre", **values)


def bold_centred(name: str, parent: Any, font: FontFamily, **values: Any) -> Any:
    """A title or a table head: ``parent`` in the bold face, centred, with no first-line indent."""
    return centred(name, parent, fontName=font.bold, **values)


# --- tables ------------------------------------------------------------------------------------
def padding_commands(padding: Padding, end: tuple[int, int] = (-1, -1)) -> list[tuple[Any, ...]]:
    """The cells' paddings (left, right, top, bottom) from the first cell to ``end``; None
    leaves reportlab's own."""
    sides = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    return [
        (side, (0, 0), end, value)
        for side, value in zip(sides, padding, strict=True)
        if value is not None
    ]


def grid_commands(
    font: FontFamily,
    padding: Padding,
    *,
    size: float | None = None,
    head_rows: int = 1,
    head_background: bool = False,
    last: int = -1,
) -> list[tuple[Any, ...]]:
    """A ruled table with ``head_rows`` of headers in the middle of their cells, the others at
    the top; the grid and the paddings go down to the row ``last``."""
    from reportlab.lib import colors

    head = (-1, head_rows - 1)
    commands: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), font.regular)]
    if size is not None:
        commands.append(("FONTSIZE", (0, 0), (-1, -1), size))
    commands += [
        ("GRID", (0, 0), (-1, last), GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), head, "MIDDLE"),
    ]
    if head_background:
        commands.append(("BACKGROUND", (0, 0), head, colors.HexColor(HEAD_BACKGROUND)))
    return commands + padding_commands(padding, (-1, last))


def plain_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    font: FontFamily,
    padding: Padding = (0, 0, 0, 0),
    valign: str = "TOP",
    size: float | None = None,
) -> Any:
    """A table with no lines that lays out a header, fields or signatures; ``widths`` in
    points, ``padding`` as in :func:`padding_commands`."""
    from reportlab.platypus import Table, TableStyle

    commands: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), font.regular)]
    if size is not None:
        commands.append(("FONTSIZE", (0, 0), (-1, -1), size))
    commands.append(("VALIGN", (0, 0), (-1, -1), valign))
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle(commands + padding_commands(padding)))
    return table
