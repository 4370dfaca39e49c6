"""The base class of every table."""

from __future__ import annotations

from pydantic import ConfigDict
from sqlmodel import SQLModel


class Table(SQLModel):
    """A table: pydantic builds its validator on first use instead of at import, which keeps
    25 of them from costing the program's start-up (table objects are not validated anyway)."""

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]
