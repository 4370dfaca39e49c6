"""The lists the school prints: «База наставников», «База наставляемых», «Наставнические
пары/группы» — as PDF (A4 landscape) or Excel, from the same rows as the screens.

The bases reuse the rows of their Excel export (:func:`..bases_export.table_rows` over
:func:`..bases_rows.load_rows`); the pairs come from :mod:`.pairs_list`. People without a valid
consent appear as «участник без согласия», never with their personal data.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from ...models import AcademicYear
from ...models.vocab import Role
from ...store import Store
from ..bases_export import MENTEE_COLUMNS, MENTOR_COLUMNS, NO_CONSENT, export_base, table_rows
from ..bases_rows import load_rows
from ..school import get_school
from . import pdf_styles as ps
from .errors import ExportError
from .fonts import SERIF, FontFamily, document_font
from .order_text import member_lines, typeset
from .output import write_atomically
from .pairs_list import PAIR_COLUMNS, export_pairs_xlsx, pairs_rows
from .pdf_styles import MARGINS_MM, MM, text

USABLE_MM = 297 - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT_SIZE = 10
CELL_PADDING = 3
_BREAKS = re.compile(r"[ \t\n]+")


class ListKind(str, Enum):
    MENTEES = "mentees"
    MENTORS = "mentors"
    PAIRS = "pairs"

    @property
    def label(self) -> str:
        return _TITLES[self]


_TITLES = {
    ListKind.MENTEES: "База наставляемых",
    ListKind.MENTORS: "База наставников",
    ListKind.PAIRS: "Наставнические пары и группы",
}
LIST_SUFFIXES = (".pdf", ".xlsx")


@dataclass(frozen=True)
class ListExport:
    """What was written: the file, the rows in it, and how many name nobody (no consent)."""

    path: Path
    rows: int
    without_consent: int


def list_rows(store: Store, year: AcademicYear, kind: ListKind, today: date) -> list[list[Any]]:
    """The cells of the list, consent rules applied."""
    if kind is ListKind.PAIRS:
        return pairs_rows(store, int(year.id or 0))
    role = Role.MENTEE if kind is ListKind.MENTEES else Role.MENTOR
    return table_rows(load_rows(store, year.id, today), role)


def _columns(kind: ListKind) -> tuple[tuple[str, int], ...]:
    return {
        ListKind.MENTEES: MENTEE_COLUMNS,
        ListKind.MENTORS: MENTOR_COLUMNS,
        ListKind.PAIRS: PAIR_COLUMNS,
    }[kind]


def _members(kind: ListKind) -> tuple[int, ...]:
    return (3, 4) if kind is ListKind.PAIRS else ()


def subtitle_of(store: Store, year: AcademicYear, today: date) -> str:
    school = get_school(store)
    return (
        f"{school.short_name + ', ' if school else ''}{year.title} учебный год. "
        f"Сформировано {today:%d.%m.%Y}. Участники без согласия на обработку персональных "
        "данных указаны без ФИО и персональных данных."
    )


def _cell(value: Any, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text(str(value)), style)


def _unbreakable(value: str) -> list[str]:
    """The runs of a cell's text that a line never breaks: as typeset, split at ordinary
    white space, not at no-break spaces."""
    return _BREAKS.split(typeset(value))


def fitted_widths(
    columns: tuple[tuple[str, int], ...], rows: list[list[Any]], font: FontFamily
) -> list[float]:
    """Column widths in points over the landscape page: each at least as wide as its longest
    word (no word is cut), the rest shared in proportion to the columns' usual widths."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    padding = 2 * CELL_PADDING + 1
    least = []
    for index, (name, _width) in enumerate(columns):
        # a «word» is what the cell cannot break: typeset ties «Иванов\u00a0И.\u00a0И.,» with
        # no-break spaces, so split at ordinary spaces only (str.split() splits at those too)
        words = [(w, font.bold) for w in _unbreakable(name)]
        words += [(w, font.regular) for r in rows for w in _unbreakable(str(r[index]))]
        least.append(max(stringWidth(w, f, FONT_SIZE) for w, f in words) + padding)
    usable = USABLE_MM * MM
    if sum(least) >= usable:
        return [usable * w / sum(least) for w in least]
    pinned: set[int] = set()  # columns held at their least width; the set only grows
    while True:
        free = [i for i in range(len(columns)) if i not in pinned]
        room = usable - sum(least[i] for i in pinned)
        share = sum(columns[i][1] for i in free) or 1
        widths = [
            least[i] if i in pinned else room * columns[i][1] / share for i in range(len(columns))
        ]
        narrow = {i for i in free if widths[i] < least[i]}
        if not narrow:
            return widths
        pinned |= narrow


def write_list_pdf(
    path: Path,
    title: str,
    subtitle: str,
    columns: tuple[tuple[str, int], ...],
    rows: list[list[Any]],
    author: str = "",
    member_columns: tuple[int, ...] = (),
) -> None:
    """Render one list to ``path`` directly (see :func:`export_list` for the safe way).

    ``member_columns`` hold a line per member of a group (mentees and their classes): such a
    row prints as a row per member with the other cells merged.
    """
    from reportlab.platypus import Table, TableStyle

    from .pdf_pages import numbered_canvas

    font: FontFamily = document_font(SERIF)
    cell = ps.base_style("cell", font, FONT_SIZE, 11.5)
    centre = ps.centred("centre", cell)
    head = ps.bold_centred("head", centre, font)
    heading = ps.bold_centred("heading", head, font, fontSize=14, leading=17, spaceAfter=4)
    note = ps.centred("note", centre, fontSize=11, leading=13, spaceAfter=10)
    data = [[_cell(name, head) for name, _w in columns]]
    spans: list[tuple[Any, ...]] = []
    for values in rows:
        block = member_lines(values, member_columns) if member_columns else [values]
        first = len(data)
        data += [[_cell(v, centre if isinstance(v, int) else cell) for v in line] for line in block]
        if len(block) > 1:
            spans += [
                ("SPAN", (c, first), (c, first + len(block) - 1))
                for c in range(len(columns))
                if c not in member_columns
            ]
    table = Table(data, colWidths=fitted_widths(columns, rows, font), repeatRows=1, hAlign="LEFT")
    padding = (CELL_PADDING, CELL_PADDING, None, 4)
    table.setStyle(TableStyle([*ps.grid_commands(font, padding), *spans]))
    pdf = ps.pdf_document(path, font, FONT_SIZE, wide=True, title=title, author=author)
    story = [_cell(title, heading), _cell(subtitle, note), table]
    pdf.build(story, canvasmaker=numbered_canvas(font))


def export_list(
    store: Store, year: AcademicYear, kind: ListKind, target: Path | str, *, today: date
) -> ListExport:
    """Write a list of the year to ``target``: PDF or xlsx, chosen by the extension.

    Raises:
        ExportError: another extension, or the target locked, read-only or its folder missing
            (Russian).
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in LIST_SUFFIXES:
        raise ExportError(
            f"Неизвестный формат файла «{suffix or 'без расширения'}»: список можно "
            "сохранить в PDF (.pdf) или в Excel (.xlsx)."
        )
    rows = list_rows(store, year, kind, today)
    hidden = sum(str(v).split("\n").count(NO_CONSENT) for r in rows for v in r)
    subtitle = subtitle_of(store, year, today)
    if suffix == ".xlsx" and kind is ListKind.PAIRS:
        written = export_pairs_xlsx(store, int(year.id or 0), target, kind.label, subtitle)
    elif suffix == ".xlsx":
        role = Role.MENTEE if kind is ListKind.MENTEES else Role.MENTOR
        written = export_base(store, year, role, target, today=today).path
    else:
        school = get_school(store)
        author = school.short_name if school else ""
        written = write_atomically(
            target,
            lambda p: write_list_pdf(
                p, kind.label, subtitle, _columns(kind), rows, author, _members(kind)
            ),
        )
    return ListExport(written, len(rows), hidden)
