"""The parts of the report as plain data, with no database behind them: the indicators'
rows, pairs and groups by form, the roadmap's stages, the satisfaction, the main counts, and
:class:`ReportContent` that holds them all; the number format the writers share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...models.vocab import MentoringForm
from ..indicators import DEFAULT_SATISFIED_THRESHOLD
from ..report_data import Value
from .report_lists import ReportLists

TITLE = "Отчёт о реализации целевой модели наставничества"


@dataclass(frozen=True)
class IndicatorRow:
    """A share of the target model: who is counted (numerator) out of whom (denominator)."""

    key: str  # the «data» sheet's name: «share_mentees_10_19»
    title: str
    definition: str
    short_title: str  # for the chart
    numerator: int
    denominator: int
    percent: float | None  # None when there is nobody to count (shown «—»)
    target: float | None

    @property
    def target_text(self) -> str:
        """«не менее 70» or «—»."""
        return "—" if self.target is None else f"не менее {self.target:g}"

    @property
    def verdict(self) -> str:
        """«достигнуто», «не достигнуто», or «—» without a target or a value."""
        if self.target is None or self.percent is None:
            return "—"
        return "достигнуто" if self.percent >= self.target else "не достигнуто"


@dataclass(frozen=True)
class FormRow:
    """Pairs and groups of one form (not disbanded) and the people in them."""

    form: MentoringForm
    pairs: int
    groups: int
    mentors: int
    mentees: int

    @property
    def label(self) -> str:
        return self.form.label

    @property
    def total(self) -> int:
        return self.pairs + self.groups


@dataclass(frozen=True)
class StageLine:
    """One stage of the roadmap: events, done (or «не требуется») and overdue ones."""

    number: int
    title: str
    events: int
    done: int
    overdue: int

    @property
    def percent(self) -> float | None:
        return None if self.events == 0 else round(100.0 * self.done / self.events, 1)

    def state(self, current: int) -> str:
        """«выполнен», «текущий этап» (``current`` is its number), «в работе» or «не начат»;
        «—» for a stage with no events."""
        if self.events == 0:
            return "—"
        if self.done == self.events:
            return "выполнен"
        if self.number == current:
            return "текущий этап"
        return "в работе" if self.done else "не начат"


@dataclass(frozen=True)
class SatisfactionLine:
    """Satisfaction of mentees or mentors on the 1–10 scale of the questionnaires."""

    audience: str  # «Наставляемые»
    questionnaire: str  # «итоговая анкета», «входная анкета» or «—»
    respondents: int
    average: float | None
    satisfied: int
    satisfied_share: float | None


@dataclass(frozen=True)
class CountLine:
    label: str
    value: int | str


@dataclass(frozen=True)
class ReportContent:
    """Everything the report shows, with no database behind it."""

    school_full_name: str
    school_short_name: str
    municipality: str
    school_code: str
    curator: str  # «Петров Илья Сергеевич, заместитель директора по УВР»
    curator_signature: str  # «И. С. Петров»
    director_signature: str
    year_title: str
    reference_date: date
    made_on: date
    indicators: tuple[IndicatorRow, ...]
    forms: tuple[FormRow, ...]
    counts: tuple[CountLine, ...]
    partners: tuple[str, ...]
    stages: tuple[StageLine, ...]
    current_stage: str  # «6. Организация работы наставнических пар / групп»
    satisfaction: tuple[SatisfactionLine, ...]
    data: tuple[tuple[str, Value], ...]  # the «data» sheet, header excluded
    lists: ReportLists | None = None
    satisfied_from: float = DEFAULT_SATISFIED_THRESHOLD  # the mean from which one is satisfied
    # the different mentors and mentees of all forms: a teacher who mentors in two forms is
    # one person in «Всего» (None: the sum of the forms' rows)
    forms_people: tuple[int, int] | None = None

    @property
    def satisfied_rule(self) -> str:
        """The note under the satisfaction table, with the school's threshold."""
        low = f"{self.satisfied_from:g}".replace(".", ",")
        return (
            "Удовлетворённым считается участник, средняя оценка которого по вопросам анкеты — "
            f"от {low} до 10 баллов."
        )

    @property
    def title(self) -> str:
        return TITLE

    @property
    def subtitle(self) -> str:
        return f"за {self.year_title} учебный год"

    @property
    def name(self) -> str:
        return self.school_short_name or self.school_full_name

    @property
    def roadmap_total(self) -> StageLine:
        return StageLine(
            0,
            "Всего",
            sum(s.events for s in self.stages),
            sum(s.done for s in self.stages),
            sum(s.overdue for s in self.stages),
        )

    @property
    def forms_total(self) -> FormRow:
        """The «Всего» row; its form is a placeholder. Mentors and mentees are counted once
        each, however many forms they are in."""
        mentors, mentees = self.forms_people or (
            sum(f.mentors for f in self.forms),
            sum(f.mentees for f in self.forms),
        )
        return FormRow(
            MentoringForm.STUDENT_STUDENT,
            sum(f.pairs for f in self.forms),
            sum(f.groups for f in self.forms),
            mentors,
            mentees,
        )

    def header_lines(self) -> list[tuple[str, str]]:
        """(label, value) of the report's heading block."""
        lines = [("Образовательная организация", self.school_full_name)]
        if self.municipality:
            lines.append(("Муниципальное образование", self.municipality))
        lines.append(("ИНН или код организации", self.school_code or "—"))
        lines.append(("Куратор", self.curator or "—"))
        lines.append(("Учебный год", self.year_title))
        lines.append(("Дата расчёта показателей", f"{self.reference_date:%d.%m.%Y}"))
        lines.append(("Дата составления отчёта", f"{self.made_on:%d.%m.%Y}"))
        return lines


def number_text(value: float | None, unit: str = "") -> str:
    """«21,8 %», «8,3», «—» for a missing value (Russian decimal comma, non-breaking space)."""
    if value is None:
        return "—"
    text = f"{value:.1f}".replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text
