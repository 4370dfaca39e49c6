"""Dialogs no bigger than the screen they open on: on a 1024×700 school computer every button
stays in view (a dialog taller than the screen has its bottom row below the task bar)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
