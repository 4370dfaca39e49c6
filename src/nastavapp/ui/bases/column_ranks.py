"""The rank of every row in one column of a base: what a header click sorts by.

The ranks themselves (Russian collation for texts, numbers as numbers, empty values last) are
those of every table (``ui/sort_ranks.py``); here the base's rows give the column's values. The
work is a generator of short steps (a chunk of rows each), so that it runs at once for a click
(``column_ranks``) or a slice at a time after a load (the table model's warm-up).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCollator

from ...services.bases_rows import BaseRow
from ..sort_ranks import Ranks, RankSteps, run_steps, text_rank_steps, value_ranks
from .columns import Column, Names

CHUNK = 500  # rows (or distinct texts) per step: under 2 ms at 20,000 rows


def column_ranks(spec: Column, rows: Sequence[BaseRow], names: Names, collator: QCollator) -> Ranks:
    """The ranks of ``rows`` in the column, worked out at once."""
    return run_steps(rank_steps(spec, rows, names, collator))


def rank_steps(
    spec: Column, rows: Sequence[BaseRow], names: Names, collator: QCollator
) -> RankSteps:
    """The same in steps; the generator returns the ranks."""
    if spec.number is not None:
        number = spec.number
        values: list[float | None] = []
        for start in range(0, len(rows), CHUNK):
            values.extend(number(r) for r in rows[start : start + CHUNK])
            yield
        return value_ranks(values)
    text = spec.text
    texts: list[str] = []
    for start in range(0, len(rows), CHUNK):
        texts.extend(text(r, names) for r in rows[start : start + CHUNK])
        yield
    return (yield from text_rank_steps(texts, collator, CHUNK))
