"""The answers grid as a keyboard-first table: type a digit to start, Tab to the next question,
Enter to the next respondent — back in the column where this row's typing began, as Excel does.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from .answers_model import FIRST_ITEM, FORM, RESPONDENT

Index = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 26


class AnswersTable(QTableView):
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_column = FIRST_ITEM
        self._moving = False
        self._closing = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setMinimumWidth(34)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(True)
        header.setMinimumSectionSize(34)

    def size_columns(self, open_columns: set[int]) -> None:
        """Fixed widths, once per questionnaire (never sized to contents: GUIDE trap 7)."""
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            if column == RESPONDENT:
                width = 230
            elif column == FORM:
                width = 150
            elif column in open_columns:
                width = 220
            else:
                width = 46
            self.setColumnWidth(column, width)

    def start_column(self) -> int:
        return self._start_column

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if not self._moving and current.isValid():  # a click or an arrow: typing starts here
            self._start_column = current.column()

    def go_to(self, row: int, column: int, *, edit: bool = True) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, min(column, model.columnCount() - 1))
        self._moving = True
        try:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._moving = False
        self.scrollTo(index)
        if edit:
            self.edit(index)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self._closing = True
        try:
            self._close_editor(editor, hint)
        finally:
            self._closing = False

    def _close_editor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        model = self.model()
        last = model.columnCount() - 1 if model is not None else 0
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        wrap = hint == QAbstractItemDelegate.EndEditHint.EditNextItem and current.column() == last
        if not (enter or wrap) or not current.isValid():
            self._moving = hint in (
                QAbstractItemDelegate.EndEditHint.EditNextItem,
                QAbstractItemDelegate.EndEditHint.EditPreviousItem,
            )
            try:
                super().closeEditor(editor, hint)
            finally:
                self._moving = False
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.go_to(current.row() + 1, self._start_column)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.currentIndex()
                if current.isValid():
                    self.go_to(current.row() + 1, self._start_column, edit=False)
                    return
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                if self._closing:  # Qt's own Tab while an editor closes: the close moves on
                    event.accept()
                    return
                self._moving = True
                try:
                    super().keyPressEvent(event)
                finally:
                    self._moving = False
                return
            if key == Qt.Key.Key_Delete and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.deleteRequested.emit()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                current = self.currentIndex()
                if current.isValid() and current.column() >= FIRST_ITEM:
                    model = self.model()
                    if model is not None:
                        model.setData(current, "", Qt.ItemDataRole.EditRole)
                    return
        super().keyPressEvent(event)
