"""What the tables of «Пары и группы» share: a row model with Russian sort ranks and a search proxy
(the shared one of ``ui/table_search.py`` with filters beside the search).

Each column's order is worked out once when the rows arrive (ui/sort_ranks.py: Russian
collation, numbers as numbers, empty values last, both ways) as an integer rank per row. Sorting
reorders the source rows by those ranks; the proxy only filters and never compares rows itself,
which would call Python ``data()`` for every comparison (GUIDE trap 7). ``SORT_ROLE`` exposes
the rank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...store.text import ru_fold
from ..column_header import column_header
from ..sort_ranks import Ranks, russian_collator, text_ranks, value_ranks
from ..table_search import TableSearchProxy

SHORT_NAME_SAMPLE = "Щербакова Д. К."  # a short name wider than 9 in 10 of a large school's
FULL_NAME_SAMPLE = "Александрова Любовь Денисовна"  # likewise a full name
SORT_ROLE = Qt.ItemDataRole.UserRole + 10  # the row's rank in the column's order (int)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 11  # the row object itself

Index = QModelIndex | QPersistentModelIndex
RowTest = Callable[[Any], bool]


@dataclass(frozen=True)
class Column:
    """``text`` is what the cell shows; ``key`` a sort key (default: the text, collated);
    ``sample`` a text the column is never too narrow for (else it may elide to its title);
    ``yields``: hidden where the others would lack room (its text is shown elsewhere too)."""

    title: str
    text: Callable[[Any], str]
    width: int
    key: Callable[[Any], Any] | None = None
    tip: str = ""
    centred: bool = False
    sample: str = ""
    yields: bool = False


class RowsModel(QAbstractTableModel):
    """Rows of plain objects shown through ``columns``; subclasses add colours and editing."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Any] = []
        self._ranks: list[list[int]] = []
        self._empty: list[list[bool]] = []
        self._hay: list[str] = []
        self._collator = russian_collator()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # rows ---------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """New rows, in the column order the user chose (else as given)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._refresh_keys()
        self._reorder(*self._sort)
        self.endResetModel()

    def replace_row(self, row: int, item: Any) -> None:
        self._rows[row] = item
        self._refresh_keys()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove_rows_where(self, test: RowTest) -> int:
        """Take out the rows that pass ``test``; how many went."""
        gone = 0
        for row in reversed(range(len(self._rows))):
            if test(self._rows[row]):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._refresh_keys()  # the views may ask for the ranks at once
                self.endRemoveRows()
                gone += 1
        return gone

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._hay[row]

    def is_pinned(self, row: int) -> bool:
        """No row stays in sight whatever is searched (``ui/table_search.py``)."""
        del row
        return False

    def search_text(self, item: Any) -> str:
        """What the search field looks in (folded afterwards); by default every cell."""
        return " ".join(column.text(item) for column in self.columns)

    def _refresh_keys(self) -> None:
        self._hay = [ru_fold(self.search_text(item)) for item in self._rows]
        self._ranks, self._empty = [], []
        for column in self.columns:
            ranks, empty = self._column_ranks(column)
            self._ranks.append(_places(ranks))
            self._empty.append([rank == empty for rank in ranks])

    def _column_ranks(self, column: Column) -> Ranks:
        if column.key is not None:
            return value_ranks([column.key(item) for item in self._rows])
        return text_ranks([column.text(item) for item in self._rows], self._collator)

    def _reorder(self, column: int, order: Qt.SortOrder) -> None:
        """Put the rows in the order of ``column`` (empty values last both ways)."""
        if not 0 <= column < len(self.columns):
            return
        ranks, empty = self._ranks[column], self._empty[column]
        if order == Qt.SortOrder.DescendingOrder:
            positions = sorted(range(len(self._rows)), key=lambda i: (empty[i], -ranks[i]))
        else:
            positions = sorted(range(len(self._rows)), key=ranks.__getitem__)
        self._rows = [self._rows[i] for i in positions]
        self._hay = [self._hay[i] for i in positions]  # keys follow their rows: no new work
        self._ranks = [[ranks[i] for i in positions] for ranks in self._ranks]
        self._empty = [[empty[i] for i in positions] for empty in self._empty]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        items = [self._rows[i.row()] if i.isValid() else None for i in old]
        self._reorder(column, order)
        moved = {id(item): row for row, item in enumerate(self._rows)}
        new = [
            self.index(moved[id(item)], i.column()) if item is not None else QModelIndex()
            for i, item in zip(old, items, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            return self._ranks[index.column()][index.row()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, index.column())
        return self.extra(item, index.column(), role)

    def tooltip(self, item: Any, column: int) -> str | None:
        """The whole text of a cell that may be elided (one longer than its column's sample)."""
        text = self.columns[column].text(item)
        return text if len(text) > max(len(self.columns[column].sample), 8) else None

    def extra(self, item: Any, column: int, role: int) -> Any:
        """Colours, check states … of a subclass."""
        del item, column, role
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.columns, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _places(ranks: list[int]) -> list[int]:
    """Each row's place in the column's order: rows of equal rank keep the order they had when
    ranked (and the reverse of it in a descending sort)."""
    order = sorted(range(len(ranks)), key=ranks.__getitem__)
    places = [0] * len(ranks)
    for place, row in enumerate(order):
        places[row] = place
    return places


class SearchProxy(TableSearchProxy):
    """Rows whose folded text holds every search word (``ui/table_search.py``) and that pass
    every named test (the filters beside the search).

    Unlike the summary's and the answers' proxy it filters again when a row changes: a mentee
    unmarked «нужна поддержка» leaves the list of those who need it at once."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tests: dict[str, RowTest] = {}
        self.setDynamicSortFilter(True)

    def source(self) -> RowsModel:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        return model

    def set_test(self, name: str, test: RowTest | None) -> None:
        def change() -> None:
            if test is None:
                self._tests.pop(name, None)
            else:
                self._tests[name] = test

        self._refilter(change)

    def _passes(self, item: Any) -> bool:
        return all(test(item) for test in self._tests.values())

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        return not self._tests or self._passes(self.source().row_at(source_row))

    def found(self) -> int:
        return self.rowCount()

    def total(self) -> int:
        return self.source().rowCount()

    def chosen(self) -> int:
        if not self._tests:
            return self.total()
        return sum(self._passes(item) for item in self.source().rows())


def short_name(full_name: str) -> str:
    """«Иванова Мария Петровна» → «Иванова М. П.» (a matching candidate has the full name only)."""
    parts = full_name.split()
    if not parts:
        return ""
    return " ".join([parts[0], *(f"{p[0]}." for p in parts[1:3])])


def date_text(day: Any) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 пункт», «3 пункта», «5 пунктов»."""
    if n % 10 == 1 and n % 100 != 11:
        word = one
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        word = few
    else:
        word = many
    return f"{n} {word}"
