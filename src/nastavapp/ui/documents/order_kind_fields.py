"""What one kind of order asks besides its number and date: which pairs order (the pairs'),
whom to thank (the reward's, a list of its own for a tab), the day and name of the final event.
``changed(keep_header)`` after each change, ``options()`` for the draft."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QListWidget

from ...models.vocab import DocumentKind
from ...services.consents import without_consent
from ...services.documents.orders import OrderOptions, reward_candidates
from ...services.pairs import pair_orders
from ...store import Store
from ..bases.widgets import date_edit, to_date
from .reward_people import RewardPeople

NEW_PAIRS_ORDER = -1


class OrderKindFields(QObject):
    changed = Signal(bool)  # keep the number and date shown (False: another pairs order)

    def __init__(
        self,
        store: Store,
        year_id: int,
        kind: DocumentKind,
        today: date,
        form: QFormLayout,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pairs_order: QComboBox | None = None
        self.reward: RewardPeople | None = None
        self.people: QListWidget | None = None  # the reward's list, for the tests
        self.event_day: QDateEdit | None = None
        self.event_title: QLineEdit | None = None
        if kind is DocumentKind.ORDER_PAIRS:
            self.pairs_order = QComboBox()
            for order in reversed(pair_orders(store, year_id)):
                self.pairs_order.addItem(f"Приказ {order.text}", order.id)
            self.pairs_order.addItem(
                "Новый приказ: пары и группы, которые формируются", NEW_PAIRS_ORDER
            )
            self.pairs_order.currentIndexChanged.connect(lambda _i: self.changed.emit(False))
            form.addRow("&Какой приказ:", self.pairs_order)
        elif kind is DocumentKind.ORDER_REWARD:
            candidates = reward_candidates(store, year_id)
            self.reward = RewardPeople(candidates, without_consent(store))
            self.people = self.reward.list
            self.reward.changed.connect(lambda: self.changed.emit(True))
        elif kind is DocumentKind.ORDER_FINAL_EVENT:
            self.event_day = date_edit(None, today)
            self.event_title = QLineEdit()
            self.event_title.setPlaceholderText("Наставничество: от цели к результату")
            self.event_day.dateChanged.connect(lambda _d: self.changed.emit(True))
            self.event_title.editingFinished.connect(lambda: self.changed.emit(True))
            form.addRow("Дата &мероприятия:", self.event_day)
            form.addRow("Назв&ание мероприятия:", self.event_title)

    def options(self) -> OrderOptions:
        order_id = None
        new_order = False
        if self.pairs_order is not None:
            chosen = self.pairs_order.currentData()
            new_order = chosen == NEW_PAIRS_ORDER
            order_id = None if chosen in (None, NEW_PAIRS_ORDER) else int(chosen)
        return OrderOptions(
            order_id=order_id,
            new_pairs_order=new_order,
            people=self.reward.checked_ids() if self.reward is not None else None,
            event_date=to_date(self.event_day) if self.event_day is not None else None,
            event_title=self.event_title.text() if self.event_title is not None else "",
        )
