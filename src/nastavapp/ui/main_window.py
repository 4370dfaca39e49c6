"""The main window: navigation column, the screens, the academic year switch and the menus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_TITLE
from ..models import AcademicYear
from ..services.progress import stage_progress
from ..services.roadmap_rules import apply_rules
from ..services.school import get_school
from ..services.years import current_year, list_years, set_current_year
from ..store import Store
from .navigation import HOME, STAGE_PREFIX, NavigationPanel
from .screen_set import ScreenSet, screen_factories
from .screens import Screen
from .settings import UiSettings


class MainWindow(QMainWindow):
    """Emits requests the application controller carries out (they outlive this window)."""

    openDatabaseRequested = Signal()
    saveCopyRequested = Signal()
    backupsRequested = Signal()
    demoRequested = Signal()
    newYearRequested = Signal()
    schoolRequested = Signal()
    municipalRequested = Signal()
    aboutRequested = Signal()

    def __init__(self, store: Store, settings: UiSettings, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self._settings = settings
        self._today = today or date.today()
        self.year: AcademicYear | None = None
        self.setMinimumSize(760, 540)
        self._build_central()
        self._build_menus()
        self.statusBar().showMessage(f"База: {store.path}")
        self._load_years()
        self._restore()

    # construction -------------------------------------------------------------------------
    def _build_central(self) -> None:
        root = QWidget()
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QWidget()
        header.setObjectName("header")
        header.setStyleSheet("#header { background: #eef3f8; border-bottom: 1px solid #c9d6e3; }")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        self.school_label = QLabel()
        font = self.school_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.school_label.setFont(font)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(130)
        self.year_combo.setToolTip("Учебный год, с которым вы работаете")
        year_label = QLabel("&Учебный год:")
        year_label.setBuddy(self.year_combo)
        row.addWidget(self.school_label, 1)
        row.addWidget(year_label)
        row.addWidget(self.year_combo)
        outer.addWidget(header)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        self.navigation = NavigationPanel()  # no narrower than its longest line
        self.stack = QStackedWidget()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)  # a column dragged away would be hard to find again
        self._navigation_dragged = False
        splitter.splitterMoved.connect(self._on_splitter_moved)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(root)

        self.screens = ScreenSet(
            screen_factories(self.store, self._today),
            self._adopt_screen,
            lambda screen: screen.show_year(self.year),
        )
        self.navigation.screenChosen.connect(self.show_screen)
        self.year_combo.currentIndexChanged.connect(self._on_year_chosen)

    def _adopt_screen(self, key: str, screen: Screen) -> None:
        self.stack.addWidget(screen)
        screen.navigateRequested.connect(self.show_screen)
        screen.dataChanged.connect(self.refresh_progress)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Файл")
        self.action_open = self._action(
            file_menu,
            "&Открыть базу…",
            QKeySequence.StandardKey.Open,
            self.openDatabaseRequested.emit,
        )
        self.action_save_copy = self._action(
            file_menu,
            "&Сохранить копию как…",
            QKeySequence("Ctrl+Shift+S"),
            self.saveCopyRequested.emit,
        )
        self.action_backups = self._action(
            file_menu, "&Резервные копии…", None, self.backupsRequested.emit
        )
        self.action_documents = self._action(  # only goes to the screen: no «…»
            file_menu,
            "До&кументы и отчёты",
            QKeySequence("Ctrl+E"),
            lambda: self.show_screen("documents"),
        )
        file_menu.addSeparator()
        self.action_school = self._action(
            file_menu, "Сведения о &школе…", None, self.schoolRequested.emit
        )
        self.action_new_year = self._action(
            file_menu, "&Новый учебный год…", None, self.newYearRequested.emit
        )
        self.action_municipal = self._action(
            file_menu, "Режим &муниципального центра…", None, self.municipalRequested.emit
        )
        file_menu.addSeparator()
        self.action_demo = self._action(
            file_menu, "&Демонстрационные данные…", None, self.demoRequested.emit
        )
        file_menu.addSeparator()
        self.action_quit = self._action(file_menu, "В&ыход", QKeySequence("Ctrl+Q"), self.close)
        help_menu = self.menuBar().addMenu("&Справка")
        self.action_about = self._action(
            help_menu,
            "&О программе",
            QKeySequence.StandardKey.HelpContents,
            self.aboutRequested.emit,
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # years ------------------------------------------------------------------------------------
    def _load_years(self) -> None:
        chosen = current_year(self.store)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in list_years(self.store):
            self.year_combo.addItem(year.title, year.id)
        if chosen is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(chosen.id))
        self.year_combo.blockSignals(False)
        self._show_year(chosen)

    def _on_year_chosen(self, index: int) -> None:
        year_id = self.year_combo.itemData(index)
        if year_id is not None:
            self._show_year(set_current_year(self.store, int(year_id)))

    def switch_year(self, title: str) -> None:
        """Make the year with this title current (as picking it in the combo does)."""
        self.year_combo.setCurrentIndex(self.year_combo.findText(title))

    def _show_year(self, year: AcademicYear | None) -> None:
        self.year = year
        school = get_school(self.store)
        name = school.short_name if school else ""
        self.school_label.setText(name)
        suffix = f" ({year.title})" if year else ""
        self.setWindowTitle(f"{name}{suffix} — {APP_TITLE}" if name else APP_TITLE)
        if year is not None and year.id is not None:
            apply_rules(self.store, year.id, self._today)  # events the data have completed
        # only the screen in view is filled now; the others when they are shown again
        current = self.current_screen_key() if self.screens.built() else None
        self.screens.mark_stale(except_key=current)
        if current is not None:
            self.screens.built()[current].show_year(year)
        if year is not None and year.id is not None:
            self.navigation.set_progress(stage_progress(self.store, year.id, self._today))

    def reload_years(self) -> None:
        """Re-read the list of years (after one was added) and show the current one."""
        self._load_years()

    def refresh_progress(self) -> None:
        """Bring the stage marks and the start screen up to date after a change."""
        year = self.year
        if year is None or year.id is None:
            return
        apply_rules(self.store, year.id, self._today)
        self.navigation.set_progress(stage_progress(self.store, year.id, self._today))
        # the start screen and the stages show what the rules and the register say: read again
        # (the work areas keep their own state: unsaved proposals, a search, a selection)
        changed_on = self.sender()
        for key, screen in self.screens.built().items():
            if screen is changed_on or not (key == HOME or key.startswith(STAGE_PREFIX)):
                continue
            if screen.isVisible():
                screen.show_year(year)
            else:
                self.screens.mark_one_stale(key)

    # screens ----------------------------------------------------------------------------------
    def show_screen(self, key: str) -> None:
        if key not in self.screens:
            return
        screen = self.screens[key]  # built, or brought up to date, on the way
        self.stack.setCurrentWidget(screen)
        if self.navigation.current_key() != key:
            self.navigation.select(key)

    def current_screen_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, s in self.screens.built().items() if s is current), HOME)

    # remembered state -------------------------------------------------------------------------
    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        self._navigation_dragged = True

    def _restore(self) -> None:
        geometry = self._settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        # the width the curator dragged the column to, else as wide as its content needs
        width = self._settings.navigation_width() or self.navigation.content_width()
        self.splitter.setSizes([width, max(self.width() - width, 1)])
        last = self._settings.last_screen()
        self.show_screen(last if last in self.screens else HOME)

    def finish_work(self) -> None:
        """Wait for the screens' background work (a document being saved) to end: it must not
        outlive the window nor the data file (GUIDE traps 13–14)."""
        for screen in self.screens.built().values():
            screen.finish_work()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish_work()
        self._settings.set_geometry(self.saveGeometry())
        self._settings.set_last_screen(self.current_screen_key())
        if self._navigation_dragged:  # a width never dragged keeps following the font
            self._settings.set_navigation_width(self.navigation.width())
        self._settings.sync()
        super().closeEvent(event)
