"""A person's role in an academic year: mentee with requests, mentor with competences."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from .base import Table
from .columns import enum_field
from .vocab import MentoringForm, RequestSource, Role


class Participation(Table, table=True):
    """Участие в программе наставничества в учебном году (one row per role; both = two rows).

    ``status`` holds a MentorStatus code for mentors and a MenteeStatus code for mentees.
    """

    __tablename__ = "participation"
    __table_args__ = (sa.UniqueConstraint("person_id", "year_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    role: Role = enum_field(Role)
    status: str
    form: MentoringForm | None = enum_field(MentoringForm, nullable=True)
    # mentor
    capacity: int = 1  # how many mentees the mentor can take
    interests: str = ""
    interview_date: date | None = None
    training_date: date | None = None
    ready_date: date | None = None
    # mentee left without a pair
    needs_support: bool = False  # psychological support while the search goes on
    note: str = ""
    joined_date: date | None = None


class MenteeRequest(Table, table=True):
    """Запрос наставляемого (or a teacher's professional deficit) and who named it."""

    __tablename__ = "mentee_request"

    id: int | None = Field(default=None, primary_key=True)
    participation_id: int = Field(foreign_key="participation.id", ondelete="CASCADE", index=True)
    text: str
    source: RequestSource = enum_field(RequestSource, default=RequestSource.SELF)


class MentorCompetence(Table, table=True):
    """Компетенция или предмет наставника, matched against mentees' requests."""

    __tablename__ = "mentor_competence"

    id: int | None = Field(default=None, primary_key=True)
    participation_id: int = Field(foreign_key="participation.id", ondelete="CASCADE", index=True)
    text: str


class TrainingEvent(Table, table=True):
    """Занятие «Школы наставников»."""

    __tablename__ = "training_event"

    id: int | None = Field(default=None, primary_key=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    title: str
    event_date: date


class TrainingAttendance(Table, table=True):
    __tablename__ = "training_attendance"

    event_id: int = Field(foreign_key="training_event.id", ondelete="CASCADE", primary_key=True)
    participation_id: int = Field(
        foreign_key="participation.id", ondelete="CASCADE", primary_key=True
    )
