"""How the summary's columns are titled on screen: short headers of two or three lines, so
that sixteen columns fit a 1366 px window, with the full wording in the header's tooltip and
in the «Столбцы» menu. The workbook and the PDF keep their own (long) headers.
"""

from __future__ import annotations

from ...services.consolidation.figures import decimal, key_label
from ...services.consolidation.table import COLUMNS, Column

# Line breaks are explicit (a header does not wrap by itself); a word broken across lines
# keeps its hyphen, as in a printed table.
SCREEN_HEADERS: dict[str, str] = {
    "name": "Школа",
    "persons.students": "Обучаю-\nщихся",
    "persons.teachers": "Педаго-\nгов",
    "mentors": "Настав-\nников",
    "mentees": "Настав-\nляемых",
    "groups": "Пар\nи групп",
    "unpaired_mentees": "Без\nпары",
    "meetings": "Встреч",
    "mentees_10_19": "10–19 лет:\nнастав-\nляемые, %",
    "mentors_15_19": "15–19 лет:\nнастав-\nники, %",
    "students_involved": "Вовлечено\nобучаю-\nщихся, %",
    "teachers_involved": "Вовлечено\nпедаго-\nгов, %",
    "young_specialists_with_mentor": "Мол. спец.\nс настав-\nником, %",
    "satisfaction_mentees": "Удовлетв.\nнастав-\nляемые, %",
    "satisfaction_mentors": "Удовлетв.\nнастав-\nники, %",
}


def screen_header(column: Column) -> str:
    """The column's short title on screen (its workbook header when none is set)."""
    return SCREEN_HEADERS.get(column.key, column.header)


def full_title(column: Column) -> str:
    """The column's whole name on one line: «Число наставников», «Доля …, %»."""
    if column.kind == "name":
        return "Школа (краткое наименование)"
    if column.spec is None:
        return f"Число {key_label(column.key)}"
    return f"{column.spec.label}, %"


def menu_title(column: Column) -> str:
    """The column in the «Столбцы» menu: its workbook header, a count as «Число …»."""
    return full_title(column) if column.kind == "count" else column.header


def header_tooltip(column: Column) -> str:
    """The header's tooltip: the full wording, the target, how to sort and hide."""
    lines = [full_title(column)]
    if column.kind == "name":
        lines.append("Полное наименование и файл отчёта — в подсказке к строке.")
    if column.target is not None:
        lines.append(f"Целевое значение — не ниже {decimal(column.target, 0)}\u00a0%.")
    lines.append("Щелчок — сортировка; правая кнопка мыши — выбор столбцов.")
    return "\n".join(lines)


def column_by_key(key: str) -> int | None:
    """The number of the column ``key`` (None: no such column any more)."""
    return next((number for number, column in enumerate(COLUMNS) if column.key == key), None)
