"""Simple screens: the placeholder for areas later work fills, and the base class of screens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..models import AcademicYear


class Screen(QWidget):
    """A page of the main window; ``show_year`` is called when the academic year changes.

    ``navigateRequested(key)`` asks the window to open another screen; ``dataChanged`` tells it
    that the screen changed the data, so progress marks elsewhere are brought up to date.
    """

    navigateRequested = Signal(str)
    dataChanged = Signal()

    def show_year(self, year: AcademicYear | None) -> None:  # pragma: no cover - default no-op
        del year

    def finish_work(self) -> None:
        """Block until the screen's work in a thread pool is over (the window is closing)."""


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    label.setFont(font)
    return label


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class PlaceholderScreen(Screen):
    """Says in a few Russian words what this area will hold."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading(title))
        body = paragraph(text)
        body.setStyleSheet("color: #444444;")
        layout.addWidget(body)
        layout.addStretch(1)


PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "bases": (
        "Базы",
        "Здесь будут все участники школы, база наставляемых и база наставников: таблицы с "
        "поиском и сортировкой, согласия на обработку персональных данных, запросы "
        "наставляемых, компетенции наставников и загрузка списков из Excel, ODS и CSV.",
    ),
    "pairs": (
        "Пары и группы",
        "Здесь будут подбор наставников для наставляемых, наставнические пары и группы, "
        "их утверждение приказом, индивидуальные планы развития и журнал встреч.",
    ),
    "indicators": (
        "Показатели",
        "Здесь будут показатели целевой модели: доля обучающихся 10–19 лет в роли "
        "наставляемых, доля обучающихся 15–19 лет в роли наставников, вовлечённость "
        "педагогов и молодых специалистов, удовлетворённость участников — с диаграммами.",
    ),
}
