"""One place for unexpected exceptions: write them to the log, tell the user calmly, go on.

``ErrorHandler.install()`` becomes ``sys.excepthook`` (PySide6 routes exceptions raised in slots
and event handlers there) and ``threading.excepthook``. An exception from a worker thread is
logged there and shown on the GUI thread. Errors of the computer (disk full, read-only folder,
file locked, no rights: ``EnvironmentStoreError``) are told apart from bugs: their own Russian
message, logged as a warning; a bug is logged with its traceback and the user is given the path
of the log, never a traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QWidget

from .. import logging_setup
from ..store import EnvironmentStoreError, StoreError
from ..store.oserrors import UnavailableError, environment_error
from . import messages

log = logging.getLogger("nastavapp.errors")

REPEAT_SECONDS = 5.0  # the same error again within this time is only logged (no box storm)
NOTHING_LOST = "Действие не выполнено. Данные, сохранённые до него, не пострадали."

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


@dataclass(frozen=True)
class ErrorReport:
    """What the user is told about one exception."""

    text: str
    environment: bool  # an error of the computer, not of the program


def as_environment_error(exc: BaseException) -> EnvironmentStoreError | None:
    """``exc`` as an error of the computer, or None when it looks like a bug.

    A raw ``OSError``/SQLite error counts when it says disk full, read-only, no rights, locked
    or disk failure; «not found» does not (a missing file of the program is a bug).
    """
    if isinstance(exc, EnvironmentStoreError):
        return exc
    known = environment_error(exc, "Действие не выполнено")
    if known is None or isinstance(known, UnavailableError):
        return None
    return known


def describe(exc: BaseException, log_file: Path | None, *, at_start: bool = False) -> ErrorReport:
    """The Russian message for ``exc``: its own words for the computer's errors, else calm.

    ``at_start``: the program could not start (no window to go on working in).
    """
    where = (
        f"Подробности записаны в журнал:\n{log_file}"
        if log_file is not None
        else "Записать подробности в журнал не удалось."
    )
    environment = as_environment_error(exc)
    if environment is not None:
        return ErrorReport(
            f"{environment}\n\nДанные, сохранённые раньше, не пострадали.", environment=True
        )
    if isinstance(exc, StoreError):  # Russian words, but nobody expected it here
        return ErrorReport(f"{exc}\n\n{NOTHING_LOST}\n\n{where}", environment=False)
    if at_start:
        return ErrorReport(
            "Программа не смогла запуститься из-за непредвиденной ошибки.\n\n"
            f"{where}\n"
            "Передайте этот файл тому, кто сопровождает программу.",
            environment=False,
        )
    return ErrorReport(
        "Произошла непредвиденная ошибка программы.\n\n"
        f"{NOTHING_LOST} Можно продолжать работу.\n\n"
        f"{where}\n"
        "Если ошибка повторяется, передайте этот файл тому, кто сопровождает программу.",
        environment=False,
    )


class ErrorHandler(QObject):
    """Catches what nobody else caught. Keep a reference for the program's life."""

    reported = Signal(object)  # ErrorReport, delivered on the GUI thread

    def __init__(self, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._showing = False
        self._last: tuple[str, float] | None = None
        self.reported.connect(self._show)  # queued when emitted from another thread

    # installation -----------------------------------------------------------------------------
    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    # handling ---------------------------------------------------------------------------------
    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        at_start: bool = False,
    ) -> None:
        """``sys.excepthook``: log, then tell the user (on the GUI thread)."""
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            self._previous_hook(kind, exc, tb)
            return
        try:
            report = self._log((kind, exc, tb), at_start=at_start)
            if self._on_gui_thread():
                self._show(report)
            else:
                self.reported.emit(report)
        except Exception:  # the handler itself must never raise into Qt
            log.exception("Сбой обработчика ошибок")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _log(self, info: ExcInfo, *, at_start: bool = False) -> ErrorReport:
        exc = info[1]
        if as_environment_error(exc) is not None:
            log.warning("Действие остановлено компьютером: %s", exc, exc_info=info)
        else:
            log.error("Непредвиденная ошибка: %s: %s", info[0].__name__, exc, exc_info=info)
        logging_setup.flush_log()
        return describe(exc, logging_setup.log_path(), at_start=at_start)

    @staticmethod
    def _on_gui_thread() -> bool:
        app = QApplication.instance()
        return app is not None and QThread.currentThread() is app.thread()

    def _show(self, report: ErrorReport) -> None:
        now = time.monotonic()
        repeated = self._last is not None and (
            self._last[0] == report.text and now - self._last[1] < REPEAT_SECONDS
        )
        if self._showing or repeated:
            return  # one box at a time; a storm of the same error is only logged
        self._showing = True
        try:
            parent = self._parent_window()
            if report.environment:
                messages.warning(parent, report.text)
            else:
                messages.error(parent, report.text)
        finally:
            self._showing = False
            self._last = (report.text, time.monotonic())


__all__ = ["ErrorHandler", "ErrorReport", "as_environment_error", "describe"]
