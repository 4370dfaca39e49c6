"""«Пара или группа вручную»: one mentor and one or several mentees chosen by the curator.

The dialog stays open when the pair cannot be stored (the reason is shown), so nothing typed
is lost; ``save(draft)`` returns True once it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import MentoringForm, MentoringFormat
from ...services.pairs import MentorLoad, PairDraft, UnpairedMentee, role_models
from ...store.text import ru_fold
from ..bases.widgets import combo_line
from ..table_search import (
    SearchField,
    empty_hint,
    empty_result_note,
    holds_words,
    search_words,
    show_hint,
)
from .widgets import muted_label

ID_ROLE = Qt.ItemDataRole.UserRole


def mentor_choice_text(load: MentorLoad) -> str:
    return f"{load.name} — занято {load.text}"


def role_model_combo(form: MentoringForm | None = None, current: str = "") -> QComboBox:
    """Editable: the typical role models of the form, or the curator's own words."""
    combo = QComboBox()
    combo.setEditable(True)
    combo_line(combo).setPlaceholderText("выберите или впишите свою")
    if form is not None:
        fill_role_models(combo, form, current)
    return combo


def fill_role_models(combo: QComboBox, form: MentoringForm, current: str) -> None:
    combo.clear()
    combo.addItem("")
    combo.addItems(list(role_models(form)))
    combo.setCurrentText(current)


def format_combo(current: MentoringFormat = MentoringFormat.CLASSIC) -> QComboBox:
    combo = QComboBox()
    for value in MentoringFormat:
        combo.addItem(value.label, value.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class ManualPairDialog(QDialog):
    def __init__(
        self,
        form: MentoringForm,
        loads: Sequence[MentorLoad],
        mentees: Sequence[UnpairedMentee],
        save: Callable[[PairDraft], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self._save = save
        self.setWindowTitle("Пара или группа вручную")
        self.resize(600, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                f"Форма наставничества: «{form.label}». Выберите наставника и одного или "
                "нескольких наставляемых: несколько наставляемых — это группа."
            )
        )
        form_layout = QFormLayout()
        self.mentor = QComboBox()
        self.mentor.addItem("— выберите наставника —", None)
        for load in loads:
            self.mentor.addItem(mentor_choice_text(load), load.person_id)
        form_layout.addRow("&Наставник:", self.mentor)
        self.search = SearchField("Поиск наставляемого: ФИО, класс")
        form_layout.addRow("На&ставляемые:", self.search)
        layout.addLayout(form_layout)
        self.mentees = QListWidget()
        for mentee in mentees:
            item = QListWidgetItem(f"{mentee.name}, {mentee.post}" if mentee.post else mentee.name)
            item.setData(ID_ROLE, mentee.person_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            if mentee.requests:
                item.setToolTip("Запросы: " + "; ".join(mentee.requests))
            self.mentees.addItem(item)
        self.empty_note = empty_hint(self.mentees, 400)
        layout.addWidget(self.mentees, 1)
        self.chosen_label = QLabel()
        layout.addWidget(self.chosen_label)
        details = QFormLayout()
        self.role_model = role_model_combo(form)
        self.format = format_combo()
        self.goal = QLineEdit()
        self.goal.setPlaceholderText("например, повышение успеваемости по математике")
        details.addRow("&Ролевая модель:", self.role_model)
        details.addRow("&Формат:", self.format)
        details.addRow("&Цель:", self.goal)
        layout.addLayout(details)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.mentees.itemChanged.connect(self._sync)
        self.mentor.currentIndexChanged.connect(self._sync)
        self._sync()

    # choices ------------------------------------------------------------------------------------
    def choose_mentor(self, person_id: int) -> None:
        self.mentor.setCurrentIndex(self.mentor.findData(person_id))

    def set_mentees(self, ids: Sequence[int]) -> None:
        """Exactly these mentees checked."""
        for row in range(self.mentees.count()):
            item = self.mentees.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(ID_ROLE) in ids else Qt.CheckState.Unchecked
            )

    def chosen_mentees(self) -> list[int]:
        return [
            int(self.mentees.item(row).data(ID_ROLE))
            for row in range(self.mentees.count())
            if self.mentees.item(row).checkState() == Qt.CheckState.Checked
        ]

    def draft(self) -> PairDraft | None:
        mentor, mentees = self.mentor.currentData(), self.chosen_mentees()
        if mentor is None or not mentees:
            return None
        return PairDraft(
            int(mentor),
            tuple(mentees),
            self.form,
            role_model=self.role_model.currentText(),
            format=MentoringFormat(self.format.currentData()),
            goal=self.goal.text(),
        )

    def _filter(self, text: str) -> None:
        """The mentees whose name and class hold every word typed (ё = е, any case)."""
        words = search_words(text)
        shown = 0
        for row in range(self.mentees.count()):
            item = self.mentees.item(row)
            item.setHidden(not holds_words(ru_fold(item.text()), words))
            shown += not item.isHidden()
        total = self.mentees.count()
        note = empty_result_note(text, shown, total, total, "всех наставляемых без\u00a0пары")
        show_hint(self.empty_note, note)

    def _sync(self, *_args: object) -> None:
        count = len(self.chosen_mentees())
        if count == 0:
            text = "Отметьте наставляемых."
        elif count == 1:
            text = "Выбран 1 наставляемый: это будет пара (индивидуальное наставничество)."
        else:
            text = f"Выбрано наставляемых: {count} — это будет группа (групповое наставничество)."
        self.chosen_label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.draft() is not None
        )

    def accept(self) -> None:
        draft = self.draft()
        if draft is not None and self._save(draft):
            super().accept()
