"""Column helpers shared by the table modules."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field


def enum_field(
    enum_cls: type[Enum], *, nullable: bool = False, default: Any = None, index: bool = False
) -> Any:
    """A column that stores an enum by its value (stable lower-case code), not by its name."""
    column: sa.Column[Any] = sa.Column(
        sa.Enum(
            enum_cls,
            values_callable=lambda members: [m.value for m in members],
            native_enum=False,
            length=32,
            validate_strings=True,
        ),
        nullable=nullable,
        index=index,
    )
    if default is None:
        return Field(default=None, sa_column=column)
    return Field(default=default, sa_column=column)


def json_field(default_factory: Any = list) -> Any:
    """A JSON column (lists of codes and similar small structures)."""
    return Field(default_factory=default_factory, sa_column=sa.Column(sa.JSON, nullable=False))


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
