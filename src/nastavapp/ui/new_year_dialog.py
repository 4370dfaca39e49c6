"""«Новый учебный год»: what starts afresh, what carries over, and the year's title."""

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

from ..models import AcademicYear
from ..services.years import YearError, parse_year_title

EXPLANATION = (
    "Для нового учебного года дорожная карта создаётся заново по типовому плану. "
    "Переносятся:<ul>"
    "<li>все участники; ученики переводятся в следующий класс, выпускники 11-х классов "
    "уходят в архив;</li>"
    "<li>наставники, прошедшие отбор и обучение, — вместе с их компетенциями;</li>"
    "<li>пары и группы, которые продолжают работу, — с наставником и наставляемыми.</li></ul>"
    "Прошлый учебный год остаётся в базе без изменений, его можно открыть в любой момент."
)


class NewYearDialog(QDialog):
    def __init__(self, latest: AcademicYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Новый учебный год")
        self.setMinimumWidth(560)
        self._latest = latest
        layout = QVBoxLayout(self)
        text = QLabel(EXPLANATION)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        first = int(latest.title[:4]) + 1
        self.title = QLineEdit(f"{first}/{first + 1}")
        form.addRow("&Учебный год:", self.title)
        form.addRow("Переносится из:", QLabel(latest.title))
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Начать учебный год")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        problem = ""
        try:
            title, _, _ = parse_year_title(self.title.text())
            if title <= self._latest.title:
                problem = f"Новый учебный год должен идти после {self._latest.title}."
        except YearError as exc:
            problem = str(exc)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def chosen_title(self) -> str:
        return parse_year_title(self.title.text())[0]
