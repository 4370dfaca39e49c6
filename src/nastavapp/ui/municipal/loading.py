"""Adding the schools' report files to the municipal window: reading them in a QThreadPool
worker with a progress bar, asking before a school's second report for a year replaces the
first, saying what was taken and listing what was not; removing a report added by mistake.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ...services.consolidation.reading import ReadingCancelled, ReadResult, read_reports
from ...services.consolidation.report import SchoolReport
from ...services.consolidation.store_reports import (
    AddResult,
    add_reports,
    duplicates,
    remove_report,
)
from ...store import StoreError
from .. import messages
from ..background_task import CancelCheck, Progress, Task

if TYPE_CHECKING:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QTabWidget

    from ...store import Store
    from ..background_task import TaskSignals
    from .panels import ReportsPanel, SkippedPanel

REPORT_FILTER = "Отчёты школ (*.xlsx *.xlsm *.xls *.ods);;Все файлы (*)"
SHOWN_DUPLICATES = 8


if TYPE_CHECKING:  # the window it is mixed into, for the type checker
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class ReportLoading(_Window):
    """The window's file-loading actions (mixed into :class:`MunicipalWindow`, whose widgets,
    thread pool and task signals they use)."""

    if TYPE_CHECKING:
        _store: Store
        _task: Task | None
        pool: QThreadPool
        signals: TaskSignals
        progress: QProgressBar
        stop_button: QPushButton
        add_files_button: QPushButton
        add_folder_button: QPushButton
        outcome: QLabel
        tabs: QTabWidget
        reports_panel: ReportsPanel
        skipped_panel: SkippedPanel
        last_added: AddResult | None

        @property
        def year(self) -> str: ...
        def reload_years(self, select: str | None = None) -> None: ...

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
    if added.outdated:  # two files of one school came together: the older one is not lost
        shown = [
            f"«{Path(older.source).name}» заменён более новым файлом той же школы "
            f"«{Path(newer.source).name}»"
            for older, newer in added.outdated[:SHOWN_DUPLICATES]
        ]
        more = len(added.outdated) - len(shown)
        text += " " + "; ".join(shown) + (f" и ещё {more}" if more > 0 else "") + "."
    if skipped:
        text += f" Не принято файлов: {skipped} — причины на вкладке «Не приняты»."
    return text
