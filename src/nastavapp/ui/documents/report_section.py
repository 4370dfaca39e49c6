"""«Отчёт в муниципальный центр»: the year's report saved as Excel or PDF, off the GUI thread.

The curator picks the reference date and whether to add the lists; the save dialog proposes a
name fit for e-mail («Наставничество_МБОУ_Сосновская_СОШ_2025-2026.xlsx»). The export runs off
the GUI thread through :class:`~.background_save.BackgroundSave` (its pool and signals belong to
this widget, GUIDE traps 13–14), the bar showing the export's steps in percentages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...services.documents.report_export import report_file_name
from ...services.school import get_school
from ...store import Store
from ..background_task import Progress
from ..bases.widgets import date_edit, set_date, to_date
from .background_save import BackgroundSave, SaveRequest

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
        self.last_saved: Path | None = None
        self.saving = BackgroundSave(self)
        self.saving.written.connect(self._on_saved)
        self.saving.busy.connect(lambda busy: self._enable(not busy))
        self.signals = self.saving.signals  # the export's steps, its result or its failure
        self.progress = self.saving.progress
        self.status = self.saving.status

        layout = QVBoxLayout(self)
        about = QLabel(ABOUT)
        about.setWordWrap(True)
        layout.addWidget(about)

        options = QHBoxLayout()
        date_label = QLabel("&Дата расчёта показателей:")
        options.addWidget(date_label)
        self.reference_date = date_edit(today, today)
        date_label.setBuddy(self.reference_date)
        self.reference_date.setToolTip(
            "На эту дату считаются возраст обучающихся и просроченные мероприятия"
        )
        options.addWidget(self.reference_date)
        options.addSpacing(16)
        self.with_lists = QCheckBox("Со списками пар и у&частников")
        options.addWidget(self.with_lists)
        options.addStretch(1)
        layout.addLayout(options)

        privacy = QLabel(PERSONAL_DATA)
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #555555;")
        layout.addWidget(privacy)

        row = QHBoxLayout()
        self.save_xlsx = QPushButton("Сох&ранить Excel…")
        self.save_pdf = QPushButton("Сохра&нить PDF…")
        self.save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        self.save_pdf.clicked.connect(lambda: self.save(".pdf"))
        row.addWidget(self.save_xlsx)
        row.addWidget(self.save_pdf)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout.addLayout(row)
        layout.addWidget(self.status)  # hidden: no empty line under the buttons until there is news
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
        return self.saving.running

    def _enable(self, enabled: bool) -> None:
        for widget in (self.save_xlsx, self.save_pdf, self.reference_date, self.with_lists):
            widget.setEnabled(enabled and self._year is not None)

    def suggested_path(self, suffix: str) -> Path:
        school = get_school(self._store)
        year = self._year.title if self._year else ""
        return Path.home() / report_file_name(school.short_name if school else "", year, suffix)

    # --- saving ----------------------------------------------------------------------------------
    def save(self, suffix: str) -> None:
        """Ask where, then write the report there in the background (its format follows the
        extension); a failure is said and nothing is asked again."""
        from ...services.documents.report_export import export_report

        if self._year is None or self.running:
            return
        store, year_title = self._store, self._year.title
        reference, lists = to_date(self.reference_date), self.with_lists.isChecked()

        def write(target: Path, progress: Progress) -> Path:
            return export_report(
                store, target, reference, year_title, with_lists=lists, progress=progress
            )

        self.saving.save(
            SaveRequest(
                "Сохранить отчёт в муниципальный центр",
                self.suggested_path(suffix),
                XLSX_FILTER if suffix == ".xlsx" else PDF_FILTER,
                write,
                final=lambda _message: True,
                saved_text="Отчёт сохранён",
                saving_text="Сохраняется отчёт",
                failed_text="Отчёт не сохранён.",
                steps=True,
            )
        )

    def _on_saved(self, result: object) -> None:
        assert isinstance(result, Path)
        self.last_saved = result
        self.saved.emit(result)

    # --- going away: never leave the export running (GUIDE traps 13–14) --------------------------
    def wait(self) -> None:
        self.saving.finish()
