"""The columns of the summary table, shared by the screen, the workbook and the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from .figures import COUNTS, INDICATORS, IndicatorSpec
from .summary import SchoolRow, Totals, below_target

NAME_COLUMN = "name"
TOTAL_LABEL = "Итого по муниципалитету"


@dataclass(frozen=True)
class Column:
    """``kind``: «name», «count» (an integer) or «share» (a percent, None shown as «—»)."""

    key: str
    header: str
    kind: str
    spec: IndicatorSpec | None = None

    @property
    def target(self) -> float | None:
        return None if self.spec is None else self.spec.target


COLUMNS: tuple[Column, ...] = (
    Column(NAME_COLUMN, "Школа", "name"),
    *(Column(spec.key, spec.label, "count") for spec in COUNTS),
    *(Column(spec.key, spec.short, "share", spec) for spec in INDICATORS),
)


def cell(row: SchoolRow | Totals, column: Column) -> str | int | float | None:
    """The value of ``column`` for a school or for the totals (a share may be None)."""
    if column.kind == "name":
        return row.name if isinstance(row, SchoolRow) else TOTAL_LABEL
    if column.kind == "count":
        return row.count(column.key)
    return row.share(column.key)


def is_below(row: SchoolRow | Totals, column: Column) -> bool:
    """The cell is a share under its target (highlighted)."""
    return column.spec is not None and below_target(row.ratio(column.key), column.spec)
