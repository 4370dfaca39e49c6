"""The municipal centre's tables: the schools' reports it received and the schools it expects.

They live in the municipal data file («Муниципальный центр» mode), separate from any school's;
in a school's file they stay empty.
"""

from datetime import date, datetime
from typing import Any

from sqlmodel import Field

from .base import Table
from .columns import json_field, utc_now


class MunicipalReport(Table, table=True):
    """A school's report (its «data» sheet) as received by the coordinator for one year.

    One report per school and year is current; a later one replaces it (``superseded``, with
    ``replaced_by_id`` pointing at the newer row) and the earlier stays as history.
    """

    __tablename__ = "municipal_report"

    id: int | None = Field(default=None, primary_key=True)
    school_key: str = Field(index=True)  # «code:…» or «name:<full name>|<municipality>», folded
    full_name: str
    short_name: str = ""
    municipality: str = ""
    code: str = ""
    year: str = Field(index=True)  # «2025/2026»
    reference_date: date | None = None  # the date the school's figures were counted at
    generated_at: str = ""  # when the school's program wrote the file: its local time, ISO
    received_at: datetime = Field(default_factory=utc_now)
    source_file: str = ""  # the file's name as received
    format_version: int = 1
    figures: dict[str, Any] = json_field(dict)  # the «data» rows, keys with dots
    superseded: bool = False
    replaced_by_id: int | None = Field(
        default=None, foreign_key="municipal_report.id", ondelete="SET NULL"
    )


class ExpectedSchool(Table, table=True):
    """A school the coordinator expects a report from (the municipality's list of schools)."""

    __tablename__ = "expected_school"

    id: int | None = Field(default=None, primary_key=True)
    full_name: str
    short_name: str = ""
    code: str = ""
    added_at: datetime = Field(default_factory=utc_now)
