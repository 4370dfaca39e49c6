"""The list of pairs and groups: who, form, status, the order, meetings and plan progress.

A working pair without a meeting for more than 30 days stands out (its row is tinted, the last
meeting is red and says how long ago it was).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...models.vocab import GroupStatus, MentoringForm
from ...services.meetings import STALE_DAYS, MeetingSummary
from ...services.pairs import GroupCard
from ...services.plans import Progress
from .table_base import SHORT_NAME_SAMPLE, Column, RowsModel, date_text, plural

STALE_BACKGROUND = QColor("#fdecea")
STALE_TEXT = QColor("#c62828")
MUTED = QColor("#8a8a8a")
FORMING = QColor("#1f6fb8")
FORM_ORDER = {form: i for i, form in enumerate(MentoringForm)}
STATUS_ORDER = {status: i for i, status in enumerate(GroupStatus)}


@dataclass(frozen=True)
class GroupRow:
    card: GroupCard
    summary: MeetingSummary | None
    progress: Progress

    @property
    def id(self) -> int:
        return self.card.id

    @property
    def stale(self) -> bool:
        return self.summary is not None and self.summary.stale

    @property
    def held(self) -> int:
        return self.summary.held if self.summary else 0

    @property
    def last_meeting(self) -> date | None:
        return self.summary.last_date if self.summary else None


def days_text(days: int) -> str:
    return plural(days, "день", "дня", "дней")


def _mentees(row: GroupRow) -> str:
    return ", ".join(m.short_name for m in row.card.mentees)


def _order(row: GroupRow) -> str:
    """«115-о, 06.10.2025» (the full «от … №» in the card and the tooltip)."""
    order = row.card.order
    if order is None:
        return ""
    return f"{order.number}, {order.issued_on:%d.%m.%Y}" if order.issued_on else order.text


def _last(row: GroupRow) -> str:
    if row.last_meeting is not None:
        return date_text(row.last_meeting)
    return "не было" if row.summary and row.summary.days_without is not None else ""


# Shorter status words for the list (the order has its own column); the card says it in full.
STATUS_SHORT = {GroupStatus.APPROVED: "утверждена"}


def _status(row: GroupRow) -> str:
    return STATUS_SHORT.get(row.card.status, row.card.status.label)


def _plan(row: GroupRow) -> str:
    return row.progress.text if row.progress.total else "нет"


COLUMNS = (
    Column("Наставник", lambda r: r.card.mentor.short_name, 130, sample=SHORT_NAME_SAMPLE),
    Column("Наставляемые", _mentees, 124, sample=SHORT_NAME_SAMPLE),
    Column(
        "Форма",
        lambda r: r.card.form.label,
        134,
        key=lambda r: FORM_ORDER[r.card.form],
        yields=True,  # on a narrow window: the filter above and the card tell the form
    ),
    Column("Статус", _status, 122, key=lambda r: STATUS_ORDER[r.card.status], sample="работает"),
    Column(
        "Приказ",
        _order,
        132,
        key=lambda r: (r.card.order.issued_on, r.card.order.number) if r.card.order else None,
        tip="Приказ об утверждении наставнических пар/групп",
        sample="114-о, 06.10.2025",
    ),
    Column("Встреч", lambda r: str(r.held), 50, key=lambda r: r.held, centred=True),
    Column(
        "Последняя",
        _last,
        82,
        key=lambda r: r.last_meeting,
        tip=f"Последняя встреча; пары без встреч больше {STALE_DAYS} дней выделены красным",
        sample="18.11.2025",
    ),
    Column(
        "План",
        _plan,
        54,
        key=lambda r: r.progress.percent if r.progress.total else None,
        tip="Выполнено пунктов индивидуальных планов",
        centred=True,
    ),
)
MENTOR, MENTEES, FORM, STATUS, ORDER, HELD, LAST, PLAN = range(len(COLUMNS))


def group_rows(
    cards: Sequence[GroupCard],
    summaries: Mapping[int, MeetingSummary],
    progress: Mapping[int, Progress],
) -> list[GroupRow]:
    return [GroupRow(c, summaries.get(c.id), progress.get(c.id, Progress())) for c in cards]


class GroupsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def row_of(self, group_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == group_id), -1)

    def search_text(self, item: Any) -> str:
        row: GroupRow = item
        card = row.card
        names = [card.mentor.name, card.mentor.post] + [f"{m.name} {m.post}" for m in card.mentees]
        return " ".join([*names, card.role_model, card.goal, _order(row)])

    def extra(self, item: Any, column: int, role: int) -> Any:
        row: GroupRow = item
        status = row.card.status
        if role == Qt.ItemDataRole.BackgroundRole and row.stale:
            return QBrush(STALE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.stale and column == LAST:
                return QBrush(STALE_TEXT)
            if status in (GroupStatus.DISBANDED, GroupStatus.COMPLETED):
                return QBrush(MUTED)
            if status is GroupStatus.FORMING and column == STATUS:
                return QBrush(FORMING)
            if column == PLAN and not row.progress.total:
                return QBrush(MUTED)
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        row: GroupRow = item
        card = row.card
        if column in (MENTOR, MENTEES):
            lines = [f"Наставник: {card.mentor.name} ({card.mentor.post})"]
            lines += [f"Наставляемый: {m.name} ({m.post})" for m in card.mentees]
            return "\n".join(lines)
        if column == STATUS:
            if card.status is GroupStatus.DISBANDED and card.disband_reason:
                return f"{card.status.label}. Причина: {card.disband_reason}"
            return card.status.label
        if column == ORDER and card.order is not None:
            return f"Приказ {card.order.text} «{card.order.title}»"
        if column == LAST and row.summary and row.summary.days_without is not None:
            days = days_text(row.summary.days_without)
            text = f"Последняя встреча: {_last(row)}. Без встреч: {days}."
            return text + (f" Больше {STALE_DAYS} дней — пора встретиться." if row.stale else "")
        if column == PLAN and row.progress.total:
            p = row.progress
            return f"Выполнено пунктов плана: {p.done} из {p.total} ({p.percent} %)"
        return super().tooltip(item, column)
