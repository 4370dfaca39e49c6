"""The order a header click sorts a table column by: an integer rank per row.

Texts go in Russian collation order (``russian_collator``: Ё beside Е, case ignored, «9Б» before
«10А»), other values (numbers, dates) in their own order. A rank is the row's place among the
column's distinct values, so equal values share it; empty texts and ``None`` share the last
rank, after every value. A table model works the ranks out once per load and a sort is then one
``sorted`` over integers, never a proxy comparing ``data()`` (GUIDE trap 7). The collation keys
can be worked out a chunk at a time (``text_rank_steps``), for work done while the GUI is idle.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

Ranks = tuple[list[int], int]  # (rank per row, the rank of empty values)
RankSteps = Generator[None, None, Ranks]  # short steps; the generator returns the ranks


def russian_collator() -> QCollator:
    """Russian order whatever the system locale: Ё with Е, case ignored, numbers as numbers."""
    collator = QCollator(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)  # «9А» before «10А»
    return collator


def value_ranks(values: Sequence[Any]) -> Ranks:
    """The ranks of numbers, dates … (hashable, in their own order); ``None`` is empty."""
    distinct = sorted({v for v in values if v is not None})
    empty = len(distinct)
    rank = {v: i for i, v in enumerate(distinct)}
    return [empty if v is None else rank[v] for v in values], empty


def text_ranks(texts: Sequence[str], collator: QCollator) -> Ranks:
    """The ranks of texts in ``collator`` order, worked out at once; ``""`` is empty."""
    return run_steps(text_rank_steps(texts, collator, chunk=max(len(texts), 1)))


def text_rank_steps(texts: Sequence[str], collator: QCollator, chunk: int) -> RankSteps:
    """The same in steps: one step per ``chunk`` distinct texts given their collation key."""
    distinct = [t for t in set(texts) if t]
    key = collator.sortKey
    keyed: list[tuple[QCollatorSortKey, str]] = []
    for start in range(0, len(distinct), chunk):
        keyed.extend((key(t), t) for t in distinct[start : start + chunk])
        yield
    return _collated_ranks(texts, keyed)


def run_steps(steps: RankSteps) -> Ranks:
    """Run ``steps`` to the end at once; their ranks."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _collated_ranks(texts: Sequence[str], keyed: list[tuple[QCollatorSortKey, str]]) -> Ranks:
    """Distinct texts (with their ``QCollator`` keys) in collation order; texts equal under the
    collation (case) share a rank."""
    keyed.sort(key=lambda pair: pair[0])
    rank: dict[str, int] = {}
    previous: QCollatorSortKey | None = None
    place = -1
    for sort_key, text in keyed:
        if previous is None or sort_key.compare(previous) != 0:
            place += 1
        previous = sort_key
        rank[text] = place
    empty = place + 1
    return [rank[t] if t else empty for t in texts], empty
