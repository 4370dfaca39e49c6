"""Matching of 500 mentees with 150 mentors (goal ≤ 2 s): median of several runs.

Run: python benchmarks/bench_matching.py
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

import large_school as ls

from nastavapp.models.vocab import MentoringForm, MentorStatus, PersonCategory
from nastavapp.services.matching import propose_for_pool
from nastavapp.services.matching.pool import Candidate, Pool

TOPICS = [
    "математика",
    "русский язык",
    "физика",
    "адаптация",
    "профориентация",
    "химия",
    "английский язык",
    "олимпиада по биологии",
    "проектная деятельность",
    "история",
]


def make_pool(mentees: int, mentors: int, seed: int = 1) -> Pool:
    rng = random.Random(seed)
    today = date(2025, 11, 20)

    def born(age: int) -> date:
        return date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))

    pupils = tuple(
        Candidate(
            i,
            f"Наставляемый {i}",
            PersonCategory.STUDENT,
            born(rng.randint(10, 14)),
            f"{rng.randint(4, 8)}А",
            "",
            tuple(rng.sample(TOPICS, 2)),
        )
        for i in range(mentees)
    )
    seniors = tuple(
        Candidate(
            10_000 + j,
            f"Наставник {j}",
            PersonCategory.STUDENT,
            born(rng.randint(15, 17)),
            f"{rng.randint(9, 11)}Б",
            "",
            tuple(rng.sample(TOPICS, 3)),
            rng.choice(list(MentorStatus)),
            rng.randint(1, 4),
        )
        for j in range(mentors)
    )
    preferences = frozenset(
        (rng.randrange(mentees), 10_000 + rng.randrange(mentors)) for _ in range(mentees // 2)
    )
    return Pool(MentoringForm.STUDENT_STUDENT, pupils, seniors, preferences)


def main() -> None:
    pool = make_pool(500, 150)
    propose_for_pool(make_pool(5, 3), date(2025, 11, 20))  # warm-up
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = propose_for_pool(pool, date(2025, 11, 20))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"matching 500 × 150: median {median:.3f} s over {len(times)} runs "
        f"(goal ≤ 2 s, {median / 2:.2f} of the goal); "
        f"proposed {len(result.proposals)}, unmatched {len(result.unmatched)}"
    )
    ls.result(
        "matching 500 mentees × 150 mentors",
        f"median {median:.2f} s ({len(result.proposals)} proposed)",
        "≤ 2 s",
        median <= 2,
    )


if __name__ == "__main__":
    main()
