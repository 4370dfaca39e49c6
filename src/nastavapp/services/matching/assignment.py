"""The optimal assignment of mentees to mentors under the mentors' capacities.

It first matches as many mentees as possible and then maximises the total score — not greedy
first-come, which can leave a mentee without the only mentor who fits him.

Pure Python, no scipy: successive shortest paths (the Hungarian method generalised to
capacities). Mentees come in one at a time; each takes the cheapest chain of moves in which
mentees already placed step over to another mentor (or out) to make room. Dijkstra runs over
the mentors with Johnson potentials, so the costs it sees are never negative. For 500 mentees
and 150 mentors this takes a fraction of a second and spares the program scipy and numpy
(100 MB of the installed program and 30 MB of memory).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MATCH_BONUS = 100_000  # any compatible pair outweighs every score: the count comes first
_UNMATCHED = -1


@dataclass
class _Search:
    """Shortest paths from one new mentee to «placed» (through the mentors), reduced costs."""

    dist: list[float]
    came_from: list[int]  # mentor the path came from, or _UNMATCHED when from the new mentee
    moved: list[int]  # the mentee who steps over into this mentor on that path
    done: list[bool]
    best: float  # the cheapest way found so far to end the path
    end: tuple[int, int] = (_UNMATCHED, _UNMATCHED)  # (mentor, mentee who leaves) of that end


class _Assignment:
    def __init__(self, scores: Sequence[Sequence[int | None]], capacities: Sequence[int]) -> None:
        self.capacities = [max(0, c) for c in capacities]
        # cost of mentee i with mentor j: -(bonus + score), only for pairs that may be made
        self.options = [
            [
                (j, -(MATCH_BONUS + value))
                for j, value in enumerate(row)
                if value is not None and self.capacities[j] > 0
            ]
            for row in scores
        ]
        self.cost = [dict(options) for options in self.options]
        self.potential = [0.0] * len(self.capacities)
        self.potential_end = 0.0
        self.mentor_of: list[int | None] = [None] * len(scores)
        self.members: list[list[int]] = [[] for _ in self.capacities]

    def add(self, mentee: int) -> None:
        options = self.options[mentee]
        if not options:
            return
        search = self._search(mentee, options)
        self._update_potentials(search)
        self._augment(mentee, search)

    def _search(self, mentee: int, options: list[tuple[int, int]]) -> _Search:
        potential, cost = self.potential, self.cost
        start = max(self.potential_end, max(potential[j] - c for j, c in options))
        size = len(potential)
        search = _Search(
            dist=[float("inf")] * size,
            came_from=[_UNMATCHED] * size,
            moved=[_UNMATCHED] * size,
            done=[False] * size,
            best=start - self.potential_end,  # the new mentee stays without a mentor
        )
        dist, done = search.dist, search.done
        for j, c in options:
            dist[j] = c + start - potential[j]
        while True:
            here, at = -1, float("inf")
            for k in range(size):
                if not done[k] and dist[k] < at:
                    here, at = k, dist[k]
            if here < 0 or at >= search.best:
                return search
            done[here] = True
            base = at + potential[here]
            if len(self.members[here]) < self.capacities[here]:
                self._offer_end(search, base - self.potential_end, here, _UNMATCHED)
            for other in self.members[here]:
                back = base - cost[other][here]  # «other» leaves this mentor …
                self._offer_end(search, back - self.potential_end, here, other)  # … for none
                for k, c in self.options[other]:  # … or for another mentor
                    if not done[k]:
                        through = back + c - potential[k]
                        if through < dist[k]:
                            dist[k], search.came_from[k], search.moved[k] = through, here, other

    @staticmethod
    def _offer_end(search: _Search, length: float, mentor: int, leaving: int) -> None:
        if length < search.best:
            search.best, search.end = length, (mentor, leaving)

    def _update_potentials(self, search: _Search) -> None:
        for k, d in enumerate(search.dist):
            self.potential[k] += min(d, search.best) if search.done[k] else search.best
        self.potential_end += search.best

    def _augment(self, mentee: int, search: _Search) -> None:
        mentor, leaving = search.end
        if mentor == _UNMATCHED:
            return  # cheapest to leave the new mentee without a mentor
        if leaving != _UNMATCHED:
            self.members[mentor].remove(leaving)
            self.mentor_of[leaving] = None
        while True:
            previous, moving = search.came_from[mentor], search.moved[mentor]
            if previous == _UNMATCHED:
                self.members[mentor].append(mentee)
                self.mentor_of[mentee] = mentor
                return
            self.members[previous].remove(moving)
            self.members[mentor].append(moving)
            self.mentor_of[moving] = mentor
            mentor = previous


def assign(scores: Sequence[Sequence[int | None]], capacities: Sequence[int]) -> list[int | None]:
    """``scores[i][j]``: score of mentor j for mentee i, None when they cannot be paired.

    Returns for each mentee the index of its mentor, or None when it stays unpaired.
    """
    assignment = _Assignment(scores, capacities)
    for mentee in range(len(scores)):
        assignment.add(mentee)
    return assignment.mentor_of
