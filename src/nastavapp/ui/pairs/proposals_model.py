"""The proposals of the matching as the curator decides on them: accepted, rejected, changed.

Nothing here is stored: the rows live until «Сохранить выбранные пары». The mentor column is
editable with a combo of the mentee's alternatives (:class:`MentorDelegate`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...services.matching import Candidate, MatchResult, Proposal, alternatives
from ...services.matching.pool import Pool
from ...services.matching.scoring import Score
from .table_base import SHORT_NAME_SAMPLE, Column, Index, RowsModel, plural, short_name

ACCEPTED_COLOR = QColor("#2e7d32")
MUTED = QColor("#8a8a8a")
WARNING = QColor("#b23c17")


class Decision(str, Enum):
    PROPOSED = "предложено"
    ACCEPTED = "принято"
    REJECTED = "отклонено"
    NO_MENTOR = "нет наставника"


DECISION_ORDER = {d: i for i, d in enumerate(Decision)}


@dataclass(frozen=True)
class ProposalRow:
    mentee: Candidate
    mentor: Candidate | None
    score: int | None
    reasons: tuple[str, ...]
    decision: Decision
    changed: bool = False  # the curator chose another mentor than the proposed one
    why_none: str = ""  # why nobody was proposed

    def proposal(self) -> Proposal:
        assert self.mentor is not None
        return Proposal(self.mentee, self.mentor, self.score or 0, self.reasons)


def post(candidate: Candidate) -> str:
    """«7А» for a pupil, the subject for a teacher."""
    return candidate.class_name or candidate.subject


def points_text(points: int) -> str:
    """«57 баллов», «−10 баллов»."""
    text = plural(abs(points), "балл", "балла", "баллов")
    return f"−{text}" if points < 0 else text


def _why(row: ProposalRow) -> str:
    if row.mentor is None:
        return row.why_none
    return "; ".join(row.reasons) or "особых совпадений нет"


def _decision(row: ProposalRow) -> str:
    """The check box says «proposed»; the text names only what was decided."""
    return row.decision.value if row.decision in (Decision.ACCEPTED, Decision.REJECTED) else ""


def _mentor(row: ProposalRow) -> str:
    return short_name(row.mentor.name) if row.mentor else "—"


COLUMNS = (
    Column(
        "Решение",
        _decision,
        84,
        key=lambda r: DECISION_ORDER[r.decision],
        tip="Отметьте, чтобы принять предложение",
        sample="☐ принято",
    ),
    Column("Наставляемый", lambda r: short_name(r.mentee.name), 146, sample=SHORT_NAME_SAMPLE),
    Column("Класс", lambda r: post(r.mentee), 50, tip="Класс или предмет наставляемого"),
    Column(
        "Наставник",
        _mentor,
        150,
        tip="Дважды щёлкните или нажмите F2, чтобы выбрать другого наставника",
        sample=SHORT_NAME_SAMPLE,
    ),
    Column(
        "Баллы",
        lambda r: "" if r.score is None else str(r.score),
        50,
        key=lambda r: r.score,
        centred=True,
    ),
    # on a narrow window the line under the table and the points' tooltip say why
    Column("Почему", _why, 208, yields=True),
)
DECISION, MENTEE, CLASS, MENTOR, SCORE, WHY = range(len(COLUMNS))


class ProposalsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.pool: Pool | None = None
        self.today = date.today()

    def load(self, result: MatchResult, pool: Pool, today: date) -> None:
        self.pool, self.today = pool, today
        rows = [
            ProposalRow(p.mentee, p.mentor, p.score, p.reasons, Decision.PROPOSED)
            for p in result.proposals
        ] + [
            ProposalRow(u.mentee, None, None, (), Decision.NO_MENTOR, why_none=u.reason)
            for u in result.unmatched
        ]
        self.set_rows(rows)

    def clear(self) -> None:
        self.pool = None
        self.set_rows([])

    def search_text(self, item: Any) -> str:
        row: ProposalRow = item
        return f"{row.mentee.name} {post(row.mentee)} {_mentor(row)}"

    # decisions ---------------------------------------------------------------------------------
    def decide(self, row: int, decision: Decision) -> bool:
        item: ProposalRow = self.row_at(row)
        if item.mentor is None or item.decision is decision:
            return False
        self.replace_row(row, replace(item, decision=decision))
        return True

    def choose_mentor(self, row: int, mentor_id: int) -> bool:
        """Another mentor from the mentee's alternatives; the row becomes accepted."""
        item: ProposalRow = self.row_at(row)
        found = next(((m, s) for m, s in self.alternatives(row) if m.person_id == mentor_id), None)
        if found is None:
            return False
        mentor, score = found
        changed = item.changed or item.mentor is None or item.mentor.person_id != mentor_id
        self.replace_row(
            row,
            replace(
                item,
                mentor=mentor,
                score=score.points,
                reasons=score.reasons,
                decision=Decision.ACCEPTED,
                changed=changed,
            ),
        )
        return True

    def alternatives(self, row: int) -> list[tuple[Candidate, Score]]:
        if self.pool is None:
            return []
        return alternatives(self.pool, self.row_at(row).mentee, self.today)

    def set_pool(self, pool: Pool) -> None:
        """The same pool with the places brought up to date (after pairs were stored)."""
        self.pool = pool

    def accepted(self) -> list[ProposalRow]:
        return [r for r in self._rows if r.decision is Decision.ACCEPTED]

    def chosen_places(self, skip_row: int = -1) -> Counter[int]:
        """Mentor id → mentees in the accepted rows (not yet stored)."""
        return Counter(
            r.mentor.person_id
            for i, r in enumerate(self._rows)
            if r.decision is Decision.ACCEPTED and r.mentor is not None and i != skip_row
        )

    def counts(self) -> Counter[Decision]:
        return Counter(r.decision for r in self._rows)

    # Qt -----------------------------------------------------------------------------------------
    def extra(self, item: Any, column: int, role: int) -> Any:
        row: ProposalRow = item
        if role == Qt.ItemDataRole.CheckStateRole and column == DECISION:
            if row.mentor is None:
                return None
            return (
                Qt.CheckState.Checked
                if row.decision is Decision.ACCEPTED
                else Qt.CheckState.Unchecked
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.decision is Decision.REJECTED:
                return QBrush(MUTED)
            if column == DECISION and row.decision is Decision.ACCEPTED:
                return QBrush(ACCEPTED_COLOR)
            if row.mentor is None and column in (MENTOR, WHY, DECISION):
                return QBrush(WARNING)
        if role == Qt.ItemDataRole.EditRole and column == MENTOR:
            return row.mentor.person_id if row.mentor else None
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        row: ProposalRow = item
        if column in (WHY, SCORE) and row.mentor is not None:
            lines = [f"{points_text(row.score or 0)}:"] + [f"• {r}" for r in row.reasons]
            if row.changed:
                lines.append("Наставник выбран вручную.")
            return "\n".join(lines)
        if column == MENTEE:
            return row.mentee.name
        if column == MENTOR and row.mentor is not None:
            return f"{row.mentor.name}. Другой наставник — двойной щелчок или F2."
        return super().tooltip(item, column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        row: ProposalRow = self.row_at(index.row())
        if index.column() == DECISION and row.mentor is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == MENTOR and self.pool is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == DECISION:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.decide(index.row(), Decision.ACCEPTED if checked else Decision.PROPOSED)
        if role == Qt.ItemDataRole.EditRole and index.column() == MENTOR and value is not None:
            return self.choose_mentor(index.row(), int(value))
        return False


class MentorDelegate(QStyledItemDelegate):
    """The combo of a mentee's alternatives, best first, with each mentor's places."""

    def __init__(self, model: ProposalsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(  # type: ignore[override]  # None: no other mentor to choose
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget | None:
        row = self._source_row(index)
        found = self._model.alternatives(row)
        if not found:
            return None
        combo = QComboBox(parent)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        chosen = self._model.chosen_places(skip_row=row)
        for mentor, score in found:
            free = mentor.free - chosen[mentor.person_id]
            places = f"свободно мест: {free}" if free > 0 else "мест нет"
            combo.addItem(
                f"{short_name(mentor.name)} — {points_text(score.points)}, {places}",
                mentor.person_id,
            )
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        # the list opens at once: arrows move in it, Enter takes a mentor, Esc keeps the one
        # there (on the closed combo each arrow press took the next mentor and shut it)
        QTimer.singleShot(0, combo, lambda: MentorDelegate._drop_down(combo))
        return combo

    @staticmethod
    def _drop_down(combo: QComboBox) -> None:
        if combo.isVisible():  # not when the editor was closed at once
            combo.showPopup()

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def _source_row(self, index: Index) -> int:
        model = index.model()
        while model is not None and model is not self._model:
            index = model.mapToSource(index)  # type: ignore[attr-defined]
            model = index.model()
        return index.row()

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value is not None and value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """As wide as its longest line (the points and the places), but inside the visible
        part of the table: shifted left from the cell when the cell is near the right edge."""
        rect = option.rect
        wanted = max(rect.width(), editor.sizeHint().width())
        shown = editor.parentWidget()  # the table's viewport
        room = shown.width() if shown is not None else wanted
        width = min(wanted, room)
        x = max(0, min(rect.x(), room - width))
        editor.setGeometry(x, rect.y(), width, rect.height())
        if isinstance(editor, QComboBox):  # the list drops down with whole lines
            editor.view().setMinimumWidth(wanted)
