"""The individual plan of each mentee of a pair or group as a PDF to print and sign.

«Индивидуальный план развития наставляемого» («Персонализированная программа наставничества»
for the form «учитель – учитель»): the school's name, the title and the academic year; the
mentee, the mentor, the form and the role model, the period and the goal; the table of items
(№ п/п, направление, задача, срок, отметка о выполнении, результат); «Выполнено N из M»; the
lines the mentor, the mentee and — when one of them is a minor — the curator sign.

Every mentee starts a new page and his pages are numbered on their own («Страница 1 из 2»): the
sheets are handed out separately. A4 portrait, margins 20/10/20/20 mm (ГОСТ Р 7.0.97-2016),
Liberation Serif 12 pt, embedded. People without a recorded consent to the processing of personal
data stand as «участник без согласия», with no class or position and a blank signature line.

What a sheet prints is read in :mod:`.plan_content`, drawn by :mod:`.plan_pdf_tables`.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ...store import Store
from . import pdf_styles as ps
from .fonts import SERIF, FontFamily, document_font
from .output import write_atomically
from .pdf_styles import MARGINS_MM, MM
from .plan_content import (
    NO_CONSENT,
    TEACHER_TITLE,
    TITLE,
    PlanSheet,
    Signer,
    plan_file_name,
    plan_sheets,
)
from .plan_pdf_tables import FONT_SIZE, TEXT_WIDTH_MM, items_table, plan_styles, sheet_heading

# the sheet's words and the file's name, for the plan editor and the tests
__all__ = [
    "NO_CONSENT",
    "TEACHER_TITLE",
    "TITLE",
    "PlanSheet",
    "Signer",
    "export_plan_pdf",
    "plan_file_name",
    "plan_sheets",
    "write_plan_pdf",
]


@cache
def _numbered_canvas(font: FontFamily) -> type:
    """A canvas that numbers the pages of every sheet on their own: «Страница 1 из 2»."""
    from reportlab.pdfgen import canvas

    class SheetCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.plan_sheet = 0
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            sheets = [page["plan_sheet"] for page in self._pages]
            for index, page in enumerate(self._pages):
                self.__dict__.update(page)
                sheet = sheets[index]
                number = sheets[: index + 1].count(sheet)
                self.setFont(font.regular, 10)
                self.drawCentredString(
                    (MARGINS_MM["left"] + TEXT_WIDTH_MM / 2) * MM,
                    10 * MM,
                    f"Страница {number} из {sheets.count(sheet)}",
                )
                super().showPage()
            super().save()

    return SheetCanvas


def write_plan_pdf(sheets: Sequence[PlanSheet], path: Path) -> None:
    """Render ``sheets`` to ``path`` directly (see :func:`export_plan_pdf` for the safe way)."""
    from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate

    font = document_font(SERIF)
    styles = plan_styles(font)
    first = sheets[0] if sheets else None
    pdf = ps.pdf_document(
        path,
        font,
        FONT_SIZE,
        template=BaseDocTemplate,
        title=first.title if first else TITLE,
        author=first.school if first else "",
        subject=f"{first.title} на {first.year} учебный год" if first else TITLE,
    )
    frame = ps.bare_frame(pdf.leftMargin, pdf.bottomMargin, pdf.width, pdf.height)
    pdf.addPageTemplates([PageTemplate("plan", frames=[frame])])
    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story += sheet_heading(sheet, styles, font, index)
        story.append(items_table(sheet, styles, font))
    pdf.build(story, canvasmaker=_numbered_canvas(font))


def export_plan_pdf(
    store: Store,
    group_id: int,
    target: Path | str,
    *,
    mentee_ids: Sequence[int] | None = None,
    today: date | None = None,
) -> Path:
    """Write the plans of the pair's/group's mentees (``mentee_ids``: only these), each from a
    new page, as one PDF at ``target`` (replaced only once fully written).

    ``today`` (default: today) tells who is a minor and gives the year of the signature dates.

    Raises:
        ExportError: no school, no such pair/group, nobody to print, or the target locked or
            read-only (Russian).
    """
    sheets = plan_sheets(store, group_id, mentee_ids=mentee_ids, today=today or date.today())
    return write_atomically(Path(target), lambda path: write_plan_pdf(sheets, path))
