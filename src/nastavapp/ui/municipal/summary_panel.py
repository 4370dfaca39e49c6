"""The summary tab: a row per school, the totals pinned last, shares under target in red.

Sixteen columns fit a 1366 px window: the figures' columns are as narrow as their short
two- or three-line headers and their numbers allow (the full wording is in the header's
tooltip), and the school's column takes the room left (its long names elided, the whole name
in the row's tooltip); in a narrower window it stays in place while the figures scroll. The «Столбцы…» menu — a button under the table or the right mouse
button on a header — hides the columns the coordinator does not need; the choice is kept in
the settings and comes back with the window. The search field above the table (Ctrl+F) shows
the schools whose name or municipality holds what is typed; the totals row stays, for the whole
municipality.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionHeader,
    QVBoxLayout,
    QWidget,
)

from ...services.consolidation.figures import TARGETED, decimal
from ...services.consolidation.summary import Summary
from ...services.consolidation.table import COLUMNS
from ..settings import UiSettings
from ..table_search import (
    SearchField,
    TableSearchProxy,
    empty_hint,
    nothing_found_hint,
    show_hint,
)
from .frozen_table import FrozenColumnTable
from .models import SummaryModel
from .panels import make_table, note
from .summary_columns import column_by_key, menu_title

SETTINGS_TABLE = "municipal_summary"
# the school's column never narrower: «МБОУ «Покровская СОШ № 2»» whole; the figures scroll
NAME_MIN = 230
MOST_SPARE = 24  # spare room widens a figure's column by at most this
CELL_PADDING = 14  # the cell's margins and the grid line, both sides together
SHOW_ALL = "Показать все столбцы"


class SummaryPanel(QWidget):
    """The summary table with its legend and its column chooser.

    ``settings`` keeps the hidden columns (by their keys, so a later column order keeps them).
    """

    def __init__(self, settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._natural: dict[int, int] = {}
        layout = QVBoxLayout(self)
        self.model = SummaryModel(self)
        self.proxy = TableSearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = SearchField("Поиск: название школы или муниципалитет")
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._search)
        self.found = note()
        self.found.setWordWrap(False)
        self.found.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.search, 2)
        search_row.addWidget(self.found, 3)
        self.search_row = QWidget()
        self.search_row.setLayout(search_row)
        self.table = FrozenColumnTable()
        make_table(self.proxy, stretch_last=False, view=self.table)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.freeze_first_column()
        header.sortIndicatorChanged.connect(lambda *_: self.fit_columns())
        self.table.viewport().installEventFilter(self)
        self.nothing_found = empty_hint(self.table)
        self.empty = note()
        target = decimal(TARGETED[0].target, 0) if TARGETED else "70"
        self.legend = note(
            f"Красным выделены доли ниже целевого значения {target}\u00a0%. Строка «Итого по "
            "муниципалитету» — доли по суммам числителей и знаменателей школ (не среднее долей). "
            "Наведите указатель на долю, чтобы увидеть числитель и знаменатель, на заголовок — "
            "полное название столбца."
        )
        self.columns_button = QPushButton("Стол&бцы…")
        self.columns_button.setToolTip("Выбрать, какие столбцы сводки показывать на экране")
        self.columns_button.clicked.connect(self._button_menu)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.columns_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty)
        layout.addWidget(self.search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        hidden = settings.hidden_columns(SETTINGS_TABLE) if settings is not None else []
        for key in hidden:
            number = column_by_key(key)
            if number is not None and number > 0:
                self.table.setColumnHidden(number, True)

    # content ----------------------------------------------------------------------------------
    def show_summary(self, summary: Summary) -> None:
        self.model.set_summary(summary)
        has_rows = bool(summary.rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(
            f"За {summary.year} учебный год отчётов школ пока нет. Нажмите «Добавить отчёты "
            "школ…» и выберите файлы, которые прислали школы, или папку с ними."
        )
        self.table.setVisible(has_rows)
        self.search_row.setVisible(has_rows)
        self.columns_button.setVisible(has_rows)
        self.legend.setVisible(has_rows)
        if has_rows:
            self._keep_numbers_width(len(summary.rows))
            self._measure()
            self.fit_columns()
        self._show_found()

    # searching --------------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_found()

    def _show_found(self) -> None:
        """«Показано школ: 3 из 200» while searching; the note in the table when none match."""
        query = self.proxy.query()
        found, total = self.proxy.found(), self.proxy.total()
        self.found.setText(
            f"Показано школ: {found} из {total}; «Итого» — по всем школам" if query else ""
        )
        hint = nothing_found_hint(query, "все школы") if query and total and not found else ""
        show_hint(self.nothing_found, hint)

    # widths -----------------------------------------------------------------------------------
    def _measure(self) -> None:
        """Each column's natural width: its header's widest line or its widest value (once per
        summary, not a resize mode: GUIDE trap 7)."""
        header = self.table.horizontalHeader()
        titles = header.fontMetrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        plain = self.table.fontMetrics()
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        rows = self.model.rowCount()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(titles.horizontalAdvance(line) for line in title.split("\n"))
            width += 2 * margin + 6
            for row in range(rows):
                text = str(self.model.index(row, column).data() or "")
                metrics = bold if row == rows - 1 else plain  # the totals are bold
                width = max(width, metrics.horizontalAdvance(text) + CELL_PADDING)
            self._natural[column] = width

    def _keep_numbers_width(self, schools: int) -> None:
        """The rows' numbers keep the width of the last school's number while a search shows
        fewer rows (or only the totals): the columns do not jump as the user types."""
        header = self.table.verticalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.orientation = Qt.Orientation.Vertical
        option.text = str(max(schools, 1))
        size = header.style().sizeFromContents(
            QStyle.ContentsType.CT_HeaderSection, option, QSize(), header
        )
        header.setMinimumWidth(size.width())

    def _arrow_room(self) -> int:
        """How much narrower this style draws a header's label when it shows the sort arrow."""
        header = self.table.horizontalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.state |= QStyle.StateFlag.State_Horizontal
        option.rect = QRect(0, 0, 200, max(header.height(), header.sizeHint().height()))
        style = header.style()
        plain = style.subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        marked = style.subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()
        return max(plain - marked, 0)

    def fit_columns(self) -> None:
        """The figures' columns at their natural width (the sorted one with room for its
        arrow), the school's column in what is left of the table's width; room to spare after
        the longest name widens the figures' columns a little."""
        if not self._natural:
            return
        sorted_column = self.table.horizontalHeader().sortIndicatorSection()
        arrow = self._arrow_room()
        widths = {
            column: self._natural[column] + (arrow if column == sorted_column else 0)
            for column in range(self.model.columnCount())
        }
        shown = [c for c in range(1, self.model.columnCount()) if not self.table.isColumnHidden(c)]
        room = self.table.viewport().width() - sum(widths[c] for c in shown)
        name = max(NAME_MIN, min(widths[0], room))
        spare = (room - name) // len(shown) if shown else 0
        for column in range(1, self.model.columnCount()):
            self.table.setColumnWidth(column, widths[column] + min(max(spare, 0), MOST_SPARE))
        self.table.setColumnWidth(0, name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    # the column chooser -----------------------------------------------------------------------
    def hidden_keys(self) -> list[str]:
        return [
            column.key
            for number, column in enumerate(COLUMNS)
            if number > 0 and self.table.isColumnHidden(number)
        ]

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Show or hide the column ``key`` (never the school's) and remember the choice."""
        number = column_by_key(key)
        if number is None or number == 0:
            return
        self.table.setColumnHidden(number, not shown)
        self._remember()
        self.fit_columns()

    def show_all_columns(self) -> None:
        for number in range(1, len(COLUMNS)):
            self.table.setColumnHidden(number, False)
        self._remember()
        self.fit_columns()

    def _remember(self) -> None:
        if self._settings is not None:
            self._settings.set_hidden_columns(SETTINGS_TABLE, self.hidden_keys())
            self._settings.sync()

    def columns_menu(self) -> QMenu:
        """«Столбцы»: a tick for each figure's column, then «Показать все столбцы»."""
        menu = QMenu("Столбцы", self)
        for number, column in enumerate(COLUMNS):
            if number == 0:
                continue
            action = QAction(menu_title(column), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(number))
            action.toggled.connect(lambda shown, key=column.key: self.set_column_shown(key, shown))
            menu.addAction(action)
        menu.addSeparator()
        everything = menu.addAction(SHOW_ALL)
        everything.setEnabled(bool(self.hidden_keys()))
        everything.triggered.connect(self.show_all_columns)
        return menu

    def _header_menu(self, where: QPoint) -> None:
        menu = self.columns_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.horizontalHeader().mapToGlobal(where))

    def _button_menu(self) -> None:
        menu = self.columns_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        button = self.columns_button
        menu.popup(button.mapToGlobal(QPoint(0, 0) - QPoint(0, menu.sizeHint().height())))
