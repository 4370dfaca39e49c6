"""Filtering a base: the search field (ё = е, any case) and the category, class, status and
consent choices. The proxy only filters; the source model sorts (see table_model.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from ...models.vocab import MenteeStatus, MentorStatus, PersonCategory
from ...services.bases_rows import BaseRow
from ...services.consents import ConsentStatus
from ...store.text import ru_fold
from .columns import BaseKind
from .table_model import BaseTableModel

RowTest = Callable[[BaseRow], bool]
ANY = ""

CATEGORY_CHOICES = (
    (ANY, "Все категории"),
    (PersonCategory.STUDENT.value, "Обучающиеся"),
    (PersonCategory.TEACHER.value, "Педагоги"),
    (PersonCategory.EXTERNAL.value, "Внешние наставники"),
)
CONSENT_CHOICES = (
    (ANY, "Согласие: все"),
    (ConsentStatus.GIVEN.value, "Согласие есть"),
    (ConsentStatus.MISSING.value, "Согласия нет"),
    (ConsentStatus.WITHDRAWN.value, "Согласие отозвано"),
    ("lacking", "Нет или отозвано"),
)
YOUNG = "young"


def status_choices(kind: BaseKind) -> list[tuple[str, str]]:
    if kind is BaseKind.MENTEES:
        return (
            [(ANY, "Все статусы")]
            + [(s.value, s.label) for s in MenteeStatus]
            + [("support", "нужна поддержка")]
        )
    if kind is BaseKind.MENTORS:
        return [(ANY, "Все этапы отбора")] + [(s.value, s.label) for s in MentorStatus]
    return [
        (ANY, "Все роли"),
        ("mentee", "наставляемые"),
        ("mentor", "наставники"),
        ("none", "без роли в этом году"),
        (YOUNG, "молодые специалисты"),
    ]


def status_test(kind: BaseKind, code: str) -> RowTest | None:
    """The row test for a status choice (None: everything passes)."""
    if code == ANY:
        return None
    if code == YOUNG:
        return lambda r: r.young_specialist
    if kind is BaseKind.MENTEES:
        if code == "support":
            return lambda r: r.mentee is not None and r.mentee.needs_support
        return lambda r: r.mentee is not None and r.mentee.status.value == code
    if kind is BaseKind.MENTORS:
        return lambda r: r.mentor is not None and r.mentor.status.value == code
    return {
        "mentee": lambda r: r.mentee is not None,
        "mentor": lambda r: r.mentor is not None,
        "none": lambda r: r.mentee is None and r.mentor is None,
    }[code]


def consent_test(code: str) -> RowTest | None:
    if code == ANY:
        return None
    if code == "lacking":
        return lambda r: not r.consent.given
    return lambda r: r.consent.status.value == code


class BaseFilterProxy(QSortFilterProxyModel):
    """Rows whose haystack holds every search word and that pass every chosen filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._tests: dict[str, RowTest] = {}

    def source(self) -> BaseTableModel:
        model = self.sourceModel()
        assert isinstance(model, BaseTableModel)
        return model

    def set_search(self, text: str) -> None:
        words = [w for w in ru_fold(text).split() if w]
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_tests(self, tests: dict[str, RowTest | None]) -> None:
        """Replace the named row tests (None removes one) and filter once."""

        def change() -> None:
            for name, test in tests.items():
                if test is None:
                    self._tests.pop(name, None)
                else:
                    self._tests[name] = test

        self._refilter(change)

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9: invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.source()
        if self._words:
            haystack = model.haystack(source_row)
            if not all(w in haystack for w in self._words):
                return False
        if self._tests:
            row = model.row_at(source_row)
            return all(test(row) for test in self._tests.values())
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sorted by the source model (Russian collation keys); the proxy keeps its order."""
        self.source().sort(column, order)


class FilterBar(QWidget):
    """The search field and the filter choices above a table; it drives a BaseFilterProxy."""

    changed = Signal()

    def __init__(self, kind: BaseKind, proxy: BaseFilterProxy, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.proxy = proxy
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Поиск: ФИО, класс, должность")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search, 1)
        self.category = self._combo(list(CATEGORY_CHOICES), "Категория участников")
        self.school_class = self._combo([(ANY, "Все классы")], "Класс обучающихся")
        self.status = self._combo(status_choices(kind), "Роль или этап")
        self.consent = self._combo(list(CONSENT_CHOICES), "Согласие на обработку ПДн")
        for combo in (self.category, self.school_class, self.status, self.consent):
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_choice)

    def _combo(self, choices: list[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for code, text in choices:
            combo.addItem(text, code)
        return combo

    def set_classes(self, classes: list[str]) -> None:
        """Offer the classes present; keep the chosen one when it is still there."""
        chosen = self.school_class.currentData()
        self.school_class.blockSignals(True)
        self.school_class.clear()
        self.school_class.addItem("Все классы", ANY)
        for name in classes:
            self.school_class.addItem(f"{name} класс", name)
        found = self.school_class.findData(chosen)
        self.school_class.setCurrentIndex(max(found, 0))
        self.school_class.blockSignals(False)
        self._on_choice()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.changed.emit()

    def _on_choice(self, *_args: object) -> None:
        category = self.category.currentData() or ANY
        school_class = self.school_class.currentData() or ANY
        self.proxy.set_tests(
            {
                "category": (lambda r: r.person.category.value == category)
                if category != ANY
                else None,
                "class": (lambda r: r.person.class_name == school_class)
                if school_class != ANY
                else None,
                "status": status_test(self.kind, self.status.currentData() or ANY),
                "consent": consent_test(self.consent.currentData() or ANY),
            }
        )
        self.changed.emit()
