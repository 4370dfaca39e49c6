"""A table view whose columns share its width by weights, until the user drags one.

Columns are never sized to their contents (slow at 20,000 rows, GUIDE trap 7): each gets its
share of the visible width; long texts are elided and shown whole in the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 26


class FittedTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weights: list[int] = []
        self._fitting = False
        self.user_sized = False
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.ElideRight)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.Fixed)  # fixed heights: fast at 20,000 rows
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(self._on_section_resized)

    def set_weights(self, weights: Sequence[int]) -> None:
        """Starting widths in pixels at a 820-pixel table; they grow and shrink together."""
        self._weights = list(weights)
        self.fit()

    def fit(self) -> None:
        """Share the visible width by weight; no column narrower than its header title."""
        visible = [c for c in range(len(self._weights)) if not self.isColumnHidden(c)]
        width = self.viewport().width()
        if not visible or width <= 0:
            return
        metrics = self.horizontalHeader().fontMetrics()
        model = self.model()
        minimum = {
            c: max(
                (metrics.horizontalAdvance(line) for line in _title(model, c).split("\n")),
                default=0,
            )
            + 22
            for c in visible
        }
        fixed: dict[int, int] = {}
        while True:  # give the narrow ones their minimum, share the rest by weight
            free = [c for c in visible if c not in fixed]
            room = width - sum(fixed.values())
            total = sum(self._weights[c] for c in free) or 1
            widths = {c: room * self._weights[c] // total for c in free}
            short = [c for c in free if widths[c] < minimum[c]]
            if not short or len(short) == len(free):
                break
            fixed.update({c: minimum[c] for c in short})
        widths.update(fixed)
        widths[visible[-1]] += width - sum(widths.values())  # rounding goes to the last one
        self._fitting = True
        try:
            for column in visible:
                self.setColumnWidth(column, max(widths[column], 40))
        finally:
            self._fitting = False

    def _on_section_resized(self, *_args: object) -> None:
        # only a drag by the user stops the fitting (hiding columns or a reset resize too)
        if not self._fitting and QApplication.mouseButtons() & Qt.LeftButton:
            self.user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit()


def _title(model: object, column: int) -> str:
    return str(model.headerData(column, Qt.Horizontal) or "")  # type: ignore[attr-defined]
