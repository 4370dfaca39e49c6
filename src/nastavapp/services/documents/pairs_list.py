"""«Наставнические пары/группы» of a year as a list: the rows, and the Excel workbook.

People without a valid consent (152-ФЗ) appear as «участник без согласия», with neither their
name nor their class or position; a pair whose mentor has no consent goes after the others of its
form, so not even his place in the alphabet shows. The PDF of the same rows is in
:mod:`.lists_pdf`.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...store import Store
from ...store.text import ru_sort_key
from ..bases_export import FONT, FONT_SIZE, NO_CONSENT
from ..consents import without_consent
from ..pair_views import FORM_ORDER, list_groups
from .output import save_workbook, write_atomically

PAIR_COLUMNS = (
    ("№", 5),
    ("Наставник", 30),
    ("Должность / класс", 22),
    ("Наставляемые", 30),
    ("Класс / должность", 18),
    ("Форма наставничества", 18),
    ("Вид", 16),
    ("Статус", 16),
    ("Приказ", 18),
)
PAIRS_TITLE = "Наставнические пары и группы"
HEADER_ROW = 4


def pairs_rows(store: Store, year_id: int) -> list[list[Any]]:
    """The cells of the year's pairs and groups list; unconsented people without their data."""
    hidden = without_consent(store)
    cards = list_groups(store, year_id)
    cards.sort(
        key=lambda c: (
            FORM_ORDER[c.form],
            c.mentor.id in hidden,
            ru_sort_key(c.mentor.name if c.mentor.id not in hidden else ""),
            c.id,
        )
    )
    rows: list[list[Any]] = []
    for number, card in enumerate(cards, start=1):
        mentor_open = card.mentor.id not in hidden
        mentees = [m for m in card.mentees if m.id not in hidden]
        unnamed = len(card.mentees) - len(mentees)
        names = [m.name for m in mentees] + [NO_CONSENT] * unnamed
        posts = [m.post for m in mentees] + [""] * unnamed
        order = card.order.text if card.order else ""
        rows.append(
            [
                number,
                card.mentor.name if mentor_open else NO_CONSENT,
                card.mentor.post if mentor_open else "",
                "\n".join(names),
                "\n".join(posts),
                card.form.label,
                card.kind.label,
                card.status.label,
                order,
            ]
        )
    return rows


def write_pairs_xlsx(path: Path, title: str, subtitle: str, rows: list[list[Any]]) -> None:
    """Write the list to ``path`` directly (see :func:`export_pairs_xlsx` for the safe way)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.active
    sheet.title = "Пары и группы"
    last = get_column_letter(len(PAIR_COLUMNS))
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=FONT_SIZE), Font(name=FONT, size=FONT_SIZE, bold=True)
    for row, (text, font) in enumerate(
        ((title, Font(name=FONT, size=14, bold=True)), (subtitle, plain)), start=1
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[2].height = 30
    for column, (name, width) in enumerate(PAIR_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=HEADER_ROW, column=column, value=name)
        cell.font, cell.border = bold, box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    top = Alignment(wrap_text=True, vertical="top")
    for offset, values in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.font, cell.border, cell.alignment = plain, box, top
        lines = max(str(values[3]).count("\n") + 1, 2)
        sheet.row_dimensions[row].height = round(lines * FONT_SIZE * 1.3 + 3, 1)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{HEADER_ROW + len(rows)}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = sheet.page_margins
    margins.left, margins.right, margins.top, margins.bottom = 0.79, 0.39, 0.79, 0.79
    sheet.oddFooter.center.text = "Страница &P из &N"
    book.properties.title = title
    book.properties.creator = "nastavapp"
    save_workbook(book, path)


def export_pairs_xlsx(
    store: Store, year_id: int, target: Path | str, title: str, subtitle: str
) -> Path:
    """Write the year's pairs and groups to ``target`` (.xlsx), replaced only once complete.

    Raises:
        ExportError: the target is open in Excel, read-only or its folder is missing (Russian).
    """
    rows = pairs_rows(store, year_id)
    return write_atomically(Path(target), lambda p: write_pairs_xlsx(p, title, subtitle, rows))
