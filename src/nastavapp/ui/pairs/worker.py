"""Matching off the GUI thread: a big pool must not freeze the window.

The runner is a QObject owned by the matching tab; it owns the thread pool and the signals
object the QRunnable emits through (GUIDE trap 14). Every run gets a number, and a result that
arrives after a newer run started (the form was changed meanwhile) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, QThreadPool, Signal

from ...models.vocab import MentoringForm
from ...services.matching import MatchResult, propose_for_pool
from ...services.matching.pool import Pool, load_pool
from ...store import Store
from ...store.errors import StoreError
from ..background_task import CancelCheck, Job, Progress, Task, TaskSignals


@dataclass(frozen=True)
class MatchOutcome:
    """The proposals and the pool they came from (the pool gives each mentee's alternatives)."""

    run: int
    year_id: int
    form: MentoringForm
    pool: Pool
    result: MatchResult


def run_matching(store: Store, year_id: int, form: MentoringForm, today: date, run: int) -> Job:
    """The job: what ``matching.propose`` does, keeping the pool for the alternatives."""

    def job(_progress: Progress, _cancelled: CancelCheck) -> MatchOutcome:
        with store.session() as session:
            pool = load_pool(session, year_id, form)
        return MatchOutcome(run, year_id, form, pool, propose_for_pool(pool, today))

    return job


class MatchRunner(QObject):
    """``finished(MatchOutcome)`` for the newest run only; ``failed(str)`` in Russian."""

    started = Signal()
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = TaskSignals(self)
        self.signals.succeeded.connect(self._done)
        self.signals.failed.connect(self._failed)
        self._tasks: list[Task] = []  # QRunnables without auto-delete: Python keeps them
        self._run = 0

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(self, store: Store, year_id: int, form: MentoringForm, today: date) -> int:
        self._run += 1
        job = run_matching(store, year_id, form, today, self._run)
        task = Task(job, self.signals, expected=(StoreError,))
        self._tasks.append(task)
        self.started.emit()
        self.pool.start(task)
        return self._run

    def wait(self) -> None:
        """Block until no job runs (before the owner goes away, GUIDE trap 13)."""
        self.pool.waitForDone()

    def _done(self, outcome: object) -> None:
        if self._tasks:
            self._tasks.pop(0)
        if isinstance(outcome, MatchOutcome) and outcome.run == self._run:
            self.finished.emit(outcome)

    def _failed(self, message: str) -> None:
        if self._tasks:
            self._tasks.pop(0)
        self.failed.emit(message)
