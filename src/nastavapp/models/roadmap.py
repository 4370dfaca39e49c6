"""The school's roadmap (дорожная карта) of an academic year."""

from datetime import date

from sqlmodel import Field

from .base import Table
from .columns import enum_field
from .vocab import EventStatus, ResponsibleRole


class RoadmapEvent(Table, table=True):
    """Мероприятие дорожной карты. ``stage`` is a RoadmapStage number (1–7)."""

    __tablename__ = "roadmap_event"

    id: int | None = Field(default=None, primary_key=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    stage: int = Field(index=True)
    position: int = 0
    template_code: str = ""  # the template event it came from; empty for the curator's own
    name: str
    content: str = ""  # numbered sub-steps, one per line
    period_label: str = ""  # «Октябрь–ноябрь», «В течение года»
    start_date: date | None = None
    end_date: date | None = None
    responsible_role: ResponsibleRole | None = enum_field(ResponsibleRole, nullable=True)
    responsible_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL"
    )
    result: str = ""
    status: EventStatus = enum_field(EventStatus, default=EventStatus.NOT_STARTED)
    status_overridden: bool = False  # the curator set it by hand; automatic rules keep off
    completed_date: date | None = None
    note: str = ""
    document_id: int | None = Field(
        default=None, foreign_key="issued_document.id", ondelete="SET NULL"
    )
    evidence_path: str = ""
