"""Dates of a pair's work: the default end, working days, evenly spread planned dates."""

from __future__ import annotations

from datetime import date, timedelta


def school_year_end(year_end: date) -> date:
    """The day pairs work up to by default: 25 May of the academic year (not 31 August)."""
    return min(year_end, date(year_end.year, 5, 25))


def working_day(day: date) -> date:
    """``day`` moved off the weekend and the New Year holidays (31 December – 8 January) to the
    next working day."""
    if (day.month, day.day) == (12, 31):
        day = date(day.year + 1, 1, 1)
    if day.month == 1 and day.day <= 8:
        day = date(day.year, 1, 9)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def spread(first: date, last: date, count: int) -> list[date]:
    """``count`` working days spread evenly from ``first`` to ``last`` (planned dates)."""
    if count <= 0:
        return []
    span = max(0, (last - first).days)
    step = span / (count - 1) if count > 1 else 0
    return [working_day(first + timedelta(days=round(i * step))) for i in range(count)]
