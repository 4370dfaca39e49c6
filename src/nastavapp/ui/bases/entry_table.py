"""An editable list of short texts chosen from a list or typed freely, each with an optional
second choice: a mentee's requests with who named them, a mentor's competences."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .widgets import combo_line


class EntryTable(QWidget):
    """Rows of an editable text combo (choices + free text) and, if ``sources``, a choice."""

    changed = Signal()

    def __init__(
        self,
        choices: Sequence[str],
        text_title: str,
        sources: Sequence[tuple[str, str]] = (),
        source_title: str = "",
        add_text: str = "Добавить",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._sources = list(sources)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2 if sources else 1)
        self.table.setHorizontalHeaderLabels(
            [text_title, source_title] if sources else [text_title]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if sources:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, 210)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setMinimumHeight(130)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("Удалить с&троку")
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, text: str = "", source: str | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self._choices)
        combo.setCurrentIndex(-1)
        combo.setEditText(text)
        combo_line(combo).setPlaceholderText("выберите из списка или впишите свой")
        combo.editTextChanged.connect(lambda _t: self.changed.emit())
        self.table.setCellWidget(row, 0, combo)
        if self._sources:
            chooser = QComboBox()
            for code, label in self._sources:
                chooser.addItem(label, code)
            found = chooser.findData(source) if source is not None else 0
            chooser.setCurrentIndex(max(found, 0))
            chooser.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.table.setCellWidget(row, 1, chooser)
        self.table.setCurrentCell(row, 0)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def text_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, QComboBox)
        return widget

    def entries(self) -> list[tuple[str, str | None]]:
        """(text, source code or None) of each row with text, in order."""
        found = []
        for row in range(self.table.rowCount()):
            text = self.text_combo(row).currentText().strip()
            source = None
            if self._sources:
                chooser = self.table.cellWidget(row, 1)
                assert isinstance(chooser, QComboBox)
                source = str(chooser.currentData())
            if text:
                found.append((text, source))
        return found
