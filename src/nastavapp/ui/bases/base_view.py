"""One tab of «Базы»: the filter bar, the table and the line of counts under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.bases_rows import BaseRow
from .columns import BaseKind, Names
from .filters import BaseFilterProxy, FilterBar
from .fitted_table import FittedTable
from .table_model import ROW_ROLE, BaseTableModel


class BaseView(QWidget):
    """``activated`` is emitted on a double click or Enter on a row."""

    activated = Signal()

    def __init__(self, kind: BaseKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = BaseTableModel(kind, self)
        self.proxy = BaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.filters = FilterBar(kind, self.proxy)
        self.filters.changed.connect(self._count)
        layout.addWidget(self.filters)
        self.table = FittedTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.set_weights([spec.width for spec in self.model.columns])
        self.table.doubleClicked.connect(lambda _index: self.activated.emit())
        layout.addWidget(self.table, 1)
        self.counts = QLabel()
        self.counts.setStyleSheet("color: #555555;")
        layout.addWidget(self.counts)

    def set_rows(self, rows: list[BaseRow], names: Names, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_rows(rows, names)
        self.filters.set_classes(self.model.classes())
        if keep is not None:
            self.select(keep)
        self._count()

    def selected(self) -> BaseRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        row = index.data(ROW_ROLE)
        return row if isinstance(row, BaseRow) else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def select(self, person_id: int) -> bool:
        source_row = self.model.row_of(person_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _count(self) -> None:
        """The counts of the base are worked out once per load (``BaseTableModel.set_rows``)."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        lacking = self.model.lacking_consent
        parts = [f"Показано {shown} из {total}"]
        if lacking:
            parts.append(f"без согласия на обработку ПДн: {lacking}")
        if self.kind is BaseKind.ALL:
            parts.append(f"молодых специалистов: {self.model.young_specialists}")
        self.counts.setText(" · ".join(parts))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.selected() is not None:
            self.activated.emit()
            return
        super().keyPressEvent(event)
