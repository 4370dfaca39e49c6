"""«Муниципальный центр»: the coordinator's window that merges the schools' report files.

This module is the frame: the title and year row, the action buttons, the tabs, the «Файл»
menu, the choice of year and the refresh of every tab, the centre's details, closing. Adding
report files is in ``loading.py``, saving the summary in ``saving.py``, the summary table in
``summary_panel.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.consolidation.centre import CentreError, get_centre, save_centre
from ...services.consolidation.store_reports import (
    AddResult,
    report_years,
    stored_reports,
)
from ...services.consolidation.summary import Summary, summary_from_store
from ...services.consolidation.texts import summary_title, year_line
from ...services.years import year_title_for
from ...store import Store, StoreError
from .. import messages
from ..background_task import Task, TaskSignals
from ..screens import heading
from ..settings import UiSettings
from .centre_dialog import CentreDialog
from .expected_panel import ExpectedPanel
from .loading import ReportLoading
from .panels import ComparisonPanel, ReportsPanel, SkippedPanel
from .saving import SummarySaving
from .summary_panel import SummaryPanel

WINDOW_TITLE = "Муниципальный центр — сводка отчётов школ"


class MunicipalWindow(ReportLoading, SummarySaving, QMainWindow):
    """The coordinator's window over the municipal data file ``store`` (which it closes).

    ``closed`` is emitted once the window has closed the file (the owner frees its lock);
    ``settings`` (by default those of the data folder) keep the summary's hidden columns.
    """

    closed = Signal()

    def __init__(
        self,
        store: Store,
        today: date | None = None,
        *,
        ask_centre: bool = True,
        settings: UiSettings | None = None,
    ):
        super().__init__()
        self._settings = settings or UiSettings()
        self._store = store
        self._today = today or date.today()
        self._summary: Summary | None = None
        self._task: Task | None = None
        self._pending_paths: list[Path] = []
        self.last_added: AddResult | None = None
        self.last_saved: Path | None = None
        self.centre_dialog: CentreDialog | None = None
        self.pool = QThreadPool(self)
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_read)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1280, 780)
        self._build()
        self._build_menu()
        self.reload_years()
        if ask_centre and not get_centre(store).is_complete:
            self.edit_centre()

    # layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(summary_title()))
        self.centre_label = QLabel()
        self.centre_label.setStyleSheet("color: #444444;")
        titles.addWidget(self.centre_label)
        top.addLayout(titles, 1)
        year_label = QLabel("&Учебный год:")
        top.addWidget(year_label)
        self.year_box = QComboBox()
        year_label.setBuddy(self.year_box)
        self.year_box.setMinimumWidth(120)
        self.year_box.currentTextChanged.connect(self._year_chosen)
        top.addWidget(self.year_box)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.add_files_button = QPushButton("Добавить &отчёты школ…")
        self.add_files_button.setToolTip("Выбрать сразу несколько файлов .xlsx, присланных школами")
        self.add_folder_button = QPushButton("Добавить &папку…")
        self.add_folder_button.setToolTip("Прочитать все отчёты в папке (и во вложенных папках)")
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button.clicked.connect(self.add_folder)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat("Прочитано %v из %m")
        self.stop_button = QPushButton("Ос&тановить")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_reading)
        self.save_xlsx_button = QPushButton("Со&хранить Excel…")
        self.save_pdf_button = QPushButton("Сохр&анить PDF…")
        self.save_pdf_button.setToolTip("Аналитическая справка с диаграммами")
        self.save_xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        self.save_pdf_button.clicked.connect(lambda: self.save(".pdf"))
        for widget in (self.add_files_button, self.add_folder_button):
            actions.addWidget(widget)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.stop_button)
        actions.addStretch(0)
        actions.addWidget(self.save_xlsx_button)
        actions.addWidget(self.save_pdf_button)
        layout.addLayout(actions)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)
        layout.addWidget(self.outcome)

        self.tabs = QTabWidget()
        self.summary_panel = SummaryPanel(self._settings)
        self.reports_panel = ReportsPanel()
        self.skipped_panel = SkippedPanel()
        self.expected_panel = ExpectedPanel(self._store)
        self.comparison_panel = ComparisonPanel()
        self.tabs.addTab(self.summary_panel, "Сводка")
        self.tabs.addTab(self.reports_panel, "Полученные отчёты")
        self.tabs.addTab(self.skipped_panel, "Не приняты")
        self.tabs.addTab(self.expected_panel, "Школы")
        self.tabs.addTab(self.comparison_panel, "Сравнение с прошлым годом")
        self.reports_panel.historyToggled.connect(lambda _: self._show_reports())
        self.reports_panel.removeRequested.connect(self.remove_report)
        self.expected_panel.changed.connect(self.refresh)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Файл")
        # Alt+letters in Cyrillic: a Latin one («&Excel») does nothing in a Russian layout
        entries = (
            ("Добавить &отчёты школ…", QKeySequence.StandardKey.Open, self.add_files),
            ("Добавить &папку с отчётами…", None, self.add_folder),
            (None, None, None),
            ("Сохранить с&водку в Excel…", None, lambda: self.save(".xlsx")),
            ("Сохранить &аналитическую справку (PDF)…", None, lambda: self.save(".pdf")),
            (None, None, None),
            ("&Сведения о муниципальном центре…", None, self.edit_centre),
            (None, None, None),
            ("&Закрыть", QKeySequence.StandardKey.Close, self.close),
        )
        for text, shortcut, slot in entries:
            if text is None:
                menu.addSeparator()
                continue
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    # years and content ------------------------------------------------------------------------
    @property
    def year(self) -> str:
        return self.year_box.currentText()

    def reload_years(self, select: str | None = None) -> None:
        years = set(report_years(self._store)) | {year_title_for(self._today)}
        wanted = select or self.year or max(report_years(self._store) or [""]) or max(years)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItems(sorted(years, reverse=True))
        self.year_box.setCurrentText(wanted if wanted in years else max(years))
        self.year_box.blockSignals(False)
        self.refresh()

    def _year_chosen(self, _title: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the summary of the chosen year and every tab from the data file."""
        year = self.year
        if not year:
            return
        centre = get_centre(self._store)
        self.centre_label.setText(
            centre.name
            or centre.municipality
            or "Сведения о муниципальном центре не заполнены (меню «Файл»)."
        )
        self.centre_label.setToolTip(centre.municipality)
        self._summary = summary_from_store(self._store, year, made_on=self._today)
        summary = self._summary
        self.status.setText(year_line(summary))
        self.summary_panel.show_summary(summary)
        self._show_reports()
        self.expected_panel.show_year(year, [row.report for row in summary.rows])
        self.comparison_panel.show_summary(summary)
        missing = len(summary.missing)
        self.tabs.setTabText(1, f"Полученные отчёты ({len(summary.rows)})")
        self.tabs.setTabText(3, f"Школы (нет отчёта: {missing})" if missing else "Школы")
        self.tabs.setTabText(4, f"Сравнение с {summary.previous_year}")
        for button in (self.save_xlsx_button, self.save_pdf_button):
            button.setEnabled(bool(summary.rows))

    def _show_reports(self) -> None:
        history = self.reports_panel.history.isChecked()
        self.reports_panel.show_reports(stored_reports(self._store, self.year, history=history))

    @property
    def summary(self) -> Summary | None:
        return self._summary

    # centre ----------------------------------------------------------------------------
    def edit_centre(self) -> None:
        self.centre_dialog = CentreDialog(get_centre(self._store), self)
        self.centre_dialog.accepted.connect(self._centre_entered)
        self.centre_dialog.open()

    def _centre_entered(self) -> None:
        assert self.centre_dialog is not None
        try:
            save_centre(self._store, self.centre_dialog.profile())
        except (CentreError, StoreError) as exc:
            messages.error(self, str(exc))
            return
        self.refresh()

    # closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        self.pool.waitForDone()
        self._store.close()
        super().closeEvent(event)
        self.closed.emit()
