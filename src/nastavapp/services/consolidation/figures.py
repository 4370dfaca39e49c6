"""The figures the municipal summary shows, with their Russian names, and how numbers are written.

Indicator keys are those of ``indicator_counts.<key>.numerator/denominator`` in the «data» sheet
(see ``services/report_data.py``); counts are the plain keys of ``nastavapp stats --json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..indicators import share, target_of


@dataclass(frozen=True)
class IndicatorSpec:
    """One share of the summary: its «data» key, its names and its target (None: no target)."""

    key: str
    label: str  # in the PDF and the comparison, a whole phrase
    short: str  # a column header
    target: float | None = None
    share_key: str | None = None  # the school's own rounded share in «data», checked against
    required: bool = True  # a report without its numerator and denominator is refused


INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        "mentees_10_19",
        "Доля обучающихся 10–19 лет, вошедших в программы наставничества в роли наставляемого",
        "Обучающиеся 10–19 лет — наставляемые, %",
        share_key="indicators.share_mentees_10_19",
    ),
    IndicatorSpec(
        "mentors_15_19",
        "Доля обучающихся 15–19 лет, вошедших в программы наставничества в роли наставника",
        "Обучающиеся 15–19 лет — наставники, %",
        share_key="indicators.share_mentors_15_19",
    ),
    IndicatorSpec(
        "students_involved",
        "Доля обучающихся, вовлечённых в наставничество",
        "Обучающиеся в наставничестве, %",
        target=target_of("students_involved"),
        share_key="indicators.share_students_involved",
    ),
    IndicatorSpec(
        "teachers_involved",
        "Доля педагогических работников, вовлечённых в наставничество",
        "Педагоги в наставничестве, %",
        target=target_of("teachers_involved"),
        share_key="indicators.share_teachers_involved",
    ),
    IndicatorSpec(
        "young_specialists_with_mentor",
        "Доля молодых специалистов, имеющих наставника",
        "Молодые специалисты с наставником, %",
        share_key="indicators.share_young_specialists_with_mentor",
    ),
    IndicatorSpec(
        "satisfaction_mentees",
        "Доля наставляемых, удовлетворённых участием в программе",
        "Удовлетворены наставляемые, %",
        required=False,
    ),
    IndicatorSpec(
        "satisfaction_mentors",
        "Доля наставников, удовлетворённых участием в программе",
        "Удовлетворены наставники, %",
        required=False,
    ),
)
INDICATOR_BY_KEY = {spec.key: spec for spec in INDICATORS}
TARGETED = tuple(spec for spec in INDICATORS if spec.target is not None)


@dataclass(frozen=True)
class CountSpec:
    key: str
    label: str


# The counts of the summary table, in its order.
COUNTS: tuple[CountSpec, ...] = (
    CountSpec("persons.students", "Обучающихся"),
    CountSpec("persons.teachers", "Педагогов"),
    CountSpec("mentors", "Наставников"),
    CountSpec("mentees", "Наставляемых"),
    CountSpec("groups", "Пар и групп"),
    CountSpec("unpaired_mentees", "Без пары"),
    CountSpec("meetings", "Встреч"),
)
COUNT_BY_KEY = {spec.key: spec for spec in COUNTS}

# Plain counts a report must hold and a summary adds up; prefixes add every key under them.
SUMMED_KEYS: tuple[str, ...] = (
    "persons.students",
    "persons.teachers",
    "persons.external",
    "mentors",
    "mentees",
    "groups",
    "students_10_19",
    "students_15_19",
    "young_specialists",
    "without_consent",
    "unpaired_mentees",
    "meetings",
)
REQUIRED_COUNTS = ("persons.students", "persons.teachers", "mentors", "mentees", "groups")
SUMMED_PREFIXES = ("groups_by_form.", "indicator_counts.")
SATISFACTION_AVERAGES = {
    "satisfaction_mentees": "indicators.satisfaction_mentees",
    "satisfaction_mentors": "indicators.satisfaction_mentors",
}
SATISFACTION_SCALE = (1.0, 10.0)

_KEY_LABELS = {
    **{spec.key: spec.label.lower() for spec in COUNTS},
    "persons.external": "внешних участников",
    "students_10_19": "обучающихся 10–19 лет",
    "students_15_19": "обучающихся 15–19 лет",
    "young_specialists": "молодых специалистов",
    "without_consent": "без согласия на обработку данных",
    "unpaired_mentees": "наставляемых без пары",
    "meetings": "встреч",
}


def key_label(key: str) -> str:
    """A «data» key in words, for the reasons a report is refused."""
    if key in _KEY_LABELS:
        return _KEY_LABELS[key]
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "indicator_counts" and parts[1] in INDICATOR_BY_KEY:
        role = "числитель" if parts[2] == "numerator" else "знаменатель"
        return f"{role} показателя «{INDICATOR_BY_KEY[parts[1]].label}»"
    return key


DASH = "—"
NBSP = "\u00a0"


@dataclass(frozen=True)
class Ratio:
    """A numerator and a denominator; municipal ratios are sums of the schools' ones."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return share(self.numerator, self.denominator)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


def is_summed(key: str) -> bool:
    return key in SUMMED_KEYS or key.startswith(SUMMED_PREFIXES)


def decimal(value: float | None, places: int = 1) -> str:
    """35.4 → «35,4»; None → «—» (Russian decimal comma)."""
    if value is None:
        return DASH
    return f"{value:.{places}f}".replace(".", ",").replace("-", "−")


def share_text(value: float | None) -> str:
    """35.4 → «35,4 %» (non-breaking space); None → «—»."""
    return DASH if value is None else f"{decimal(value)}{NBSP}%"


def change(value: float | None) -> str:
    """A change in percentage points: «+3,2», «−1,0», «0,0»; None → «—»."""
    if value is None:
        return DASH
    text = decimal(abs(value))
    if round(value, 1) > 0:
        return f"+{text}"
    if round(value, 1) < 0:
        return f"−{text}"
    return text


def count_text(value: int | None) -> str:
    """12345 → «12 345» (a thin non-breaking space between thousands)."""
    if value is None:
        return DASH
    return f"{value:,}".replace(",", "\u202f")


def schools_word(number: int) -> str:
    """«школа», «школы», «школ» for ``number``."""
    last_two, last = number % 100, number % 10
    if 11 <= last_two <= 14:
        return "школ"
    if last == 1:
        return "школа"
    if 2 <= last <= 4:
        return "школы"
    return "школ"
