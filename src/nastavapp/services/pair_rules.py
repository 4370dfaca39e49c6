"""The rules of pairs and groups and their Russian words, shared by the services and the screens.

Who may stand on each side of a form (``FORM_SIDES``; an external mentor's kind too), the age of a
pupil mentor, one live pair or group per mentee and year, the kind that follows the number of
mentees, the order of statuses. The checks here are pure: they get the people and the facts
already read and return Russian problems, so the screens can show them before anything is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Person
from ..models.vocab import (
    FORM_SIDES,
    MENTOR_AGE_BAND,
    ROLE_MODELS,
    GroupStatus,
    MentoringForm,
    MentoringFormat,
    MentoringKind,
    PersonCategory,
)
from .matching.pool import EXTERNAL_KIND_OF_FORM
from .person_fields import age_on, years_text

LIVE_STATUSES = (GroupStatus.FORMING, GroupStatus.APPROVED, GroupStatus.ACTIVE)
WORKING_STATUSES = (GroupStatus.APPROVED, GroupStatus.ACTIVE)
# The statuses a pair or group may move to from each status (формируется → утверждена приказом →
# работает → завершена; расформирована from any status before the end).
TRANSITIONS: dict[GroupStatus, tuple[GroupStatus, ...]] = {
    GroupStatus.FORMING: (GroupStatus.APPROVED, GroupStatus.DISBANDED),
    GroupStatus.APPROVED: (GroupStatus.ACTIVE, GroupStatus.DISBANDED),
    GroupStatus.ACTIVE: (GroupStatus.COMPLETED, GroupStatus.DISBANDED),
    GroupStatus.COMPLETED: (),
    GroupStatus.DISBANDED: (),
}
SIDE_NAMES = ("наставником", "наставляемым")
SIDE_NOUNS = ("наставник", "наставляемый")


class PairError(ValueError):
    """A pair or group cannot be stored or changed; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class Overload:
    """A mentor who would take more mentees than his places: «занято 2 из 3, добавляется 2»."""

    mentor_id: int
    mentor_name: str
    capacity: int
    taken: int
    adding: int

    @property
    def after(self) -> int:
        return self.taken + self.adding

    @property
    def text(self) -> str:
        return (
            f"{self.mentor_name}: занято мест — {self.taken} из {self.capacity}, "
            f"добавляется наставляемых — {self.adding}, станет {self.after} из {self.capacity}."
        )


class OverCapacityError(PairError):
    """The mentors' places would be exceeded; the caller asks and retries with
    ``allow_over_capacity=True``. ``overloads`` holds the numbers of each mentor."""

    def __init__(self, overloads: Sequence[Overload]) -> None:
        self.overloads = tuple(overloads)
        first = self.overloads[0]
        self.mentor_id, self.capacity, self.taken, self.adding = (
            first.mentor_id,
            first.capacity,
            first.taken,
            first.adding,
        )
        lines = "\n".join(o.text for o in self.overloads)
        super().__init__(
            f"Нагрузка наставника будет превышена.\n{lines}\nПодтвердите превышение нагрузки."
        )


@dataclass(frozen=True)
class PairDraft:
    """A pair or group the curator confirmed (from a proposal or by hand), not stored yet.

    ``kind`` None: индивидуальное for one mentee, групповое for several.
    """

    mentor_id: int
    mentee_ids: tuple[int, ...]
    form: MentoringForm
    role_model: str = ""
    kind: MentoringKind | None = None
    format: MentoringFormat = MentoringFormat.CLASSIC
    goal: str = ""
    start_date: date | None = None
    planned_end_date: date | None = None


def kind_for(mentees: int, explicit: MentoringKind | None = None) -> MentoringKind:
    """The kind a pair or group gets: the explicit one, else by the number of mentees."""
    if explicit is not None:
        return explicit
    return MentoringKind.INDIVIDUAL if mentees <= 1 else MentoringKind.GROUP


def kind_after_change(current: MentoringKind, mentees: int) -> MentoringKind:
    """After a mentee is added or removed: individual/group follow the count, the
    collective-individual kind (chosen by the curator) stays."""
    if current is MentoringKind.COLLECTIVE_INDIVIDUAL:
        return current
    return kind_for(mentees)


def role_models(form: MentoringForm) -> tuple[str, ...]:
    """Typical role models of a form (a choice list; the curator may write his own)."""
    return ROLE_MODELS.get(form, ())


def post_of(person: Person) -> str:
    """«должность / класс» in lists and the order's annex: «10А класс», «учитель математики»,
    «студент, 2 курс, Воронежский государственный педагогический университет»."""
    if person.category is PersonCategory.STUDENT:
        return f"{person.class_name} класс" if person.class_name else "обучающийся"
    if person.category is PersonCategory.TEACHER:
        return person.position or "педагог"
    kind = person.external_kind.label if person.external_kind else ""
    return ", ".join(p for p in (kind, person.organization_position, person.organization) if p)


def term_text(start: date | None, end: date | None) -> str:
    """«01.12.2025 – 25.05.2026» (срок in the order's annex)."""
    if start and end:
        return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
    if end:
        return f"до {end:%d.%m.%Y}"
    return f"с {start:%d.%m.%Y}" if start else ""


def sentence(text: str) -> str:
    """End with one period: «… Васина О. И.» gets none more."""
    return text if text.endswith(".") else f"{text}."


def pair_title(mentor: str, mentees: Sequence[str]) -> str:
    """«Иванова М. П. — Петров П. П., Сидоров С. С.»"""
    return f"{mentor} — {', '.join(mentees)}"


# --- checks ---------------------------------------------------------------------------------
def side_problem(person: Person, form: MentoringForm, side: int) -> str | None:
    """Why ``person`` cannot stand on ``side`` (0 mentor, 1 mentee) of ``form``, or None."""
    name, needed = person.short_name, FORM_SIDES[form][side]
    if person.category is not needed:
        return (
            f"{name} ({person.category.label}) не может быть {SIDE_NAMES[side]} в форме "
            f"«{form.label}»: {SIDE_NOUNS[side]} в ней — {needed.label}."
        )
    kind = EXTERNAL_KIND_OF_FORM.get(form)
    if side == 0 and kind is not None and person.external_kind is not kind:
        actual = person.external_kind.label if person.external_kind else "вид не указан"
        return (
            f"{name} не может быть наставником в форме «{form.label}»: наставник в ней — "
            f"{kind.label}, а у этого внешнего наставника — {actual}."
        )
    return None


def age_problems(mentor: Person, mentees: Sequence[Person], today: date) -> list[str]:
    """A pupil mentor is 15–19 years old and older than each of his mentees."""
    if mentor.category is not PersonCategory.STUDENT:
        return []
    low, high = MENTOR_AGE_BAND
    if mentor.birth_date is None:
        return [
            f"Не указана дата рождения наставника-ученика ({mentor.short_name}): "
            f"возраст {low}–{high} лет не проверить."
        ]
    problems = []
    age = age_on(mentor.birth_date, today)
    if not low <= age <= high:
        problems.append(
            f"Наставник-ученик ({mentor.short_name}) должен быть в возрасте {low}–{high} лет, "
            f"а сейчас — {years_text(age)}."
        )
    for mentee in mentees:
        if mentee.birth_date is None:
            problems.append(
                f"Не указана дата рождения наставляемого ({mentee.short_name}): "
                "нельзя проверить, что наставник-ученик старше."
            )
        elif mentor.birth_date >= mentee.birth_date:
            problems.append(
                f"Наставник-ученик ({mentor.short_name}) должен быть старше наставляемого "
                f"({mentee.short_name})."
            )
    return problems


def draft_problems(
    draft: PairDraft,
    people: Mapping[int, Person],
    in_base: Mapping[int, frozenset[int]],
    busy: Mapping[int, str],
    today: date,
) -> list[str]:
    """Russian problems of one draft; empty when it can be stored.

    Args:
        people: the persons by id (mentor and mentees).
        in_base: side (0 mentor, 1 mentee) → ids in that base of the year.
        busy: mentee id → the mentor's short name of his live pair/group this year.
    """
    problems: list[str] = []
    if not draft.mentee_ids:
        return ["Выберите хотя бы одного наставляемого."]
    mentor = people.get(draft.mentor_id)
    mentees = [people[i] for i in dict.fromkeys(draft.mentee_ids) if i in people]
    if mentor is None or len(mentees) < len(set(draft.mentee_ids)):
        return ["Участника пары уже нет в базе: обновите список."]
    if len(set(draft.mentee_ids)) < len(draft.mentee_ids):
        repeated = {i for i in draft.mentee_ids if draft.mentee_ids.count(i) > 1}
        names = ", ".join(people[i].short_name for i in sorted(repeated))
        problems.append(sentence(f"Один и тот же наставляемый выбран дважды: {names}"))
    if draft.mentor_id in draft.mentee_ids:
        problems.append(f"Наставник и наставляемый — одно лицо ({mentor.short_name}).")
    for side, person in [(0, mentor)] + [(1, m) for m in mentees]:
        if person.archived:
            problems.append(f"{person.short_name}: в архиве (выбывшие не включаются в пары).")
        if person.id not in in_base.get(side, frozenset()):
            base = "наставников" if side == 0 else "наставляемых"
            problems.append(f"{person.short_name}: нет в базе {base} этого учебного года.")
        problem = side_problem(person, draft.form, side)
        if problem:
            problems.append(problem)
    for mentee in mentees:
        if mentee.id in busy:
            problems.append(
                f"{mentee.short_name}: уже в паре или группе этого учебного года "
                f"(наставник — {busy[mentee.id or 0]})."
            )
    problems += age_problems(mentor, mentees, today)
    start, end = draft.start_date, draft.planned_end_date
    if start and end and end < start:
        problems.append(
            f"Планируемая дата окончания ({end:%d.%m.%Y}) раньше даты начала ({start:%d.%m.%Y})."
        )
    return problems


def transition_problem(current: GroupStatus, wanted: GroupStatus) -> str | None:
    if wanted in TRANSITIONS[current]:
        return None
    if current in (GroupStatus.COMPLETED, GroupStatus.DISBANDED):
        return f"Пара или группа уже {current.label}: её статус больше не меняется."
    return f"Из статуса «{current.label}» нельзя перейти в статус «{wanted.label}»."
