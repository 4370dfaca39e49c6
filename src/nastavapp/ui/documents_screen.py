"""«Документы и отчёты»: the documents the school prints and sends, saved where the curator says.

The roadmap, the report to the municipal centre, and the orders, consent forms and lists.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
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
from ..services.documents.errors import ExportError
from ..services.school import get_school
from ..store import Store, StoreError
from . import messages
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
        self.roadmap_pdf = QPushButton("Сохранить PDF…")
        self.roadmap_xlsx = QPushButton("Сохранить Excel…")
        self.roadmap_pdf.clicked.connect(lambda: self.save_roadmap(".pdf"))
        self.roadmap_xlsx.clicked.connect(lambda: self.save_roadmap(".xlsx"))
        row.addWidget(self.roadmap_pdf)
        row.addWidget(self.roadmap_xlsx)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(roadmap)
        self.report = ReportSection(store, today)
        layout.addWidget(self.report)
        self.orders = OrdersSection(store, today)
        layout.addWidget(self.orders)

        layout.addStretch(1)

    def show_year(self, year: AcademicYear | None) -> None:
        self._year = year
        for button in (self.roadmap_pdf, self.roadmap_xlsx):
            button.setEnabled(year is not None)
        self.report.show_year(year)
        self.orders.show_year(year)

    def finish_work(self) -> None:
        """The report's and the orders' saves run in pools: let them end before the window."""
        self.report.wait()
        self.orders.finish()

    def _suggested(self, suffix: str) -> Path:
        school = get_school(self._store)
        name = safe_file_name(school.short_name if school else "")
        year = (self._year.title if self._year else "").replace("/", "-")
        return Path.home() / f"Дорожная_карта_{name}_{year}{suffix}"

    def save_roadmap(self, suffix: str) -> None:
        from ..services.documents.roadmap_export import export_roadmap

        target = messages.save_file(
            self,
            "Сохранить дорожную карту",
            self._suggested(suffix),
            PDF_FILTER if suffix == ".pdf" else XLSX_FILTER,
        )
        if target is None or self._year is None:
            return
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.last_saved = export_roadmap(self._store, target, self._year.title)
        except (ExportError, StoreError) as exc:
            QGuiApplication.restoreOverrideCursor()
            messages.error(self, str(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        if messages.confirm(self, f"Дорожная карта сохранена:\n{self.last_saved}\n\nОткрыть файл?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_saved)))
