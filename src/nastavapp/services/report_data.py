"""The machine-readable part of the school's report: the «data» sheet the municipality merges.

One key/value row per figure, keyed by the names of ``nastavapp stats --json`` with dots for
nesting (``persons.students``, ``indicators.share_mentees_10_19``,
``groups_by_form.student_student``, ``indicator_counts.mentees_10_19.numerator`` …), plus the
school's identity and the format version. The school's report writer and the municipal reader
both use this module, so the two ends cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .. import __version__
from ..store import Store
from .school import get_school
from .stats import collect_stats

FORMAT_VERSION = 1
DATA_SHEET = "data"
HEADER = ("key", "value")
IDENTITY_KEYS = ("school.full_name", "school.short_name", "school.municipality", "school.code")
# Keys that are not figures of the year (the identity, the file's own facts).
META_KEYS = ("format_version", "program_version", "generated_at", "schema_version")

Value = str | int | float | None


def flatten(figures: dict[str, Any], prefix: str = "") -> list[tuple[str, Value]]:
    """{"persons": {"students": 3}} → [("persons.students", 3)], in the dictionary's order."""
    rows: list[tuple[str, Value]] = []
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(flatten(value, f"{name}."))
        else:
            rows.append((name, value))
    return rows


def unflatten(rows: list[tuple[str, Value]]) -> dict[str, Any]:
    """The inverse of :func:`flatten`."""
    result: dict[str, Any] = {}
    for key, value in rows:
        node = result
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return result


def report_figures(
    store: Store, reference_date: date, year_title: str | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Everything the «data» sheet holds, as one nested dictionary (stats + identity + meta).

    Raises:
        LookupError: with a Russian message when there is no school or no such year.
    """
    school = get_school(store)
    if school is None:
        raise LookupError("В базе нет сведений о школе: заполните их при первом запуске.")
    figures = collect_stats(store, year_title, today=reference_date)
    school_part = {
        "full_name": school.full_name,
        "short_name": school.short_name,
        "municipality": school.municipality,
        "code": school.code,
    }
    return {
        "format_version": FORMAT_VERSION,
        "program_version": __version__,
        "generated_at": (now or datetime.now()).replace(microsecond=0).isoformat(),
        **{k: v for k, v in figures.items() if k != "school"},
        "school": school_part,
    }


def data_rows(
    store: Store, reference_date: date, year_title: str | None = None, now: datetime | None = None
) -> list[tuple[str, Value]]:
    """The rows of the «data» sheet, header excluded."""
    return flatten(report_figures(store, reference_date, year_title, now))
