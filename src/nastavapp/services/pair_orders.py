"""The order «Об утверждении наставнических пар/групп»: approving pairs by it, and its annex.

The order itself is an ``IssuedDocument`` of kind ORDER_PAIRS (number and date); each approved
pair/group points to it by ``order_id``. The annex rows are plain data for the documents that
print the order; they can leave people without a valid consent (152-ФЗ) unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ..models import AcademicYear, IssuedDocument, MentoringGroup
from ..models.vocab import DocumentKind, GroupStatus
from ..store import Store
from ..store.text import ru_sort_key
from .bases_export import NO_CONSENT
from .names import clean
from .pair_calendar import school_year_end
from .pair_rules import PairError, term_text
from .pair_status import get_group, record_status
from .pair_views import FORM_ORDER, GroupCard, OrderInfo, cards_of, order_info

_NUMBER_SIGN = re.compile(r"^\s*(№|N|No\.?)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class AnnexRow:
    """A row of the annex to the order «Об утверждении наставнических пар/групп»."""

    number: int
    mentor: str
    mentor_post: str
    mentees: tuple[str, ...]
    mentee_posts: tuple[str, ...]
    form: str
    term: str
    unnamed: tuple[int, ...] = ()  # ids of the people the row leaves unnamed (no consent)

    def cells(self) -> tuple[str, ...]:
        """№, наставник, должность/класс, наставляемый, класс/должность, форма, срок."""
        return (
            str(self.number),
            self.mentor,
            self.mentor_post,
            "\n".join(self.mentees),
            "\n".join(self.mentee_posts),
            self.form,
            self.term,
        )


def order_title(year_title: str) -> str:
    return f"Об утверждении наставнических пар/групп на {year_title} учебный год"


def approve_by_order(
    store: Store,
    group_ids: Sequence[int],
    number: str,
    day: date,
    *,
    title: str = "",
    today: date | None = None,
) -> OrderInfo:
    """«Утвердить приказом»: the selected pairs/groups get the order (number, date) and the
    status «утверждена приказом» dated ``day``; a start date not set yet becomes ``day``.

    The same number and date in the same year mean the same order (an order approving pairs
    in several steps is stored once). All or nothing.

    Raises:
        PairError: no number or no pairs chosen, a pair not «формируется», pairs of different
            years, or a wrong date (in the future, before the pair was formed).
    """
    number = _NUMBER_SIGN.sub("", clean(number))
    if not number:
        raise PairError("Укажите номер приказа.")
    if not group_ids:
        raise PairError("Выберите пары или группы для утверждения.")
    with store.session() as session:
        groups = [get_group(session, i) for i in dict.fromkeys(group_ids)]
        years = {g.year_id for g in groups}
        if len(years) > 1:
            raise PairError("Пары и группы разных учебных годов утверждаются разными приказами.")
        year = session.get(AcademicYear, groups[0].year_id)
        if year is None:
            raise PairError("Учебного года этих пар нет в базе.")
        order = session.exec(
            select(IssuedDocument).where(
                IssuedDocument.year_id == year.id,
                IssuedDocument.kind == DocumentKind.ORDER_PAIRS,
                IssuedDocument.number == number,
                IssuedDocument.issued_on == day,
            )
        ).first()
        if order is None:
            order = IssuedDocument(
                year_id=year.id,
                kind=DocumentKind.ORDER_PAIRS,
                number=number,
                issued_on=day,
                title=clean(title) or order_title(year.title),
            )
            session.add(order)
            session.flush()
        note = f"Приказ от {day:%d.%m.%Y} № {number}"
        for group in groups:
            if group.status is not GroupStatus.FORMING:
                raise PairError(
                    f"Утвердить приказом можно только формирующиеся пары и группы; "
                    f"среди выбранных есть со статусом «{group.status.label}»."
                )
            record_status(session, group, GroupStatus.APPROVED, day, note, today or date.today())
            group.order_id = order.id
            group.start_date = group.start_date or day
        session.commit()
        return order_info(order)


def pair_orders(store: Store, year_id: int) -> list[OrderInfo]:
    """The year's orders «Об утверждении наставнических пар/групп», oldest first."""
    with store.session() as session:
        docs = session.exec(
            select(IssuedDocument)
            .where(
                IssuedDocument.year_id == year_id, IssuedDocument.kind == DocumentKind.ORDER_PAIRS
            )
            .order_by(col(IssuedDocument.issued_on), col(IssuedDocument.id))
        ).all()
    return [order_info(d) for d in docs]


def annex_rows(
    store: Store, group_ids: Sequence[int], *, hidden: Collection[int] = frozenset()
) -> list[AnnexRow]:
    """The annex table for these pairs/groups (also before the order exists), by form and the
    mentor's name. A group is one row with its mentees one under another.

    People in ``hidden`` (no valid consent) are «участник без согласия» in both their name and
    their class/position cells; a pair whose mentor is hidden goes after the others of its form
    and a hidden mentee after the named ones, so not even a place in the alphabet shows.
    """
    with store.session() as session:
        groups = session.exec(select(MentoringGroup).where(col(MentoringGroup.id).in_(group_ids)))
        cards = cards_of(session, groups.all())
        ends = {y.id: y.end_date for y in session.exec(select(AcademicYear)).all()}

    def place(card: GroupCard) -> tuple[int, bool, tuple[str, str], int]:
        named = card.mentor.id not in hidden
        return (
            FORM_ORDER[card.form],
            not named,
            ru_sort_key(card.mentor.name if named else ""),
            card.id,
        )

    rows = []
    for number, c in enumerate(sorted(cards, key=place), start=1):
        start = c.start_date or (c.order.issued_on if c.order else None)
        end = c.planned_end_date or school_year_end(ends[c.year_id])
        mentees = [m for m in c.mentees if m.id not in hidden]
        unnamed = [m.id for m in c.mentees if m.id in hidden]
        mentor_named = c.mentor.id not in hidden
        rows.append(
            AnnexRow(
                number,
                c.mentor.name if mentor_named else NO_CONSENT,
                c.mentor.post if mentor_named else NO_CONSENT,
                tuple(m.name for m in mentees) + (NO_CONSENT,) * len(unnamed),
                tuple(m.post for m in mentees) + (NO_CONSENT,) * len(unnamed),
                c.form.label,
                term_text(start, end),
                ((c.mentor.id,) if not mentor_named else ()) + tuple(unnamed),
            )
        )
    return rows


def order_annex_rows(
    store: Store, order_id: int, *, hidden: Collection[int] = frozenset()
) -> list[AnnexRow]:
    """The annex rows of the pairs and groups an order approved (those disbanded later too:
    the order was signed with them); ``hidden`` as in :func:`annex_rows`."""
    with store.session() as session:
        ids = session.exec(select(MentoringGroup.id).where(MentoringGroup.order_id == order_id))
        group_ids = [i for i in ids.all() if i is not None]
    return annex_rows(store, group_ids, hidden=hidden)
