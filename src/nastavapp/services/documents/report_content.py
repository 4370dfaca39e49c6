"""The report to the municipal centre as plain data, built once from the store for both files.

«Отчёт о реализации целевой модели наставничества»: the school, the year, the curator and the
reference date; the indicators with their definitions, counts and targets; pairs and groups by
form; the roadmap's progress; the participants' satisfaction; optionally the lists of pairs and of
participants. The machine-readable «data» rows come from :mod:`..report_data`, the one format
the municipal summary reads.

Personal data (152-ФЗ): the report carries figures only unless lists are asked for, and then only
people with a recorded consent are named; the others are counted («участник без согласия»).

The 70 % target («к 2024 году не менее 70 % обучающихся и педагогических работников … вовлечены
в различные формы наставничества») applies where ``indicators.target_of`` says: the involvement
of pupils and of teachers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ...models.vocab import (
    YOUNG_SPECIALIST_MAX_EXPERIENCE,
    MentoringForm,
    RoadmapStage,
)
from ...store import Store
from ..indicators import DEFAULT_SATISFIED_THRESHOLD, compute_indicators, target_of
from ..pair_views import GroupCard, list_groups
from ..progress import stage_progress
from ..report_data import Value, flatten, report_figures
from ..school import curator_name, director_name, get_school
from .errors import ExportError
from .report_lists import ReportLists, build_lists
from .roadmap_rows import _pick_year, initials_signature

Progress = Callable[[int, int], None]

TITLE = "Отчёт о реализации целевой модели наставничества"
TARGET_NOTE = (
    "Целевое значение — не менее 70 %: к 2024 году не менее 70 % обучающихся и педагогических "
    "работников общеобразовательных организаций должны быть вовлечены в различные формы "
    "наставничества (распоряжение Минпросвещения России от 25.12.2019 № Р-145)."
)
INVOLVED = "в парах и группах учебного года (кроме расформированных)"
SATISFIED_FROM = int(DEFAULT_SATISFIED_THRESHOLD)  # a mean of 7–10 out of 10 is «удовлетворён»


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
        """The «Всего» row; its form is a placeholder."""
        return FormRow(
            MentoringForm.STUDENT_STUDENT,
            sum(f.pairs for f in self.forms),
            sum(f.groups for f in self.forms),
            sum(f.mentors for f in self.forms),
            sum(f.mentees for f in self.forms),
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


# --- the indicators ---------------------------------------------------------------------------
_INDICATORS: tuple[tuple[str, str, str, str], ...] = (
    (
        "mentees_10_19",
        "Доля обучающихся в возрасте от 10 до 19 лет, вошедших в программы наставничества "
        "в роли наставляемого",
        f"Обучающиеся 10–19 лет (возраст на дату расчёта) — наставляемые {INVOLVED}, "
        "от всех обучающихся школы этого возраста",
        "Обучающиеся 10–19 лет — наставляемые",
    ),
    (
        "mentors_15_19",
        "Доля обучающихся в возрасте от 15 до 19 лет, вошедших в программы наставничества "
        "в роли наставника",
        f"Обучающиеся 15–19 лет — наставники {INVOLVED}, от всех обучающихся школы этого возраста",
        "Обучающиеся 15–19 лет — наставники",
    ),
    (
        "students_involved",
        "Доля обучающихся, вовлечённых в различные формы наставничества",
        f"Обучающиеся — наставники или наставляемые {INVOLVED}, от всех обучающихся школы",
        "Все обучающиеся",
    ),
    (
        "teachers_involved",
        "Доля педагогических работников, вовлечённых в различные формы наставничества",
        f"Педагоги — наставники или наставляемые {INVOLVED}, от всех педагогов школы",
        "Педагогические работники",
    ),
    (
        "young_specialists_with_mentor",
        "Доля молодых специалистов, у которых есть наставник",
        f"Педагоги со стажем не более {YOUNG_SPECIALIST_MAX_EXPERIENCE} лет — наставляемые "
        f"{INVOLVED}, от всех молодых специалистов школы",
        "Молодые специалисты с наставником",
    ),
)


def indicator_rows(figures: dict[str, Any]) -> tuple[IndicatorRow, ...]:
    """The shares of the «data» figures, with their titles, definitions and targets."""
    counts = figures.get("indicator_counts") or {}
    shares = figures.get("indicators") or {}
    rows = []
    for key, title, definition, short in _INDICATORS:
        count = counts.get(key, {})
        rows.append(
            IndicatorRow(
                key=f"share_{key}",
                title=title,
                definition=definition,
                short_title=short,
                numerator=int(count.get("numerator", 0)),
                denominator=int(count.get("denominator", 0)),
                percent=shares.get(f"share_{key}"),
                target=target_of(key),
            )
        )
    return tuple(rows)


# --- building ---------------------------------------------------------------------------------
def _person_line(last: str, first: str, middle: str, position: str) -> str:
    name = " ".join(p for p in (last, first, middle) if p)
    return f"{name}, {position}" if name and position else name


def build_report_content(
    store: Store,
    reference_date: date,
    year_title: str | None = None,
    *,
    with_lists: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> ReportContent:
    """Read the school's year into a :class:`ReportContent`.

    Args:
        store: the open data file.
        reference_date: the date at which ages and overdue events are counted.
        year_title: «2025/2026»; the current year when None.
        with_lists: add the lists of pairs and of participants (consented people by name).
        now: when the report is made (for tests); the clock when None.
        progress: called with (done, total) as the parts are read.

    Raises:
        ExportError: with a Russian message when there is no school or no such year.
    """
    report = progress or (lambda done, total: None)
    total = 5 if with_lists else 4
    school = get_school(store)
    if school is None:
        raise ExportError("В базе нет сведений о школе: заполните профиль школы.")
    year = _pick_year(store, year_title)
    assert year.id is not None
    made = now or datetime.now()
    try:
        figures = report_figures(store, reference_date, year.title, now=made)
    except LookupError as exc:
        raise ExportError(str(exc)) from exc
    report(1, total)
    found = compute_indicators(store, year.id, reference_date)
    cards = [c for c in list_groups(store, year.id) if c.is_live]
    lists = build_lists(store, year, reference_date, cards) if with_lists else None
    forms = _form_rows(cards)
    report(2 if not with_lists else 3, total)
    stages = stage_progress(store, year.id, reference_date)
    current = RoadmapStage(int(figures["roadmap"]["current_stage"]))
    report(total - 1, total)
    curator, director = curator_name(school), director_name(school)
    content = ReportContent(
        school_full_name=school.full_name,
        school_short_name=school.short_name,
        municipality=school.municipality,
        school_code=school.code,
        curator=_person_line(curator.last, curator.first, curator.middle, school.curator_position),
        curator_signature=initials_signature(curator.last, curator.first, curator.middle),
        director_signature=initials_signature(director.last, director.first, director.middle),
        year_title=year.title,
        reference_date=reference_date,
        made_on=made.date(),
        indicators=indicator_rows(figures),
        forms=forms,
        counts=_counts(figures, found.completed_groups, len(found.partner_organizations)),
        partners=found.partner_organizations,
        stages=tuple(
            StageLine(p.stage.value, p.stage.label, p.total, p.done, p.overdue)
            for p in stages.values()
        ),
        current_stage=f"{current.value}. {current.label}",
        satisfaction=_satisfaction(figures, found),
        data=tuple(flatten(figures)),
        lists=lists,
    )
    report(total, total)
    return content


def _form_rows(cards: Sequence[GroupCard]) -> tuple[FormRow, ...]:
    rows = []
    for form in MentoringForm:
        mine = [c for c in cards if c.form is form]
        rows.append(
            FormRow(
                form,
                pairs=sum(len(c.mentees) <= 1 for c in mine),
                groups=sum(len(c.mentees) > 1 for c in mine),
                mentors=len({c.mentor.id for c in mine}),
                mentees=len({m.id for c in mine for m in c.mentees}),
            )
        )
    return tuple(rows)


def _counts(figures: dict[str, Any], completed: int, partners: int) -> tuple[CountLine, ...]:
    persons = figures["persons"]
    live = sum((figures.get("groups_by_form") or {}).values())
    return (
        CountLine("Обучающихся в школе", persons["students"]),
        CountLine("из них в возрасте 10–19 лет", figures["students_10_19"]),
        CountLine("из них в возрасте 15–19 лет", figures["students_15_19"]),
        CountLine("Педагогических работников", persons["teachers"]),
        CountLine("из них молодых специалистов", figures["young_specialists"]),
        CountLine("Внешних наставников (студенты, работодатели)", persons["external"]),
        CountLine("Наставников в базе наставников", figures["mentors"]),
        CountLine("Наставляемых в базе наставляемых", figures["mentees"]),
        CountLine("Наставнических пар и групп (кроме расформированных)", live),
        CountLine("из них завершили программу", completed),
        CountLine("Расформировано пар и групп", max(int(figures["groups"]) - live, 0)),
        CountLine("Наставляемых, оставшихся без пары", figures["unpaired_mentees"]),
        CountLine("Проведено встреч наставников и наставляемых", figures["meetings"]),
        CountLine("Организаций-партнёров, предоставивших наставников", partners),
        CountLine(
            "Участников без согласия на обработку персональных данных",
            figures["without_consent"],
        ),
    )


def _satisfaction(figures: dict[str, Any], found: Any) -> tuple[SatisfactionLine, ...]:
    counts = figures.get("indicator_counts") or {}
    lines = []
    for audience, key, measured in (
        ("Наставляемые", "satisfaction_mentees", found.satisfaction_mentees),
        ("Наставники", "satisfaction_mentors", found.satisfaction_mentors),
    ):
        count = counts.get(key, {})
        phase = measured.phase
        lines.append(
            SatisfactionLine(
                audience=audience,
                questionnaire=f"{phase.label} анкета" if phase is not None else "—",
                respondents=int(count.get("denominator", 0)),
                average=(figures.get("indicators") or {}).get(key),
                satisfied=int(count.get("numerator", 0)),
                satisfied_share=measured.satisfied_share,
            )
        )
    return tuple(lines)


# --- text helpers shared by the writers ---------------------------------------------------------
def number_text(value: float | None, unit: str = "") -> str:
    """«21,8 %», «8,3», «—» for a missing value (Russian decimal comma, non-breaking space)."""
    if value is None:
        return "—"
    text = f"{value:.1f}".replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text
