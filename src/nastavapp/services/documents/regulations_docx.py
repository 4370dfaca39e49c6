"""The Положение о наставничестве (and the programme, the same draft from another template) as an
editable Word document (.docx), laid out like the orders.

The page, the font and the paragraphs come from :mod:`.order_docx` (A4, margins 20/10/20/20 mm,
Times New Roman 14 pt, first-line indent 1.25 cm, justified, page numbers from page 2 on,
ГОСТ Р 7.0.97-2016). At the top a borderless table holds the stamps: «СОГЛАСОВАНО педагогическим
советом» on the left, «УТВЕРЖДЕНО приказом …» on the right; then the school, «ПОЛОЖЕНИЕ» (or
«ПРОГРАММА НАСТАВНИЧЕСТВА») and its title; then the numbered sections, clauses («3.2.») and their
lists («— …;»), all plain paragraphs, so renumbering and editing in Word or LibreOffice Writer keep the layout.

python-docx is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .order_docx import (
    INDENT_CM,
    TEXT_WIDTH_MM,
    add_paragraph,
    fill_cell,
    remove_borders,
    set_widths,
    setup_page,
)
from .regulations import RegulationsDraft

STAMP_FONT_SIZE_PT = 12
# the stamps' columns: «СОГЛАСОВАНО» on the left, a gap, «УТВЕРЖДЕНО» on the right
STAMP_WIDTHS_MM = (80, TEXT_WIDTH_MM - 80 - 85, 85)


def _stamps(document: Any, draft: RegulationsDraft) -> None:
    table = document.add_table(rows=1, cols=3)
    remove_borders(table)
    left, _gap, right = table.rows[0].cells
    fill_cell(left, "\n".join(draft.agreed), size=STAMP_FONT_SIZE_PT)
    fill_cell(right, "\n".join(draft.approved), size=STAMP_FONT_SIZE_PT)
    set_widths(table, STAMP_WIDTHS_MM, margin_mm=0)


def _properties(document: Any, draft: RegulationsDraft) -> None:
    properties = document.core_properties
    properties.title = draft.title
    properties.author = draft.school_short or draft.organisation
    properties.subject = f"{draft.title} ({draft.year_title} учебный год)"
    properties.language = "ru-RU"
    properties.comments = "nastavapp"


def write_regulations_docx(draft: RegulationsDraft, path: Path) -> None:
    """Write ``draft`` to ``path`` directly (``regulations.export_regulations`` is safe)."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    setup_page(document)
    _properties(document, draft)
    _stamps(document, draft)
    add_paragraph(document, draft.organisation, align="center", indent=False, bold=True, before=24)
    first, *rest = draft.heading
    add_paragraph(document, first, align="center", indent=False, bold=True, size=16, before=18)
    for line in rest:
        add_paragraph(document, line, align="center", indent=False, bold=True)
    for section in draft.sections:
        title = add_paragraph(
            document,
            f"{section.number}. {section.title}",
            align="center",
            indent=False,
            bold=True,
            before=18,
            after=8,
        )
        title.paragraph_format.keep_with_next = True
        for clause in section.clauses:
            lead = add_paragraph(document, f"{clause.number} {clause.text}")
            lead.paragraph_format.keep_with_next = bool(clause.items)
            for line in clause.item_lines():
                item = add_paragraph(document, line)
                item.paragraph_format.first_line_indent = Cm(INDENT_CM)
    document.save(str(path))
