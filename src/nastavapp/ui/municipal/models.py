"""Table models of the municipal screen: the summary (totals pinned last) and plain text lists.

Both sort in the model itself (GUIDE trap 7) with Russian-aware keys; the summary keeps its
«Итого по муниципалитету» row at the bottom whatever the order (and whatever is searched:
``ui/table_search.py``), and orders the schools' names with Russian collation («№ 2» before
«№ 10», «Ё» beside «Е»).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...services.consolidation.figures import count_text, decimal
from ...services.consolidation.summary import SchoolRow, Summary, Totals
from ...services.consolidation.table import COLUMNS, Column, cell, is_below
from ...store.text import ru_fold, ru_sort_key
from ..sort_ranks import russian_collator
from .summary_columns import header_tooltip, screen_header

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
BELOW_BACKGROUND = QColor("#F4CCCC")
BELOW_TEXT = QColor("#9C0006")
TOTAL_BACKGROUND = QColor("#E6E6E6")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SummaryModel(QAbstractTableModel):
    """One row per school, then the municipality's totals; shares under target marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summary: Summary | None = None
        self._rows: list[SchoolRow] = []
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._collator = russian_collator()

    # content --------------------------------------------------------------------------------
    def set_summary(self, summary: Summary | None) -> None:
        self.beginResetModel()
        self._summary = summary
        self._rows = list(summary.rows) if summary is not None else []
        if self._order is not None:
            self._rows.sort(key=self._key(self._order[0]), reverse=self._descending())
        self.endResetModel()

    def item(self, row: int) -> SchoolRow | Totals | None:
        if self._summary is None:
            return None
        if row < len(self._rows):
            return self._rows[row]
        return self._summary.totals if row == len(self._rows) else None

    # searching (ui/table_search.py) ---------------------------------------------------------
    def haystack(self, row: int) -> str:
        """The school's short and full names and its municipality, folded."""
        item = self.item(row)
        if not isinstance(item, SchoolRow):
            return ""
        report = item.report
        return ru_fold(f"{report.short_name}\n{report.full_name}\n{report.municipality}")

    def is_pinned(self, row: int) -> bool:
        """The totals row: it stays whatever is searched (its figures are the municipality's)."""
        return isinstance(self.item(row), Totals)

    # Qt --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._rows else len(self._rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return screen_header(column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return header_tooltip(column)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return "" if section == len(self._rows) else str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.item(index.row())
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        total = isinstance(row, Totals)
        below = is_below(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(cell(row, column), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column.kind == "name" else RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if below:
                return BELOW_BACKGROUND
            return TOTAL_BACKGROUND if total else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return BELOW_TEXT if below else None
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if total or below else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column, below)
        if role == SORT_ROLE:
            return _sort_value(cell(row, column), column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows.sort(key=self._key(column), reverse=self._descending())
        where = {id(row): number for number, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            if index.row() < len(before):
                moved = where[id(before[index.row()])]
                new.append(self.index(moved, index.column()))
            else:
                new.append(self.index(index.row(), index.column()))  # the totals stay last
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _descending(self) -> bool:
        return self._order is not None and self._order[1] == Qt.SortOrder.DescendingOrder

    def _key(self, column: int) -> Any:
        spec = COLUMNS[column]
        if spec.kind == "name":
            collated = self._collator.sortKey
            return lambda row: collated(str(cell(row, spec)))
        return lambda row: _sort_value(cell(row, spec), spec)


def _shown(value: object, column: Column) -> str:
    if column.kind == "name":
        return str(value)
    if column.kind == "count":
        return count_text(value if isinstance(value, int) else None)
    return decimal(value if isinstance(value, int | float) else None)


def _sort_value(value: object, column: Column) -> tuple[Any, ...]:
    if column.kind == "name":
        return ru_sort_key(str(value))
    if value is None:
        return (0, 0.0)  # «—» below every number: first going up, last going down
    return (1, float(value))  # type: ignore[arg-type]


def _tooltip(row: SchoolRow | Totals, column: Column, below: bool) -> str | None:
    if column.kind == "name":
        if isinstance(row, SchoolRow):
            report = row.report
            return f"{report.full_name}\nФайл: {report.source}"
        return "Доли — по суммам числителей и знаменателей школ"
    if column.kind != "share" or column.spec is None:
        return None
    ratio = row.ratio(column.key)
    text = f"{column.spec.label}: {ratio.numerator} из {ratio.denominator}"
    if below and column.target is not None:
        text += f"\nНиже целевого значения {decimal(column.target, 0)} %"
    return text


class TextTableModel(QAbstractTableModel):
    """Rows of text with their sort keys and a payload each (ids, paths …)."""

    def __init__(
        self, headers: Sequence[str], parent: Any = None, *, right: Sequence[int] = ()
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._right = set(right)  # columns of numbers, aligned right
        self._order: tuple[int, Qt.SortOrder] | None = None  # kept for new rows
        self._rows: list[list[str]] = []
        self._keys: list[list[Any]] = []
        self._payload: list[Any] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        payload: Sequence[Any] | None = None,
        keys: Sequence[Sequence[Any]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._payload = list(payload) if payload is not None else [None] * len(self._rows)
        self._keys = (
            [list(k) for k in keys]
            if keys is not None
            else [[ru_sort_key(text) for text in r] for r in self._rows]
        )
        if self._order is not None:
            self._arrange(*self._order)
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def payload(self, row: int) -> Any:
        return self._payload[row] if 0 <= row < len(self._payload) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() in self._right else LEFT
        if role == SORT_ROLE:
            return self._keys[index.row()][index.column()]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        where = self._arrange(column, order)
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(where[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def _arrange(self, column: int, order: Qt.SortOrder) -> dict[int, int]:
        """Sort the rows in place; returns old row → new row."""
        numbered = sorted(
            range(len(self._rows)),
            key=lambda i: self._keys[i][column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[i] for i in numbered]
        self._keys = [self._keys[i] for i in numbered]
        self._payload = [self._payload[i] for i in numbered]
        return {old: new for new, old in enumerate(numbered)}
