"""«Кому благодарность» of the reward order: the year's mentors to tick, with a search, «all» and
«none» for the rows shown, and how many are ticked.

A school has a few hundred mentors: one click on «Снять все» must make one new draft, not one
per person, so ``changed`` is emitted once per action of the curator.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.pair_views import PersonBrief
from ...store.text import ru_fold
from ..table_search import SearchField, holds_words, nothing_found, search_words

NO_CONSENT = " — нет согласия: в приказе не называется"


class RewardPeople(QWidget):
    """The candidates, all ticked at first; ``changed`` after each change of the ticks."""

    changed = Signal()

    def __init__(
        self,
        people: Sequence[PersonBrief],
        hidden: set[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bulk = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.search = SearchField("Найти по фамилии, должности, классу…")
        self.search.textChanged.connect(self._filter)
        self.check_all = QPushButton("Отметить &всех")
        self.check_none = QPushButton("Сн&ять все отметки")
        for button, state in ((self.check_all, True), (self.check_none, False)):
            button.setAutoDefault(False)
            button.setToolTip("Для всех, кто показан в списке (с учётом поиска)")
            button.clicked.connect(lambda _c=False, on=state: self.set_shown_checked(on))
        top.addWidget(self.search, 1)
        top.addWidget(self.check_all)
        top.addWidget(self.check_none)
        layout.addLayout(top)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # a long post wraps rather than scroll the list sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for person in people:
            text = f"{person.name}, {person.post}"
            if person.id in hidden:
                text += NO_CONSENT
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, ru_fold(text))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._item_changed)
        layout.addWidget(self.list, 1)
        self.nothing = QLabel()
        self.nothing.setStyleSheet("color: #555555;")
        self.nothing.setVisible(False)
        layout.addWidget(self.nothing)
        self._count()

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked people's ids, in the list's order (by name)."""
        return tuple(
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_shown_checked(self, on: bool) -> None:
        """Tick (or untick) every row shown now; one ``changed`` for them all."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        shown = [
            self.list.item(row)
            for row in range(self.list.count())
            if not self.list.item(row).isHidden() and self.list.item(row).checkState() != state
        ]
        if not shown:
            return
        self._bulk = True
        try:
            for item in shown:
                item.setCheckState(state)
        finally:
            self._bulk = False
        self._count()
        self.changed.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._bulk:
            return
        self._count()
        self.changed.emit()

    def _count(self) -> None:
        ticked = len(self.checked_ids())
        self.count.setText(f"Отмечено: {ticked} из {self.list.count()}")

    def _filter(self, text: str) -> None:
        words = search_words(text)
        found = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            shown = holds_words(str(item.data(Qt.ItemDataRole.UserRole + 1)), words)
            item.setHidden(not shown)
            found += shown
        self.nothing.setText(nothing_found(text) if words and not found else "")
        self.nothing.setVisible(bool(words) and not found)
