"""A school's report as the municipal centre reads it: identity, year and the «data» figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ...store.text import ru_fold
from ..report_data import Value
from .figures import INDICATOR_BY_KEY, Ratio

_QUOTES = re.compile(r"[«»\"“”„'’`]")
_SPACES = re.compile(r"\s+")


def fold_name(text: str) -> str:
    """A school's name for comparison: case, «ё», quotes and spacing do not matter."""
    return _SPACES.sub(" ", _QUOTES.sub(" ", ru_fold(text))).replace("№ ", "№").strip()


def fold_code(text: str) -> str:
    return "".join(str(text).split()).casefold()


def school_key(code: str, full_name: str, municipality: str) -> str:
    """Who the report is from: the code when the school gave one, else name and municipality."""
    if fold_code(code):
        return f"code:{fold_code(code)}"
    return f"name:{fold_name(full_name)}|{fold_name(municipality)}"


@dataclass(frozen=True)
class SchoolReport:
    """One school's (or, a level up, one municipality's) figures for one academic year.

    ``figures`` holds every row of the «data» sheet (keys with dots), numbers as int or float,
    empty cells as None.
    """

    full_name: str
    short_name: str
    municipality: str
    code: str
    year: str
    format_version: int
    reference_date: date | None = None
    generated_at: datetime | None = None
    figures: dict[str, Value] = field(default_factory=dict)
    source: str = ""  # the file's name

    @property
    def key(self) -> str:
        return school_key(self.code, self.full_name, self.municipality)

    @property
    def name(self) -> str:
        """The short name when there is one (tables), else the full one."""
        return self.short_name or self.full_name

    def count(self, key: str) -> int:
        value = self.figures.get(key)
        return int(value) if isinstance(value, int | float) else 0

    def ratio(self, key: str) -> Ratio:
        """The indicator's numerator and denominator (0 of 0 when the report has none)."""
        return Ratio(
            self.count(f"indicator_counts.{key}.numerator"),
            self.count(f"indicator_counts.{key}.denominator"),
        )

    def ratios(self) -> dict[str, Ratio]:
        return {key: self.ratio(key) for key in INDICATOR_BY_KEY}

    def number(self, key: str) -> float | None:
        value = self.figures.get(key)
        return float(value) if isinstance(value, int | float) else None

    def same_content(self, other: SchoolReport) -> bool:
        """The same file received twice (same school, year, moment of writing and figures)."""
        return (
            self.key == other.key
            and self.year == other.year
            and self.generated_at == other.generated_at
            and self.figures == other.figures
        )
