"""«Имена в падежах» of the order dialog: every name the order uses, as in the base, in its case
and as the order has it; only the last column is editable, and an edit is said by
``formEdited(row, text)`` (the dialog changes the name wherever the text has it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...services.documents.order_text import NameForm

FORM_COLUMN = 3


class DeclinedNames(QTableWidget):
    formEdited = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self._filling = False
        self.setHorizontalHeaderLabels(["Кто", "Как в базе", "Падеж", "Как в приказе"])
        header = self.horizontalHeader()
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((fit, stretch, fit, stretch)):
            header.setSectionResizeMode(column, mode)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setToolTip("Дважды щёлкните «Как в приказе», чтобы исправить склонение")
        self.itemChanged.connect(self._changed)

    def show_names(self, names: Sequence[NameForm]) -> None:
        self._filling = True
        try:
            self.setRowCount(len(names))
            for row, name in enumerate(names):
                texts = (name.label, name.nominative, name.case.label, name.form)
                for column, text in enumerate(texts):
                    item = QTableWidgetItem(text)
                    if column != FORM_COLUMN:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.setItem(row, column, item)
        finally:
            self._filling = False

    def _changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == FORM_COLUMN:
            self.formEdited.emit(item.row(), item.text())
