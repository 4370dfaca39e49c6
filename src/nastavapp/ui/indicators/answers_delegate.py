"""Editors of the answers grid: a digit field that refuses anything but 1–10 as it is typed,
«да»/«нет» (also «д», «н», «1», «0», «+», «-»), free text, and combos for the respondent and
the form. ``refused`` says in Russian what was not accepted."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...models.vocab import QuestionType
from ...store.text import ru_fold
from ..bases.widgets import combo_line
from ..table_search import source_model
from .answers_model import ANONYMOUS, FORM, RESPONDENT, AnswersModel
from .formatting import DASH

Index = QModelIndex | QPersistentModelIndex
YES = ("да", "д", "1", "+", "yes", "y")
NO = ("нет", "не", "н", "0", "-", "no", "n")


class ScoreValidator(QValidator):
    """Only 1–10: «11», «0» or a letter are refused at the keystroke."""

    rejected = Signal(str)

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if stripped == "" or (stripped.isdigit() and 1 <= int(stripped) <= 10):
            return QValidator.State.Acceptable, text, position
        self.rejected.emit(stripped)
        return QValidator.State.Invalid, text, position


class YesNoValidator(QValidator):
    rejected = Signal(str)

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        folded = text.strip().casefold()
        if folded == "" or any(word.startswith(folded) for word in YES + NO):
            return QValidator.State.Acceptable, text, position
        self.rejected.emit(text.strip())
        return QValidator.State.Invalid, text, position


def yes_no(text: str) -> str:
    """«д» → «да», «0» → «нет»; anything else unchanged (the model refuses it)."""
    folded = text.strip().casefold()
    if not folded:
        return ""
    if any(word.startswith(folded) for word in YES) and folded not in NO:
        return "да"
    if any(word.startswith(folded) for word in NO):
        return "нет"
    return text


class AnswersDelegate(QStyledItemDelegate):
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    @staticmethod
    def _model(index: Index) -> AnswersModel:
        model = source_model(index.model())  # the table shows it through the search proxy
        assert isinstance(model, AnswersModel)
        return model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = self._model(index)
        column = index.column()
        if column == RESPONDENT:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem(ANONYMOUS, 0)
            for person in model.people.values():
                combo.addItem(person.label, person.person_id)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo_line(combo).setPlaceholderText("фамилия или «анонимно»")
            return combo
        if column == FORM:
            combo = QComboBox(parent)
            combo.addItem(DASH, "")
            for form in model.forms:
                combo.addItem(form.label, form.value)
            return combo
        item = model.item_at(column)
        edit = QLineEdit(parent)
        edit.setFrame(False)
        if item is not None and item.type is QuestionType.SCALE:
            score = ScoreValidator(edit)
            score.rejected.connect(lambda text: self._refuse_score(text, item.text))
            edit.setValidator(score)
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        elif item is not None and item.type is QuestionType.YES_NO:
            validator = YesNoValidator(edit)
            validator.rejected.connect(
                lambda text: self.refused.emit(f"«{text}» — ответ должен быть «да» или «нет».")
            )
            edit.setValidator(validator)
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return edit

    def _refuse_score(self, text: str, question: str) -> None:
        if text.isdigit():
            self.refused.emit(f"{text} — вне шкалы: оценка от 1 до 10 («{question}»).")
        else:
            self.refused.emit(f"«{text}» — не оценка: введите число от 1 до 10 («{question}»).")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(0, found))
            if editor.isEditable():  # typing a surname replaces «анонимно»
                combo_line(editor).selectAll()
            return
        if isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            if index.column() == RESPONDENT:
                chosen = self._respondent(editor)
                if chosen is None:
                    self.refused.emit(
                        f"«{editor.currentText()}» нет среди участников года: выберите из списка "
                        "или оставьте «анонимно»."
                    )
                    return
                model.setData(index, chosen, Qt.ItemDataRole.EditRole)
                return
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            item = self._model(index).item_at(index.column())
            if item is not None and item.type is QuestionType.YES_NO:
                text = yes_no(text)
            model.setData(index, text, Qt.ItemDataRole.EditRole)

    @staticmethod
    def _respondent(combo: QComboBox) -> int | None:
        """The person whose line is typed (exactly, or the only one containing the text)."""
        typed = ru_fold(combo.currentText().strip())
        if not typed:
            return 0
        labels = [(ru_fold(combo.itemText(i)), combo.itemData(i)) for i in range(combo.count())]
        exact = [data for label, data in labels if label == typed]
        if exact:
            return int(exact[0])
        found = [data for label, data in labels if typed in label]
        return int(found[0]) if len(found) == 1 else None

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        if isinstance(editor, QComboBox) and index.column() == RESPONDENT:
            rect = rect.adjusted(0, 0, max(0, 260 - rect.width()), 0)
        editor.setGeometry(rect)
