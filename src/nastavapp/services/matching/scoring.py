"""The score of one mentor for one mentee, with its reasons in words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ...models.vocab import MENTOR_AGE_BAND, MentoringForm, MentorStatus, PersonCategory
from ...store.text import ru_fold
from .pool import Candidate
from .weights import MAX_FREE_PLACES_BONUS, MAX_REQUEST_MATCHES, points

_WORD = re.compile(r"[а-яa-z]{4,}")
STEM = 5  # «математика», «математике», «математический» share «матем»


@dataclass(frozen=True)
class Score:
    points: int
    reasons: tuple[str, ...]


def age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(word[:STEM] for word in _WORD.findall(ru_fold(text)))


def _years(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} года"
    return f"{n} лет"


def hard_rule_broken(
    mentor: Candidate, mentee: Candidate, form: MentoringForm, today: date
) -> str | None:
    """Why this pair cannot be proposed at all (Russian), or None."""
    if mentor.person_id == mentee.person_id:
        return "наставник и наставляемый — одно лицо"
    if mentor.free <= 0:
        return "у наставника нет свободных мест"
    if mentor.category is PersonCategory.STUDENT:
        mentor_age = age_on(mentor.birth_date, today)
        low, high = MENTOR_AGE_BAND
        if mentor_age is None or not low <= mentor_age <= high:
            return f"наставник-ученик должен быть в возрасте {low}–{high} лет"
        if (
            mentee.birth_date is None
            or mentor.birth_date is None
            or (mentor.birth_date >= mentee.birth_date)
        ):
            return "наставник-ученик должен быть старше наставляемого"
    return None


def score_pair(
    mentor: Candidate, mentee: Candidate, preferences: frozenset[tuple[int, int]], today: date
) -> Score:
    total, reasons = 0, []

    def add(name: str, reason: str) -> None:
        nonlocal total
        total += points(name)
        reasons.append(reason)

    named_by_mentee = (mentee.person_id, mentor.person_id) in preferences
    named_by_mentor = (mentor.person_id, mentee.person_id) in preferences
    if named_by_mentee and named_by_mentor:
        add("mutual_choice", "взаимный выбор после групповой встречи")
    elif named_by_mentee:
        add("mentee_named_mentor", "наставляемый назвал этого наставника после групповой встречи")
    elif named_by_mentor:
        add("mentor_named_mentee", "наставник назвал этого наставляемого после групповой встречи")

    competence_stems = [(text, _stems(text)) for text in mentor.texts]
    matched = 0
    for request in mentee.texts:
        hit = next((text for text, stems in competence_stems if stems & _stems(request)), None)
        if hit is not None and matched < MAX_REQUEST_MATCHES:
            add("request_match", f"запрос «{request}» совпадает с компетенцией «{hit}»")
            matched += 1

    if (
        mentor.category is PersonCategory.TEACHER
        and mentee.category is PersonCategory.TEACHER
        and mentor.subject
        and ru_fold(mentor.subject) == ru_fold(mentee.subject)
    ):
        add("same_subject", f"один предмет: {mentor.subject}")
    if (
        mentor.category is PersonCategory.STUDENT
        and mentee.category is PersonCategory.STUDENT
        and mentor.class_name
        and mentor.class_name == mentee.class_name
    ):
        add("same_class", f"один класс: {mentor.class_name}")

    if mentor.status is MentorStatus.ACTIVE:
        add("mentor_ready", "наставник обучен и готов к работе")
    elif mentor.status is MentorStatus.TRAINED:
        add("mentor_trained", "наставник прошёл обучение")
    elif mentor.status is MentorStatus.CANDIDATE:
        add("mentor_candidate", "наставник ещё не прошёл отбор и обучение")

    if mentor.category is PersonCategory.STUDENT and mentor.birth_date and mentee.birth_date:
        older = (age_on(mentor.birth_date, today) or 0) - (age_on(mentee.birth_date, today) or 0)
        if older >= 2:
            add("mentor_older", f"наставник старше на {_years(older)}")
        elif older == 1:
            add("mentor_slightly_older", "наставник старше на 1 год")

    extra = min(mentor.free - 1, MAX_FREE_PLACES_BONUS)
    if extra > 0:
        total += extra * points("free_places")
        reasons.append(f"свободных мест у наставника: {mentor.free}")
    return Score(total, tuple(reasons))
