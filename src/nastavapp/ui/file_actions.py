"""The controller's «Файл» and «Справка» menu actions: open another file, save a copy, make
the demonstration school, start a new academic year, «О программе».

A mixin of ``AppController``, which provides ``store``, ``window``, ``today`` and
``open_database``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from .. import APP_TITLE, __version__
from ..store import StoreError, data_dir
from . import messages

if TYPE_CHECKING:
    from datetime import date

    from ..models import AcademicYear
    from ..store import Store
    from .main_window import MainWindow
    from .new_year_dialog import NewYearDialog
    from .progress_run import ProgressRun
    from .school_dialog import SchoolDialog


class FileActions:
    """Mixed into AppController."""

    if TYPE_CHECKING:
        store: Store | None
        window: MainWindow | None
        today: date
        new_year_dialog: NewYearDialog | None
        new_year_run: ProgressRun | None  # the year being made, while it is
        school_dialog: SchoolDialog | None

        def open_database(self, path: Path, *, at_start: bool = False) -> bool: ...

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
        from ..store.copy import write_copy

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
        from ..services.years import list_years
        from .new_year_dialog import NewYearDialog

        if self.store is None or self.window is None or self.new_year_run is not None:
            return  # a year being made already: its progress window says so
        years = list_years(self.store)
        if not years:
            return
        dialog = NewYearDialog(years[-1], self.window)
        dialog.accepted.connect(lambda: self._new_year_chosen(dialog, years[-1]))
        dialog.open()
        self.new_year_dialog = dialog

    def _new_year_chosen(self, dialog: NewYearDialog, latest: AcademicYear) -> None:
        """Make the year off the GUI thread: a second or more on a large school (every pupil
        promoted, 600 pairs carried over), longer on an old computer; a progress window then."""
        from ..services.new_year import CarryOver, start_new_year
        from ..services.years import YearError
        from .progress_run import ProgressRun

        assert self.store is not None and self.window is not None
        store, window, title = self.store, self.window, dialog.chosen_title()
        run = ProgressRun(
            f"Начинается {title} учебный год.\n"
            "Ученики переходят в следующий класс, наставники и пары переносятся.\n"
            "Подождите…",
            0,
            None,
            window,
        )
        self.new_year_run = run
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def finish() -> None:
            self.new_year_run = None
            run.finish()
            QGuiApplication.restoreOverrideCursor()

        def done(result: object) -> None:
            finish()
            assert isinstance(result, CarryOver)
            window.reload_years()
            messages.info(
                window,
                f"Начат {result.year.title} учебный год.\n"
                f"Переведено в следующий класс: {result.promoted}, "
                f"выпускников: {result.graduated}.\n"
                f"Перенесено наставников: {result.mentors}, пар и групп: {result.groups}.",
            )

        def failed(message: str) -> None:
            finish()
            messages.error(window, message)

        run.signals.succeeded.connect(done)
        run.signals.failed.connect(failed)
        run.start(
            lambda _progress, _cancelled: start_new_year(store, title, from_year=latest),
            expected=(YearError, StoreError),
        )

    def edit_school(self) -> None:
        """«Сведения о школе…»: the profile and the shown year's forms, saved when accepted."""
        from ..services.school import get_school
        from ..services.school_profile import forms_in_use
        from .dialog_slot import replace_dialog
        from .school_dialog import SchoolDialog

        if self.store is None or self.window is None:
            return
        school = get_school(self.store)
        if school is None:
            return
        year = self.window.year
        used = forms_in_use(self.store, year.id) if year is not None and year.id else {}
        dialog = SchoolDialog(school, year, used, self._save_school, self.window)
        self.school_dialog = replace_dialog(self.school_dialog, dialog)
        dialog.open()

    def _save_school(self, dialog: SchoolDialog) -> bool:
        """Save what ``dialog`` holds; False (said, the dialog stays open) when refused."""
        from ..services.school import SetupError
        from ..services.school_profile import set_year_forms, update_school

        assert self.store is not None and self.window is not None
        year = self.window.year
        try:
            if year is not None and year.id is not None and dialog.forms():
                set_year_forms(self.store, year.id, dialog.forms())
            update_school(self.store, dialog.profile())
        except (SetupError, StoreError) as exc:
            messages.error(dialog, str(exc))
            return False
        self.window.reload_years()  # the header, the title and every screen read it anew
        return True

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
