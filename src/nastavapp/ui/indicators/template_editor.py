"""«Вопросы анкеты»: change the wording of the questions, add the curator's own, remove unused.

Each change is stored at once; ``changed`` tells the answers grid to read the questions again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models import QuestionnaireTemplate
from ...models.vocab import QuestionnairePhase, QuestionType
from ...services.questionnaire_edit import (
    add_own_item,
    answer_counts,
    remove_item,
    rename_item,
    twin_template,
)
from ...services.questionnaires import QuestionnaireError, template_items
from ...store import Store
from .. import messages

NUMBER, TEXT, KIND, ANSWERS = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateEditor(QDialog):
    changed = Signal()

    def __init__(
        self, store: Store, template: QuestionnaireTemplate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.template = template
        self.setWindowTitle(f"Вопросы анкеты — {template.title}")
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{template.title}</b>")
        layout.addWidget(title)
        if template.instruction:
            instruction = QLabel(template.instruction)
            instruction.setWordWrap(True)
            instruction.setStyleSheet("color: #444444;")
            layout.addWidget(instruction)
        hint = QLabel(
            "Текст вопроса можно исправить прямо в таблице (двойной щелчок или F2). Ответы и "
            "сравнение входной и итоговой анкет при этом сохраняются."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["№", "Вопрос", "Тип", "Ответов"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NUMBER, 40), (KIND, 130), (ANSWERS, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(28)
        layout.addWidget(self.table, 1)
        self.remove_button = QPushButton("&Удалить вопрос")
        self.remove_button.setToolTip("Удалить можно только вопрос, на который ещё нет ответов")
        self.remove_button.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>Свой вопрос</b>"))
        add_row = QHBoxLayout()
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText("Текст нового вопроса")
        self.new_kind = QComboBox()
        for kind in QuestionType:
            self.new_kind.addItem(kind.label, kind.value)
        self.add_button = QPushButton("&Добавить вопрос")
        self.add_button.clicked.connect(self.add_question)
        self.new_text.returnPressed.connect(self.add_question)
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.new_kind)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        other = "итоговую" if template.phase is QuestionnairePhase.ENTRY else "входную"
        self.both = QCheckBox(f"Добавить и в {other} анкету, чтобы видеть &изменение ответов")
        self.both.setChecked(True)
        missing = "Итоговой" if template.phase is QuestionnairePhase.ENTRY else "Входной"
        has_twin = template.id is not None and twin_template(store, template.id) is not None
        self.both.setEnabled(has_twin)
        if not has_twin:
            self.both.setToolTip(
                f"{missing} анкеты в этом году ещё нет: свой вопрос попадёт в неё, "
                "когда вы её добавите."
            )
        layout.addWidget(self.both)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрыть")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter in «Текст нового вопроса» adds the question, and nothing else: a default button
        # would be pressed too («Удалить вопрос» asked to delete the first question)
        for button in (
            self.remove_button,
            self.add_button,
            buttons.button(QDialogButtonBox.StandardButton.Close),
        ):
            button.setAutoDefault(False)
        self._filling = False
        self.table.itemChanged.connect(self._renamed)
        self.reload()

    def reload(self) -> None:
        template_id = self.template.id or 0
        counts = answer_counts(self.store, template_id)
        items = template_items(self.store, template_id)
        self._filling = True
        try:
            self.table.setRowCount(len(items))
            for row, item in enumerate(items):
                cells = (
                    str(item.position),
                    item.text,
                    item.type.label,
                    str(counts.get(item.id or 0, 0)),
                )
                for column, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    cell.setData(ID_ROLE, item.id)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if column == TEXT:
                        flags |= Qt.ItemFlag.ItemIsEditable
                        cell.setToolTip(text)
                    else:
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    cell.setFlags(flags)
                    self.table.setItem(row, column, cell)
        finally:
            self._filling = False

    def texts(self) -> list[str]:
        return [self._text_cell(r).text() for r in range(self.table.rowCount())]

    def _text_cell(self, row: int) -> QTableWidgetItem:
        cell = self.table.item(row, TEXT)
        assert cell is not None  # every row is filled with its cells
        return cell

    def _renamed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != TEXT:
            return
        try:
            rename_item(self.store, int(cell.data(ID_ROLE)), cell.text())
        except QuestionnaireError as exc:
            messages.warning(self, str(exc))
        self.reload()
        self.changed.emit()

    def add_question(self) -> None:
        kind = QuestionType(self.new_kind.currentData())
        both = self.both.isEnabled() and self.both.isChecked()
        try:
            add_own_item(
                self.store, self.template.id or 0, self.new_text.text(), kind, both_phases=both
            )
        except QuestionnaireError as exc:
            messages.warning(self, str(exc))
            return
        self.new_text.clear()
        self.reload()
        self.table.scrollToBottom()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        cell = self._text_cell(row)
        if not messages.confirm(self, f"Удалить вопрос «{cell.text()}»?"):
            return
        try:
            remove_item(self.store, int(cell.data(ID_ROLE)))
        except QuestionnaireError as exc:
            messages.warning(self, str(exc))
            return
        self.reload()
        self.changed.emit()
