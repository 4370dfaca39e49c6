"""Numbers as the curator reads them: decimal comma, «70 %» with a no-break space, «—» for none."""

from __future__ import annotations

from datetime import date

NBSP = "\u00a0"
DASH = "—"


def number(value: float | None, decimals: int = 1) -> str:
    """«8,1»; whole numbers without a fraction («8»); «—» when there is no value."""
    if value is None:
        return DASH
    if decimals == 0 or float(value).is_integer():
        return str(round(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def average(value: float | None) -> str:
    """A mean score always with its tenth («9,0» beside «8,3» in one column, not «9»)."""
    return DASH if value is None else f"{value:.1f}".replace(".", ",")


def percent(value: float | None) -> str:
    """«45,2 %» or «—» (nobody to count)."""
    return DASH if value is None else f"{number(value)}{NBSP}%"


def change(value: float | None) -> str:
    """«+1,2», «−0,5», «0» (a true minus sign)."""
    if value is None:
        return DASH
    if value == 0:
        return "0"
    sign = "+" if value > 0 else "−"
    return sign + number(abs(value))


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else DASH


def of(counted: int, total: int) -> str:
    """«84 из 186»"""
    return f"{counted} из {total}"
