"""«Пары и группы»: the year's pairs and groups with search, filters, approval by order and
deletion of one stored by mistake; Enter or a double click opens the card."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...models import AcademicYear
from ...models.vocab import GroupStatus, MentoringForm
from ...services.meetings import STALE_DAYS, meeting_summaries
from ...services.pairs import (
    GroupCard,
    PairError,
    approve_by_order,
    delete_group,
    list_groups,
)
from ...services.plans import year_progress
from ...store import Store
from .. import messages
from ..dialog_slot import replace_dialog
from ..table_search import SearchField, SearchRow, search_note
from .approve_dialog import ApproveDialog
from .groups_model import GroupRow, GroupsModel, group_rows
from .table_base import ITEM_ROLE, SearchProxy
from .widgets import TAB_MARGINS, columns_table, muted_label, on_delete_key

STALE = "stale"
LIVE = "live"


class GroupsTab(QWidget):
    """``changed`` after something was stored; ``openRequested(group_id)`` asks for the card."""

    changed = Signal()
    openRequested = Signal(int)

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.year: AcademicYear | None = None
        self.dialog: QDialog | None = None
        self.model = GroupsModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        self.search = SearchField("Поиск: ФИО, класс, приказ")
        self.search.textChanged.connect(self._filter)
        self.form_filter = QComboBox()
        self.form_filter.addItem("Все формы", "")
        for form in MentoringForm:
            self.form_filter.addItem(form.label, form.value)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Все статусы", "")
        self.status_filter.addItem("Действующие", LIVE)
        for status in GroupStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.addItem(f"Без встреч больше {STALE_DAYS} дней", STALE)
        for combo in (self.form_filter, self.status_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter)
        filters = SearchRow(self.search)
        filters.add_filter(self.form_filter)
        filters.add_filter(self.status_filter)
        layout.addWidget(filters)
        self.table = columns_table(self.proxy, self.model.columns, multi=True)
        self.empty_note = search_note(
            self.table,
            self.proxy,
            "все пары и группы",
            empty="Пар и групп пока нет: подберите наставников на вкладке «Подбор пар».",
        )
        self.table.activated.connect(lambda _index: self.open_card())
        self.table.selectionModel().selectionChanged.connect(self._sync)
        layout.addWidget(self.table, 1)
        self.counts = muted_label()
        layout.addWidget(self.counts)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Открыть &карточку…")
        self.open_button.clicked.connect(self.open_card)
        self.approve_button = QPushButton("Утвердить &приказом…")
        self.approve_button.setToolTip("Утвердить выбранные формирующиеся пары и группы приказом")
        self.approve_button.clicked.connect(self.approve)
        self.delete_button = QPushButton("У&далить…")
        self.delete_button.setToolTip(
            "Удалить пару, сохранённую по ошибке (только формирующуюся и без встреч)"
        )
        self.delete_button.clicked.connect(self.delete)
        for button in (self.open_button, self.approve_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        on_delete_key(self.table, self.delete)
        self._sync()

    # data ---------------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.reload()

    def reload(self, select_ids: list[int] | None = None) -> None:
        keep = select_ids if select_ids is not None else [c.id for c in self.selected_cards()]
        if self.year is None or self.year.id is None:
            self.model.set_rows([])
        else:
            year_id = self.year.id
            cards = list_groups(self.store, year_id)
            summaries = meeting_summaries(self.store, year_id, self.today)
            self.model.set_rows(group_rows(cards, summaries, year_progress(self.store, year_id)))
        for group_id in keep:
            self.select(group_id, add=True)
        self._count()
        self._sync()

    def select(self, group_id: int, *, add: bool = False) -> bool:
        row = self.model.row_of(group_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.Rows | (
            selection.SelectionFlag.Select if add else selection.SelectionFlag.ClearAndSelect
        )
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def rows_shown(self) -> list[GroupRow]:
        return [self.proxy.index(r, 0).data(ITEM_ROLE) for r in range(self.proxy.rowCount())]

    def selected_cards(self) -> list[GroupCard]:
        rows = [i.data(ITEM_ROLE) for i in self.table.selectionModel().selectedRows()]
        return [r.card for r in rows if isinstance(r, GroupRow)]

    def _filter(self, *_args: object) -> None:
        self.proxy.set_search(self.search.text())
        form = self.form_filter.currentData()
        self.proxy.set_test("form", (lambda r: r.card.form.value == form) if form else None)
        status = self.status_filter.currentData()
        if status == STALE:
            test = lambda r: r.stale  # noqa: E731
        elif status == LIVE:
            test = lambda r: r.card.is_live  # noqa: E731
        elif status:
            test = lambda r: r.card.status.value == status  # noqa: E731
        else:
            test = None
        self.proxy.set_test("status", test)
        self._count()

    def _count(self) -> None:
        rows = self.model.rows()
        shown = self.proxy.rowCount()
        working = sum(1 for r in rows if r.card.status is GroupStatus.ACTIVE)
        forming = sum(1 for r in rows if r.card.status is GroupStatus.FORMING)
        stale = sum(1 for r in rows if r.stale)
        parts = [f"Показано {shown} из {len(rows)}", f"работают: {working}"]
        if forming:
            parts.append(f"ждут приказа: {forming}")
        if stale:
            parts.append(f"без встреч больше {STALE_DAYS} дней: {stale}")
        self.counts.setText(" · ".join(parts))

    def _sync(self, *_args: object) -> None:
        cards = self.selected_cards()
        self.open_button.setEnabled(len(cards) == 1)
        self.approve_button.setEnabled(any(c.status is GroupStatus.FORMING for c in cards))
        self.delete_button.setEnabled(len(cards) == 1 and cards[0].status is GroupStatus.FORMING)

    # commands -----------------------------------------------------------------------------------
    def open_card(self) -> None:
        cards = self.selected_cards()
        if len(cards) == 1:
            self.openRequested.emit(cards[0].id)

    def approve(self) -> None:
        cards = self.selected_cards()
        forming = [c for c in cards if c.status is GroupStatus.FORMING]
        if not forming:
            messages.info(self, "Выберите формирующиеся пары или группы: утверждаются только они.")
            return
        dialog = ApproveDialog(forming, self.today, len(cards) - len(forming), self)

        def approved() -> None:
            try:
                order = approve_by_order(
                    self.store, dialog.group_ids(), dialog.number(), dialog.day(), today=self.today
                )
            except PairError as exc:
                messages.error(self, str(exc))
                return
            if self.status_filter.currentData() == GroupStatus.FORMING.value:
                # «формируется» would hide the pairs just approved: keep them in view, selected
                self.status_filter.setCurrentIndex(self.status_filter.findData(LIVE))
            self.reload(dialog.group_ids())
            self.counts.setText(
                f"Утверждено приказом {order.text}: {len(forming)}. " + self.counts.text()
            )
            self.changed.emit()

        dialog.accepted.connect(approved)
        self.dialog = replace_dialog(self.dialog, dialog)
        dialog.open()

    def delete(self) -> None:
        cards = self.selected_cards()
        if len(cards) != 1:
            return
        card = cards[0]
        if card.status is not GroupStatus.FORMING:
            messages.info(
                self,
                f"Пара или группа {card.status.label}: её нельзя удалить. Если она не работает, "
                "откройте карточку и расформируйте её с указанием причины.",
            )
            return
        kind = "пару" if len(card.mentees) == 1 else "группу"
        if not messages.confirm_action(
            self,
            f"Удалить {kind} «{card.title}»? Удаляйте только пары, сохранённые по ошибке: "
            "наставляемые вернутся в базу и снова появятся в подборе.",
            "Удалить",
        ):
            return
        try:
            delete_group(self.store, card.id)
        except PairError as exc:
            messages.error(self, str(exc))
            return
        self.reload([])
        self.changed.emit()
