"""«Программа наставничества <школа> на <год> учебный год»: the draft, the Положение's sibling.

The same engine as the Положение (:mod:`.regulations`) fills ``resources/regulations/
programma.json``; this module adds only what the programme says and the Положение does not:

- ``stage_plan``: the seven stages of the roadmap by their names, each with the year's dates
  where the roadmap has them (the earliest start and the latest end of its events: «сентябрь
  2025», «в течение года»), what is done and the result;
- ``participants``: the year's pairs and groups by form (mentors and mentees), as the report
  counts them, when there are any (flag ``pairs``); ``{base_mentors}``, ``{base_mentees}``: the
  people in the year's bases; ``{today}``: the day the figures are counted on.

The approval stamp takes the same order as the Положение («Об утверждении Положения…,
программы…» approves both).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from ...models import AcademicYear
from ...models.vocab import RoadmapStage
from ...store import Store
from ..counts import basic_counts
from ..pair_views import list_groups
from ..progress import year_events
from .regulations import Lists, RegulationsDraft, build_draft, draft_file_name, export_draft
from .regulations import template as act_template
from .report_content import form_rows
from .roadmap_rows import period_text

PROGRAMMA = "programma"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def stage_periods(store: Store, year: AcademicYear) -> dict[RoadmapStage, str]:
    """«сентябрь 2025», «в течение года» … for the stages whose events have dates."""
    events = year_events(store, int(year.id or 0))
    periods = {}
    for stage in RoadmapStage:
        starts = [e.start_date for e in events if e.stage == stage.value and e.start_date]
        ends = [e.end_date for e in events if e.stage == stage.value and e.end_date]
        start, end = (min(starts) if starts else None), (max(ends) if ends else None)
        text = period_text("", start, end, year) if start or end else ""
        if text:
            periods[stage] = _lower_first(text)
    return periods


def _stage_plan(store: Store, year: AcademicYear) -> list[str]:
    texts = act_template(PROGRAMMA)["stages"]
    periods = stage_periods(store, year)
    lines = []
    for stage in RoadmapStage:
        when = f" ({periods[stage]})" if stage in periods else ""
        about = texts[str(stage.value)]
        lines.append(
            f"Этап {stage.value} «{stage.label}»{when}: {about['content']}. "
            f"Результат: {about['result']}."
        )
    return lines


def _participants(
    store: Store, year: AcademicYear, values: dict[str, Any]
) -> tuple[Lists, set[str]]:
    counts = basic_counts(store, year)
    values["base_mentors"] = counts["mentors"]
    values["base_mentees"] = counts["mentees"]
    cards = [c for c in list_groups(store, int(year.id or 0)) if c.is_live]
    rows = [row for row in form_rows(cards) if row.mentors or row.mentees]
    lines = []
    for row in rows:
        parts = [("наставников", row.mentors), ("наставляемых", row.mentees)]
        parts += [("пар", row.pairs), ("групп", row.groups)]
        shown = ", ".join(f"{what} — {count}" for what, count in parts if count)
        lines.append(f"«{row.form.label}»: {shown}")
    return {"participants": lines}, ({"pairs"} if lines else {"no_pairs"})


def build_programme(store: Store, *, today: date, year_id: int | None = None) -> RegulationsDraft:
    """The programme of the school for the year (the current one by default).

    Raises:
        RegulationsError: no school or no academic year (Russian).
    """

    def extra(year: AcademicYear, values: dict[str, Any]) -> tuple[Lists, set[str]]:
        values["today"] = f"{today:%d.%m.%Y}"
        lists, flags = _participants(store, year, values)
        lists["stage_plan"] = _stage_plan(store, year)
        return lists, flags

    return build_draft(store, PROGRAMMA, today=today, year_id=year_id, extra=extra)


def programme_file_name(school_short: str, year_title: str) -> str:
    """«Программа_наставничества_МБОУ_Сосновская_СОШ_2025-2026.docx»"""
    return draft_file_name("Программа_наставничества", school_short, year_title)


def export_programme(
    store: Store, target: Path | str, *, today: date, year_id: int | None = None
) -> Path:
    """The programme written to ``target`` as :func:`.regulations.export_draft` writes acts."""
    build = partial(build_programme, store, today=today, year_id=year_id)
    return export_draft(target, PROGRAMMA, build)
