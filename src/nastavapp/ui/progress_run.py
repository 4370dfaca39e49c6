"""A window-modal progress window running one service call off the GUI thread.

It appears only if the work takes longer than a moment (``SHOW_AFTER_MS``); until then the
window it belongs to takes no clicks or keys either (a modal window not yet shown does not
block them), so nothing is changed under the running work. The outcome comes back by its
``signals`` (see ``background_task.Task``). With ``total`` 0 the bar just shows that the program
is busy (work that cannot count its steps).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QWidget

from .background_task import Job, Task, TaskSignals

SHOW_AFTER_MS = 400  # quicker work never shows the progress window
# what starts something; releases pass, or a key or button pressed before stays held down
_USER_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
    }
)


class InputBlock(QObject):
    """Swallows the user's clicks and keys aimed at ``window`` (not at its progress window)."""

    def __init__(self, window: QWidget, spared: QWidget) -> None:
        super().__init__(spared)
        self._window = window
        self._spared = spared

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _USER_INPUT or not isinstance(watched, QWidget):
            return False
        if not shiboken6.isValid(self._window):  # the window went first: nothing to guard
            return False
        top = watched.window()
        return top is self._window and top is not self._spared


class ProgressRun(QProgressDialog):
    """Runs one job in its own pool; ``signals`` report the outcome (see ``background_task.Task``)."""

    def __init__(
        self, label: str, total: int, cancel_text: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Наставничество в школе")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setLabelText(label)
        bar = QProgressBar()
        bar.setFormat("%v из %m" if total else "")
        bar.setTextVisible(bool(total))
        self.setBar(bar)
        self.setRange(0, total)  # 0 to 0: a busy bar
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        if cancel_text is None:
            self.setCancelButton(None)
        else:
            self.setCancelButtonText(cancel_text)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.task: Task | None = None
        self._block: InputBlock | None = None
        if parent is not None:
            self._block = InputBlock(parent.window(), self)

    def start(
        self,
        job: Job,
        *,
        expected: tuple[type[BaseException], ...] = (),
        cancelled_error: type[BaseException] | None = None,
    ) -> None:
        """Run ``job``; ``expected`` errors come back as their Russian text (``failed``)."""
        self.task = Task(job, self.signals, expected=expected, cancelled_error=cancelled_error)
        self.canceled.connect(self.task.cancel)
        app = QApplication.instance()
        if self._block is not None and app is not None:
            app.installEventFilter(self._block)
        self.setValue(0)
        self.pool.start(self.task)

    def _on_progress(self, done: int, total: int) -> None:
        if self.task is None:  # finished meanwhile (a modal ``setValue`` processes events)
            return
        self.setMaximum(max(total, 1))
        self.setValue(done)

    def finish(self) -> None:
        """Close after the outcome came back; the pool's thread is done or about to be."""
        self.task = None
        app = QApplication.instance()
        if self._block is not None and app is not None:
            app.removeEventFilter(self._block)
        self.pool.waitForDone()
        self.reset()
        self.close()
        self.deleteLater()
