"""The status of a pair or group with its dated history, and what it does to the mentees.

формируется → утверждена приказом (:func:`.pair_orders.approve_by_order`) → работает (by hand or
with the first meeting, :mod:`.meetings`) → завершена; расформирована with a reason from any
status before the end. The mentees follow: «в паре / группе» while the group lives, «в базе»
again when it is disbanded, «программа завершена» when it completes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, func, select

from ..models import GroupMember, GroupStatusChange, Meeting, MentoringGroup, Participation, Person
from ..models.vocab import GroupStatus, MenteeStatus, Role
from ..store import Store
from .names import clean
from .pair_rules import PairError, transition_problem

FINISHED_NOTE = "Программа наставничества завершена"


def get_group(session: Session, group_id: int) -> MentoringGroup:
    group = session.get(MentoringGroup, group_id)
    if group is None:
        raise PairError("Этой пары или группы уже нет в базе: обновите список.")
    return group


def members_of(session: Session, group_id: int) -> list[int]:
    query = select(GroupMember.person_id).where(GroupMember.group_id == group_id)
    return list(session.exec(query).all())


def set_mentee_status(
    session: Session, year_id: int, ids: Iterable[int], status: MenteeStatus, note: str = ""
) -> None:
    """Move the mentees' status in the year's base; ``note`` is added to theirs."""
    query = select(Participation).where(
        Participation.year_id == year_id,
        Participation.role == Role.MENTEE,
        col(Participation.person_id).in_(set(ids)),
    )
    for row in session.exec(query).all():
        row.status = status.value
        if note:
            row.note = f"{row.note}\n{note}".strip()
        session.add(row)


def last_change(session: Session, group_id: int) -> date | None:
    query = select(func.max(GroupStatusChange.changed_on)).where(
        GroupStatusChange.group_id == group_id
    )
    day: date | None = session.exec(query).one()
    return day


def record_status(
    session: Session, group: MentoringGroup, status: GroupStatus, day: date, note: str, today: date
) -> None:
    """Change the status of ``group`` on ``day`` and write the dated history row.

    Raises:
        PairError: the move is not allowed, ``day`` is in the future or before the last change.
    """
    problem = transition_problem(group.status, status)
    if problem:
        raise PairError(problem)
    if day > today:
        raise PairError(f"Дата {day:%d.%m.%Y} ещё не наступила.")
    last = last_change(session, group.id or 0)
    if last is not None and day < last:
        raise PairError(
            f"Дата {day:%d.%m.%Y} раньше предыдущего изменения статуса ({last:%d.%m.%Y})."
        )
    group.status = status
    session.add(group)
    session.add(GroupStatusChange(group_id=group.id or 0, status=status, changed_on=day, note=note))


def start_work(
    store: Store, group_id: int, day: date, *, today: date | None = None, note: str = ""
) -> None:
    """утверждена приказом → работает (the first meeting held does this by itself)."""
    with store.session() as session:
        group = get_group(session, group_id)
        record_status(session, group, GroupStatus.ACTIVE, day, clean(note), today or date.today())
        session.commit()


def complete_group(
    store: Store, group_id: int, day: date, *, today: date | None = None, note: str = ""
) -> None:
    """работает → завершена on ``day``; the mentees' programme is completed."""
    with store.session() as session:
        group = get_group(session, group_id)
        text = clean(note) or FINISHED_NOTE
        record_status(session, group, GroupStatus.COMPLETED, day, text, today or date.today())
        group.end_date = day
        members = members_of(session, group_id)
        set_mentee_status(session, group.year_id, members, MenteeStatus.COMPLETED)
        session.commit()


def disband_group(
    store: Store, group_id: int, reason: str, day: date, *, today: date | None = None
) -> None:
    """Расформировать on ``day`` with a reason; the mentees go back to the base.

    Raises:
        PairError: no reason, the group has already ended, or a wrong date.
    """
    reason = clean(reason)
    if not reason:
        raise PairError("Укажите причину расформирования.")
    with store.session() as session:
        group = get_group(session, group_id)
        record_status(session, group, GroupStatus.DISBANDED, day, reason, today or date.today())
        group.end_date, group.disband_reason = day, reason
        mentor = session.get(Person, group.mentor_id)
        who = f" (наставник — {mentor.short_name})" if mentor else ""
        note = f"{day:%d.%m.%Y}: пара расформирована{who}. Причина: {reason}"
        members = members_of(session, group_id)
        set_mentee_status(session, group.year_id, members, MenteeStatus.IN_BASE, note)
        session.commit()


def delete_group(store: Store, group_id: int) -> None:
    """Delete a pair/group stored by mistake: only while «формируется» and without meetings;
    the mentees go back to the base."""
    with store.session() as session:
        group = get_group(session, group_id)
        if group.status is not GroupStatus.FORMING:
            raise PairError(
                f"Пара или группа {group.status.label}: её можно расформировать, но не удалить."
            )
        held = session.exec(select(Meeting.id).where(Meeting.group_id == group_id)).first()
        if held is not None:
            raise PairError(
                "У пары или группы уже записаны встречи: её можно только расформировать."
            )
        members = members_of(session, group_id)
        set_mentee_status(session, group.year_id, members, MenteeStatus.IN_BASE)
        session.delete(group)
        session.commit()
