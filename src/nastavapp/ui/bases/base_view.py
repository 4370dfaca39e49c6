"""One tab of «Базы»: the filter bar, the table and the line of counts under it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from ...services.bases_rows import BaseRow
from ..table_search import empty_hint, empty_result_note, show_hint
from .columns import BaseKind, Names
from .filters import BaseFilterProxy, FilterBar
from .fitted_table import FittedTable
from .table_model import ROW_ROLE, BaseTableModel

# What an empty table says, in its middle: where the people come from
EMPTY_BASE = {
    BaseKind.ALL: "В базе пока никого нет.\nЗагрузите списки классов и педагогов из Excel, ODS "
    "или CSV («Загрузить список») или добавьте людей по одному («Добавить»).",
    BaseKind.MENTEES: "В базе наставляемых этого года пока никого нет.\nВыберите людей на вкладке "
    "«Все участники» и нажмите «Наставляемый» — или загрузите список («Загрузить список»).",
    BaseKind.MENTORS: "В базе наставников этого года пока никого нет.\nВыберите людей на вкладке "
    "«Все участники» и нажмите «Наставник».",
}
# The search's empty result: «Ничего не найдено по запросу «…». Очистите поле поиска (Esc),
# чтобы снова увидеть всех участников» (ui/table_search.py)
EVERYONE = {
    BaseKind.ALL: "всех участников",
    BaseKind.MENTEES: "всех наставляемых",
    BaseKind.MENTORS: "всех наставников",
}


class BaseView(QWidget):
    """``activated`` is emitted on a double click or Enter on a row.

    Several rows can be selected (Shift/Ctrl+click, Ctrl+A, Shift+arrows): :meth:`selected_rows`
    gives them all, :meth:`selected` the one row when exactly one is selected.
    """

    activated = Signal()

    def __init__(self, kind: BaseKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = BaseTableModel(kind, self)
        self.proxy = BaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.filters = FilterBar(kind, self.proxy)
        self.filters.changed.connect(self._count)
        layout.addWidget(self.filters)
        self.table = FittedTable()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.set_weights([spec.width for spec in self.model.columns])
        self.table.doubleClicked.connect(lambda _index: self.activated.emit())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._count())
        layout.addWidget(self.table, 1)
        self.empty_hint = empty_hint(self.table)
        self.counts = QLabel()
        self.counts.setStyleSheet("color: #555555;")
        layout.addWidget(self.counts)

    def set_rows(
        self, rows: list[BaseRow], names: Names, select_ids: Iterable[int] | None = None
    ) -> None:
        """Show ``rows``; select ``select_ids``, or keep the people selected before."""
        keep = list(select_ids) if select_ids is not None else self.selected_ids()
        self.model.set_rows(rows, names)
        self.filters.set_classes(self.model.classes())
        if keep:
            self.select_ids(keep)
        self._count()

    def selected_rows(self) -> list[BaseRow]:
        """Every selected row, in the order shown."""
        found = []
        for row in self._selected_proxy_rows():
            item = self.proxy.index(row, 0).data(ROW_ROLE)
            if isinstance(item, BaseRow):
                found.append(item)
        return found

    def selected_ids(self) -> list[int]:
        return [row.id for row in self.selected_rows()]

    def selected_count(self) -> int:
        return sum(end - first + 1 for first, end in self._selected_runs())

    def selected(self) -> BaseRow | None:
        """The selected row when exactly one is selected (commands for one person use it)."""
        runs = self._selected_runs()
        if len(runs) != 1 or runs[0][0] != runs[0][1]:
            return None
        row = self.proxy.index(runs[0][0], 0).data(ROW_ROLE)
        return row if isinstance(row, BaseRow) else None

    def _selected_runs(self) -> list[tuple[int, int]]:
        """The selected rows as first–last runs, read from the selection's ranges.

        ``QItemSelectionModel.selectedRows()`` asks the model about every cell (seconds at
        20,000 rows after Ctrl+A); whole rows are selected here, so the ranges say it all.
        """
        spans = sorted(
            (r.top(), r.bottom())
            for r in self.table.selectionModel().selection()  # type: ignore[attr-defined]
            if r.isValid()
        )
        runs: list[tuple[int, int]] = []
        for first, end in spans:
            if runs and first <= runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], max(runs[-1][1], end))
            else:
                runs.append((first, end))
        return runs

    def _selected_proxy_rows(self) -> list[int]:
        return [row for first, end in self._selected_runs() for row in range(first, end + 1)]

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def select(self, person_id: int) -> bool:
        """Select only this person's row and scroll to it."""
        return self.select_ids([person_id]) == 1

    def select_ids(self, person_ids: Iterable[int]) -> int:
        """Select the rows of these people (those shown); the first becomes current."""
        proxy_rows = []
        for person_id in person_ids:
            source_row = self.model.row_of(person_id)
            if source_row >= 0:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if index.isValid():
                    proxy_rows.append(index.row())
        if not proxy_rows:
            return 0
        last = self.proxy.columnCount() - 1
        selection = QItemSelection()
        for first, end in _runs(sorted(set(proxy_rows))):
            selection.select(self.proxy.index(first, 0), self.proxy.index(end, last))
        current = self.proxy.index(proxy_rows[0], 0)
        model = self.table.selectionModel()
        model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(current)
        return len(set(proxy_rows))

    def _count(self) -> None:
        """The counts of the base are worked out once per load (``BaseTableModel.set_rows``)."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        lacking = self.model.lacking_consent
        parts = [f"Показано {shown} из {total}"]
        if lacking:
            parts.append(f"без согласия на обработку ПДн: {lacking}")
        if self.kind is BaseKind.ALL:
            parts.append(f"молодых специалистов: {self.model.young_specialists}")
        chosen = self.selected_count()
        if chosen > 1:
            parts.append(f"выделено: {chosen}")
        self.counts.setText(" · ".join(parts))
        if total == 0:
            hint = EMPTY_BASE[self.kind]
        else:
            query, passing = self.proxy.query(), self.proxy.chosen()
            hint = empty_result_note(query, shown, passing, total, EVERYONE[self.kind])
        show_hint(self.empty_hint, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None:
            self.activated.emit()
            return
        super().keyPressEvent(event)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] → [(1, 3), (7, 8)]: sorted rows as first–last runs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
