"""Table model of a stage's roadmap events (the order is the roadmap's, so no sorting)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...models import RoadmapEvent
from ...models.vocab import EventStatus
from ...services.progress import is_overdue
from ...services.roadmap_rules import RuleVerdict

OVERDUE = QColor("#c62828")
DONE = QColor("#2e7d32")
MUTED = QColor("#777777")
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("№", "Мероприятие", "Сроки", "Ответственный", "Статус")
NUMBER, NAME, PERIOD, RESPONSIBLE, STATUS = range(len(COLUMNS))

Index = QModelIndex | QPersistentModelIndex


def period_text(event: RoadmapEvent, separator: str = " ") -> str:
    """«01.10.2025 – 30.11.2025» (or the label when the dates are unknown)."""
    if event.start_date and event.end_date:
        if event.start_date == event.end_date:
            return f"{event.start_date:%d.%m.%Y}"
        return f"{event.start_date:%d.%m.%Y} –{separator}{event.end_date:%d.%m.%Y}"
    return event.period_label or "—"


def order_text(number: str, issued_on: date | None) -> str:
    """«приказ № 100-о от 03.09.2026»: the order an event produced, as the status shows it."""
    day = f" от\u00a0{issued_on:%d.%m.%Y}" if issued_on else ""
    return f"приказ №\u00a0{number}{day}" if number else ""


def mark_text(
    event: RoadmapEvent, verdict: RuleVerdict | None, today: date, order: str = ""
) -> str:
    """What stands behind the status: completion date, the order, automatic reason, overdue
    days."""
    parts = []
    if event.status is EventStatus.DONE and event.completed_date:
        parts.append(f"{event.completed_date:%d.%m.%Y}")
    if order:
        parts.append(order)
    if verdict is not None and not event.status_overridden and not (order and verdict.by_order):
        parts.append(f"по данным: {verdict.reason}")
    if is_overdue(event, today) and event.end_date is not None:
        parts.append(f"просрочено на {(today - event.end_date).days} дн.")
    return "; ".join(parts)


class EventsModel(QAbstractTableModel):
    """``person_names(ids)`` and ``order_texts(document ids)`` read what the rows name."""

    def __init__(
        self,
        today: date,
        stage_number: int,
        person_names: Callable[[set[int]], dict[int, str]],
        order_texts: Callable[[set[int]], dict[int, str]] | None = None,
    ) -> None:
        super().__init__()
        self._today = today
        self._stage = stage_number
        self._person_names = person_names
        self._order_texts = order_texts
        self._names: dict[int, str] = {}
        self._orders: dict[int, str] = {}
        self._events: list[RoadmapEvent] = []
        self._verdicts: dict[int, RuleVerdict] = {}

    def set_events(self, events: list[RoadmapEvent], verdicts: dict[int, RuleVerdict]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._verdicts = verdicts
        wanted = {e.responsible_person_id for e in events if e.responsible_person_id is not None}
        self._names = self._person_names(wanted) if wanted else {}
        documents = {e.document_id for e in events if e.document_id is not None}
        reader = self._order_texts
        self._orders = reader(documents) if reader is not None and documents else {}
        self.endResetModel()

    def event_at(self, row: int) -> RoadmapEvent | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def row_of(self, event_id: int) -> int:
        return next((i for i, e in enumerate(self._events) if e.id == event_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = index.column()
        late = is_overdue(event, self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if late:
                return QBrush(OVERDUE)
            if column == STATUS and event.status is EventStatus.DONE:
                return QBrush(DONE)
            if column == NUMBER or event.status is EventStatus.NOT_REQUIRED:
                return QBrush(MUTED)
        if role == Qt.ItemDataRole.FontRole and column == STATUS and late:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return event.content or event.name
        if role == EVENT_ID_ROLE:
            return event.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, event: RoadmapEvent, column: int) -> str:
        if column == NUMBER:
            return f"{self._stage}.{event.position}"
        if column == NAME:
            return event.name
        if column == PERIOD:
            return period_text(event, "\n")
        if column == RESPONSIBLE:
            role = event.responsible_role.label if event.responsible_role else ""
            person = self._names.get(event.responsible_person_id or -1, "")
            return f"{role}\n{person}".strip() if person else role
        order = self._orders.get(event.document_id or -1, "")
        mark = mark_text(event, self._verdicts.get(event.id or -1), self._today, order)
        return f"{event.status.label}\n{mark}" if mark else event.status.label
