"""«Школы»: the schools the coordinator expects a report from, and who has not sent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import ExpectedSchool
from ...services.consolidation.expected import (
    ExpectedError,
    add_expected,
    add_expected_from_reports,
    import_expected,
    list_expected,
    matches,
    remove_expected,
)
from ...services.consolidation.report import SchoolReport
from ...store import Store, StoreError
from .. import messages
from ..dialog_slot import replace_dialog
from .models import TextTableModel
from .panels import make_table, note

LIST_FILTER = "Таблицы (*.xlsx *.xls *.ods *.csv);;Все файлы (*)"


class SchoolDialog(QDialog):
    """«Добавить школу»: full name, short name, code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Добавить школу")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(
            "Муниципальное бюджетное общеобразовательное учреждение «…»"
        )
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText("МБОУ «… СОШ»")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ИНН или код школы, как в её отчёте (необязательно)")
        form.addRow("&Полное наименование:", self.full_name)
        form.addRow("&Краткое наименование:", self.short_name)
        form.addRow("Ко&д:", self.code)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Добавить")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Отмена")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ExpectedPanel(QWidget):
    """The list with each school's state for the year; add, remove, import a list."""

    changed = Signal()
    HEADERS = ("Школа", "Полное наименование", "Код", "Отчёт")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._reports: list[SchoolReport] = []
        self._year = ""
        self.dialog: SchoolDialog | None = None
        layout = QVBoxLayout(self)
        self.explanation = note()
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Добавить школу…")
        self.import_button = QPushButton("&Загрузить список…")
        self.import_button.setToolTip(
            "Таблица Excel, ODS или CSV: столбцы «Наименование», «Краткое наименование», «Код» "
            "или просто наименования в первом столбце"
        )
        self.from_reports = QPushButton("Добавить присла&вшие отчёт")
        self.remove_button = QPushButton("Удалить из спис&ка")
        self.add_button.clicked.connect(self.ask_school)
        self.import_button.clicked.connect(self.import_list)
        self.from_reports.clicked.connect(self.add_reporting)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.import_button, self.from_reports):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        self.model = TextTableModel(self.HEADERS, self)
        self.table = make_table(self.model)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_year(self, year: str, reports: list[SchoolReport]) -> None:
        self._year, self._reports = year, list(reports)
        self.reload()

    def reload(self) -> None:
        schools = list_expected(self._store)
        rows, keys = [], []
        missing = 0
        for school in schools:
            report = next((r for r in self._reports if matches(school, r)), None)
            if report is None:
                missing += 1
                state = "нет отчёта"
            else:
                state = f"получен ({report.source})"
            name = school.short_name or school.full_name
            rows.append([name, school.full_name, school.code, state])
            keys.append(
                [name.casefold(), school.full_name.casefold(), school.code, (report is None, state)]
            )
        self.model.set_rows(rows, payload=schools, keys=keys)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 420)
        self.table.setColumnWidth(2, 110)
        if schools:
            self.explanation.setText(
                f"В списке {len(schools)}; за {self._year} учебный год нет отчёта: {missing}. "
                "Школы без отчёта перечисляются в сводке и в аналитической справке."
            )
        else:
            self.explanation.setText(
                "Список школ, от которых ждут отчёт, пуст. Добавьте школы по одной, загрузите "
                "список из таблицы или добавьте все школы, уже приславшие отчёт, — тогда сводка "
                "покажет, кто отчёт не прислал."
            )
        self.remove_button.setEnabled(bool(schools))

    def ask_school(self) -> None:
        self.dialog = replace_dialog(self.dialog, SchoolDialog(self))
        self.dialog.accepted.connect(self._school_entered)
        self.dialog.open()

    def _school_entered(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        try:
            add_expected(
                self._store, dialog.full_name.text(), dialog.short_name.text(), dialog.code.text()
            )
        except (ExpectedError, StoreError) as exc:
            messages.warning(self, str(exc))
            return
        self._changed()

    def import_list(self) -> None:
        path = messages.open_file(self, "Загрузить список школ", Path.home(), LIST_FILTER)
        if path is None:
            return
        try:
            result = import_expected(self._store, path)
        except (ExpectedError, StoreError) as exc:
            messages.error(self, str(exc))
            return
        text = f"Добавлено школ: {result.added}; уже были в списке: {result.already}."
        if result.rejected:
            shown = "\n".join(result.rejected[:10])
            text += f"\n\nНе добавлены строки ({len(result.rejected)}):\n{shown}"
        messages.info(self, text)
        self._changed()

    def add_reporting(self) -> None:
        try:
            added = add_expected_from_reports(self._store, self._reports)
        except StoreError as exc:
            messages.error(self, str(exc))
            return
        messages.info(self, f"Добавлено в список школ: {added}.")
        self._changed()

    def selected(self) -> list[ExpectedSchool]:
        rows = self.table.selectionModel().selectedRows()
        found = [self.model.payload(index.row()) for index in rows]
        return [school for school in found if isinstance(school, ExpectedSchool)]

    def remove_selected(self) -> None:
        schools = self.selected()
        if not schools:
            messages.info(self, "Выделите в списке школы, которые нужно удалить.")
            return
        names = ", ".join(s.short_name or s.full_name for s in schools[:5])
        more = f" и ещё {len(schools) - 5}" if len(schools) > 5 else ""
        if not messages.confirm_action(
            self, f"Удалить из списка: {names}{more}? Их отчёты останутся.", "Удалить"
        ):
            return
        remove_expected(self._store, [s.id for s in schools if s.id is not None])
        self._changed()

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
