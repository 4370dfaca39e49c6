"""Dialogs no bigger than the screen they open on: on a 1024×700 school computer every button
stays in view (a dialog taller than the screen has its bottom row below the task bar). The big
dialogs open at the size the curator left them at the last time, within the same limit."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
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


def resize_remembered(dialog: QDialog, name: str, width: int, height: int) -> None:
    """As :func:`resize_to_fit`, at the size the curator left the dialog ``name`` at before if
    she changed it; a size she changes now is kept for the next time (not the one the screen
    imposed: a small screen does not shrink the dialog on a large one)."""
    size = UiSettings().dialog_size(name) or (width, height)
    resize_to_fit(dialog, *size)
    opened = dialog.size()

    def keep(_result: int) -> None:
        if dialog.size() != opened:
            UiSettings().set_dialog_size(name, dialog.width(), dialog.height())

    dialog.finished.connect(keep)
