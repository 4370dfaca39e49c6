"""The table model of one base: rows of people, sorted here with Russian collation keys.

Sorting in the source model with ``QCollator`` keys stays fast at 20,000 rows, where a proxy
calling ``data()`` for every comparison takes seconds (GUIDE trap 7); the proxy only filters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...services.bases_rows import BaseRow
from ...services.consents import ConsentStatus
from ...store.text import ru_fold
from .columns import (
    COLUMNS,
    CONSENT,
    NAME,
    BaseKind,
    Column,
    Names,
    belongs,
    number_key,
    roles_detail,
)

ROW_ROLE = Qt.UserRole + 1  # the BaseRow of a row
ID_ROLE = Qt.UserRole + 2  # the person's id
NO_CONSENT_BACKGROUND = QColor("#fdf1e7")
NO_CONSENT_TEXT = QColor("#b23c17")

Index = QModelIndex | QPersistentModelIndex


def russian_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Russian, QLocale.Russia))
    collator.setCaseSensitivity(Qt.CaseInsensitive)
    collator.setNumericMode(True)  # «9А» before «10А»
    return collator


class BaseTableModel(QAbstractTableModel):
    """One of the three bases; ``set_rows`` takes the year's rows and keeps those of its kind."""

    def __init__(self, kind: BaseKind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns: tuple[Column, ...] = COLUMNS[kind]
        self._rows: list[BaseRow] = []
        self._by_name: list[BaseRow] = []
        self._hay: dict[int, str] = {}
        self._names: Names = {}
        self._haystacks: list[str] = []
        self._collator = russian_collator()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.AscendingOrder)

    # data -------------------------------------------------------------------------------------
    def set_rows(self, rows: list[BaseRow], names: Names) -> None:
        self.beginResetModel()
        key = self._collator.sortKey
        mine = [r for r in rows if belongs(r, self.kind)]
        # in ФИО order once, so that equal values of any sorted column stay alphabetical
        self._by_name = sorted(mine, key=lambda r: key(r.person.full_name))
        self._rows = self._by_name
        self._hay = {id(r): _haystack(r) for r in mine}
        self._names = names
        self._sort_rows(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> BaseRow:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        """What the search field looks in: ФИО, class, position, subject, organisation (folded)."""
        return self._haystacks[row]

    def row_of(self, person_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == person_id), -1)

    def classes(self) -> list[str]:
        """The pupils' classes present, «1А» … «11Б» in school order."""
        found = {r.person.class_name for r in self._rows if r.person.class_name}
        return sorted(found, key=self._collator.sortKey)

    # Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            text = column.text(row, self._names)
            if role == Qt.ToolTipRole:
                return self._tooltip(row, column, text)
            return text
        if role == Qt.BackgroundRole and not row.consent.given:
            return QBrush(NO_CONSENT_BACKGROUND)
        if role == Qt.ForegroundRole and column is CONSENT and not row.consent.given:
            return QBrush(NO_CONSENT_TEXT)
        if role == Qt.TextAlignmentRole and column.centred:
            return int(Qt.AlignCenter)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
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
        self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole
    ) -> Any:
        if orientation != Qt.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.DisplayRole:
            return self.columns[section].title
        if role == Qt.ToolTipRole:
            return self.columns[section].tip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort_rows(column, order)
        moved = {id(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [
            self.index(moved[id(before[i.row()])], i.column()) if i.isValid() else QModelIndex()
            for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        key = self._collator.sortKey
        names = self._names
        rows = self._by_name
        spec = self.columns[column]
        if spec is NAME:  # already in ФИО order
            self._rows = list(reversed(rows)) if order == Qt.DescendingOrder else list(rows)
            self._haystacks = [self._hay[id(r)] for r in self._rows]
            return
        number = spec.number
        if number is not None:
            keys: list[Any] = [number_key(number(r)) for r in rows]
        else:
            keys = [(not t, key(t)) for t in (spec.text(r, names) for r in rows)]
        descending = order == Qt.DescendingOrder
        positions = sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)
        if descending:  # empty values stay at the bottom both ways
            positions.sort(key=lambda i: keys[i][0])
        self._rows = [rows[i] for i in positions]
        self._haystacks = [self._hay[id(r)] for r in self._rows]


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
