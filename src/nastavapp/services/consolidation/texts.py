"""The summary's sentences, the same on the screen, in the workbook and in the PDF."""

from __future__ import annotations

from datetime import date

from .figures import TARGETED, decimal, share_text
from .summary import Summary

SUMMARY_TITLE = "Сводка муниципального мониторинга реализации целевой модели наставничества"
NOTE_TITLE = "Аналитическая справка"
NOTE_SUBTITLE = (
    "по результатам муниципального мониторинга состояния внедрения и реализации "
    "целевой модели наставничества в образовательных организациях"
)


def summary_title() -> str:
    return SUMMARY_TITLE


def _genitive_schools(number: int) -> str:
    """«от 1 школы», «от 5 школ», «из 21 школы»."""
    return "школы" if number % 10 == 1 and number % 100 != 11 else "школ"


def day_text(day: date | None) -> str:
    return "—" if day is None else f"{day:%d.%m.%Y}"


def received_text(summary: Summary) -> str:
    """«Отчёты получены от 5 из 7 школ» / «… от 5 школ» (without a list of expected ones)."""
    got = summary.totals.schools
    if summary.awaited:
        return f"Отчёты получены от {got} из {summary.awaited} {_genitive_schools(summary.awaited)}"
    if got == 0:
        return "Отчётов школ пока нет"
    return f"Отчёты получены от {got} {_genitive_schools(got)}"


def dates_text(summary: Summary) -> str:
    first, last = summary.reference_dates
    if first is None:
        return ""
    if first == last:
        return f"данные на {day_text(first)}"
    return f"данные на {day_text(first)}–{day_text(last)}"


def year_line(summary: Summary) -> str:
    """«2025/2026 учебный год. Отчёты получены от 5 из 7 школ, данные на 20.11.2025.»"""
    tail = dates_text(summary)
    tail = f", {tail}" if tail else ""
    return f"{summary.year} учебный год. {received_text(summary)}{tail}."


def made_line(summary: Summary) -> str:
    return f"Сводка составлена {day_text(summary.made_on)}."


def in_schools(number: int) -> str:
    """«в 1 школе», «в 5 школах», «в 21 школе»."""
    return f"в {number} школе" if number % 10 == 1 and number % 100 != 11 else f"в {number} школах"


def target_sentences(summary: Summary) -> list[str]:
    """For each indicator with a target: «Доля …: по муниципалитету 34,1 % при целевом
    значении 70 % — не достигнуто; достигнуто в 1 школе из 5, ниже цели — в 4 школах.»"""
    sentences = []
    total = len(summary.rows)
    for spec in TARGETED:
        assert spec.target is not None
        municipal = summary.totals.share(spec.key)
        below = len(summary.below(spec))
        reached = sum(row.share(spec.key) is not None for row in summary.rows) - below
        if municipal is None:
            verdict = "не рассчитано"
        else:
            verdict = "достигнуто" if municipal >= spec.target else "не достигнуто"
        sentence = (
            f"{spec.label}: по муниципалитету {share_text(municipal)} при целевом значении "
            f"{decimal(spec.target, 0)}\u00a0% — {verdict}"
        )
        if not total:
            sentence += "."
        elif reached == 0:
            sentence += f"; не достигнуто ни в одной из {total} {_genitive_schools(total)}."
        elif below == 0:
            sentence += f"; достигнуто во всех школах ({total})."
        else:
            sentence += (
                f"; достигнуто {in_schools(reached)} из {total}, ниже цели — {in_schools(below)}."
            )
        sentences.append(sentence)
    return sentences
