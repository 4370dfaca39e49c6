"""Pairs and groups of a demo year played out up to ``today``: status history, plans, meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import (
    GroupMember,
    GroupStatusChange,
    Meeting,
    MeetingAttendance,
    MentoringGroup,
    PlanItem,
)
from ..models.vocab import GroupStatus, MeetingType, MentoringForm, MentoringKind
from .demo_calendar import YearCalendar, weekday
from .demo_program import DISBAND, FORMING, STALL, Draft
from .demo_rows import Rows
from .demo_texts import (
    DISBAND_REASONS,
    FINAL_MEETING,
    FIRST_MEETING,
    MEETING_NOTES,
    PLANNING_MEETING,
    TRIAL_MEETING,
)

F = MentoringForm
# Days between regular meetings, by form.
GAPS: dict[MentoringForm, tuple[int, int]] = {
    F.STUDENT_STUDENT: (6, 12),
    F.TEACHER_STUDENT: (7, 14),
    F.TEACHER_TEACHER: (10, 18),
    F.UNISTUDENT_STUDENT: (7, 14),
    F.EMPLOYER_STUDENT: (14, 28),
}


@dataclass(frozen=True)
class PairsOrder:
    """The order «Об утверждении наставнических пар/групп» of the year."""

    id: int
    day: date
    number: str


@dataclass
class Outcome:
    """What became of a draft by ``today``."""

    draft: Draft
    group_id: int | None = None  # None: not formed yet
    status: GroupStatus | None = None
    start: date | None = None
    end: date | None = None
    reason: str = ""
    meetings: list[date] = field(default_factory=list)


def _skip_holidays(day: date) -> date:
    """Move a meeting out of the New Year holidays and off weekends."""
    if (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 10):
        day = date(day.year + (day.month == 12), 1, 12)
    return weekday(day)


class GroupBuilder:
    def __init__(self, rows: Rows, cal: YearCalendar, order: PairsOrder | None) -> None:
        self.rows = rows
        self.cal = cal
        self.rng = cal.rng
        self.order = order

    def build(self, draft: Draft) -> Outcome:
        cal, rng = self.cal, self.rng
        outcome = Outcome(draft)
        if draft.fate == FORMING:
            created = cal.pick_until_today(*cal.late_window)
        else:
            created = weekday(cal.matching + timedelta(days=rng.randint(0, 1)))
        if created is None or not cal.happened(created):
            return outcome
        history: list[tuple[GroupStatus, date, str]] = [(GroupStatus.FORMING, created, "")]
        order = self.order if draft.fate != FORMING else None
        if order is not None and cal.happened(order.day):
            outcome.start = order.day
            history.append(
                (
                    GroupStatus.APPROVED,
                    order.day,
                    f"Приказ от {order.day:%d.%m.%Y} № {order.number}",
                )
            )
            first = weekday(
                order.day + timedelta(days=rng.randint(1, 3 if draft.fate == STALL else 6))
            )
            if cal.happened(first):
                history.append((GroupStatus.ACTIVE, first, "Проведена организационная встреча"))
                self._finish(outcome, first, history)
        outcome.status = history[-1][0]
        outcome.group_id = self._write(outcome, history)
        return outcome

    def _finish(
        self, outcome: Outcome, first: date, history: list[tuple[GroupStatus, date, str]]
    ) -> None:
        """Meetings from the first one on, and the end (completed or disbanded) if it came."""
        cal, rng, draft = self.cal, self.rng, outcome.draft
        if draft.fate == DISBAND:
            end = weekday(first + timedelta(days=rng.randint(24, 40)))
            outcome.reason = rng.choice(DISBAND_REASONS)
        else:
            end = cal.pick_weekday(*cal.completion_window)
        ended = cal.happened(end)
        last = end - timedelta(days=1) if ended else cal.today
        outcome.meetings = self._meeting_days(draft, first, last)
        if ended:
            outcome.end = end
            if draft.fate == DISBAND:
                history.append((GroupStatus.DISBANDED, end, outcome.reason))
            else:
                outcome.meetings.append(end)
                history.append((GroupStatus.COMPLETED, end, "Программа наставничества завершена"))

    def _meeting_days(self, draft: Draft, first: date, last: date) -> list[date]:
        days = [first]
        day = first
        low, high = GAPS[draft.form]
        if draft.fate == STALL:
            low, high = 3, 5
        while True:
            day = _skip_holidays(day + timedelta(days=self.rng.randint(low, high)))
            if day > last or (draft.fate == STALL and len(days) >= 2):
                return days
            days.append(day)

    def _write(self, outcome: Outcome, history: list[tuple[GroupStatus, date, str]]) -> int:
        rows, cal, rng, draft = self.rows, self.cal, self.rng, outcome.draft
        if len(draft.mentees) == 1:
            kind = MentoringKind.INDIVIDUAL
        elif draft.form is F.TEACHER_STUDENT and rng.random() < 0.3:
            kind = MentoringKind.COLLECTIVE_INDIVIDUAL
        else:
            kind = MentoringKind.GROUP
        approved = outcome.start is not None
        group_id = rows.add(
            MentoringGroup,
            year_id=cal.year_id,
            mentor_id=draft.mentor.id,
            form=draft.form,
            role_model=draft.topic.role_model,
            kind=kind,
            format=rng.choice(draft.topic.formats),
            goal=draft.text(draft.topic.goal),
            start_date=outcome.start,
            planned_end_date=cal.planned_end,
            end_date=outcome.end,
            status=outcome.status,
            disband_reason=outcome.reason if outcome.status is GroupStatus.DISBANDED else "",
            order_id=self.order.id if approved and self.order else None,
        )
        for mentee in draft.mentees:
            rows.add(GroupMember, group_id=group_id, person_id=mentee.id)
        for status, day, note in history:
            rows.add(GroupStatusChange, group_id=group_id, status=status, changed_on=day, note=note)
        if approved:
            for mentee in draft.mentees:
                self._plan(group_id, outcome, mentee.id)
        self._meetings(group_id, outcome)
        return group_id

    def _plan(self, group_id: int, outcome: Outcome, mentee_id: int) -> None:
        cal, rng, draft = self.cal, self.rng, outcome.draft
        assert outcome.start is not None
        first = outcome.start + timedelta(days=14)
        span = (cal.planned_end - timedelta(days=7) - first).days
        tasks = draft.topic.tasks
        stop = min(outcome.end or cal.today, cal.today)
        for position, (direction, task, result) in enumerate(tasks, start=1):
            planned = weekday(
                first + timedelta(days=span * (position - 1) // max(1, len(tasks) - 1))
            )
            done = None
            if planned <= stop + timedelta(days=3) and rng.random() < 0.85:
                day = planned + timedelta(days=rng.randint(-6, 2))
                done = max(outcome.start + timedelta(days=1), min(day, stop))
            self.rows.add(
                PlanItem,
                group_id=group_id,
                mentee_id=mentee_id,
                position=position,
                direction=direction,
                task=draft.text(task),
                planned_date=planned,
                done_date=done,
                result=draft.text(result) if done else "",
            )

    def _meetings(self, group_id: int, outcome: Outcome) -> None:
        rows, rng, draft = self.rows, self.rng, outcome.draft
        topics = draft.topic.meetings
        count = len(outcome.meetings)
        planned = False
        for i, day in enumerate(outcome.meetings):
            final = outcome.status is GroupStatus.COMPLETED and i == count - 1
            if i == 0:
                kind, topic = MeetingType.ORGANIZATIONAL, FIRST_MEETING
            elif final:
                kind, topic = MeetingType.FINAL, FINAL_MEETING
            elif i == 1 and rng.random() < 0.25:
                kind, topic = MeetingType.TRIAL, TRIAL_MEETING
            elif not planned:
                kind, topic, planned = MeetingType.PLANNING, PLANNING_MEETING, True
            else:
                kind, topic = MeetingType.REGULAR, draft.text(topics[i % len(topics)])
            meeting_id = rows.add(
                Meeting,
                group_id=group_id,
                meeting_date=day,
                type=kind,
                topic=topic,
                notes=rng.choice(MEETING_NOTES),
            )
            everyone = kind in (MeetingType.ORGANIZATIONAL, MeetingType.FINAL)
            came = [m.id for m in draft.mentees if everyone or rng.random() < 0.9]
            if not came:
                came = [draft.mentees[0].id]
            for person_id in [draft.mentor.id, *came]:
                rows.add(MeetingAttendance, meeting_id=meeting_id, person_id=person_id)


def build_groups(
    rows: Rows, cal: YearCalendar, drafts: list[Draft], order: PairsOrder | None
) -> list[Outcome]:
    builder = GroupBuilder(rows, cal, order)
    return [builder.build(draft) for draft in drafts]
