"""The tables of the report PDF's sections: a label column of Paragraphs, the short values as
plain strings broken into lines here (reportlab draws them several times faster than Paragraphs).

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from . import pdf_styles as ps
from .fonts import FontFamily
from .pdf_styles import numero_text as text
from .report_content import number_text
from .report_pdf_style import LIST_SIZE, TABLE_SIZE


@lru_cache(maxsize=8192)
def wrapped(value: str, font_name: str, width: float, size: float = LIST_SIZE) -> str:
    """``value`` broken into lines that fit ``width`` points (measured once per distinct text)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = []
    for part in value.split("\n"):
        if stringWidth(part, font_name, size) <= width:
            lines.append(part)
        else:
            lines.extend(simpleSplit(part, font_name, size, width) or [part])
    return "\n".join(lines)


def report_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float],
    styles: dict[str, Any],
    font: FontFamily,
    bold_last: bool = False,
) -> Any:
    """A small table of the report: text cells left, numbers centred, «—» for nothing.

    The second column (the label) is a Paragraph; the short values are plain strings, broken
    into lines here, which reportlab draws several times faster than Paragraphs.
    """
    from reportlab.platypus import Flowable, Paragraph, Table

    widths = ps.points(widths_mm)
    data: list[list[Any]] = [[Paragraph(text(h), styles["head"]) for h in head]]
    for index, row in enumerate(rows):
        bold = bold_last and index == len(rows) - 1
        cells: list[Any] = []
        for column, value in enumerate(row):
            if isinstance(value, (Flowable, list)):
                cells.append(value)
            elif column == 1 and isinstance(value, str):
                style = "cell_bold" if bold else ("sub" if value.startswith("из них") else "cell")
                cells.append(Paragraph(text(value), styles[style]))
            else:
                name = font.bold if bold else font.regular
                cells.append(wrapped(shown(value), name, widths[column] - 6, TABLE_SIZE))
        data.append(cells)
    commands = ps.grid_commands(font, (3, 3, 2.5, 3.5), size=TABLE_SIZE, head_background=True)
    commands += [
        ("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.18),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
    ]
    if bold_last:
        commands.append(("FONTNAME", (0, -1), (-1, -1), font.bold))
    return Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands)


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—" if value is None else ""
    if isinstance(value, float):
        return number_text(value)
    return str(value)
