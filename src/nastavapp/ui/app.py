"""The application: Qt set-up (Russian translations), the controller of databases and windows."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from .. import APP_NAME, __version__
from ..collector_pause import resume_collector
from ..logging_setup import setup_logging
from ..resource_files import resource
from ..services.consolidation.centre import is_municipal
from ..services.school import get_school
from ..store import DamagedFileError, Store, StoreError, data_dir, default_db_path, open_store
from . import messages
from .error_handler import ErrorHandler
from .file_actions import FileActions
from .main_window import MainWindow
from .municipal_mode import MunicipalMode
from .qt_missing_ru import MissingRussian
from .recovery import RecoveryActions
from .settings import UiSettings
from .single_instance import InstanceGuard, wake_the_holder

if TYPE_CHECKING:
    from .first_run import FirstRunWizard

log = logging.getLogger("nastavapp.app")

# Kept for the program's life: a collected QTranslator turns the buttons English (GUIDE trap 6).
_TRANSLATORS: list[QTranslator] = []


def install_russian(app: QCoreApplication | None) -> None:
    """Load Qt's own Russian translations once, so standard buttons and dialogs speak Russian."""
    if _TRANSLATORS or app is None:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(QLocale(QLocale.Language.Russian), name, "_", folder):
            app.installTranslator(translator)
            _TRANSLATORS.append(translator)
    ours = MissingRussian(app)  # last: Qt asks it first, for its few strings only
    app.installTranslator(ours)
    _TRANSLATORS.append(ours)


class AppController(QObject, FileActions, RecoveryActions, MunicipalMode):
    """Opens data files, runs the first-run wizard when a file has no school, owns the window.

    It holds the lock of the open data file (``guard``) for as long as the file is open, so a
    second program on the same file only brings this one's window to the front.
    """

    def __init__(self, settings: UiSettings, today: date | None = None) -> None:
        QObject.__init__(self)
        RecoveryActions.__init__(self)
        MunicipalMode.__init__(self)
        install_russian(QApplication.instance())
        self.settings = settings
        self.today = today or date.today()
        self.store: Store | None = None
        self.guard: InstanceGuard | None = None
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.already_running = False  # a start refused because another program has the file
        self.new_year_run = None
        self.school_dialog = None

    def start(self, path: Path | None) -> bool:
        """Open ``path`` (or the last/default database); False when nothing could be opened."""
        if path is None:
            last = self.settings.last_database()
            path = last if last is not None and last.exists() else default_db_path()
        return self.open_database(path, at_start=True)

    # opening ----------------------------------------------------------------------------------
    def open_database(self, path: Path, *, at_start: bool = False) -> bool:
        """Lock and open ``path``; a damaged file gets the recovery offer instead.

        Returns False when the file was refused (the one open before stays open).
        """
        path = Path(path).expanduser().resolve()
        guard = self._guard_for(path)
        if guard is None:
            return False
        return self._open_locked(path, guard, at_start=at_start)

    def _open_locked(self, path: Path, guard: InstanceGuard, *, at_start: bool) -> bool:
        try:
            store = open_store(path)
        except DamagedFileError as exc:
            log.warning("Файл %s повреждён: %s", path, exc.health.detail)
            self.offer_recovery(exc.health, guard, at_start=at_start or self.window is None)
            return True
        except StoreError as exc:
            log.warning("Файл %s не открыт: %s", path, exc)
            self._drop(guard)
            self._refused(str(exc))
            return False
        if is_municipal(store):  # a coordinator's file: its own window, not a school's
            store.close()
            return self._open_municipal_locked(path, guard)
        self._adopt(store, guard)
        return True

    def _refused(self, text: str) -> None:
        if self.store is not None and self.window is not None:
            text += f"\n\nОткрытой осталась прежняя база:\n{self.store.path}"
        messages.error(self.window, text)

    def _guard_for(self, path: Path) -> InstanceGuard | None:
        """The lock of ``path`` (ours already, or newly taken); None when another program has it."""
        if self.guard is not None and self.guard.db_path == path:
            return self.guard
        guard = InstanceGuard(path)
        if guard.acquire():
            guard.showRequested.connect(self.bring_to_front)
            return guard
        self._already_open(path, guard)
        return None

    def _already_open(self, path: Path, guard: InstanceGuard) -> None:
        text = wake_the_holder(guard)  # its window comes to the front
        log.info("Файл %s уже открыт другой программой", path)
        if self.window is None:
            self.already_running = True
        messages.info(self.window, text)

    def _drop(self, guard: InstanceGuard) -> None:
        """Let go of a lock taken for a file that was not opened after all."""
        if guard is not self.guard:
            guard.release()

    def _adopt(self, store: Store, guard: InstanceGuard) -> None:
        """Make ``store`` the open data file: close the previous one, show wizard or window."""
        if self.store is not None and self.store is not store:
            self.store.close()
        if self.guard is not None and self.guard is not guard:
            self.guard.release()
        self.store, self.guard = store, guard
        self.settings.set_last_database(store.path)
        if get_school(store) is None:
            self._ask_school()
        else:
            self._show_window()
        self._show_notices(store)

    def _show_notices(self, store: Store) -> None:
        """What opening noticed but did not stop for (e.g. no start-up backup): said once."""
        if not store.notices:
            return
        for notice in store.notices:
            log.warning("%s: %s", store.path, notice)
        text = "\n\n".join(store.notices)
        store.notices.clear()
        tail = (
            "Просматривать базу можно, но изменения не сохранятся."
            if store.read_only
            else "Работать с базой можно: она открыта как обычно."
        )
        messages.warning(self.front_widget(), f"{text}\n\n{tail}")

    # wizard and window ------------------------------------------------------------------------
    def _ask_school(self) -> None:
        from .first_run import FirstRunWizard  # only for a file without a school

        self.wizard = FirstRunWizard(self.window, today=self.today)
        self.wizard.municipalChosen.connect(self._wizard_municipal)
        self.wizard.accepted.connect(self._wizard_accepted)
        self.wizard.rejected.connect(self._wizard_rejected)
        self.wizard.open()

    def _wizard_accepted(self) -> None:
        from ..services.school import SetupError, setup_school

        assert self.wizard is not None and self.store is not None
        try:
            setup_school(self.store, self.wizard.setup())
        except (SetupError, StoreError) as exc:
            messages.error(None, str(exc))
            self._ask_school()
            return
        self.wizard.deleteLater()
        self.wizard = None
        self._show_window()

    def _wizard_municipal(self) -> None:
        """At first run the user is the municipal coordinator, not a school's curator."""
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.rejected.disconnect(self._wizard_rejected)
            wizard.close()
        if not self.open_municipal() and self.window is None:
            self._ask_school()

    def _wizard_rejected(self) -> None:
        self.wizard = None
        if self.window is None:
            self.quit()

    def _show_window(self) -> None:
        assert self.store is not None
        old = self.window
        self.window = MainWindow(self.store, self.settings, today=self.today)
        self.window.openDatabaseRequested.connect(self.choose_database)
        self.window.saveCopyRequested.connect(self.save_copy)
        self.window.backupsRequested.connect(self.show_backups)
        self.window.demoRequested.connect(self.create_demo)
        self.window.aboutRequested.connect(self.show_about)
        self.window.newYearRequested.connect(self.start_new_year)
        self.window.schoolRequested.connect(self.edit_school)
        self.window.municipalRequested.connect(self.open_municipal)
        self.window.installEventFilter(self)
        if old is not None:
            old.removeEventFilter(self)  # replaced, not closed by the user: keep the file
            old.close()
            old.deleteLater()
        self.window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The user closed the main window: the work with the file is over, free it."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.window.finish_work()  # a document being saved ends before the file closes
            self.shutdown()
        return False

    def front_widget(self) -> QWidget | None:
        """What the user is looking at now: the recovery offer, the wizard or the window."""
        return self.recovery or self.wizard or self.window

    def bring_to_front(self) -> None:
        """Another program was started on this file: show ourselves instead."""
        widget = self.front_widget()
        if widget is None:
            return
        if widget.isMinimized():
            widget.showNormal()
        widget.show()
        widget.raise_()
        widget.activateWindow()

    def shutdown(self) -> None:
        """Close the data file and release its lock (the window closed, the program quits)."""
        if self.new_year_run is not None:  # a year being made ends before its file closes
            self.new_year_run.pool.waitForDone()
        if self.store is not None:
            self.store.close()
        if self.guard is not None:
            self.guard.release()

    def quit(self) -> None:
        self.shutdown()
        QApplication.quit()


def set_window_icon(app: QApplication) -> None:
    """The program's icon on every window and in the task bar (the .exe has it from the spec)."""
    icon = resource("icons", "nastavapp.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def _report_ready(app: QCoreApplication) -> None:
    app.processEvents()  # the window's first layout and paint
    if sys.stdout is not None:
        loaded = sorted(name for name in sys.modules if "." not in name)
        print("READY", ",".join(loaded), flush=True)
    app.quit()


def _log_folder() -> Path:
    try:
        return data_dir()
    except OSError:
        import tempfile

        return Path(tempfile.gettempdir())


def run_gui(db_path: Path | None, *, exit_when_ready: bool = False) -> int:
    """The program: log, error handler, the controller; 0 also when another copy had the file.

    ``exit_when_ready`` (hidden ``--exit-when-ready``) quits as soon as the window has been
    shown and drawn, printing «READY» and the top-level modules loaded: the start-up benchmark.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    set_window_icon(app)
    setup_logging(_log_folder(), crash_dumps=True)
    log.info("Запуск %s %s", APP_NAME, __version__)
    controller = AppController(UiSettings())
    handler = ErrorHandler(controller.front_widget)  # referenced until the program ends
    handler.install()
    app.aboutToQuit.connect(controller.shutdown)
    try:
        started = controller.start(db_path)
    except Exception:  # a bug before the window: logged and told, then the program ends
        handler.handle(*sys.exc_info(), at_start=True)
        started = False
    try:
        if not started:
            controller.shutdown()
            return 0 if controller.already_running else 1
        QTimer.singleShot(0, resume_collector)  # paused by cli.main; the window is up now
        if exit_when_ready:
            QTimer.singleShot(0, lambda: _report_ready(app))
        return int(app.exec())
    finally:
        handler.uninstall()
        log.info("Завершение работы")
