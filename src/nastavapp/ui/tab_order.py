"""Tab goes the way the eye reads: a button box's buttons in their order on screen, and a
chain of fields set in one call."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def buttons_on_screen(box: QDialogButtonBox) -> list[QAbstractButton]:
    """The buttons of ``box`` from left to right, as its layout (which follows the platform's
    order: «Сохранить» before «Отмена» on Windows) placed them."""
    layout = box.layout()
    found: list[QAbstractButton] = []
    if layout is None:
        return found
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QAbstractButton):
            found.append(widget)
    return found


def chain(widgets: Sequence[QWidget]) -> None:
    """Tab moves from each widget to the next one of ``widgets``."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tab_buttons_as_shown(box: QDialogButtonBox) -> None:
    """Tab through the box's buttons as they stand on screen. A button added with ``addButton``
    after the standard ones came first in the chain (Tab reached «Отмена» before «Сохранить»)."""
    chain(buttons_on_screen(box))
