"""«Показатели» tab: the indicators at a reference date, the counts, four charts, PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...models.vocab import QuestionnairePhase
from ...services.documents.output import fit_file_name
from ...services.indicator_people import Participants, participants, people_lines
from ...services.indicators import compute_indicators
from ...services.monitoring import satisfaction_by_phase
from ...services.progress import stage_progress
from ...services.school import get_school
from ...services.settings import satisfied_threshold
from ...store import Store
from .. import messages
from ..bases.widgets import date_edit, set_date, to_date
from .cards import IndicatorCard
from .chart_data import DashboardFigures, dashboard_charts
from .chart_pdf import PdfError, write_dashboard_pdf
from .charts import ChartWidget
from .definitions import BY_KEY, SPECS
from .formatting import average, number, percent
from .people_dialog import PeopleDialog

PDF_FILTER = "Документ PDF (*.pdf)"
WIDE = 1000  # from this width the cards stand three in a row
COUNT_LISTS = {
    "mentors": "Наставники действующих пар и групп",
    "mentees": "Наставляемые действующих пар и групп",
    "unpaired": "Наставляемые без пары (в базе, но ни в одной паре или группе)",
}


def file_name(text: str) -> str:
    kept = "".join(ch for ch in text if ch not in "«»\"'\\/:*?<>|").strip()
    return "_".join(kept.split()) or "школа"


class DashboardTab(QWidget):
    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.year: AcademicYear | None = None
        self.figures: DashboardFigures | None = None
        self.people: Participants | None = None
        self.dialog: QDialog | None = None  # the list open now (tests look at it)
        self.last_pdf: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 6, 4, 2)
        self.date_edit = date_edit(today, today)
        self.date_edit.setToolTip("Дата, на которую считаются показатели и возраст обучающихся")
        label = QLabel("&Дата расчёта:")
        label.setBuddy(self.date_edit)
        self.pdf_button = QPushButton("&Печать в PDF…")
        self.pdf_button.setToolTip(
            "Сохранить диаграммы и показатели в PDF для печати (в оттенках серого)"
        )
        self.pdf_button.clicked.connect(self.print_pdf)
        bar.addWidget(label)
        bar.addWidget(self.date_edit)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        outer.addLayout(bar)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(10)
        self._columns: dict[int, int] = {}  # grid → cards or charts in a row now
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(10)
        self.cards: dict[str, IndicatorCard] = {}
        for spec in SPECS:
            card = IndicatorCard(spec)
            card.openRequested.connect(self.open_people)
            self.cards[spec.key] = card
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet(
            "#summary { background: white; border: 1px solid #d5dde6; border-radius: 6px;"
            " padding: 10px; }"
        )
        self.summary.linkActivated.connect(lambda key: self.open_people(key, "all"))
        self._place(self.card_grid, [*self.cards.values(), self.summary], 3)
        layout.addLayout(self.card_grid)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        self.charts = [ChartWidget() for _ in range(4)]
        self._place(self.chart_grid, self.charts, 2)
        layout.addLayout(self.chart_grid)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())

    def _place(self, grid: QGridLayout, widgets: Sequence[QWidget], columns: int) -> None:
        """Lay ``widgets`` out ``columns`` in a row (again, when the width changes)."""
        if self._columns.get(id(grid)) == columns:
            return
        self._columns[id(grid)] = columns
        for widget in widgets:
            grid.removeWidget(widget)
        for number_, widget in enumerate(widgets):
            grid.addWidget(widget, *divmod(number_, columns))
        for column in range(max(3, grid.columnCount())):
            grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wide: three cards and two charts a row; narrow: two cards and one chart a row,
        so that no number is cut and every chart keeps room for its bars."""
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        self._place(self.card_grid, [*self.cards.values(), self.summary], 3 if wide else 2)
        self._place(self.chart_grid, self.charts, 2 if wide else 1)

    # data -------------------------------------------------------------------------------------
    def reference_date(self) -> date:
        return to_date(self.date_edit)

    def show_year(self, year: AcademicYear | None) -> None:
        """A past year is counted at its last day, a coming year at its first (as its report
        is): ages at today would be a year off for last year's pupils."""
        self.year = year
        self.pdf_button.setEnabled(year is not None)
        if year is not None:
            day = min(max(self.today, year.start_date), year.end_date)
            blocked = self.date_edit.blockSignals(True)  # one refresh below, not two
            set_date(self.date_edit, day)
            self.date_edit.blockSignals(blocked)
        self.refresh()

    def refresh(self) -> None:
        year = self.year
        if year is None or year.id is None:
            self.figures = None
            return
        day = self.reference_date()
        threshold = satisfied_threshold(self.store)
        indicators = compute_indicators(self.store, year.id, day, threshold)
        self.figures = DashboardFigures(
            indicators,
            satisfaction_by_phase(self.store, year.id, threshold),
            stage_progress(self.store, year.id, day),
            threshold,
        )
        self.people = participants(self.store, year.id)
        for spec in SPECS:
            self.cards[spec.key].set_ratio(spec.ratio(indicators))
        self.summary.setText(self._summary_html())
        for widget, chart in zip(self.charts, dashboard_charts(self.figures), strict=True):
            widget.set_chart(chart)

    def _summary_html(self) -> str:
        assert self.figures is not None and self.people is not None
        ind, people = self.figures.indicators, self.people

        def link(key: str, count: int) -> str:
            return f'<a href="{key}">{count}</a>' if count else "0"

        lines = [
            f"Пар и групп (кроме расформированных): <b>{sum(ind.groups_by_form.values())}</b>, "
            f"из них завершено: <b>{ind.completed_groups}</b>",
            f"Наставников: <b>{link('mentors', len(people.mentors))}</b>, "
            f"наставляемых: <b>{link('mentees', len(people.mentees))}</b>",
            f"Без пары: <b>{link('unpaired', len(people.unpaired))}</b>",
            f"Встреч проведено: <b>{ind.meetings}</b>",
            f"Организаций-партнёров: <b>{len(ind.partner_organizations)}</b>",
        ]
        for title, found in (
            ("наставляемых", ind.satisfaction_mentees),
            ("наставников", ind.satisfaction_mentors),
        ):
            if found.respondents:
                kind = "итоговая" if found.phase is QuestionnairePhase.FINAL else "входная"
                lines.append(
                    f"Удовлетворённость {title}: <b>{average(found.average)}</b> из 10, "
                    f"удовлетворены {percent(found.satisfied_share)} ({kind} анкета, "
                    f"ответов: {found.respondents})"
                )
            else:
                lines.append(f"Удовлетворённость {title}: — (ответов ещё нет)")
        return "<br>".join(lines)

    # the people behind a number -------------------------------------------------------------
    def open_people(self, key: str, which: str) -> PeopleDialog | None:
        if self.figures is None or self.year is None:
            return None
        day = self.reference_date()
        if key in COUNT_LISTS:
            assert self.people is not None
            ids = getattr(self.people, key)
            lines = people_lines(self.store, ids, ids, day)
            dialog = PeopleDialog(COUNT_LISTS[key], "", lines, with_mark=False, parent=self)
        else:
            spec = BY_KEY[key]
            ratio = spec.ratio(self.figures.indicators)
            lines = people_lines(self.store, ratio.denominator, ratio.numerator, day)
            title = f"{spec.title}: {percent(ratio.percent)} на {day:%d.%m.%Y}"
            dialog = PeopleDialog(
                title, f"Как считается: {spec.definition}.", lines, show=which, parent=self
            )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    # PDF --------------------------------------------------------------------------------------
    def print_pdf(self) -> Path | None:
        if self.figures is None or self.year is None:
            return None
        school = get_school(self.store)
        name = school.short_name if school else ""
        day = self.reference_date()
        suggested = Path.home() / fit_file_name(f"Показатели_{file_name(name)}_{day:%d.%m.%Y}.pdf")
        target = messages.save_file(self, "Печать в PDF", suggested, PDF_FILTER)
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        heading = f"Показатели наставничества — {name}" if name else "Показатели наставничества"
        sub = (
            f"Учебный год {self.year.title}; расчёт на {day:%d.%m.%Y}; порог удовлетворённости — "
            f"{number(self.figures.threshold)} из 10"
        )
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            charts = dashboard_charts(self.figures)
            self.last_pdf = write_dashboard_pdf(
                target, heading, sub, charts, self.figures.indicators
            )
        except (PdfError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            messages.error(self, str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        messages.info(self, f"Показатели сохранены в PDF:\n{self.last_pdf}")
        return self.last_pdf
