"""Pairs and groups, their members, status history, individual plans and meetings."""

from datetime import date

from sqlmodel import Field

from .base import Table
from .columns import enum_field
from .vocab import GroupStatus, MeetingType, MentoringForm, MentoringFormat, MentoringKind


class MentoringGroup(Table, table=True):
    """Наставническая пара (one mentee) или группа (several mentees)."""

    __tablename__ = "mentoring_group"

    id: int | None = Field(default=None, primary_key=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    mentor_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    form: MentoringForm = enum_field(MentoringForm)
    role_model: str = ""
    kind: MentoringKind = enum_field(MentoringKind, default=MentoringKind.INDIVIDUAL)
    format: MentoringFormat = enum_field(MentoringFormat, default=MentoringFormat.CLASSIC)
    goal: str = ""
    start_date: date | None = None
    planned_end_date: date | None = None
    end_date: date | None = None
    status: GroupStatus = enum_field(GroupStatus, default=GroupStatus.FORMING, index=True)
    disband_reason: str = ""
    order_id: int | None = Field(
        default=None, foreign_key="issued_document.id", ondelete="SET NULL"
    )


class GroupMember(Table, table=True):
    """Наставляемый в паре/группе."""

    __tablename__ = "group_member"

    group_id: int = Field(foreign_key="mentoring_group.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)


class GroupStatusChange(Table, table=True):
    """Dated history of a pair's status."""

    __tablename__ = "group_status_change"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="mentoring_group.id", ondelete="CASCADE", index=True)
    status: GroupStatus = enum_field(GroupStatus)
    changed_on: date
    note: str = ""


class PlanItem(Table, table=True):
    """Пункт индивидуального плана развития (ИОМ / персонализированной программы)."""

    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="mentoring_group.id", ondelete="CASCADE", index=True)
    mentee_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    position: int = 0
    direction: str = ""
    task: str
    planned_date: date | None = None
    done_date: date | None = None
    result: str = ""


class Meeting(Table, table=True):
    """Встреча пары/группы, recorded by the curator."""

    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="mentoring_group.id", ondelete="CASCADE", index=True)
    meeting_date: date
    type: MeetingType = enum_field(MeetingType, default=MeetingType.REGULAR)
    topic: str = ""
    notes: str = ""


class MeetingAttendance(Table, table=True):
    __tablename__ = "meeting_attendance"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
