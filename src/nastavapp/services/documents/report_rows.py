"""The tables of the report's sections as plain rows: the heads and the cells that the xlsx and
the PDF print alike (numbers stay numbers; each writer shows them its own way)."""

from __future__ import annotations

from typing import Any

from .report_content import ReportContent

INDICATOR_HEAD = (
    "№",
    "Показатель и как он считается",
    "Числитель, чел.",
    "Знаменатель, чел.",
    "Значение, %",
    "Целевое значение, %",
    "Выполнение",
)
FORM_HEAD = ("№", "Форма наставничества", "Пар", "Групп", "Всего", "Наставников", "Наставляемых")
STAGE_HEAD = ("№", "Этап", "Мероприятий", "Выполнено", "Просрочено", "Выполнение, %", "Состояние")
SATISFACTION_HEAD = (
    "№",
    "Участники",
    "Анкета",
    "Ответили, чел.",
    "Средний балл (1–10)",
    "Удовлетворены, чел.",
    "Удовлетворены, %",
)


def form_rows(content: ReportContent) -> list[list[Any]]:
    """A row per form of mentoring, then «Всего» (printed in bold)."""
    rows: list[list[Any]] = [
        [n, f.label, f.pairs, f.groups, f.total, f.mentors, f.mentees]
        for n, f in enumerate(content.forms, start=1)
    ]
    total = content.forms_total
    rows.append(["", "Всего", total.pairs, total.groups, total.total, total.mentors, total.mentees])
    return rows


def stage_rows(content: ReportContent) -> list[list[Any]]:
    """A row per stage of the roadmap with its state, then «Всего» (printed in bold)."""
    current = int(content.current_stage.split(".")[0])
    rows: list[list[Any]] = [
        [s.number, s.title, s.events, s.done, s.overdue, s.percent, s.state(current)]
        for s in content.stages
    ]
    whole = content.roadmap_total
    rows.append(["", "Всего", whole.events, whole.done, whole.overdue, whole.percent, ""])
    return rows


def satisfaction_rows(content: ReportContent) -> list[list[Any]]:
    """A row per audience (mentees, mentors)."""
    return [
        [n, s.audience, s.questionnaire, s.respondents, s.average, s.satisfied, s.satisfied_share]
        for n, s in enumerate(content.satisfaction, start=1)
    ]
