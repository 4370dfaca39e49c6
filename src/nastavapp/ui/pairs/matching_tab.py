"""«Подбор пар»: proposals for every mentee of a form still without a pair, decided one by one.

The proposals come from a worker (a big pool must not freeze the window). The curator accepts,
rejects or changes each; nothing is stored until «Сохранить выбранные пары». Mentees nobody fits
stay in the table (and in «Без пары») until they are paired.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...models.vocab import FORM_SIDES, MentoringForm
from ...services.counts import basic_counts
from ...services.pairs import (
    UnpairedMentee,
    mentor_loads,
    unpaired_mentees,
)
from ...store import Store
from .. import messages
from ..dialog_slot import replace_dialog
from .matching_commands import MatchingCommands
from .proposals_model import Decision
from .proposals_panel import ProposalsPanel
from .score_help import ScoreHelpDialog
from .widgets import TAB_MARGINS, muted_label
from .worker import MatchOutcome, MatchRunner


def fits_form(mentee: UnpairedMentee, form: MentoringForm) -> bool:
    """Counted for ``form`` as ``unpaired_mentees(form)`` would: the base names that form (or
    none) and the mentee stands on its mentee side."""
    return mentee.form in (form, None) and mentee.category is FORM_SIDES[form][1]


def form_order(year: AcademicYear) -> list[MentoringForm]:
    """The year's own forms first."""
    used = set(year.forms or [])
    return sorted(MentoringForm, key=lambda form: form.value not in used)


class MatchingTab(QWidget):
    """``stored`` after pairs were stored; ``matchingFinished`` when proposals are shown."""

    stored = Signal()
    matchingFinished = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.year: AcademicYear | None = None
        self.dialog: QDialog | None = None
        self._unpaired: list[int] = []
        self._empty_base = False  # no mentee in the year's base at all (not: all paired)
        self._pending = False  # a matching waits until the tab is shown
        self.commands = MatchingCommands(self)
        self.runner = MatchRunner(self)
        self.runner.finished.connect(self._show_outcome)
        self.runner.failed.connect(self._failed)
        self.panel = ProposalsPanel()
        self.model, self.proxy, self.loads = self.panel.model, self.panel.proxy, self.panel.loads
        self.table = self.panel.table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_MARGINS)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_status())
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff8e1; border: 1px solid #f0d98c; padding: 4px;")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        layout.addWidget(self.panel, 1)
        layout.addLayout(self._build_buttons())
        self.panel.changed.connect(self._sync)
        self._sync()

    # construction -------------------------------------------------------------------------------
    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("Фор&ма:")  # not «&Ф»: Alt+Ф opens the menu «Файл»
        self.form_combo = QComboBox()
        # as wide as its longest form with its count, never squeezed to «ученик -»
        self.form_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.form_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        label.setBuddy(self.form_combo)
        self.form_combo.currentIndexChanged.connect(self._form_chosen)
        self.rerun_button = QPushButton("Подобрать &заново")
        self.rerun_button.setToolTip("Заново предложить пары по текущим базам")
        self.rerun_button.clicked.connect(self.run)
        self.help_button = QPushButton("&Как считается оценка")
        self.help_button.clicked.connect(self.show_help)
        for widget in (label, self.form_combo, self.rerun_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.help_button)
        return row

    def _build_status(self) -> QHBoxLayout:
        """The line under the form: the running matching, or what was proposed and decided
        (hidden while it has nothing to say, so that it leaves no empty band)."""
        row = QHBoxLayout()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel("Подбираем наставников…")
        self.summary = muted_label()
        for widget in (self.busy, self.busy_label, self.summary):
            widget.setVisible(False)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label)
        row.addWidget(self.summary, 1)
        return row

    def _build_buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        first = QHBoxLayout()
        self.accept_button = QPushButton("&Принять")
        self.accept_button.clicked.connect(lambda: self.panel.decide(Decision.ACCEPTED))
        self.reject_button = QPushButton("&Отклонить")
        self.reject_button.clicked.connect(lambda: self.panel.decide(Decision.REJECTED))
        self.change_button = QPushButton("&Другой наставник…")
        self.change_button.setToolTip("Выбрать наставника из подходящих этому наставляемому")
        self.change_button.clicked.connect(self.change_mentor)
        self.accept_all_button = QPushButton("Принять вс&е")
        self.accept_all_button.clicked.connect(self.panel.accept_all)
        self.manual_button = QPushButton("Пара или группа &вручную…")
        self.manual_button.clicked.connect(self.commands.pair_by_hand)
        for button in (
            self.accept_button,
            self.reject_button,
            self.change_button,
            self.accept_all_button,
        ):
            first.addWidget(button)
        first.addStretch(1)
        first.addWidget(self.manual_button)
        second = QHBoxLayout()
        self.group_box = QCheckBox("Наставляемых одного наставника объединить в &группу")
        self.save_button = QPushButton("Со&хранить выбранные пары")
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.clicked.connect(self.commands.save)
        second.addWidget(self.group_box)
        second.addStretch(1)
        second.addWidget(self.save_button)
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    # the year and the form -------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.notice.setVisible(False)
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        if year is not None:
            for form in form_order(year):
                self.form_combo.addItem(form.label, form.value)
            self._count_unpaired()
            first = next((i for i in range(self.form_combo.count()) if self._unpaired[i] > 0), 0)
            self.form_combo.setCurrentIndex(first)
        self.form_combo.setToolTip(self.form_combo.currentText())
        self.form_combo.blockSignals(False)
        self.run()

    def _count_unpaired(self) -> None:
        self._unpaired = []
        self._empty_base = False
        if self.year is None or self.year.id is None:
            return
        everyone = unpaired_mentees(self.store, self.year.id)  # one read for every form
        self._empty_base = not everyone and basic_counts(self.store, self.year)["mentees"] == 0
        for i in range(self.form_combo.count()):
            form = MentoringForm(self.form_combo.itemData(i))
            count = sum(1 for m in everyone if fits_form(m, form))
            self._unpaired.append(count)
            text = f"{form.label} — без пары: {count}" if count else f"{form.label} — все в парах"
            if self._empty_base:
                text = form.label  # nobody in the base yet: «все в парах» would mislead
            self.form_combo.setItemText(i, text)
        self.form_combo.setToolTip(self.form_combo.currentText())

    def _form_chosen(self, _index: int) -> None:
        self.form_combo.setToolTip(self.form_combo.currentText())
        self.run()

    def form(self) -> MentoringForm | None:
        value = self.form_combo.currentData()
        return MentoringForm(value) if value else None

    def choose_form(self, form: MentoringForm) -> None:
        self.form_combo.setCurrentIndex(self.form_combo.findData(form.value))

    def data_changed_elsewhere(self, *, notice: bool = True) -> None:
        """Pairs or bases changed elsewhere: propose again, unless the curator has decided
        something here (then only the places are read again and, with ``notice``, he is told)."""
        if self.runner.busy and not notice:  # coming back to the screen: the run is fresh
            return
        self._count_unpaired()
        decided = self.model.counts()
        if not (decided[Decision.ACCEPTED] or decided[Decision.REJECTED]):
            self.run()
            return
        self._refresh_places()
        if notice:
            self.notice.setText(
                "Пары и базы изменились на другой вкладке. Принятые предложения ещё не "
                "сохранены; нажмите «Подобрать заново», чтобы предложения учли изменения."
            )
            self.notice.setVisible(True)

    # matching off the GUI thread ---------------------------------------------------------------
    def run(self) -> None:
        """Propose pairs for the chosen form; while the tab is hidden, when it is shown."""
        form = self.form()
        self.notice.setVisible(False)
        if self.year is None or self.year.id is None or form is None or not self.isVisible():
            self._pending = self.year is not None and form is not None
            self.model.clear()
            self.panel.set_loads([])
            return
        self._pending = False
        self.runner.start(self.store, self.year.id, form, self.today)
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.table.setEnabled(not busy)
        self._sync()

    def _show_outcome(self, outcome: object) -> None:
        assert isinstance(outcome, MatchOutcome)
        self._set_busy(False)
        self.model.load(outcome.result, outcome.pool, self.today)
        self._refresh_places()
        self.panel.select_first()
        self.matchingFinished.emit()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        messages.error(self, message)
        self.matchingFinished.emit()

    def _refresh_places(self) -> None:
        """Mentors' places as stored now, in the load table and in the pool's alternatives."""
        form = self.form()
        if self.year is None or self.year.id is None or form is None:
            return
        loads = mentor_loads(self.store, self.year.id, form)
        free = {m.person_id: m.free for m in loads}
        pool = self.model.pool
        if pool is not None:
            mentors = tuple(replace(m, free=free.get(m.person_id, m.free)) for m in pool.mentors)
            self.model.set_pool(replace(pool, mentors=mentors))
        self.panel.set_loads(loads)

    # state -------------------------------------------------------------------------------------
    def _sync(self, *_args: object) -> None:
        ready = self.model.pool is not None and not self.runner.busy
        counts = self.model.counts()
        row = self.panel.current()
        has_mentor = row is not None and row.mentor is not None
        self.accept_button.setEnabled(ready and has_mentor)
        self.reject_button.setEnabled(ready and has_mentor)
        self.change_button.setEnabled(ready and row is not None)
        self.accept_all_button.setEnabled(ready and counts[Decision.PROPOSED] > 0)
        self.manual_button.setEnabled(ready)
        self.save_button.setEnabled(ready and counts[Decision.ACCEPTED] > 0)
        self._show_summary(counts)

    def _say(self, text: str) -> None:
        """The summary line, shown while it says something and no matching runs."""
        self.summary.setText(text)
        self.summary.setVisible(bool(text) and not self.runner.busy)

    def _show_summary(self, counts: dict[Decision, int]) -> None:
        if self.year is None:
            self._say("Выберите учебный год.")
            return
        if self.model.pool is None:
            self._say("")
            return
        if not self.model.rowCount():
            self._say(self._nobody_to_pair())
            return
        proposed = self.model.rowCount() - counts[Decision.NO_MENTOR]
        parts = [f"Предложено пар: {proposed}", f"принято: {counts[Decision.ACCEPTED]}"]
        if counts[Decision.REJECTED]:
            parts.append(f"отклонено: {counts[Decision.REJECTED]}")
        if counts[Decision.NO_MENTOR]:
            parts.append(f"без подходящего наставника: {counts[Decision.NO_MENTOR]}")
        self._say(
            " · ".join(parts) + ". Ничего не сохраняется, пока вы не нажмёте "
            "«Сохранить выбранные пары»."
        )

    def _nobody_to_pair(self) -> str:
        """Why the list is empty: the base is still empty, or everyone of the form has a pair."""
        if self._empty_base:
            return (
                "В базе наставляемых этого года пока никого нет. Сначала составьте её: «Базы» → "
                "«База наставляемых» (можно загрузить список из Excel)."
            )
        return "Наставляемых этой формы без пары нет."

    def change_mentor(self) -> None:
        """Another mentor from the alternatives; when none has free places, pairing by hand."""
        if self.panel.current() is not None and not self.panel.change_mentor():
            self.commands.pair_by_hand()

    # storing ---------------------------------------------------------------------------------
    def paired(self, mentee_ids: list[int], text: str) -> None:
        """These mentees are in stored pairs now: out of the table, places and counts anew."""
        done = set(mentee_ids)
        self.model.remove_rows_where(lambda r: r.mentee.person_id in done)
        self._refresh_places()
        self._count_unpaired()
        self._sync()
        self._say(text)
        self.stored.emit()

    def show_help(self) -> None:
        self.dialog = replace_dialog(self.dialog, ScoreHelpDialog(self))
        self.dialog.open()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self.run()

    def shutdown(self) -> None:
        """Wait for a running matching before the window goes (GUIDE trap 13)."""
        self.runner.wait()
