"""The weights of the matching score, in one place, each with its explanation for the curator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weight:
    points: int
    explanation: str  # Russian, shown in the matching screen's «Как считается оценка»


WEIGHTS: dict[str, Weight] = {
    "mutual_choice": Weight(
        50,
        "наставник и наставляемый назвали друг друга после групповой "
        "встречи — взаимный выбор весит больше всего",
    ),
    "mentee_named_mentor": Weight(
        25, "наставляемый назвал этого наставника после групповой встречи"
    ),
    "mentor_named_mentee": Weight(
        15, "наставник назвал этого наставляемого после групповой встречи"
    ),
    "request_match": Weight(
        30,
        "запрос наставляемого совпадает с компетенцией или предметом "
        "наставника (за каждый запрос, не больше двух)",
    ),
    "same_subject": Weight(15, "педагоги одного предмета"),
    "same_class": Weight(8, "ученики одного класса (равный – равному)"),
    "mentor_ready": Weight(15, "наставник прошёл обучение и готов к работе"),
    "mentor_trained": Weight(8, "наставник прошёл обучение"),
    "mentor_candidate": Weight(-10, "наставник ещё не прошёл собеседование и обучение"),
    "mentor_older": Weight(10, "наставник-ученик старше наставляемого на два года и больше"),
    "mentor_slightly_older": Weight(4, "наставник-ученик старше наставляемого на год"),
    "free_places": Weight(
        2,
        "у наставника есть свободные места (за каждое сверх первого, "
        "не больше трёх) — нагрузка распределяется ровнее",
    ),
}

MAX_REQUEST_MATCHES = 2
MAX_FREE_PLACES_BONUS = 3

# Hard rules: a pair that breaks one is never proposed.
RULES: tuple[str, ...] = (
    "категории участников соответствуют форме наставничества (для формы «ученик – ученик» "
    "наставник — ученик, для «студент – ученик» — студент, для «работодатель – ученик» — "
    "представитель работодателя …)",
    "наставник-ученик в возрасте 15–19 лет и старше наставляемого",
    "у наставника есть свободные места",
)


def points(name: str) -> int:
    return WEIGHTS[name].points
