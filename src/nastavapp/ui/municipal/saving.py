"""Saving the municipal summary as an Excel workbook or as the analytical PDF (справка)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ...services.documents.errors import ExportError
from .. import messages

XLSX_FILTER = "Книга Excel (*.xlsx)"
PDF_FILTER = "Документ PDF (*.pdf)"

if TYPE_CHECKING:
    from ...services.consolidation.summary import Summary


if TYPE_CHECKING:  # the window it is mixed into, for the type checker
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class SummarySaving(_Window):
    """The window's «Сохранить …» actions (mixed into :class:`MunicipalWindow`)."""

    if TYPE_CHECKING:
        _summary: Summary | None
        last_saved: Path | None

        @property
        def year(self) -> str: ...

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
