"""One roadmap stage: its task, expected result, and its events with status and dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models import AcademicYear
from ..models.vocab import RoadmapStage
from ..services.progress import is_overdue, year_events
from ..services.roadmap import load_template
from ..store import Store
from .screens import Screen, heading, paragraph

COLUMNS = ("Мероприятие", "Сроки", "Ответственный", "Статус")


def period_text(start: date | None, end: date | None, label: str) -> str:
    if start and end:
        return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
    return label or "—"


class StageScreen(Screen):
    def __init__(
        self, store: Store, stage: RoadmapStage, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._stage = stage
        self._today = today
        template = next(s for s in load_template().stages if s.number == stage.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(heading(f"Этап {stage.value}. {stage.label}"))
        layout.addWidget(paragraph(f"<b>Задача этапа.</b> {template.task}"))
        layout.addWidget(paragraph(f"<b>Результат.</b> {template.result}"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            paragraph(
                "<span style='color:#555'>Редактирование дорожной карты и переходы к работе "
                "этапа появятся в разделе «Дорожная карта».</span>"
            )
        )

    def show_year(self, year: AcademicYear | None) -> None:
        events = (
            []
            if year is None or year.id is None
            else [e for e in year_events(self._store, year.id) if e.stage == self._stage.value]
        )
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            responsible = event.responsible_role.label if event.responsible_role else ""
            cells = (
                event.name,
                period_text(event.start_date, event.end_date, event.period_label),
                responsible,
                event.status.label,
            )
            late = is_overdue(event, self._today)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late:
                    item.setForeground(QBrush(QColor("#c62828")))
                    item.setToolTip("Просрочено")
                self.table.setItem(row, column, item)
            if late:
                self.table.item(row, 3).setText(f"{event.status.label} (просрочено)")
        self.table.resizeRowsToContents()
