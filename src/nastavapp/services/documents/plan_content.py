"""What the individual plan of each mentee prints, read from the data file: the school, the
title and the year; the mentee, the mentor, the form, the role model, the period and the goal;
the items and how many are done; who signs. People without a recorded consent to the processing
of personal data stand as «участник без согласия» and leave their signature line blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...models import AcademicYear, Person
from ...models.vocab import MentoringForm
from ...store import Store
from ..consents import consent_state, is_minor
from ..names import FullName, clean
from ..pair_rules import post_of, term_text
from ..pair_views import group_card
from ..plans import PlanEntry, Progress, plan_of
from ..school import get_school
from .declension import initials_first
from .errors import ExportError
from .output import fit_file_name

NO_CONSENT = "участник без согласия"
TITLE = "Индивидуальный план развития наставляемого"
TEACHER_TITLE = "Персонализированная программа наставничества"
BLANK = "_" * 30


@dataclass(frozen=True)
class Signer:
    role: str  # «Наставник»
    name: str  # «Л. К. Афанасьев»; "" leaves the line blank


@dataclass(frozen=True)
class PlanSheet:
    """What the pages of one mentee print (names already hidden where there is no consent)."""

    mentee_id: int
    school: str
    title: str
    year: str  # «2025/2026»
    mentee: str  # «Калинин Николай Вадимович, 6А класс»
    mentor: str
    form: str
    role_model: str
    period: str
    goal: str
    items: tuple[PlanEntry, ...]
    progress: Progress
    signers: tuple[Signer, ...]
    sign_year: int

    @property
    def fields(self) -> list[tuple[str, str]]:
        """The lines above the table, a blank to fill in by hand where nothing is known."""
        return [
            ("Наставляемый:", self.mentee),
            ("Наставник:", self.mentor),
            ("Форма наставничества:", self.form),
            ("Ролевая модель:", self.role_model or BLANK),
            ("Срок реализации:", self.period or BLANK),
            ("Цель:", self.goal or BLANK),
        ]


def _person_line(person: Person, named: bool) -> str:
    """«Калинин Николай Вадимович, 6А класс» or «участник без согласия»."""
    if not named:
        return NO_CONSENT
    post = post_of(person)
    return f"{person.full_name}, {post}" if post else person.full_name


def _signature_name(person: Person, named: bool) -> str:
    if not named:
        return ""
    return initials_first(FullName(person.last_name, person.first_name, person.middle_name))


def _curator(store: Store) -> str:
    school = get_school(store)
    if school is None:
        return ""
    full = FullName(school.curator_last_name, school.curator_first_name, school.curator_middle_name)
    return initials_first(full) if clean(full.last) else ""


def plan_sheets(
    store: Store, group_id: int, *, mentee_ids: Sequence[int] | None = None, today: date
) -> list[PlanSheet]:
    """A sheet per mentee of the pair/group (``mentee_ids``: only these), in the card's order
    (by name).

    Raises:
        ExportError: no school, no such pair/group, no mentee chosen, or a mentee of another
            pair (Russian).
    """
    school = get_school(store)
    if school is None:
        raise ExportError("Сначала укажите сведения о школе.")
    card = group_card(store, group_id)
    if card is None:
        raise ExportError("Этой пары или группы уже нет в базе: обновите список.")
    members = [m.id for m in card.mentees]
    wanted = set(members if mentee_ids is None else mentee_ids)
    if wanted - set(members):
        raise ExportError("План печатается только для наставляемых этой пары или группы.")
    chosen = [m for m in members if m in wanted]
    if not chosen:
        raise ExportError("Не выбран ни один наставляемый: план печатать не для кого.")
    with store.session() as session:
        year = session.get(AcademicYear, card.year_id)
        people = {pid: session.get(Person, pid) for pid in [card.mentor.id, *chosen]}
    named = {pid: consent_state(store, pid).given for pid in people}
    mentor = people[card.mentor.id]
    assert mentor is not None
    items = plan_of(store, group_id)
    title = TEACHER_TITLE if card.form is MentoringForm.TEACHER_TEACHER else TITLE
    curator = _curator(store)
    sheets = []
    for mentee_id in chosen:
        mentee = people[mentee_id]
        assert mentee is not None
        own = tuple(e for e in items if e.mentee_id == mentee_id)
        signers = [
            Signer("Наставник", _signature_name(mentor, named[mentor.id or 0])),
            Signer("Наставляемый", _signature_name(mentee, named[mentee_id])),
        ]
        if is_minor(mentee, today) or is_minor(mentor, today):
            signers.append(Signer("Куратор", curator))
        sheets.append(
            PlanSheet(
                mentee_id=mentee_id,
                school=school.short_name or school.full_name,
                title=title,
                year=year.title if year else "",
                mentee=_person_line(mentee, named[mentee_id]),
                mentor=_person_line(mentor, named[mentor.id or 0]),
                form=card.form.label,
                role_model=card.role_model,
                period=term_text(card.start_date, card.planned_end_date),
                goal=clean(card.goal),
                items=own,
                progress=Progress(sum(e.done for e in own), len(own)),
                signers=tuple(signers),
                sign_year=today.year,
            )
        )
    return sheets


def plan_file_name(store: Store, group_id: int) -> str:
    """«План_Калинин_2025.pdf» for a pair; «Планы_группы_Николаев_2025.pdf» (the mentor) for a
    group. A surname without consent stays out of the name."""
    card = group_card(store, group_id)
    if card is None:
        return "План.pdf"
    with store.session() as session:
        year = session.get(AcademicYear, card.year_id)
    start = str(year.start_date.year) if year else ""
    one = len(card.mentees) == 1
    person = card.mentees[0] if one else card.mentor
    surname = person.name.split(" ")[0] if consent_state(store, person.id).given else ""
    parts = ["План", surname or "наставляемого"] if one else ["Планы_группы", surname]
    return fit_file_name("_".join(p for p in [*parts, start] if p) + ".pdf")
