"""Disbanding or completing a pair cannot be undone: Enter in the reason field cancels (the
button box used to make «Расформировать» the default as it was shown); the action wants a
click or its own key."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from nastavapp.ui.pairs.status_dialog import StatusDialog


def _dialog(qtbot) -> StatusDialog:  # type: ignore[no-untyped-def]
    dialog = StatusDialog(
        "Расформировать пару",
        "Пара будет расформирована.",
        "Расформировать",
        date(2025, 11, 20),
        reason_label="&Причина:",
        reason_required=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reason_edit.setText("переезд в другой город")
    return dialog


def test_enter_in_the_reason_cancels(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.reason_edit.hasFocus() or dialog.focusWidget() is dialog.reason_edit
    QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_action_button_still_does_it(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.ok_button.isEnabled() and not dialog.ok_button.isDefault()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reason() == "переезд в другой город"
