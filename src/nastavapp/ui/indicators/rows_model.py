"""A read-only table of prepared cells: the monitoring tables and the people lists.

Rows are few (a questionnaire's items, a school's pairs, a school's people), so filtering is a
new ``set_rows``; sorting happens here with Russian collation keys (GUIDE trap 7), never in a
proxy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the sort key of a cell
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id (a person's, a pair's)
ALERT_COLOR = QColor("#c62828")  # as overdue events on the start screen


@dataclass(frozen=True)
class Cell:
    text: str
    key: float | None = None  # numbers sort by this; text by Russian collation
    tip: str = ""
    strong: bool = False  # totals
    number: bool = False  # centred
    alert: bool = False  # red: needs the curator's attention


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    id: int | None = None
    pinned: bool = False  # totals stay at the bottom whatever the sort


def collator() -> QCollator:
    found = QCollator(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    found.setNumericMode(True)
    return found


class RowsModel(QAbstractTableModel):
    def __init__(self, titles: Sequence[str], tips: Sequence[str] = (), parent: Any = None):
        super().__init__(parent)
        self.titles = list(titles)
        self.tips = list(tips)
        self._rows: list[Row] = []
        self._collator = collator()

    def set_rows(self, rows: Sequence[Row], titles: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if titles is not None:
            self.titles = list(titles)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def text(self, row: int, column: int) -> str:
        return self._rows[row].cells[column].text

    # Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() >= len(row.cells):
            return None
        cell = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            # a text may be elided in a narrow column: whole in the tooltip (numbers never are)
            return cell.tip or (None if cell.number else cell.text)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignCenter if cell.number else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (cell.strong or row.pinned):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and cell.alert:
            return QBrush(ALERT_COLOR)
        if role == KEY_ROLE:
            return cell.key if cell.key is not None else cell.text
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
            return self.tips[section] or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.titles):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = list(self._rows)
        key = self._collator.sortKey
        body = [r for r in self._rows if not r.pinned]

        def sort_key(row: Row) -> tuple[int, Any]:
            cell = row.cells[column]
            if cell.key is not None:
                return (0, cell.key)
            return (0 if cell.text else 1, key(cell.text))

        # numbers and texts never meet in one column; empty cells last both ways
        filled = sorted(
            (r for r in body if sort_key(r)[0] == 0),
            key=lambda r: sort_key(r)[1],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = filled + [r for r in body if sort_key(r)[0] == 1]
        self._rows += [r for r in before if r.pinned]
        moved = {id(r): i for i, r in enumerate(self._rows)}
        new = [
            self.index(moved[id(before[i.row()])], i.column()) if i.isValid() else QModelIndex()
            for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
