"""The report to the municipal centre as a PDF: the «Отчёт» sheet's content with three charts.

A4 portrait, margins 20/10/20/20 mm, Liberation Serif (Times metrics) embedded, «Страница N из M»
at the foot of every page. The optional lists go to annexes on landscape pages. The look is in
:mod:`.report_pdf_style`, the sections in :mod:`.report_pdf_sections` (their tables in
:mod:`.report_pdf_tables`), the annexes in :mod:`.report_pdf_annexes`.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import pdf_styles as ps
from .fonts import SERIF, document_font
from .pdf_pages import numbered_canvas
from .pdf_styles import MARGINS_MM, MM
from .report_content import ReportContent
from .report_lists import pair_cells, people_cells
from .report_pdf_annexes import PAIR_HEAD, PAIR_WIDTHS_MM, PEOPLE_HEAD, PEOPLE_WIDTHS_MM, annexes
from .report_pdf_sections import heading, summary_sections
from .report_pdf_style import BODY_SIZE, LIST_SIZE, report_styles

# the lists' cells and layout, for the benchmark that draws the same tables bare
__all__ = [
    "LIST_SIZE",
    "PAIR_HEAD",
    "PAIR_WIDTHS_MM",
    "PEOPLE_HEAD",
    "PEOPLE_WIDTHS_MM",
    "pair_cells",
    "people_cells",
    "write_report_pdf",
]

Progress = Callable[[int, int], None]

ROWS_PER_PAGE = 30  # a guess for the progress bar: list rows on a landscape page


def write_report_pdf(content: ReportContent, path: Path, progress: Progress | None = None) -> None:
    """Render ``content`` to ``path`` directly (see ``report_export`` for the safe way).

    ``progress`` gets (pages done, pages expected) as pages are finished.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, PageTemplate

    font = document_font(SERIF)
    styles = report_styles(font)
    lists = content.lists
    expected = 3 + (
        (len(lists.pairs) + len(lists.participants)) // ROWS_PER_PAGE + 2 if lists else 0
    )
    done = [0]

    def page_done(canvas: Any, document: Any) -> None:
        done[0] += 1
        if progress is not None:
            progress(min(done[0], expected - 1), expected)

    left, right = MARGINS_MM["left"] * MM, MARGINS_MM["right"] * MM
    top, bottom = MARGINS_MM["top"] * MM, MARGINS_MM["bottom"] * MM

    def frame(size: tuple[float, float], name: str) -> Any:
        return ps.bare_frame(left, bottom, size[0] - left - right, size[1] - top - bottom, name)

    wide = landscape(A4)
    document = ps.pdf_document(
        path,
        font,
        BODY_SIZE,
        template=BaseDocTemplate,
        title=f"{content.title} {content.subtitle}",
        author=content.name,
        subject=f"{content.title}: {content.school_full_name}, {content.year_title}",
    )
    document.addPageTemplates(
        [
            PageTemplate("portrait", [frame(A4, "portrait")], onPageEnd=page_done, pagesize=A4),
            PageTemplate(
                "landscape", [frame(wide, "landscape")], onPageEnd=page_done, pagesize=wide
            ),
        ]
    )
    story = [*heading(content, styles, font), *summary_sections(content, styles, font)]
    if lists is not None:
        story += annexes(content, styles, font)
    document.build(story, canvasmaker=numbered_canvas(font))
    if progress is not None:
        progress(expected, expected)
