"""«Без пары»: mentees of the year in no pair or group, with the mark «нужна психологическая
поддержка» and a note (both edited in the table). They stay here until they are paired."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...models.vocab import MentoringForm, PersonCategory
from ...services.counts import basic_counts
from ...services.pairs import PairError, UnpairedMentee, mark_support, unpaired_mentees
from ...store import Store
from .. import messages
from ..table_search import KEYS_TIP, SearchField, SearchRow, search_note
from .table_base import FULL_NAME_SAMPLE, ITEM_ROLE, Column, Index, RowsModel, SearchProxy
from .widgets import TAB_MARGINS, columns_table, muted_label

SUPPORT_TEXT = QColor("#b23c17")
Commit = Callable[[UnpairedMentee, bool, str], bool]


def _form(m: UnpairedMentee) -> str:
    return m.form.label if m.form else "не указана"


def _place(m: UnpairedMentee) -> str:
    """«7А», as in every other table (not «7А класс»); a teacher's position."""
    return m.post.removesuffix(" класс") if m.category is PersonCategory.STUDENT else m.post


COLUMNS = (
    Column("Наставляемый", lambda m: m.name, 190, sample=FULL_NAME_SAMPLE),
    Column(
        "Класс",
        _place,
        72,
        tip="Класс обучающегося или должность педагога",
        sample="10Б класс",
    ),
    Column("Форма", _form, 130, sample="учитель – ученик"),
    # on a narrow window the requests are read in the line under the table
    Column("Запросы", lambda m: "; ".join(m.requests), 168, yields=True),
    Column(
        "Поддержка",
        lambda m: "нужна" if m.needs_support else "",
        96,
        key=lambda m: not m.needs_support,
        tip="Нужна психологическая поддержка, пока идёт поиск наставника",
    ),
    Column(
        "Примечание",
        lambda m: m.note,
        170,
        tip="Дважды щёлкните, чтобы записать примечание",
    ),
)
NAME, POST, FORM, REQUESTS, SUPPORT, NOTE = range(len(COLUMNS))


class UnpairedModel(RowsModel):
    """The support mark and the note are edited in place; ``commit`` stores them."""

    def __init__(self, commit: Commit, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._commit = commit

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == SUPPORT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.isValid() and index.column() == NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def extra(self, item: Any, column: int, role: int) -> Any:
        mentee: UnpairedMentee = item
        if role == Qt.ItemDataRole.CheckStateRole and column == SUPPORT:
            return Qt.CheckState.Checked if mentee.needs_support else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column == NOTE:
            return mentee.note
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and mentee.needs_support
            and column in (NAME, SUPPORT)
        ):
            return QBrush(SUPPORT_TEXT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        mentee: UnpairedMentee = self.row_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == SUPPORT:
            support, note = Qt.CheckState(value) == Qt.CheckState.Checked, mentee.note
        elif role == Qt.ItemDataRole.EditRole and index.column() == NOTE:
            support, note = mentee.needs_support, str(value or "").strip()
        else:
            return False
        if not self._commit(mentee, support, note):
            return False
        self.replace_row(index.row(), replace(mentee, needs_support=support, note=note))
        return True


class UnpairedTab(QWidget):
    """``changed`` after a mark was stored; ``matchRequested(form)`` asks for the matching."""

    changed = Signal()
    matchRequested = Signal(object)

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.year: AcademicYear | None = None
        self.model = UnpairedModel(self._store_mark, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.addWidget(
            muted_label(
                "Наставляемые, которым ещё не подобран наставник. Они остаются здесь и в подборе "
                "пар, пока не войдут в пару или группу. Отметьте тех, кому на время поиска нужна "
                "психологическая поддержка; двойной щелчок по примечанию — записать, что делается."
            )
        )
        self.search = SearchField("Поиск: ФИО, класс, запрос")  # whole in a narrow window
        self.search.setToolTip(f"Ищет в ФИО, классе, запросах и примечаниях. {KEYS_TIP}")
        self.search.textChanged.connect(self.proxy.set_search)
        self.form_filter = QComboBox()
        self.form_filter.addItem("Все формы", "")
        for form in MentoringForm:
            self.form_filter.addItem(form.label, form.value)
        self.form_filter.currentIndexChanged.connect(self._filter)
        self.support_only = QCheckBox("&Только нуждающиеся в поддержке")
        self.support_only.toggled.connect(self._filter)
        filters = SearchRow(self.search)
        filters.add_filter(self.form_filter)
        filters.add_filter(self.support_only)
        layout.addWidget(filters)
        self.table = columns_table(self.proxy, self.model.columns)
        self.empty_note = search_note(
            self.table, self.proxy, "всех наставляемых без\u00a0пары", empty=self._nobody_note
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.detail)
        bottom = QHBoxLayout()
        self.counts = muted_label()
        self.match_button = QPushButton("&Подобрать наставника →")
        self.match_button.setToolTip("Открыть подбор пар для формы выбранного наставляемого")
        self.match_button.clicked.connect(self._match)
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.match_button)
        layout.addLayout(bottom)
        for signal in (self.model.modelReset, self.model.dataChanged):
            signal.connect(self._count)
            signal.connect(self._show_detail)
        self.proxy.searched.connect(self._count)  # «показано N» follows the search and filters

    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        year_id = self.year.id if self.year is not None else None
        self.model.set_rows(unpaired_mentees(self.store, year_id) if year_id else [])
        if self.proxy.rowCount():
            self.table.selectRow(0)  # its requests and note in full under the table

    def _nobody_note(self) -> str:
        """Why nobody is listed: the base is still empty, or every mentee has a pair."""
        if basic_counts(self.store, self.year)["mentees"] == 0:
            return (
                "В базе наставляемых этого года пока никого нет.\n"
                "Составьте её: «Базы» → «База наставляемых» (можно загрузить список из Excel)."
            )
        return "Наставляемых без пары нет: у каждого есть наставник."

    def _show_detail(self, *_args: object) -> None:
        index = self.table.currentIndex()
        mentee = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(mentee, UnpairedMentee):
            self.detail.setText("")
            return
        requests = "; ".join(mentee.requests) or "не указаны"
        note = escape(mentee.note).replace("\n", "<br>") if mentee.note else "нет"
        self.detail.setText(
            f"<b>{escape(mentee.name)}</b>, {escape(mentee.post)}. Запросы: {escape(requests)}."
            f"<br>Примечание: {note}"
        )

    def _filter(self, *_args: object) -> None:
        form = self.form_filter.currentData()
        self.proxy.set_test(
            "form", (lambda m: m.form is None or m.form.value == form) if form else None
        )
        self.proxy.set_test(
            "support", (lambda m: m.needs_support) if self.support_only.isChecked() else None
        )

    def _count(self, *_args: object) -> None:
        rows = self.model.rows()
        support = sum(1 for m in rows if m.needs_support)
        text = f"Без пары: {len(rows)}"
        if self.proxy.rowCount() != len(rows):
            text += f" (показано {self.proxy.rowCount()})"
        self.counts.setText(text + f" · нужна поддержка: {support}")

    def _store_mark(self, mentee: UnpairedMentee, support: bool, note: str) -> bool:
        if self.year is None or self.year.id is None:
            return False
        try:
            mark_support(
                self.store, self.year.id, mentee.person_id, needs_support=support, note=note
            )
        except PairError as exc:
            messages.error(self, str(exc))
            return False
        self.changed.emit()
        return True

    def _match(self) -> None:
        index = self.table.currentIndex()
        mentee = index.data(ITEM_ROLE) if index.isValid() else None
        form = mentee.form if isinstance(mentee, UnpairedMentee) else None
        self.matchRequested.emit(form)
