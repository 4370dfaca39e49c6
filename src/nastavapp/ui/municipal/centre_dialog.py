"""«Сведения о муниципальном центре»: who makes the summary (asked once, editable later)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.consolidation.centre import CentreProfile

EXPLANATION = (
    "Эти сведения попадут в заголовок сводки и аналитической справки, а также в лист «data» "
    "сводки — по нему регион объединит сводки муниципалитетов так же, как здесь объединяются "
    "отчёты школ."
)


class CentreDialog(QDialog):
    def __init__(self, profile: CentreProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Сведения о муниципальном центре")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        text = QLabel(EXPLANATION)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.name = QLineEdit(profile.name)
        self.name.setPlaceholderText("МБУ «Центр развития образования»")
        self.short_name = QLineEdit(profile.short_name)
        self.short_name.setPlaceholderText("МБУ ЦРО")
        self.municipality = QLineEdit(profile.municipality)
        self.municipality.setPlaceholderText("Ольховский муниципальный район")
        self.code = QLineEdit(profile.code)
        self.code.setPlaceholderText("необязательно")
        self.coordinator = QLineEdit(profile.coordinator)
        self.coordinator.setPlaceholderText("Фамилия Имя Отчество")
        form.addRow("&Наименование организации:", self.name)
        form.addRow("&Краткое наименование:", self.short_name)
        form.addRow("&Муниципальное образование:", self.municipality)
        form.addRow("Ко&д:", self.code)
        form.addRow("К&оординатор:", self.coordinator)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Сохранить")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Отмена")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.name, self.short_name, self.municipality, self.coordinator):
            field.setCursorPosition(0)  # a long name shows its beginning
        for field in (self.name, self.municipality):
            field.textChanged.connect(self._validate)
        self._validate()

    def profile(self) -> CentreProfile:
        return CentreProfile(
            name=self.name.text(),
            short_name=self.short_name.text(),
            municipality=self.municipality.text(),
            code=self.code.text(),
            coordinator=self.coordinator.text(),
        )

    def _validate(self) -> None:
        problems = self.profile().problems()
        self.problem.setText(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
