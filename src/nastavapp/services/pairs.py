"""Pairs and groups (stages 5–7): storing the confirmed ones, members, status with its history.

Nothing of the matching is stored until the curator confirms: :func:`confirm_groups` stores a
list of pairs/groups in one transaction, all or nothing. Status moves формируется → утверждена
приказом (:func:`.pair_orders.approve_by_order`) → работает → завершена, or расформирована with
a reason; every change is a dated ``GroupStatusChange`` row and moves the mentees' status in the
base (в паре / группе, в базе, программа завершена). The reading side is in :mod:`.pair_views`,
:mod:`.pair_load` and :mod:`.pair_orders`; everything is re-exported here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sqlmodel import Session

from ..models import GroupMember, GroupStatusChange, MentoringGroup, Person
from ..models.vocab import GroupStatus, MenteeStatus, MentoringForm
from ..store import Store
from .matching import Proposal
from .names import clean
from .pair_load import (
    MentorLoad,
    UnpairedMentee,
    mark_support,
    mentor_load,
    mentor_loads,
    unpaired_mentees,
)
from .pair_members import (
    CardEdit,
    add_member,
    bases_of,
    busy_of,
    overloads_of,
    people_of,
    remove_member,
    update_card,
)
from .pair_orders import AnnexRow, annex_rows, approve_by_order, order_annex_rows, pair_orders
from .pair_rules import (
    OverCapacityError,
    Overload,
    PairDraft,
    PairError,
    draft_problems,
    kind_for,
    pair_title,
    role_models,
    sentence,
)
from .pair_status import (
    complete_group,
    delete_group,
    disband_group,
    set_mentee_status,
    start_work,
)
from .pair_views import (
    GroupCard,
    OrderInfo,
    PersonBrief,
    StatusEntry,
    group_card,
    list_groups,
    status_history,
)

__all__ = [
    "AnnexRow",
    "CardEdit",
    "GroupCard",
    "MentorLoad",
    "OrderInfo",
    "OverCapacityError",
    "Overload",
    "PairDraft",
    "PairError",
    "PersonBrief",
    "StatusEntry",
    "UnpairedMentee",
    "add_member",
    "annex_rows",
    "approve_by_order",
    "complete_group",
    "confirm_groups",
    "create_group",
    "delete_group",
    "disband_group",
    "drafts_from_proposals",
    "group_card",
    "list_groups",
    "mark_support",
    "mentor_load",
    "mentor_loads",
    "order_annex_rows",
    "pair_orders",
    "remove_member",
    "role_models",
    "start_work",
    "status_history",
    "unpaired_mentees",
    "update_card",
]


# --- storing confirmed pairs and groups -----------------------------------------------------
def confirm_groups(
    store: Store,
    year_id: int,
    drafts: Sequence[PairDraft],
    *,
    today: date,
    allow_over_capacity: bool = False,
) -> list[int]:
    """Store the pairs/groups the curator confirmed, in one transaction: all or nothing.

    Each gets the status «формируется» dated ``today``; its mentees become «в паре / группе».

    Raises:
        PairError: a draft breaks a rule (every problem listed, in Russian); nothing stored.
        OverCapacityError: a mentor's places would be exceeded and ``allow_over_capacity`` is
            False; nothing stored.
    """
    with store.session() as session:
        ids = {d.mentor_id for d in drafts} | {m for d in drafts for m in d.mentee_ids}
        people = people_of(session, ids)
        bases = bases_of(session, year_id, ids)
        busy = busy_of(session, year_id)
        problems: list[str] = []
        for draft in drafts:
            found = draft_problems(draft, people, bases, busy, today)
            label = f"{_label(draft, people)}: " if len(drafts) > 1 else ""
            problems += [label + p for p in found]
        repeated = Counter(m for d in drafts for m in set(d.mentee_ids))
        twice = ", ".join(
            people[m].short_name for m, n in repeated.items() if n > 1 and m in people
        )
        if twice:
            problems.append(
                sentence(f"Один наставляемый — в нескольких парах или группах сразу: {twice}")
            )
        if problems:
            raise PairError("\n".join(dict.fromkeys(problems)))
        adding = Counter({d.mentor_id: 0 for d in drafts})
        for draft in drafts:
            adding[draft.mentor_id] += len(draft.mentee_ids)
        overloads = overloads_of(session, year_id, adding)
        if overloads and not allow_over_capacity:
            raise OverCapacityError(overloads)
        stored = [_insert(session, year_id, draft, today) for draft in drafts]
        session.commit()
    return stored


def _label(draft: PairDraft, people: Mapping[int, Person]) -> str:
    """«Пара «Иванова М. П. — Петров П. П.»» for the messages about one draft of a list."""
    mentor = people[draft.mentor_id].short_name if draft.mentor_id in people else "?"
    names = [people[i].short_name if i in people else "?" for i in draft.mentee_ids]
    return f"{'Пара' if len(names) == 1 else 'Группа'} «{pair_title(mentor, names)}»"


def _insert(session: Session, year_id: int, draft: PairDraft, today: date) -> int:
    group = MentoringGroup(
        year_id=year_id,
        mentor_id=draft.mentor_id,
        form=draft.form,
        role_model=clean(draft.role_model),
        kind=kind_for(len(draft.mentee_ids), draft.kind),
        format=draft.format,
        goal=draft.goal.strip(),
        start_date=draft.start_date,
        planned_end_date=draft.planned_end_date,
        status=GroupStatus.FORMING,
    )
    session.add(group)
    session.flush()
    group_id = group.id or 0
    for mentee in draft.mentee_ids:
        session.add(GroupMember(group_id=group_id, person_id=mentee))
    session.add(GroupStatusChange(group_id=group_id, status=GroupStatus.FORMING, changed_on=today))
    set_mentee_status(session, year_id, draft.mentee_ids, MenteeStatus.PAIRED)
    return group_id


def create_group(
    store: Store, year_id: int, draft: PairDraft, *, today: date, allow_over_capacity: bool = False
) -> int:
    """One pair or group made by hand (the rules and errors of :func:`confirm_groups`)."""
    return confirm_groups(
        store, year_id, [draft], today=today, allow_over_capacity=allow_over_capacity
    )[0]


def drafts_from_proposals(
    form: MentoringForm, proposals: Iterable[Proposal], *, group_by_mentor: bool = False
) -> list[PairDraft]:
    """Accepted proposals of the matching as drafts: a pair each, or one group per mentor."""
    chosen: dict[int, list[int]] = {}
    drafts = []
    for p in proposals:
        if group_by_mentor:
            chosen.setdefault(p.mentor.person_id, []).append(p.mentee.person_id)
        else:
            drafts.append(PairDraft(p.mentor.person_id, (p.mentee.person_id,), form))
    drafts += [PairDraft(mentor, tuple(ids), form) for mentor, ids in chosen.items()]
    return drafts
