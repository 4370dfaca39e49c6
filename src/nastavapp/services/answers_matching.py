"""Matching the columns of an online form's export to a questionnaire's items by their text.

Google Forms and Yandex Forms repeat each question's text in the header row: case, «ё», quotes,
numbering «1.» and the «*» of required questions do not matter; a close wording is accepted;
a header «Оцените [Полезность встреч]» (a grid question) matches the item in brackets. A column
«ФИО» (or «Ваше ФИО (полностью)», «Фамилия и имя респондента») names the respondent, «Форма
наставничества» the form, «Отметка времени» the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from enum import Enum

from ..models import QuestionItem
from ..store.text import ru_fold
from .importing.reading import Row
from .importing.rows import cell_text

SIMILAR_ENOUGH = 0.78
HEADER_SEARCH_ROWS = 10


class Special(str, Enum):
    """Columns that are not questions."""

    RESPONDENT = "respondent"
    FORM = "form"
    DATE = "date"

    @property
    def label(self) -> str:
        return {"respondent": "Респондент (ФИО)", "form": "Форма наставничества"}.get(
            self.value, "Дата ответа"
        )


_SPECIAL_HEADERS: dict[Special, tuple[str, ...]] = {
    Special.RESPONDENT: (
        "фио",
        "ваше фио",
        "фамилия имя",
        "фамилия имя отчество",
        "фамилия и имя",
        "укажите ваше фио",
        "укажите фамилию и имя",
        "респондент",
    ),
    Special.FORM: ("форма наставничества", "форма", "ваша форма наставничества"),
    Special.DATE: (
        "отметка времени",
        "timestamp",
        "дата",
        "дата заполнения",
        "время создания",
        "время",
        "дата и время",
    ),
}
_NUMBERING = re.compile(r"^\s*(?:вопрос\s*)?\d{1,2}\s*[.):]\s*")
_REMARK = re.compile(r"\([^)]*\)")  # «Ваше ФИО (полностью)», «Дата (дд.мм.гггг)»
_NOT_WORD = re.compile(r"[^\w]+")
_BRACKETS = re.compile(r"\[([^\]]+)\]\s*$")  # Google grid questions: «Оцените [Полезность встреч]»


def normalise(text: str) -> str:
    """Question text reduced for comparison: folded, no numbering, punctuation or «*»."""
    text = _NUMBERING.sub("", ru_fold(text))
    return " ".join(_NOT_WORD.sub(" ", text).split())


def special_kind(header: str) -> Special | None:
    """The respondent, form or date column, by its header; a remark in brackets aside.

    A short header asking for a name («ФИО респондента», «Ваши фамилия, имя») is the respondent's,
    unless it names a mentor or a mentee («ФИО наставника» is another person's name).
    """
    plain = normalise(_REMARK.sub(" ", header))
    for folded in (normalise(header), plain):
        for kind, names in _SPECIAL_HEADERS.items():
            if folded in names:
                return kind
    words = plain.split()
    names_a_person = any(word == "фио" or word.startswith("фамили") for word in words)
    someone_else = any(word.startswith("наставн") for word in words)
    if names_a_person and not someone_else and len(words) <= 5:
        return Special.RESPONDENT
    return None


def similarity(header: str, item_text: str) -> float:
    """1.0 for the same words; close wordings and a header ending in «[item]» score high."""
    a, b = normalise(header), normalise(item_text)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    bracket = _BRACKETS.search(ru_fold(header))
    if bracket and normalise(bracket.group(1)) == b:
        return 0.97
    short, long = sorted((a, b), key=len)
    if len(short) >= 12 and short in long:
        return 0.8 + 0.15 * len(short) / len(long)
    return SequenceMatcher(None, a, b).ratio()


@dataclass(frozen=True)
class AnswersMapping:
    """Header row (0-based) and column index → item id or a special column."""

    header_row: int
    items: dict[int, int] = field(default_factory=dict)
    special: dict[Special, int] = field(default_factory=dict)

    def target(self, column: int) -> int | Special | None:
        if column in self.items:
            return self.items[column]
        return next((s for s, c in self.special.items() if c == column), None)

    def with_target(self, column: int, target: int | Special | None) -> AnswersMapping:
        """The same mapping with ``column`` pointed elsewhere (or ignored, with None)."""
        items = {c: i for c, i in self.items.items() if c != column and i != target}
        special = {s: c for s, c in self.special.items() if c != column and s != target}
        if isinstance(target, Special):
            special[target] = column
        elif target is not None:
            items[column] = target
        return replace(self, items=items, special=special)


def match_columns(
    header: list[str], items: list[QuestionItem], header_row: int = 0
) -> AnswersMapping:
    """Each item to the column whose header is most like its text (each used once)."""
    special: dict[Special, int] = {}
    for column, text in enumerate(header):
        kind = special_kind(text)
        if kind is not None and kind not in special:
            special[kind] = column
    taken = set(special.values())
    candidates = sorted(
        (
            (similarity(text, item.text), column, item.id or 0)
            for column, text in enumerate(header)
            if column not in taken and text.strip()
            for item in items
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    for score, column, item_id in candidates:
        if score < SIMILAR_ENOUGH:
            break
        if column not in matched and item_id not in matched.values():
            matched[column] = item_id
    return AnswersMapping(header_row, dict(sorted(matched.items())), special)


def find_header(rows: list[Row], items: list[QuestionItem]) -> AnswersMapping:
    best = AnswersMapping(0)
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_columns([cell_text(c) for c in row], items, number)
        if len(found.items) > len(best.items):
            best = found
    return best
