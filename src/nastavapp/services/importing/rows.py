"""Reading one cell: text, dates (real cells or «dd.mm.yyyy», «d.m.yy»), experience, sex, class.

Each parser raises :class:`CellError` with a Russian reason when the cell cannot be understood.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from ...models.vocab import Sex
from ..names import clean
from ..person_fields import normalize_class_name
from .reading import Cell

_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(
    r"^(\d{1,2})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{4}|\d{2})\s*(?:г\.?|года?)?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTHS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_WORDY = re.compile(r"^(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})\s*(?:г\.?|года?)?$")
# «12», «12,5», «12 лет», «12 г.», «12 года», «12 л. 3 мес.», «12 лет 3 месяца», «6 мес.»:
# a number and a word of years, maybe the months after it, or the months alone; nothing else
# («1е3», «5a», «12 3» used to be read as 1, 5 and 12)
_YEARS_WORD = r"(?:лет|л|года?|г)\.?"
_MONTHS_WORD = r"(?:месяц(?:а|ев)?|мес)\.?"
_NUMBER = r"-?\d+(?:[.,]\d+)?"
_EXPERIENCE = re.compile(
    rf"(?P<number>{_NUMBER})\s*(?:"
    rf"{_YEARS_WORD}(?:[\s,]*(?:и\s+)?{_NUMBER}\s*{_MONTHS_WORD})?"
    rf"|(?P<months>{_MONTHS_WORD})"
    r")?"
)
_SEX = {
    Sex.MALE: {"м", "муж", "мужской", "мужчина", "мальчик", "юноша", "m", "male"},
    Sex.FEMALE: {"ж", "жен", "женский", "женщина", "девочка", "девушка", "f", "female"},
}


class CellError(ValueError):
    """A cell cannot be understood; ``str()`` is the Russian reason."""


class YearOnlyError(CellError):
    """A birth date that is only a year («1990»): an error for a pupil, whose age counts."""


def cell_text(cell: Cell) -> str:
    """A cell as the user would read it: trimmed text, «7» not «7.0», dates as 04.03.2012."""
    if isinstance(cell, str):
        return clean(cell)
    if isinstance(cell, date):
        return cell.strftime("%d.%m.%Y")
    if cell == int(cell):
        return str(int(cell))
    return str(cell).replace(".", ",")


def parse_date(cell: Cell, today: date) -> date | None:
    """A birth date from a date cell, an Excel day number or text; None for an empty cell.

    Two-digit years fall in the last hundred years up to ``today`` («12» → 2012, «75» → 1975).
    """
    if isinstance(cell, date):
        return cell
    if isinstance(cell, float):
        return _from_number(cell)
    text = clean(cell)
    if not text:
        return None
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if 2000 + year <= today.year else 1900
        return _make_date(year, month, day, text)
    match = _YMD.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day, text)
    match = _WORDY.match(text.casefold())
    if match:
        named_month = _month_number(match.group(2))
        if named_month:
            return _make_date(int(match.group(3)), named_month, int(match.group(1)), text)
    if re.fullmatch(r"\d{4}(\s*г\.?)?", text):
        raise YearOnlyError(f"Указан только год рождения «{text}»: нужна полная дата.")
    raise CellError(f"Дата «{text}» не распознана: нужна запись вида 04.03.2012.")


def _from_number(value: float) -> date:
    if value == int(value) and 1900 <= value <= 2100:
        raise YearOnlyError(f"Указан только год рождения «{int(value)}»: нужна полная дата.")
    if 3000 <= value <= 80000:  # an Excel day number in a cell not formatted as a date
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raise CellError(f"Дата «{cell_text(value)}» не распознана: нужна запись вида 04.03.2012.")


def _month_number(word: str) -> int | None:
    word = word.replace("ё", "е")
    for number, stem in enumerate(_MONTHS, start=1):
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return number
    return None


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise CellError(f"Несуществующая дата «{text}».") from exc


def parse_experience(cell: Cell) -> int | None:
    """Teaching experience in full years: 12, «12», «12,5», «12 лет», «12 г.», «12 года»,
    «12 л. 3 мес.», «12 лет 3 месяца»; «6 мес.», «нет» and «без стажа» → 0.

    A number followed by anything else («1е3», «5a», «12 3») is refused, not read as its start.
    """
    if isinstance(cell, float):
        return int(cell) if cell >= 0 else -int(-cell)
    if isinstance(cell, date):
        raise CellError(f"Стаж «{cell_text(cell)}» не распознан: нужно число лет.")
    text = clean(cell)
    if not text or text in ("-", "–", "—"):
        return None
    if text.casefold() in ("нет", "без стажа"):
        return 0
    match = _EXPERIENCE.fullmatch(text.casefold())
    value = float(match["number"].replace(",", ".")) if match else math.nan
    if match and match["months"]:
        value = 0.0  # months alone: no full year
    if not math.isfinite(value):  # not a number, or hundreds of digits (float gives inf)
        raise CellError(f"Стаж «{text}» не распознан: нужно число лет.")
    return int(value) if value >= 0 else -int(-value)


def parse_sex(cell: Cell) -> Sex | None:
    """«м», «муж.», «мужской», «ж», «жен», «женский» …; None when empty or not understood."""
    text = clean(cell_text(cell)).casefold().rstrip(".")
    for sex, words in _SEX.items():
        if text in words:
            return sex
    return None


def parse_class(cell: Cell) -> str:
    """«7 а», «7-А», «7A» → «7А»; a class that is not one is returned as written (the check
    of the person rejects it with a message)."""
    text = cell_text(cell)
    return normalize_class_name(text) or text
