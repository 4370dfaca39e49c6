"""Dialog to edit one roadmap event: dates, responsible, status, and the evidence behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import RoadmapEvent
from ...models.vocab import EventStatus, ResponsibleRole
from ...services.roadmap_edit import NO_PERSON, EventChanges
from .. import messages

DATE_FORMAT = "dd.MM.yyyy"


def date_edit(value: date | None, fallback: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    chosen = value or fallback
    edit.setDate(QDate(chosen.year, chosen.month, chosen.day))
    return edit


def to_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class EventDialog(QDialog):
    """Edits a copy of the event; ``changes()`` and ``order()`` give what to save."""

    def __init__(
        self,
        event: RoadmapEvent,
        order_number: str,
        order_date: date | None,
        today: date,
        staff: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Мероприятие дорожной карты")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)

        self.name = QLineEdit(event.name)
        self.content = QPlainTextEdit(event.content)
        self.content.setFixedHeight(120)
        self.period_label = QLineEdit(event.period_label)
        self.period_label.setPlaceholderText("например, Октябрь–ноябрь")
        self.start = date_edit(event.start_date, today)
        self.end = date_edit(event.end_date, today)
        dates = QHBoxLayout()
        dates.addWidget(QLabel("с"))
        dates.addWidget(self.start)
        dates.addWidget(QLabel("по"))
        dates.addWidget(self.end)
        dates.addStretch(1)
        self.responsible = QComboBox()
        for role in ResponsibleRole:
            self.responsible.addItem(role.label, role.value)
        if event.responsible_role is not None:
            self.responsible.setCurrentIndex(
                self.responsible.findData(event.responsible_role.value)
            )
        self.person = QComboBox()
        self.person.addItem("— не указан —", NO_PERSON)
        for person_id, name in staff or []:
            self.person.addItem(name, person_id)
        if event.responsible_person_id is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(event.responsible_person_id)))
        self.result_edit = QLineEdit(event.result)
        self.status = QComboBox()
        for status in EventStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(self.status.findData(event.status.value))
        self.completed = date_edit(event.completed_date, today)
        self.note = QPlainTextEdit(event.note)
        self.note.setFixedHeight(56)
        self.order_number = QLineEdit(order_number)
        self.order_number.setPlaceholderText("например, 112-о")
        self.order_date = date_edit(order_date, today)
        order = QHBoxLayout()
        order.addWidget(QLabel("№"))
        order.addWidget(self.order_number)
        order.addWidget(QLabel("от"))
        order.addWidget(self.order_date)
        order.addStretch(1)
        self.evidence = QLineEdit(event.evidence_path)
        self.evidence.setPlaceholderText("путь к файлу: протокол, фотоотчёт, приказ…")
        browse = QPushButton("Вы&брать…")
        browse.clicked.connect(self._choose_file)
        evidence = QHBoxLayout()
        evidence.addWidget(self.evidence, 1)
        evidence.addWidget(browse)

        form.addRow("&Мероприятие*:", self.name)
        form.addRow("&Содержание:", self.content)
        form.addRow("Сро&к (как в документе):", self.period_label)
        form.addRow("Даты:", dates)
        form.addRow("&Ответственный:", self.responsible)
        form.addRow("Ответственный со&трудник:", self.person)
        form.addRow("&Результат:", self.result_edit)
        form.addRow("Ст&атус:", self.status)
        form.addRow("Дата &выполнения:", self.completed)
        form.addRow("Приказ:", order)
        form.addRow("Подтверждение:", evidence)
        form.addRow("&Примечание:", self.note)
        for edit in (self.name, self.period_label, self.result_edit, self.evidence):
            edit.setCursorPosition(0)  # a long name shows its beginning, not its end

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (
            self.name.textChanged,
            self.start.dateChanged,
            self.end.dateChanged,
            self.status.currentIndexChanged,
        ):
            signal.connect(self._validate)
        self._validate()

    def _choose_file(self) -> None:
        current = Path(self.evidence.text()) if self.evidence.text() else Path.home()
        chosen = messages.open_file(self, "Файл-подтверждение", current.parent, "Все файлы (*)")
        if chosen is not None:
            self.evidence.setText(str(chosen))

    def _validate(self) -> None:
        problem = ""
        if not self.name.text().strip():
            problem = "Укажите название мероприятия."
        elif to_date(self.end) < to_date(self.start):
            problem = "Дата окончания раньше даты начала."
        self.problem.setText(problem)
        self.completed.setEnabled(self.chosen_status() is EventStatus.DONE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def chosen_status(self) -> EventStatus:
        return EventStatus(self.status.currentData())

    def changes(self) -> EventChanges:
        status = self.chosen_status()
        return EventChanges(
            name=self.name.text().strip(),
            content=self.content.toPlainText().strip(),
            period_label=self.period_label.text().strip(),
            start_date=to_date(self.start),
            end_date=to_date(self.end),
            responsible_role=ResponsibleRole(self.responsible.currentData()),
            responsible_person_id=int(self.person.currentData()),
            result=self.result_edit.text().strip(),
            status=status,
            completed_date=to_date(self.completed) if status is EventStatus.DONE else None,
            note=self.note.toPlainText().strip(),
            evidence_path=self.evidence.text().strip(),
        )

    def order(self) -> tuple[str, date]:
        return self.order_number.text().strip(), to_date(self.order_date)
