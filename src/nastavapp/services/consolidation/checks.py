"""Checks of a «data» sheet before its figures enter the summary.

A report is taken only when it has a format version this program knows, a school identity and
an academic year, and figures that make sense: no negative or fractional count, no numerator
above its denominator, no share above 100 % or off its own numerator and denominator.
"""

from __future__ import annotations

from datetime import date, datetime

from ..report_data import FORMAT_VERSION, Value
from ..years import YearError, parse_year_title
from .figures import (
    INDICATORS,
    REQUIRED_COUNTS,
    SATISFACTION_AVERAGES,
    SATISFACTION_SCALE,
    decimal,
    is_summed,
    key_label,
)
from .report import SchoolReport

# The school rounds its shares to 0.1; anything further off was not computed from its counts.
SHARE_TOLERANCE = 0.11
MAX_PROBLEMS_SAID = 3


class ReportRejected(Exception):
    """The file is not taken; ``str()`` is the Russian reason shown beside the file's name."""


def _text(values: dict[str, Value], key: str) -> str:
    value = values.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _format_version(values: dict[str, Value]) -> int:
    raw = values.get("format_version")
    if raw is None:
        raise ReportRejected(
            "это не отчёт программы: в листе «data» нет версии формата (format_version)."
        )
    if not isinstance(raw, int | float) or not float(raw).is_integer() or raw < 1:
        raise ReportRejected(f"неизвестная версия формата отчёта «{raw}».")
    version = int(raw)
    if version > FORMAT_VERSION:
        raise ReportRejected(
            f"отчёт сделан более новой версией программы (формат {version}, а эта версия "
            f"читает формат {FORMAT_VERSION}): обновите программу и добавьте файл снова."
        )
    return version


def _year(values: dict[str, Value]) -> str:
    raw = _text(values, "year")
    if not raw:
        raise ReportRejected("в отчёте не указан учебный год.")
    try:
        return parse_year_title(raw)[0]
    except YearError as exc:
        raise ReportRejected(f"учебный год «{raw}» записан неверно.") from exc


# No school counts more of anything (pupils, meetings, answers): a bigger figure is a typo or
# a damaged file, and summed with the others it would drag every municipal share to «0,0 %».
MAX_COUNT = 1_000_000


def _count_problems(values: dict[str, Value]) -> list[str]:
    found = []
    for key in REQUIRED_COUNTS:
        if values.get(key) is None:
            found.append(f"нет числа «{key_label(key)}»")
    for key, value in values.items():
        if not is_summed(key) or value is None:
            continue
        if not isinstance(value, int | float) or not float(value).is_integer():
            found.append(f"число «{key_label(key)}» — не целое ({value})")
        elif value < 0:
            found.append(f"отрицательное число «{key_label(key)}» ({decimal(value, 0)})")
        elif value > MAX_COUNT:
            found.append(f"слишком большое число «{key_label(key)}» ({decimal(value, 0)})")
    return found


def _ratio_problems(values: dict[str, Value]) -> list[str]:
    found = []
    for spec in INDICATORS:
        numerator = values.get(f"indicator_counts.{spec.key}.numerator")
        denominator = values.get(f"indicator_counts.{spec.key}.denominator")
        if numerator is None or denominator is None:
            if spec.required:
                found.append(f"нет числителя и знаменателя показателя «{spec.label}»")
            continue
        if not isinstance(numerator, int | float) or not isinstance(denominator, int | float):
            continue  # said by the count checks
        if numerator > denominator:
            found.append(
                f"«{spec.label}»: числитель {decimal(numerator, 0)} больше знаменателя "
                f"{decimal(denominator, 0)}"
            )
        if spec.share_key is None:
            continue
        stated = values.get(spec.share_key)
        if stated is None:
            continue
        if not isinstance(stated, int | float):
            found.append(f"«{spec.label}»: доля записана не числом ({stated})")
        elif stated > 100:
            found.append(f"«{spec.label}»: доля больше 100 % ({decimal(stated)} %)")
        elif stated < 0:
            found.append(f"«{spec.label}»: отрицательная доля ({decimal(stated)} %)")
        elif denominator > 0 and abs(stated - 100 * numerator / denominator) > SHARE_TOLERANCE:
            found.append(
                f"«{spec.label}»: доля {decimal(stated)} % не сходится с числами "
                f"{decimal(numerator, 0)} из {decimal(denominator, 0)}"
            )
    low, high = SATISFACTION_SCALE
    for key in SATISFACTION_AVERAGES.values():
        average = values.get(key)
        if average is not None and (
            not isinstance(average, int | float) or not low <= average <= high
        ):
            who = "наставляемых" if key.endswith("mentees") else "наставников"
            found.append(f"средняя оценка удовлетворённости {who} вне шкалы 1–10 ({average})")
    return found


def _date(values: dict[str, Value], key: str) -> date | None:
    try:
        return date.fromisoformat(_text(values, key)[:10])
    except ValueError:
        return None


def _datetime(values: dict[str, Value], key: str) -> datetime | None:
    try:
        return datetime.fromisoformat(_text(values, key))
    except ValueError:
        return None


def check_report(values: dict[str, Value], source: str = "") -> SchoolReport:
    """The report in ``values`` (the «data» rows), checked.

    Raises:
        ReportRejected: with the Russian reason (unknown or newer format, no school or year,
            figures that cannot be).
    """
    version = _format_version(values)
    full_name = _text(values, "school.full_name")
    short_name = _text(values, "school.short_name")
    if not full_name and not short_name:
        raise ReportRejected("в отчёте не указано наименование школы.")
    year = _year(values)
    problems = _count_problems(values) + _ratio_problems(values)
    if problems:
        said = "; ".join(problems[:MAX_PROBLEMS_SAID])
        more = len(problems) - MAX_PROBLEMS_SAID
        tail = f" и ещё {more}" if more > 0 else ""
        raise ReportRejected(f"невозможные числа: {said}{tail}.")
    return SchoolReport(
        full_name=full_name or short_name,
        short_name=short_name,
        municipality=_text(values, "school.municipality"),
        code=_text(values, "school.code"),
        year=year,
        format_version=version,
        reference_date=_date(values, "reference_date"),
        generated_at=_datetime(values, "generated_at"),
        figures=dict(values),
        source=source,
    )
