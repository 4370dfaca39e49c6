"""The one dialog a screen has open: the one before it is freed when the next opens.

A screen keeps its last dialog (tests drive it, and it must outlive ``open()``); the dialogs
are modal, so the one before is closed by then. Parented to the screen, each used to stay for
the program's life — an import's preview of a whole file, a pair's card with its pages.
"""

from __future__ import annotations

from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def replace_dialog(previous: QDialog | None, dialog: D) -> D:
    """``dialog``, after freeing ``previous`` (unless it is the same one, or gone already)."""
    if previous is not None and previous is not dialog and shiboken6.isValid(previous):
        previous.deleteLater()
    return dialog
