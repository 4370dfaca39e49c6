"""A table whose first column stays in place when the others scroll sideways (Qt's «Frozen
Column» example): a second view over the same model and selection, showing only the first
column, laid over the left edge of the table and scrolled up and down with it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget


class FrozenColumnTable(QTableView):
    """Call :meth:`freeze_first_column` once the model is set and the table configured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen: QTableView | None = None

    def freeze_first_column(self) -> None:
        model = self.model()
        frozen = self.frozen = QTableView(self)
        frozen.setModel(model)
        frozen.setSelectionModel(self.selectionModel())
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.verticalHeader().hide()
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setSelectionBehavior(self.selectionBehavior())
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setAlternatingRowColors(self.alternatingRowColors())
        frozen.setWordWrap(self.wordWrap())
        # schools' names differ at their ends («… СОШ», «… СОШ № 2»): cut in the middle
        frozen.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rows = frozen.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        header = frozen.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(self.horizontalHeader().defaultAlignment())
        header.setContextMenuPolicy(self.horizontalHeader().contextMenuPolicy())
        header.customContextMenuRequested.connect(
            self.horizontalHeader().customContextMenuRequested
        )
        header.setSortIndicatorShown(self.horizontalHeader().isSortIndicatorShown())
        header.setSectionsClickable(self.horizontalHeader().sectionsClickable())
        header.sectionClicked.connect(self._frozen_header_clicked)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sort_shown)
        self._sort_shown(
            self.horizontalHeader().sortIndicatorSection(),
            self.horizontalHeader().sortIndicatorOrder(),
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().geometriesChanged.connect(self._place)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        model.modelReset.connect(self._show_first_only)
        model.columnsInserted.connect(self._show_first_only)
        self._show_first_only()
        frozen.show()

    # keeping the two views together ---------------------------------------------------------
    def _show_first_only(self, *_: object) -> None:
        if self.frozen is None:
            return
        model: QAbstractItemModel = self.model()
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self._place()

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self.frozen is not None and column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def _place(self) -> None:
        if self.frozen is None:
            return
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.setVisible(not self.isColumnHidden(0) and self.model().rowCount() > 0)

    def _frozen_header_clicked(self, column: int) -> None:
        """A click on the frozen «Школа» header sorts as one on the table's own header."""
        header = self.horizontalHeader()
        if not self.isSortingEnabled():
            return
        ascending = Qt.SortOrder.AscendingOrder
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending
            else ascending
        )
        self.sortByColumn(column, order)

    def _sort_shown(self, column: int, order: Qt.SortOrder) -> None:
        if self.frozen is not None:
            self.frozen.horizontalHeader().setSortIndicator(column, order)

    # Qt --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() > 0:  # the first column is always in sight: only the others scroll
            super().scrollTo(index, hint)
