"""The indicators of the target model in the report: each share's title, how it is counted
and its short title for the chart, with the 70 % target and the note that explains it.
"""

from __future__ import annotations

from typing import Any

from ...models.vocab import YOUNG_SPECIALIST_MAX_EXPERIENCE
from ..indicators import target_of
from .report_parts import IndicatorRow

TARGET_NOTE = (
    "Целевое значение — не менее 70 %: к 2024 году не менее 70 % обучающихся и педагогических "
    "работников общеобразовательных организаций должны быть вовлечены в различные формы "
    "наставничества (распоряжение Минпросвещения России от 25.12.2019 № Р-145)."
)
INVOLVED = "в парах и группах учебного года (кроме расформированных)"

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
