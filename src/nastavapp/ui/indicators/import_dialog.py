"""«Загрузить ответы из файла»: the export of an online form, its columns matched to the
questions (the curator may change any match), the rows that will be skipped and why."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models import QuestionnaireTemplate
from ...services.answers_import import (
    AnswersPreview,
    Special,
    import_answers,
    preview_answers,
)
from ...services.importing.reading import Row
from ...services.questionnaires import QuestionnaireError, template_items
from ...store import Store, StoreError
from .. import messages
from ..screen_fit import resize_remembered
from ..tab_order import buttons_on_screen, chain

IGNORE = "— не загружать —"


def encode(target: int | Special | None) -> str:
    """A combo's data for a column's target: «s:respondent», «i:12» or «» (Qt keeps strings)."""
    if isinstance(target, Special):
        return f"s:{target.value}"
    return "" if target is None else f"i:{target}"


def _row_number(line: str) -> int:
    """«Строка 12: …» → 12."""
    digits = line.removeprefix("Строка ").split(":", 1)[0]
    return int(digits) if digits.isdigit() else 0


def decode(data: str) -> int | Special | None:
    if data.startswith("s:"):
        return Special(data[2:])
    return int(data[2:]) if data.startswith("i:") else None


class AnswersImportDialog(QDialog):
    imported = Signal(int)  # how many responses were stored

    def __init__(
        self,
        store: Store,
        template: QuestionnaireTemplate,
        file_name: str,
        rows: list[Row],
        preview: AnswersPreview,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.template = template
        self.rows = rows
        self.preview = preview
        self.today = today
        self.items = template_items(store, template.id or 0)
        self.setWindowTitle("Загрузка ответов из файла")
        resize_remembered(self, "answers_import", 900, 640)
        layout = QVBoxLayout(self)
        about = QLabel(
            f"Файл «{file_name}» → <b>{template.title}</b>. Столбцы сопоставлены с вопросами "
            "по тексту заголовков; если сопоставление неверно, выберите другой вопрос."
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.matching = QTableWidget(0, 2)
        self.matching.setHorizontalHeaderLabels(["Столбец файла", "Вопрос анкеты"])
        self.matching.verticalHeader().setVisible(False)
        self.matching.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.matching.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.matching.verticalHeader().setDefaultSectionSize(30)
        layout.addWidget(self.matching, 2)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Отмена")
        self.buttons.accepted.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: dict[int, QComboBox] = {}
        self._fill_matching()
        self._show_preview()
        # Tab as the eye reads: the question of each column top down (the combos in the
        # table's cells came after «Отмена»), the skipped rows, the buttons
        chain([*self.combos.values(), self.problems, *buttons_on_screen(self.buttons)])
        first = next(iter(self.combos.values()), None)
        if first is not None:
            first.setFocus()

    def _choices(self) -> list[tuple[str, str]]:
        found = [(IGNORE, "")]
        found += [(s.label, encode(s)) for s in Special]
        found += [(f"{i.position}. {i.text}", encode(i.id)) for i in self.items]
        return found

    def _fill_matching(self) -> None:
        header = self.preview.header
        columns = [c for c, text in enumerate(header) if text]
        self.matching.setRowCount(len(columns))
        for row, column in enumerate(columns):
            cell = QTableWidgetItem(header[column])
            cell.setToolTip(header[column])
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.matching.setItem(row, 0, cell)
            combo = QComboBox()
            for text, data in self._choices():
                combo.addItem(text, data)
            target = encode(self.preview.mapping.target(column))
            combo.setCurrentIndex(max(0, combo.findData(target)))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._rematch(c))
            self.combos[column] = combo
            self.matching.setCellWidget(row, 1, combo)

    def _rematch(self, column: int) -> None:
        target = decode(str(self.combos[column].currentData() or ""))
        mapping = self.preview.mapping.with_target(column, target)
        self.preview = preview_answers(
            self.store, self.template.id or 0, self.rows, mapping, today=self.today
        )
        for other, combo in self.combos.items():  # a question moved here is gone from elsewhere
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(encode(mapping.target(other)))))
            combo.blockSignals(False)
        self._show_preview()

    def _show_preview(self) -> None:
        p = self.preview
        lines = [
            f"Будет загружено анкет: <b>{len(p.responses)}</b>; пропущено строк: "
            f"<b>{len(p.skipped)}</b>."
        ]
        if p.unmatched_items:
            questions = "; ".join(f"«{html.escape(text)}»" for text in p.unmatched_items)
            lines.append(f"Нет столбца для вопросов: {questions}.")
        if p.problem:
            lines.append(f"<span style='color:#c62828'>{p.problem}</span>")
        self.summary.setText("<br>".join(lines))
        self.problems.clear()
        lines = [skipped.text for skipped in p.skipped] + list(p.notes)
        for line in sorted(lines, key=_row_number):  # in the file's order
            self.problems.addItem(line)
        self.problems.setVisible(bool(p.skipped or p.notes))
        self.ok.setText(f"Загрузить ({len(p.responses)})")
        self.ok.setEnabled(p.problem is None)

    def load(self) -> None:
        try:
            count = import_answers(self.store, self.preview)
        except (QuestionnaireError, StoreError) as exc:
            messages.error(self, str(exc))
            return
        self.imported.emit(count)
        self.accept()
