"""Typing helpers: QTest.keyClicks asserts on non-ASCII text, so Cyrillic goes as key events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` character by character, as a keyboard would."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def shortcut(widget: QWidget, key: int, modifier: Qt.KeyboardModifier) -> None:
    """Press ``modifier``+``key`` and let the modifier go again: after a bare
    ``QTest.keyClick`` Qt believes Ctrl still held, and later tests' clicks become Ctrl+clicks."""
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifier)
    QTest.keyRelease(widget, Qt.Key.Key_Control)
