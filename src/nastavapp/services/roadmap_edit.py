"""The curator's changes to a year's roadmap: add, edit, remove and reorder events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from ..models import IssuedDocument, RoadmapEvent
from ..models.vocab import DocumentKind, EventStatus, ResponsibleRole, RoadmapStage
from ..store import Store
from .names import clean

# ``EventChanges.responsible_person_id = NO_PERSON`` clears the person (None leaves it as is).
NO_PERSON = 0


class RoadmapEditError(ValueError):
    """A change that cannot be saved; ``str()`` is the Russian message."""


@dataclass
class EventChanges:
    """Fields of an event the curator edits; ``None`` leaves a field as it is."""

    name: str | None = None
    content: str | None = None
    period_label: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    responsible_role: ResponsibleRole | None = None
    responsible_person_id: int | None = None
    result: str | None = None
    status: EventStatus | None = None
    completed_date: date | None = None
    note: str | None = None
    evidence_path: str | None = None
    document_id: int | None = None

    def fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def _check_dates(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise RoadmapEditError("Дата окончания раньше даты начала: проверьте сроки мероприятия.")


def _stage_events(session: Session, year_id: int, stage: int) -> list[RoadmapEvent]:
    query = (
        select(RoadmapEvent)
        .where(RoadmapEvent.year_id == year_id, RoadmapEvent.stage == stage)
        .order_by(col(RoadmapEvent.position), col(RoadmapEvent.id))
    )
    return list(session.exec(query).all())


def add_event(
    store: Store, year_id: int, stage: RoadmapStage, name: str, changes: EventChanges | None = None
) -> RoadmapEvent:
    """Append the curator's own event at the end of ``stage``."""
    if not clean(name):
        raise RoadmapEditError("Укажите название мероприятия.")
    fields = (changes or EventChanges()).fields()
    fields.pop("name", None)
    if fields.get("responsible_person_id") == NO_PERSON:
        del fields["responsible_person_id"]
    _check_dates(fields.get("start_date"), fields.get("end_date"))
    with store.session() as session:
        last = len(_stage_events(session, year_id, stage.value))
        event = RoadmapEvent(
            year_id=year_id, stage=stage.value, position=last + 1, name=clean(name), **fields
        )
        session.add(event)
        session.commit()
        session.refresh(event)
        return event


def update_event(store: Store, event_id: int, changes: EventChanges) -> RoadmapEvent:
    """Save the curator's edit; a status set by hand is kept from then on (no automatic rule)."""
    with store.session() as session:
        event = session.get(RoadmapEvent, event_id)
        if event is None:
            raise RoadmapEditError("Мероприятие не найдено: возможно, оно уже удалено.")
        fields = changes.fields()
        if "name" in fields and not clean(fields["name"]):
            raise RoadmapEditError("Название мероприятия не может быть пустым.")
        _check_dates(
            fields.get("start_date", event.start_date), fields.get("end_date", event.end_date)
        )
        if "status" in fields and fields["status"] != event.status:
            event.status_overridden = True
            if fields["status"] is EventStatus.DONE and "completed_date" not in fields:
                fields["completed_date"] = date.today()
            if fields["status"] is not EventStatus.DONE:
                fields["completed_date"] = None
        if fields.get("responsible_person_id") == NO_PERSON:
            fields["responsible_person_id"] = None
        for key, value in fields.items():
            setattr(event, key, value)
        session.add(event)
        session.commit()
        session.refresh(event)
        return event


def delete_event(store: Store, event_id: int) -> RoadmapEvent | None:
    """Remove an event; returns the removed row (detached) so the caller can offer to undo."""
    with store.session() as session:
        event = session.get(RoadmapEvent, event_id)
        if event is None:
            return None
        removed = RoadmapEvent.model_validate(event.model_dump())
        session.delete(event)
        session.commit()
        _renumber(store, event.year_id, event.stage)
        return removed


def restore_event(store: Store, removed: RoadmapEvent) -> RoadmapEvent:
    """Put back an event removed by ``delete_event`` at its old place (undo)."""
    with store.session() as session:
        for other in _stage_events(session, removed.year_id, removed.stage):
            if other.position >= removed.position:
                other.position += 1
                session.add(other)
        session.add(removed)
        session.commit()
        session.refresh(removed)
        return removed


def move_event(store: Store, event_id: int, step: int) -> None:
    """Move an event up (step -1) or down (+1) within its stage."""
    with store.session() as session:
        event = session.get(RoadmapEvent, event_id)
        if event is None:
            return
        events = _stage_events(session, event.year_id, event.stage)
        index = next(i for i, e in enumerate(events) if e.id == event_id)
        target = index + step
        if not 0 <= target < len(events):
            return
        events[index], events[target] = events[target], events[index]
        for position, item in enumerate(events, start=1):
            item.position = position
            session.add(item)
        session.commit()


def _renumber(store: Store, year_id: int, stage: int) -> None:
    with store.session() as session:
        for position, item in enumerate(_stage_events(session, year_id, stage), start=1):
            item.position = position
            session.add(item)
        session.commit()


# Orders that roadmap events usually produce (the register of issued documents keeps them).
EVENT_ORDER_KINDS: dict[str, DocumentKind] = {
    "s1_appoint_curator": DocumentKind.ORDER_INTRODUCTION,
    "s1_regulations": DocumentKind.ORDER_REGULATIONS,
    "s5_approve_pairs": DocumentKind.ORDER_PAIRS,
    "s7_final_event": DocumentKind.ORDER_FINAL_EVENT,
    "s7_reward": DocumentKind.ORDER_REWARD,
}


def event_order(store: Store, event: RoadmapEvent) -> IssuedDocument | None:
    if event.document_id is None:
        return None
    with store.session() as session:
        return session.get(IssuedDocument, event.document_id)


def set_event_order(store: Store, event_id: int, number: str, issued_on: date | None) -> None:
    """Record the order (number and date) an event produced; an empty number unlinks it."""
    number = clean(number)
    with store.session() as session:
        event = session.get(RoadmapEvent, event_id)
        if event is None:
            raise RoadmapEditError("Мероприятие не найдено: возможно, оно уже удалено.")
        document = session.get(IssuedDocument, event.document_id) if event.document_id else None
        if not number:
            event.document_id = None
        else:
            if document is None:
                kind = EVENT_ORDER_KINDS.get(event.template_code, DocumentKind.OTHER)
                document = IssuedDocument(year_id=event.year_id, kind=kind, title=event.name)
            document.number = number
            document.issued_on = issued_on
            session.add(document)
            session.flush()
            event.document_id = document.id
        session.add(event)
        session.commit()
