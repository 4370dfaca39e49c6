"""Progress of the roadmap stages of a year: what is done and what is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from ..models import RoadmapEvent
from ..models.vocab import EventStatus, RoadmapStage
from ..store import Store

CLOSED = (EventStatus.DONE, EventStatus.NOT_REQUIRED)


@dataclass(frozen=True)
class StageProgress:
    stage: RoadmapStage
    total: int
    done: int
    overdue: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def is_overdue(event: RoadmapEvent, today: date) -> bool:
    """Past its end date and neither done nor marked «не требуется»."""
    return event.end_date is not None and event.end_date < today and event.status not in CLOSED


def year_events(store: Store, year_id: int) -> list[RoadmapEvent]:
    with store.session() as session:
        query = (
            select(RoadmapEvent)
            .where(RoadmapEvent.year_id == year_id)
            .order_by(RoadmapEvent.stage, RoadmapEvent.position)
        )
        return list(session.exec(query).all())


def stage_progress(store: Store, year_id: int, today: date) -> dict[RoadmapStage, StageProgress]:
    events = year_events(store, year_id)
    result = {}
    for stage in RoadmapStage:
        mine = [e for e in events if e.stage == stage.value]
        result[stage] = StageProgress(
            stage=stage,
            total=len(mine),
            done=sum(e.status in CLOSED for e in mine),
            overdue=sum(is_overdue(e, today) for e in mine),
        )
    return result


@dataclass(frozen=True)
class RoadmapSummary:
    events: int
    done: int
    overdue: int
    current_stage: RoadmapStage

    def as_dict(self) -> dict[str, int]:
        return {
            "events": self.events,
            "done": self.done,
            "overdue": self.overdue,
            "current_stage": self.current_stage.value,
        }


# Events that run all year («В течение года») say nothing about where the school is.
_YEAR_LONG_DAYS = 200


def _timed_start(event: RoadmapEvent) -> date | None:
    if event.start_date is None or event.end_date is None:
        return None
    if (event.end_date - event.start_date).days >= _YEAR_LONG_DAYS:
        return None
    return event.start_date


def current_stage(events: list[RoadmapEvent], today: date) -> RoadmapStage:
    """The latest stage whose work has begun (by its dated events or by statuses) and is not
    complete; when every begun stage is complete, the next one."""
    begun, unfinished = set(), set()
    for event in events:
        start = _timed_start(event)
        started = start is not None and start <= today
        if started or event.status in (EventStatus.IN_PROGRESS, EventStatus.DONE):
            begun.add(event.stage)
        if event.status not in CLOSED:
            unfinished.add(event.stage)
    open_begun = begun & unfinished
    if open_begun:
        return RoadmapStage(max(open_begun))
    remaining = sorted(unfinished - begun) or [RoadmapStage.COMPLETION.value]
    return RoadmapStage(remaining[0])


def roadmap_summary(store: Store, year_id: int, today: date) -> RoadmapSummary:
    events = year_events(store, year_id)
    return RoadmapSummary(
        events=len(events),
        done=sum(e.status in CLOSED for e in events),
        overdue=sum(is_overdue(e, today) for e in events),
        current_stage=current_stage(events, today),
    )


def due_soon(events: list[RoadmapEvent], today: date, days: int = 30) -> list[RoadmapEvent]:
    """Unfinished events running now or starting or ending within the next ``days`` days (not
    overdue ones, and not year-long ones in their middle: those say nothing about this month)."""
    horizon = date.fromordinal(today.toordinal() + days)

    def near(day: date | None) -> bool:
        return day is not None and today <= day <= horizon

    def running(event: RoadmapEvent) -> bool:
        start = _timed_start(event)
        return start is not None and start <= today

    chosen = [
        e
        for e in events
        if e.status not in CLOSED
        and not is_overdue(e, today)
        and (near(e.start_date) or near(e.end_date) or running(e))
    ]
    return sorted(chosen, key=lambda e: (e.end_date or horizon, e.stage, e.position))


def next_step(events: list[RoadmapEvent], today: date) -> RoadmapEvent | None:
    """What to do now: the longest overdue event, else the earliest one due, else the next open."""
    overdue = sorted(
        (e for e in events if is_overdue(e, today)),
        key=lambda e: (e.end_date or today, e.stage, e.position),
    )
    if overdue:
        return overdue[0]
    upcoming = sorted(
        (e for e in events if e.status not in CLOSED and e.start_date is not None),
        key=lambda e: (e.end_date or today, e.stage, e.position),
    )
    return upcoming[0] if upcoming else None
