"""«Отчёт в муниципальный центр»: the year's report saved as Excel or PDF, off the GUI thread.

The curator picks the reference date and whether to add the lists; the save dialog proposes a
name fit for e-mail («Наставничество_МБОУ_Сосновская_СОШ_2025-2026.xlsx»). The export runs in a
QThreadPool; its signals object belongs to this widget (GUIDE trap 14), and the pool is waited
for before the widget goes (trap 13).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...services.documents.errors import ExportError
from ...services.documents.report_export import report_file_name
from ...services.school import get_school
from ...store import Store, StoreError
from .. import messages
from ..bases.widgets import date_edit, set_date, to_date
from ..bases.worker import CancelCheck, Progress, Task, TaskSignals

TITLE = "Отчёт в муниципальный центр"
XLSX_FILTER = "Книга Excel (*.xlsx)"
PDF_FILTER = "Документ PDF (*.pdf)"
ABOUT = (
    "Отчёт за учебный год для муниципального центра: показатели целевой модели с целевыми "
    "значениями, пары и группы по формам наставничества, выполнение дорожной карты, "
    "удовлетворённость участников. В Excel есть лист «data», который читает программа "
    "муниципального центра; в PDF — диаграммы."
)
PERSONAL_DATA = (
    "Без списков отчёт содержит только числа — персональных данных в нём нет. Со списками в "
    "файл попадут пары и группы и участники программы, но по имени названы только те, кто дал "
    "согласие на обработку персональных данных (152-ФЗ); остальные учтены в числах, но не "
    "названы («участник без согласия»)."
)


class ReportSection(QGroupBox):
    """Reference date, «со списками», two save buttons and a progress bar.

    ``saved(path)`` is emitted once a file is written; ``last_saved`` keeps its path.
    """

    saved = Signal(Path)

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self._store = store
        self._today = today
        self._year: AcademicYear | None = None
        self._task: Task | None = None
        self.last_saved: Path | None = None
        # the pool first: Qt deletes children in order, so it waits before the signals go
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_saved)
        self.signals.failed.connect(self._on_failed)

        layout = QVBoxLayout(self)
        about = QLabel(ABOUT)
        about.setWordWrap(True)
        layout.addWidget(about)

        options = QHBoxLayout()
        options.addWidget(QLabel("Дата расчёта показателей:"))
        self.reference_date = date_edit(today, today)
        self.reference_date.setToolTip(
            "На эту дату считаются возраст обучающихся и просроченные мероприятия"
        )
        options.addWidget(self.reference_date)
        options.addSpacing(16)
        self.with_lists = QCheckBox("Со списками пар и участников")
        options.addWidget(self.with_lists)
        options.addStretch(1)
        layout.addLayout(options)

        privacy = QLabel(PERSONAL_DATA)
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #555555;")
        layout.addWidget(privacy)

        row = QHBoxLayout()
        self.save_xlsx = QPushButton("Сохранить Excel…")
        self.save_pdf = QPushButton("Сохранить PDF…")
        self.save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        self.save_pdf.clicked.connect(lambda: self.save(".pdf"))
        row.addWidget(self.save_xlsx)
        row.addWidget(self.save_pdf)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # an empty line under the buttons until there is news
        layout.addWidget(self.status)
        self._enable(True)  # nothing to save until a year is shown

    # --- the year --------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        """A past year's report is counted at its last day, a coming year's at its first."""
        self._year = year
        if year is not None:
            set_date(self.reference_date, min(max(self._today, year.start_date), year.end_date))
        self._enable(not self.running)

    @property
    def running(self) -> bool:
        return self._task is not None

    def _enable(self, enabled: bool) -> None:
        for widget in (self.save_xlsx, self.save_pdf, self.reference_date, self.with_lists):
            widget.setEnabled(enabled and self._year is not None)

    def suggested_path(self, suffix: str) -> Path:
        school = get_school(self._store)
        year = self._year.title if self._year else ""
        return Path.home() / report_file_name(school.short_name if school else "", year, suffix)

    # --- saving ----------------------------------------------------------------------------------
    def save(self, suffix: str) -> None:
        """Ask where, then write the report there in the background."""
        if self._year is None or self.running:
            return
        target = messages.save_file(
            self,
            "Сохранить отчёт в муниципальный центр",
            self.suggested_path(suffix),
            XLSX_FILTER if suffix == ".xlsx" else PDF_FILTER,
        )
        if target is None:
            return
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.start(target)

    def start(self, target: Path) -> None:
        """Write the report to ``target`` in the pool (its format follows the extension)."""
        from ...services.documents.report_export import export_report

        assert self._year is not None
        store, year_title = self._store, self._year.title
        reference, lists = to_date(self.reference_date), self.with_lists.isChecked()

        def job(progress: Progress, cancelled: CancelCheck) -> Path:
            del cancelled
            return export_report(
                store, target, reference, year_title, with_lists=lists, progress=progress
            )

        self._task = Task(job, self.signals, expected=(ExportError, StoreError))
        self._enable(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._say(f"Сохраняется отчёт «{target.name}»…")
        self.pool.start(self._task)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self._enable(True)

    def _on_saved(self, result: object) -> None:
        assert isinstance(result, Path)
        self._finish()
        self.last_saved = result
        self._say(f"Отчёт сохранён: {result}")
        self.saved.emit(result)
        if messages.confirm(self, f"Отчёт сохранён:\n{result}\n\nОткрыть файл?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result)))

    def _on_failed(self, message: str) -> None:
        self._finish()
        self._say("Отчёт не сохранён.")
        messages.error(self, message)

    # --- going away: never leave the export running (GUIDE traps 13–14) --------------------------
    def wait(self) -> None:
        self.pool.waitForDone()
