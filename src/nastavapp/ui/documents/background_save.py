"""Saving a document off the GUI thread: ask where, write there in a thread pool, say the result.

Used by every document section (the report's, the orders', the roadmap's): a
:class:`~..background_task.Task` in a one-thread ``QThreadPool``, its ``TaskSignals`` owned here
(GUIDE trap 14); the pool is made first, so Qt deletes it — and so waits for the task — before
the signals go. The owner adds :attr:`progress` (a busy bar, or percentages for a write that
reports its steps: ``SaveRequest.steps``) and :attr:`status` to its layout and disables its save
buttons while :attr:`running` (``busy(bool)`` says when).

The write runs in the pool and reads the database there through the store's own short sessions
(each a connection of its own from the engine's pool, WAL lets the window read and write
meanwhile): nothing read on the GUI thread is shared with it but plain values and detached
objects. A locked file, a read-only folder or a full disk (``ExportError``/``StoreError``, in
Russian) is shown by ``messages.error`` as before, and the save dialog opens again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from ...services.documents.errors import ExportError
from ...store import StoreError
from .. import messages
from ..background_task import CancelCheck, Progress, Task, TaskSignals

# One document written at a time in the whole program: each section has a pool of its own, and
# the report and an order saved together would build two PDFs (two Word files) in two threads,
# which reportlab and python-docx do not promise to bear; the second waits for the first.
_ONE_WRITE_AT_A_TIME = threading.Lock()


def _same(result: object) -> Path:
    assert isinstance(result, Path)
    return result


def _never(_message: str) -> bool:
    return False


@dataclass(frozen=True)
class SaveRequest:
    """One document to save: the save dialog's words and the write to run in the pool.

    ``write(target)`` runs off the GUI thread: it must use only plain values and the store;
    ``path_of`` finds the file written in what it returns; ``final(message)`` says a failure
    that no other place would change (nothing is asked again); ``saved_text`` opens the
    status line and the question «Открыть файл?», ``saving_text`` and ``failed_text`` are the
    status line meanwhile and after a failure. With ``steps`` the write is called as
    ``write(target, progress)``: ``progress(done, total)`` from the pool reaches the bar (in
    percentages) through the signals.
    """

    caption: str
    suggested: Path
    filters: str
    write: Callable[..., object]
    path_of: Callable[[object], Path] = _same
    final: Callable[[str], bool] = _never
    saved_text: str = "Файл сохранён"
    saving_text: str = "Сохраняется файл"
    failed_text: str = "Файл не сохранён."
    steps: bool = False


class BackgroundSave(QObject):
    """One save at a time for ``owner``; ``written(result)`` once a file is written (before
    «Открыть файл?»), ``done()`` when the save is over (written, or the curator cancelled)."""

    busy = Signal(bool)
    written = Signal(object)
    done = Signal()

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        # the pool first: Qt deletes children in order, so it waits before the signals go
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_written)
        self.signals.failed.connect(self._on_failed)
        self._request: SaveRequest | None = None
        self._task: Task | None = None
        self._gone = False  # the window closed: a late result is not told
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until a step is reported
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # no empty line until there is news

    @property
    def running(self) -> bool:
        """From the first question «where» to the end: the owner's save buttons stay off."""
        return self._request is not None

    def save(self, request: SaveRequest) -> None:
        """Ask where, then write there in the pool (nothing if a save is running)."""
        if self.running:
            return
        self._request = request
        self.busy.emit(True)
        self._ask(request.suggested)

    def _ask(self, suggested: Path) -> None:
        request = self._request
        assert request is not None
        target = messages.save_file(self._owner, request.caption, suggested, request.filters)
        if target is None:
            self._end()
            return
        suffix = request.suggested.suffix
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        write, steps = request.write, request.steps

        def job(progress: Progress, cancelled: CancelCheck) -> object:
            del cancelled
            with _ONE_WRITE_AT_A_TIME:
                return write(target, progress) if steps else write(target)

        self._task = Task(job, self.signals, expected=(ExportError, StoreError))
        self.progress.setRange(0, 100 if steps else 0)  # percentages, or busy
        self.progress.setValue(0)
        self.progress.setTextVisible(steps)
        self.progress.setVisible(True)
        self.say(f"{request.saving_text} «{target.name}»…")
        self.pool.start(self._task)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_written(self, result: object) -> None:
        request = self._request
        self._task = None
        self.progress.setVisible(False)
        if request is None or self._gone:
            return
        path = request.path_of(result)
        self.written.emit(result)
        self.say(f"{request.saved_text}: {path}")
        self._stop()
        if messages.confirm(self._owner, f"{request.saved_text}:\n{path}\n\nОткрыть файл?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.done.emit()

    def _on_failed(self, message: str) -> None:
        request = self._request
        self._task = None
        self.progress.setVisible(False)
        self.say(request.failed_text if request else "Файл не сохранён.")
        if self._gone:
            return
        messages.error(self._owner, message)
        if request is None or request.final(message):
            self._end()
            return
        self._ask(request.suggested)  # another place, or another name

    def _stop(self) -> None:
        self._request = None
        self.busy.emit(False)

    def _end(self) -> None:
        self._stop()
        self.done.emit()

    def finish(self) -> None:
        """The owner is going: block until the write in the pool is over (GUIDE traps 13–14),
        and tell no result that arrives later (no question over a closed window)."""
        self.pool.waitForDone()
        self._gone = True
