"""The optimal assignment of mentees to mentors under the mentors' capacities.

Each mentor is copied once per free place and the Hungarian method (scipy's
``linear_sum_assignment``) picks the assignment that first matches as many mentees as possible
and then maximises the total score — not greedy first-come, which can leave a mentee without
the only mentor who fits him.
"""

from __future__ import annotations

from collections.abc import Sequence

MATCH_BONUS = 100_000  # any compatible pair outweighs every score: the count comes first
FORBIDDEN = 10**9


def assign(scores: Sequence[Sequence[int | None]], capacities: Sequence[int]) -> list[int | None]:
    """``scores[i][j]``: score of mentor j for mentee i, None when they cannot be paired.

    Returns for each mentee the index of its mentor, or None when it stays unpaired.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    mentees = len(scores)
    if mentees == 0:
        return []
    slots = [j for j, places in enumerate(capacities) for _ in range(max(0, places))]
    cost = np.full((mentees, len(slots) + mentees), float(FORBIDDEN))
    cost[:, len(slots) :] = 0.0  # one «no mentor» column per mentee
    for i, row in enumerate(scores):
        for k, j in enumerate(slots):
            value = row[j]
            if value is not None:
                cost[i, k] = -(MATCH_BONUS + value)
    rows, columns = linear_sum_assignment(cost)
    result: list[int | None] = [None] * mentees
    for i, k in zip(rows, columns, strict=True):
        if k < len(slots) and cost[i, k] < 0:
            result[int(i)] = slots[int(k)]
    return result
