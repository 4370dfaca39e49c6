"""A table view whose columns share its width by weights, until the user drags one.

Columns are never sized to their contents (slow at 20,000 rows, GUIDE trap 7): each gets its
share of the visible width; long texts are elided and shown whole in the tooltip. A column is
never narrower than its header title, nor than its sample text (a typical long name, a date)
when it has one; where these do not fit, a column that may yield (its text is shown elsewhere,
say under the table) is hidden until there is room again, else the table scrolls sideways
rather than cut them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 26
CELL_MARGINS = 10  # a cell's text margins and room so that a text of that width is not elided


class FittedTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weights: list[int] = []
        self._samples: list[str] = []
        self._yielding: set[int] = set()  # hidden when the others lack room
        self._yielded: set[int] = set()  # hidden now for that reason
        self._fitting = False
        self.user_sized = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(
            QHeaderView.ResizeMode.Fixed
        )  # fixed heights: fast at 20,000 rows
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(self._on_section_resized)

    def set_weights(
        self, weights: Sequence[int], samples: Sequence[str] = (), yielding: Sequence[int] = ()
    ) -> None:
        """Starting widths in pixels at a 820-pixel table; they grow and shrink together.

        ``samples``: for each column (or the first ones) a text it shows whole, say
        «Щербакова Д. К.» for short names; an empty one asks for no more than the title.
        ``yielding``: columns hidden while the others would not have their least width with
        them (their text must be read elsewhere too: a line under the table, a tooltip).
        """
        self._weights = list(weights)
        self._samples = [*samples, *[""] * (len(weights) - len(samples))]
        self._yielding = set(yielding)
        self.fit()

    def yielded(self) -> set[int]:
        """The yielding columns hidden now for want of room."""
        return set(self._yielded)

    def _make_room(self, width: int) -> None:
        """Hide the yielding columns while the others lack room with them, show them again
        when it is there."""
        if not self._yielding:
            return
        shown = [c for c in range(len(self._weights)) if not self.isColumnHidden(c)]
        candidates = [c for c in self._yielding if c in shown or c in self._yielded]
        keep = [c for c in shown if c not in self._yielding]
        fits = sum(self.least_width(c) for c in (*keep, *candidates)) <= width
        for column in candidates:
            if fits and column in self._yielded:
                self._yielded.discard(column)
                self.setColumnHidden(column, False)
            elif not fits and column not in self._yielded:
                self._yielded.add(column)
                self.setColumnHidden(column, True)

    def least_width(self, column: int) -> int:
        """The narrowest the column gets: its header title (with the sort arrow) and its sample
        text (with the cell's margins) shown whole."""
        title = self.horizontalHeader().fontMetrics()
        lines = _title(self.model(), column).split("\n")
        least = max((title.horizontalAdvance(line) for line in lines), default=0) + 22
        sample = self._samples[column] if column < len(self._samples) else ""
        if sample:
            least = max(least, self.fontMetrics().horizontalAdvance(sample) + CELL_MARGINS)
        return least

    def least_total(self) -> int:
        """The width of the whole table with every shown column at its least (frame and
        vertical scroll bar included): a splitter or layout can keep it from less."""
        columns = [c for c in range(len(self._weights)) if not self.isColumnHidden(c)]
        bar = self.verticalScrollBar().sizeHint().width()
        return sum(self.least_width(c) for c in columns) + bar + 2 * self.frameWidth()

    def fit(self) -> None:
        """Share the visible width by weight, no column narrower than :meth:`least_width`
        (the table scrolls sideways when even those do not fit)."""
        width = self.viewport().width()
        if width <= 0:
            return
        self._fitting = True
        try:
            self._make_room(width)
        finally:
            self._fitting = False
        visible = [c for c in range(len(self._weights)) if not self.isColumnHidden(c)]
        if not visible:
            return
        minimum = {c: self.least_width(c) for c in visible}
        fixed: dict[int, int] = {}
        while True:  # give the narrow ones their minimum, share the rest by weight
            free = [c for c in visible if c not in fixed]
            room = width - sum(fixed.values())
            total = sum(self._weights[c] for c in free) or 1
            widths = {c: room * self._weights[c] // total for c in free}
            short = [c for c in free if widths[c] < minimum[c]]
            if not short:
                break
            fixed.update({c: minimum[c] for c in short})
            if len(short) == len(free):  # none fits: each at its least, scrolled sideways
                widths = {}
                break
        widths.update(fixed)
        rest = width - sum(widths.values())
        if rest > 0:
            widths[visible[-1]] += rest  # rounding goes to the last one
        self._fitting = True
        try:
            for column in visible:
                self.setColumnWidth(column, max(widths[column], 40))
        finally:
            self._fitting = False

    def _on_section_resized(self, *_args: object) -> None:
        # only a drag by the user stops the fitting (hiding columns or a reset resize too)
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit()


def _title(model: object, column: int) -> str:
    return str(model.headerData(column, Qt.Orientation.Horizontal) or "")  # type: ignore[attr-defined]
