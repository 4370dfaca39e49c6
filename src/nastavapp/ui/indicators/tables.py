"""Read-only tables of the monitoring tab: columns shared by weight, and short tables as tall
as their rows (the page scrolls, not each table). A short table wraps its texts (a question, a
form) over as many lines as its column needs at the width there is; a long list keeps rows of
one line (fast) and elides."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy, QWidget

from ..bases.fitted_table import ROW_HEIGHT, FittedTable
from .rows_model import Row, RowsModel

WRAPPED_ROOM = 8  # above and below a text of several lines, as a one-line row has


class ReportTable(FittedTable):
    def __init__(
        self,
        titles: Sequence[str],
        weights: Sequence[int],
        *,
        tips: Sequence[str] = (),
        sortable: bool = False,
        fit_rows: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model_ = RowsModel(titles, tips, self)
        self.setModel(self.model_)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.NoSelection
            if fit_rows
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setSortingEnabled(sortable)
        self.horizontalHeader().setSortIndicator(
            -1, Qt.SortOrder.AscendingOrder
        )  # the service's order
        self.fit_rows = fit_rows
        self.set_weights(weights)
        if fit_rows:
            self.setWordWrap(True)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(
        self,
        rows: Sequence[Row],
        titles: Sequence[str] | None = None,
        weights: Sequence[int] | None = None,
    ) -> None:
        self.model_.set_rows(rows, titles)
        header = self.horizontalHeader()
        if self.isSortingEnabled() and header.sortIndicatorSection() >= 0:
            self.model_.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if weights is not None:
            self._weights = list(weights)
        self.fit()

    def fit(self) -> None:
        """The columns shared by weight; a short table as tall as its rows, and its scroll bar
        when the columns need more than the width (it used to hide the row of totals)."""
        super().fit()
        if not self.fit_rows:
            return
        self._fit_row_heights()
        height = self.horizontalHeader().sizeHint().height()
        height += max(ROW_HEIGHT, self.verticalHeader().length()) + 2 * self.frameWidth() + 2
        # no scroll bar when the columns fit (Qt showed one for a last column fitting exactly)
        wide = self.horizontalHeader().length() > self.viewport().width()
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wide else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if wide:
            height += self.horizontalScrollBar().sizeHint().height()
        if height != self.height():
            self.setFixedHeight(height)

    def _fit_row_heights(self) -> None:
        """Each row as tall as its longest wrapped text at the column widths now, at least one
        line of the usual height (a short table has a dozen rows: cheap)."""
        for row in range(self.model_.rowCount()):
            self.setRowHeight(row, max(ROW_HEIGHT, self.sizeHintForRow(row) + WRAPPED_ROOM))


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #444444;")
    return label
