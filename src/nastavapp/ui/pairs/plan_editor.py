"""«Индивидуальный план» of each mentee of a pair/group (ИОМ): a template to start from and the
items — direction, task, planned date, done date, result — added, edited and deleted here.

The form under the table saves on Enter; choosing a row loads it into the form. «Печать плана
(PDF)…» writes the plans of every mentee of the pair/group, each from a new page, to sign.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import GroupStatus
from ...services.documents.errors import ExportError
from ...services.documents.plan_pdf import export_plan_pdf, plan_file_name
from ...services.pairs import GroupCard
from ...services.plans import (
    PlanEntry,
    PlanError,
    PlanItemDraft,
    add_item,
    apply_template,
    delete_item,
    mentee_progress,
    plan_of,
    templates_for,
    update_item,
)
from ...services.roles import mentee_role
from ...store import Store, StoreError
from .. import messages
from ..table_search import SearchField, search_note
from .table_base import ITEM_ROLE, Column, RowsModel, SearchProxy, date_text, plural
from .widgets import (
    SubmitBox,
    columns_table,
    on_delete_key,
    optional_date,
    optional_date_edit,
    set_optional_date,
)

OVERDUE = QColor("#c62828")
DONE = QColor("#2e7d32")
PDF_FILTER = "Документ PDF (*.pdf)"


class PlanItemsModel(RowsModel):
    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(
            (
                Column("№", lambda e: str(e.position), 44, key=lambda e: e.position, centred=True),
                Column("Направление", lambda e: e.direction, 150),
                Column("Задача", lambda e: e.task, 280),
                Column(
                    "Срок", lambda e: date_text(e.planned_date), 84, key=lambda e: e.planned_date
                ),
                Column(
                    "Выполнено", lambda e: date_text(e.done_date), 84, key=lambda e: e.done_date
                ),
                Column("Результат", lambda e: e.result, 170),
            ),
            parent,
        )
        self.today = today

    def extra(self, item: Any, column: int, role: int) -> Any:
        entry: PlanEntry = item
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and entry.overdue(self.today):
                return QBrush(OVERDUE)
            if column == 4 and entry.done:
                return QBrush(DONE)
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        entry: PlanEntry = item
        if column == 3 and entry.overdue(self.today) and entry.planned_date:
            return f"Срок прошёл {entry.planned_date:%d.%m.%Y}, пункт не отмечен выполненным."
        return super().tooltip(item, column)


class PlanEditor(QWidget):
    changed = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.card: GroupCard | None = None
        self.editing: PlanEntry | None = None
        self.last_pdf: Path | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.mentee = QComboBox()
        self.mentee.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mentee.currentIndexChanged.connect(lambda _i: self.reload())
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setFormat("%p\u00a0%")
        self.progress_label = QLabel()
        self.search = SearchField("Поиск в плане")
        self.search.setMaximumWidth(220)
        mentee_label = QLabel("&Наставляемый:")
        mentee_label.setBuddy(self.mentee)
        top.addWidget(mentee_label)
        top.addWidget(self.mentee)
        top.addWidget(self.search)
        top.addStretch(1)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress_bar)
        self.print_button = QPushButton("Печа&ть плана (PDF)…")
        self.print_button.setToolTip(
            "Планы всех наставляемых пары или группы — каждый с новой страницы — в файл PDF: "
            "распечатать и подписать"
        )
        self.print_button.clicked.connect(self.print_plan)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        templates = QHBoxLayout()
        self.template = QComboBox()
        self.template.setMinimumWidth(340)
        self.apply_button = QPushButton("&Добавить пункты шаблона")
        self.apply_button.clicked.connect(self.apply_template)
        template_label = QLabel("&Шаблон:")
        template_label.setBuddy(self.template)
        templates.addWidget(template_label)
        templates.addWidget(self.template, 1)
        templates.addWidget(self.apply_button)
        layout.addLayout(templates)
        self.model = PlanItemsModel(today, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = columns_table(self.proxy, self.model.columns)
        self.empty_note = search_note(
            self.table, self.proxy, "все пункты плана", empty=self._empty_plan_note
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_current())
        layout.addWidget(self.table, 1)
        layout.addWidget(self._build_form())
        on_delete_key(self.table, self.delete)

    def _build_form(self) -> SubmitBox:
        self.form = SubmitBox()
        self.form.submitted.connect(self.save)
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 4, 0, 0)
        self.direction, self.task, self.result = QLineEdit(), QLineEdit(), QLineEdit()
        self.direction.setPlaceholderText("например, методика преподавания")
        self.task.setPlaceholderText("что сделать (обязательно)")
        self.result.setPlaceholderText("чем закончилось")
        self.planned, self.done = optional_date_edit(None), optional_date_edit(None)
        self.done.setToolTip("Дата выполнения; «не указана» — пункт ещё не выполнен")
        # each caption's Alt+letter goes to its field (Alt+З to the task, the one to fill)
        for text, field, row, column, span in (
            ("Н&аправление:", self.direction, 0, 0, 1),
            ("&Срок:", self.planned, 0, 2, 1),
            ("&Задача:", self.task, 1, 0, 1),
            ("&Выполнено:", self.done, 1, 2, 1),
            ("&Результат:", self.result, 2, 0, 3),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1, 1, span)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        self.mode_label = QLabel()
        self.new_button = QPushButton("Новый п&ункт")
        self.new_button.clicked.connect(self.new_item)
        self.save_button = QPushButton("Со&хранить пункт (Enter)")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Уда&лить пункт…")
        self.delete_button.clicked.connect(self.delete)
        buttons.addWidget(self.mode_label, 1)
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, 3, 0, 1, 4)
        return self.form

    # showing ------------------------------------------------------------------------------------
    def show_card(self, card: GroupCard) -> None:
        self.card = card
        chosen = self.mentee.currentData()
        self.mentee.blockSignals(True)
        self.mentee.clear()
        for mentee in card.mentees:
            self.mentee.addItem(f"{mentee.name}, {mentee.post}", mentee.id)
        self.mentee.setCurrentIndex(max(self.mentee.findData(chosen), 0))
        self.mentee.setEnabled(len(card.mentees) > 1)
        self.mentee.blockSignals(False)
        self.print_button.setEnabled(bool(card.mentees))
        editable = card.status is not GroupStatus.DISBANDED
        for widget in (self.template, self.apply_button, self.form):
            widget.setEnabled(editable)
        self.reload()

    def _empty_plan_note(self) -> str:
        card = self.card
        if card is None:
            return ""
        if not card.mentees:
            return "В паре нет наставляемых: добавьте их на вкладке «Карточка»."
        if card.status is GroupStatus.DISBANDED:
            return "Пара расформирована: пунктов плана нет."
        return (
            "В плане пока нет пунктов.\nДобавьте пункты шаблона («Добавить пункты шаблона») "
            "или впишите задачу в форме ниже и нажмите Enter."
        )

    def mentee_id(self) -> int | None:
        value = self.mentee.currentData()
        return int(value) if value is not None else None

    def reload(self) -> None:
        card, mentee = self.card, self.mentee_id()
        if card is None or mentee is None:
            self.model.set_rows([])
            return
        self.model.set_rows(plan_of(self.store, card.id, mentee))
        progress = mentee_progress(self.store, card.id).get(mentee)
        done, total = (progress.done, progress.total) if progress else (0, 0)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            f"Выполнено {done} из {total}" if total else "План ещё не составлен"
        )
        role = mentee_role(self.store, mentee, card.year_id)
        requests = [r.text for r in role.requests] if role else []
        self.template.clear()
        for template in templates_for(card.form, requests):
            count = plural(len(template.items), "пункт", "пункта", "пунктов")
            self.template.addItem(f"{template.title} ({count})", template.code)
        self.new_item()

    # editing ------------------------------------------------------------------------------------
    def new_item(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for edit in (self.direction, self.task, self.result):
            edit.clear()
        set_optional_date(self.planned, None)
        set_optional_date(self.done, None)
        self.mode_label.setText("Новый пункт плана")
        self.delete_button.setEnabled(False)

    def _load_current(self) -> None:
        index = self.table.currentIndex()
        entry = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(entry, PlanEntry):
            return
        self.editing = entry
        self.direction.setText(entry.direction)
        self.task.setText(entry.task)
        self.result.setText(entry.result)
        set_optional_date(self.planned, entry.planned_date)
        set_optional_date(self.done, entry.done_date)
        self.mode_label.setText(f"Пункт {entry.position}: измените и сохраните")
        self.delete_button.setEnabled(True)

    def draft(self) -> PlanItemDraft:
        return PlanItemDraft(
            self.task.text(),
            self.direction.text(),
            optional_date(self.planned),
            optional_date(self.done),
            self.result.text(),
        )

    def save(self) -> None:
        card, mentee = self.card, self.mentee_id()
        if card is None or mentee is None:
            return
        try:
            if self.editing is None:
                add_item(self.store, card.id, mentee, self.draft(), today=self.today)
            else:
                update_item(self.store, self.editing.id, self.draft(), today=self.today)
        except PlanError as exc:
            messages.error(self, str(exc))
            return
        self.reload()
        self.task.setFocus()
        self.changed.emit()

    def delete(self) -> None:
        entry = self.editing
        if entry is None:
            return
        if not messages.confirm_action(self, f"Удалить пункт плана «{entry.task}»?", "Удалить"):
            return
        delete_item(self.store, entry.id)
        self.reload()
        self.changed.emit()

    def apply_template(self) -> None:
        card, mentee, code = self.card, self.mentee_id(), self.template.currentData()
        if card is None or mentee is None or code is None:
            return
        present = self.model.rowCount()
        if present and not messages.confirm(
            self,
            f"В плане уже есть пунктов: {present}. Добавить к ним пункты шаблона "
            f"«{self.template.currentText()}»?",
        ):
            return
        try:
            apply_template(self.store, card.id, code, today=self.today, mentee_ids=[mentee])
        except PlanError as exc:
            messages.error(self, str(exc))
            return
        self.reload()
        self.changed.emit()

    # printing -----------------------------------------------------------------------------------
    def print_plan(self) -> Path | None:
        """Save the plans of the pair/group as a PDF; the file written, or None."""
        card = self.card
        if card is None:
            return None
        suggested = Path.home() / plan_file_name(self.store, card.id)
        target = messages.save_file(self, "Печать плана (PDF)", suggested, PDF_FILTER)
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = export_plan_pdf(self.store, card.id, target, today=self.today)
        except (ExportError, StoreError) as exc:
            QGuiApplication.restoreOverrideCursor()
            messages.error(self, str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        self.last_pdf = written
        if messages.confirm(self, f"План сохранён:\n{written}\n\nОткрыть файл?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written
