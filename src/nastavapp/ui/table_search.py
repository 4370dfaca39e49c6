"""Search above a table: the field (Ctrl+F goes to it, Esc empties it), a proxy that shows the
rows whose text holds every word typed («ё» as «е», any case), and the note of an empty result.

The source model sorts itself (GUIDE trap 7) and tells the proxy what each row is:
``haystack(row)`` is the row's text folded with ``ru_fold``, ``is_pinned(row)`` keeps a row
in sight whatever is typed (a totals row, the blank row for a new entry). The proxy keeps the
source's order, so a search keeps the current sort and a sort keeps the search.

The bases (``bases/filters.py``, ``bases/base_view.py``) and the pairs (``pairs/table_base.py``,
``pairs/widgets.py``) have search fields, proxies and an empty-table note of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..store.text import ru_fold

Index = QModelIndex | QPersistentModelIndex
KEYS_TIP = "Ctrl+F — перейти к поиску, Esc — очистить поле"


def nothing_found(query: str) -> str:
    """«Ничего не найдено по запросу «…»»."""
    return f"Ничего не найдено по запросу «{query.strip()}»"


class SearchableModel(Protocol):
    def haystack(self, row: int) -> str:
        """The row's searchable text, folded with ``ru_fold``."""
        ...

    def is_pinned(self, row: int) -> bool:
        """Shown whatever is searched (totals, the blank row for a new entry)."""
        ...


class SearchField(QLineEdit):
    """A search field with the clear button; Ctrl+F anywhere in its window (while the field is
    shown) puts the cursor in it, Esc in it empties it."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setToolTip(KEYS_TIP)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def _clears(self, event: QKeyEvent) -> bool:
        return (
            event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and bool(self.text())
        )

    def event(self, event: QEvent) -> bool:
        # Esc is the field's own while it has text (no window shortcut or dialog takes it)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._clears(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clears(event):
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class TableSearchProxy(QSortFilterProxyModel):
    """The source's rows whose haystack holds every search word, and its pinned rows, in the
    source's order. A row edited in place stays until the search changes (no dynamic filter);
    rows are numbered 1… as shown (a pinned row keeps the source's label)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._words: list[str] = []
        self.setDynamicSortFilter(False)

    def source(self) -> SearchableModel:
        return self.sourceModel()  # type: ignore[return-value]

    # searching --------------------------------------------------------------------------------
    def query(self) -> str:
        """What is searched, as typed (without spaces around); empty: everything is shown."""
        return self._query

    def set_search(self, text: str) -> None:
        self._query = text.strip()
        words = ru_fold(text).split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9: invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if model.is_pinned(source_row) or not self._words:
            return True
        haystack = model.haystack(source_row)
        return all(word in haystack for word in self._words)

    def found(self) -> int:
        """The rows shown that are not pinned."""
        return sum(not self._pinned(row) for row in range(self.rowCount()))

    def total(self) -> int:
        """The source's rows that are not pinned."""
        model = self.source()
        rows = self.sourceModel().rowCount()
        return sum(not model.is_pinned(row) for row in range(rows))

    def _pinned(self, row: int) -> bool:
        return self.source().is_pinned(self.mapToSource(self.index(row, 0)).row())

    # the Qt model interface ---------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source sorts itself (Russian collation keys); the proxy keeps its order."""
        self.sourceModel().sort(column, order)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.rowCount()
            and not self._pinned(section)
        ):
            return str(section + 1)
        return super().headerData(section, orientation, role)


def source_model(model: QAbstractItemModel | None) -> QAbstractItemModel | None:
    """The model under any proxies."""
    while isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    return model


def empty_hint(view: QAbstractItemView) -> QLabel:
    """A grey note in the middle of the table's empty area (clicks go through to the table);
    hidden until given a text with :func:`show_hint`."""
    hint = QLabel()
    hint.setWordWrap(True)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setStyleSheet("color: #666666; padding: 24px;")
    hint.setMinimumWidth(520)  # a line of reading width, not a narrow column
    hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    hint.hide()
    area = QVBoxLayout(view.viewport())
    area.addWidget(hint, 0, Qt.AlignmentFlag.AlignCenter)
    return hint


def show_hint(hint: QLabel, text: str) -> None:
    hint.setText(text)
    hint.setVisible(bool(text))


def nothing_found_hint(query: str, what: str) -> str:
    """The empty table's note: nothing found, and how to see ``what`` («все школы») again."""
    return f"{nothing_found(query)}.\nОчистите поле поиска (Esc), чтобы снова увидеть {what}."
