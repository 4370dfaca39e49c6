"""«Базы»: the whole contingent, the year's mentees and mentors, in three tabs over one read.

Dialogs open window-modal (``open()``) and report back through their ``accepted`` signal;
message boxes and file dialogs go through ``ui.messages``. Several rows can be selected:
«Удалить» (or taking out of a base) then acts on all of them at once (``bulk_commands``); the
commands for one person are off. A deletion can be undone at once, a batch as a whole: Ctrl+Z
or «Отменить» on the line that reports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...services.bases_rows import BaseRow, load_rows
from ...services.bulk_deletion import BatchSnapshot
from ...services.deletion import DeletionError, DeletionSnapshot, restore_person
from ...store import Store
from ..dialog_slot import replace_dialog
from ..screens import Screen, heading
from .base_view import BaseView
from .bulk_commands import BulkCommands
from .columns import BaseKind
from .commands import BaseCommands
from .file_commands import FileCommands

TAB_TITLES = {
    BaseKind.ALL: "Все участники",
    BaseKind.MENTEES: "База наставляемых",
    BaseKind.MENTORS: "База наставников",
}
TOOL_BAR_STYLE = "QToolBar { border: none; spacing: 2px; }"
FROM_BASE = {BaseKind.MENTEES: "базы наставляемых", BaseKind.MENTORS: "базы наставников"}


class BasesScreen(Screen):
    """``bulkFinished`` is emitted when a batch deletion or its undo has ended, either way."""

    bulkFinished = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.year: AcademicYear | None = None
        self.rows: list[BaseRow] = []
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self._undo: DeletionSnapshot | BatchSnapshot | None = None
        self._busy = False
        self._shown_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        self.title = heading("Базы")
        layout.addWidget(self.title)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setStyleSheet(TOOL_BAR_STYLE)
        layout.addWidget(self.toolbar)
        self.undo_bar = self._build_undo_bar()
        layout.addWidget(self.undo_bar)
        self.tabs = QTabWidget()
        self.views: dict[BaseKind, BaseView] = {}
        for kind, title in TAB_TITLES.items():
            view = BaseView(kind)
            self.views[kind] = view
            self.tabs.addTab(view, title)
        layout.addWidget(self.tabs, 1)
        self.commands = BaseCommands(self)
        self.bulk = BulkCommands(self)
        self.files = FileCommands(self)
        self._build_toolbar()
        self.tabs.currentChanged.connect(self._tab_changed)
        for view in self.views.values():
            view.activated.connect(self.commands.edit)
            view.table.selectionModel().selectionChanged.connect(self._sync_actions)
        self._tab_changed()

    # construction -------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        a = self.commands
        self.add_action = self._action("Добавить…", a.add, QKeySequence("Ins"))
        self.edit_action = self._action("Изменить…", a.edit, None, "Изменить данные участника")
        self.delete_action = self._action("Удалить…", a.delete, QKeySequence.StandardKey.Delete)
        self.mentee_action = self._action(
            "Наставляемый…", a.mentee, None, "Включить в базу наставляемых или изменить запросы"
        )
        self.mentor_action = self._action(
            "Наставник…", a.mentor, None, "Включить в базу наставников или изменить отбор"
        )
        self.consent_action = self._action(
            "Согласие…", a.consent, None, "Согласие на обработку персональных данных"
        )
        self.import_action = self._action(
            "Загрузить список…",
            self.files.import_list,
            None,
            "Загрузить обучающихся или педагогов из файла",
        )
        self.export_action = self._action(
            "В Excel…", self.files.export, None, "Сохранить базу в файл Excel для печати"
        )
        self.undo_action = self._action("Отменить", self.undo, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        bar = self.toolbar
        for action in (self.add_action, self.edit_action, self.delete_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.mentee_action, self.mentor_action, self.consent_action):
            bar.addAction(action)
        # the file commands beside the tabs: the list goes into, and «В Excel» saves, the base
        # in view; on the tool bar they went behind its » at 1024 px
        self.file_bar = QToolBar()
        self.file_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.file_bar.setStyleSheet(TOOL_BAR_STYLE)
        self.file_bar.addAction(self.import_action)
        self.file_bar.addAction(self.export_action)
        self.tabs.setCornerWidget(self.file_bar, Qt.Corner.TopRightCorner)

    def _build_undo_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("undoBar")
        bar.setStyleSheet("#undoBar { background: #fff8e1; border: 1px solid #f0d98c; }")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 6, 4)
        self.undo_label = QLabel()
        self.undo_button = QPushButton("Отменить (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_label, 1)
        row.addWidget(self.undo_button)
        bar.setVisible(False)
        return bar

    # data ---------------------------------------------------------------------------------------
    def show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        self.title.setText(f"Базы — {year.title} учебный год" if year else "Базы")
        self.forget_undo()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Read again when the screen comes back: pairs and others may have changed roles."""
        super().showEvent(event)
        if self._shown_once:
            self.reload()
        self._shown_once = True

    def reload(self, select: int | Sequence[int] | None = None) -> None:
        """Read again; in the current tab select ``select`` (one id or several), or keep."""
        year_id = self.year.id if self.year is not None else None
        self.rows = load_rows(self.store, year_id, self.today)
        names = {r.id: r.person.short_name for r in self.rows}
        ids = [select] if isinstance(select, int) else select
        for view in self.views.values():
            view.set_rows(self.rows, names, ids if view is self.current_view() else None)
        self._sync_actions()

    def changed(self, select: int | Sequence[int] | None = None) -> None:
        """After a change: read again, keep or pick the rows, tell the window."""
        self.reload(select)
        self.dataChanged.emit()

    def current_kind(self) -> BaseKind:
        return self.current_view().kind

    def current_view(self) -> BaseView:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, BaseView)
        return widget

    def show_tab(self, kind: BaseKind) -> BaseView:
        view = self.views[kind]
        self.tabs.setCurrentWidget(view)
        return view

    def adopt_dialog(self, dialog: QDialog) -> None:
        """``dialog`` is the one open now; the one before (closed by now: they are modal) is
        freed — an import's preview of 20,000 rows stayed for the program's life."""
        self.dialog = replace_dialog(self.dialog, dialog)

    def selected(self) -> BaseRow | None:
        """The one selected row (None when none or several are selected)."""
        return self.current_view().selected()

    def selected_rows(self) -> list[BaseRow]:
        return self.current_view().selected_rows()

    def _tab_changed(self, *_args: object) -> None:
        kind = self.current_kind()
        # short: at 1024 px a longer word pushed «Загрузить список» off the tool bar
        self.delete_action.setText("Удалить…" if kind is BaseKind.ALL else "Исключить…")
        self.export_action.setVisible(kind is not BaseKind.ALL)
        self.add_action.setToolTip(
            "Новый участник"
            if kind is BaseKind.ALL
            else f"Включить участника в «{TAB_TITLES[kind].lower()}»"
        )
        self._sync_actions()

    def _sync_actions(self, *_args: object) -> None:
        if self._busy:
            return
        count = self.current_view().selected_count()
        one = count == 1
        has_year = self.year is not None
        self.delete_action.setEnabled(count > 0)
        kind = self.current_kind()
        verb = "Удалить" if kind is BaseKind.ALL else "Исключить"
        self.delete_action.setToolTip(
            f"{verb} выделенных: {count}"
            if count > 1
            else ""
            if kind is BaseKind.ALL
            else f"Исключить из {FROM_BASE[kind]} этого года (среди всех участников человек "
            "остаётся)"
        )
        for action in (self.edit_action, self.consent_action):
            action.setEnabled(one)
        for action in (self.mentee_action, self.mentor_action):
            action.setEnabled(one and has_year)
        self.add_action.setEnabled(has_year or self.current_kind() is BaseKind.ALL)
        self.import_action.setEnabled(True)
        self.export_action.setEnabled(has_year)
        self.undo_action.setEnabled(self._undo is not None)

    def set_busy(self, busy: bool) -> None:
        """While a batch runs: the tables and every command are off."""
        self._busy = busy
        self.tabs.setEnabled(not busy)
        self.undo_button.setEnabled(not busy)
        if busy:
            for action in self.actions():
                action.setEnabled(False)
        else:
            self._sync_actions()
            self.current_view().table.setFocus()

    # undo -----------------------------------------------------------------------------------------
    def remember_undo(self, snapshot: DeletionSnapshot | BatchSnapshot, text: str) -> None:
        self._undo = snapshot
        self.undo_label.setText(text)
        self.undo_bar.setVisible(True)
        self.undo_action.setEnabled(True)

    def forget_undo(self) -> None:
        self._undo = None
        self.undo_bar.setVisible(False)
        self.undo_action.setEnabled(False)

    def undo(self) -> None:
        snapshot = self._undo
        if snapshot is None or self._busy:
            return
        if isinstance(snapshot, BatchSnapshot):
            self.bulk.restore(snapshot)  # off the GUI thread; it forgets the undo when done
            return
        try:
            restore_person(self.store, snapshot)
        except DeletionError as exc:
            from .. import messages

            messages.error(self, str(exc))
            return
        finally:
            self.forget_undo()
        self.changed(snapshot.person_id)
