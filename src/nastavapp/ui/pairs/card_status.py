"""The status part of a pair's card: the status with the order, the dated history, meetings and
plan in one line, and the next steps — start work, complete, disband with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...models.vocab import GroupStatus
from ...services.meetings import MeetingSummary
from ...services.pairs import (
    GroupCard,
    MentorLoad,
    StatusEntry,
    complete_group,
    disband_group,
    start_work,
)
from ...services.plans import Progress
from ...store import Store
from ..dialog_slot import replace_dialog
from .status_dialog import StatusDialog
from .widgets import muted_label, run_action

STATUS_COLORS = {
    GroupStatus.FORMING: "#1f6fb8",
    GroupStatus.APPROVED: "#1f6fb8",
    GroupStatus.ACTIVE: "#2e7d32",
    GroupStatus.COMPLETED: "#555555",
    GroupStatus.DISBANDED: "#c62828",
}
LIVE = (GroupStatus.FORMING, GroupStatus.APPROVED, GroupStatus.ACTIVE)


@dataclass(frozen=True)
class CardFacts:
    """What the card shows besides the pair itself."""

    card: GroupCard
    history: list[StatusEntry]
    load: MentorLoad | None
    summary: MeetingSummary | None
    progress: Progress


def nbsp(text: str) -> str:
    """Keep «№ 115-о» on one line."""
    return text.replace("№ ", "№\u00a0")


def history_html(history: list[StatusEntry]) -> str:
    """«06.10.2025 — утверждена приказом. Приказ от 06.10.2025 № 115-о», one per line."""
    lines = []
    for entry in history:
        note = f". {escape(nbsp(entry.note))}" if entry.note else ""
        lines.append(f"{entry.changed_on:%d.%m.%Y} — <b>{entry.status.label}</b>{note}")
    return "<br>".join(lines)


def work_text(summary: MeetingSummary | None, progress: Progress) -> str:
    held = summary.held if summary else 0
    last = f", последняя {summary.last_date:%d.%m.%Y}" if summary and summary.last_date else ""
    plan = f"выполнено {progress.text}" if progress.total else "ещё не составлен"
    return f"Встреч проведено: {held}{last}. Индивидуальный план: {plan}."


class StatusBox(QGroupBox):
    """``changed`` after the status was changed."""

    changed = Signal()

    def __init__(self, store: Store, today: date) -> None:
        super().__init__("Статус")
        self.store, self.today = store, today
        self.card: GroupCard | None = None
        self.dialog: QDialog | None = None
        column = QVBoxLayout(self)
        self.status_label = QLabel()
        self.order_label = QLabel()
        self.order_label.setWordWrap(True)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.status_label)
        column.addWidget(self.order_label)
        column.addSpacing(6)
        column.addWidget(QLabel("<b>История статуса</b>"))
        column.addWidget(self.history_label)
        column.addStretch(1)
        self.work_label = muted_label()
        column.addWidget(self.work_label)
        actions = QHBoxLayout()
        self.start_button = QPushButton("Нача&ть работу…")
        self.start_button.clicked.connect(self.start_work)
        self.complete_button = QPushButton("&Завершить…")
        self.complete_button.clicked.connect(self.complete)
        self.disband_button = QPushButton("Рас&формировать…")
        self.disband_button.clicked.connect(self.disband)
        for button in (self.start_button, self.complete_button, self.disband_button):
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)

    def show_facts(self, facts: CardFacts) -> None:
        card = self.card = facts.card
        since = facts.history[-1].changed_on if facts.history else None
        when = f" с {since:%d.%m.%Y}" if since else ""
        self.status_label.setText(
            f"<span style='font-size:15px; color:{STATUS_COLORS[card.status]};'>"
            f"<b>{card.status.label}</b></span>{when}"
        )
        order = (
            f"Утверждена приказом {nbsp(card.order.text)}." if card.order else "Приказа ещё нет."
        )
        if card.status is GroupStatus.DISBANDED and card.disband_reason:
            order += f" Причина расформирования: {card.disband_reason}"
        self.order_label.setText(order)
        self.history_label.setText(history_html(facts.history))
        self.work_label.setText(work_text(facts.summary, facts.progress))
        self.start_button.setEnabled(card.status is GroupStatus.APPROVED)
        self.complete_button.setEnabled(card.status is GroupStatus.ACTIVE)
        self.disband_button.setEnabled(card.status in LIVE)

    # commands -----------------------------------------------------------------------------------
    def _ask(self, dialog: StatusDialog, change: Callable[[int, StatusDialog], object]) -> None:
        """Open ``dialog``; once accepted, ``change(group_id, dialog)`` is stored."""
        card = self.card
        if card is None:
            return

        def accepted() -> None:
            if run_action(self, lambda: change(card.id, dialog)):
                self.changed.emit()

        self.dialog = replace_dialog(self.dialog, dialog)
        dialog.accepted.connect(accepted)
        dialog.open()

    def start_work(self) -> None:
        dialog = StatusDialog(
            "Начать работу",
            "Пара перейдёт в статус «работает». Обычно это происходит само, когда вы "
            "записываете первую встречу.",
            "Начать работу",
            self.today,
            parent=self,
        )
        self._ask(
            dialog,
            lambda group, d: start_work(
                self.store, group, d.day(), today=self.today, note=d.reason()
            ),
        )

    def complete(self) -> None:
        dialog = StatusDialog(
            "Завершить работу",
            "Работа пары завершится, у наставляемых в базе будет отмечено «программа "
            "завершена». Статус больше не изменится.",
            "Завершить",
            self.today,
            reason_label="&Итог:",
            parent=self,
        )
        self._ask(
            dialog,
            lambda group, d: complete_group(
                self.store, group, d.day(), today=self.today, note=d.reason()
            ),
        )

    def disband(self) -> None:
        title = self.card.title if self.card else ""
        dialog = StatusDialog(
            "Расформировать",
            f"Расформировать «{title}»? Наставляемые вернутся в базу и снова появятся в подборе "
            "пар; встречи и планы останутся в истории. Это нельзя отменить.",
            "Расформировать",
            self.today,
            reason_label="&Причина:",
            reason_required=True,
            parent=self,
        )
        self._ask(
            dialog,
            lambda group, d: disband_group(
                self.store, group, d.reason(), d.day(), today=self.today
            ),
        )
