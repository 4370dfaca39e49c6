"""Roadmap events that complete themselves from the data, and say why.

A rule only raises an event's status (не начато → в работе → выполнено), never lowers it, and
never touches an event the curator set by hand (``status_overridden``). Besides the template's
rules, an event whose result is an order (``ORDER_MEANS``) is done once that order is issued
(the curator appointed, the Положение approved, the mentors rewarded); the final event is only
begun by its order: it is still to be held.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from ..models import (
    IssuedDocument,
    Meeting,
    MentoringGroup,
    Participation,
    QuestionnaireResponse,
    QuestionnaireTemplate,
    RoadmapEvent,
)
from ..models.vocab import (
    EventStatus,
    GroupStatus,
    MentorStatus,
    QuestionnairePhase,
    Role,
)
from ..store import Store

RANK = {EventStatus.NOT_STARTED: 0, EventStatus.IN_PROGRESS: 1, EventStatus.DONE: 2}


@dataclass(frozen=True)
class RuleVerdict:
    status: EventStatus
    reason: str  # Russian, shown beside the event («отмечено по данным: …»)
    by_order: bool = False  # the event's own order says it: the order is shown already
    on: date | None = None  # when the data say it was done (an order's date), if they know


def _count(session: Session, query: Any) -> int:
    return int(session.exec(query).one())


def _participants(session: Session, year_id: int, role: Role) -> int:
    return _count(
        session,
        select(func.count()).where(Participation.year_id == year_id, Participation.role == role),
    )


def _mentees_exist(session: Session, year_id: int) -> RuleVerdict | None:
    n = _participants(session, year_id, Role.MENTEE)
    return RuleVerdict(EventStatus.IN_PROGRESS, f"в базе наставляемых {n} чел.") if n else None


def _mentors_exist(session: Session, year_id: int) -> RuleVerdict | None:
    n = _participants(session, year_id, Role.MENTOR)
    return RuleVerdict(EventStatus.IN_PROGRESS, f"в базе наставников {n} чел.") if n else None


def _mentors_trained(session: Session, year_id: int) -> RuleVerdict | None:
    statuses = session.exec(
        select(Participation.status).where(
            Participation.year_id == year_id, Participation.role == Role.MENTOR
        )
    ).all()
    ready = sum(s in (MentorStatus.TRAINED.value, MentorStatus.ACTIVE.value) for s in statuses)
    if not ready:
        return None
    if ready == len(statuses):
        return RuleVerdict(EventStatus.DONE, f"обучение прошли все наставники ({ready})")
    return RuleVerdict(EventStatus.IN_PROGRESS, f"обучение прошли {ready} из {len(statuses)}")


def _pairs_approved(session: Session, year_id: int) -> RuleVerdict | None:
    formed, approved = session.exec(
        select(func.count(), func.count(col(MentoringGroup.order_id))).where(
            MentoringGroup.year_id == year_id, col(MentoringGroup.status) != GroupStatus.DISBANDED
        )
    ).one()
    if not formed:
        return None
    if approved:
        return RuleVerdict(EventStatus.DONE, f"пары и группы утверждены приказом ({approved})")
    return RuleVerdict(EventStatus.IN_PROGRESS, f"сформировано пар и групп: {formed}")


def _meetings_held(session: Session, year_id: int) -> RuleVerdict | None:
    n = _count(
        session,
        select(func.count())
        .select_from(Meeting)
        .join(MentoringGroup, col(MentoringGroup.id) == col(Meeting.group_id))
        .where(MentoringGroup.year_id == year_id),
    )
    return RuleVerdict(EventStatus.IN_PROGRESS, f"проведено встреч: {n}") if n else None


def _final_questionnaires(session: Session, year_id: int) -> RuleVerdict | None:
    n = _count(
        session,
        select(func.count())
        .select_from(QuestionnaireResponse)
        .join(
            QuestionnaireTemplate,
            col(QuestionnaireTemplate.id) == col(QuestionnaireResponse.template_id),
        )
        .where(
            QuestionnaireTemplate.year_id == year_id,
            QuestionnaireTemplate.phase == QuestionnairePhase.FINAL,
        ),
    )
    return RuleVerdict(EventStatus.IN_PROGRESS, f"получено итоговых анкет: {n}") if n else None


RULES: dict[str, Callable[[Session, int], RuleVerdict | None]] = {
    "mentees_exist": _mentees_exist,
    "mentors_exist": _mentors_exist,
    "mentors_trained": _mentors_trained,
    "pairs_approved": _pairs_approved,
    "meetings_held": _meetings_held,
    "final_questionnaires": _final_questionnaires,
}


# What an issued order says of the event it is the result of (template code → status).
ORDER_MEANS: dict[str, EventStatus] = {
    "s1_appoint_curator": EventStatus.DONE,
    "s1_regulations": EventStatus.DONE,
    "s7_final_event": EventStatus.IN_PROGRESS,
    "s7_reward": EventStatus.DONE,
}


def _order_verdict(session: Session, event: RoadmapEvent) -> RuleVerdict | None:
    status = ORDER_MEANS.get(event.template_code or "")
    if status is None or event.document_id is None:
        return None
    order = session.get(IssuedDocument, event.document_id)
    if order is None or not order.number:
        return None
    issued = f" от {order.issued_on:%d.%m.%Y}" if order.issued_on else ""
    reason = f"издан приказ №\u00a0{order.number}{issued}"
    return RuleVerdict(status, reason, by_order=True, on=order.issued_on)


def rule_code(event: RoadmapEvent) -> str | None:
    from .roadmap import load_template

    item = load_template().event(event.template_code) if event.template_code else None
    return item.auto if item else None


def evaluate_rules(store: Store, year_id: int) -> dict[int, RuleVerdict]:
    """What the data say about each rule-bearing event of the year (event id → verdict)."""
    verdicts: dict[int, RuleVerdict] = {}
    with store.session() as session:
        events = session.exec(select(RoadmapEvent).where(RoadmapEvent.year_id == year_id)).all()
        for event in events:
            code = rule_code(event)
            verdict = RULES[code](session, year_id) if code in RULES else None
            verdict = verdict or _order_verdict(session, event)
            if verdict is not None and event.id is not None:
                verdicts[event.id] = verdict
    return verdicts


def apply_rules(store: Store, year_id: int, today: date) -> list[int]:
    """Raise the status of events the data show as begun or done; returns the changed ids."""
    verdicts = evaluate_rules(store, year_id)
    changed: list[int] = []
    with store.session() as session:
        for event_id, verdict in verdicts.items():
            event = session.get(RoadmapEvent, event_id)
            if event is None or event.status_overridden:
                continue
            if RANK.get(verdict.status, 0) > RANK.get(event.status, 3):
                event.status = verdict.status
                if verdict.status is EventStatus.DONE:
                    event.completed_date = verdict.on or today
                session.add(event)
                changed.append(event_id)
        session.commit()
    return changed
