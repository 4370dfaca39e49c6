"""Small pieces the forms of the bases share: dates, the problems line, invalid fields."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from ...models import Person
from ...models.vocab import Sex

DATE_FORMAT = "dd.MM.yyyy"
_INVALID = "border: 1px solid #c62828; border-radius: 2px;"


def by_sex(person: Person, male: str, female: str, unknown: str) -> str:
    """The word that agrees with the person's sex; ``unknown``, a neutral wording, when it is
    not recorded."""
    if person.sex is Sex.MALE:
        return male
    return female if person.sex is Sex.FEMALE else unknown


def date_edit(value: date | None, fallback: date) -> QDateEdit:
    """A dd.mm.yyyy field with a calendar; ``fallback`` when there is no value."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    set_date(edit, value or fallback)
    return edit


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def to_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def problems_label() -> QLabel:
    """The red line under a form that lists what still prevents saving."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.setVisible(False)
    return label


def show_problems(label: QLabel, problems: Sequence[str]) -> None:
    label.setText("\n".join(problems))
    label.setVisible(bool(problems))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setStyleSheet(_INVALID if invalid else "")


def combo_with(choices: Sequence[tuple[object, str]], current: object = None) -> QComboBox:
    """A combo of (data, text) pairs with ``current`` chosen when present."""
    combo = QComboBox()
    for data, text in choices:
        combo.addItem(text, data)
    found = combo.findData(current)
    if found >= 0:
        combo.setCurrentIndex(found)
    return combo


def combo_line(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (made editable here if it was not)."""
    combo.setEditable(True)
    line = combo.lineEdit()
    assert line is not None  # an editable combo box always has one
    return line
