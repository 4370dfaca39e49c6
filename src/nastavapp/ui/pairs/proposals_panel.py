"""The middle of «Подбор пар»: the proposals table (search, decisions, the mentor combo), the
mentors' load beside it, and the reasons of the chosen proposal in full under it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QVBoxLayout, QWidget

from ...services.pairs import MentorLoad
from ..table_search import SearchField, search_note
from .loads_model import MentorLoadModel
from .proposals_model import (
    MENTOR,
    Decision,
    MentorDelegate,
    ProposalRow,
    ProposalsModel,
    points_text,
    post,
)
from .table_base import ITEM_ROLE, SearchProxy
from .widgets import columns_table


def detail_html(row: ProposalRow | None) -> str:
    """Who, the proposed mentor, the points with every reason, the mentee's requests."""
    if row is None:
        return ""
    place = post(row.mentee)
    who = escape(row.mentee.name + (f" ({place})" if place else ""))
    requests = escape("; ".join(row.mentee.texts) or "не указаны")
    if row.mentor is None:
        return (
            f"<b>{who}</b>: наставник не предложен — {escape(row.why_none)}. Наставляемый "
            "остаётся на вкладке «Без пары»; подберите наставника вручную или пополните базу "
            f"наставников.<br>Запросы: {requests}"
        )
    reasons = escape("; ".join(row.reasons) or "особых совпадений нет")
    return (
        f"<b>{who}</b> — наставник <b>{escape(row.mentor.name)}</b>, "
        f"{points_text(row.score or 0)}: {reasons}.<br>Запросы: {requests}"
    )


class ProposalsPanel(QWidget):
    """``changed`` when a decision, the rows or the chosen row change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProposalsModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.loads = MentorLoadModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = SearchField("Поиск: наставляемый, класс, наставник")
        self.search.textChanged.connect(self.proxy.set_search)
        column.addWidget(self.search)
        self.table = columns_table(self.proxy, self.model.columns, multi=True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegateForColumn(MENTOR, MentorDelegate(self.model, self.table))
        self.empty_note = search_note(self.table, self.proxy, "все предложения")
        column.addWidget(self.table, 1)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Нагрузка наставников</b>"))
        self.loads_proxy = SearchProxy(self)
        self.loads_proxy.setSourceModel(self.loads)
        self.loads_search = SearchField("Поиск наставника", find_key=False)
        self.loads_search.textChanged.connect(self.loads_proxy.set_search)
        side.addWidget(self.loads_search)
        self.loads_table = columns_table(self.loads_proxy, self.loads.columns)
        self.loads_note = search_note(
            self.loads_table, self.loads_proxy, "всех наставников", width=0
        )
        side.addWidget(self.loads_table, 1)
        right.setMinimumWidth(self.loads_table.least_total())  # names whole beside the places
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 210])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setVisible(False)
        layout.addWidget(self.detail)
        for signal in (self.model.dataChanged, self.model.modelReset, self.model.rowsRemoved):
            signal.connect(self._changed)
        self.table.selectionModel().currentRowChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.loads.set_chosen(self.model.chosen_places())
        text = detail_html(self.current())
        self.detail.setText(text)
        self.detail.setVisible(bool(text))  # no empty band under the table while none is chosen
        self.changed.emit()

    def set_loads(self, loads: Sequence[MentorLoad]) -> None:
        self.loads.set_loads(loads, self.model.chosen_places())

    # the chosen rows ---------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        chosen = self.table.selectionModel().selectedRows()
        return sorted({self.proxy.mapToSource(i).row() for i in chosen})

    def current(self) -> ProposalRow | None:
        index = self.table.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        return item if isinstance(item, ProposalRow) else None

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)

    # decisions ---------------------------------------------------------------------------------
    def decide(self, decision: Decision) -> None:
        for row in self.selected_rows():
            self.model.decide(row, decision)

    def accept_all(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).decision is Decision.PROPOSED:
                self.model.decide(row, Decision.ACCEPTED)

    def change_mentor(self) -> bool:
        """Open the combo of the mentee's alternatives in the mentor cell; False when nobody
        with free places fits him (then only pairing by hand, over the places, is left)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        if not self.model.alternatives(self.proxy.mapToSource(index).row()):
            return False
        mentor_cell = index.siblingAtColumn(MENTOR)
        self.table.setCurrentIndex(mentor_cell)
        self.table.edit(mentor_cell)
        return True
