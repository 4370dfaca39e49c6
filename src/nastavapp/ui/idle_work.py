"""Work done on the GUI thread while it is idle, a few milliseconds at a time.

The work is an iterator whose every step is short (a millisecond or two); a zero-interval
``QTimer`` (it fires once the event queue is empty) runs steps until a slice's time is up and
then lets the events in, so a keystroke or a click waits one slice at most. The timer is a child
of this object, itself a child of its owner: it dies with them and never fires afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_SECONDS = 0.005  # GUI time per slice: well under the 50 ms goal of a user action


class IdleWork(QObject):
    """One piece of background work at a time: ``start`` replaces (and drops) the unfinished one."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.slice_seconds = SLICE_SECONDS
        self._steps: Iterator[object] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_slice)

    @property
    def busy(self) -> bool:
        return self._steps is not None

    def start(self, steps: Iterator[object]) -> None:
        self._steps = steps
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._steps = None

    def run_slice(self) -> None:
        """Steps until the slice's time is up (at least one step); the timer's slot."""
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + self.slice_seconds
        for _ in steps:
            if self._steps is not steps:  # a step started other work: leave this one
                return
            if time.perf_counter() >= deadline:
                return
        if self._steps is steps:
            self.stop()
