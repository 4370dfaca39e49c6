"""Register of issued documents (orders, roadmap, reports)."""

from datetime import date, datetime

from sqlmodel import Field

from .base import Table
from .columns import enum_field, utc_now
from .vocab import DocumentKind


class IssuedDocument(Table, table=True):
    """Выпущенный документ: приказ (number and date) or a generated file."""

    __tablename__ = "issued_document"

    id: int | None = Field(default=None, primary_key=True)
    year_id: int | None = Field(
        default=None, foreign_key="academic_year.id", ondelete="SET NULL", index=True
    )
    kind: DocumentKind = enum_field(DocumentKind)
    number: str = ""
    issued_on: date | None = None
    title: str = ""
    file_path: str = ""
    created_at: datetime = Field(default_factory=utc_now)
