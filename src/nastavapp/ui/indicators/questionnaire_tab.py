"""«Анкеты» tab: pick a questionnaire of the year and type its answers in a grid, edit its
questions, or load the answers exported from an online form. The grid sorts by a click on a
header; the search field (Ctrl+F) shows the answers whose respondent or pair holds what is
typed, the blank row for a new questionnaire stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear, QuestionnaireTemplate
from ...models.vocab import MentoringForm, QuestionType
from ...services.answers_import import ImportFileError, preview_answers, read_answer_rows
from ...services.pair_views import list_groups
from ...services.questionnaire_edit import add_missing_questionnaires
from ...services.questionnaires import template_items, year_templates
from ...services.responses import respondents, template_responses
from ...store import Store
from .. import messages
from ..bases.widgets import date_edit, to_date
from ..table_search import (
    SearchField,
    TableSearchProxy,
    empty_hint,
    nothing_found_hint,
    show_hint,
)
from .answers_delegate import AnswersDelegate
from .answers_model import FIRST_ITEM, FORM, RESPONDENT, AnswersModel
from .answers_table import AnswersTable
from .import_dialog import AnswersImportDialog
from .template_editor import TemplateEditor

ANSWER_FILES = "Таблицы (*.xlsx *.xls *.ods *.csv);;Все файлы (*)"
HINT = (
    "Оценки — цифрами от 1 до 10, «да»/«нет» — буквами «д»/«н». Tab — следующий вопрос, "
    "Enter — следующая анкета (в том же столбце, с которого начата строка). Каждый ответ "
    "сохраняется сразу. Респондента можно не указывать — ответ будет анонимным."
)


class QuestionnaireTab(QWidget):
    saved = Signal()  # answers or questions were stored

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.year: AcademicYear | None = None
        self.templates: list[QuestionnaireTemplate] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(260)
        chooser_label = QLabel("&Анкета:")
        chooser_label.setBuddy(self.chooser)
        self.questions_button = QPushButton("&Вопросы анкеты…")
        self.questions_button.setToolTip("Изменить тексты вопросов, добавить свои вопросы")
        self.questions_button.clicked.connect(self.edit_questions)
        self.import_button = QPushButton("&Загрузить из файла…")
        self.import_button.setToolTip(
            "Ответы из выгрузки онлайн-формы (Google Формы, Яндекс Формы): xlsx, xls, ods, csv"
        )
        self.import_button.clicked.connect(self.choose_file)
        self.delete_button = QPushButton("Уда&лить анкету…")
        self.delete_button.setToolTip("Удалить ответы выбранной строки (Ctrl+Delete)")
        self.delete_button.clicked.connect(self.delete_current)
        self.day = date_edit(today, today)
        self.day.setToolTip("Эта дата ставится новым анкетам, которые вы вводите")
        day_label = QLabel("&Дата анкетирования:")  # «&Анкета» has «А»
        day_label.setBuddy(self.day)
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addSpacing(16)
        top.addWidget(day_label)
        top.addWidget(self.day)
        layout.addLayout(top)
        commands = QHBoxLayout()  # a row of its own: the window may be narrow
        for button in (self.questions_button, self.import_button, self.delete_button):
            commands.addWidget(button)
        commands.addStretch(1)
        self.search = SearchField("Поиск: респондент или пара")
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(360)
        commands.addWidget(self.search, 1)
        layout.addLayout(commands)
        missing = QHBoxLayout()
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)  # a narrow window wraps it instead of clipping
        self.missing_button = QPushButton("Добавить анкет&ы")
        self.missing_button.clicked.connect(self.add_missing)
        missing.addWidget(self.missing_label, 1)
        missing.addWidget(self.missing_button)
        self.missing_row = QWidget()
        self.missing_row.setLayout(missing)
        layout.addWidget(self.missing_row)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("question")
        self.question.setStyleSheet("#question { font-weight: bold; padding: 2px 0px; }")
        layout.addWidget(self.question)
        self.model = AnswersModel(store, self)
        self.proxy = TableSearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = AnswersTable()
        self.table.setModel(self.proxy)
        # the order of entry until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.nothing_found = empty_hint(self.table)
        self.delegate = AnswersDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        layout.addWidget(self.table, 1)
        self.refused = QLabel()
        self.refused.setStyleSheet("color: #c62828; font-weight: bold;")
        self.refused.setWordWrap(True)
        layout.addWidget(self.refused)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.search.textChanged.connect(self._search)
        self.chooser.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.model.set_answered_on(to_date(self.day)))
        self.model.refused.connect(self.show_refused)
        self.delegate.refused.connect(self.show_refused)
        self.model.saved.connect(self._saved)
        self.table.deleteRequested.connect(self.delete_current)
        self.table.selectionModel().currentChanged.connect(self._current_changed)

    # data -------------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.fill_chooser()

    def fill_chooser(self, keep: int | None = None) -> None:
        year_id = self.year.id if self.year is not None else None
        self.templates = year_templates(self.store, year_id) if year_id else []
        counts = {t.id: len(template_responses(self.store, t.id or 0)) for t in self.templates}
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for t in self.templates:
            self.chooser.addItem(f"{t.title} (анкет: {counts[t.id]})", t.id)
        found = self.chooser.findData(keep) if keep is not None else 0
        self.chooser.setCurrentIndex(max(0, found))
        self.chooser.blockSignals(False)
        have = len(self.templates)
        self.missing_row.setVisible(year_id is not None and have < 4)
        self.missing_label.setText(
            "В этом учебном году ещё нет анкет обратной связи."
            if have == 0
            else "Есть не все анкеты года (входные и итоговые для наставляемых и наставников)."
        )
        self.missing_button.setText(
            "Создать анкет&ы года" if have == 0 else "Добавить недостающие анкет&ы"
        )
        self.reload()

    def current_template(self) -> QuestionnaireTemplate | None:
        template_id = self.chooser.currentData()
        return next((t for t in self.templates if t.id == template_id), None)

    def _template_edited(self) -> None:
        self.reload()
        self.saved.emit()

    def reload(self) -> None:
        template = self.current_template()
        for button in (self.questions_button, self.import_button, self.delete_button):
            button.setEnabled(template is not None)
        if template is None or template.id is None or self.year is None:
            self.model.load(None, [], [], [], [], None)
            self.question.setText("")
            self.status.setText("")
            return
        items = template_items(self.store, template.id)
        forms = [MentoringForm(f) for f in (self.year.forms or [])] or list(MentoringForm)
        self.model.load(
            template.id,
            items,
            template_responses(self.store, template.id),
            respondents(self.store, self.year.id or 0, template.audience),
            forms,
            to_date(self.day),
            list_groups(self.store, self.year.id or 0),
        )
        header = self.table.horizontalHeader()
        if self.model.sort_column() < 0 <= header.sortIndicatorSection():
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # that column is gone
        opened = {FIRST_ITEM + i for i, item in enumerate(items) if item.type is QuestionType.OPEN}
        self.table.size_columns(opened)
        self.show_refused("")
        self._update_status()
        self.table.go_to(self.proxy.rowCount() - 1, FIRST_ITEM, edit=False)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_status()

    def _update_status(self) -> None:
        stored = self.model.stored_rows()
        anonymous = sum(r.person_id is None for r in stored)
        text = f"Анкет: {len(stored)}, из них анонимных: {anonymous}."
        query = self.proxy.query()
        found = self.proxy.found()
        if query:
            text += f" Показано {found} из {len(stored)}."
        self.status.setText(text)
        hint = nothing_found_hint(query, "все анкеты") if query and stored and not found else ""
        show_hint(self.nothing_found, hint)
        template = self.current_template()
        if template is not None:
            self.chooser.setItemText(
                self.chooser.currentIndex(), f"{template.title} (анкет: {len(stored)})"
            )

    def _saved(self) -> None:
        self.show_refused("")
        self._update_status()
        self.saved.emit()

    def show_refused(self, text: str) -> None:
        self.refused.setText(text)
        self.refused.setVisible(bool(text))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        column = current.column() if current.isValid() else -1
        item = self.model.item_at(column)
        if column == RESPONDENT:
            self.question.setText("Респондент: начните вводить фамилию или оставьте «анонимно»")
        elif column == FORM:
            self.question.setText("Форма наставничества (для названного участника — по его паре)")
        elif item is not None:
            total = len(self.model.items)
            self.question.setText(
                f"Вопрос {item.position} из {total} ({item.type.label}): {item.text}"
            )

    # commands ---------------------------------------------------------------------------------
    def delete_current(self) -> None:
        current = self.table.currentIndex()
        row = self.proxy.mapToSource(current).row()
        if row < 0 or self.model.is_blank_row(row):
            return
        who = self.model.respondent_label(self.model.rows[row])
        number = self.proxy.headerData(
            current.row(), Qt.Orientation.Vertical
        )  # as the row is numbered
        if messages.confirm(self, f"Удалить анкету строки {number} ({who}) со всеми ответами?"):
            self.model.remove_row(row)

    def add_missing(self) -> None:
        if self.year is None or self.year.id is None:
            return
        add_missing_questionnaires(self.store, self.year.id)
        self.fill_chooser(self.chooser.currentData())
        self.saved.emit()

    def edit_questions(self) -> None:
        template = self.current_template()
        if template is None:
            return
        editor = TemplateEditor(self.store, template, self)
        editor.changed.connect(self._template_edited)
        self._open(editor)

    def choose_file(self) -> None:
        path = messages.open_file(self, "Ответы из онлайн-формы", Path.home(), ANSWER_FILES)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> AnswersImportDialog | None:
        template = self.current_template()
        if template is None or template.id is None:
            return None
        try:
            rows = read_answer_rows(path)
        except ImportFileError as exc:
            messages.error(self, str(exc))
            return None
        day = to_date(self.day)
        preview = preview_answers(self.store, template.id, rows, today=day)
        dialog = AnswersImportDialog(self.store, template, path.name, rows, preview, day, self)
        dialog.imported.connect(self._imported)
        self._open(dialog)
        return dialog

    def _imported(self, count: int) -> None:
        self.fill_chooser(self.chooser.currentData())
        self.saved.emit()
        messages.info(self, f"Загружено анкет: {count}.")

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
