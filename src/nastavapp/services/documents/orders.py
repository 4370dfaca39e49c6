"""Orders (приказы) drafted from the templates in ``resources/orders``, ready to edit.

Five kinds: о внедрении целевой модели и назначении куратора; об утверждении Положения,
программы и дорожной карты; об утверждении наставнических пар/групп (with the annex of pairs);
о поощрении участников; о проведении итогового мероприятия. :func:`new_draft` fills a template
with the school, the year, the register's number and date and the declined names; the curator
edits the draft; :mod:`.order_register` writes it (PDF or DOCX) and records it.

Participants without a valid consent to the processing of personal data (152-ФЗ) are never
named: in the annex of pairs they are «участник без согласия» (name and class/position), the
order on rewarding ends its list with how many it leaves unnamed, and they never sign «С приказом
ознакомлены». The director and the curator come from the school's details and are named always.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlmodel import col, select

from ...models import AcademicYear, IssuedDocument, MentoringGroup, Person, School
from ...models.vocab import DocumentKind, ExternalKind, GroupStatus, PersonCategory, Sex
from ...resource_files import resource
from ...store import Store
from ...store.text import ru_sort_key
from ..consents import without_consent
from ..deletion_text import plural
from ..names import FullName, clean
from ..pair_orders import annex_rows, order_annex_rows
from ..pair_views import PersonBrief, list_groups
from ..school import curator_name, director_name, get_school
from ..years import year_or_current
from .dates import date_words
from .declension import Case, decline_position, initials_first
from .order_text import Named, OrderAnnex, OrderDraft, OrderError, fill, fill_points

ORDER_KINDS = (
    DocumentKind.ORDER_INTRODUCTION,
    DocumentKind.ORDER_REGULATIONS,
    DocumentKind.ORDER_PAIRS,
    DocumentKind.ORDER_REWARD,
    DocumentKind.ORDER_FINAL_EVENT,
)
# statuses of the pairs whose mentors an order on rewarding thanks by default
_REWARDED = (GroupStatus.APPROVED, GroupStatus.ACTIVE, GroupStatus.COMPLETED)
_SETTLEMENT = re.compile(
    r"^(г|с|п|пос|пгт|рп|д|дер|х|ст-ца|аул|село|город|посёлок|поселок|деревня|станица)\.?\s+\D"
)


@dataclass(frozen=True)
class OrderOptions:
    """What some kinds need beyond the school and the year."""

    order_id: int | None = None  # «пары/группы»: the register's order to print (else the latest)
    new_pairs_order: bool = False  # «пары/группы»: a new order for the pairs being formed
    people: tuple[int, ...] | None = None  # «поощрение»: whom to thank (None: the year's mentors)
    event_date: date | None = None  # «итоговое мероприятие»: when (None: two weeks on)
    event_title: str = ""


@cache
def template(kind: DocumentKind) -> dict[str, Any]:
    """The template of ``kind`` (``resources/orders/<kind>.json``)."""
    data: dict[str, Any] = json.loads(resource("orders", f"{kind.value}.json").read_text("utf-8"))
    return data


@cache
def common() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("orders", "common.json").read_text("utf-8"))
    return data


def kind_title(kind: DocumentKind) -> str:
    """The order's title without the year, for choosing a kind («Об утверждении … пар/групп»)."""
    return re.sub(r"\s*(на|по итогам) \{year\}.*$", "", str(template(kind)["title"]))


def legal_basis(day: date) -> str:
    """Р-145, and from its adoption on (21.05.2025) the Концепция развития наставничества."""
    texts = common()
    basis = str(texts["legal_basis"])
    if day >= date.fromisoformat(texts["concept_from"]):
        basis = f"{basis}, {texts['concept']}"
    return basis


def place_of(address: str) -> str:
    """«397184, Воронежская область, …, с. Сосновка, ул. …» → «с. Сосновка» (or "")."""
    for part in (clean(p) for p in address.split(",")):
        if _SETTLEMENT.match(part.lower()):
            return part
    return ""


def latest_order(store: Store, year_id: int, kind: DocumentKind) -> IssuedDocument | None:
    """The year's last registered order of ``kind`` (by date), or None."""
    with store.session() as session:
        return session.exec(
            select(IssuedDocument)
            .where(IssuedDocument.year_id == year_id, IssuedDocument.kind == kind)
            .order_by(col(IssuedDocument.issued_on).desc(), col(IssuedDocument.id).desc())
        ).first()


def reward_candidates(store: Store, year_id: int) -> list[PersonBrief]:
    """Mentors of the year's approved, working and completed pairs/groups, by name."""
    seen: dict[int, PersonBrief] = {}
    for card in list_groups(store, year_id, statuses=_REWARDED):
        seen.setdefault(card.mentor.id, card.mentor)
    return sorted(seen.values(), key=lambda p: ru_sort_key(p.name))


def _person(store: Store, person_id: int, label: str) -> Named:
    with store.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise OrderError("Одного из выбранных людей уже нет в базе.")
    name = FullName(person.last_name, person.first_name, person.middle_name)
    post, post_dative = person.position or "педагог", ""
    if person.category is PersonCategory.STUDENT:
        learner = "обучающаяся" if person.sex is Sex.FEMALE else "обучающийся"
        post = f"{learner} {person.class_name} класса".strip() if person.class_name else learner
        post_dative = decline_position(post, Case.DATIVE)
    elif person.category is PersonCategory.EXTERNAL:
        kind = person.external_kind.label if person.external_kind else "наставник"
        if person.external_kind is ExternalKind.STUDENT and person.sex is Sex.FEMALE:
            kind = "студентка"
        post = f"{kind} ({person.organization})" if person.organization else kind
    staff = person.category is PersonCategory.TEACHER
    return Named(label, name, person.sex, post, post_dative, staff)


def _year(store: Store, year_id: int | None) -> AcademicYear:
    year = year_or_current(store, year_id)
    if year is None:
        raise OrderError("Учебный год не выбран: заведите учебный год.")
    return year


def unnamed_note(count: int) -> str:
    """What the order dialog says when ``count`` participants are left unnamed ("" for none)."""
    if count <= 0:
        return ""
    who = plural(count, "участник", "участника", "участников")
    if count % 10 == 1 and count % 100 != 11:
        return (
            f"В приказе не назван {who} без согласия на обработку персональных данных: "
            "когда согласие будет получено, составьте приказ заново."
        )
    return (
        f"В приказе не названы {who} без согласия на обработку персональных данных: "
        "когда согласия будут получены, составьте приказ заново."
    )


def unnamed_line(count: int, *, more: bool) -> str:
    """«и ещё 2 участникам без согласия на обработку персональных данных (имена не приводятся)»
    ("" for none): the dative of the reward's list («Объявить благодарность: … Иванову И. И.»);
    without ``more`` when nobody before it is named."""
    if count <= 0:
        return ""
    one = count % 10 == 1 and count % 100 != 11
    text = str(common()["unnamed_more" if more else "unnamed_only"])
    return fill(
        text,
        {
            "participants": f"{count} {'участнику' if one else 'участникам'}",
            "named": "имя не приводится" if one else "имена не приводятся",
        },
    )


def _pairs(
    store: Store, year: AcademicYear, options: OrderOptions, hidden: set[int]
) -> tuple[IssuedDocument | None, tuple[int, ...], list[list[str]], list[int], set[int]]:
    """The pairs order (existing or new), the groups to approve, the annex rows, the mentors,
    the people the annex leaves unnamed."""
    year_id = int(year.id or 0)
    order = None
    if options.order_id is not None:
        with store.session() as session:
            order = session.get(IssuedDocument, options.order_id)
    if not options.new_pairs_order:
        order = order or latest_order(store, year_id, DocumentKind.ORDER_PAIRS)
    with store.session() as session:
        if order is not None:
            groups = session.exec(
                select(MentoringGroup).where(MentoringGroup.order_id == order.id)
            ).all()
        else:
            groups = session.exec(
                select(MentoringGroup).where(
                    MentoringGroup.year_id == year_id,
                    MentoringGroup.status == GroupStatus.FORMING,
                )
            ).all()
        ids = tuple(int(g.id or 0) for g in groups)
    if not ids:
        raise OrderError(
            "Нет пар и групп для приказа: сформируйте их в разделе «Пары и группы» "
            "(приказ утверждает пары и группы со статусом «формируется»)."
        )
    if order is not None:
        rows = order_annex_rows(store, order.id or 0, hidden=hidden)
    else:
        rows = annex_rows(store, list(ids), hidden=hidden)
    mentors = list(dict.fromkeys(g.mentor_id for g in groups))
    unnamed = {pid for row in rows for pid in row.unnamed}
    return order, (() if order else ids), [list(r.cells()) for r in rows], mentors, unnamed


def new_draft(
    store: Store,
    kind: DocumentKind,
    *,
    today: date,
    year_id: int | None = None,
    options: OrderOptions | None = None,
    number: str | None = None,
    issued_on: date | None = None,
) -> OrderDraft:
    """A draft of the order ``kind`` for the year (the current one by default).

    Number and date come from the register's latest order of that kind in the year (the draft
    then re-issues it), else the number is empty and the date is ``today``; ``number`` and
    ``issued_on`` override them (the dates in the text and the law cited follow the date).

    People without a valid consent are not named (see the module's note); ``unnamed`` of the
    draft counts them.

    Raises:
        OrderError: no school or year; for «пары/группы», no pairs to approve (Russian).
    """
    options = options or OrderOptions()
    school = get_school(store)
    if school is None:
        raise OrderError("Сначала укажите сведения о школе.")
    year = _year(store, year_id)
    year_id = int(year.id or 0)
    data, texts = template(kind), common()
    order: IssuedDocument | None = None
    group_ids: tuple[int, ...] = ()
    rows: list[list[str]] = []
    mentor_ids: list[int] = []
    hidden = without_consent(store)
    unnamed: set[int] = set()
    if kind is DocumentKind.ORDER_PAIRS:
        order, group_ids, rows, mentor_ids, unnamed = _pairs(store, year, options, hidden)
    else:
        order = latest_order(store, year_id, kind)
    day = issued_on or (order.issued_on if order and order.issued_on else today)
    curator = Named("Куратор", curator_name(school), school.curator_sex, school.curator_position)
    rewarded = list(
        dict.fromkeys(
            options.people
            if options.people is not None
            else [p.id for p in reward_candidates(store, year_id)]
        )
    )
    people = {
        "rewarded": [
            _person(store, pid, "Объявить благодарность") for pid in rewarded if pid not in hidden
        ]
    }
    tails: dict[str, str] = {}
    if kind is DocumentKind.ORDER_REWARD:
        left_out = [pid for pid in rewarded if pid in hidden]
        unnamed.update(left_out)
        tails["rewarded"] = unnamed_line(len(left_out), more=bool(people["rewarded"]))
    event_day = options.event_date or day + timedelta(days=14)
    values: dict[str, Any] = {
        "school": school.short_name or school.full_name,
        "year": year.title,
        "legal_basis": legal_basis(day),
        "control": texts["control"],
        "curator": curator,
        "start_date": date_words(day),
        "plans_deadline": date_words(day + timedelta(days=14)),
        "event_date": date_words(event_day),
        "program_deadline": date_words(max(day, event_day - timedelta(days=7))),
        "event_title": clean(options.event_title) or data.get("event_title", ""),
    }
    title = fill(data["title"], values)
    if order is not None and clean(order.title) and kind is DocumentKind.ORDER_PAIRS:
        title = clean(order.title)
    preamble = fill(data["preamble"], values)
    points = fill_points(data["points"], values, people, tails)
    signer = director_name(school)
    signing_mentors = [pid for pid in mentor_ids if pid not in hidden]
    acquainted = _acquainted(store, school, data.get("acquainted", []), people, signing_mentors)
    annex = None
    if kind is DocumentKind.ORDER_PAIRS:
        annex = OrderAnnex(
            fill(data["annex_title"], values), list(data["annex_columns"]), rows, (3, 4)
        )
    names = curator.found + [f for p in people["rewarded"] for f in p.found]
    return OrderDraft(
        kind=kind,
        year_id=year_id,
        year_title=year.title,
        number=number if number is not None else (order.number if order else ""),
        issued_on=day,
        organisation=school.full_name,
        school_short=school.short_name,
        place=place_of(school.address),
        title=title,
        preamble=preamble,
        points=points,
        signer_post=str(texts["signer_post"]),
        signer_name=initials_first(signer) if signer.last else "",
        acquainted_heading=_heading(acquainted),
        acquainted=[name for name, _sex in acquainted],
        names=names,
        annex=annex,
        document_id=order.id if order else None,
        group_ids=group_ids,
        unnamed=len(unnamed),
    )


def _acquainted(
    store: Store,
    school: School,
    who: list[str],
    people: dict[str, list[Named]],
    mentor_ids: list[int],
) -> list[tuple[str, Sex | None]]:
    """«И. О. Фамилия» of those who sign «С приказом ознакомлены», each once (``people`` and
    ``mentor_ids`` hold only those with a consent)."""
    found: dict[str, Sex | None] = {}
    director = initials_first(director_name(school))
    for part in who:
        if part == "curator":
            found.setdefault(initials_first(curator_name(school)), school.curator_sex)
        elif part in ("rewarded", "mentors"):
            named_ones = (
                people["rewarded"]
                if part == "rewarded"
                else [_person(store, pid, "Наставник") for pid in mentor_ids]
            )
            for named in named_ones:
                if named.staff:  # pupils and partners are not the school's employees
                    found.setdefault(initials_first(named.name), named.sex)
    found.pop(director, None)  # the director signs the order itself
    return [(name, sex) for name, sex in found.items() if name]


def _heading(acquainted: list[tuple[str, Sex | None]]) -> str:
    texts = common()
    if len(acquainted) != 1:
        return str(texts["acquainted_many"])
    female = acquainted[0][1] is Sex.FEMALE
    return str(texts["acquainted_one_female" if female else "acquainted_one_male"])
