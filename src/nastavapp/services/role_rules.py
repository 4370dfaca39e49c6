"""The rules of the roles: what a mentee's and a mentor's role hold, the choices, the checks.

The choices offered for requests, their sources and competences are data:
``resources/bases/requests.json``. A mentor's selection stage follows from the dates reached
(:func:`pipeline_status`), so status and dates never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from ..models.vocab import (
    FORM_SIDES,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    RequestSource,
    Role,
)
from ..resource_files import resource
from .names import clean

CAPACITY_LIMITS = (1, 20)


class RoleError(ValueError):
    """A role cannot be given or removed; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class RequestEntry:
    """Запрос наставляемого and who named it."""

    text: str
    source: RequestSource = RequestSource.SELF


@dataclass(frozen=True)
class MenteeRole:
    form: MentoringForm | None = None
    requests: tuple[RequestEntry, ...] = ()
    note: str = ""
    needs_support: bool = False
    joined_date: date | None = None
    status: MenteeStatus = MenteeStatus.IN_BASE  # moved on by pairs, kept when editing


@dataclass(frozen=True)
class MentorRole:
    form: MentoringForm | None = None
    competences: tuple[str, ...] = ()
    interests: str = ""
    capacity: int = 1
    interview_date: date | None = None
    training_date: date | None = None
    ready_date: date | None = None
    training_event_ids: frozenset[int] = field(default_factory=frozenset)
    note: str = ""
    joined_date: date | None = None

    @property
    def status(self) -> MentorStatus:
        return pipeline_status(self.interview_date, self.training_date, self.ready_date)


def pipeline_status(
    interview: date | None, training: date | None, ready: date | None
) -> MentorStatus:
    """The furthest selection stage reached."""
    if ready is not None:
        return MentorStatus.ACTIVE
    if training is not None:
        return MentorStatus.TRAINED
    if interview is not None:
        return MentorStatus.INTERVIEWED
    return MentorStatus.CANDIDATE


# --- choices --------------------------------------------------------------------------------
@cache
def _catalog() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("bases", "requests.json").read_text("utf-8"))
    return data


def request_choices(category: PersonCategory) -> list[str]:
    """Typical requests of a pupil or a teacher (free text is allowed besides)."""
    return list(_catalog()["requests"].get(category.value, []))


def request_sources(category: PersonCategory) -> list[RequestSource]:
    """Who can name a request: for pupils «сам», «классный руководитель»…; for teachers
    «анализ методической работы», «аттестация», «самоанализ»."""
    return [RequestSource(code) for code in _catalog()["sources"].get(category.value, [])]


def competence_choices(category: PersonCategory) -> list[str]:
    return list(_catalog()["competences"].get(category.value, []))


def forms_for(
    category: PersonCategory, role: Role, year_forms: list[str] | None = None
) -> list[MentoringForm]:
    """Forms in which a person of ``category`` can take ``role``; the year's own forms first."""
    side = 0 if role is Role.MENTOR else 1
    fitting = [form for form, sides in FORM_SIDES.items() if sides[side] is category]
    used = set(year_forms or [])
    return sorted(fitting, key=lambda form: form.value not in used)


# --- checks ---------------------------------------------------------------------------------
def check_mentee(role: MenteeRole, category: PersonCategory, today: date) -> list[str]:
    """Russian problems of a mentee role; empty when it can be saved."""
    problems = []
    if category is PersonCategory.EXTERNAL:
        problems.append("Внешний наставник не может быть наставляемым.")
    if not any(clean(r.text) for r in role.requests):
        problems.append("Укажите хотя бы один запрос наставляемого.")
    if role.form is not None and role.form not in forms_for(category, Role.MENTEE):
        problems.append(f"Форма «{role.form.label}» не подходит для этого наставляемого.")
    if role.joined_date is not None and role.joined_date > today:
        problems.append("Дата включения в базу ещё не наступила.")
    return problems


def check_mentor(role: MentorRole, category: PersonCategory, today: date) -> list[str]:
    """Russian problems of a mentor role; empty when it can be saved."""
    problems = []
    low, high = CAPACITY_LIMITS
    if not low <= role.capacity <= high:
        problems.append(f"Число наставляемых — от {low} до {high}.")
    if role.form is not None and role.form not in forms_for(category, Role.MENTOR):
        problems.append(f"Форма «{role.form.label}» не подходит для этого наставника.")
    steps = (
        ("собеседования", role.interview_date),
        ("обучения", role.training_date),
        ("готовности к работе", role.ready_date),
    )
    for (before_name, before), (name, after) in pairwise(steps):
        if after is not None and before is None:
            problems.append(f"Дата {name} указана, а дата {before_name} — нет.")
        elif after is not None and before is not None and after < before:
            problems.append(f"Дата {name} раньше даты {before_name}.")
    for name, day in steps:
        if day is not None and day > today:
            problems.append(f"Дата {name} {day:%d.%m.%Y} ещё не наступила.")
    return problems
