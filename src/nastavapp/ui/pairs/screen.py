"""«Пары и группы»: matching, the list of pairs and groups with their cards, and «Без пары».

Any change stored on one tab (or in a card) brings the other tabs up to date and emits
``dataChanged``, so the roadmap marks follow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...models import AcademicYear
from ...models.vocab import MentoringForm
from ...store import Store
from ..dialog_slot import replace_dialog
from ..screens import Screen, heading
from .card_dialog import CardDialog
from .groups_tab import GroupsTab
from .matching_tab import MatchingTab
from .unpaired_tab import UnpairedTab

TITLE = "Пары и группы"


class PairsScreen(Screen):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.year: AcademicYear | None = None
        self.card: CardDialog | None = None  # the card open now (tests drive it)
        self._shown_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(6)
        self.title = heading(TITLE)
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        self.matching = MatchingTab(store, today)
        self.groups = GroupsTab(store, today)
        self.unpaired = UnpairedTab(store, today)
        self.tabs.addTab(self.matching, "Подбор пар")
        self.tabs.addTab(self.groups, "Пары и группы")
        self.tabs.addTab(self.unpaired, "Без пары")
        layout.addWidget(self.tabs, 1)
        self.matching.stored.connect(lambda: self._changed(self.matching))
        self.groups.changed.connect(lambda: self._changed(self.groups))
        self.unpaired.changed.connect(self.dataChanged.emit)
        self.groups.openRequested.connect(self.open_card)
        self.unpaired.matchRequested.connect(self._match)

    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.title.setText(f"{TITLE} — {year.title} учебный год" if year else TITLE)
        self.tabs.setEnabled(year is not None)
        if self.card is not None:
            self.card.close()
            self.card.deleteLater()
            self.card = None
        self.matching.show_year(year)
        self.groups.show_year(year)
        self.unpaired.show_year(year)
        self._count()

    def _changed(self, source: QWidget | None = None) -> None:
        """Bring every tab but ``source`` up to date, then tell the window."""
        if source is not self.groups:
            self.groups.reload()
        self.unpaired.reload()
        if source is not self.matching:
            self.matching.data_changed_elsewhere()
        self._count()
        self.dataChanged.emit()

    def _count(self) -> None:
        groups, unpaired = self.groups.model.rowCount(), self.unpaired.model.rowCount()
        self.tabs.setTabText(1, f"Пары и группы ({groups})" if groups else "Пары и группы")
        self.tabs.setTabText(2, f"Без пары ({unpaired})" if unpaired else "Без пары")

    def open_card(self, group_id: int) -> CardDialog:
        card = CardDialog(self.store, group_id, self.today, self)
        card.changed.connect(lambda: self._changed(None))
        self.card = replace_dialog(self.card, card)
        card.open()
        return card

    def _match(self, form: object) -> None:
        if isinstance(form, MentoringForm):
            self.matching.choose_form(form)
        self.tabs.setCurrentWidget(self.matching)

    def showEvent(self, event: QShowEvent) -> None:
        """Read again when the screen comes back: the bases may have changed meanwhile."""
        super().showEvent(event)
        if self._shown_once and self.year is not None:
            self.groups.reload()
            self.unpaired.reload()
            self.matching.data_changed_elsewhere(notice=False)
            self._count()
        self._shown_once = True

    def shutdown(self) -> None:
        """Wait for the matching worker."""
        self.matching.shutdown()

    def finish_work(self) -> None:
        """The main window is closing: the matching must not outlive it nor the data file."""
        self.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
