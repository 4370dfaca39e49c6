"""The answers of one questionnaire as an editable grid: one row per respondent.

Columns: «Респондент», «Форма», then one per question. The last row is a blank one: its first
answer stores a new response and another blank row appears. Every accepted edit is stored at
once; a value off the scale is refused (``refused`` says why) and nothing changes.

The model sorts itself by a column and gives the search proxy (``ui/table_search.py``) each
row's respondent and pair as text (``answers_order.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...models import QuestionItem
from ...models.vocab import MentoringForm, QuestionType
from ...services.pair_views import GroupCard
from ...services.questionnaires import QuestionnaireError, check_value
from ...services.responses import (
    Respondent,
    ResponseRow,
    delete_response,
    save_row,
    set_answer,
    set_respondent,
)
from ...store import Store, StoreError
from ..sort_ranks import russian_collator
from .answers_order import (
    answer_key,
    arranged,
    form_key,
    respondent_key,
    respondent_tip,
    search_text,
)
from .formatting import DASH

Index = QModelIndex | QPersistentModelIndex
RESPONDENT, FORM = 0, 1
FIRST_ITEM = 2
ANONYMOUS = "анонимно"
NEW_ROW = QColor("#f4f8fc")


def shown(item: QuestionItem, value: object) -> str:
    """A stored value as the curator reads it: «8», «да»/«нет», the text."""
    if value is None or value == "":
        return ""
    if item.type is QuestionType.YES_NO:
        return "да" if value == 1 else "нет"
    return str(value)


class AnswersModel(QAbstractTableModel):
    refused = Signal(str)  # a value or action that was not accepted, in Russian
    saved = Signal()  # something was stored

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.template_id: int | None = None
        self.items: list[QuestionItem] = []
        self.people: dict[int, Respondent] = {}
        self.forms: list[MentoringForm] = []
        self.rows: list[ResponseRow] = []
        self.groups: dict[int, GroupCard] = {}
        self.answered_on: date | None = None
        self._collator = russian_collator()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def load(
        self,
        template_id: int | None,
        items: Sequence[QuestionItem],
        rows: Sequence[ResponseRow],
        people: Sequence[Respondent],
        forms: Sequence[MentoringForm],
        answered_on: date | None,
        groups: Sequence[GroupCard] = (),
    ) -> None:
        """The questionnaire's answers; ``groups``: the year's pairs and groups (searched by
        their members' names)."""
        self.beginResetModel()
        self.template_id = template_id
        self.items = list(items)
        self.people = {p.person_id: p for p in people}
        self.groups = {g.id: g for g in groups}
        self.forms = list(forms)
        self.rows = [*rows, ResponseRow(None, answered_on=answered_on)] if template_id else []
        self.answered_on = answered_on
        if not 0 <= self._sort[0] < self.columnCount():
            self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._arrange(*self._sort)
        self.endResetModel()

    def sort_column(self) -> int:
        """The column the rows are sorted by (-1: in the order they were entered)."""
        return self._sort[0]

    def set_answered_on(self, day: date) -> None:
        """The date given to the answers entered from now on."""
        self.answered_on = day
        if self.rows and self.rows[-1].id is None:
            self.rows[-1].answered_on = day

    def item_at(self, column: int) -> QuestionItem | None:
        position = column - FIRST_ITEM
        return self.items[position] if 0 <= position < len(self.items) else None

    def is_blank_row(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and self.rows[row].id is None

    def stored_rows(self) -> list[ResponseRow]:
        return [r for r in self.rows if r.id is not None]

    def respondent_label(self, row: ResponseRow) -> str:
        if row.person_id is None:
            return ANONYMOUS
        person = self.people.get(row.person_id)
        return person.label if person else "участник (не из списка года)"

    # searching (ui/table_search.py) and sorting (answers_order.py) --------------------------
    def haystack(self, row: int) -> str:
        found = self.rows[row]
        return search_text(found, self.respondent_label(found), self.people, self.groups)

    def is_pinned(self, row: int) -> bool:
        """The blank row for a new questionnaire is there whatever is searched."""
        return self.is_blank_row(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: the order of entry); the blank row stays last."""
        self._sort = (column if 0 <= column < self.columnCount() else -1, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = [self.rows[i.row()] if i.isValid() else None for i in old]
        self._arrange(*self._sort)
        where = {id(found): number for number, found in enumerate(self.rows)}
        new = [
            self.index(where[id(found)], i.column()) if found is not None else QModelIndex()
            for i, found in zip(old, before, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _arrange(self, column: int, order: Qt.SortOrder) -> None:
        key = None
        if column == RESPONDENT:
            key = respondent_key(self.respondent_label, self._collator)
        elif column == FORM:
            key = form_key(self._collator)
        elif column >= FIRST_ITEM:
            item = self.item_at(column)
            key = answer_key(item.id if item else None, self._collator)
        self.rows = arranged(self.rows, key, descending=order == Qt.SortOrder.DescendingOrder)

    # Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.template_id is None else FIRST_ITEM + len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and row.id is None:
            return QBrush(NEW_ROW)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            item = self.item_at(column)
            centred = item is not None and item.type is not QuestionType.OPEN
            return int(
                (Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == RESPONDENT
            and row.person_id is None
        ):
            return QBrush(QColor("#666666"))
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if column == RESPONDENT:
            if role == Qt.ItemDataRole.EditRole:
                return row.person_id or 0
            if role == Qt.ItemDataRole.ToolTipRole:
                return respondent_tip(row, self.respondent_label(row), self.people, self.groups)
            return self.respondent_label(row)
        if column == FORM:
            if role == Qt.ItemDataRole.EditRole:
                return row.form.value if row.form else ""
            return row.form.label if row.form else DASH
        item = self.item_at(column)
        if item is None:
            return None
        text = shown(item, row.values.get(item.id or 0))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.position}. {item.text}" + (f"\nОтвет: {text}" if text else "")
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return "+" if self.rows[section].id is None else str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole and self.is_blank_row(section):
                return "Новая анкета: начните вводить ответы"
            return None
        if section == RESPONDENT:
            titles = ("Респондент", "Кто ответил: участник года или «анонимно»")
        elif section == FORM:
            titles = ("Форма", "Форма наставничества (для анонимных ответов — по желанию)")
        else:
            item = self.item_at(section)
            if item is None:
                return None
            titles = (str(item.position), f"{item.position}. {item.text} ({item.type.label})")
        if role == Qt.ItemDataRole.DisplayRole:
            return titles[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return titles[1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.template_id is None:
            return False
        row = self.rows[index.row()]
        try:
            changed = self._apply(row, index.column(), value)
        except (QuestionnaireError, StoreError) as exc:  # nothing was stored
            self.refused.emit(str(exc))
            return False
        if not changed:
            return True
        last = self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, index.row(), index.row())
        if self.rows and self.rows[-1].id is not None:  # the blank row was stored: a new one
            position = len(self.rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self.rows.append(ResponseRow(None, answered_on=self.answered_on))
            self.endInsertRows()
        return True

    def _apply(self, row: ResponseRow, column: int, value: Any) -> bool:
        """Change the row (and the file when the row is stored); False when nothing changed."""
        if column == RESPONDENT:
            person_id = int(value or 0) or None
            if person_id == row.person_id:
                return False
            person = self.people.get(person_id) if person_id else None
            row.person_id = person_id
            row.group_id = person.group_id if person else None
            if person is not None and person.form is not None:
                row.form = person.form
        elif column == FORM:
            form = MentoringForm(value) if value else None
            if form == row.form:
                return False
            row.form = form
        else:
            item = self.item_at(column)
            if item is None or item.id is None:
                return False
            number, text = check_value(item, value)  # refused here, before anything changes
            stored = text if item.type is QuestionType.OPEN else number
            if row.values.get(item.id) == stored or (
                stored in (None, "") and item.id not in row.values
            ):
                return False
            if row.id is not None:
                set_answer(self.store, row.id, item.id, value)
            if stored in (None, ""):
                row.values.pop(item.id, None)
            else:
                row.values[item.id] = stored
            if row.id is None:
                return self._store_new(row)
            self.saved.emit()
            return True
        if row.id is not None:
            set_respondent(self.store, row.id, row.person_id, row.form, row.group_id)
            self.saved.emit()
        return True

    def _store_new(self, row: ResponseRow) -> bool:
        if row.is_empty or self.template_id is None:
            return True
        row.id = save_row(self.store, self.template_id, row)
        self.saved.emit()
        return True

    def remove_row(self, row: int) -> bool:
        """Delete a stored response (the blank row only empties)."""
        if not 0 <= row < len(self.rows):
            return False
        found = self.rows[row]
        if found.id is None:
            self.rows[row] = ResponseRow(None, answered_on=self.answered_on)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return False
        delete_response(self.store, found.id)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, len(self.rows) - 1))
        self.saved.emit()
        return True
