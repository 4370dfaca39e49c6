"""Search above a table: the field (Ctrl+F goes to it, Esc empties it), a proxy that shows the
rows whose text holds every word typed («ё» as «е», any case), and the note of an empty result.

The source model sorts itself (GUIDE trap 7) and tells the proxy what each row is:
``haystack(row)`` is the row's text folded with ``ru_fold``, ``is_pinned(row)`` keeps a row
in sight whatever is typed (a totals row, the blank row for a new entry). The proxy keeps the
source's order, so a search keeps the current sort and a sort keeps the search.

Every searched table of the program takes its field and its note from here: the municipal
summary, the questionnaires' answers, «Базы» and «Пары и группы». The pairs' proxy
(``pairs/table_base.SearchProxy``) is this one with filters beside the search; the bases keep a
proxy of their own (``bases/filters.py``), a plain model over precomputed rows that filters
20,000 people per keystroke in a few milliseconds, with the words of :func:`search_words`.
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
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..store.text import ru_fold

Index = QModelIndex | QPersistentModelIndex
KEYS_TIP = "Ctrl+F — перейти к поиску, Esc — очистить поле"
SEARCH_ROOM = 240  # the least width of a search field with filters beside it, in pixels


def nothing_found(query: str) -> str:
    """«Ничего не найдено по запросу «…»»."""
    return f"Ничего не найдено по запросу «{query.strip()}»"


def search_words(text: str) -> list[str]:
    """The words searched for in ``text`` as typed, folded («Ёлкин» → «елкин»)."""
    return ru_fold(text).split()


def holds_words(haystack: str, words: list[str]) -> bool:
    """Whether a folded text holds every word (parts of words too)."""
    return all(word in haystack for word in words)


class SearchableModel(Protocol):
    def haystack(self, row: int) -> str:
        """The row's searchable text, folded with ``ru_fold``."""
        ...

    def is_pinned(self, row: int) -> bool:
        """Shown whatever is searched (totals, the blank row for a new entry)."""
        ...


class SearchField(QLineEdit):
    """A search field with the clear button; Ctrl+F anywhere in its window (while the field is
    shown: of several tabs, the one in view; in a dialog, the dialog's) puts the cursor in it,
    Esc in it empties it.

    ``find_key=False`` for a second field shown beside the main one (the mentors' load beside
    the proposals): Ctrl+F then goes to the main field alone, not to either in turn.
    """

    def __init__(
        self, placeholder: str, parent: QWidget | None = None, *, find_key: bool = True
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setToolTip(KEYS_TIP if find_key else "Esc — очистить поле")
        self.find_shortcut: QShortcut | None = None
        if find_key:
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


class SearchRow(QWidget):
    """The search field and the filters chosen beside it (combos, check boxes): in one row while
    the field keeps ``SEARCH_ROOM`` pixels, else the filters in a second row under the field (a
    narrow window), so that neither is squeezed."""

    def __init__(self, search: SearchField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.filters: list[QWidget] = []
        self._one_row = True
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self._top, self._bottom = QHBoxLayout(), QHBoxLayout()
        self._top.addWidget(search, 1)
        self._bottom.addStretch(1)  # the filters of a second row keep to the left
        rows.addLayout(self._top)
        rows.addLayout(self._bottom)

    def add_filter(self, widget: QWidget) -> None:
        self.filters.append(widget)
        if self._one_row:
            self._top.addWidget(widget)
        else:
            self._bottom.insertWidget(len(self.filters) - 1, widget)

    def one_row(self) -> bool:
        return self._one_row

    def fit(self) -> None:
        """One row or two for the present width (after a resize or new choices in a combo)."""
        spacing = max(self._top.spacing(), 0)
        shown = [w for w in self.filters if not w.isHidden()]
        needed = SEARCH_ROOM + sum(w.sizeHint().width() + spacing for w in shown)
        one_row = self.width() >= needed
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for widget in self.filters:
            (self._bottom if one_row else self._top).removeWidget(widget)
        for place, widget in enumerate(self.filters):
            if one_row:
                self._top.addWidget(widget)
            else:
                self._bottom.insertWidget(place, widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class TableSearchProxy(QSortFilterProxyModel):
    """The source's rows whose haystack holds every search word, and its pinned rows, in the
    source's order. A row edited in place stays until the search changes (no dynamic filter);
    rows are numbered 1… as shown (a pinned row keeps the source's label).

    ``searched`` is emitted after every change of the search (or of a subclass's filters), rows
    shown or not: the empty result's note names what was searched."""

    searched = Signal()

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
        words = search_words(text)
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))
        else:
            self.searched.emit()

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9: invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()
        self.searched.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if model.is_pinned(source_row) or not self._words:
            return True
        return holds_words(model.haystack(source_row), self._words)

    def found(self) -> int:
        """The rows shown that are not pinned."""
        return sum(not self._pinned(row) for row in range(self.rowCount()))

    def total(self) -> int:
        """The source's rows that are not pinned."""
        model = self.source()
        rows = self.sourceModel().rowCount()
        return sum(not model.is_pinned(row) for row in range(rows))

    def chosen(self) -> int:
        """The rows that the filters beside the search let through, searched or not (here no
        filters: all of them)."""
        return self.total()

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


def empty_hint(view: QAbstractItemView, width: int = 520) -> QLabel:
    """A grey note in the middle of the table's empty area (clicks go through to the table);
    hidden until given a text with :func:`show_hint`. ``width``: the least width of its lines
    (a line of reading width, not a narrow column); 0 in a narrow table (a thin margin too)."""
    hint = QLabel()
    hint.setWordWrap(True)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setStyleSheet(f"color: #666666; padding: {24 if width else 6}px;")
    hint.setMinimumWidth(width)
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


def empty_result_note(query: str, found: int, chosen: int, total: int, what: str) -> str:
    """The note of a table that shows ``found`` of ``total`` rows, ``chosen`` of them let through
    by the filters beside the search (``total`` when there are none): «» while rows are shown
    or when there are none at all (the table's own note says where they come from)."""
    if found or not total:
        return ""
    if not chosen:
        return (
            "Ничего не найдено с выбранными фильтрами.\n"
            f"Измените фильтры, чтобы снова увидеть {what}."
        )
    if chosen < total:
        return f"{nothing_found(query)}.\nОчистите поле поиска (Esc) или измените фильтры."
    return nothing_found_hint(query, what)


def search_note(
    view: QAbstractItemView,
    proxy: TableSearchProxy,
    what: str,
    width: int = 520,
    empty: str | Callable[[], str] = "",
) -> QLabel:
    """The empty result's note over ``view`` (:func:`empty_result_note`), kept up to date with
    the search, the filters and the rows of ``proxy``; ``empty`` (a text, or a function giving
    it when asked) says what to do while the table has no rows at all."""
    hint = empty_hint(view, width)

    def update(*_args: object) -> None:
        counts = (proxy.found(), proxy.chosen(), proxy.total())
        if not proxy.total():
            show_hint(hint, empty() if callable(empty) else empty)
            return
        show_hint(hint, empty_result_note(proxy.query(), *counts, what))

    for signal in (proxy.searched, proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved):
        signal.connect(update)
    source = proxy.sourceModel()
    if source is not None:  # the proxy drops a row before its source: count again after both
        source.rowsRemoved.connect(update)
    return hint
