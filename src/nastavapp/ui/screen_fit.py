"""Dialogs no bigger than the screen they open on: on a 1024×700 school computer every button
stays in view (a dialog taller than the screen has its bottom row below the task bar). The big
dialogs open at the size the curator left them at the last time, within the same limit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from .settings import UiSettings

TITLE_BAR = 32  # the window frame above a dialog's contents (Windows 10 at 100 %: 31 px)
EDGE = 8  # room left around the frame


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen windows may use (without the task bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted(width: int, height: int, area: QRect) -> QSize:
    """``width`` × ``height``, less where ``area`` (with the frame and some room) is smaller."""
    return QSize(min(width, area.width() - 2 * EDGE), min(height, area.height() - TITLE_BAR - EDGE))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, smaller on a small screen."""
    widget.resize(fitted(width, height, available_area(widget)))


class _SizeKeeper(QObject):
    """Keeps the dialog's size under ``name`` when it is closed at another size than it was
    shown at: the curator changed it (not Qt, which may widen a dialog to its content)."""

    def __init__(self, dialog: QDialog, name: str) -> None:
        super().__init__(dialog)
        self._dialog, self._name = dialog, name
        self._shown: QSize | None = None
        dialog.installEventFilter(self)
        dialog.finished.connect(self._keep)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.Show and self._shown is None:
            self._shown = self._dialog.size()
        return False

    def _keep(self, _result: int) -> None:
        size = self._dialog.size()
        if self._shown is not None and size != self._shown:
            UiSettings().set_dialog_size(self._name, size.width(), size.height())


def resize_remembered(dialog: QDialog, name: str, width: int, height: int) -> None:
    """As :func:`resize_to_fit`, at the size the curator left the dialog ``name`` at before if
    she changed it; a size she changes now is kept for the next time (not the one the screen
    imposed: a small screen does not shrink the dialog on a large one)."""
    resize_to_fit(dialog, *(UiSettings().dialog_size(name) or (width, height)))
    _SizeKeeper(dialog, name)
