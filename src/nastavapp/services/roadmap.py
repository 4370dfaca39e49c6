"""The standard roadmap (дорожная карта) template and a year's roadmap made from it.

The template lives in ``resources/roadmap/template.json`` (package ``nastavapp.resources``):
seven stages and their events, with periods written as schools write them («Октябрь–ноябрь»,
«В течение года»). ``period_dates`` turns such a label into dates of a given academic year.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlmodel import Session

from ..models import AcademicYear
from ..models.roadmap import RoadmapEvent
from ..models.vocab import EventStatus, ResponsibleRole, RoadmapStage
from ..resource_files import resource

TEMPLATE_FORMAT_VERSION = 1

# Rules that may complete an event from the data; the rules themselves live elsewhere.
AUTO_RULES: frozenset[str] = frozenset(
    {
        "mentees_exist",
        "mentors_exist",
        "mentors_trained",
        "pairs_approved",
        "meetings_held",
        "final_questionnaires",
    }
)


class TemplateError(ValueError):
    """The template file is malformed."""


@dataclass(frozen=True)
class TemplateStage:
    """A stage of the roadmap: what the curator does and what shows it is done."""

    number: int
    task: str
    result: str

    @property
    def title(self) -> str:
        return RoadmapStage(self.number).label


@dataclass(frozen=True)
class TemplateEvent:
    """A standard roadmap event; ``content`` holds the sub-steps without numbers."""

    code: str
    stage: int
    name: str
    content: tuple[str, ...]
    period: str
    responsible: ResponsibleRole
    result: str
    auto: str | None
    sources: tuple[str, ...]

    def numbered_content(self) -> str:
        """Sub-steps as «1. …» lines joined with newlines."""
        return "\n".join(f"{i}. {line}" for i, line in enumerate(self.content, start=1))


@dataclass(frozen=True)
class RoadmapTemplate:
    format_version: int
    stages: tuple[TemplateStage, ...]
    events: tuple[TemplateEvent, ...]

    def stage_events(self, stage: int) -> tuple[TemplateEvent, ...]:
        return tuple(e for e in self.events if e.stage == stage)

    def event(self, code: str) -> TemplateEvent | None:
        return next((e for e in self.events if e.code == code), None)


def _template_text() -> str:
    return resource("roadmap", "template.json").read_text(encoding="utf-8")


def _parse_event(raw: dict[str, Any]) -> TemplateEvent:
    auto = raw.get("auto") or None
    if auto is not None and auto not in AUTO_RULES:
        raise TemplateError(f"Unknown auto rule {auto!r} in event {raw.get('code')!r}")
    stage = int(raw["stage"])
    if stage not in {s.value for s in RoadmapStage}:
        raise TemplateError(f"Bad stage {stage} in event {raw.get('code')!r}")
    return TemplateEvent(
        code=str(raw["code"]),
        stage=stage,
        name=str(raw["name"]),
        content=tuple(str(line) for line in raw.get("content", [])),
        period=str(raw.get("period", "")),
        responsible=ResponsibleRole(raw["responsible"]),
        result=str(raw.get("result", "")),
        auto=auto,
        sources=tuple(str(s) for s in raw.get("sources", [])),
    )


def parse_template(data: dict[str, Any]) -> RoadmapTemplate:
    """Build a RoadmapTemplate from the decoded JSON; raises TemplateError if it is wrong."""
    try:
        version = int(data["format_version"])
        stages = tuple(
            TemplateStage(int(s["number"]), str(s["task"]), str(s["result"]))
            for s in data["stages"]
        )
        events = tuple(_parse_event(e) for e in data["events"])
    except (KeyError, TypeError, ValueError) as exc:
        raise TemplateError(f"Roadmap template is malformed: {exc}") from exc
    if version != TEMPLATE_FORMAT_VERSION:
        raise TemplateError(f"Unsupported roadmap template format {version}")
    codes = [e.code for e in events]
    if len(set(codes)) != len(codes):
        raise TemplateError("Roadmap template has duplicate event codes")
    return RoadmapTemplate(version, stages, events)


@cache
def load_template() -> RoadmapTemplate:
    """The standard roadmap template shipped with the program (read once)."""
    return parse_template(json.loads(_template_text()))


# --- periods -----------------------------------------------------------------------------

_MONTH_FORMS = (  # nominative and genitive, January first
    "январь января",
    "февраль февраля",
    "март марта",
    "апрель апреля",
    "май мая",
    "июнь июня",
    "июль июля",
    "август августа",
    "сентябрь сентября",
    "октябрь октября",
    "ноябрь ноября",
    "декабрь декабря",
)
_MONTHS: dict[str, int] = {
    form: number for number, forms in enumerate(_MONTH_FORMS, start=1) for form in forms.split()
}
_WHOLE_YEAR = {"в течение года", "в течение учебного года", "весь год", "постоянно"}
_NOISE = re.compile(r"\(?\s*ежегодно\s*\)?|\b(?:19|20)\d{2}\s*(?:г\.?|года?)?(?!\w)")
_DASHES = re.compile(r"\s*[-‐‑‒–—]+\s*")
_RANGE = re.compile(r"^(?P<first>[а-я]+)(?:-(?P<last>[а-я]+))?$")


def _month_start(month: int, year_start: date) -> date:
    """First day of ``month`` inside the academic year beginning on ``year_start``."""
    year = year_start.year if month >= year_start.month else year_start.year + 1
    return date(year, month, 1)


def _month_end(month: int, year_start: date) -> date:
    first = _month_start(month, year_start)
    return date(first.year, month, calendar.monthrange(first.year, month)[1])


def period_dates(period: str, year_start: date) -> tuple[date | None, date | None]:
    """«Октябрь–ноябрь» in the year starting ``year_start`` → (01.10, 30.11); unknown → (None, None).

    Months from September on fall in the first calendar year, January to August in the second;
    «В течение года» is the whole academic year; «ежегодно», years and «г.» are ignored.
    """
    try:
        text = (period or "").lower().replace("ё", "е")
        text = _NOISE.sub(" ", text)
        text = " ".join(text.replace(",", " ").replace(".", " ").split())
        if text in _WHOLE_YEAR:
            return year_start, year_start.replace(year=year_start.year + 1) - timedelta(days=1)
        match = _RANGE.match(_DASHES.sub("-", text))
        if not match:
            return None, None
        first = _MONTHS.get(match.group("first"))
        last = _MONTHS.get(match.group("last") or match.group("first"))
        if first is None or last is None:
            return None, None
        start, end = _month_start(first, year_start), _month_end(last, year_start)
        if end < start:  # «Август–сентябрь»: the August before the year begins
            start = start.replace(year=start.year - 1)
        return start, end
    except (ValueError, TypeError, AttributeError):
        return None, None


# --- a year's roadmap --------------------------------------------------------------------


def create_year_roadmap(session: Session, year: AcademicYear) -> list[RoadmapEvent]:
    """Add the template's events to ``session`` as ``year``'s roadmap (not committed)."""
    if year.id is None:
        raise ValueError("The academic year must be flushed (have an id) before its roadmap")
    template = load_template()
    created: list[RoadmapEvent] = []
    for stage in sorted({e.stage for e in template.events}):
        for position, item in enumerate(template.stage_events(stage), start=1):
            start, end = period_dates(item.period, year.start_date)
            event = RoadmapEvent(
                year_id=year.id,
                stage=stage,
                position=position,
                template_code=item.code,
                name=item.name,
                content=item.numbered_content(),
                period_label=item.period,
                start_date=start,
                end_date=end,
                responsible_role=item.responsible,
                result=item.result,
                status=EventStatus.NOT_STARTED,
            )
            session.add(event)
            created.append(event)
    return created
