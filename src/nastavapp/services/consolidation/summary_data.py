"""The summary's own «data» sheet: the municipality reported the way a school reports.

The same keys as a school's «data» sheet (``services/report_data.py``): summed counts, summed
``indicator_counts`` and the shares computed from them, with the municipality's identity in
``school.*``, so that a region merges municipalities with this same program. ``level`` says it
is a summary; ``schools.*`` how many schools it covers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ... import __version__
from ..report_data import FORMAT_VERSION, Value, flatten
from .figures import INDICATORS
from .store_reports import MUNICIPAL_LEVEL
from .summary import Summary


def _nest(flat: dict[str, int]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        node = nested
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


def municipal_figures(summary: Summary, now: datetime | None = None) -> dict[str, Any]:
    """Everything the summary's «data» sheet holds, nested like ``report_figures``."""
    totals = summary.totals
    counts = _nest({k: v for k, v in totals.counts.items() if not k.startswith("indicator_")})
    shares: dict[str, float | None] = {}
    for spec in INDICATORS:
        if spec.share_key is not None:
            shares[spec.share_key.split(".", 1)[1]] = totals.share(spec.key)
    shares["satisfaction_mentees"] = totals.satisfaction.get("satisfaction_mentees")
    shares["satisfaction_mentors"] = totals.satisfaction.get("satisfaction_mentors")
    ratio_counts = {
        spec.key: {
            "numerator": totals.ratio(spec.key).numerator,
            "denominator": totals.ratio(spec.key).denominator,
        }
        for spec in INDICATORS
    }
    _first, last = summary.reference_dates
    centre = summary.centre
    return {
        "format_version": FORMAT_VERSION,
        "program_version": __version__,
        "generated_at": (now or datetime.now()).replace(microsecond=0).isoformat(),
        "level": MUNICIPAL_LEVEL,
        "year": summary.year,
        **counts,
        "indicators": shares,
        "indicator_counts": ratio_counts,
        "schools": {
            "reported": totals.schools,
            "expected": summary.expected,
            "missing": len(summary.missing),
        },
        "reference_date": (last or summary.made_on).isoformat(),
        "school": {
            "full_name": centre.name or centre.municipality or "Муниципальное образование",
            "short_name": centre.short_name,
            "municipality": centre.municipality,
            "code": centre.code,
        },
    }


def municipal_rows(summary: Summary, now: datetime | None = None) -> list[tuple[str, Value]]:
    """The rows of the summary's «data» sheet, header excluded."""
    return flatten(municipal_figures(summary, now))
