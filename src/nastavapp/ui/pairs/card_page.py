"""The first page of a pair's card: who, form, role model, kind, format, goal and dates (edited
in place), the mentees (add, remove), and beside them the status box (:mod:`.card_status`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import MentoringFormat, MentoringKind
from ...services.pairs import (
    CardEdit,
    add_member,
    remove_member,
    unpaired_mentees,
    update_card,
)
from ...store import Store
from .. import messages
from ..dialog_slot import replace_dialog
from .card_status import LIVE, CardFacts, StatusBox
from .manual_pair import fill_role_models, format_combo, role_model_combo
from .status_dialog import MenteePicker, StatusDialog
from .widgets import (
    optional_date,
    optional_date_edit,
    run_action,
    set_optional_date,
    store_with_capacity,
)


class CardPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.facts: CardFacts | None = None
        self.dialog: QDialog | None = None
        layout = QHBoxLayout(self)
        self.status = StatusBox(store, today)
        self.status.changed.connect(self.changed)
        layout.addWidget(self._build_fields(), 3)
        layout.addWidget(self.status, 2)

    # construction -------------------------------------------------------------------------------
    def _build_fields(self) -> QWidget:
        box = QGroupBox("Пара / группа")
        outer = QVBoxLayout(box)
        form = QFormLayout()
        outer.addLayout(form, 1)  # the free height goes to the list of mentees
        self.mentor_label = QLabel()
        self.mentor_label.setWordWrap(True)
        form.addRow("Наставник:", self.mentor_label)
        members = QHBoxLayout()
        self.mentees = QListWidget()
        self.mentees.setMinimumHeight(84)
        self.mentees.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.mentees.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mentees.setTextElideMode(Qt.TextElideMode.ElideRight)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("&Добавить…")
        self.add_button.clicked.connect(self.add_mentee)
        self.remove_button = QPushButton("&Исключить…")
        self.remove_button.clicked.connect(self.remove_mentee)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)  # the buttons stay at the top of the taller list
        members.addWidget(self.mentees, 1)
        members.addLayout(buttons)
        mentees_label = QLabel("Наставляе&мые:")
        mentees_label.setBuddy(self.mentees)
        form.addRow(mentees_label, members)
        self.form_label = QLabel()
        form.addRow("Форма:", self.form_label)
        self.kind = QComboBox()
        for kind in MentoringKind:
            self.kind.addItem(kind.label, kind.value)
        self.role_model = role_model_combo()
        self.format = format_combo()
        self.goal = QPlainTextEdit()
        self.goal.setTabChangesFocus(True)
        self.goal.setFixedHeight(56)
        self.goal.setPlaceholderText("чего пара должна достичь к концу года")
        for text, widget in (
            ("&Вид:", self.kind),
            ("&Ролевая модель:", self.role_model),
            ("Ф&ормат:", self.format),
            ("&Цель:", self.goal),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        dates = QHBoxLayout()
        self.start = optional_date_edit(None)
        self.end = optional_date_edit(None)
        start_label, end_label = QLabel("&Начало:"), QLabel("окончани&е (план):")
        start_label.setBuddy(self.start)
        end_label.setBuddy(self.end)
        dates.addWidget(self.start)
        dates.addWidget(end_label)
        dates.addWidget(self.end)
        dates.addStretch(1)
        form.addRow(start_label, dates)
        self.save_button = QPushButton("Со&хранить изменения")
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        for signal in (
            self.kind.currentIndexChanged,
            self.role_model.currentTextChanged,
            self.format.currentIndexChanged,
            self.goal.textChanged,
            self.start.dateChanged,
            self.end.dateChanged,
        ):
            signal.connect(self._sync_dirty)
        return box

    # showing ------------------------------------------------------------------------------------
    def show_facts(self, facts: CardFacts) -> None:
        self.facts = facts
        card = facts.card
        load = f" · нагрузка: занято {facts.load.text}" if facts.load else ""
        self.mentor_label.setText(f"<b>{card.mentor.name}</b>, {card.mentor.post}{load}")
        self.mentees.clear()
        for mentee in card.mentees:
            item = QListWidgetItem(f"{mentee.name}, {mentee.post}")
            item.setToolTip(item.text())  # the whole line when it is cut with «…»
            self.mentees.addItem(item)
        self.form_label.setText(card.form.label)
        widgets = (self.kind, self.role_model, self.format, self.goal, self.start, self.end)
        for widget in widgets:
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(card.kind.value))
        fill_role_models(self.role_model, card.form, card.role_model)
        self.format.setCurrentIndex(self.format.findData(card.format.value))
        self.goal.setPlainText(card.goal)
        set_optional_date(self.start, card.start_date)
        set_optional_date(self.end, card.planned_end_date)
        for widget in widgets:
            widget.blockSignals(False)
        live = card.status in LIVE
        for control in (*widgets, self.add_button):
            control.setEnabled(live)
        self.remove_button.setEnabled(live and len(card.mentees) > 1)
        self.remove_button.setToolTip(
            "Исключить выбранного наставляемого из группы"
            if len(card.mentees) > 1
            else "Единственного наставляемого не исключают: пару расформировывают"
        )
        self.save_button.setEnabled(False)
        self.status.show_facts(facts)

    def edit(self) -> CardEdit:
        return CardEdit(
            role_model=self.role_model.currentText(),
            kind=MentoringKind(self.kind.currentData()),
            format=MentoringFormat(self.format.currentData()),
            goal=self.goal.toPlainText(),
            start_date=optional_date(self.start),
            planned_end_date=optional_date(self.end),
        )

    def _sync_dirty(self, *_args: object) -> None:
        if self.facts is not None:
            self.save_button.setEnabled(self.facts.card.status in LIVE)

    # commands -----------------------------------------------------------------------------------
    def _run(self, action: Callable[[], object]) -> None:
        if run_action(self, action):
            self.changed.emit()

    def _group_id(self) -> int:
        assert self.facts is not None
        return self.facts.card.id

    def save(self) -> None:
        edit = self.edit()
        self._run(lambda: update_card(self.store, self._group_id(), edit))

    def _open(self, dialog: QDialog, then: Callable[[], None]) -> None:
        self.dialog = replace_dialog(self.dialog, dialog)
        dialog.accepted.connect(then)
        dialog.open()

    def add_mentee(self) -> None:
        assert self.facts is not None
        card = self.facts.card
        picker = MenteePicker(unpaired_mentees(self.store, card.year_id, card.form), self)

        def add() -> None:
            person = picker.chosen()
            if person is None:
                return
            if store_with_capacity(
                self,
                lambda allow: add_member(
                    self.store, card.id, person, today=self.today, allow_over_capacity=allow
                ),
            ):
                self.changed.emit()

        self._open(picker, add)

    def remove_mentee(self) -> None:
        assert self.facts is not None
        card, row = self.facts.card, self.mentees.currentRow()
        if not 0 <= row < len(card.mentees):
            messages.info(self, "Выберите наставляемого в списке.")
            return
        mentee = card.mentees[row]
        dialog = StatusDialog(
            "Исключить наставляемого",
            f"Исключить из группы: {mentee.name}? Наставляемый вернётся в базу и снова "
            "появится в подборе пар; его план в этой группе будет удалён.",
            "Исключить",
            self.today,
            reason_label="&Причина:",
            with_date=False,
            parent=self,
        )
        self._open(
            dialog,
            lambda: self._run(
                lambda: remove_member(
                    self.store, card.id, mentee.id, today=self.today, reason=dialog.reason()
                )
            ),
        )
