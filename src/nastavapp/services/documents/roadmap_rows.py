"""The printed roadmap (план мероприятий, дорожная карта) as plain rows, for the PDF and the xlsx.

Stage headings are full-width rows («Этап 1. Подготовка условий для запуска программы»), events
are numbered «1.1», «1.2»… within their stage, as schools number them. Сроки are written as a
printed plan writes them: «Сентябрь 2025», «Октябрь–ноябрь 2025», «Декабрь 2025 – январь 2026»,
«В течение года»; dates the curator set inside a month print as «01.09.2025 – 15.10.2025».
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ...models import AcademicYear, IssuedDocument, Person, RoadmapEvent, School
from ...models.vocab import DocumentKind, ResponsibleRole, RoadmapStage
from ...store import Store
from ..names import initials
from ..roadmap import period_dates
from ..school import get_school
from ..years import current_year, list_years
from .errors import ExportError

NBSP = "\u00a0"
COLUMNS = ("№ п/п", "Мероприятие", "Содержание деятельности", "Сроки", "Ответственные", "Результат")
TITLE = "План мероприятий (дорожная карта)"
BLANK_ORDER = "Приказ от «___» ____________ 20___ г. № _____"

_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_NUMBERED = re.compile(r"^\s*(\d{1,2}[.)])\s+(.*)$")


@dataclass(frozen=True)
class StageRow:
    """A full-width heading row: «Этап 1. Подготовка условий для запуска программы»."""

    number: int
    title: str

    @property
    def text(self) -> str:
        return f"Этап {self.number}. {self.title}"


@dataclass(frozen=True)
class EventRow:
    """One event of the plan; ``content`` holds its sub-steps, one line each («1. …»)."""

    number: str
    name: str
    content: tuple[str, ...]
    period: str
    responsible: str
    result: str


@dataclass(frozen=True)
class ApprovalOrder:
    """The order (приказ) that approved the roadmap: number and date, as the register holds."""

    number: str
    issued_on: date | None


@dataclass(frozen=True)
class RoadmapDocument:
    """Everything the printed roadmap shows, with no database left behind it."""

    school_full_name: str
    school_short_name: str
    director_signature: str  # «И. Г. Антонова» (initials first, as under a signature)
    year_title: str
    order: ApprovalOrder | None
    rows: tuple[StageRow | EventRow, ...]

    @property
    def title(self) -> str:
        return TITLE

    @property
    def subtitle(self) -> str:
        # The short name does not decline («в МБОУ «Сосновская СОШ»»); the full name stands in
        # the header in the nominative, as ГОСТ Р 7.0.97-2016 places the organisation's name.
        name = self.school_short_name or self.school_full_name
        return f"внедрения целевой модели наставничества в {name} на {self.year_title} учебный год"

    @property
    def director_title(self) -> str:
        return f"Директор {self.school_short_name}".strip()

    @property
    def events(self) -> tuple[EventRow, ...]:
        return tuple(r for r in self.rows if isinstance(r, EventRow))


# --- text helpers ------------------------------------------------------------------------


def format_day(day: date) -> str:
    """dd.mm.yyyy, as official documents write dates."""
    return day.strftime("%d.%m.%Y")


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _months_text(start: date, end: date) -> str:
    first, last = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first.capitalize()} {start.year}"
    if start.year == end.year:
        return f"{first.capitalize()}–{last} {start.year}"
    return f"{first.capitalize()} {start.year} – {last} {end.year}"


def _dates_text(start: date | None, end: date | None) -> str:
    if start and end:
        if start == end:
            return format_day(start)
        return f"{format_day(start)} – {format_day(end)}"
    if start:
        return f"с {format_day(start)}"
    if end:
        return f"до {format_day(end)}"
    return ""


def period_text(label: str, start: date | None, end: date | None, year: AcademicYear) -> str:
    """What the «Сроки» column shows for an event.

    The whole academic year keeps its label («В течение года»); whole months print as months with
    their year («Октябрь–ноябрь 2025»); other dates as «01.09.2025 – 15.10.2025». A label that
    names no months («По графику») is kept, with the dates under it when there are any.
    """
    label = " ".join((label or "").split())
    whole_year = (year.start_date, year.end_date)
    if start is None and end is None:
        return label
    if (start, end) == whole_year:
        if label and period_dates(label, year.start_date) == whole_year:
            return label  # «В течение учебного года» as the curator wrote it
        return "В течение года"
    if label and period_dates(label, year.start_date) == (None, None):
        return f"{label}\n{_dates_text(start, end)}"
    if start and end and start.day == 1 and end == _month_end(end) and start <= end:
        return _months_text(start, end)
    return _dates_text(start, end)


def initials_signature(last: str, first: str, middle: str) -> str:
    """«И. Г. Антонова»: initials before the surname, joined by non-breaking spaces."""
    return NBSP.join([*initials(first, middle), last]) if last else ""


def _short_name(last: str, first: str, middle: str) -> str:
    """«Антонова И. Г.» with non-breaking spaces, so a name never splits over two lines."""
    return NBSP.join([last, *initials(first, middle)]) if last else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def content_lines(content: str) -> tuple[str, ...]:
    """The event's sub-steps, one per line, blank lines dropped («1. …» numbering kept)."""
    return tuple(line.strip() for line in (content or "").splitlines() if line.strip())


def split_number(line: str) -> tuple[str, str]:
    """«1. Сбор анкет» → ('1.', 'Сбор анкет'); a line without a number → ('', line)."""
    match = _NUMBERED.match(line)
    return (match.group(1), match.group(2)) if match else ("", line)


def approval_lines(document: RoadmapDocument) -> list[str]:
    """The «УТВЕРЖДАЮ» stamp, line by line (plain text)."""
    order = document.order
    if order is None:
        order_line = BLANK_ORDER
    else:
        day = format_day(order.issued_on) if order.issued_on else "«___» ____________ 20___ г."
        order_line = f"Приказ от {day} № {order.number}"
    signature = document.director_signature or "И.\u00a0О.\u00a0Фамилия"
    return [
        "УТВЕРЖДАЮ",
        document.director_title,
        f"_______________ {signature}",
        order_line,
    ]


# --- from the database -------------------------------------------------------------------


def _responsible(event: RoadmapEvent, school: School, people: dict[int, Person]) -> str:
    lines: list[str] = []
    if event.responsible_role is ResponsibleRole.DIRECTOR:
        lines.append("Директор")  # «руководитель ОО» in the program; the school says «директор»
    elif event.responsible_role is not None:
        lines.append(_capitalised(event.responsible_role.label))
    person = people.get(event.responsible_person_id or -1)
    if person is not None:
        name = _short_name(person.last_name, person.first_name, person.middle_name)
        lines.append(name)
    elif event.responsible_role is ResponsibleRole.CURATOR:
        lines.append(
            _short_name(
                school.curator_last_name, school.curator_first_name, school.curator_middle_name
            )
        )
    elif event.responsible_role is ResponsibleRole.DIRECTOR:
        lines.append(
            _short_name(
                school.director_last_name, school.director_first_name, school.director_middle_name
            )
        )
    return "\n".join(line for line in lines if line)


def _pick_year(store: Store, year_title: str | None) -> AcademicYear:
    if year_title is None:
        year = current_year(store)
        if year is None:
            raise ExportError("В базе нет ни одного учебного года: сначала заведите учебный год.")
        return year
    wanted = " ".join(year_title.split()).replace("-", "/")
    year = next((y for y in list_years(store) if y.title == wanted), None)
    if year is None:
        raise ExportError(f"Учебного года {year_title} нет в базе.")
    return year


def approval_order(store: Store, year_id: int) -> ApprovalOrder | None:
    """The order that approved the year's roadmap: a numbered «Дорожная карта» entry of the
    register, else the order approving the Положение, programme and roadmap; the latest wins."""
    with store.session() as session:
        found = session.exec(
            select(IssuedDocument).where(
                IssuedDocument.year_id == year_id,
                col(IssuedDocument.kind).in_(
                    [DocumentKind.ROADMAP, DocumentKind.ORDER_REGULATIONS]
                ),
            )
        ).all()
    numbered = [d for d in found if d.number.strip()]
    if not numbered:
        return None

    def rank(doc: IssuedDocument) -> tuple[int, date, int]:
        return (
            int(doc.kind is DocumentKind.ROADMAP),
            doc.issued_on or date.min,
            doc.id or 0,
        )

    best = max(numbered, key=rank)
    return ApprovalOrder(number=best.number.strip(), issued_on=best.issued_on)


def build_roadmap_document(store: Store, year_title: str | None = None) -> RoadmapDocument:
    """Read the school, the year's roadmap and its approving order into a RoadmapDocument.

    Args:
        store: the open data file.
        year_title: «2025/2026»; the current year when None.

    Raises:
        ExportError: with a Russian message when there is no school or no such year.
    """
    school = get_school(store)
    if school is None:
        raise ExportError("В базе нет сведений о школе: заполните профиль школы.")
    year = _pick_year(store, year_title)
    assert year.id is not None
    with store.session() as session:
        events = list(
            session.exec(
                select(RoadmapEvent)
                .where(RoadmapEvent.year_id == year.id)
                .order_by(col(RoadmapEvent.stage), col(RoadmapEvent.position), col(RoadmapEvent.id))
            ).all()
        )
        person_ids = {e.responsible_person_id for e in events if e.responsible_person_id}
        people = {
            p.id: p
            for p in session.exec(select(Person).where(col(Person.id).in_(person_ids))).all()
            if p.id is not None
        }
    rows: list[StageRow | EventRow] = []
    for stage in sorted({e.stage for e in events}):
        try:
            title = RoadmapStage(stage).label
        except ValueError:
            title = "Другие мероприятия"
        rows.append(StageRow(stage, title))
        mine = [e for e in events if e.stage == stage]
        for index, event in enumerate(mine, start=1):
            rows.append(
                EventRow(
                    number=f"{stage}.{index}",
                    name=" ".join(event.name.split()),
                    content=content_lines(event.content),
                    period=period_text(event.period_label, event.start_date, event.end_date, year),
                    responsible=_responsible(event, school, people),
                    result=" ".join(event.result.split()),
                )
            )
    return RoadmapDocument(
        school_full_name=school.full_name,
        school_short_name=school.short_name,
        director_signature=initials_signature(
            school.director_last_name, school.director_first_name, school.director_middle_name
        ),
        year_title=year.title,
        order=approval_order(store, year.id),
        rows=tuple(rows),
    )
