"""«Показатели»: the dashboard, the questionnaires with their answers, and monitoring, in tabs.

A tab is read when it is shown and something changed since (the year, answers typed or loaded,
or anything done on other screens while this one was away), so opening the program costs
nothing here. The window hears ``dataChanged`` once per burst of typing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...models import AcademicYear
from ...store import Store
from ..screens import Screen, heading
from .dashboard import DashboardTab
from .monitoring_tab import MonitoringTab
from .questionnaire_tab import QuestionnaireTab

CHANGED_DELAY_MS = 600  # typing answers: tell the window once, not at every digit


class IndicatorsScreen(Screen):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.year: AcademicYear | None = None
        self._shown_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(6)
        self.title = heading("Показатели")
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        self.dashboard = DashboardTab(store, today)
        self.questionnaires = QuestionnaireTab(store, today)
        self.monitoring = MonitoringTab(store, today)
        self.tabs.addTab(self.dashboard, "Показатели")
        self.tabs.addTab(self.questionnaires, "Анкеты")
        self.tabs.addTab(self.monitoring, "Мониторинг")
        layout.addWidget(self.tabs, 1)
        self._stale: set[QWidget] = set(self._all_tabs())
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(CHANGED_DELAY_MS)
        self._changed.timeout.connect(self.dataChanged.emit)
        self.questionnaires.saved.connect(self._answers_saved)
        self.monitoring.thresholdChanged.connect(lambda _v: self._stale.add(self.dashboard))
        self.tabs.currentChanged.connect(lambda _i: self._read_current())

    def _all_tabs(self) -> tuple[QWidget, ...]:
        return (self.dashboard, self.questionnaires, self.monitoring)

    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.title.setText(f"Показатели — {year.title} учебный год" if year else "Показатели")
        self._stale = set(self._all_tabs())
        self._read_current()

    def _read_current(self) -> None:
        """Read the tab shown now if it is out of date (nothing while the screen is hidden)."""
        tab = self.tabs.currentWidget()
        if not self.isVisible() or tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab is self.dashboard:
            self.dashboard.show_year(self.year)
        elif tab is self.questionnaires:
            self.questionnaires.show_year(self.year)
        elif tab is self.monitoring:
            self.monitoring.show_year(self.year)

    def showEvent(self, event: QShowEvent) -> None:
        """Back from another screen: pairs, meetings or the roadmap may have changed."""
        super().showEvent(event)
        if self._shown_once:
            self._stale = set(self._all_tabs())
        self._shown_once = True
        self._read_current()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the screen: the window hears about the answers at once."""
        self.flush_changes()
        super().hideEvent(event)

    def _answers_saved(self) -> None:
        self._stale.update((self.dashboard, self.monitoring))
        self._changed.start()

    def flush_changes(self) -> None:
        """Tell the window now about changes still waiting for the typing to pause."""
        if self._changed.isActive():
            self._changed.stop()
            self.dataChanged.emit()
