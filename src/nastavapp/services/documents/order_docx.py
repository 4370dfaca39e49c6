"""An order (приказ) as an editable Word document (.docx), the same text as the PDF.

Schools edit and print orders in Word or LibreOffice Writer, so the layout is made of what those
editors keep when text changes: paragraphs with a first-line indent of 1.25 cm, justified; tab
stops for «date … № number» and «Директор … И. О. Фамилия»; a table for the annex with its
header row repeated on every page. A4, margins 20/10/20/20 mm (ГОСТ Р 7.0.97-2016); Times New
Roman 14 pt (Word has it on every Windows; LibreOffice shows it with Liberation Serif, the same
metrics as our PDF). Page numbers at the top from page 2 on.

The layout helpers (``setup_page``, ``add_paragraph``, ``set_font`` …) are shared by the other
Word documents (the Положение о наставничестве, :mod:`.regulations_docx`).

python-docx is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .dates import blank_date
from .order_text import OrderDraft, typeset
from .thread_turns import give_turn

FONT = "Times New Roman"
FONT_SIZE_PT = 14
ANNEX_FONT_SIZE_PT = 11
INDENT_CM = 1.25
MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
# as order_pdf.ANNEX_WIDTHS_MM, for 11 pt: with cell margins of 0.7 mm the longest words fit
# whole, «Константинович», «изобразительного», «ученик – ученик» and «06.10.2025 –»
ANNEX_WIDTHS_MM = (8, 29.5, 31, 29.5, 31, 29, 22)
ANNEX_MARGIN_MM = 0.7
ACQUAINTED_WIDTHS_MM = (70, 40, 70)


def set_font(target: Any, size: float | None = None, bold: bool | None = None) -> None:
    """Times New Roman for every script of a style or run (Cyrillic included)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = FONT
    if size is not None:
        target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold
    element = target.element if hasattr(target, "element") else target._element
    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def add_paragraph(
    document: Any,
    text: str,
    *,
    align: str = "justify",
    indent: bool = True,
    bold: bool = False,
    size: float | None = None,
    before: float = 0,
    after: float = 0,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(INDENT_CM) if indent else Cm(0)
    form.space_before, form.space_after = Pt(before), Pt(after)
    if text:
        run = paragraph.add_run(typeset(text))
        set_font(run, size, bold or None)
    return paragraph


def add_tabbed(document: Any, left: str, right: str, *, before: float = 0) -> Any:
    """«left … right» on one line: a right tab stop at the right margin."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    paragraph = add_paragraph(document, "", align="left", indent=False, before=before)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    run = paragraph.add_run(f"{typeset(left)}\t{typeset(right)}")
    set_font(run)
    return paragraph


def setup_page(document: Any) -> None:
    """A4 portrait, the ГОСТ margins, Times New Roman 14 pt, page numbers from page 2 on."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    set_font(normal, FONT_SIZE_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    add_page_numbers(section)


def _setup(document: Any, draft: OrderDraft) -> None:
    setup_page(document)
    properties = document.core_properties
    properties.title = f"Приказ {draft.reference} «{draft.title}»"
    properties.author = draft.school_short or draft.organisation
    properties.subject = draft.title
    properties.language = "ru-RU"
    properties.comments = "nastavapp"


def add_page_numbers(section: Any) -> None:
    """PAGE in the middle of the top margin, not on the first page (ГОСТ Р 7.0.97)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(field)


def remove_borders(table: Any) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    sides = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{sides}</w:tblBorders>"))


def fill_cell(
    cell: Any,
    text: str,
    *,
    size: float,
    bold: bool = False,
    centre: bool = False,
    before: float = 0,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lines = text.split("\n") if text else [""]
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.space_before = Pt(before)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            set_font(paragraph.add_run(typeset(line)), size, bold or None)


def table_cells(table: Any) -> list[list[Any]]:
    """Every row's cells, read from the rows themselves (a table without horizontal spans).

    python-docx's ``table.cell()`` (and, before 1.2, ``row.cells``) lays out the whole table
    for each cell asked for: the annex of 600 pairs took a minute and a half to write.
    """
    from docx.table import _Cell

    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def merge_down(column: list[Any]) -> None:
    """Merge cells one under another into the first (the others are empty): Word's vertical
    merge, as python-docx's ``merge`` writes it, without its search of the whole table."""
    column[0]._tc.vMerge = "restart"
    for cell in column[1:]:
        cell._tc.vMerge = "continue"


def set_widths(table: Any, widths_mm: tuple[float, ...], margin_mm: float = 1) -> None:
    """Fixed column widths (the grid Writer reads and the cells Word reads), narrow margins."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for row in table_cells(table):
        for cell, width in zip(row, widths_mm, strict=False):
            cell.width = Mm(width)
    twips = round(margin_mm * 1440 / 25.4)
    table._tbl.tblPr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{twips}" w:type="dxa"/>'
            f'<w:right w:w="{twips}" w:type="dxa"/></w:tblCellMar>'
        )
    )


def _acquainted(document: Any, draft: OrderDraft) -> None:
    if not draft.acquainted:
        return
    add_paragraph(document, draft.acquainted_heading, align="left", indent=False, before=24)
    table = document.add_table(rows=len(draft.acquainted), cols=3)
    remove_borders(table)
    for row, name in zip(table.rows, draft.acquainted, strict=True):
        values = (name, "____________", blank_date(draft.issued_on.year))
        for cell, value in zip(row.cells, values, strict=True):
            fill_cell(cell, value, size=12, before=10)
    set_widths(table, ACQUAINTED_WIDTHS_MM, margin_mm=0)


def _annex(document: Any, draft: OrderDraft) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    annex = draft.annex
    if annex is None:
        return
    school = draft.school_short or draft.organisation
    for index, line in enumerate(("Приложение", f"к приказу {school}", draft.reference)):
        stamp = add_paragraph(document, line, align="left", indent=False, size=12)
        stamp.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM - 85)
        stamp.paragraph_format.page_break_before = index == 0
    add_paragraph(
        document, annex.title, align="center", indent=False, bold=True, before=14, after=10
    )
    blocks = annex.blocks()
    table = document.add_table(rows=1 + sum(len(b) for b in blocks), cols=len(annex.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table_cells(table)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for cell, title in zip(rows[0], annex.columns, strict=True):
        fill_cell(cell, title, size=ANNEX_FONT_SIZE_PT - 1, bold=True, centre=True)
    index = 1
    for block in blocks:
        first = index
        for cells in block:
            for column, (cell, value) in enumerate(zip(rows[index], cells, strict=True)):
                fill_cell(cell, value, size=ANNEX_FONT_SIZE_PT, centre=column == 0)
            index += 1
            give_turn(index)  # the window's thread, while this runs in a worker
        if len(block) > 1:
            for column in range(len(annex.columns)):
                if column not in annex.member_columns:
                    merge_down([row[column] for row in rows[first:index]])
    if len(annex.columns) == len(ANNEX_WIDTHS_MM):
        set_widths(table, ANNEX_WIDTHS_MM, margin_mm=ANNEX_MARGIN_MM)


def write_order_docx(draft: OrderDraft, path: Path) -> None:
    """Write ``draft`` to ``path`` as .docx directly (``order_register.write_order`` is safe)."""
    from docx import Document

    document = Document()
    _setup(document, draft)
    add_paragraph(document, draft.organisation, align="center", indent=False, bold=True)
    add_paragraph(
        document, "ПРИКАЗ", align="center", indent=False, bold=True, size=16, before=14, after=10
    )
    add_tabbed(document, draft.date_text, draft.number_text)
    add_paragraph(document, draft.place, align="center", indent=False, size=12, before=4, after=14)
    add_paragraph(document, draft.title, align="center", indent=False, bold=True, after=14)
    if draft.preamble.strip():
        add_paragraph(document, draft.preamble.rstrip().rstrip(",;:") + ",")
    add_paragraph(document, "ПРИКАЗЫВАЮ:", align="left", indent=False, before=8, after=8)
    last = None
    for number, point in enumerate(draft.points, start=1):
        lines = point.text.split("\n")
        last = add_paragraph(document, f"{number}. {lines[0]}")
        for line in lines[1:]:
            last = add_paragraph(document, line)
        for index, sub in enumerate(point.subs, start=1):
            last = add_paragraph(document, f"{number}.{index}. {sub}")
    if last is not None:
        last.paragraph_format.keep_with_next = True  # the signature never stands alone
    add_tabbed(document, draft.signer_post, draft.signer_name, before=36)
    _acquainted(document, draft)
    _annex(document, draft)
    document.save(str(path))
