"""Dialogs opened on an emulated small and large screen (``ui.screen_fit.available_area``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialog, QPushButton

from nastavapp.ui import screen_fit

SMALL = QRect(0, 0, 1024, 660)  # a 1024×700 screen less a 40 px task bar
LARGE = QRect(0, 0, 1920, 1040)


def sizes_on_small_and_large(
    qtbot, monkeypatch: pytest.MonkeyPatch, make: Callable[[], QDialog]
) -> dict[str, tuple[int, int]]:
    """The dialog's size on each screen; on the small one it must fit with every button."""
    sizes = {}
    for name, area in (("small", SMALL), ("large", LARGE)):
        monkeypatch.setattr(screen_fit, "available_area", lambda _widget, a=area: a)
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        sizes[name] = (dialog.width(), dialog.height())
        if name == "small":
            assert dialog.height() + screen_fit.TITLE_BAR <= SMALL.height()
            assert dialog.width() <= SMALL.width()
            for button in dialog.findChildren(QPushButton):
                if button.isVisible():
                    corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
                    assert dialog.rect().contains(corner), button.text()
        dialog.close()
    return sizes
