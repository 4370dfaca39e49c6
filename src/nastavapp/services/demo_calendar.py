"""The calendar of one academic year of the demonstration school.

The year is played out on a fixed calendar (orders in September, bases in September, the
«Школа наставников» at the turn of September and October, pairs approved by an order in early
October, meetings until May, results in May) and then cut at ``today``: whatever falls after
it has not happened yet.
"""

from __future__ import annotations

import random
from datetime import date, timedelta


def weekday(day: date) -> date:
    """``day`` or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class YearCalendar:
    """Milestones of an academic year and random dates inside it, none after ``today``."""

    def __init__(
        self, rng: random.Random, start: date, today: date, *, year_id: int, offset: int
    ) -> None:
        self.rng = rng
        self.year_id = year_id
        self.offset = offset  # 0 for the current year, 1 for the one before
        self.start = start  # 1 September
        self.end = date(start.year + 1, 8, 31)
        self.now = today  # the day the school is shown on
        self.today = min(today, self.end)  # the last day of this year that has happened
        y = start.year
        self.order_intro = weekday(date(y, 9, 1))
        self.order_regulations = weekday(self.order_intro + timedelta(days=rng.randint(2, 4)))
        self.mentee_window = (date(y, 9, 5), date(y, 9, 26))
        self.mentor_window = (date(y, 9, 8), date(y, 9, 20))
        self.interview_window = (date(y, 9, 16), date(y, 9, 26))
        first_lesson = weekday(date(y, 9, rng.randint(22, 24)))
        self.training = (first_lesson, first_lesson + timedelta(days=7))
        self.ready = weekday(self.training[1] + timedelta(days=1))
        self.matching = weekday(self.training[1] + timedelta(days=2))
        pairs_day = max(date(y, 10, rng.randint(2, 7)), self.matching + timedelta(days=2))
        self.order_pairs = weekday(pairs_day)
        self.late_window = (date(y, 11, 1), date(y, 11, 18))
        self.planned_end = date(y + 1, 5, 31)
        self.completion_window = (date(y + 1, 5, 14), date(y + 1, 5, 27))
        self.final_answers_window = (date(y + 1, 5, 12), date(y + 1, 5, 26))
        self.order_final_event = weekday(date(y + 1, 5, rng.randint(12, 15)))
        self.order_reward = weekday(date(y + 1, 5, rng.randint(27, 29)))

    @property
    def is_current(self) -> bool:
        return self.offset == 0

    def happened(self, day: date | None) -> bool:
        return day is not None and day <= self.today

    def pick(self, first: date, last: date) -> date:
        """A random day in [first, last] (the bounds may be in either order)."""
        if last < first:
            first, last = last, first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def pick_weekday(self, first: date, last: date) -> date:
        return weekday(self.pick(first, last))

    def pick_until_today(self, first: date, last: date) -> date | None:
        """A random day in [first, min(last, today)], or None when ``first`` is still ahead."""
        if first > self.today:
            return None
        return self.pick(first, min(last, self.today))

    def clamp(self, day: date) -> date:
        """``day`` moved into [start of the year, today]."""
        return max(self.start, min(day, self.today))
