"""Small pieces the pairs screens share: tables, dates that may be empty, forms that save on
Enter, and storing with the mentor's places confirmed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QLabel,
    QPushButton,
    QWidget,
)

from ...services.pairs import OverCapacityError, PairError
from .. import messages
from ..bases.fitted_table import FittedTable
from ..bases.widgets import DATE_FORMAT
from .table_base import Column, RowsModel, SearchProxy

TAB_MARGINS = (8, 8, 8, 8)  # inside a tab's frame: nothing touches it
NO_DATE = QDate(2000, 1, 1)  # the minimum of an optional date field shows «не указана»


def make_table(
    model: QAbstractItemModel,
    weights: Sequence[int],
    *,
    multi: bool = False,
    samples: Sequence[str] = (),
    yielding: Sequence[int] = (),
) -> FittedTable:
    """A sortable table whose columns share the width by ``weights``, none narrower than its
    text in ``samples`` (``FittedTable.set_weights``); a bare rows model gets a proxy that
    sorts it by its ranks."""
    table = FittedTable()
    if isinstance(model, RowsModel):
        proxy = SearchProxy(table)
        proxy.setSourceModel(model)
        model = proxy
    table.setModel(model)
    # the model's own order until a header is clicked
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if multi:
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.set_weights(weights, samples, yielding)
    return table


def columns_table(
    model: QAbstractItemModel, columns: Sequence[Column], *, multi: bool = False
) -> FittedTable:
    """:func:`make_table` with the widths and samples of ``columns``."""
    weights, samples = [c.width for c in columns], [c.sample for c in columns]
    yielding = [i for i, c in enumerate(columns) if c.yields]
    return make_table(model, weights, multi=multi, samples=samples, yielding=yielding)


def optional_date_edit(value: date | None) -> QDateEdit:
    """A dd.mm.yyyy field that may stay empty («не указана»)."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("не указана")
    set_optional_date(edit, value)
    return edit


def set_optional_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def optional_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def no_default_buttons(widget: QWidget) -> None:
    """Enter in a field must not press some button of a dialog (forms save on Enter)."""
    for button in widget.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


class SubmitBox(QWidget):
    """A form that emits ``submitted`` on Enter in any of its fields (line edits, dates, combos
    and check boxes pass Enter on to their parent)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class _DeleteKey(QObject):
    def __init__(self, parent: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._callback()
            return True
        return False


def on_delete_key(widget: QWidget, callback: Callable[[], None]) -> None:
    """Delete pressed in ``widget`` (a table) calls ``callback``, which asks before deleting."""
    widget.installEventFilter(_DeleteKey(widget, callback))


def muted_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label


def over_capacity_question(error: OverCapacityError) -> str:
    lines = "\n".join(f"• {o.text}" for o in error.overloads)
    many = len(error.overloads) > 1
    who = "готовы взять наставники" if many else "готов взять наставник"
    return f"Будет превышено число наставляемых, которое {who}:\n{lines}\n\nВсё равно сохранить?"


def store_with_capacity(parent: QWidget, action: Callable[[bool], object]) -> bool:
    """``action(allow_over_capacity)``: when a mentor's places would be exceeded, ask with the
    numbers and repeat with the permission. Errors are shown; False when nothing was stored."""
    try:
        action(False)
        return True
    except OverCapacityError as exc:
        if not messages.confirm(parent, over_capacity_question(exc)):
            return False
    except PairError as exc:
        messages.error(parent, str(exc))
        return False
    return run_action(parent, lambda: action(True))


def run_action(parent: QWidget, action: Callable[[], object]) -> bool:
    """Run a change of a pair; its Russian error is shown. True when it was stored."""
    try:
        action()
    except PairError as exc:
        messages.error(parent, str(exc))
        return False
    return True
