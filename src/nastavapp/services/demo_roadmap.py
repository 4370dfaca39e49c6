"""Orders of a demo year and its roadmap «half done» as of ``today``."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, col, select

from ..models import IssuedDocument, RoadmapEvent
from ..models.vocab import DocumentKind, EventStatus
from .demo_calendar import YearCalendar
from .demo_rows import Rows

D = DocumentKind
# Events a real order stands behind (template code → the order).
EVENT_DOCUMENTS = {
    "s1_appoint_curator": D.ORDER_INTRODUCTION,
    "s1_regulations": D.ORDER_REGULATIONS,
    "s5_approve_pairs": D.ORDER_PAIRS,
    "s7_final_event": D.ORDER_FINAL_EVENT,
    "s7_reward": D.ORDER_REWARD,
}
# Events the curator may leave overdue in the demo (nothing else depends on them).
MAY_BE_OVERDUE = ("s1_inform", "s1_study_materials")


def issue_orders(
    rows: Rows, cal: YearCalendar, title: str
) -> dict[DocumentKind, tuple[int, date, str]]:
    """The year's orders issued by ``today``: kind → (id, date, number «112-о»)."""
    rng = cal.rng
    autumn = rng.randint(86, 102)
    spring = rng.randint(55, 70)
    plan = (
        (
            D.ORDER_INTRODUCTION,
            cal.order_intro,
            autumn,
            "О внедрении целевой модели наставничества и назначении куратора",
        ),
        (
            D.ORDER_REGULATIONS,
            cal.order_regulations,
            autumn + rng.randint(1, 4),
            f"Об утверждении Положения о наставничестве, программы наставничества и дорожной карты на {title} учебный год",
        ),
        (
            D.ORDER_PAIRS,
            cal.order_pairs,
            autumn + rng.randint(10, 18),
            f"Об утверждении наставнических пар/групп на {title} учебный год",
        ),
        (
            D.ORDER_FINAL_EVENT,
            cal.order_final_event,
            spring,
            "О проведении итогового мероприятия программы наставничества",
        ),
        (
            D.ORDER_REWARD,
            cal.order_reward,
            spring + rng.randint(3, 8),
            f"О поощрении участников наставнической деятельности по итогам {title} учебного года",
        ),
    )
    issued = {}
    for kind, day, number, text in plan:
        if cal.happened(day):
            doc_id = rows.add(
                IssuedDocument,
                year_id=cal.year_id,
                kind=kind,
                number=f"{number}-о",
                issued_on=day,
                title=text,
            )
            issued[kind] = (doc_id, day, f"{number}-о")
    return issued


def _data_dates(cal: YearCalendar) -> dict[str, date]:
    """When the demo's data show an event done (earlier than the template's period at times)."""
    return {
        "s1_appoint_curator": cal.order_intro,
        "s1_regulations": cal.order_regulations,
        "s1_choose_forms": cal.order_regulations,
        "s2_teacher_requests": cal.start + timedelta(days=14),
        "s2_mentee_data": cal.mentee_window[1] - timedelta(days=2),
        "s3_mentor_data": cal.mentor_window[1] - timedelta(days=2),
        "s2_mentee_base": cal.mentee_window[1],
        "s3_mentor_base": cal.mentor_window[1],
        "s3_external_mentors": cal.mentor_window[1],
        "s4_selection": cal.interview_window[1],
        "s4_training_plan": cal.training[0] - timedelta(days=3),
        "s4_training": cal.training[1],
        "s5_matching": cal.matching,
        "s5_approve_pairs": cal.order_pairs,
        "s5_plans": cal.order_pairs + timedelta(days=14),
        "s6_first_meetings": cal.order_pairs + timedelta(days=10),
        "s7_final_event": cal.order_final_event + timedelta(days=5),
        "s7_reward": cal.order_reward,
    }


def mark_roadmap(
    session: Session, cal: YearCalendar, documents: dict[DocumentKind, tuple[int, date, str]]
) -> None:
    """Done what is past (one or two left overdue in the current year), in progress what is on."""
    rng = cal.rng
    events = list(
        session.exec(
            select(RoadmapEvent)
            .where(RoadmapEvent.year_id == cal.year_id)
            .order_by(col(RoadmapEvent.stage), col(RoadmapEvent.position))
        ).all()
    )
    data = _data_dates(cal)
    overdue: list[str] = []
    if cal.is_current:
        late = [
            e.template_code
            for e in events
            if e.template_code in MAY_BE_OVERDUE and e.end_date and e.end_date < cal.today
        ]
        overdue = rng.sample(late, min(len(late), rng.randint(1, 2)))
    for event in events:
        done_on = data.get(event.template_code)
        if done_on is not None and event.start_date is not None and done_on < event.start_date:
            # the work was done early, but an event is marked done within its own dates
            done_on = event.start_date + timedelta(days=rng.randint(0, 6))
            if event.end_date is not None:
                done_on = min(done_on, event.end_date)
        status, completed = EventStatus.NOT_STARTED, None
        if event.template_code in overdue:
            status = EventStatus.IN_PROGRESS if overdue.index(event.template_code) == 0 else status
        elif done_on is not None and cal.happened(done_on):
            status, completed = EventStatus.DONE, done_on
        elif event.end_date is not None and event.end_date < cal.now:
            status = EventStatus.DONE
            completed = event.end_date - timedelta(days=rng.randint(0, 6))
        elif event.start_date is not None and event.start_date <= cal.today:
            status = EventStatus.IN_PROGRESS
        event.status = status
        event.completed_date = cal.clamp(completed) if completed else None
        kind = EVENT_DOCUMENTS.get(event.template_code)
        if kind is not None and kind in documents:
            event.document_id = documents[kind][0]
        session.add(event)
