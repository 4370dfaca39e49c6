"""«Документы и отчёты»: the documents the school prints and sends, saved where the curator says.

The roadmap, the report to the municipal centre, and the orders, consent forms and lists.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..models import AcademicYear
from ..services.documents.output import fit_file_name
from ..services.school import get_school
from ..store import Store
from .documents.background_save import BackgroundSave, SaveRequest
from .documents.orders_section import OrdersSection
from .documents.report_section import ReportSection
from .screens import Screen, heading, paragraph

PDF_FILTER = "Документ PDF (*.pdf)"
XLSX_FILTER = "Книга Excel (*.xlsx)"


def safe_file_name(text: str) -> str:
    """A file name from a school's name: no quotes, slashes or other characters Windows refuses."""
    kept = "".join(ch for ch in text if ch not in "«»\"'\\/:*?<>|").strip()
    return "_".join(kept.split()) or "школа"


class DocumentsScreen(Screen):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._year: AcademicYear | None = None
        self.last_saved: Path | None = None
        self.roadmap_saving = BackgroundSave(self)
        self.roadmap_saving.written.connect(self._roadmap_saved)
        self.roadmap_saving.busy.connect(lambda _busy: self._enable_roadmap())
        # three sections and more to come: they scroll on a small screen instead of squeezing
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading("Документы и отчёты"))

        roadmap = QGroupBox("План мероприятий (дорожная карта)")
        box = QVBoxLayout(roadmap)
        box.addWidget(
            paragraph(
                "Дорожная карта учебного года с грифом «УТВЕРЖДАЮ», таблицей мероприятий по семи "
                "этапам, сроками, ответственными и результатами — для печати и подписи директором "
                "(PDF, А4 альбомная) или для правки в Excel."
            )
        )
        row = QHBoxLayout()
        # the same words in three sections: each button its own Cyrillic Alt+letter
        self.roadmap_pdf = QPushButton("Со&хранить PDF…")
        self.roadmap_xlsx = QPushButton("Сохрани&ть Excel…")
        self.roadmap_pdf.clicked.connect(lambda: self.save_roadmap(".pdf"))
        self.roadmap_xlsx.clicked.connect(lambda: self.save_roadmap(".xlsx"))
        row.addWidget(self.roadmap_pdf)
        row.addWidget(self.roadmap_xlsx)
        row.addWidget(self.roadmap_saving.progress, 1)  # the row's width while it writes
        row.addStretch(0)
        box.addLayout(row)
        box.addWidget(self.roadmap_saving.status)
        layout.addWidget(roadmap)
        self.report = ReportSection(store, today)
        layout.addWidget(self.report)
        self.orders = OrdersSection(store, today)
        # an order saved is in the register and its roadmap event: the stages read it again
        self.orders.saved.connect(lambda _path: self.dataChanged.emit())
        layout.addWidget(self.orders)

        layout.addStretch(1)

    def show_year(self, year: AcademicYear | None) -> None:
        self._year = year
        self._enable_roadmap()
        self.report.show_year(year)
        self.orders.show_year(year)

    def finish_work(self) -> None:
        """The documents' saves run in pools: let them end before the window."""
        self.roadmap_saving.finish()
        self.report.wait()
        self.orders.finish()

    def _suggested(self, suffix: str) -> Path:
        school = get_school(self._store)
        name = safe_file_name(school.short_name if school else "")
        year = (self._year.title if self._year else "").replace("/", "-")
        return Path.home() / fit_file_name(f"Дорожная_карта_{name}_{year}{suffix}")

    def _enable_roadmap(self) -> None:
        for button in (self.roadmap_pdf, self.roadmap_xlsx):
            button.setEnabled(self._year is not None and not self.roadmap_saving.running)

    def save_roadmap(self, suffix: str) -> None:
        """Ask where, then write the roadmap there off the GUI thread (a busy bar meanwhile); a
        failure is said and nothing is asked again."""
        from ..services.documents.roadmap_export import export_roadmap

        if self._year is None:
            return
        store, year_title = self._store, self._year.title
        self.roadmap_saving.save(
            SaveRequest(
                "Сохранить дорожную карту",
                self._suggested(suffix),
                PDF_FILTER if suffix == ".pdf" else XLSX_FILTER,
                lambda target: export_roadmap(store, target, year_title),
                final=lambda _message: True,
                saved_text="Дорожная карта сохранена",
                saving_text="Сохраняется дорожная карта",
                failed_text="Дорожная карта не сохранена.",
            )
        )

    def _roadmap_saved(self, result: object) -> None:
        assert isinstance(result, Path)
        self.last_saved = result
