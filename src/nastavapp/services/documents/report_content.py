"""The report to the municipal centre as plain data, built once from the store for both files.

«Отчёт о реализации целевой модели наставничества»: the school, the year, the curator and the
reference date; the indicators with their definitions, counts and targets; pairs and groups by
form; the roadmap's progress; the participants' satisfaction; optionally the lists of pairs and of
participants. The machine-readable «data» rows come from :mod:`..report_data`, the one format
the municipal summary reads.

Personal data (152-ФЗ): the report carries figures only unless lists are asked for, and then only
people with a recorded consent are named; the others are counted («участник без согласия»).

The 70 % target («к 2024 году не менее 70 % обучающихся и педагогических работников … вовлечены
в различные формы наставничества») applies where ``indicators.target_of`` says: the involvement
of pupils and of teachers.

The parts are in :mod:`.report_parts`, the indicators' titles and definitions in
:mod:`.report_indicators`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from ...models.vocab import MentoringForm, RoadmapStage
from ...store import Store
from ..indicators import compute_indicators
from ..pair_views import GroupCard, list_groups
from ..progress import stage_progress
from ..report_data import flatten, report_figures
from ..school import curator_name, director_name, get_school
from ..settings import satisfied_threshold
from .errors import ExportError
from .report_indicators import TARGET_NOTE, indicator_rows
from .report_lists import build_lists
from .report_parts import (
    TITLE,
    CountLine,
    FormRow,
    IndicatorRow,
    ReportContent,
    SatisfactionLine,
    StageLine,
    number_text,
)
from .roadmap_rows import _pick_year, initials_signature

# the parts and the indicators, for the writers, the Положение and the tests
__all__ = [
    "TARGET_NOTE",
    "TITLE",
    "CountLine",
    "FormRow",
    "IndicatorRow",
    "Progress",
    "ReportContent",
    "SatisfactionLine",
    "StageLine",
    "build_report_content",
    "indicator_rows",
    "number_text",
]

Progress = Callable[[int, int], None]


# --- building ---------------------------------------------------------------------------------
def _person_line(last: str, first: str, middle: str, position: str) -> str:
    name = " ".join(p for p in (last, first, middle) if p)
    return f"{name}, {position}" if name and position else name


def build_report_content(
    store: Store,
    reference_date: date,
    year_title: str | None = None,
    *,
    with_lists: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> ReportContent:
    """Read the school's year into a :class:`ReportContent`.

    Args:
        store: the open data file.
        reference_date: the date at which ages and overdue events are counted.
        year_title: «2025/2026»; the current year when None.
        with_lists: add the lists of pairs and of participants (consented people by name).
        now: when the report is made (for tests); the clock when None.
        progress: called with (done, total) as the parts are read.

    Raises:
        ExportError: with a Russian message when there is no school or no such year.
    """
    report = progress or (lambda done, total: None)
    total = 5 if with_lists else 4
    school = get_school(store)
    if school is None:
        raise ExportError("В базе нет сведений о школе: заполните профиль школы.")
    year = _pick_year(store, year_title)
    assert year.id is not None
    made = now or datetime.now()
    try:
        figures = report_figures(store, reference_date, year.title, now=made)
    except LookupError as exc:
        raise ExportError(str(exc)) from exc
    report(1, total)
    threshold = satisfied_threshold(store)  # the school's own, as on «Показатели»
    found = compute_indicators(store, year.id, reference_date, threshold)
    cards = [c for c in list_groups(store, year.id) if c.is_live]
    lists = build_lists(store, year, reference_date, cards) if with_lists else None
    forms = form_rows(cards)
    report(2 if not with_lists else 3, total)
    stages = stage_progress(store, year.id, reference_date)
    current = RoadmapStage(int(figures["roadmap"]["current_stage"]))
    report(total - 1, total)
    curator, director = curator_name(school), director_name(school)
    content = ReportContent(
        school_full_name=school.full_name,
        school_short_name=school.short_name,
        municipality=school.municipality,
        school_code=school.code,
        curator=_person_line(curator.last, curator.first, curator.middle, school.curator_position),
        curator_signature=initials_signature(curator.last, curator.first, curator.middle),
        director_signature=initials_signature(director.last, director.first, director.middle),
        year_title=year.title,
        reference_date=reference_date,
        made_on=made.date(),
        indicators=indicator_rows(figures),
        forms=forms,
        counts=_counts(figures, found.completed_groups, len(found.partner_organizations)),
        partners=found.partner_organizations,
        stages=tuple(
            StageLine(p.stage.value, p.stage.label, p.total, p.done, p.overdue)
            for p in stages.values()
        ),
        current_stage=f"{current.value}. {current.label}",
        satisfaction=_satisfaction(figures, found),
        data=tuple(flatten(figures)),
        lists=lists,
        satisfied_from=threshold,
        forms_people=(
            len({c.mentor.id for c in cards}),
            len({m.id for c in cards for m in c.mentees}),
        ),
    )
    report(total, total)
    return content


def form_rows(cards: Sequence[GroupCard]) -> tuple[FormRow, ...]:
    rows = []
    for form in MentoringForm:
        mine = [c for c in cards if c.form is form]
        rows.append(
            FormRow(
                form,
                pairs=sum(len(c.mentees) <= 1 for c in mine),
                groups=sum(len(c.mentees) > 1 for c in mine),
                mentors=len({c.mentor.id for c in mine}),
                mentees=len({m.id for c in mine for m in c.mentees}),
            )
        )
    return tuple(rows)


def _counts(figures: dict[str, Any], completed: int, partners: int) -> tuple[CountLine, ...]:
    persons = figures["persons"]
    live = sum((figures.get("groups_by_form") or {}).values())
    return (
        CountLine("Обучающихся в школе", persons["students"]),
        CountLine("из них в возрасте 10–19 лет", figures["students_10_19"]),
        CountLine("из них в возрасте 15–19 лет", figures["students_15_19"]),
        CountLine("Педагогических работников", persons["teachers"]),
        CountLine("из них молодых специалистов", figures["young_specialists"]),
        CountLine("Внешних наставников (студенты, работодатели)", persons["external"]),
        CountLine("Наставников в базе наставников", figures["mentors"]),
        CountLine("Наставляемых в базе наставляемых", figures["mentees"]),
        CountLine("Наставнических пар и групп (кроме расформированных)", live),
        CountLine("из них завершили программу", completed),
        CountLine("Расформировано пар и групп", max(int(figures["groups"]) - live, 0)),
        CountLine("Наставляемых, оставшихся без пары", figures["unpaired_mentees"]),
        CountLine("Проведено встреч наставников и наставляемых", figures["meetings"]),
        CountLine("Организаций-партнёров, предоставивших наставников", partners),
        CountLine(
            "Участников без согласия на обработку персональных данных",
            figures["without_consent"],
        ),
    )


def _satisfaction(figures: dict[str, Any], found: Any) -> tuple[SatisfactionLine, ...]:
    counts = figures.get("indicator_counts") or {}
    lines = []
    for audience, key, measured in (
        ("Наставляемые", "satisfaction_mentees", found.satisfaction_mentees),
        ("Наставники", "satisfaction_mentors", found.satisfaction_mentors),
    ):
        count = counts.get(key, {})
        phase = measured.phase
        lines.append(
            SatisfactionLine(
                audience=audience,
                questionnaire=f"{phase.label} анкета" if phase is not None else "—",
                respondents=int(count.get("denominator", 0)),
                average=(figures.get("indicators") or {}).get(key),
                satisfied=int(count.get("numerator", 0)),
                satisfied_share=measured.satisfied_share,
            )
        )
    return tuple(lines)
