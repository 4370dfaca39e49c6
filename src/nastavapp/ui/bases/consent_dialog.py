"""A person's consent: its state, recording a new one, withdrawing the current one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import Person
from ...models.vocab import ConsentGiver
from ...services.consents import ConsentState, check_consent, is_minor
from ..tab_order import tab_buttons_as_shown
from .person_dialog import ConsentFields
from .widgets import date_edit, problems_label, show_problems, to_date


def describe_state(state: ConsentState) -> str:
    """«Согласие есть: дал(а) родитель Иванова М. П. 05.09.2025», «Согласия нет», …"""
    consent = state.consent
    if consent is None:
        return "Согласия на обработку персональных данных нет: в выгрузки участник не попадёт."
    who = (
        f"родитель (законный представитель) {consent.representative_name}"
        if consent.given_by is ConsentGiver.PARENT
        else "сам участник"
    )
    text = f"Согласие дал(а) {who} {consent.given_date:%d.%m.%Y}."
    if consent.withdrawn_date is not None:
        text += f" Отозвано {consent.withdrawn_date:%d.%m.%Y}: в выгрузки участник не попадёт."
    return text


class ConsentDialog(QDialog):
    """Accepted with ``action`` = "record" (``recorded()``) or "withdraw" (``withdrawal()``)."""

    def __init__(
        self, person: Person, state: ConsentState, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._person = person
        self._today = today
        self.action = ""
        self.setWindowTitle(f"Согласие — {person.short_name}")
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        self.state_label = QLabel(describe_state(state))
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)

        self.fields = ConsentFields(today)
        self.fields.setTitle("Записать новое согласие")
        self.fields.setCheckable(False)
        self.fields.suit(is_minor(person, today))
        if state.consent is not None and state.consent.representative_name:
            self.fields.representative.setText(state.consent.representative_name)
        layout.addWidget(self.fields)

        self.withdraw_box = QGroupBox("Отозвать согласие")
        withdraw_form = QFormLayout(self.withdraw_box)
        row = QHBoxLayout()
        self.withdrawn_date = date_edit(today, today)
        self.withdraw_button = QPushButton("Отоз&вать…")
        self.withdraw_button.clicked.connect(self._withdraw)
        row.addWidget(self.withdrawn_date)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.withdraw_note = QLineEdit()
        self.withdraw_note.setPlaceholderText("например, по заявлению родителя")
        withdrawn_label = QLabel("Дата от&зыва:")
        withdrawn_label.setBuddy(self.withdrawn_date)
        withdraw_form.addRow(withdrawn_label, row)
        withdraw_form.addRow("&Основание:", self.withdraw_note)
        self.withdraw_box.setVisible(state.given)
        layout.addWidget(self.withdraw_box)

        self.problems = problems_label()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(
            "Записать &согласие", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        tab_buttons_as_shown(self.buttons)
        self.fields.giver.currentIndexChanged.connect(self.check)
        self.fields.representative.textChanged.connect(self.check)
        self.fields.given_date.dateChanged.connect(self.check)
        self.check()

    def recorded(self) -> tuple[date, ConsentGiver, str]:
        return (
            to_date(self.fields.given_date),
            self.fields.giver_value(),
            self.fields.representative.text(),
        )

    def withdrawal(self) -> tuple[date, str]:
        return to_date(self.withdrawn_date), self.withdraw_note.text()

    def check(self) -> list[str]:
        given, giver, name = self.recorded()
        problems = check_consent(self._person, given, giver, name, self._today)
        show_problems(self.problems, problems)
        self.record_button.setEnabled(not problems)
        return problems

    def _record(self) -> None:
        if not self.check():
            self.action = "record"
            self.accept()

    def _withdraw(self) -> None:
        self.action = "withdraw"
        self.accept()
