"""«База наставляемых» and «База наставников» of a year as Excel workbooks, ready to print.

The columns are those schools keep: ФИО, class or position, age, requests or competences,
form, status, consent, the pair once there is one. People without a valid consent (152-ФЗ)
appear as «участник без согласия» with no personal data at all — not in their own row and not
as somebody's partner. The file is written to a temporary file and renamed into place.

openpyxl is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..models import AcademicYear
from ..models.vocab import Role
from ..store import Store
from ..store.text import ru_sort_key
from .bases_rows import YOUNG_SPECIALIST, BaseRow, load_rows
from .documents.output import save_workbook, write_atomically
from .school import get_school

NO_CONSENT = "участник без согласия"
FONT = "Times New Roman"
FONT_SIZE = 11
HEADER_ROW = 4
PORTRAIT_MAX_WIDTH = 95  # Excel width units that fit an A4 portrait page at 100 %
CHARS_PER_UNIT = 1.3  # Russian letters of Times New Roman 11 per Excel width unit

MENTEE_COLUMNS = (
    ("№", 5),
    ("ФИО", 30),
    ("Класс / должность", 16),
    ("Возраст", 8),
    ("Запросы (кто выявил)", 44),
    ("Форма наставничества", 18),
    ("Статус", 16),
    ("Согласие на обработку ПДн", 16),
    ("Наставник", 22),
)
MENTOR_COLUMNS = (
    ("№", 5),
    ("ФИО", 30),
    ("Класс / должность", 22),
    ("Возраст", 8),
    ("Компетенции", 36),
    ("Может взять наставляемых", 12),
    ("Форма наставничества", 18),
    ("Этап отбора", 20),
    ("Согласие на обработку ПДн", 16),
    ("Наставляемые", 26),
)
TITLES = {Role.MENTEE: "База наставляемых", Role.MENTOR: "База наставников"}


@dataclass(frozen=True)
class BaseExport:
    """What was written: the file, the people in it, and how many of them without ФИО."""

    path: Path
    people: int
    without_consent: int


def _place(row: BaseRow) -> str:
    place = row.place
    if row.young_specialist:
        place = f"{place}, {YOUNG_SPECIALIST}" if place else YOUNG_SPECIALIST
    return place


def _names(ids: tuple[int, ...], people: dict[int, BaseRow]) -> str:
    shown = []
    for pid in ids:
        other = people.get(pid)
        if other is None:
            continue
        shown.append(other.person.short_name if other.consent.given else NO_CONSENT)
    return ", ".join(shown)


def table_rows(rows: list[BaseRow], role: Role) -> list[list[Any]]:
    """The cells of the base of ``role``; unconsented people keep only form, status, consent."""
    people = {r.id: r for r in rows}
    chosen = [r for r in rows if (r.mentee if role is Role.MENTEE else r.mentor) is not None]
    # people without consent go last, so not even their place in the alphabet shows
    chosen.sort(
        key=lambda r: (
            not r.consent.given,
            ru_sort_key(r.person.full_name if r.consent.given else ""),
            r.id,
        )
    )
    cells: list[list[Any]] = []
    for number, row in enumerate(chosen, start=1):
        open_ = row.consent.given
        name = row.person.full_name if open_ else NO_CONSENT
        place = _place(row) if open_ else ""
        age = row.age if open_ and row.age is not None else ""
        consent = row.consent.status.label
        if row.mentee is not None and role is Role.MENTEE:
            info = row.mentee
            cells.append(
                [
                    number,
                    name,
                    place,
                    age,
                    info.requests_text if open_ else "",
                    info.form.label if info.form else "",
                    info.status.label,
                    consent,
                    _names(info.mentors, people) if open_ else "",
                ]
            )
        elif row.mentor is not None:
            mentor = row.mentor
            cells.append(
                [
                    number,
                    name,
                    place,
                    age,
                    mentor.competences_text if open_ else "",
                    mentor.capacity,
                    mentor.form.label if mentor.form else "",
                    mentor.status.label,
                    consent,
                    _names(mentor.mentees, people) if open_ else "",
                ]
            )
    return cells


def _lines(value: Any, width: int, bold: bool = False) -> int:
    """Printed lines of ``value`` wrapped by words in a column ``width`` units wide."""
    usable = max(int(width * CHARS_PER_UNIT / (1.15 if bold else 1)) - 1, 1)
    count = 0
    for part in str(value).split("\n"):
        lines, used = 1, 0
        for word in part.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need > usable and used:
                lines, used = lines + 1, len(word)
            else:
                used = need
        count += lines
    return count


def _fitted_widths(columns: tuple[tuple[str, int], ...], cells: list[list[Any]]) -> list[int]:
    """Each column as wide as its longest value, between its title word and its cap."""
    widths = []
    for index, (title, cap) in enumerate(columns):
        longest = max((len(str(r[index])) for r in cells), default=0)
        word = max(len(w) for w in title.split())
        widths.append(max(min(longest + 2, cap), word + 2, 5))
    return widths


def write_base(path: Path, title: str, subtitle: str, role: Role, cells: list[list[Any]]) -> None:
    """Write one base to ``path`` directly (see :func:`export_base` for the safe way)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    columns = MENTEE_COLUMNS if role is Role.MENTEE else MENTOR_COLUMNS
    widths = _fitted_widths(columns, cells)
    last = get_column_letter(len(columns))
    book = Workbook()
    sheet = book.active
    sheet.title = title
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=FONT_SIZE), Font(name=FONT, size=FONT_SIZE, bold=True)
    for row, (text, font) in enumerate(
        ((title, Font(name=FONT, size=14, bold=True)), (subtitle, Font(name=FONT, size=11))),
        start=1,
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[2].height = 30
    for column, ((name, _cap), width) in enumerate(zip(columns, widths, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=HEADER_ROW, column=column, value=name)
        cell.font, cell.border = bold, box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    header_lines = max(
        _lines(name, w, bold=True) for (name, _cap), w in zip(columns, widths, strict=True)
    )
    sheet.row_dimensions[HEADER_ROW].height = round(header_lines * FONT_SIZE * 1.3 + 4, 1)
    top = Alignment(wrap_text=True, vertical="top")
    middle = Alignment(vertical="top", horizontal="center")
    for offset, values in enumerate(cells, start=1):
        row = HEADER_ROW + offset
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.font, cell.border = plain, box
            cell.alignment = middle if isinstance(value, int) else top
        lines = max(_lines(v, w) for v, w in zip(values, widths, strict=True))
        sheet.row_dimensions[row].height = round(lines * FONT_SIZE * 1.3 + 3, 1)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{HEADER_ROW + len(cells)}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if sum(widths) > PORTRAIT_MAX_WIDTH else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = sheet.page_margins
    margins.left, margins.right, margins.top, margins.bottom = 0.79, 0.39, 0.79, 0.79
    sheet.oddFooter.center.text = "Страница &P из &N"
    book.properties.title = title
    book.properties.creator = "nastavapp"
    save_workbook(book, path)


def export_base(
    store: Store, year: AcademicYear, role: Role, target: Path | str, *, today: date
) -> BaseExport:
    """Write the year's base of mentees (``Role.MENTEE``) or mentors to ``target`` (.xlsx).

    Raises:
        ExportError (from ``documents.errors``): the target is open in Excel, read-only or its folder is missing (Russian).
    """
    rows = load_rows(store, year.id, today)
    cells = table_rows(rows, role)
    hidden = sum(1 for values in cells if values[1] == NO_CONSENT)
    school = get_school(store)
    title = TITLES[role]
    subtitle = (
        f"{school.short_name + ', ' if school else ''}{year.title} учебный год. "
        f"Сформировано {today:%d.%m.%Y}. Участники без согласия на обработку персональных "
        "данных указаны без ФИО и персональных данных."
    )
    written = write_atomically(
        Path(target), lambda path: write_base(path, title, subtitle, role, cells)
    )
    return BaseExport(written, len(cells), hidden)
