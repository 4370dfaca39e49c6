"""The card of a pair or group: «Карточка», «Индивидуальный план», «Встречи» in one dialog.

Every change is stored at once by the page that made it; the dialog then reads the pair again
and emits ``changed`` so the lists and the roadmap marks follow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.meetings import meeting_summaries
from ...services.pairs import group_card, mentor_load, status_history
from ...services.plans import group_progress
from ...store import Store
from ..screen_fit import resize_remembered
from ..screens import heading
from .card_page import CardPage
from .card_status import CardFacts, nbsp
from .meeting_log import MeetingLog
from .plan_editor import PlanEditor
from .widgets import no_default_buttons


class CardDialog(QDialog):
    changed = Signal()

    def __init__(
        self, store: Store, group_id: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.group_id, self.today = store, group_id, today
        resize_remembered(self, "pair_card", 960, 660)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555555;")
        layout.addWidget(self.subtitle)
        self.tabs = QTabWidget()
        self.page = CardPage(store, today)
        self.plan = PlanEditor(store, today)
        self.meetings = MeetingLog(store, today)
        self.tabs.addTab(self.page, "&Карточка")
        self.tabs.addTab(self.plan, "Индивидуальный &план")
        self.tabs.addTab(self.meetings, "Встре&чи")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for page in (self.page, self.plan, self.meetings):
            page.changed.connect(self._changed)
        no_default_buttons(self)  # Enter saves a form, it must not close the card
        self.reload()
        # the keyboard starts on the pages' titles (arrows change the page, Tab goes into it),
        # not on «Закрыть»
        self.tabs.tabBar().setFocus()

    def reload(self) -> bool:
        card = group_card(self.store, self.group_id)
        if card is None:  # deleted meanwhile
            self.title.setText("Этой пары или группы больше нет")
            self.tabs.setEnabled(False)
            return False
        kind = "Пара" if len(card.mentees) == 1 else "Группа"
        self.setWindowTitle(f"{kind}: {card.title}")
        self.title.setText(f"{kind}: {card.title}")
        order = f" · приказ {nbsp(card.order.text)}" if card.order else ""
        self.subtitle.setText(f"{card.form.label} · {card.kind.label} · {card.status.label}{order}")
        summary = meeting_summaries(self.store, card.year_id, self.today).get(card.id)
        facts = CardFacts(
            card,
            status_history(self.store, card.id),
            mentor_load(self.store, card.year_id, card.mentor.id),
            summary,
            group_progress(self.store, card.id),
        )
        self.page.show_facts(facts)
        self.plan.show_card(card)
        self.meetings.show_card(card)
        return True

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
