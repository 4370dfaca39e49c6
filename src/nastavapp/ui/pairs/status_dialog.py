"""Small dialogs of the card: a status change with its date and reason (the confirmation of
«Расформировать», «Завершить», «Начать работу», «Исключить»), and picking a mentee to add."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.pairs import UnpairedMentee
from ..bases.widgets import date_edit, to_date
from .widgets import muted_label

ID_ROLE = Qt.ItemDataRole.UserRole


class StatusDialog(QDialog):
    """``day()`` and ``reason()`` once accepted; with ``reason_required`` the action button
    waits for a reason."""

    def __init__(
        self,
        title: str,
        explanation: str,
        action: str,
        today: date,
        *,
        reason_label: str = "&Примечание:",
        reason_required: bool = False,
        with_date: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._required = reason_required
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(explanation))
        form = QFormLayout()
        self.date_edit = date_edit(today, today)
        self.date_edit.setMaximumDate(self.date_edit.date())
        if with_date:
            form.addRow("&Дата:", self.date_edit)
        self.reason_edit = QLineEdit()
        if reason_required:
            self.reason_edit.setPlaceholderText("обязательно")
        form.addRow(reason_label, self.reason_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._sync)
        self._sync()
        self.reason_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        # the change cannot be undone: Enter in the reason cancels, the action wants a click;
        # set here because the button box makes its accepting button the default when shown
        super().showEvent(event)
        self.ok_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    def day(self) -> date:
        return to_date(self.date_edit)

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _sync(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) or not self._required)


class MenteePicker(QDialog):
    """Mentees of the form still without a pair, to add to a group."""

    def __init__(self, mentees: Sequence[UnpairedMentee], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Добавить наставляемого")
        self.resize(460, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label("Наставляемые этой формы без пары:"))
        self.list = QListWidget()
        for mentee in mentees:
            text = f"{mentee.name}, {mentee.post}" if mentee.post else mentee.name
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, mentee.person_id)
            if mentee.requests:
                item.setToolTip("Запросы: " + "; ".join(mentee.requests))
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        if not mentees:
            layout.addWidget(muted_label("Все наставляемые этой формы уже в парах и группах."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Добавить")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(lambda _r: self._sync())
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._sync()

    def choose(self, person_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == person_id:
                self.list.setCurrentRow(row)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _sync(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)
