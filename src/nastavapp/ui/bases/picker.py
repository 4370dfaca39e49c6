"""Choosing who joins a base: search the whole contingent, or add a new person."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.bases_rows import BaseRow
from ..tab_order import tab_buttons_as_shown
from ..table_search import SearchField, empty_hint, empty_result_note, show_hint
from .filters import SEARCH_PLACEHOLDER, BaseFilterProxy
from .fitted_table import FittedTable
from .table_model import ROW_ROLE, BaseTableModel

SHOWN_COLUMNS = ("ФИО", "Класс / должность", "Возраст", "Роль в году")


class PersonPicker(QDialog):
    """Accepted with ``action`` = "pick" (``chosen()``) or "new" (make a new person first)."""

    def __init__(self, model: BaseTableModel, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = ""
        self.setWindowTitle(title)
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        found = QLabel("&Найдите участника по ФИО, классу или должности:")
        layout.addWidget(found)
        self.proxy = BaseFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = SearchField(SEARCH_PLACEHOLDER)  # Ctrl+F in the dialog, Esc clears
        self.search.textChanged.connect(self._search)
        found.setBuddy(self.search)
        layout.addWidget(self.search)
        self.table = FittedTable()
        self.table.setModel(self.proxy)
        for column, spec in enumerate(model.columns):
            self.table.setColumnHidden(column, spec.title not in SHOWN_COLUMNS)
        self.table.set_weights([spec.width for spec in model.columns])
        self.table.doubleClicked.connect(lambda _i: self._pick())
        self.empty_note = empty_hint(self.table)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pick_button = self.buttons.addButton(
            "&Выбрать", QDialogButtonBox.ButtonRole.AcceptRole
        )
        new = self.buttons.addButton("Новый &участник…", QDialogButtonBox.ButtonRole.ActionRole)
        new.clicked.connect(self._new)
        self.buttons.accepted.connect(self._pick)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        tab_buttons_as_shown(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._sync)
        self._sync()
        self.search.setFocus()

    def chosen(self) -> BaseRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        return row if isinstance(row, BaseRow) else None

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        total = self.proxy.sourceModel().rowCount()
        found = self.proxy.rowCount()
        show_hint(
            self.empty_note,
            empty_result_note(self.proxy.query(), found, total, total, "всех участников"),
        )

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _sync(self, *_args: object) -> None:
        self.pick_button.setEnabled(self.chosen() is not None)

    def _pick(self) -> None:
        if self.chosen() is not None:
            self.action = "pick"
            self.accept()

    def _new(self) -> None:
        self.action = "new"
        self.accept()
