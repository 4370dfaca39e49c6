"""The tabs of the municipal window: received reports, files not taken, comparison (the summary's
tab is ``summary_panel.py``), and the table and note helpers they share."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.consolidation.reading import Skipped
from ...services.consolidation.store_reports import StoredReport
from ...services.consolidation.summary import Summary
from ...services.consolidation.texts import day_text
from .models import TextTableModel

ROW_HEIGHT = 26


def make_table(
    model: object,
    *,
    stretch_last: bool = True,
    sortable: bool = True,
    view: QTableView | None = None,
) -> QTableView:
    """A read-only table, sortable by a click on a header (ascending by the first column at
    first), with fixed row heights (GUIDE trap 7); ``view`` (a subclass) is set up if given."""
    view = view or QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    if sortable:
        view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    view.setWordWrap(False)
    return view


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # alone: on top
    label.setStyleSheet("color: #555555;")
    return label


def local_time(moment: datetime) -> str:
    """A moment stored in UTC, as the clock on this computer shows it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return f"{moment.astimezone():%d.%m.%Y %H:%M}"


class ReportsPanel(QWidget):
    """The year's received reports; the replaced ones too when asked (history)."""

    removeRequested = Signal(int)
    historyToggled = Signal(bool)

    HEADERS = ("Школа", "Файл", "Данные на", "Получен", "Состояние")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model = TextTableModel(self.HEADERS, self)
        self.table = make_table(self.model, stretch_last=False)
        # a long school name takes what the other columns leave, so that «Состояние» stays in
        # view on a 1024 px screen (sized to its contents, it pushed the state out of sight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        row = QHBoxLayout()
        self.history = QCheckBox("Показать заменённые отчёты (&историю)")
        self.history.toggled.connect(self.historyToggled.emit)
        self.remove = QPushButton("Уда&лить отчёт…")
        self.remove.setToolTip(
            "Удалить ошибочно добавленный отчёт; если он заменил прежний, прежний снова "
            "станет действующим"
        )
        self.remove.clicked.connect(self._remove_clicked)
        row.addWidget(self.history)
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def show_reports(self, stored: list[StoredReport]) -> None:
        self._items = list(stored)
        names = {item.id: item.report.source for item in stored}
        rows, keys = [], []
        for item in stored:
            report = item.report
            if item.superseded:
                newer = names.get(item.replaced_by_id or -1)
                state = f"заменён файлом «{newer}»" if newer else "заменён"
            else:
                state = "действует"
            rows.append(
                [
                    report.name,
                    report.source,
                    day_text(report.reference_date),
                    local_time(item.received_at),
                    state,
                ]
            )
            keys.append(
                [
                    rows[-1][0].casefold(),
                    report.source.casefold(),
                    report.reference_date.isoformat() if report.reference_date else "",
                    item.received_at.isoformat(),
                    (item.superseded, state),
                ]
            )
        self.model.set_rows(rows, payload=[item for item in stored], keys=keys)

    def items(self) -> list[StoredReport]:
        return list(getattr(self, "_items", []))

    def selected(self) -> StoredReport | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.model.payload(rows[0].row()) if rows else None
        return item if isinstance(item, StoredReport) else None

    def _remove_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.removeRequested.emit(item.id)


class SkippedPanel(QWidget):
    """The files of the last addition that were not taken, with the reason."""

    HEADERS = ("Файл", "Причина", "Папка")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.explanation = note(
            "Здесь — файлы последнего добавления, которые не приняты, и причина. Исправленный "
            "файл (или файл, сохранённый программой заново) можно добавить ещё раз."
        )
        self.model = TextTableModel(self.HEADERS, self)
        self.table = make_table(self.model)
        self.table.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)

    def show_skipped(self, skipped: list[Skipped]) -> None:
        rows = [[item.name, item.reason, str(item.path.parent)] for item in skipped]
        self.model.set_rows(rows, payload=list(skipped))
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 640)
        self.table.resizeRowsToContents()  # a few rows: the whole reason is seen


class ComparisonPanel(QWidget):
    """The municipality this year against the previous one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.explanation = note()
        self.model = TextTableModel(("Показатель", "", "", "Изменение"), self, right=(1, 2, 3))
        self.table = make_table(self.model, sortable=False)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)

    def show_summary(self, summary: Summary) -> None:
        rows = summary.comparison()
        self.table.setVisible(bool(rows))
        if not rows:
            self.explanation.setText(
                f"Отчётов за {summary.previous_year} учебный год нет, поэтому сравнивать не с "
                "чем. Добавьте отчёты школ за прошлый год — сравнение появится здесь, в Excel "
                "и в аналитической справке."
            )
            self.model.set_rows([])
            return
        self.explanation.setText(
            f"Показатели муниципалитета за {summary.year} учебный год в сравнении с "
            f"{summary.previous_year}; изменение долей — в процентных пунктах."
        )
        self.model.set_headers(["Показатель", summary.previous_year, summary.year, "Изменение"])
        texts, keys = [], []
        for item in rows:
            label, values = item.texts()
            texts.append([label, *values])
            keys.append([label.casefold(), item.previous or 0, item.current or 0, item.change or 0])
        self.model.set_rows(texts, keys=keys)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the wording takes the rest
        for column in (1, 2, 3):  # the figures stay in view on a narrow window
            self.table.setColumnWidth(column, 110)
