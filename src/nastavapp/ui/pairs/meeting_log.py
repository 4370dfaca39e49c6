"""«Встречи» of a pair/group: a quick form (date, type, topic, who came, notes; Enter saves and
the form clears for the next one), the log, and the standard sequence beside it once the pair
has started. The first meeting of a pair approved by order moves it to «работает»."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import GroupStatus, MeetingType
from ...services.meetings import (
    STALE_DAYS,
    TOPICS,
    MeetingDraft,
    MeetingError,
    MeetingRecord,
    MeetingSummary,
    add_meeting,
    delete_meeting,
    meeting_summaries,
    meetings_of,
    propose_meetings,
    update_meeting,
)
from ...services.pairs import GroupCard
from ...store import Store
from .. import messages
from ..bases.widgets import date_edit, set_date, to_date
from ..tab_order import chain
from ..table_search import SearchField, search_note
from .groups_model import days_text
from .meetings_model import (
    MeetingsModel,
    mark_held,
    next_type,
    step_color,
    step_text,
    step_tooltip,
)
from .table_base import ITEM_ROLE, SearchProxy
from .widgets import SubmitBox, columns_table, muted_label, on_delete_key

PLAN_STATUSES = (GroupStatus.APPROVED, GroupStatus.ACTIVE)
PLANNED_ROLE = Qt.ItemDataRole.UserRole
SAVE_NEW, SAVE_EDITED = "Запис&ать встречу (Enter)", "Со&хранить изменения (Enter)"


class MeetingLog(QWidget):
    changed = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today
        self.card: GroupCard | None = None
        self.records: list[MeetingRecord] = []
        self.editing: MeetingRecord | None = None
        self.came: dict[int, QCheckBox] = {}
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_form())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = MeetingsModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        self.search = SearchField("Поиск в журнале: тема, заметки")
        self.search.textChanged.connect(self.proxy.set_search)
        log_layout.addWidget(self.search)
        self.table = columns_table(self.proxy, self.model.columns)
        self.empty_note = search_note(
            self.table, self.proxy, "все встречи", width=360, empty=self._no_meetings_note
        )
        self.table.activated.connect(lambda _index: self.edit_current())
        log_layout.addWidget(self.table, 1)
        splitter.addWidget(log_box)
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(QLabel("<b>План встреч</b> (стандартная последовательность)"))
        self.plan = QListWidget()
        self.plan.itemActivated.connect(self._take_planned)
        plan_layout.addWidget(self.plan, 1)
        self.plan_note = muted_label()
        self.plan_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        plan_layout.addWidget(self.plan_note, 1)
        self.plan_hint = muted_label("Двойной щелчок или Enter — подставить встречу в форму.")
        plan_layout.addWidget(self.plan_hint)
        splitter.addWidget(plan_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([650, 240])
        layout.addWidget(splitter, 1)
        on_delete_key(self.table, self.delete)

    def _build_form(self) -> SubmitBox:
        self.form = SubmitBox()
        self.form.setObjectName("meetingForm")
        self.form.setStyleSheet("#meetingForm { background: #f4f7fa; border-radius: 4px; }")
        self.form.submitted.connect(self.save)
        grid = QGridLayout(self.form)
        grid.setContentsMargins(8, 6, 8, 6)
        self.date = date_edit(self.today, self.today)
        self.date.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.type = QComboBox()
        for kind in MeetingType:
            self.type.addItem(kind.label, kind.value)
        self.type.currentIndexChanged.connect(self._suggest_topic)
        self.topic, self.notes = QLineEdit(), QLineEdit()
        self.notes.setPlaceholderText("что обсудили, что задали")
        date_label, type_label = QLabel("&Дата:"), QLabel("&Вид:")
        topic_label, notes_label = QLabel("&Тема:"), QLabel("&Заметки:")
        for label, widget in (
            (date_label, self.date),
            (type_label, self.type),
            (topic_label, self.topic),
            (notes_label, self.notes),
        ):
            label.setBuddy(widget)
        grid.addWidget(date_label, 0, 0)
        grid.addWidget(self.date, 0, 1)
        grid.addWidget(type_label, 0, 2)
        grid.addWidget(self.type, 0, 3)
        grid.addWidget(topic_label, 0, 4)
        grid.addWidget(self.topic, 0, 5)
        self.came_label = QLabel("П&ришли:")  # its buddy: the first check box of the pair
        grid.addWidget(self.came_label, 1, 0)
        self.people = QHBoxLayout()
        grid.addLayout(self.people, 1, 1, 1, 5)
        grid.addWidget(notes_label, 2, 0)
        grid.addWidget(self.notes, 2, 1, 1, 5)
        grid.setColumnStretch(5, 1)
        buttons = QHBoxLayout()
        self.mode_label = muted_label()
        self.save_button = QPushButton(SAVE_NEW)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("&Отменить правку")
        self.cancel_button.clicked.connect(self.clear_form)
        self.delete_button = QPushButton("&Удалить встречу…")
        self.delete_button.clicked.connect(self.delete)
        buttons.addWidget(self.mode_label, 1)
        for button in (self.save_button, self.cancel_button, self.delete_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, 3, 0, 1, 6)
        return self.form

    # showing ------------------------------------------------------------------------------------
    def show_card(self, card: GroupCard) -> None:
        self.card = card
        for box in self.came.values():
            self.people.removeWidget(box)
            box.deleteLater()
        self.came = {card.mentor.id: QCheckBox(f"{card.mentor.short_name} (наставник)")}
        for mentee in card.mentees:
            self.came[mentee.id] = QCheckBox(mentee.short_name)
        while self.people.count():  # the stretch of the previous pair
            self.people.takeAt(0)
        for box in self.came.values():
            self.people.addWidget(box)
        self.people.addStretch(1)
        self.came_label.setBuddy(next(iter(self.came.values())))
        # the keyboard goes the way the form reads
        chain([self.date, self.type, self.topic, *self.came.values(), self.notes])
        self.form.setEnabled(card.status in (*PLAN_STATUSES, GroupStatus.FORMING))
        self.reload()

    def _no_meetings_note(self) -> str:
        card = self.card
        if card is None:
            return ""
        if card.status not in (*PLAN_STATUSES, GroupStatus.FORMING):
            return f"Пара {card.status.label}: встреч в журнале нет."
        return "Встреч пока нет.\nЗапишите первую в форме выше: дата, вид, кто пришёл — и Enter."

    def names(self) -> dict[int, str]:
        card = self.card
        if card is None:
            return {}
        return {card.mentor.id: card.mentor.short_name} | {m.id: m.short_name for m in card.mentees}

    def reload(self) -> None:
        card = self.card
        if card is None:
            return
        self.records = meetings_of(self.store, card.id)
        self.model.set_meetings(self.records, self.names())
        summary = meeting_summaries(self.store, card.year_id, self.today).get(card.id)
        self._show_summary(summary)
        self._show_plan(card)
        self.clear_form()

    def _show_summary(self, summary: MeetingSummary | None) -> None:
        held = summary.held if summary else 0
        last = summary.last_date if summary else None
        text = f"Проведено встреч: {held}" + (f", последняя {last:%d.%m.%Y}." if last else ".")
        if summary is not None and summary.stale and summary.days_without is not None:
            text += (
                f" <span style='color:#c62828;'><b>Нет встреч {days_text(summary.days_without)}"
                f"</b> — больше {STALE_DAYS}: пора встретиться.</span>"
            )
        self.summary.setText(text)

    def _show_plan(self, card: GroupCard) -> None:
        self.plan.clear()
        planned = card.status in PLAN_STATUSES
        for widget in (self.plan, self.plan_hint):
            widget.setVisible(planned)
        self.plan_note.setVisible(not planned)
        if not planned:
            self.plan_note.setText(
                "План встреч появится, когда пара будет утверждена приказом."
                if card.status is GroupStatus.FORMING
                else f"Пара {card.status.label}: новые встречи не планируются."
            )
            return
        upcoming_marked = False
        for step in mark_held(
            propose_meetings(self.store, card.id, today=self.today), self.records, self.today
        ):
            item = QListWidgetItem(step_text(step))
            item.setData(PLANNED_ROLE, step.planned)
            item.setToolTip(step_tooltip(step))
            color = step_color(step, self.today)
            if color is not None:
                item.setForeground(color)
            if not step.held and not upcoming_marked and step.planned.day >= self.today:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                upcoming_marked = True
            self.plan.addItem(item)

    # the form -----------------------------------------------------------------------------------
    def clear_form(self) -> None:
        self.editing = None
        self.topic.clear()
        self.notes.clear()
        self.type.setCurrentIndex(self.type.findData(next_type(self.records).value))
        self._suggest_topic()
        for box in self.came.values():
            box.setChecked(True)
        self.save_button.setText(SAVE_NEW)
        self.mode_label.setText("Новая встреча. Тема по умолчанию — как в подсказке.")
        self.cancel_button.setVisible(False)
        self.delete_button.setEnabled(False)
        if self.isVisible():  # the next meeting; from a hidden page it took the keyboard from
            self.date.setFocus()  # the plan or the card, whose save reads the pair again

    def _suggest_topic(self, *_args: object) -> None:
        kind = MeetingType(self.type.currentData())
        self.topic.setPlaceholderText(TOPICS[kind])

    def meeting_type(self) -> MeetingType:
        return MeetingType(self.type.currentData())

    def draft(self) -> MeetingDraft:
        kind = self.meeting_type()
        return MeetingDraft(
            to_date(self.date),
            kind,
            self.topic.text().strip() or TOPICS[kind],
            self.notes.text(),
            frozenset(i for i, box in self.came.items() if box.isChecked()),
        )

    def save(self) -> None:
        card = self.card
        if card is None or not self.form.isEnabled():
            return
        try:
            if self.editing is None:
                add_meeting(self.store, card.id, self.draft(), today=self.today)
            else:
                update_meeting(self.store, self.editing.id, self.draft(), today=self.today)
        except MeetingError as exc:
            messages.error(self, str(exc))
            return
        self.changed.emit()

    def edit_current(self) -> None:
        index = self.table.currentIndex()
        record = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(record, MeetingRecord):
            return
        self.editing = record
        set_date(self.date, record.meeting_date)
        self.type.setCurrentIndex(self.type.findData(record.type.value))
        self.topic.setText(record.topic)
        self.notes.setText(record.notes)
        for person, box in self.came.items():
            box.setChecked(person in record.attendee_ids)
        self.save_button.setText(SAVE_EDITED)
        self.mode_label.setText(f"Правка встречи {record.meeting_date:%d.%m.%Y}.")
        self.cancel_button.setVisible(True)
        self.delete_button.setEnabled(True)
        self.topic.setFocus()

    def delete(self) -> None:
        index = self.table.currentIndex()
        record = self.editing or (index.data(ITEM_ROLE) if index.isValid() else None)
        if not isinstance(record, MeetingRecord):
            return
        if not messages.confirm_action(
            self,
            f"Удалить встречу {record.meeting_date:%d.%m.%Y} ({record.type.label}) из журнала?",
            "Удалить",
        ):
            return
        delete_meeting(self.store, record.id)
        self.changed.emit()

    def _take_planned(self, item: QListWidgetItem) -> None:
        planned = item.data(PLANNED_ROLE)
        if planned is None:
            return
        self.clear_form()
        set_date(self.date, min(planned.day, self.today))
        self.type.setCurrentIndex(self.type.findData(planned.type.value))
        self.topic.setText(planned.topic)
        self.notes.setFocus()
