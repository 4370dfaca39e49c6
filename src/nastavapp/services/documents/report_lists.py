"""The optional lists of the report: pairs and groups, and the participants of the year.

Only people with a recorded consent to the processing of personal data (152-ФЗ) are named. In
the list of pairs anybody else stands as «участник без согласия», with no class or position; the
list of participants leaves them out and ends with «ещё N участников без согласия не названы».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...models import AcademicYear, Person
from ...models.vocab import PersonCategory
from ...store import Store
from ...store.text import ru_sort_key
from ..bases_rows import BaseRow, load_rows
from ..consents import without_consent
from ..deletion_text import plural
from ..pair_calendar import school_year_end
from ..pair_rules import post_of, term_text
from ..pair_views import GroupCard, PersonBrief, list_groups

NO_CONSENT = "участник без согласия"


@dataclass(frozen=True)
class PairLine:
    """A pair or group (not disbanded): a group's mentees stand one under another."""

    number: int
    mentor: str
    mentor_post: str
    mentees: tuple[str, ...]
    mentee_posts: tuple[str, ...]
    form: str
    status: str
    term: str


@dataclass(frozen=True)
class ParticipantLine:
    """A named participant of the year: a mentor, a mentee, or both."""

    number: int
    name: str
    category: str
    post: str  # «7А класс», «учитель математики»
    roles: str  # «наставник», «наставляемый», «наставник, наставляемый»
    form: str
    status: str


@dataclass(frozen=True)
class ReportLists:
    pairs: tuple[PairLine, ...]
    participants: tuple[ParticipantLine, ...]
    hidden_participants: int  # participants of the year without consent: counted, not named
    unnamed_in_pairs: int  # people in the list of pairs shown as «участник без согласия»

    @property
    def hidden_text(self) -> str:
        """«ещё 5 участников без согласия не названы» (empty when everybody is named)."""
        n = self.hidden_participants
        if n == 0:
            return ""
        who = plural(n, "участник", "участника", "участников")
        return f"ещё {who} без согласия {'не назван' if n % 10 == 1 and n % 100 != 11 else 'не названы'}"


def _category(person: Person) -> str:
    if person.category is PersonCategory.EXTERNAL and person.external_kind is not None:
        return person.external_kind.label
    return person.category.label


def _named(brief: PersonBrief, hidden: set[int]) -> tuple[str, str]:
    if brief.id in hidden:
        return NO_CONSENT, ""
    return brief.name, brief.post


def pair_lines(
    cards: Sequence[GroupCard], year: AcademicYear, hidden: set[int]
) -> tuple[list[PairLine], int]:
    """The live pairs and groups by form and mentor; and how many people stand unnamed."""
    cards = [c for c in cards if c.is_live]
    # named mentors in alphabetical order within a form; unnamed ones after them
    cards.sort(key=lambda c: (list(type(c.form)).index(c.form), c.mentor.id in hidden))
    lines, unnamed = [], set()
    for number, card in enumerate(cards, start=1):
        mentor, mentor_post = _named(card.mentor, hidden)
        mentees = [_named(m, hidden) for m in card.mentees]
        mentees.sort(key=lambda m: (m[0] == NO_CONSENT, ru_sort_key(m[0])))
        unnamed |= {p.id for p in (card.mentor, *card.mentees) if p.id in hidden}
        start = card.start_date or (card.order.issued_on if card.order else None)
        end = card.planned_end_date or school_year_end(year.end_date)
        lines.append(
            PairLine(
                number,
                mentor,
                mentor_post,
                tuple(name for name, _ in mentees),
                tuple(post for _, post in mentees),
                card.form.label,
                card.status.label,
                term_text(start, end),
            )
        )
    return lines, len(unnamed)


def _participant(number: int, row: BaseRow) -> ParticipantLine:
    roles, forms, statuses = [], [], []
    for role, info in (("наставник", row.mentor), ("наставляемый", row.mentee)):
        if info is None:
            continue
        roles.append(role)
        if info.form is not None and info.form.label not in forms:
            forms.append(info.form.label)
        statuses.append(info.status.label)
    person = row.person
    if person.category is PersonCategory.EXTERNAL:  # the category already says «студент»
        post = ", ".join(p for p in (person.organization_position, person.organization) if p)
    else:
        post = post_of(person)
    return ParticipantLine(
        number,
        person.full_name,
        _category(person),
        post,
        ", ".join(roles),
        "; ".join(forms),
        "; ".join(statuses),
    )


def build_lists(
    store: Store,
    year: AcademicYear,
    reference_date: date,
    cards: Sequence[GroupCard] | None = None,
) -> ReportLists:
    """Both lists of the year, with the people without consent left unnamed.

    ``cards``: the year's pairs and groups when the caller has read them already.
    """
    assert year.id is not None
    hidden = without_consent(store)
    if cards is None:
        cards = list_groups(store, year.id)
    pairs, unnamed = pair_lines(cards, year, hidden)
    rows = [
        r
        for r in load_rows(store, year.id, reference_date)
        if r.mentor is not None or r.mentee is not None
    ]
    named = sorted(
        (r for r in rows if r.id not in hidden), key=lambda r: ru_sort_key(r.person.full_name)
    )
    return ReportLists(
        pairs=tuple(pairs),
        participants=tuple(_participant(n, r) for n, r in enumerate(named, start=1)),
        hidden_participants=len(rows) - len(named),
        unnamed_in_pairs=unnamed,
    )


def pair_cells(lists: ReportLists) -> list[list[Any]]:
    """The cells of the list of pairs and groups, as plain values (PDF and xlsx)."""
    cells = []
    for p in lists.pairs:
        mentees, posts = "\n".join(p.mentees), "\n".join(p.mentee_posts)
        cells.append([p.number, p.mentor, p.mentor_post, mentees, posts, p.form, p.status, p.term])
    return cells


def people_cells(lists: ReportLists) -> list[list[Any]]:
    """The cells of the list of participants, as plain values (PDF and xlsx)."""
    return [
        [p.number, p.name, p.category, p.post, p.roles, p.form, p.status]
        for p in lists.participants
    ]
