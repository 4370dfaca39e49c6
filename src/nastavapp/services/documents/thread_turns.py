"""A long document build in a worker thread gives the other threads (the window) their turn.

lxml, under python-docx, lets go of the GIL and takes it back many times a millisecond; CPython
then hands the GIL straight back to the thread that let it go (the «convoy effect»), and the
window's thread waited up to 0.4–0.7 s at a time while the annex of 600 pairs was written. A
millisecond's sleep every few rows gives it its turn, for a few dozen milliseconds of the build
in all. The PDF and xlsx writers do not need it (``benchmarks/bench_background.py``).
"""

from __future__ import annotations

import time

EVERY = 10  # rows of a table between two turns


def give_turn(done: int) -> None:
    """After every ``EVERY``-th row (``done`` rows so far), sleep a millisecond."""
    if done % EVERY == 0:
        time.sleep(0.001)
