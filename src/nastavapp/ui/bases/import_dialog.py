"""Loading a school's list: the preview the user corrects, the import off the GUI thread, and
the result with the report of rejected rows.

The preview is a dry run of ``import_persons`` for the mapping on screen, so what is shown as
rejected or repeated is exactly what the import will do. «Загрузить» runs the same call in a
QThreadPool with progress and «Отмена»; cancelling stores nothing.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import PersonCategory
from ...services.documents.output import fit_file_name
from ...services.importing import (
    ImportCancelled,
    ImportFileError,
    ImportPreview,
    ImportResult,
    ReportError,
    import_persons,
    prepare_import,
    save_rejections,
)
from ...store import Store, StoreError
from .. import messages
from ..background_task import CancelCheck, Progress, Task, TaskSignals
from ..screen_fit import resize_remembered
from ..tab_order import chain
from .import_tables import IssuesTable, MappingTable, guess_category

REPORT_FILTER = "Книга Excel (*.xlsx)"


class ImportDialog(QDialog):
    """``outcome`` holds the finished import (None until one is stored)."""

    def __init__(
        self, store: Store, preview: ImportPreview, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.preview = preview
        self.outcome: ImportResult | None = None  # not «result»: QDialog.result() is a method
        self._checked: ImportResult | None = None
        self._task: Task | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(f"Загрузка списка — {preview.path.name}")
        resize_remembered(self, "bases_import", 1000, 680)
        layout = QVBoxLayout(self)

        choices = QHBoxLayout()
        self.sheet = QComboBox()
        self.sheet.addItems(preview.sheet_names)
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.setEnabled(len(preview.sheet_names) > 1)
        self.category = QComboBox()
        self.category.addItem("обучающиеся", PersonCategory.STUDENT.value)
        self.category.addItem("педагоги", PersonCategory.TEACHER.value)
        sheet_label, category_label = QLabel("&Лист:"), QLabel("&В списке:")
        sheet_label.setBuddy(self.sheet)
        category_label.setBuddy(self.category)
        choices.addWidget(sheet_label)
        choices.addWidget(self.sheet)
        choices.addSpacing(20)
        choices.addWidget(category_label)
        choices.addWidget(self.category)
        choices.addStretch(1)
        layout.addLayout(choices)

        hint = QLabel(
            "Проверьте, что содержит каждый столбец файла, и при необходимости выберите другое. "
            "Ниже — первые строки файла с их номерами."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.notes = QLabel()  # how the sheet was read: formulas without values …
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setStyleSheet("color: #c62828;")
        self.notes.setVisible(False)
        layout.addWidget(self.notes)
        self.mapping = MappingTable()
        self.mapping.changed.connect(self.check)
        layout.addWidget(self.mapping, 3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.issues = IssuesTable()
        layout.addWidget(self.issues, 2)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.report_button = QPushButton("Сохранить &отчёт…")
        self.report_button.setVisible(False)
        self.report_button.clicked.connect(self.save_report)
        self.load_button = QPushButton("&Загрузить")
        self.load_button.setDefault(True)
        self.load_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Отмена")
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.sheet.currentTextChanged.connect(self._choose_sheet)
        self.category.currentIndexChanged.connect(self.check)
        self._show_preview(preview)

    # preview ----------------------------------------------------------------------------------
    def category_value(self) -> PersonCategory:
        return PersonCategory(self.category.currentData())

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.category.blockSignals(True)
        guessed = guess_category(preview.mapping)
        self.category.setCurrentIndex(self.category.findData(guessed.value))
        self.category.blockSignals(False)
        self.notes.setText("\n".join(preview.notes))
        self.notes.setVisible(bool(preview.notes))
        self.mapping.show_preview(preview)
        # Tab as the eye reads: the sheet and the category, the column combos left to right
        # (cell widgets came after «Отмена»), the file's rows, the rejected rows, the buttons
        chain(
            [
                self.sheet,
                self.category,
                *self.mapping.combos(),
                self.mapping,
                self.issues,
                self.report_button,
                self.load_button,
                self.cancel_button,
            ]
        )

    def _choose_sheet(self, name: str) -> None:
        try:
            preview = prepare_import(self.preview.path, name)
        except ImportFileError as exc:
            messages.error(self, str(exc))
            return
        self._show_preview(preview)

    def check(self) -> ImportResult | None:
        """A dry run for the mapping on screen: counts, rejected rows and duplicates."""
        mapping = self.mapping.mapping()
        problem = mapping.problem()
        self._checked = None
        if problem:
            self.summary.setText(f"<span style='color:#c62828'>{problem}</span>")
            self.issues.show_result(None)
            self.load_button.setEnabled(False)
            return None
        result = import_persons(
            self._store,
            self.preview,
            self.category_value(),
            mapping,
            today=self._today,
            dry_run=True,
        )
        self._checked = result
        self.summary.setText(
            f"Будут загружены: <b>{len(result.accepted)}</b> · отклонены: "
            f"<b style='color:#c62828'>{len(result.rejected)}</b> · уже есть в базе или "
            f"повторяются: <b>{len(result.duplicates)}</b>" + _notes_html(result)
        )
        self.issues.show_result(result)
        self.load_button.setEnabled(bool(result.accepted))
        return result

    # the import -------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is not None or self._checked is None:
            return
        store, preview, category = self._store, self.preview, self.category_value()
        mapping, today = self.mapping.mapping(), self._today

        def job(progress: Progress, cancelled: CancelCheck) -> ImportResult:
            return import_persons(
                store,
                preview,
                category,
                mapping,
                today=today,
                progress=progress,
                cancelled=cancelled,
            )

        self._task = Task(
            job,
            self.signals,
            expected=(ImportFileError, StoreError),
            cancelled_error=ImportCancelled,
        )
        self._running(True)
        self.pool.start(self._task)

    def _running(self, running: bool) -> None:
        for widget in (self.sheet, self.category, self.mapping, self.load_button):
            widget.setEnabled(not running)
        self.sheet.setEnabled(not running and len(self.preview.sheet_names) > 1)
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.cancel_button.setText("Отменить загрузку" if running else "Отмена")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_done(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self._task = None
        self.outcome = result
        self._running(False)
        self.progress.setVisible(False)
        self.load_button.setVisible(False)
        for widget in (self.sheet, self.category, self.mapping):
            widget.setEnabled(False)
        self.cancel_button.setText("Закрыть")
        self.summary.setText(
            f"Загружено: <b>{result.imported}</b> · отклонено строк: "
            f"<b style='color:#c62828'>{len(result.rejected)}</b> · не загружены как повторы: "
            f"<b>{len(result.duplicates)}</b>" + _notes_html(result)
        )
        self.issues.show_result(result)
        self.report_button.setVisible(bool(result.rejected or result.duplicates))

    def _on_failed(self, message: str) -> None:
        self._task = None
        self._running(False)
        messages.error(self, message)

    def _on_cancelled(self) -> None:
        self._task = None
        self._running(False)
        self.summary.setText("Загрузка отменена: ничего не сохранено.")

    def _cancel_or_close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        else:
            self.reject()

    def save_report(self) -> None:
        if self.outcome is None:
            return
        source = self.outcome.path
        suggested = source.with_name(fit_file_name(f"{source.stem} — отклонённые строки.xlsx"))
        target = messages.save_file(self, "Сохранить отчёт", suggested, REPORT_FILTER)
        if target is None:
            return
        if target.suffix.lower() != ".xlsx":  # as every document: the extension is added
            target = target.with_name(target.name + ".xlsx")
        try:
            saved = save_rejections(self.outcome, target)
        except ReportError as exc:
            messages.error(self, str(exc))
            return
        messages.info(self, f"Отчёт сохранён: {saved}")

    # closing: never leave a running task behind (GUIDE traps 13–14) ---------------------------
    def done(self, code: int) -> None:
        if self._task is not None:
            self._task.cancel()
        self.pool.waitForDone()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        self.pool.waitForDone()
        super().closeEvent(event)


def _notes_html(result: ImportResult) -> str:
    """The result's notes under its figures (a teacher's birth year alone, left out)."""
    return "".join(f"<br>{escape(note)}" for note in result.notes())
