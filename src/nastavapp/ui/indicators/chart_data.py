"""The four charts of the dashboard built from the domain's figures (no drawing here)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...models.vocab import Audience, MentoringForm, QuestionnairePhase, RoadmapStage
from ...services.indicators import TARGET_SHARE, Indicators
from ...services.monitoring import ScoreSummary
from ...services.progress import StageProgress
from .charts import BarChart, Series
from .definitions import SPECS
from .formatting import NBSP, average, number, of

TARGET_TEXT = f"цель — {number(TARGET_SHARE)}{NBSP}%"


@dataclass(frozen=True)
class DashboardFigures:
    """Everything the dashboard's charts show, read once per reference date."""

    indicators: Indicators
    satisfaction: dict[tuple[Audience, QuestionnairePhase], ScoreSummary]
    stages: dict[RoadmapStage, StageProgress]
    threshold: float


def involvement_chart(indicators: Indicators) -> BarChart:
    """Every share, with the federal target marked on the bars it applies to."""
    ratios = [s.ratio(indicators) for s in SPECS]
    return BarChart(
        "Вовлечённость в наставничество, %",
        tuple(s.short for s in SPECS),
        (
            Series(
                "Доля",
                tuple(r.percent for r in ratios),
                tuple(
                    ""
                    if r.percent is None
                    else f"{number(r.percent)}{NBSP}% ({of(len(r.numerator), len(r.denominator))})"
                    for r in ratios
                ),
            ),
        ),
        100.0,
        25.0,
        "%",
        target_text=f"{TARGET_TEXT} (для всех обучающихся и для педагогов)",
        note="«—» — в школе нет людей для расчёта доли"
        if any(r.percent is None for r in ratios)
        else "",
        category_targets=tuple(s.target for s in SPECS),
    )


def _nice_top(value: float) -> tuple[float, float]:
    """An axis end and a tick step for counts: 5 → (6, 1), 23 → (25, 5)."""
    if value <= 5:
        return max(1.0, value + 1), 1.0
    step = 2.0 if value <= 12 else 5.0 if value <= 40 else 10.0
    return step * math.ceil((value + 1) / step), step


def forms_chart(indicators: Indicators) -> BarChart:
    counts = indicators.groups_by_form
    forms = [f for f in MentoringForm if counts.get(f.value)] or list(MentoringForm)[:2]
    values = tuple(float(counts.get(f.value, 0)) for f in forms)
    top, step = _nice_top(max(values, default=0))
    return BarChart(
        "Наставнические пары и группы по формам",
        tuple(f.label for f in forms),
        (Series("Пары и группы", values),),
        top,
        step,
        note=f"Всего: {sum(int(v) for v in values)} (расформированные не учитываются)",
    )


def satisfaction_chart(figures: DashboardFigures) -> BarChart:
    audiences = (Audience.MENTEE, Audience.MENTOR)
    series = []
    for phase, name in (
        (QuestionnairePhase.ENTRY, "входная анкета"),
        (QuestionnairePhase.FINAL, "итоговая анкета"),
    ):
        found = [figures.satisfaction[a, phase] for a in audiences]
        series.append(
            Series(
                name.capitalize(),
                tuple(s.average for s in found),
                tuple(
                    "нет ответов"
                    if s.average is None
                    else f"{average(s.average)} ({s.respondents})"
                    for s in found
                ),
            )
        )
    threshold = number(figures.threshold)
    return BarChart(
        "Удовлетворённость участников: средний балл из 10",
        ("Наставляемые", "Наставники"),
        tuple(series),
        10.0,
        2.0,
        target=figures.threshold,
        target_text=f"порог «удовлетворён» — {threshold}",
        note="В скобках — число ответивших",
    )


def stages_chart(stages: dict[RoadmapStage, StageProgress]) -> BarChart:
    order = list(RoadmapStage)
    progress = [stages.get(s) for s in order]
    return BarChart(
        "Этапы дорожной карты: выполнено мероприятий, %",
        tuple(f"{s.value}. {s.short_label}" for s in order),
        (
            Series(
                "Выполнено",
                tuple(
                    100.0 * p.done / p.total if p is not None and p.total else None
                    for p in progress
                ),
                tuple(
                    of(p.done, p.total) + (f", просрочено {p.overdue}" if p.overdue else "")
                    if p is not None and p.total
                    else "нет мероприятий"
                    for p in progress
                ),
            ),
        ),
        100.0,
        25.0,
        "%",
    )


def dashboard_charts(figures: DashboardFigures) -> list[BarChart]:
    return [
        involvement_chart(figures.indicators),
        forms_chart(figures.indicators),
        satisfaction_chart(figures),
        stages_chart(figures.stages),
    ]
