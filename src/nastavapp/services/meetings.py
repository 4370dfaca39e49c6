"""Meetings of pairs and groups (stage 6): the log the curator keeps, who came, the standard
sequence proposed when a pair starts, counts per pair and pairs without a meeting too long.

The first meeting logged for a pair «утверждена приказом» moves it to «работает».
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from ..models import (
    AcademicYear,
    GroupStatusChange,
    Meeting,
    MeetingAttendance,
    MentoringGroup,
    Person,
)
from ..models.vocab import GroupStatus, MeetingType
from ..store import Store
from ..store.text import ru_sort_key
from .names import clean
from .pair_calendar import school_year_end, working_day
from .pair_rules import WORKING_STATUSES, sentence
from .pair_status import last_change, members_of, record_status

STALE_DAYS = 30  # a working pair without a meeting for longer is flagged
TOPICS: dict[MeetingType, str] = {
    MeetingType.ORGANIZATIONAL: "Знакомство, правила взаимодействия, ожидания от работы",
    MeetingType.TRIAL: "Пробная рабочая встреча: первое совместное задание",
    MeetingType.PLANNING: "Составление индивидуального плана развития",
    MeetingType.REGULAR: "Работа по индивидуальному плану",
    MeetingType.FINAL: "Подведение итогов работы, обсуждение результатов",
}


class MeetingError(ValueError):
    """A meeting cannot be saved; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class MeetingDraft:
    meeting_date: date
    type: MeetingType = MeetingType.REGULAR
    topic: str = ""
    notes: str = ""
    attendee_ids: frozenset[int] = field(default_factory=frozenset)  # mentor and mentees who came


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    group_id: int
    meeting_date: date
    type: MeetingType
    topic: str
    notes: str
    attendee_ids: frozenset[int]


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting of the standard sequence with its suggested date (not stored)."""

    type: MeetingType
    day: date
    topic: str


@dataclass(frozen=True)
class MeetingSummary:
    group_id: int
    held: int
    last_date: date | None
    days_without: int | None  # days since the last meeting (or the start) for a working pair
    stale: bool  # working, and no meeting for more than STALE_DAYS


# --- the log --------------------------------------------------------------------------------
def meetings_of(store: Store, group_id: int) -> list[MeetingRecord]:
    """The meeting log of a pair/group, oldest first."""
    with store.session() as session:
        rows = session.exec(
            select(Meeting)
            .where(Meeting.group_id == group_id)
            .order_by(col(Meeting.meeting_date), col(Meeting.id))
        ).all()
        came: dict[int, set[int]] = {}
        query = select(MeetingAttendance).where(
            col(MeetingAttendance.meeting_id).in_([m.id for m in rows])
        )
        for a in session.exec(query).all():
            came.setdefault(a.meeting_id, set()).add(a.person_id)
    return [
        MeetingRecord(
            m.id or 0,
            m.group_id,
            m.meeting_date,
            m.type,
            m.topic,
            m.notes,
            frozenset(came.get(m.id or 0, set())),
        )
        for m in rows
    ]


def _check(session: Session, group: MentoringGroup, draft: MeetingDraft, today: date) -> None:
    day = draft.meeting_date
    year = session.get(AcademicYear, group.year_id)
    if year is not None and not year.start_date <= day <= year.end_date:
        raise MeetingError(
            f"Дата встречи {day:%d.%m.%Y} вне учебного года {year.title} "
            f"({year.start_date:%d.%m.%Y} – {year.end_date:%d.%m.%Y})."
        )
    if day > today:
        raise MeetingError(f"Дата встречи {day:%d.%m.%Y} ещё не наступила.")
    if group.end_date is not None and day > group.end_date:
        raise MeetingError(
            f"Пара или группа {group.status.label} {group.end_date:%d.%m.%Y}: "
            "встреча после этой даты не записывается."
        )
    allowed = {group.mentor_id, *members_of(session, group.id or 0)}
    strangers = sorted(set(draft.attendee_ids) - allowed)
    if strangers:
        found = session.exec(select(Person).where(col(Person.id).in_(strangers))).all()
        names = sorted((p.short_name for p in found), key=ru_sort_key)
        who = ", ".join(names) or "участник удалён из базы"
        raise MeetingError(sentence(f"Отмечены участники не из этой пары или группы: {who}"))


def _group(session: Session, group_id: int) -> MentoringGroup:
    group = session.get(MentoringGroup, group_id)
    if group is None:
        raise MeetingError("Этой пары или группы уже нет в базе: обновите список.")
    return group


def _attendance(session: Session, meeting_id: int, people: Iterable[int]) -> None:
    for row in session.exec(
        select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)
    ).all():
        session.delete(row)
    session.flush()
    for person in sorted(set(people)):
        session.add(MeetingAttendance(meeting_id=meeting_id, person_id=person))


def add_meeting(store: Store, group_id: int, draft: MeetingDraft, *, today: date) -> int:
    """Log a meeting with who came; its id.

    Raises:
        MeetingError: the date is outside the academic year, in the future or after the pair
            ended, or someone marked is not in the pair/group.
    """
    with store.session() as session:
        group = _group(session, group_id)
        _check(session, group, draft, today)
        meeting = Meeting(
            group_id=group_id,
            meeting_date=draft.meeting_date,
            type=draft.type,
            topic=clean(draft.topic),
            notes=draft.notes.strip(),
        )
        session.add(meeting)
        session.flush()
        _attendance(session, meeting.id or 0, draft.attendee_ids)
        if group.status is GroupStatus.APPROVED:
            day = max(draft.meeting_date, last_change(session, group_id) or draft.meeting_date)
            note = f"Первая встреча {draft.meeting_date:%d.%m.%Y} ({draft.type.label})"
            record_status(session, group, GroupStatus.ACTIVE, day, note, today)
        session.commit()
        return meeting.id or 0


def update_meeting(store: Store, meeting_id: int, draft: MeetingDraft, *, today: date) -> None:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise MeetingError("Этой встречи уже нет: обновите список.")
        _check(session, _group(session, meeting.group_id), draft, today)
        meeting.meeting_date, meeting.type = draft.meeting_date, draft.type
        meeting.topic, meeting.notes = clean(draft.topic), draft.notes.strip()
        session.add(meeting)
        _attendance(session, meeting_id, draft.attendee_ids)
        session.commit()


def delete_meeting(store: Store, meeting_id: int) -> None:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is not None:
            session.delete(meeting)
            session.commit()


# --- the standard sequence ------------------------------------------------------------------
def _back_to_working(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def standard_sequence(start: date, end: date, *, every_days: int = 14) -> list[PlannedMeeting]:
    """организационная → пробная рабочая → встреча-планирование → регулярные every
    ``every_days`` → заключительная at ``end``, on working days (seed 004, stage 6)."""
    days = [working_day(start)]
    for _ in range(2):
        days.append(working_day(days[-1] + timedelta(days=7)))
    kinds = [MeetingType.ORGANIZATIONAL, MeetingType.TRIAL, MeetingType.PLANNING]
    final = _back_to_working(end)
    while (day := working_day(days[-1] + timedelta(days=max(1, every_days)))) <= final - timedelta(
        days=7
    ):
        days.append(day)
        kinds.append(MeetingType.REGULAR)
    days.append(max(final, working_day(days[-1] + timedelta(days=7))))
    kinds.append(MeetingType.FINAL)
    return [PlannedMeeting(kind, day, TOPICS[kind]) for kind, day in zip(kinds, days, strict=True)]


def propose_meetings(
    store: Store, group_id: int, *, today: date, every_days: int = 14
) -> list[PlannedMeeting]:
    """The standard sequence for a pair: from its start (or ``today``) to its planned end
    (default 25 May of the academic year). Nothing is stored."""
    with store.session() as session:
        group = _group(session, group_id)
        year = session.get(AcademicYear, group.year_id)
    end = group.planned_end_date or school_year_end(year.end_date if year else today)
    return standard_sequence(group.start_date or today, end, every_days=every_days)


# --- counts ---------------------------------------------------------------------------------
def meeting_summaries(
    store: Store, year_id: int, today: date, *, stale_after: int = STALE_DAYS
) -> dict[int, MeetingSummary]:
    """Group id → meetings held, the last one, and the flag «нет встреч больше 30 дней»
    (only for pairs «утверждена приказом» or «работает»; counted from the start when none)."""
    with store.session() as session:
        groups = session.exec(select(MentoringGroup).where(MentoringGroup.year_id == year_id)).all()
        ids = [g.id for g in groups]
        held = {
            group_id: (int(n), last)
            for group_id, n, last in session.exec(
                select(Meeting.group_id, func.count(), func.max(col(Meeting.meeting_date)))
                .where(col(Meeting.group_id).in_(ids), col(Meeting.meeting_date) <= today)
                .group_by(col(Meeting.group_id))
            ).all()
        }
        changes = dict(
            session.exec(
                select(GroupStatusChange.group_id, func.max(col(GroupStatusChange.changed_on)))
                .where(col(GroupStatusChange.group_id).in_(ids))
                .group_by(col(GroupStatusChange.group_id))
            ).all()
        )
    found = {}
    for g in groups:
        count, last = held.get(g.id or 0, (0, None))
        since = last or g.start_date or changes.get(g.id or 0)
        days = (today - since).days if since and g.status in WORKING_STATUSES else None
        found[g.id or 0] = MeetingSummary(
            g.id or 0, count, last, days, days is not None and days > stale_after
        )
    return found


def stale_groups(
    store: Store, year_id: int, today: date, *, days: int = STALE_DAYS
) -> list[MeetingSummary]:
    """Working pairs/groups with no meeting for more than ``days`` days, longest first."""
    found = meeting_summaries(store, year_id, today, stale_after=days).values()
    return sorted((s for s in found if s.stale), key=lambda s: -(s.days_without or 0))
