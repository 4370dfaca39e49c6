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

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ...models import AcademicYear, Person
from ...models.vocab import MentoringForm
from ...store import Store
from ..consents import consent_state, is_minor
from ..names import FullName, clean
from ..pair_rules import post_of, term_text
from ..pair_views import group_card
from ..plans import PlanEntry, Progress, plan_of
from ..school import get_school
from . import pdf_styles as ps
from .dates import blank_date
from .declension import initials_first
from .errors import ExportError
from .fonts import SERIF, FontFamily, document_font
from .output import write_atomically
from .pdf_styles import MARGINS_MM, MM, text

TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT_SIZE = 12
LEADING = 14
HEAD_FONT_SIZE = 11
NO_CONSENT = "участник без согласия"
TITLE = "Индивидуальный план развития наставляемого"
TEACHER_TITLE = "Персонализированная программа наставничества"
COLUMNS = ("№\nп/п", "Направление", "Задача", "Срок (план)", "Отметка о выполнении", "Результат")
COLUMN_WIDTHS_MM = (12, 32, 55, 23, 25, 33)  # 180 mm: a date fits its column on one line
FIELD_LABEL_MM = 48
SIGNATURE_WIDTHS_MM = (32, 36, 50, 62)
BLANK_ROWS = 6  # an empty plan prints lines to fill in by hand
BLANK = "_" * 30
SIGNATURE_PADDING = 6  # points between the columns of the signature table


@dataclass(frozen=True)
class Signer:
    role: str  # «Наставник»
    name: str  # «Л. К. Афанасьев»; "" leaves the line blank


@dataclass(frozen=True)
class PlanSheet:
    """What the pages of one mentee print (names already hidden where there is no consent)."""

    mentee_id: int
    school: str
    title: str
    year: str  # «2025/2026»
    mentee: str  # «Калинин Николай Вадимович, 6А класс»
    mentor: str
    form: str
    role_model: str
    period: str
    goal: str
    items: tuple[PlanEntry, ...]
    progress: Progress
    signers: tuple[Signer, ...]
    sign_year: int

    @property
    def fields(self) -> list[tuple[str, str]]:
        """The lines above the table, a blank to fill in by hand where nothing is known."""
        return [
            ("Наставляемый:", self.mentee),
            ("Наставник:", self.mentor),
            ("Форма наставничества:", self.form),
            ("Ролевая модель:", self.role_model or BLANK),
            ("Срок реализации:", self.period or BLANK),
            ("Цель:", self.goal or BLANK),
        ]


def _person_line(person: Person, named: bool) -> str:
    """«Калинин Николай Вадимович, 6А класс» or «участник без согласия»."""
    if not named:
        return NO_CONSENT
    post = post_of(person)
    return f"{person.full_name}, {post}" if post else person.full_name


def _signature_name(person: Person, named: bool) -> str:
    if not named:
        return ""
    return initials_first(FullName(person.last_name, person.first_name, person.middle_name))


def _curator(store: Store) -> str:
    school = get_school(store)
    if school is None:
        return ""
    full = FullName(school.curator_last_name, school.curator_first_name, school.curator_middle_name)
    return initials_first(full) if clean(full.last) else ""


def plan_sheets(
    store: Store, group_id: int, *, mentee_ids: Sequence[int] | None = None, today: date
) -> list[PlanSheet]:
    """A sheet per mentee of the pair/group (``mentee_ids``: only these), in the card's order
    (by name).

    Raises:
        ExportError: no school, no such pair/group, no mentee chosen, or a mentee of another
            pair (Russian).
    """
    school = get_school(store)
    if school is None:
        raise ExportError("Сначала укажите сведения о школе.")
    card = group_card(store, group_id)
    if card is None:
        raise ExportError("Этой пары или группы уже нет в базе: обновите список.")
    members = [m.id for m in card.mentees]
    wanted = set(members if mentee_ids is None else mentee_ids)
    if wanted - set(members):
        raise ExportError("План печатается только для наставляемых этой пары или группы.")
    chosen = [m for m in members if m in wanted]
    if not chosen:
        raise ExportError("Не выбран ни один наставляемый: план печатать не для кого.")
    with store.session() as session:
        year = session.get(AcademicYear, card.year_id)
        people = {pid: session.get(Person, pid) for pid in [card.mentor.id, *chosen]}
    named = {pid: consent_state(store, pid).given for pid in people}
    mentor = people[card.mentor.id]
    assert mentor is not None
    items = plan_of(store, group_id)
    title = TEACHER_TITLE if card.form is MentoringForm.TEACHER_TEACHER else TITLE
    curator = _curator(store)
    sheets = []
    for mentee_id in chosen:
        mentee = people[mentee_id]
        assert mentee is not None
        own = tuple(e for e in items if e.mentee_id == mentee_id)
        signers = [
            Signer("Наставник", _signature_name(mentor, named[mentor.id or 0])),
            Signer("Наставляемый", _signature_name(mentee, named[mentee_id])),
        ]
        if is_minor(mentee, today) or is_minor(mentor, today):
            signers.append(Signer("Куратор", curator))
        sheets.append(
            PlanSheet(
                mentee_id=mentee_id,
                school=school.short_name or school.full_name,
                title=title,
                year=year.title if year else "",
                mentee=_person_line(mentee, named[mentee_id]),
                mentor=_person_line(mentor, named[mentor.id or 0]),
                form=card.form.label,
                role_model=card.role_model,
                period=term_text(card.start_date, card.planned_end_date),
                goal=clean(card.goal),
                items=own,
                progress=Progress(sum(e.done for e in own), len(own)),
                signers=tuple(signers),
                sign_year=today.year,
            )
        )
    return sheets


def plan_file_name(store: Store, group_id: int) -> str:
    """«План_Калинин_2025.pdf» for a pair; «Планы_группы_Николаев_2025.pdf» (the mentor) for a
    group. A surname without consent stays out of the name."""
    card = group_card(store, group_id)
    if card is None:
        return "План.pdf"
    with store.session() as session:
        year = session.get(AcademicYear, card.year_id)
    start = str(year.start_date.year) if year else ""
    one = len(card.mentees) == 1
    person = card.mentees[0] if one else card.mentor
    surname = person.name.split(" ")[0] if consent_state(store, person.id).given else ""
    parts = ["План", surname or "наставляемого"] if one else ["Планы_группы", surname]
    return "_".join(p for p in [*parts, start] if p) + ".pdf"


# --- rendering -------------------------------------------------------------------------------
def _styles(font: FontFamily) -> dict[str, Any]:
    body = ps.base_style("body", font, FONT_SIZE, LEADING, embeddedHyphenation=1)
    centre = ps.centred("centre", body)
    return {
        "body": body,
        "school": ps.derived("school", centre, spaceAfter=3),
        "title": ps.bold_centred("title", centre, font, fontSize=14, leading=17, spaceBefore=14),
        "year": ps.derived("year", centre, spaceBefore=2, spaceAfter=12),
        "label": body,
        "cell": body,
        "number": centre,
        "head": ps.bold_centred(
            "head", centre, font, fontSize=HEAD_FONT_SIZE, leading=HEAD_FONT_SIZE * 1.15
        ),
        "hint": ps.derived("hint", centre, fontSize=9, leading=10),
    }


def _plain_table(rows: list[list[Any]], widths_mm: Sequence[float], font: FontFamily) -> Any:
    return ps.plain_table(rows, ps.points(widths_mm), font, (0, SIGNATURE_PADDING, 1, 2))


def _header(sheet: PlanSheet, styles: dict[str, Any], font: FontFamily, index: int) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable, Paragraph, Spacer

    year = f"на {sheet.year} учебный год" if sheet.year else ""
    fields = [
        [Paragraph(text(label), styles["label"]), Paragraph(text(value), styles["body"])]
        for label, value in sheet.fields
    ]
    return [
        _sheet_start(index),
        Paragraph(text(sheet.school), styles["school"]),
        HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceAfter=2),
        Paragraph(text(sheet.title), styles["title"]),
        Paragraph(text(year), styles["year"]),
        _plain_table(fields, (FIELD_LABEL_MM, TEXT_WIDTH_MM - FIELD_LABEL_MM), font),
        Spacer(0, 10),
    ]


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _items_table(sheet: PlanSheet, styles: dict[str, Any], font: FontFamily) -> Any:
    """The items, and under them (one borderless row) the closing block: the signatures never
    stand alone at the top of a page, the last item goes over with them."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    def cell(value: str, style: str = "cell") -> Any:
        return Paragraph(text(value), styles[style])

    data: list[list[Any]] = [[cell(c, "head") for c in COLUMNS]]
    for number, entry in enumerate(sheet.items, start=1):
        data.append(
            [
                cell(str(number), "number"),
                cell(entry.direction),
                cell(entry.task),
                cell(_day(entry.planned_date), "number"),
                cell(_day(entry.done_date), "number"),
                cell(entry.result),
            ]
        )
    blank = not sheet.items
    if blank:
        data += [[cell(str(n), "number"), "", "", "", "", ""] for n in range(1, BLANK_ROWS + 1)]
    last = len(data) - 1
    data.append([_closing(sheet, styles, font), "", "", "", "", ""])
    heights = [None] + [LEADING * 2] * BLANK_ROWS + [None] if blank else None
    table = Table(
        data,
        colWidths=ps.points(COLUMN_WIDTHS_MM),
        rowHeights=heights,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                *ps.grid_commands(font, (3, 3, 2, 4), last=last),
                ("SPAN", (0, last + 1), (-1, last + 1)),
                ("LEFTPADDING", (0, last + 1), (-1, last + 1), 0),
                ("RIGHTPADDING", (0, last + 1), (-1, last + 1), 0),
                ("TOPPADDING", (0, last + 1), (-1, last + 1), 8),
                ("BOTTOMPADDING", (0, last + 1), (-1, last + 1), 0),
                ("NOSPLIT", (0, max(last, 1)), (-1, last + 1)),
            ]
        )
    )
    return table


def _line(width_mm: float, font: FontFamily) -> str:
    """Underscores filling ``width_mm`` of the signature table (less its right padding)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width_mm * MM - SIGNATURE_PADDING
    return "_" * int(room / stringWidth("_", font.regular, FONT_SIZE))


def _closing(sheet: PlanSheet, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    """«Выполнено N из M.» and the lines to sign, with the date of each signature."""
    from reportlab.platypus import Paragraph

    flow: list[Any] = []
    if sheet.progress.total:
        done = f"Выполнено {sheet.progress.done} из {sheet.progress.total}."
        flow.append(Paragraph(text(done), styles["body"]))
    rows: list[list[Any]] = []
    _role, sign, name, _date = SIGNATURE_WIDTHS_MM
    for signer in sheet.signers:
        signed = signer.name or _line(name - 3, font)  # a blank for a name not to be printed
        rows.append(
            [
                Paragraph(text(signer.role), styles["body"]),
                Paragraph(_line(sign, font), styles["body"]),
                Paragraph(text(f"/ {signed}"), styles["body"]),
                Paragraph(text(blank_date(sheet.sign_year)), styles["body"]),
            ]
        )
        rows.append(
            [
                "",
                Paragraph("(подпись)", styles["hint"]),
                Paragraph("(расшифровка подписи)", styles["hint"]),
                Paragraph("(дата)", styles["hint"]),
            ]
        )
    table = _plain_table(rows, SIGNATURE_WIDTHS_MM, font)
    table.setStyle([("TOPPADDING", (0, r), (-1, r), 16) for r in range(0, len(rows), 2)])
    return [*flow, table]


def _sheet_start(index: int) -> Any:
    """An invisible mark: the pages from here on belong to sheet ``index``."""
    from reportlab.platypus import Flowable

    class SheetStart(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            self.canv.plan_sheet = index

    return SheetStart()


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
    styles = _styles(font)
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
        story += _header(sheet, styles, font, index)
        story.append(_items_table(sheet, styles, font))
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
