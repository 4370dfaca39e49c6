"""Settings that belong to the data file (table ``app_setting``), not to the computer.

The satisfaction threshold travels with the school's file: the report counts «удовлетворён» the
same way on any computer that opens it.
"""

from __future__ import annotations

from ..models import AppSetting
from ..store import Store
from .indicators import DEFAULT_SATISFIED_THRESHOLD

SATISFIED_THRESHOLD = "satisfied_threshold"
THRESHOLD_RANGE = (1.0, 10.0)


class SettingError(ValueError):
    """A value that cannot be stored; ``str()`` is the Russian message."""


def get_setting(store: Store, key: str, default: str = "") -> str:
    with store.session() as session:
        row = session.get(AppSetting, key)
        return row.value if row is not None else default


def set_setting(store: Store, key: str, value: str) -> None:
    with store.session() as session:
        row = session.get(AppSetting, key) or AppSetting(key=key)
        row.value = value
        session.add(row)
        session.commit()


def satisfied_threshold(store: Store) -> float:
    """The average (1–10) from which a respondent counts as satisfied; 7 unless changed.

    A stored value that is not a number on the scale (edited by hand) falls back to 7.
    """
    raw = get_setting(store, SATISFIED_THRESHOLD)
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return DEFAULT_SATISFIED_THRESHOLD
    low, high = THRESHOLD_RANGE
    return value if low <= value <= high else DEFAULT_SATISFIED_THRESHOLD


def set_satisfied_threshold(store: Store, value: float) -> float:
    """Store the threshold (rounded to one decimal); the stored value.

    Raises:
        SettingError: outside the 1–10 scale.
    """
    low, high = THRESHOLD_RANGE
    if not low <= value <= high:
        shown = f"{value:g}".replace(".", ",")
        raise SettingError(f"Порог удовлетворённости {shown} вне шкалы от 1 до 10.")
    value = round(float(value), 1)
    set_setting(store, SATISFIED_THRESHOLD, f"{value:g}")
    return value
