"""Mentors' load beside the proposals: «2 из 3» stored, plus the places the accepted proposals
would take; a mentor who would be over his places is shown in red."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...services.pairs import MentorLoad
from .table_base import SHORT_NAME_SAMPLE, Column, RowsModel, short_name

OVER = QColor("#c62828")
FULL = QColor("#777777")
FREE = QColor("#2e7d32")


@dataclass(frozen=True)
class LoadRow:
    load: MentorLoad
    chosen: int = 0  # in the accepted proposals, not stored yet

    @property
    def after(self) -> int:
        return self.load.taken + self.chosen

    @property
    def text(self) -> str:
        base = self.load.text
        return f"{base} + {self.chosen}" if self.chosen else base


COLUMNS = (
    Column("Наставник", lambda r: short_name(r.load.name), 124, sample=SHORT_NAME_SAMPLE),
    Column(
        "Места",
        lambda r: r.text,
        64,
        key=lambda r: r.load.capacity - r.after,
        tip="Занято мест из числа, которое наставник готов взять; «+ 1» — в принятых предложениях",
        centred=True,
        sample="5 из 5 + 1",
    ),
)
NAME, PLACES = range(len(COLUMNS))


class MentorLoadModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._loads: list[MentorLoad] = []

    def set_loads(self, loads: Sequence[MentorLoad], chosen: Mapping[int, int]) -> None:
        self._loads = list(loads)
        self.set_rows([LoadRow(m, chosen.get(m.person_id, 0)) for m in self._loads])

    def set_chosen(self, chosen: Mapping[int, int]) -> None:
        self.set_loads(self._loads, chosen)

    def search_text(self, item: Any) -> str:
        return item.load.name

    def free_of(self, person_id: int) -> int | None:
        row = next((r for r in self._rows if r.load.person_id == person_id), None)
        return None if row is None else row.load.capacity - row.after

    def extra(self, item: Any, column: int, role: int) -> Any:
        row: LoadRow = item
        if role == Qt.ItemDataRole.ForegroundRole and column == PLACES:
            if row.after > row.load.capacity:
                return QBrush(OVER)
            return QBrush(FULL if row.after == row.load.capacity else FREE)
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        row: LoadRow = item
        load = row.load
        lines = [load.name, f"Занято мест: {load.taken} из {load.capacity}."]
        if row.chosen:
            lines.append(f"В принятых предложениях: ещё {row.chosen}.")
        left = load.capacity - row.after
        lines.append(
            f"Останется свободных: {left}."
            if left >= 0
            else f"Мест не хватит на {-left}: при сохранении программа попросит подтвердить."
        )
        return "\n".join(lines)
