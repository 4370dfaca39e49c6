"""Consents to the processing of personal data (согласие на обработку ПДн, 152-ФЗ).

An adult gives his own consent; for a minor a parent or legal representative gives it and his
ФИО is recorded. A person's status is the state of his latest consent: «есть», «нет» (never
given) or «отозвано». People without a valid consent stay in the bases, marked; exports leave
their personal data out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from sqlmodel import Session, col, select

from ..models import Consent, Person
from ..models.vocab import ConsentGiver, PersonCategory
from ..store import Store
from .names import FullName, clean
from .person_fields import PersonFields, age_on, check_person

ADULT_AGE = 18


class ConsentError(ValueError):
    """A consent cannot be recorded or withdrawn; ``str()`` is the Russian message."""


class ConsentStatus(str, Enum):
    GIVEN = "given"
    MISSING = "missing"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ConsentStatus.GIVEN: "есть",
    ConsentStatus.MISSING: "нет",
    ConsentStatus.WITHDRAWN: "отозвано",
}


@dataclass(frozen=True)
class ConsentState:
    """A person's consent as the tables show it; ``consent`` is the latest one (or None)."""

    status: ConsentStatus
    consent: Consent | None = None

    @property
    def given(self) -> bool:
        return self.status is ConsentStatus.GIVEN

    @property
    def text(self) -> str:
        """«есть (родитель), 05.09.2025», «отозвано 12.10.2025», «нет»."""
        consent = self.consent
        if consent is None:
            return self.status.label
        if self.status is ConsentStatus.WITHDRAWN and consent.withdrawn_date is not None:
            return f"отозвано {consent.withdrawn_date:%d.%m.%Y}"
        who = " (родитель)" if consent.given_by is ConsentGiver.PARENT else ""
        return f"есть{who}, {consent.given_date:%d.%m.%Y}"


def state_of(consent: Consent | None) -> ConsentState:
    if consent is None:
        return ConsentState(ConsentStatus.MISSING)
    if consent.withdrawn_date is not None:
        return ConsentState(ConsentStatus.WITHDRAWN, consent)
    return ConsentState(ConsentStatus.GIVEN, consent)


def consent_state(store: Store, person_id: int) -> ConsentState:
    with store.session() as session:
        return state_of(_latest(session, person_id))


def consent_states(store: Store) -> dict[int, ConsentState]:
    """The state of every person who ever had a consent (absent ids: «нет»)."""
    with store.session() as session:
        rows = session.exec(
            select(Consent).order_by(col(Consent.given_date), col(Consent.id))
        ).all()
    latest: dict[int, Consent] = {}
    for row in rows:  # ascending, so the last one written wins
        latest[row.person_id] = row
    return {pid: state_of(row) for pid, row in latest.items()}


def without_consent(store: Store) -> set[int]:
    """Ids of the people (archived too) whose data must not leave the school."""
    with store.session() as session:
        ids = set(session.exec(select(Person.id)).all())
    given = {pid for pid, state in consent_states(store).items() if state.given}
    return {int(pid) for pid in ids if pid is not None and pid not in given}


def _latest(session: Session, person_id: int) -> Consent | None:
    query = (
        select(Consent)
        .where(Consent.person_id == person_id)
        .order_by(col(Consent.given_date).desc(), col(Consent.id).desc())
    )
    return session.exec(query).first()


def is_minor(person: Person, on: date) -> bool:
    """Under 18 on ``on``; a pupil without a birth date counts as a minor."""
    if person.birth_date is None:
        return person.category is PersonCategory.STUDENT
    return age_on(person.birth_date, on) < ADULT_AGE


def check_consent(
    person: Person,
    given_date: date,
    given_by: ConsentGiver,
    representative_name: str,
    today: date,
) -> list[str]:
    """Russian problems of a consent about to be recorded; empty when it can be."""
    problems = []
    if given_date > today:
        problems.append(f"Дата согласия {given_date:%d.%m.%Y} ещё не наступила.")
    if person.birth_date is not None and given_date < person.birth_date:
        problems.append("Дата согласия раньше даты рождения.")
    name = clean(representative_name)
    if is_minor(person, given_date) and given_by is not ConsentGiver.PARENT:
        problems.append("За несовершеннолетнего согласие даёт родитель или законный представитель.")
    if given_by is ConsentGiver.PARENT:
        if not name:
            problems.append("Укажите ФИО родителя (законного представителя).")
        elif not _plausible_name(name, today):
            problems.append(
                f"ФИО родителя «{name}» записано неверно: нужны фамилия и имя, "
                "например «Иванова Мария Петровна»."
            )
    return problems


def _plausible_name(text: str, today: date) -> bool:
    """Surname and name in letters (the one name validator of :mod:`.person_fields`)."""
    full = FullName.parse(text)
    fields = PersonFields(PersonCategory.TEACHER, full.last, full.first, full.middle)
    return full.is_complete and not check_person(fields, today)


def record_consent(
    store: Store,
    person_id: int,
    given_date: date,
    given_by: ConsentGiver | None = None,
    representative_name: str = "",
    note: str = "",
    *,
    today: date,
) -> Consent:
    """Record a new consent (after a withdrawal too); it becomes the person's current one.

    ``given_by`` defaults to a parent for a minor and to the person himself otherwise.

    Raises:
        ConsentError: the consent breaks a rule; nothing is saved.
    """
    with store.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise ConsentError("Этого человека уже нет в базе.")
        if given_by is None:
            minor = is_minor(person, given_date)
            given_by = ConsentGiver.PARENT if minor else ConsentGiver.SELF
        problems = check_consent(person, given_date, given_by, representative_name, today)
        if problems:
            raise ConsentError(" ".join(problems))
        consent = Consent(
            person_id=person_id,
            given_by=given_by,
            representative_name=clean(representative_name)
            if given_by is ConsentGiver.PARENT
            else "",
            given_date=given_date,
            note=note.strip(),
        )
        session.add(consent)
        session.commit()
        session.refresh(consent)
    return consent


def withdraw_consent(
    store: Store, person_id: int, withdrawn_date: date, note: str = "", *, today: date
) -> Consent:
    """Mark the person's current consent as withdrawn (отозвано) on ``withdrawn_date``.

    Raises:
        ConsentError: there is no valid consent, or the date is impossible.
    """
    with store.session() as session:
        consent = _latest(session, person_id)
        if consent is None or consent.withdrawn_date is not None:
            raise ConsentError("Действующего согласия нет: отзывать нечего.")
        if withdrawn_date > today:
            raise ConsentError(f"Дата отзыва {withdrawn_date:%d.%m.%Y} ещё не наступила.")
        if withdrawn_date < consent.given_date:
            raise ConsentError(f"Дата отзыва раньше даты согласия ({consent.given_date:%d.%m.%Y}).")
        consent.withdrawn_date = withdrawn_date
        if note.strip():
            consent.note = note.strip()
        session.add(consent)
        session.commit()
        session.refresh(consent)
    return consent
