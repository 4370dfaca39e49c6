"""«Главная»: where the school is in its year, what is overdue, what is due, what to do next."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models import AcademicYear, RoadmapEvent
from ..models.vocab import RoadmapStage
from ..services.counts import basic_counts, disbanded_groups
from ..services.progress import (
    CLOSED,
    current_stage,
    due_soon,
    is_overdue,
    next_step,
    year_events,
)
from ..services.school import get_school
from ..store import Store
from .navigation import stage_key
from .screens import Screen, heading, paragraph

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet(
        "#card { background: white; border: 1px solid #d5dde6; border-radius: 6px; }"
    )
    return frame


def groups_text(groups: int, disbanded: int) -> str:
    """The year's pairs and groups as «Показатели» count them (not disbanded), the rest apart."""
    text = f"пар и групп: <b>{groups - disbanded}</b>"
    return text + (f" (ещё расформировано: {disbanded})" if disbanded else "")


def _event_line(event: RoadmapEvent, today: date) -> str:
    number = f"{event.stage}.{event.position}"
    if is_overdue(event, today) and event.end_date:
        return f"{number}  {event.name} — срок истёк {event.end_date:%d.%m.%Y}"
    if event.end_date:
        return f"{number}  {event.name} — до {event.end_date:%d.%m.%Y}"
    return f"{number}  {event.name}"


class HomeScreen(Screen):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._next: RoadmapEvent | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        self.title = heading("")
        self.summary = paragraph("")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)

        now = _card()
        now_layout = QVBoxLayout(now)
        self.stage_text = paragraph("")
        self.next_text = paragraph("")
        self.next_button = QPushButton("&Открыть этап →")
        self.next_button.clicked.connect(self._open_next)
        now_layout.addWidget(self.stage_text)
        now_layout.addWidget(self.next_text)
        now_layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(now)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.overdue_title = QLabel()
        self.soon_title = QLabel()
        self.overdue_list = self._event_list()
        self.soon_list = self._event_list()
        grid.addWidget(self.overdue_title, 0, 0)
        grid.addWidget(self.soon_title, 0, 1)
        grid.addWidget(self.overdue_list, 1, 0)
        grid.addWidget(self.soon_list, 1, 1)
        layout.addLayout(grid, 1)

    def _event_list(self) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        # room around each line by padding, not setSpacing(): with spacing Qt sizes some wrapped
        # lines for a narrower width than it draws them (cut short «срок ист…», a gap below)
        widget.setStyleSheet("QListWidget::item { padding: 3px 0px; }")
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.itemActivated.connect(self._open_item)
        widget.itemClicked.connect(self._open_item)
        return widget

    def show_year(self, year: AcademicYear | None) -> None:
        school = get_school(self._store)
        self.title.setText(school.short_name if school else "Школа не заведена")
        if year is None or year.id is None:
            self.summary.setText("Учебный год не выбран.")
            return
        figures = basic_counts(self._store, year)  # the cheap counts: this screen opens first
        persons = figures["persons"]
        disbanded = disbanded_groups(self._store, year)
        self.summary.setText(
            f"Учебный год {year.title} · сегодня {self._today:%d.%m.%Y}<br>"
            f"Обучающихся: <b>{persons['students']}</b> · педагогов: <b>{persons['teachers']}</b>"
            f" · внешних наставников: <b>{persons['external']}</b><br>"
            f"В базе наставников: <b>{figures['mentors']}</b> · в базе наставляемых: "
            f"<b>{figures['mentees']}</b> · {groups_text(figures['groups'], disbanded)}"
        )
        events = year_events(self._store, year.id)
        self._show_now(events)
        overdue = [e for e in events if is_overdue(e, self._today)]
        soon = due_soon(events, self._today)
        self.overdue_title.setText(f"<b>Просрочено</b> ({len(overdue)})")
        self.soon_title.setText(f"<b>Сейчас и в ближайшие 30 дней</b> ({len(soon)})")
        self._fill(self.overdue_list, overdue, QColor("#c62828"), "Просроченных мероприятий нет.")
        self._fill(self.soon_list, soon, None, "Сейчас и в ближайшие 30 дней мероприятий нет.")

    def _show_now(self, events: list[RoadmapEvent]) -> None:
        stage = current_stage(events, self._today)
        done = sum(e.status in CLOSED for e in events)
        self.stage_text.setText(
            f"<span style='font-size:13pt'>Сейчас: <b>этап {stage.value}. "
            f"{escape(stage.label)}</b></span><br>"
            f"Выполнено мероприятий дорожной карты: {done} из {len(events)}."
        )
        self._next = next_step(events, self._today)
        if self._next is None:
            self.next_text.setText("Все мероприятия дорожной карты выполнены.")
            self.next_button.setVisible(False)
            return
        late = is_overdue(self._next, self._today)
        lead = "Срок истёк — сделайте в первую очередь" if late else "Следующий шаг"
        self.next_text.setText(f"<b>{lead}:</b> {escape(_event_line(self._next, self._today))}")
        self.next_button.setText(f"&Открыть этап {self._next.stage} →")
        self.next_button.setVisible(True)

    def _fill(
        self, widget: QListWidget, events: list[RoadmapEvent], color: QColor | None, empty: str
    ) -> None:
        widget.clear()
        for event in events:
            item = QListWidgetItem(_event_line(event, self._today))
            item.setData(KEY_ROLE, stage_key(RoadmapStage(event.stage)))
            if color is not None:
                item.setForeground(QBrush(color))
            widget.addItem(item)
        if not events:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)

    def _open_item(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.navigateRequested.emit(str(key))

    def _open_next(self) -> None:
        if self._next is not None:
            self.navigateRequested.emit(stage_key(RoadmapStage(self._next.stage)))
