"""Matching of mentors and mentees (stage 5): proposals with scores and reasons in words.

Nothing is stored here: the curator accepts, changes or rejects the proposals, and only then
the pairs service creates pairs and groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...models.vocab import MentoringForm
from ...store import Store
from .assignment import assign
from .pool import Candidate, Pool, load_pool
from .scoring import Score, hard_rule_broken, score_pair
from .weights import RULES, WEIGHTS

__all__ = [
    "RULES",
    "WEIGHTS",
    "Candidate",
    "MatchResult",
    "Proposal",
    "Unmatched",
    "alternatives",
    "propose",
    "propose_for_pool",
]


@dataclass(frozen=True)
class Proposal:
    mentee: Candidate
    mentor: Candidate
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Unmatched:
    mentee: Candidate
    reason: str


@dataclass(frozen=True)
class MatchResult:
    form: MentoringForm
    proposals: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]
    mentors: tuple[Candidate, ...]


def _score_table(pool: Pool, today: date) -> list[list[Score | None]]:
    return [
        [
            None
            if hard_rule_broken(mentor, mentee, pool.form, today)
            else score_pair(mentor, mentee, pool.preferences, today)
            for mentor in pool.mentors
        ]
        for mentee in pool.mentees
    ]


def propose_for_pool(pool: Pool, today: date) -> MatchResult:
    table = _score_table(pool, today)
    chosen = assign(
        [[s.points if s else None for s in row] for row in table],
        [mentor.free for mentor in pool.mentors],
    )
    proposals, unmatched = [], []
    for mentee, row, j in zip(pool.mentees, table, chosen, strict=True):
        if j is None:
            why = (
                "нет наставника, подходящего по форме и возрасту"
                if all(s is None for s in row)
                else "все подходящие наставники заняты"
            )
            unmatched.append(Unmatched(mentee, why))
            continue
        score = row[j]
        assert score is not None
        proposals.append(Proposal(mentee, pool.mentors[j], score.points, score.reasons))
    proposals.sort(key=lambda p: (-p.score, p.mentee.name))
    return MatchResult(pool.form, tuple(proposals), tuple(unmatched), pool.mentors)


def propose(store: Store, year_id: int, form: MentoringForm, today: date) -> MatchResult:
    """Proposals for every mentee of ``form`` still without a pair in the year."""
    with store.session() as session:
        pool = load_pool(session, year_id, form)
    return propose_for_pool(pool, today)


def alternatives(pool: Pool, mentee: Candidate, today: date) -> list[tuple[Candidate, Score]]:
    """Every mentor who may take ``mentee``, best first (for changing a proposal by hand)."""
    found = [
        (mentor, score_pair(mentor, mentee, pool.preferences, today))
        for mentor in pool.mentors
        if not hard_rule_broken(mentor, mentee, pool.form, today)
    ]
    return sorted(found, key=lambda pair: (-pair[1].points, pair[0].name))
