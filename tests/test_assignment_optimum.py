"""The matching's assignment against an independent oracle: scipy's Hungarian method.

The program solves the capacitated assignment itself (no scipy in the installed program); here
every mentor is copied once per place, with one «no mentor» column per mentee, and scipy's
``linear_sum_assignment`` gives the optimum. Both must match the same number of mentees with the
same total score (the pairs themselves may differ where scores tie), within the capacities.
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from nastavapp.services.matching.assignment import MATCH_BONUS, assign

Scores = list[list[int | None]]


def oracle_value(scores: Scores, capacities: list[int]) -> tuple[int, int]:
    """(mentees matched, total score) of an optimal assignment, by scipy."""
    mentees = len(scores)
    slots = [j for j, places in enumerate(capacities) for _ in range(places)]
    if mentees == 0:
        return 0, 0
    cost = np.zeros((mentees, len(slots) + mentees))
    cost[:, : len(slots)] = 10.0**12
    for i, row in enumerate(scores):
        for k, j in enumerate(slots):
            if row[j] is not None:
                cost[i, k] = -(MATCH_BONUS + row[j])
    rows, columns = linear_sum_assignment(cost)
    pairs = zip(rows, columns, strict=True)
    chosen = [(i, slots[k]) for i, k in pairs if k < len(slots) and cost[i, k] < 0]
    return len(chosen), sum(scores[i][j] or 0 for i, j in chosen)


def value(scores: Scores, capacities: list[int], chosen: list[int | None]) -> tuple[int, int]:
    assert len(chosen) == len(scores)
    load = [0] * len(capacities)
    matched = total = 0
    for i, j in enumerate(chosen):
        if j is None:
            continue
        assert scores[i][j] is not None, f"mentee {i} given mentor {j}, who may not take him"
        load[j] += 1
        matched += 1
        total += scores[i][j] or 0
    assert all(used <= places for used, places in zip(load, capacities, strict=True))
    return matched, total


@st.composite
def problems(draw: st.DrawFn) -> tuple[Scores, list[int]]:
    mentors = draw(st.integers(0, 7))
    capacities = draw(st.lists(st.integers(0, 3), min_size=mentors, max_size=mentors))
    score = st.one_of(st.none(), st.integers(0, 40))
    row = st.lists(score, min_size=mentors, max_size=mentors)
    return draw(st.lists(row, max_size=14)), capacities


@settings(max_examples=400, deadline=None)
@given(problems())
def test_same_optimum_as_the_hungarian_method(problem: tuple[Scores, list[int]]) -> None:
    scores, capacities = problem
    assert value(scores, capacities, assign(scores, capacities)) == oracle_value(scores, capacities)


def test_same_optimum_on_a_crowded_school() -> None:
    """300 pupils for 60 seniors, most of them wanting the same ten: long chains of moves."""
    rng = random.Random(7)
    scores: Scores = [
        [
            rng.randint(0, 60) + (150 if j < 10 else 0) if rng.random() < 0.85 else None
            for j in range(60)
        ]
        for _ in range(300)
    ]
    capacities = [rng.randint(1, 4) for _ in range(60)]
    chosen = assign(scores, capacities)
    assert value(scores, capacities, chosen) == oracle_value(scores, capacities)
    assert sum(j is not None for j in chosen) == sum(capacities)  # every place is used


def test_ties_and_edge_cases() -> None:
    assert assign([], [1, 2]) == []
    assert assign([[None, None]], [1, 1]) == [None]
    assert assign([[3, 3], [3, 3], [3, 3]], [1, 1]).count(None) == 1
    assert assign([[7]], [-1]) == [None]  # a negative «free places» counts as none
