"""Long work off the GUI thread: a QRunnable running a service that reports progress.

A QRunnable cannot emit (GUIDE trap 14), so its ``TaskSignals`` object is created and owned by
the dialog that starts it; the dialog waits for its pool before it goes away, so nothing is
emitted into a deleted object.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from ..logging_setup import log_path
from .error_handler import describe

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
Job = Callable[[Progress, CancelCheck], object]

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Task(QRunnable):
    """Runs ``job(progress, cancelled)``; ``expected`` errors carry the Russian message to show."""

    def __init__(
        self,
        job: Job,
        signals: TaskSignals,
        *,
        expected: tuple[type[BaseException], ...] = (),
        cancelled_error: type[BaseException] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it; Python owns it
        self._job = job
        self.signals = signals
        self._expected = expected
        self._cancelled_error = cancelled_error
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            result = self._job(self._progress, self._stop.is_set)
        except BaseException as exc:
            if self._cancelled_error is not None and isinstance(exc, self._cancelled_error):
                self._emit(self.signals.cancelled)
            elif isinstance(exc, self._expected):
                self._emit(self.signals.failed, str(exc))
            else:
                log.exception("background task failed")
                # the same calm words as everywhere: the computer's own errors, or the log path
                self._emit(self.signals.failed, describe(exc, log_path()).text)
            return
        self._emit(self.signals.succeeded, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.signals.progress, done, total)

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:  # the owner is gone (should not happen: it waits for us)
            log.warning("task result dropped: its dialog is closed")
