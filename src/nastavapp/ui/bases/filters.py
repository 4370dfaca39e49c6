"""Filtering a base: the search field (ё = е, any case; the shared one of ``ui/table_search.py``
with Ctrl+F and Esc) and the category, class, status and consent choices. The proxy only
filters; the source model sorts (see table_model.py).

The proxy is a plain table model over the source rows that pass, not a
``QSortFilterProxyModel``: that one calls Python ``filterAcceptsRow`` for each of 20,000 rows
per keystroke and then reports every removed stretch of rows to the view. Here a keystroke is
one pass over the folded texts the source model keeps per load, a filter choice one subset test
per row of the tags it keeps (``columns.row_tags``), and the view hears one layout change.
So it is not the shared ``TableSearchProxy`` of ``ui/table_search.py`` (a
``QSortFilterProxyModel``); it takes the same words (``search_words``) and gives the same counts
for the empty result's note (``query``, ``chosen``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QWidget

from ...models.vocab import MenteeStatus, MentorStatus, PersonCategory
from ...services.consents import ConsentStatus
from ..table_search import SearchField, SearchRow, search_words
from .columns import LACKING, MENTEE, MENTOR, NO_ROLE, SUPPORT, YOUNG, BaseKind
from .table_model import NO_FLAGS, ROW_FLAGS, BaseTableModel

ANY = ""
Index = QModelIndex | QPersistentModelIndex
SEARCH_PLACEHOLDER = "Поиск: ФИО, класс, должность"

CATEGORY_CHOICES = (
    (ANY, "Все категории"),
    (PersonCategory.STUDENT.value, "Обучающиеся"),
    (PersonCategory.TEACHER.value, "Педагоги"),
    (PersonCategory.EXTERNAL.value, "Внешние наставники"),
)
CONSENT_CHOICES = (
    (ANY, "Согласие: все"),
    (ConsentStatus.GIVEN.value, "Согласие есть"),
    (ConsentStatus.MISSING.value, "Согласия нет"),
    (ConsentStatus.WITHDRAWN.value, "Согласие отозвано"),
    (LACKING, "Нет или отозвано"),
)


def status_choices(kind: BaseKind) -> list[tuple[str, str]]:
    if kind is BaseKind.MENTEES:
        return (
            [(ANY, "Все статусы")]
            + [(s.value, s.label) for s in MenteeStatus]
            + [(SUPPORT, "нужна поддержка")]
        )
    if kind is BaseKind.MENTORS:
        return [(ANY, "Все этапы отбора")] + [(s.value, s.label) for s in MentorStatus]
    return [
        (ANY, "Все роли"),
        (MENTEE, "наставляемые"),
        (MENTOR, "наставники"),
        (NO_ROLE, "без роли в этом году"),
        (YOUNG, "молодые специалисты"),
    ]


class BaseFilterProxy(QAbstractTableModel):
    """The rows of a ``BaseTableModel`` whose folded text holds every search word and whose
    tags hold every chosen filter, in the source model's order (``mapToSource`` and
    ``mapFromSource`` as in a Qt proxy). The source only resets and re-sorts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._model: BaseTableModel | None = None
        self._query = ""
        self._words: list[str] = []
        self._choices: dict[str, str] = {}  # filter -> chosen code
        self._chosen: list[int] | None = None  # base indices passing the choices (None: all)
        self._passing: list[int] | None = None  # ... and the search (None: all)
        self._shown: list[int] = []  # proxy row -> source row, ascending
        self._moving: list[tuple[QModelIndex, int]] = []

    # the source ---------------------------------------------------------------------------------
    def setSourceModel(self, model: BaseTableModel) -> None:
        self.beginResetModel()
        if self._model is not None:
            for signal, slot in self._links():
                signal.disconnect(slot)
        self._model = model
        for signal, slot in self._links():
            signal.connect(slot)
        self._forget()
        self.endResetModel()

    def _links(self) -> list[tuple[Any, Callable[..., None]]]:
        model = self.source()
        return [
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._on_reset),
            (model.layoutAboutToBeChanged, self._before_layout),
            (model.layoutChanged, self._after_layout),
            (model.dataChanged, self._on_data),
        ]

    def sourceModel(self) -> BaseTableModel:
        return self.source()

    def source(self) -> BaseTableModel:
        assert self._model is not None
        return self._model

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid() or self._model is None:
            return QModelIndex()
        return self._model.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        row = self._proxy_row(index.row())
        return self.index(row, index.column()) if row >= 0 else QModelIndex()

    def _proxy_row(self, source_row: int) -> int:
        at = bisect_left(self._shown, source_row)
        return at if at < len(self._shown) and self._shown[at] == source_row else -1

    # filtering ------------------------------------------------------------------------------------
    def query(self) -> str:
        """What is searched, as typed (without spaces around); empty: everyone is shown."""
        return self._query

    def chosen(self) -> int:
        """The rows that the filter choices let through, searched or not."""
        chosen = self._chosen_rows()
        return self.source().rowCount() if chosen is None else len(chosen)

    def set_search(self, text: str) -> None:
        self._query = text.strip()
        words = search_words(text)
        if words != self._words:
            self._words = words
            self._passing = None
            self._refilter()

    def set_choices(self, choices: dict[str, str]) -> None:
        """Choose a code per filter («category», «class», «status», «consent»; ``ANY``: all);
        the row tags (``columns.row_tags``) say who passes. Filters once."""
        wanted = {**self._choices, **choices}
        wanted = {name: code for name, code in wanted.items() if code != ANY}
        if wanted != self._choices:
            self._choices = wanted
            self._chosen = self._passing = None
            self._refilter()

    def _forget(self) -> None:
        """After a load: work out who passes again and map them."""
        self._chosen = self._passing = None
        self._map()

    def _chosen_rows(self) -> list[int] | None:
        """The base indices passing the choices (None: no choice made, all pass)."""
        if not self._choices:
            return None
        if self._chosen is None:
            wanted = frozenset(f"{name}:{code}" for name, code in self._choices.items())
            self._chosen = [i for i, tags in enumerate(self.source().tags()) if wanted <= tags]
        return self._chosen

    def _passing_rows(self) -> list[int] | None:
        """The base indices passing the choices and the search, in one pass per word."""
        model = self.source()
        chosen = self._chosen_rows()
        if not self._words:
            return chosen
        if self._passing is None:
            hay = model.haystacks()
            first, *rest = self._words
            if chosen is None:
                rows = [i for i, text in enumerate(hay) if first in text]
            else:
                rows = [i for i in chosen if first in hay[i]]
            for word in rest:
                rows = [i for i in rows if word in hay[i]]
            self._passing = rows
        return self._passing

    def _map(self) -> None:
        if self._model is None:
            self._shown = []
            return
        passing = self._passing_rows()
        if passing is None:
            self._shown = list(range(self._model.rowCount()))
        else:
            places = self._model.places()
            self._shown = sorted([places[i] for i in passing])

    def _refilter(self) -> None:
        self._before_layout()
        self._after_layout()

    # following the source ---------------------------------------------------------------------
    def _on_reset(self) -> None:
        self._forget()
        self.endResetModel()

    def _before_layout(self, *_args: object) -> None:
        """Remember which person each kept index (selection, current row) stands on."""
        self.layoutAboutToBeChanged.emit()
        model = self.source()
        order = model.shown_order()
        shown = self._shown
        self._moving = [
            (index, order[shown[index.row()]] if index.isValid() else -1)
            for index in self.persistentIndexList()
        ]

    def _after_layout(self, *_args: object) -> None:
        self._map()
        places = self.source().places()
        old, new = [], []
        for index, base in self._moving:
            row = self._proxy_row(places[base]) if base >= 0 else -1
            old.append(index)
            new.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self._moving = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_data(self, *_args: object) -> None:
        if self.rowCount():  # the source redraws rows in place only rarely: redraw them all
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # the Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._model is None:
            return 0
        return len(self._model.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._model is None:
            return None
        return self._model.cell(self._shown[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._model is None:
            return None
        return self._model.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the source model (Russian collation keys); the proxy keeps its order."""
        self.source().sort(column, order)


class FilterBar(SearchRow):
    """The search field and the filter choices above a table (in two rows on a narrow window);
    it drives a BaseFilterProxy."""

    changed = Signal()

    def __init__(self, kind: BaseKind, proxy: BaseFilterProxy, parent: QWidget | None = None):
        super().__init__(SearchField(SEARCH_PLACEHOLDER), parent)
        self.kind = kind
        self.proxy = proxy
        self.search.textChanged.connect(self._on_search)
        self.category = self._combo(list(CATEGORY_CHOICES), "Категория участников")
        self.school_class = self._combo([(ANY, "Все классы")], "Класс обучающихся")
        self.status = self._combo(status_choices(kind), "Роль или этап")
        self.consent = self._combo(list(CONSENT_CHOICES), "Согласие на обработку ПДн")
        for combo in (self.category, self.school_class, self.status, self.consent):
            self.add_filter(combo)
            combo.currentIndexChanged.connect(self._on_choice)

    def _combo(self, choices: list[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, text in choices:
            combo.addItem(text, code)
        return combo

    def set_classes(self, classes: list[str]) -> None:
        """Offer the classes present; keep the chosen one when it is still there."""
        chosen = self.school_class.currentData()
        self.school_class.blockSignals(True)
        self.school_class.clear()
        self.school_class.addItem("Все классы", ANY)
        for name in classes:
            self.school_class.addItem(f"{name} класс", name)
        found = self.school_class.findData(chosen)
        self.school_class.setCurrentIndex(max(found, 0))
        self.school_class.blockSignals(False)
        self.fit()
        self._on_choice()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.changed.emit()

    def _on_choice(self, *_args: object) -> None:
        self.proxy.set_choices(
            {
                "category": self.category.currentData() or ANY,
                "class": self.school_class.currentData() or ANY,
                "status": self.status.currentData() or ANY,
                "consent": self.consent.currentData() or ANY,
            }
        )
        self.changed.emit()
