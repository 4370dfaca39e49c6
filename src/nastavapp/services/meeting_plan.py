"""Which meetings of the standard sequence were held: each planned meeting is matched with a
meeting of the log by date, not by counting the meetings of each type.

A logged meeting counts for the planned meeting nearest to it by date (halfway between two, for
either of them); each logged meeting counts for one planned meeting at most, and a planned
meeting whose day has not come yet is never held. Among the ways to match, the one that marks
the most planned meetings held wins, then the one whose dates are closest. The type does not
matter: an «организационная» held on the day of the planned «пробная рабочая» still shows that
the pair met then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .meetings import MeetingRecord, PlannedMeeting


def _fits(plan: Sequence[PlannedMeeting], i: int, day: date, today: date) -> bool:
    """``day`` is no farther from plan[i] than from the planned meetings beside it."""
    if plan[i].day > today:
        return False
    off = abs((day - plan[i].day).days)
    around = [plan[k].day for k in (i - 1, i + 1) if 0 <= k < len(plan)]
    return all(off <= abs((day - other).days) for other in around)


def match_plan(
    plan: Sequence[PlannedMeeting], held: Sequence[MeetingRecord], today: date
) -> list[MeetingRecord | None]:
    """For each planned meeting, the logged meeting that counts for it, or ``None``.

    Args:
        plan: the standard sequence, in order of its days.
        held: the meeting log of the pair/group, in any order.
        today: planned meetings after this day are never held.
    """
    log = sorted(held, key=lambda r: (r.meeting_date, r.id))
    n, m = len(plan), len(log)
    fits = [[_fits(plan, i, log[j].meeting_date, today) for j in range(m)] for i in range(n)]
    # best[i][j]: (planned meetings held, minus the days between the dates) for plan[i:], log[j:]
    best = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if fits[i][j]:
                held_after, off_after = best[i + 1][j + 1]
                off = abs((log[j].meeting_date - plan[i].day).days)
                score = max(score, (held_after + 1, off_after - off))
            best[i][j] = score
    found: list[MeetingRecord | None] = [None] * n
    i = j = 0
    while i < n and j < m:
        if fits[i][j]:
            held_after, off_after = best[i + 1][j + 1]
            off = abs((log[j].meeting_date - plan[i].day).days)
            if best[i][j] == (held_after + 1, off_after - off):
                found[i] = log[j]
                i, j = i + 1, j + 1
                continue
        if best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return found
