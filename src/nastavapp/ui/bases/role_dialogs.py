"""Marking a person as mentee or mentor for the year, and editing that role.

Both dialogs are accepted with ``action`` = "save" (``role()`` holds the role) or "remove"
(take the person out of the year's base).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...models import Person, TrainingEvent
from ...models.vocab import MentoringForm, RequestSource, Role
from ...services.bases_rows import place_text
from ...services.roles import (
    CAPACITY_LIMITS,
    MenteeRole,
    MentorRole,
    RequestEntry,
    check_mentee,
    check_mentor,
    competence_choices,
    forms_for,
    request_choices,
    request_sources,
)
from ..tab_order import tab_buttons_as_shown
from .entry_table import EntryTable
from .widgets import by_sex, date_edit, problems_label, show_problems, to_date

AddEvent = Callable[[str, date], TrainingEvent | None]


def _form_combo(person: Person, role: Role, year_forms: list[str], current: object) -> QComboBox:
    combo = QComboBox()
    combo.addItem("не выбрана", "")
    for form in forms_for(person.category, role, year_forms):
        combo.addItem(form.label, form.value)
    found = combo.findData(current.value if isinstance(current, MentoringForm) else "")
    combo.setCurrentIndex(max(found, 0))
    return combo


class _RoleDialog(QDialog):
    def __init__(
        self, person: Person, title: str, today: date, exists: bool, parent: QWidget | None
    ):
        super().__init__(parent)
        self.person = person
        self.today = today
        self.action = ""
        self.setWindowTitle(f"{title} — {person.short_name}")
        self.setMinimumWidth(700)
        self.layout_ = QVBoxLayout(self)
        place = place_text(person)
        head = QLabel(f"<b>{person.full_name}</b>" + (f", {place}" if place else ""))
        self.layout_.addWidget(head)
        self.body = QFormLayout()
        self.layout_.addLayout(self.body)
        self.problems = problems_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        if exists:
            remove = self.buttons.addButton(
                "Ис&ключить из базы…", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.clicked.connect(self._remove)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.buttons)
        tab_buttons_as_shown(self.buttons)
        self.check()

    def check(self) -> list[str]:  # pragma: no cover - overridden
        return []

    def show_result(self, problems: list[str]) -> list[str]:
        show_problems(self.problems, problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        return problems

    def _form(self, combo: QComboBox) -> MentoringForm | None:
        code = combo.currentData()
        return MentoringForm(code) if code else None

    def _save(self) -> None:
        if not self.check():
            self.action = "save"
            self.accept()

    def _remove(self) -> None:
        self.action = "remove"
        self.accept()


class MenteeDialog(_RoleDialog):
    def __init__(
        self,
        person: Person,
        role: MenteeRole | None,
        year_forms: list[str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(person, "Наставляемый", today, role is not None, parent)
        role = role or MenteeRole()
        self._status = role.status
        self._joined = role.joined_date
        self.form = _form_combo(person, Role.MENTEE, year_forms, role.form)
        self.body.addRow("&Форма наставничества:", self.form)
        sources = [(s.value, s.label) for s in request_sources(person.category)]
        self.requests = EntryTable(
            request_choices(person.category), "Запрос", sources, "Кто выявил", "&Добавить запрос"
        )
        for entry in role.requests:
            self.requests.add_row(entry.text, entry.source.value)
        if not role.requests:
            self.requests.add_row()
        requests_label = QLabel("&Запросы (что нужно наставляемому) и кто их выявил:")
        requests_label.setBuddy(self.requests.table)
        self.layout_.addWidget(requests_label)
        self.layout_.addWidget(self.requests, 1)
        self.support = QCheckBox("Нуждается в психологической &поддержке, пока нет наставника")
        self.support.setChecked(role.needs_support)
        self.note = QLineEdit(role.note)
        extra = QFormLayout()
        extra.addRow(self.support)
        extra.addRow("При&мечание:", self.note)
        self.layout_.addLayout(extra)
        self.requests.changed.connect(self.check)
        self.form.currentIndexChanged.connect(self.check)
        self.finish_layout()

    def role(self) -> MenteeRole:
        return MenteeRole(
            form=self._form(self.form),
            requests=tuple(
                RequestEntry(text, RequestSource(source or RequestSource.SELF.value))
                for text, source in self.requests.entries()
            ),
            note=self.note.text(),
            needs_support=self.support.isChecked(),
            joined_date=self._joined,
            status=self._status,
        )

    def check(self) -> list[str]:
        return self.show_result(check_mentee(self.role(), self.person.category, self.today))


class MentorDialog(_RoleDialog):
    def __init__(
        self,
        person: Person,
        role: MentorRole | None,
        year_forms: list[str],
        events: list[TrainingEvent],
        add_event: AddEvent,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(person, "Наставник", today, role is not None, parent)
        self._joined = role.joined_date if role else None
        self._add_event = add_event
        role = role or MentorRole(competences=(person.subject,) if person.subject else ())
        self.form = _form_combo(person, Role.MENTOR, year_forms, role.form)
        self.capacity = QSpinBox()
        self.capacity.setRange(*CAPACITY_LIMITS)
        self.capacity.setValue(max(role.capacity, CAPACITY_LIMITS[0]))
        self.interests = QLineEdit(role.interests)
        self.interests.setPlaceholderText("например, туризм, шахматы, волонтёрство")
        self.body.addRow("&Форма наставничества:", self.form)
        self.body.addRow("Может взять &наставляемых:", self.capacity)
        self.body.addRow("&Интересы, увлечения:", self.interests)
        self.competences = EntryTable(
            competence_choices(person.category),
            "Компетенция или предмет",
            add_text="&Добавить компетенцию",
        )
        for text in role.competences:
            self.competences.add_row(text)
        if not role.competences:
            self.competences.add_row()
        self.competences.table.setMinimumHeight(100)
        competences_label = QLabel("Ко&мпетенции и предметы наставника:")
        competences_label.setBuddy(self.competences.table)
        self.layout_.addWidget(competences_label)
        self.layout_.addWidget(self.competences)
        self.layout_.addWidget(self._pipeline(role))
        self.layout_.addWidget(self._training(events, role))
        self.form.currentIndexChanged.connect(self.check)
        self.capacity.valueChanged.connect(self.check)
        self.finish_layout()

    def _pipeline(self, role: MentorRole) -> QGroupBox:
        box = QGroupBox("Отбор и обучение: кандидат → собеседование → обучение → готов к работе")
        grid = QGridLayout(box)
        self.steps: list[tuple[QCheckBox, QDateEdit]] = []
        for row, (text, value) in enumerate(
            (
                ("&Собеседование пройдено", role.interview_date),
                ("&Обучение пройдено", role.training_date),
                ("&Готов к работе", role.ready_date),
            )
        ):
            check = QCheckBox(text)
            check.setChecked(value is not None)
            edit = date_edit(value, self.today)
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            check.toggled.connect(self._steps_changed)
            edit.dateChanged.connect(self.check)
            self.steps.append((check, edit))
        self.stage = QLabel()
        grid.addWidget(self.stage, 0, 2, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(2, 1)
        self._steps_changed()
        return box

    def _training(self, events: list[TrainingEvent], role: MentorRole) -> QGroupBox:
        title = "Занятия «Школы наставников»"
        box = QGroupBox(
            by_sex(
                self.person,
                f"{title}, которые он посетил",
                f"{title}, которые она посетила",
                f"{title}, посещённые наставником",
            )
        )
        layout = QVBoxLayout(box)
        self.events = QListWidget()
        self.events.setMaximumHeight(110)
        self.events.setWordWrap(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setResizeMode(QListWidget.ResizeMode.Adjust)
        for event in events:
            self._event_item(event, event.id in role.training_event_ids)
        layout.addWidget(self.events)
        row = QHBoxLayout()
        self.event_title = QLineEdit()
        self.event_title.setPlaceholderText("Тема нового занятия")
        self.event_date = date_edit(self.today, self.today)
        add = QPushButton("Добавить &занятие")
        add.clicked.connect(self._new_event)
        row.addWidget(self.event_title, 1)
        row.addWidget(self.event_date)
        row.addWidget(add)
        layout.addLayout(row)
        return box

    def _event_item(self, event: TrainingEvent, attended: bool) -> None:
        item = QListWidgetItem(f"{event.event_date:%d.%m.%Y} — {event.title}")
        item.setData(Qt.ItemDataRole.UserRole, event.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if attended else Qt.CheckState.Unchecked)
        self.events.addItem(item)

    def _new_event(self) -> None:
        event = self._add_event(self.event_title.text(), to_date(self.event_date))
        if event is not None:
            self._event_item(event, True)
            self.event_title.clear()

    def _steps_changed(self) -> None:
        """A step can be ticked only after the one before it; unticking clears those after."""
        for index, (check, edit) in enumerate(self.steps):
            allowed = index == 0 or self.steps[index - 1][0].isChecked()
            if not allowed and check.isChecked():
                check.setChecked(False)
            check.setEnabled(allowed)
            edit.setEnabled(check.isChecked())
        self.check()

    def _dates(self) -> list[date | None]:
        return [to_date(edit) if check.isChecked() else None for check, edit in self.steps]

    def role(self) -> MentorRole:
        interview, training, ready = self._dates()
        attended = frozenset(
            int(self.events.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.events.count())
            if self.events.item(i).checkState() == Qt.CheckState.Checked
        )
        return MentorRole(
            form=self._form(self.form),
            competences=tuple(text for text, _source in self.competences.entries()),
            interests=self.interests.text(),
            capacity=self.capacity.value(),
            interview_date=interview,
            training_date=training,
            ready_date=ready,
            training_event_ids=attended,
            joined_date=self._joined,
        )

    def check(self) -> list[str]:
        if not hasattr(self, "events"):
            return []  # still being built
        role = self.role()
        self.stage.setText(f"Этап отбора:<br><b>{role.status.label}</b>")
        return self.show_result(check_mentor(role, self.person.category, self.today))
