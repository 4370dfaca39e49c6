"""The table model of one base: rows of people, sorted here with Russian collation keys.

Sorting in the source model stays fast at 20,000 rows, where a proxy calling ``data()`` for
every comparison takes seconds (GUIDE trap 7). Everything a keystroke, a filter or a header
click needs is worked out once per load (``set_rows``) as plain lists over the rows in ФИО
order (the *base* order): the folded search text, the filter tags and the counts. Each column's
rank per row (column_ranks.py) is worked out after a load while the GUI is idle, a few
milliseconds at a time (``IdleWork``), or at once by a click that comes first. A sort is then one
``sorted`` over integers; the proxy only filters (filters.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...services.bases_rows import BaseRow
from ...services.consents import ConsentStatus
from ...store.text import ru_fold
from ..column_header import column_header
from ..idle_work import IdleWork
from ..sort_ranks import Ranks, russian_collator
from .column_ranks import column_ranks, rank_steps
from .columns import (
    COLUMNS,
    CONSENT,
    NAME,
    BaseKind,
    Column,
    Names,
    belongs,
    roles_detail,
    row_tags,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the BaseRow of a row
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the person's id
NO_CONSENT_BACKGROUND = QColor("#fdf1e7")
NO_CONSENT_TEXT = QColor("#b23c17")
# roles as plain ints: ``data()`` runs for every painted cell, and reading an attribute of
# ``Qt`` costs microseconds each time (PySide enums)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROW, _ID = int(ROW_ROLE), int(ID_ROLE)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags

Index = QModelIndex | QPersistentModelIndex


class BaseTableModel(QAbstractTableModel):
    """One of the three bases; ``set_rows`` takes the year's rows and keeps those of its kind."""

    def __init__(self, kind: BaseKind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns: tuple[Column, ...] = COLUMNS[kind]
        self._rows: list[BaseRow] = []  # in the shown order
        self._by_name: list[BaseRow] = []  # the base order: ФИО, Russian collation
        self._order: list[int] = []  # shown row -> base index
        self._place: list[int] = []  # base index -> shown row
        self._haystacks: list[str] = []  # per base index, folded
        self._tags: list[frozenset[str]] = []  # per base index, see columns.row_tags
        self._ranks: dict[int, Ranks] = {}  # column -> (ranks, empty rank), of the current rows
        self._orders: dict[tuple[int, bool], list[int]] = {}  # (column, descending) -> order
        self._base_of_id: dict[int, int] = {}  # person id -> base index
        self.lacking_consent = 0
        self.young_specialists = 0
        self._names: Names = {}
        self._collator = russian_collator()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self.warm_up = IdleWork(self)  # the column ranks of a load, worked out while idle

    # data -------------------------------------------------------------------------------------
    def set_rows(self, rows: list[BaseRow], names: Names) -> None:
        self.beginResetModel()
        key = self._collator.sortKey
        mine = [r for r in rows if belongs(r, self.kind)]
        # in ФИО order once, so that equal values of any sorted column stay alphabetical
        self._by_name = sorted(mine, key=lambda r: key(r.person.full_name))
        self._haystacks = [_haystack(r) for r in self._by_name]
        self._tags = [row_tags(r, self.kind) for r in self._by_name]
        self._base_of_id = {r.id: i for i, r in enumerate(self._by_name)}
        self._ranks = {}
        self._orders = {}
        self.lacking_consent = sum(1 for r in mine if not r.consent.given)
        self.young_specialists = sum(1 for r in mine if r.young_specialist)
        self._names = names
        self._sort_rows(*self._sort)
        self.endResetModel()
        self.warm_up.start(self._warm_ranks(self._by_name, self._names))

    def row_at(self, row: int) -> BaseRow:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        """What the search field looks in: ФИО, class, position, subject, organisation (folded)."""
        return self._haystacks[self._order[row]]

    # per base index (ФИО order), unchanged by sorting: what the filter proxy works with
    def haystacks(self) -> list[str]:
        return self._haystacks

    def tags(self) -> list[frozenset[str]]:
        return self._tags

    def shown_order(self) -> list[int]:
        """The base index of each shown row."""
        return self._order

    def places(self) -> list[int]:
        """The shown row of each base index."""
        return self._place

    def row_of(self, person_id: int) -> int:
        base = self._base_of_id.get(person_id)
        return -1 if base is None else self._place[base]

    def classes(self) -> list[str]:
        """The pupils' classes present, «1А» … «11Б» in school order."""
        found = {r.person.class_name for r in self._rows if r.person.class_name}
        return sorted(found, key=self._collator.sortKey)

    # Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row_number: int, column_number: int, role: int) -> Any:
        """``data()`` of a valid row and column (the filter proxy asks this directly)."""
        row = self._rows[row_number]
        column = self.columns[column_number]
        if role in (_DISPLAY, _TOOLTIP):
            text = column.text(row, self._names)
            if role == _TOOLTIP:
                return self._tooltip(row, column, text)
            return text
        if role == _BACKGROUND and not row.consent.given:
            return QBrush(NO_CONSENT_BACKGROUND)
        if role == _FOREGROUND and column is CONSENT and not row.consent.given:
            return QBrush(NO_CONSENT_TEXT)
        if role == _ALIGNMENT and column.centred:
            return _CENTRED
        if role == _ROW:
            return row
        if role == _ID:
            return row.id
        return None

    def _tooltip(self, row: BaseRow, column: Column, text: str) -> str | None:
        if column is CONSENT:
            return consent_detail(row)
        if column.title == "Роль в году":
            return roles_detail(row) or None
        if column.title == "Возраст" and row.person.birth_date is not None:
            return f"Дата рождения: {row.person.birth_date:%d.%m.%Y}"
        if column.title.startswith("Класс"):  # «Класс / должность»
            return f"{row.person.category.label}: {text}" if text else row.person.category.label
        return text if len(text) > 20 else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.columns, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._sort_rows(column, order)
        old = self.persistentIndexList()
        place = self._place
        new = [
            self.index(place[before[i.row()]], i.column()) if i.isValid() else QModelIndex()
            for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        count = len(self._by_name)
        if self.columns[column] is NAME:  # the base order is ФИО order
            shown = list(range(count - 1, -1, -1)) if descending else list(range(count))
        else:
            cached = self._orders.get((column, descending))
            if cached is None:
                ranks, empty = self._column_ranks(column)
                # descending: ties stay in ФИО order and empty values stay at the bottom
                keys = [-r if r != empty else 1 for r in ranks] if descending else ranks
                cached = self._orders[(column, descending)] = sorted(
                    range(count), key=keys.__getitem__
                )
            shown = cached
        self._order = shown
        by_name = self._by_name
        self._rows = [by_name[i] for i in shown]
        place = [0] * count
        for row, base in enumerate(shown):
            place[base] = row
        self._place = place

    def unranked_columns(self) -> list[int]:
        """The sortable columns whose ranks are not worked out yet (ФИО needs none)."""
        return [
            c for c, spec in enumerate(self.columns) if spec is not NAME and c not in self._ranks
        ]

    def _column_ranks(self, column: int) -> Ranks:
        """Each row's place among the column's distinct values, and the rank of empty ones
        (after every value); worked out once per column per load."""
        known = self._ranks.get(column)
        if known is None:
            spec = self.columns[column]
            known = column_ranks(spec, self._by_name, self._names, self._collator)
            self._ranks[column] = known
        return known

    def _warm_ranks(self, rows: list[BaseRow], names: Names) -> Iterator[None]:
        """The steps of every column's ranks for the loaded ``rows``; a new load drops the
        unfinished generator, and the check before storing keeps out ranks of other rows."""
        for column in self.unranked_columns():
            if column in self._ranks:  # a click worked it out meanwhile
                continue
            ranks = yield from rank_steps(self.columns[column], rows, names, self._collator)
            if rows is self._by_name and column not in self._ranks:
                self._ranks[column] = ranks


def consent_detail(row: BaseRow) -> str:
    """«Согласие дал(а) родитель Иванова М. П., 05.09.2025» or why there is none."""
    state = row.consent
    consent = state.consent
    if state.status is ConsentStatus.MISSING or consent is None:
        return "Согласия на обработку персональных данных нет: в выгрузки участник не попадёт."
    giver = consent.representative_name or "сам участник"
    text = f"Согласие дал(а): {giver}, {consent.given_date:%d.%m.%Y}"
    if consent.withdrawn_date is not None:
        text += f"; отозвано {consent.withdrawn_date:%d.%m.%Y}: в выгрузки участник не попадёт"
    return text + "."


def _haystack(row: BaseRow) -> str:
    p = row.person
    return ru_fold(
        " ".join((p.full_name, p.class_name, p.position, p.subject, p.organization, row.place))
    )
