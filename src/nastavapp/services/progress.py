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
