"""The application: Qt set-up (Russian translations), the controller of databases and windows."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, APP_TITLE, __version__
from ..models import AcademicYear
from ..services.new_year import start_new_year
from ..services.school import SetupError, get_school, setup_school
from ..services.years import YearError, list_years
from ..store import Store, StoreError, data_dir, default_db_path, open_store
from ..store.copy import write_copy
from . import messages
from .first_run import FirstRunWizard
from .main_window import MainWindow
from .new_year_dialog import NewYearDialog
from .settings import UiSettings

# Kept for the program's life: a collected QTranslator turns the buttons English (GUIDE trap 6).
_TRANSLATORS: list[QTranslator] = []


def install_russian(app: QApplication) -> None:
    """Load Qt's own Russian translations once, so standard buttons and dialogs speak Russian."""
    if _TRANSLATORS:
        return
    QLocale.setDefault(QLocale(QLocale.Russian, QLocale.Russia))
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(QLocale(QLocale.Russian), name, "_", folder):
            app.installTranslator(translator)
            _TRANSLATORS.append(translator)


class AppController(QObject):
    """Opens data files, runs the first-run wizard when a file has no school, owns the window."""

    def __init__(self, settings: UiSettings, today: date | None = None) -> None:
        super().__init__()
        install_russian(QApplication.instance())
        self.settings = settings
        self.today = today or date.today()
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None

    def start(self, path: Path | None) -> bool:
        """Open ``path`` (or the last/default database); False when nothing could be opened."""
        if path is None:
            last = self.settings.last_database()
            path = last if last is not None and last.exists() else default_db_path()
        return self.open_database(path)

    def open_database(self, path: Path) -> bool:
        try:
            store = open_store(path)
        except StoreError as exc:
            messages.error(self.window, str(exc))
            return False
        if self.store is not None:
            self.store.close()
        self.store = store
        self.settings.set_last_database(store.path)
        if get_school(store) is None:
            self._ask_school()
        else:
            self._show_window()
        return True

    def _ask_school(self) -> None:
        self.wizard = FirstRunWizard(self.window, today=self.today)
        self.wizard.accepted.connect(self._wizard_accepted)
        self.wizard.rejected.connect(self._wizard_rejected)
        self.wizard.open()

    def _wizard_accepted(self) -> None:
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

    def _wizard_rejected(self) -> None:
        self.wizard = None
        if self.window is None:
            QApplication.quit()

    def _show_window(self) -> None:
        assert self.store is not None
        old = self.window
        self.window = MainWindow(self.store, self.settings, today=self.today)
        self.window.openDatabaseRequested.connect(self.choose_database)
        self.window.saveCopyRequested.connect(self.save_copy)
        self.window.demoRequested.connect(self.create_demo)
        self.window.aboutRequested.connect(self.show_about)
        self.window.newYearRequested.connect(self.start_new_year)
        if old is not None:
            old.close()
            old.deleteLater()
        self.window.show()

    # menu actions -----------------------------------------------------------------------------
    def choose_database(self) -> None:
        folder = self.store.path.parent if self.store else data_dir()
        path = messages.open_file(self.window, "Открыть базу", folder, messages.DB_FILTER)
        if path is not None:
            self.open_database(path)

    def save_copy(self) -> None:
        if self.store is None:
            return
        suggested = self.store.path.with_name(
            f"{self.store.path.stem}-копия-{self.today:%Y-%m-%d}.sqlite"
        )
        target = messages.save_file(
            self.window, "Сохранить копию базы", suggested, messages.DB_FILTER
        )
        if target is None:
            return
        try:
            write_copy(self.store.path, target)
        except StoreError as exc:
            messages.error(self.window, str(exc))
            return
        messages.info(self.window, f"Копия базы сохранена:\n{target}")

    def create_demo(self) -> None:
        from ..services.demo import DemoError
        from ..services.demo import create_demo as build_demo

        suggested = _free_name(data_dir() / "Демонстрационная школа.sqlite")
        target = messages.save_file(
            self.window, "Создать демонстрационную школу", suggested, messages.DB_FILTER
        )
        if target is None:
            return
        try:
            build_demo(target, today=self.today)
        except (DemoError, StoreError) as exc:
            messages.error(self.window, f"{exc}")
            return
        if messages.confirm(
            self.window,
            "Демонстрационная школа создана в отдельном файле:\n"
            f"{target}\n\nОткрыть её сейчас? Ваша база останется как была.",
        ):
            self.open_database(target)

    def start_new_year(self) -> None:
        if self.store is None or self.window is None:
            return
        years = list_years(self.store)
        if not years:
            return
        dialog = NewYearDialog(years[-1], self.window)
        dialog.accepted.connect(lambda: self._new_year_chosen(dialog, years[-1]))
        dialog.open()
        self.new_year_dialog = dialog

    def _new_year_chosen(self, dialog: NewYearDialog, latest: AcademicYear) -> None:
        assert self.store is not None and self.window is not None
        try:
            result = start_new_year(self.store, dialog.chosen_title(), from_year=latest)
        except (YearError, StoreError) as exc:
            messages.error(self.window, str(exc))
            return
        self.window.reload_years()
        messages.info(
            self.window,
            f"Начат {result.year.title} учебный год.\n"
            f"Переведено в следующий класс: {result.promoted}, выпускников: {result.graduated}.\n"
            f"Перенесено наставников: {result.mentors}, пар и групп: {result.groups}.",
        )

    def show_about(self) -> None:
        messages.about(
            self.window,
            "О программе",
            f"<h3>{APP_TITLE}</h3><p>Версия {__version__}</p>"
            "<p>Внедрение целевой модели наставничества в школе: дорожная карта, базы "
            "наставников и наставляемых, пары и группы, показатели, документы и отчёт в "
            "муниципальный центр.</p><p>Работает без интернета; данные хранятся только на "
            "этом компьютере.</p>",
        )


def _free_name(path: Path) -> Path:
    """``path`` or «name (2).ext», «name (3).ext» … whichever does not exist yet."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def run_gui(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    controller = AppController(UiSettings())
    if not controller.start(db_path):
        return 1
    return int(app.exec())
