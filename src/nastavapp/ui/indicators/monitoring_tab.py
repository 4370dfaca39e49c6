"""«Мониторинг» tab: the quality of the process, the growth of the participants, the activity of
pairs and groups; and the threshold of «удовлетворён», kept in the data file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...models.vocab import Audience, QuestionnairePhase
from ...services.monitoring import participant_growth, quality
from ...services.pair_activity import activity_by_form, pair_activity
from ...services.settings import SettingError, satisfied_threshold, set_satisfied_threshold
from ...store import Store
from .. import messages
from . import monitoring_rows as rows
from .tables import ReportTable, caption, section_title

WHO = {Audience.MENTEE: "Наставляемые", Audience.MENTOR: "Наставники"}


def _page(parent_tabs: QTabWidget, title: str) -> QVBoxLayout:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(6, 8, 6, 8)
    layout.setSpacing(6)
    scroll.setWidget(body)
    parent_tabs.addTab(scroll, title)
    return layout


class MonitoringTab(QWidget):
    thresholdChanged = Signal(float)

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.year: AcademicYear | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        top = QHBoxLayout()
        self.phase = QComboBox()
        self.phase.addItem("итоговые", QuestionnairePhase.FINAL.value)
        self.phase.addItem("входные", QuestionnairePhase.ENTRY.value)
        phase_label = QLabel("&Качество процесса по анкетам:")
        phase_label.setBuddy(self.phase)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(1.0, 10.0)
        self.threshold.setDecimals(1)
        self.threshold.setLocale(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))  # «7,0»
        self.threshold.setSingleStep(0.5)
        self.threshold.setToolTip(
            "Респондент считается удовлетворённым, если его средний балл по вопросам со шкалой "
            "1–10 не ниже этого порога. Порог хранится в файле базы."
        )
        # not «&Удовлетворён»: Alt+У is «Учебный год»
        threshold_label = QLabel("Удовлетворён, если средний &балл не ниже:")
        threshold_label.setBuddy(self.threshold)
        for widget in (phase_label, self.phase):
            top.addWidget(widget)
        top.addSpacing(24)
        top.addWidget(threshold_label)
        top.addWidget(self.threshold)
        top.addStretch(1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_quality()
        self._build_growth()
        self._build_activity()
        self.phase.currentIndexChanged.connect(lambda _i: self.refresh())
        self.threshold.editingFinished.connect(self._threshold_edited)

    def _build_quality(self) -> None:
        page = _page(self.tabs, "Качество процесса")
        self.quality_captions: dict[Audience, QLabel] = {}
        self.quality_tables: dict[Audience, ReportTable] = {}
        for audience in Audience:
            page.addWidget(section_title(WHO[audience]))
            self.quality_captions[audience] = caption()
            page.addWidget(self.quality_captions[audience])
            self.quality_tables[audience] = ReportTable(["Вопрос", "Все формы"], [400, 100])
            page.addWidget(self.quality_tables[audience])
        page.addStretch(1)

    def _build_growth(self) -> None:
        page = _page(self.tabs, "Рост участников")
        self.growth_captions: dict[Audience, QLabel] = {}
        self.growth_items: dict[Audience, ReportTable] = {}
        self.growth_forms: dict[Audience, ReportTable] = {}
        for audience in Audience:
            page.addWidget(section_title(WHO[audience]))
            self.growth_captions[audience] = caption()
            page.addWidget(self.growth_captions[audience])
            self.growth_items[audience] = ReportTable(
                rows.GROWTH_ITEM_TITLES, [380, 80, 80, 90, 120, 90]
            )
            page.addWidget(self.growth_items[audience])
            self.growth_forms[audience] = ReportTable(
                rows.GROWTH_FORM_TITLES, [260, 80, 80, 90, 120, 170]
            )
            page.addWidget(self.growth_forms[audience])
        page.addStretch(1)

    def _build_activity(self) -> None:
        page = _page(self.tabs, "Активность по формам")
        page.addWidget(section_title("По формам наставничества"))
        page.addWidget(
            caption(
                "Здесь — действующие пары и группы и их встречи, без расформированных. "
                "«Встреч проведено» в «Показателях» — все встречи года, также пар и групп, "
                "расформированных позже."
            )
        )
        self.activity_forms = ReportTable(
            rows.ACTIVITY_FORM_TITLES, [200, 90, 70, 110, 120, 100, 150]
        )
        page.addWidget(self.activity_forms)
        page.addStretch(1)
        # the long list has a page of its own, all its height: inside the scrolling page above
        # it scrolled within a scroll, its lower rows under the page's edge
        pairs_page = QWidget()
        layout = QVBoxLayout(pairs_page)
        layout.setContentsMargins(6, 8, 6, 8)
        layout.setSpacing(6)
        layout.addWidget(
            caption(
                "Действующие пары и группы. Красным — последняя встреча больше 30 дней назад. "
                "Щёлкните заголовок столбца, чтобы упорядочить список."
            )
        )
        self.pairs = ReportTable(
            rows.PAIR_TITLES, [330, 150, 130, 70, 150, 90], sortable=True, fit_rows=False
        )
        layout.addWidget(self.pairs, 1)
        self.tabs.addTab(pairs_page, "Пары и группы")

    # data -------------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.threshold.blockSignals(True)
        self.threshold.setValue(satisfied_threshold(self.store))
        self.threshold.blockSignals(False)
        self.phase.blockSignals(True)  # the final questionnaires once there are answers to them
        self.phase.setCurrentIndex(0 if self._has_final_answers() else 1)
        self.phase.blockSignals(False)
        self.refresh()

    def _has_final_answers(self) -> bool:
        year = self.year
        if year is None or year.id is None:
            return True
        return any(
            quality(self.store, year.id, audience, QuestionnairePhase.FINAL).overall.respondents
            for audience in Audience
        )

    def _threshold_edited(self) -> None:
        value = self.threshold.value()
        if value == satisfied_threshold(self.store):
            return
        try:
            stored = set_satisfied_threshold(self.store, value)
        except SettingError as exc:
            messages.warning(self, str(exc))
            return
        self.refresh()
        self.thresholdChanged.emit(stored)

    def refresh(self) -> None:
        year = self.year
        if year is None or year.id is None:
            return
        threshold = satisfied_threshold(self.store)
        phase = QuestionnairePhase(self.phase.currentData())
        for audience in Audience:
            found = quality(self.store, year.id, audience, phase, threshold)
            table = self.quality_tables[audience]
            titles = rows.quality_titles(found)
            weights = [460] + [100] * (len(titles) - 1)
            table.set_rows(rows.quality_rows(found, threshold), titles, weights)
            self.quality_captions[audience].setText(rows.quality_caption(found))
            grown = participant_growth(self.store, year.id, audience, threshold)
            self.growth_captions[audience].setText(rows.growth_caption(grown))
            self.growth_items[audience].set_rows(rows.growth_item_rows(grown))
            self.growth_forms[audience].set_rows(rows.growth_form_rows(grown))
        pairs = pair_activity(self.store, year.id, self.today)
        self.activity_forms.set_rows(rows.activity_form_rows(activity_by_form(pairs)))
        self.pairs.set_rows(rows.pair_rows(pairs))
