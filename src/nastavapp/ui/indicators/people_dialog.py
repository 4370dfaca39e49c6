"""The people behind a number: who is counted in an indicator and who is in its denominator."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.indicator_people import PersonLine
from ..bases.fitted_table import FittedTable
from .formatting import DASH
from .rows_model import Cell, Row, RowsModel

COUNTED, NOT_COUNTED, EVERYONE = "counted", "not_counted", "all"


def _row(line: PersonLine, with_mark: bool) -> Row:
    cells = [
        Cell(line.name),
        Cell(line.post or line.category.label, tip=line.category.label),
        Cell(str(line.age) if line.age is not None else DASH, key=line.age, number=True),
    ]
    if with_mark:
        cells.append(Cell("да" if line.counted else "нет", number=True))
    return Row(tuple(cells), line.id)


class PeopleDialog(QDialog):
    """A sortable list (click a column title); ``show`` chooses the counted, the others or all.

    Without ``with_mark`` (a plain count: mentors, mentees) the list has no filter.
    """

    def __init__(
        self,
        title: str,
        definition: str,
        lines: Sequence[PersonLine],
        *,
        with_mark: bool = True,
        show: str = COUNTED,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 560)
        self.lines = list(lines)
        self.with_mark = with_mark
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if definition:
            explained = QLabel(definition)
            explained.setWordWrap(True)
            explained.setStyleSheet("color: #444444;")
            layout.addWidget(explained)
        counted = sum(line.counted for line in self.lines)
        self.filter = QComboBox()
        self.filter.addItem(f"Учтены в показателе ({counted})", COUNTED)
        self.filter.addItem(f"Не учтены ({len(self.lines) - counted})", NOT_COUNTED)
        self.filter.addItem(f"Все ({len(self.lines)})", EVERYONE)
        row = QHBoxLayout()
        shown = QLabel("&Показать:")
        shown.setBuddy(self.filter)
        row.addWidget(shown)
        row.addWidget(self.filter)
        row.addStretch(1)
        self.total = QLabel()
        row.addWidget(self.total)
        layout.addLayout(row)
        shown.setVisible(with_mark)
        self.filter.setVisible(with_mark)
        titles = ["ФИО", "Класс / должность", "Возраст"] + (["В показателе"] if with_mark else [])
        self.model = RowsModel(titles, parent=self)
        self.table = FittedTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.set_weights([330, 260, 80, 110] if with_mark else [360, 300, 80])
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрыть")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.currentIndexChanged.connect(self._refill)
        self.filter.setCurrentIndex(max(0, self.filter.findData(show if with_mark else EVERYONE)))
        self._refill()
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _refill(self, *_args: object) -> None:
        chosen = self.filter.currentData() if self.with_mark else EVERYONE
        lines = [
            line for line in self.lines if chosen == EVERYONE or line.counted == (chosen == COUNTED)
        ]
        self.model.set_rows([_row(line, self.with_mark) for line in lines])
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.total.setText(f"В списке: {len(lines)}")

    def names(self) -> list[str]:
        """The ФИО shown, in the order shown (tests, and the curator's eye)."""
        return [self.model.text(r, 0) for r in range(self.model.rowCount())]
