"""«Муниципальный центр»: the coordinator's window that merges the schools' report files.

Reading runs in a QThreadPool worker with a progress bar (the service reports each file); the
files not taken are listed with their reasons; a second report of a school for the same year
replaces the first only after a question, the earlier one staying in history.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
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
from ...services.consolidation.reading import ReadingCancelled, ReadResult, read_reports
from ...services.consolidation.report import SchoolReport
from ...services.consolidation.store_reports import (
    AddResult,
    add_reports,
    duplicates,
    remove_report,
    report_years,
    stored_reports,
)
from ...services.consolidation.summary import Summary, summary_from_store
from ...services.consolidation.texts import summary_title, year_line
from ...services.documents.errors import ExportError
from ...services.years import year_title_for
from ...store import Store, StoreError
from .. import messages
from ..bases.worker import CancelCheck, Progress, Task, TaskSignals
from ..screens import heading
from .centre_dialog import CentreDialog
from .expected_panel import ExpectedPanel
from .panels import ComparisonPanel, ReportsPanel, SkippedPanel, SummaryPanel

REPORT_FILTER = "Отчёты школ (*.xlsx *.xlsm *.xls *.ods);;Все файлы (*)"
XLSX_FILTER = "Книга Excel (*.xlsx)"
PDF_FILTER = "Документ PDF (*.pdf)"
WINDOW_TITLE = "Муниципальный центр — сводка отчётов школ"
SHOWN_DUPLICATES = 8


class MunicipalWindow(QMainWindow):
    """The coordinator's window over the municipal data file ``store`` (which it closes).

    ``closed`` is emitted once the window has closed the file (the owner frees its lock).
    """

    closed = Signal()

    def __init__(self, store: Store, today: date | None = None, *, ask_centre: bool = True):
        super().__init__()
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
        top.addWidget(QLabel("Учебный год:"))
        self.year_box = QComboBox()
        self.year_box.setMinimumWidth(120)
        self.year_box.currentTextChanged.connect(self._year_chosen)
        top.addWidget(self.year_box)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.add_files_button = QPushButton("Добавить отчёты школ…")
        self.add_files_button.setToolTip("Выбрать сразу несколько файлов .xlsx, присланных школами")
        self.add_folder_button = QPushButton("Добавить папку…")
        self.add_folder_button.setToolTip("Прочитать все отчёты в папке (и во вложенных папках)")
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button.clicked.connect(self.add_folder)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat("Прочитано %v из %m")
        self.stop_button = QPushButton("Остановить")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_reading)
        self.save_xlsx_button = QPushButton("Сохранить Excel…")
        self.save_pdf_button = QPushButton("Сохранить PDF…")
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
        self.summary_panel = SummaryPanel()
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
        entries = (
            ("Добавить &отчёты школ…", QKeySequence.StandardKey.Open, self.add_files),
            ("Добавить &папку с отчётами…", None, self.add_folder),
            (None, None, None),
            ("Сохранить сводку в &Excel…", None, lambda: self.save(".xlsx")),
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

    # adding -----------------------------------------------------------------------------------
    def add_files(self) -> None:
        paths = messages.open_files(self, "Добавить отчёты школ", Path.home(), REPORT_FILTER)
        if paths:
            self.start_reading(paths)

    def add_folder(self) -> None:
        folder = messages.choose_folder(self, "Папка с отчётами школ", Path.home())
        if folder is not None:
            self.start_reading([folder])

    def start_reading(self, paths: list[Path]) -> None:
        """Read the files in the thread pool; the result comes to :meth:`_on_read`."""
        if self._task is not None:
            return

        def job(progress: Progress, cancelled: CancelCheck) -> ReadResult:
            return read_reports(paths, progress=progress, cancelled=cancelled)

        self._task = Task(job, self.signals, cancelled_error=ReadingCancelled)
        self._set_running(True)
        self.pool.start(self._task)

    def stop_reading(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.progress.setMaximum(1)
        self.stop_button.setVisible(running)
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(not running)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, text: str) -> None:
        self._task = None
        self._set_running(False)
        messages.error(self, text)

    def _on_cancelled(self) -> None:
        self._task = None
        self._set_running(False)
        self._say("Чтение остановлено: ничего не добавлено.", good=False)

    def _on_read(self, result: object) -> None:
        self._task = None
        self._set_running(False)
        assert isinstance(result, ReadResult)
        replace = True
        found = duplicates(self._store, result.reports)
        if found:
            replace = messages.confirm_action(self, _duplicates_question(found), "Заменить")
        try:
            added = add_reports(self._store, result.reports, replace=replace)
        except StoreError as exc:
            messages.error(self, str(exc))
            return
        self.last_added = added
        skipped = result.skipped + added.not_added
        self.skipped_panel.show_skipped(skipped)
        self.tabs.setTabText(2, f"Не приняты ({len(skipped)})" if skipped else "Не приняты")
        years = Counter(report.year for report in added.taken)
        chosen = self.year if self.year in years or not years else years.most_common(1)[0][0]
        self.reload_years(select=chosen)
        self._say(_outcome_text(added, len(skipped)), good=not skipped)
        if skipped and not added.taken:
            self.tabs.setCurrentWidget(self.skipped_panel)

    def _say(self, text: str, *, good: bool) -> None:
        colour = "#1b5e20" if good else "#8a4b00"
        self.outcome.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.outcome.setText(text)
        self.outcome.setVisible(True)

    def remove_report(self, report_id: int) -> None:
        item = next((i for i in self.reports_panel.items() if i.id == report_id), None)
        name = f"«{item.report.source}» ({item.report.name})" if item else "этот отчёт"
        if not messages.confirm_action(
            self,
            f"Удалить отчёт {name} из базы? Если он заменил прежний отчёт школы, прежний снова "
            "станет действующим.",
            "Удалить",
        ):
            return
        try:
            remove_report(self._store, report_id)
        except StoreError as exc:
            messages.error(self, str(exc))
            return
        self.reload_years()

    # centre and saving ------------------------------------------------------------------------
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

    def _suggested(self, suffix: str) -> Path:
        kind = "Аналитическая_справка" if suffix == ".pdf" else "Сводка"
        return Path.home() / f"{kind}_{self.year.replace('/', '-')}{suffix}"

    def save(self, suffix: str) -> None:
        summary = self._summary
        if summary is None or not summary.rows:
            messages.info(self, "Сводка пуста: сначала добавьте отчёты школ.")
            return
        caption = "Сохранить аналитическую справку" if suffix == ".pdf" else "Сохранить сводку"
        target = messages.save_file(
            self, caption, self._suggested(suffix), PDF_FILTER if suffix == ".pdf" else XLSX_FILTER
        )
        if target is None:
            return
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        try:
            if suffix == ".pdf":
                from ...services.consolidation.summary_pdf import export_summary_pdf

                self.last_saved = export_summary_pdf(summary, target)
            else:
                from ...services.consolidation.summary_xlsx import export_summary_xlsx

                self.last_saved = export_summary_xlsx(summary, target)
        except ExportError as exc:
            messages.error(self, str(exc))
            return
        if messages.confirm(self, f"Файл сохранён:\n{self.last_saved}\n\nОткрыть его?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_saved)))

    # closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        self.pool.waitForDone()
        self._store.close()
        super().closeEvent(event)
        self.closed.emit()


def _duplicates_question(found: list[tuple[SchoolReport, str]]) -> str:
    lines = [
        f"• {report.name}, {report.year}: «{report.source}» вместо «{earlier}»"
        for report, earlier in found[:SHOWN_DUPLICATES]
    ]
    more = len(found) - SHOWN_DUPLICATES
    if more > 0:
        lines.append(f"• и ещё {more}")
    return (
        "Отчёты этих школ за тот же учебный год уже получены:\n\n"
        + "\n".join(lines)
        + "\n\nЗаменить прежние отчёты новыми? Прежние останутся в истории (вкладка «Полученные "
        "отчёты», «Показать заменённые»)."
    )


def _outcome_text(added: AddResult, skipped: int) -> str:
    years = Counter(report.year for report in added.taken)
    text = f"Принято отчётов: {len(added.taken)}"
    if len(years) > 1:
        text += " (" + ", ".join(f"за {y} — {n}" for y, n in sorted(years.items())) + ")"
    if added.replaced:
        text += f"; из них взамен прежних: {len(added.replaced)}"
    text += "."
    if skipped:
        text += f" Не принято файлов: {skipped} — причины на вкладке «Не приняты»."
    return text
