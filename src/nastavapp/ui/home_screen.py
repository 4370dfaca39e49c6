"""«Главная»: the school, the year and how far each stage has gone."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..models import AcademicYear
from ..services.progress import stage_progress
from ..services.school import get_school
from ..services.stats import collect_stats
from ..store import Store
from .screens import Screen, heading, paragraph


class HomeScreen(Screen):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        self.title = heading("")
        self.summary = paragraph("")
        self.stages = QLabel()
        self.stages.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.stages)
        layout.addStretch(1)

    def show_year(self, year: AcademicYear | None) -> None:
        school = get_school(self._store)
        self.title.setText(school.short_name if school else "Школа не заведена")
        if year is None or year.id is None:
            self.summary.setText("Учебный год не выбран.")
            self.stages.setText("")
            return
        figures = collect_stats(self._store, year.title)
        persons = figures["persons"]
        self.summary.setText(
            f"{escape(school.full_name) if school else ''}<br>"
            f"Учебный год {year.title}: с {year.start_date:%d.%m.%Y} по {year.end_date:%d.%m.%Y}."
            f"<br><br>Обучающихся: <b>{persons['students']}</b> · педагогов: "
            f"<b>{persons['teachers']}</b> · внешних наставников: <b>{persons['external']}</b>"
            f"<br>Наставников: <b>{figures['mentors']}</b> · наставляемых: "
            f"<b>{figures['mentees']}</b> · пар и групп: <b>{figures['groups']}</b>"
        )
        rows = []
        for stage, figures in stage_progress(self._store, year.id, self._today).items():
            late = (
                f" — <span style='color:#c62828'>просрочено: {figures.overdue}</span>"
                if figures.overdue
                else ""
            )
            rows.append(
                f"<tr><td>{stage.value}.&nbsp;</td><td>{escape(stage.label)}</td>"
                f"<td>&nbsp;&nbsp;выполнено {figures.done} из {figures.total}{late}</td></tr>"
            )
        self.stages.setText(
            "<b>Дорожная карта</b><table cellpadding='3'>" + "".join(rows) + "</table>"
        )
