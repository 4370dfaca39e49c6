"""The meeting log of a pair/group as a table, and the standard sequence marked with what was held."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtGui import QBrush, QColor

from ...models.vocab import MeetingType
from ...services.meeting_plan import match_plan
from ...services.meetings import MeetingRecord, PlannedMeeting
from .table_base import Column, RowsModel, date_text

TYPE_ORDER = {kind: i for i, kind in enumerate(MeetingType)}
HELD = QColor("#2e7d32")


def _came(record: MeetingRecord, total: int) -> str:
    return f"{len(record.attendee_ids)} из {total}" if total else str(len(record.attendee_ids))


class MeetingsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            (
                Column(
                    "Дата", lambda r: date_text(r.meeting_date), 96, key=lambda r: r.meeting_date
                ),
                Column("Вид", lambda r: r.type.label, 140, key=lambda r: TYPE_ORDER[r.type]),
                Column("Тема", lambda r: r.topic, 200),
                Column(
                    "Пришли",
                    lambda r: _came(r, len(self.names)),
                    64,
                    key=lambda r: len(r.attendee_ids),
                    centred=True,
                ),
                Column("Заметки", lambda r: r.notes, 140),
            ),
            parent,
        )
        self.names: Mapping[int, str] = {}

    def set_meetings(self, records: Sequence[MeetingRecord], names: Mapping[int, str]) -> None:
        self.names = dict(names)
        self.set_rows(records)

    def tooltip(self, item: Any, column: int) -> str | None:
        record: MeetingRecord = item
        if column == 3:
            came = [n for i, n in self.names.items() if i in record.attendee_ids]
            missed = [n for i, n in self.names.items() if i not in record.attendee_ids]
            lines = ["Пришли: " + (", ".join(came) or "никто не отмечен")]
            if missed:
                lines.append("Не пришли: " + ", ".join(missed))
            return "\n".join(lines)
        return super().tooltip(item, column)


@dataclass(frozen=True)
class PlanStep:
    planned: PlannedMeeting
    meeting: MeetingRecord | None  # the logged meeting that counts for it

    @property
    def held(self) -> bool:
        return self.meeting is not None


def mark_held(
    plan: Sequence[PlannedMeeting], held: Sequence[MeetingRecord], today: date
) -> list[PlanStep]:
    """Each planned meeting with the logged meeting matched to it by date (services)."""
    return [PlanStep(p, m) for p, m in zip(plan, match_plan(plan, held, today), strict=True)]


SEQUENCE = (
    MeetingType.ORGANIZATIONAL,
    MeetingType.TRIAL,
    MeetingType.PLANNING,
    MeetingType.REGULAR,
)


def next_type(held: Sequence[MeetingRecord]) -> MeetingType:
    """The meeting after the furthest one of the standard sequence held: организационная,
    пробная, планирование, then регулярные (a pair that meets regularly is not sent back to a
    «пробная рабочая» it skipped)."""
    reached = [SEQUENCE.index(r.type) for r in held if r.type in SEQUENCE]
    return SEQUENCE[min(max(reached, default=-1) + 1, len(SEQUENCE) - 1)]


def step_text(step: PlanStep) -> str:
    mark = "✓ " if step.held else ""
    return f"{mark}{step.planned.day:%d.%m.%Y} — {step.planned.type.label}"


def step_tooltip(step: PlanStep) -> str:
    meeting = step.meeting
    if meeting is None:
        return step.planned.topic
    return (
        f"{step.planned.topic}\nВ журнале: {meeting.meeting_date:%d.%m.%Y} — {meeting.type.label}"
    )


def step_color(step: PlanStep, today: date) -> QBrush | None:
    if step.held:
        return QBrush(HELD)
    return None if step.planned.day >= today else QBrush(QColor("#8a8a8a"))
