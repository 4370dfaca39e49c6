"""Finding the header row of a list (below title rows, merged cells) and mapping its columns.

Columns are recognised by their Russian names as schools write them: «Фамилия», «Имя»,
«Отчество» or «ФИО» in one cell, «Дата рождения», «Класс», «Должность», «Предмет», «Стаж», «Пол».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ...store.text import ru_fold
from .reading import Row
from .rows import cell_text

HEADER_SEARCH_ROWS = 30


class Column(str, Enum):
    """A field of a person that a column of the file can fill."""

    FULL_NAME = "full_name"
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    BIRTH_DATE = "birth_date"
    CLASS_NAME = "class_name"
    POSITION = "position"
    SUBJECT = "subject"
    EXPERIENCE = "experience"
    SEX = "sex"

    @property
    def label(self) -> str:
        return COLUMN_LABELS[self]


COLUMN_LABELS: dict[Column, str] = {
    Column.FULL_NAME: "ФИО (в одной ячейке)",
    Column.LAST_NAME: "Фамилия",
    Column.FIRST_NAME: "Имя",
    Column.MIDDLE_NAME: "Отчество",
    Column.BIRTH_DATE: "Дата рождения",
    Column.CLASS_NAME: "Класс",
    Column.POSITION: "Должность",
    Column.SUBJECT: "Предмет",
    Column.EXPERIENCE: "Стаж",
    Column.SEX: "Пол",
}

_PUNCTUATION = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class ColumnMapping:
    """Where the data is: the header row (0-based; None — no header) and field → column index."""

    header_row: int | None
    columns: dict[Column, int] = field(default_factory=dict)

    @property
    def first_data_row(self) -> int:
        return 0 if self.header_row is None else self.header_row + 1

    @property
    def has_names(self) -> bool:
        """The ФИО can be read: one «ФИО» column, or «Фамилия» and «Имя»."""
        cols = self.columns
        return Column.FULL_NAME in cols or (Column.LAST_NAME in cols and Column.FIRST_NAME in cols)

    def problem(self) -> str | None:
        """Why this mapping cannot be applied (Russian), or None."""
        if not self.has_names:
            return (
                "Не найдены столбцы с именами: нужен столбец «ФИО» или столбцы «Фамилия» и «Имя». "
                "Укажите их в сопоставлении столбцов."
            )
        return None


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", ru_fold(text)).split())


def recognise(header: str) -> Column | None:
    """The field a header cell names, or None («№ п/п», «Адрес», «Классный руководитель»)."""
    text = _normal(header)
    words = text.split(" ")
    if not text:
        return None
    if (
        words[0] == "фио"
        or text.startswith("ф и о")
        or ("фамилия" in words and ("имя" in words or "имени" in text))
    ):
        return Column.FULL_NAME
    if words[0] == "фамилия":
        return Column.LAST_NAME
    if words[0] == "имя":
        return Column.FIRST_NAME
    if words[0] == "отчество":
        return Column.MIDDLE_NAME
    if ("рожд" in text and "мест" not in text) or words[0] == "др":
        return Column.BIRTH_DATE
    if words[0] in ("класс", "кл") or "класс" in words:
        return Column.CLASS_NAME
    if any(w.startswith("должност") for w in words):
        return Column.POSITION
    if any(w.startswith(("предмет", "дисциплин")) for w in words):
        return Column.SUBJECT
    if any(w.startswith("стаж") for w in words):
        return Column.EXPERIENCE
    if words[0] == "пол":
        return Column.SEX
    return None


def _preference(column: Column, header: str) -> int:
    """Of two columns naming one field, the more specific wins (педагогический стаж > общий)."""
    text = _normal(header)
    if column is Column.EXPERIENCE:
        return 2 if "пед" in text else (0 if "общ" in text else 1)
    return 0


def map_row(row: Row) -> dict[Column, int]:
    """Field → column for one candidate header row (the first or preferred column wins)."""
    found: dict[Column, tuple[int, int]] = {}
    for index, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        column = recognise(cell)
        if column is None:
            continue
        rank = _preference(column, cell)
        if column not in found or rank > found[column][0]:
            found[column] = (rank, index)
    return {column: index for column, (_rank, index) in found.items()}


def find_header(rows: list[Row]) -> ColumnMapping:
    """The row among the first ones that names the most fields and lets names be read.

    Returns a mapping with ``header_row=None`` and no columns when no such row exists; the user
    then maps the columns by hand.
    """
    best: ColumnMapping | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        candidate = ColumnMapping(index, map_row(row))
        if not candidate.has_names:
            continue
        if best is None or len(candidate.columns) > len(best.columns):
            best = candidate
    return best or ColumnMapping(None, {})


def column_titles(rows: list[Row], mapping: ColumnMapping) -> list[str]:
    """A title for each column of the table: the header text, or «Столбец C» when it has none."""
    width = max((len(row) for row in rows), default=0)
    header = rows[mapping.header_row] if mapping.header_row is not None else []
    titles = []
    for index in range(width):
        text = cell_text(header[index]) if index < len(header) else ""
        titles.append(text or f"Столбец {column_letter(index)}")
    return titles


def column_letter(index: int) -> str:
    """0 → «A», 25 → «Z», 26 → «AA» (as Excel names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
