"""One roadmap stage: its task and result, its events (editable), and the way to its work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models import AcademicYear, IssuedDocument, Person, RoadmapEvent
from ..models.vocab import EventStatus, PersonCategory, RoadmapStage
from ..services.people import list_persons
from ..services.progress import year_events
from ..services.roadmap import load_template
from ..services.roadmap_edit import (
    EventChanges,
    RoadmapEditError,
    add_event,
    delete_event,
    event_order,
    move_event,
    restore_event,
    set_event_order,
    update_event,
)
from ..services.roadmap_rules import evaluate_rules
from ..store import Store
from . import messages
from .dialog_slot import replace_dialog
from .roadmap.event_dialog import EventDialog
from .roadmap.events_model import (
    NAME,
    NUMBER,
    PERIOD,
    RESPONSIBLE,
    STATUS,
    EventsModel,
    order_text,
)
from .screens import Screen, heading, paragraph

# Where the work of each stage is done: (button text, screen key).
STAGE_ACTIONS: dict[RoadmapStage, tuple[tuple[str, str], ...]] = {
    RoadmapStage.PREPARATION: (("Приказы и документы", "documents"),),
    RoadmapStage.MENTEE_BASE: (("База наставляемых и загрузка списков", "bases"),),
    RoadmapStage.MENTOR_BASE: (("База наставников", "bases"),),
    RoadmapStage.MENTOR_SELECTION: (("Отбор и обучение наставников", "bases"),),
    RoadmapStage.MATCHING: (("Подбор наставников, пары и группы", "pairs"),),
    RoadmapStage.PAIRS_WORK: (
        ("Встречи пар и групп", "pairs"),
        ("Анкеты и мониторинг", "indicators"),
    ),
    RoadmapStage.COMPLETION: (
        ("Итоговые анкеты и показатели", "indicators"),
        ("Отчёт и приказы", "documents"),
    ),
}


# Fixed widths (the name column takes the rest): sizing to contents squeezed the names.
COLUMN_WIDTHS = {NUMBER: 40, PERIOD: 96, RESPONSIBLE: 130, STATUS: 180}  # the name takes the rest
PAD_X, PAD_Y = 4, 3  # the cells' padding, px


class PaddedRowsDelegate(QStyledItemDelegate):
    """Measures a wrapped cell at the width its text is drawn in: the style sheet's padding
    adds to the height it measures but not to the width it wraps at, so a name that takes one
    more line once padded was cut with «…»."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrow = QStyleOptionViewItem(option)
        narrow.rect = option.rect.adjusted(0, 0, -2 * PAD_X, 0)
        return super().sizeHint(narrow, index)


class StageScreen(Screen):
    def __init__(
        self, store: Store, stage: RoadmapStage, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._stage = stage
        self._today = today
        self._year: AcademicYear | None = None
        self._removed: RoadmapEvent | None = None
        self.dialog: EventDialog | None = None  # the one open now (tests drive it)
        template = next(s for s in load_template().stages if s.number == stage.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(f"Этап {stage.value}. {stage.label}"))
        layout.addWidget(paragraph(f"<b>Задача этапа.</b> {template.task}"))
        layout.addWidget(paragraph(f"<b>Результат.</b> {template.result}"))
        work = QHBoxLayout()
        self.work_buttons = []
        for text, key in STAGE_ACTIONS[stage]:
            button = QPushButton(f"{text} →")
            button.clicked.connect(lambda _=False, k=key: self.navigateRequested.emit(k))
            work.addWidget(button)
            self.work_buttons.append(button)
        work.addStretch(1)
        layout.addLayout(work)

        self.model = EventsModel(today, stage.value, self._person_names, self._order_texts)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setStyleSheet(f"QTableView::item {{ padding: {PAD_Y}px {PAD_X}px; }}")
        self.table.setItemDelegate(PaddedRowsDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # row heights follow the wrapped names, which change with the width (a handful of rows);
        # measured once the header is laid out: during its sectionResized the rows still measure
        # at the previous width (too tall after widening, names cut after narrowing)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start(0))
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        # the keyboard as the buttons: Enter opens the event, Delete asks to remove it
        keys = (
            ([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)], self.edit_selected),
            ([QKeySequence(QKeySequence.StandardKey.Delete)], self.remove_selected),
        )
        for sequences, slot in keys:
            key_action = QAction(self.table)
            key_action.setShortcuts(sequences)
            key_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            key_action.triggered.connect(slot)
            self.table.addAction(key_action)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_buttons())

    def _build_buttons(self) -> QVBoxLayout:
        """The event commands in one row that fits a 1024 px window; «Отменить удаление» on a
        line of its own below them, shown only after a deletion."""
        row = QHBoxLayout()
        self.done_button = QPushButton("&Отметить выполненным")
        self.done_button.clicked.connect(self.mark_done)
        self.edit_button = QPushButton("&Изменить…")
        self.edit_button.clicked.connect(self.edit_selected)
        add = QPushButton("&Добавить…")
        add.setToolTip("Добавить мероприятие в этап")
        add.clicked.connect(self.add)
        up, down = QPushButton("В&ыше"), QPushButton("&Ниже")
        up.clicked.connect(lambda: self.move_selected(-1))
        down.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton("Уда&лить…")
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.done_button, self.edit_button, add, up, down, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.undo_action = QAction("Отменить удаление", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_remove)
        self.addAction(self.undo_action)
        self.undo_button = QPushButton("Отм&енить удаление")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_remove)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addLayout(undo_row)
        return rows

    def _person_names(self, person_ids: set[int]) -> dict[int, str]:
        with self._store.session() as session:
            found = (session.get(Person, i) for i in person_ids)
            return {p.id: p.short_name for p in found if p is not None and p.id is not None}

    def _order_texts(self, document_ids: set[int]) -> dict[int, str]:
        """«приказ № 100-о от 03.09.2026» of the orders the events produced."""
        with self._store.session() as session:
            found = (session.get(IssuedDocument, i) for i in document_ids)
            return {
                d.id: order_text(d.number, d.issued_on)
                for d in found
                if d is not None and d.id is not None and d.number
            }

    # data -------------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self._year = year
        self._removed = None
        self._show_undo(False)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        year = self._year
        if year is None or year.id is None:
            self.model.set_events([], {})
            return
        events = [e for e in year_events(self._store, year.id) if e.stage == self._stage.value]
        self.model.set_events(events, evaluate_rules(self._store, year.id))
        self.table.resizeRowsToContents()
        if select_id is not None and (row := self.model.row_of(select_id)) >= 0:
            self.table.selectRow(row)

    def selected_event(self) -> RoadmapEvent | None:
        rows = self.table.selectionModel().selectedRows(NUMBER)
        return self.model.event_at(rows[0].row()) if rows else None

    def _changed(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.dataChanged.emit()

    # actions ----------------------------------------------------------------------------------
    def mark_done(self) -> None:
        event = self.selected_event()
        if event is None or event.id is None:
            return
        update_event(
            self._store, event.id, EventChanges(status=EventStatus.DONE, completed_date=self._today)
        )
        self._changed(event.id)

    def edit_selected(self) -> None:
        event = self.selected_event()
        if event is None or event.id is None:
            return
        order = event_order(self._store, event)
        dialog = EventDialog(
            event,
            order.number if order else "",
            order.issued_on if order else None,
            self._today,
            self._staff(),
            self,
        )
        dialog.accepted.connect(lambda: self._save(event, dialog))
        dialog.open()
        self.dialog = replace_dialog(self.dialog, dialog)  # a reference while open

    def _staff(self) -> list[tuple[int, str]]:
        """Teachers who can be named responsible for an event."""
        teachers = list_persons(self._store, PersonCategory.TEACHER)
        return [
            (p.id, f"{p.short_name}, {p.position}" if p.position else p.short_name)
            for p in teachers
            if p.id is not None
        ]

    def _save(self, event: RoadmapEvent, dialog: EventDialog) -> None:
        assert event.id is not None
        try:
            update_event(self._store, event.id, dialog.changes())
            number, issued_on = dialog.order()
            set_event_order(self._store, event.id, number, issued_on if number else None)
        except RoadmapEditError as exc:
            messages.warning(self, str(exc))
        self._changed(event.id)

    def add(self) -> None:
        if self._year is None or self._year.id is None:
            return
        draft = RoadmapEvent(
            year_id=self._year.id,
            stage=self._stage.value,
            name="",
            start_date=self._today,
            end_date=self._today,
        )
        dialog = EventDialog(draft, "", None, self._today, self._staff(), self)
        dialog.setWindowTitle("Новое мероприятие дорожной карты")
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.open()
        self.dialog = replace_dialog(self.dialog, dialog)

    def _create(self, dialog: EventDialog) -> None:
        assert self._year is not None and self._year.id is not None
        changes = dialog.changes()
        try:
            created = add_event(
                self._store, self._year.id, self._stage, changes.name or "", changes
            )
        except RoadmapEditError as exc:
            messages.warning(self, str(exc))
            return
        self._changed(created.id)

    def move_selected(self, step: int) -> None:  # not «move»: QWidget.move(x, y)
        event = self.selected_event()
        if event is not None and event.id is not None:
            move_event(self._store, event.id, step)
            self.reload(event.id)

    def remove_selected(self) -> None:
        event = self.selected_event()
        if event is None or event.id is None:
            return
        if not messages.confirm(
            self,
            f"Удалить мероприятие «{event.name}» из дорожной карты "
            f"{self._year.title if self._year else ''}?\n"
            "Сразу после удаления его можно вернуть (Ctrl+Z).",
        ):
            return
        self._removed = delete_event(self._store, event.id)
        self._show_undo(True)
        self._changed()

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        restored = restore_event(self._store, self._removed)
        self._removed = None
        self._show_undo(False)
        self._changed(restored.id)

    def _show_undo(self, visible: bool) -> None:
        self.undo_action.setEnabled(visible)
        self.undo_button.setVisible(visible)
