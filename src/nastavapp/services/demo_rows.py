"""Rows of the demonstration school collected in memory and inserted in bulk.

The demo file is new, so ids are handed out here (from the table's current maximum on), and
each table goes in with one executemany in one transaction: the large school (tens of
thousands of rows) is written in about a second.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from pydantic_core import PydanticUndefined
from sqlmodel import Session, SQLModel, func, select

from ..models import (
    Answer,
    Consent,
    GroupMember,
    GroupStatusChange,
    IssuedDocument,
    Meeting,
    MeetingAttendance,
    MenteeRequest,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
    PlanItem,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
    TrainingAttendance,
    TrainingEvent,
)

# Parents before children, for the foreign keys.
INSERT_ORDER: tuple[type[SQLModel], ...] = (
    Person,
    Consent,
    IssuedDocument,
    Participation,
    MenteeRequest,
    MentorCompetence,
    TrainingEvent,
    TrainingAttendance,
    MentoringGroup,
    GroupMember,
    GroupStatusChange,
    PlanItem,
    Meeting,
    MeetingAttendance,
    QuestionnaireTemplate,
    QuestionItem,
    QuestionnaireResponse,
    Answer,
)


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Each column's default (default factories called once: a shared timestamp is fine)."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.default is not PydanticUndefined:
            values[name] = info.default
        elif info.default_factory is not None:
            values[name] = info.default_factory()  # type: ignore[call-arg]
    return values


class Rows:
    """Rows waiting to be inserted, by table; ``add`` returns the new row's id."""

    def __init__(self) -> None:
        self._rows: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
        self._next: dict[type[SQLModel], int] = {}
        self._defaults = {model: _defaults(model) for model in INSERT_ORDER}

    def start_ids(self, session: Session) -> None:
        """Continue after the rows already in the file (the set-up wrote a few)."""
        for model in INSERT_ORDER:
            if "id" in model.model_fields:
                top = session.exec(select(func.max(model.id))).one()  # type: ignore[attr-defined]
                self._next[model] = int(top or 0) + 1

    def next_id(self, model: type[SQLModel]) -> int:
        value = self._next.get(model, 1)
        self._next[model] = value + 1
        return value

    def add(self, model: type[SQLModel], **values: Any) -> int:
        row = dict(self._defaults[model])
        row.update(values)
        if "id" in row and row["id"] is None:
            row["id"] = self.next_id(model)
        self._rows[model].append(row)
        return int(row.get("id") or 0)

    def count(self, model: type[SQLModel]) -> int:
        return len(self._rows[model])

    def rows(self, model: type[SQLModel]) -> list[dict[str, Any]]:
        return self._rows[model]

    def insert(self, session: Session) -> None:
        """Insert everything collected, parents first, in the session's transaction."""
        for model in INSERT_ORDER:
            rows = self._rows.get(model)
            if rows:
                table: sa.Table = model.__table__  # type: ignore[attr-defined]
                session.execute(sa.insert(table), rows)
        self._rows.clear()
