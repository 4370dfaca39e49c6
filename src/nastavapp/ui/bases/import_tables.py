"""The two tables of the import preview: the column mapping over sample rows, and the rows
that will not be loaded (rejected with reasons, or repeated)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...models.vocab import PersonCategory
from ...services.importing import Column, ColumnMapping, ImportPreview, ImportResult

SKIP = ""
REJECTED_COLOR = QColor("#c62828")
REPEAT_COLOR = QColor("#6b6b6b")


def guess_category(mapping: ColumnMapping) -> PersonCategory:
    """Teachers when the list has a position, subject or experience column and no class."""
    columns = mapping.columns
    if Column.CLASS_NAME in columns:
        return PersonCategory.STUDENT
    if any(c in columns for c in (Column.POSITION, Column.SUBJECT, Column.EXPERIENCE)):
        return PersonCategory.TEACHER
    return PersonCategory.STUDENT


class MappingTable(QTableWidget):
    """Row 0: a combo per column of the file (what it holds); then the file's first rows."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(150)

    def combo(self, column: int) -> QComboBox:
        widget = self.cellWidget(0, column)
        assert isinstance(widget, QComboBox)
        return widget

    def combos(self) -> list[QComboBox]:
        """What each column of the file holds, left to right."""
        return [self.combo(column) for column in range(self.columnCount())]

    def show_preview(self, preview: ImportPreview) -> None:
        self._preview = preview
        titles = preview.titles
        sample = preview.sample()
        self.setRowCount(0)
        self.setColumnCount(0)
        self.setColumnCount(len(titles))
        self.setRowCount(1 + len(sample))
        self.setHorizontalHeaderLabels(titles)
        self.setVerticalHeaderLabels(["Что это"] + [str(number) for number, _cells in sample])
        chosen = {index: column for column, index in preview.mapping.columns.items()}
        for index in range(len(titles)):
            combo = QComboBox()
            combo.addItem("— не загружать —", SKIP)
            for column in Column:
                combo.addItem(column.label, column.value)
            if index in chosen:
                combo.setCurrentIndex(combo.findData(chosen[index].value))
            combo.currentIndexChanged.connect(lambda _i, c=index: self._chosen(c))
            self.setCellWidget(0, index, combo)
        for row, (_number, cells) in enumerate(sample, start=1):
            for index, text in enumerate(cells[: len(titles)]):
                self.setItem(row, index, QTableWidgetItem(text))
        self.verticalHeader().resizeSection(0, 32)
        for index, title in enumerate(titles):
            longest = max([len(title)] + [len(c[index]) for _n, c in sample if index < len(c)])
            self.setColumnWidth(index, min(max(longest * 8 + 24, 150), 280))
        self.changed.emit()

    def _chosen(self, column: int) -> None:
        """One field per column: choosing a field another column had takes it from that one."""
        value = self.combo(column).currentData()
        if value != SKIP:
            for other in range(self.columnCount()):
                if other != column and self.combo(other).currentData() == value:
                    self.combo(other).blockSignals(True)
                    self.combo(other).setCurrentIndex(0)
                    self.combo(other).blockSignals(False)
        self.changed.emit()

    def mapping(self) -> ColumnMapping:
        assert self._preview is not None
        columns = {}
        for index in range(self.columnCount()):
            value = self.combo(index).currentData()
            if value != SKIP:
                columns[Column(value)] = index
        return ColumnMapping(self._preview.mapping.header_row, columns)


class IssuesTable(QTableWidget):
    """The rows that will not be loaded: «Строка», «ФИО», «Что не так»."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(["Строка", "ФИО", "Что не так"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(26)
        self.setStyleSheet("QTableWidget::item { padding: 2px 4px; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 60)
        header.resizeSection(1, 260)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_result(self, result: ImportResult | None) -> None:
        rows: list[tuple[int, str, str, QColor]] = []
        if result is not None:
            rows += [(r.row_number, r.name, r.reason, REJECTED_COLOR) for r in result.rejected]
            rows += [
                (d.row_number, d.person.full_name, d.reason, REPEAT_COLOR)
                for d in result.duplicates
            ]
        rows.sort(key=lambda r: r[0])
        self.setRowCount(len(rows))
        for row, (number, name, reason, color) in enumerate(rows):
            for column, text in enumerate((str(number), name, reason)):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(QBrush(color))
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, column, item)
        self.resizeRowsToContents()
