"""What each indicator on the dashboard means, in the words of the school's reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...services.indicators import Indicators, Ratio, target_of

LIVE = "в действующих (не расформированных) парах и группах учебного года"


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    title: str  # on the card
    short: str  # a chart's category
    numerator: str  # who is counted
    denominator: str  # out of whom
    ratio: Callable[[Indicators], Ratio]

    @property
    def target(self) -> float | None:
        """The federal target share, where the domain says it applies (``target_of``)."""
        return target_of(self.key)

    @property
    def definition(self) -> str:
        """«доля … = наставляемые … ÷ все обучающиеся 10–19 лет школы»"""
        return f"{self.title.lower()} = {self.numerator} ÷ {self.denominator}"


SPECS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        "mentees_10_19",
        "Доля обучающихся 10–19 лет в роли наставляемого",
        "Обучающиеся 10–19 лет — наставляемые",
        f"обучающиеся 10–19 лет, наставляемые {LIVE}",
        "все обучающиеся 10–19 лет школы",
        lambda i: i.mentees_10_19,
    ),
    IndicatorSpec(
        "mentors_15_19",
        "Доля обучающихся 15–19 лет в роли наставника",
        "Обучающиеся 15–19 лет — наставники",
        f"обучающиеся 15–19 лет, наставники {LIVE}",
        "все обучающиеся 15–19 лет школы",
        lambda i: i.mentors_15_19,
    ),
    IndicatorSpec(
        "students_involved",
        "Доля обучающихся, вовлечённых в наставничество",
        "Все обучающиеся",
        f"обучающиеся — наставники или наставляемые {LIVE}",
        "все обучающиеся школы",
        lambda i: i.students_involved,
    ),
    IndicatorSpec(
        "teachers_involved",
        "Доля педагогов, вовлечённых в наставничество",
        "Педагоги",
        f"педагоги — наставники или наставляемые {LIVE}",
        "все педагогические работники школы",
        lambda i: i.teachers_involved,
    ),
    IndicatorSpec(
        "young_specialists_with_mentor",
        "Доля молодых специалистов с наставником",
        "Молодые специалисты",
        f"педагоги со стажем до 3 лет, наставляемые {LIVE}",
        "все педагоги школы со стажем до 3 лет",
        lambda i: i.young_specialists_with_mentor,
    ),
)
BY_KEY = {spec.key: spec for spec in SPECS}
