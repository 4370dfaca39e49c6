"""Unexpected errors: logged with their traceback, told calmly in Russian, the program goes on.

These tests install the program's own ``sys.excepthook``, so pytest-qt's capture is off for them.
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QPushButton

from nastavapp import logging_setup
from nastavapp.models import Person
from nastavapp.services.school import setup_school
from nastavapp.store import DiskFullError, ReadOnlyError, StoreError, open_store
from nastavapp.ui import app as app_module
from nastavapp.ui.error_handler import ErrorHandler, as_environment_error

from .conftest import sample_setup
from .ui_helpers import count_people, record_messages

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def log_file(data_home: Path):
    path = logging_setup.setup_logging(data_home)
    yield path
    logging_setup.shutdown_logging()


@pytest.fixture
def handler(qtbot, log_file):
    made: list[ErrorHandler] = []

    def install(parent=lambda: None) -> ErrorHandler:
        installed = ErrorHandler(parent)
        installed.install()
        made.append(installed)
        return installed

    yield install
    for installed in reversed(made):
        installed.uninstall()


@pytest.fixture
def school_file(db_path: Path) -> Path:
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    return db_path


def test_the_log_lives_in_the_data_folder(log_file, data_home):
    assert log_file == data_home / "logs" / "nastavapp.log"
    logging.getLogger("nastavapp.test").info("Проверка журнала")
    logging_setup.flush_log()
    assert "Проверка журнала" in log_file.read_text(encoding="utf-8")


def test_logging_works_without_stdout_and_stderr(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # a windowed frozen build
    monkeypatch.setattr(sys, "stderr", None)
    try:
        path = logging_setup.setup_logging(tmp_path)
        logging.getLogger("nastavapp.test").error("Без консоли")
        logging_setup.flush_log()
    finally:
        logging_setup.shutdown_logging()
    assert "Без консоли" in path.read_text(encoding="utf-8")


def test_an_unwritable_data_folder_does_not_stop_logging(tmp_path):
    blocked = tmp_path / "файл-а-не-папка"
    blocked.write_text("", encoding="utf-8")  # «logs» cannot be made inside a file
    try:
        path = logging_setup.setup_logging(blocked)
    finally:
        logging_setup.shutdown_logging()
    assert path is not None and path.parent.name == "nastavapp-logs"


def test_an_exception_in_a_slot_is_logged_told_and_the_data_stay(
    qtbot, handler, controller, school_file, log_file, monkeypatch
):
    said = record_messages(monkeypatch)
    ctl = controller()
    ctl.start(school_file)
    window = ctl.window
    handler(ctl.front_widget)
    before = count_people(school_file)

    def broken_action() -> None:
        with ctl.store.session() as session:  # half an action: added, never committed
            session.add(Person(category="student", last_name="Призрак", first_name="Иван"))
            session.flush()
            raise KeyError("unexpected internal state")

    button = QPushButton("Сломанная кнопка", window)
    button.clicked.connect(broken_action)
    button.click()

    [message] = said.error
    assert "Произошла непредвиденная ошибка программы." in message
    assert "Данные, сохранённые до него, не пострадали" in message
    assert str(log_file) in message
    for english in ("Traceback", "KeyError", "unexpected internal state", "Error"):
        assert english not in message
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR" in logged and "Traceback (most recent call last)" in logged
    assert "KeyError: 'unexpected internal state'" in logged and "broken_action" in logged
    assert count_people(school_file) == before  # the half-done action left nothing
    # the program goes on: the window still answers and writes
    window.show_screen("stage:2")
    assert window.current_screen_key() == "stage:2"
    window.reload_years()
    assert said.warning == [] and len(said.error) == 1


def test_an_environment_error_has_its_own_words_and_is_a_warning(
    qtbot, handler, log_file, monkeypatch, tmp_path
):
    said = record_messages(monkeypatch)
    handler()
    button = QPushButton()

    def full_disk() -> None:
        raise DiskFullError("Изменения не сохранены", tmp_path / "school.sqlite")

    button.clicked.connect(full_disk)
    button.click()
    [message] = said.warning
    assert message.startswith("Изменения не сохранены: на диске закончилось свободное место.")
    assert "ошибка программы" not in message and "журнал" not in message
    assert said.error == []
    logged = log_file.read_text(encoding="utf-8")
    assert "WARNING" in logged and "закончилось свободное место" in logged
    assert "ERROR" not in logged


def test_raw_errors_of_the_computer_are_told_apart_from_bugs():
    assert isinstance(as_environment_error(OSError(errno.ENOSPC, "No space")), DiskFullError)
    assert isinstance(as_environment_error(OSError(errno.EROFS, "Read-only")), ReadOnlyError)
    assert as_environment_error(FileNotFoundError(errno.ENOENT, "шаблон")) is None  # a bug
    assert as_environment_error(ValueError("x")) is None
    assert as_environment_error(StoreError("Файл повреждён.")) is None


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot, handler, log_file, monkeypatch
):
    said = record_messages(monkeypatch)
    handler()

    class Broken(QRunnable):
        def run(self) -> None:
            raise ZeroDivisionError("в потоке")

    pool = QThreadPool()
    pool.start(Broken())
    pool.waitForDone(5000)
    qtbot.waitUntil(lambda: len(said.error) == 1, timeout=3000)
    assert str(log_file) in said.error[0]
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")


def test_the_same_error_again_and_again_shows_one_box(qtbot, handler, monkeypatch):
    said = record_messages(monkeypatch)
    handler()
    button = QPushButton()
    button.clicked.connect(lambda: 1 / 0)
    for _ in range(3):
        button.click()
    assert len(said.error) == 1


def test_a_bug_at_start_is_told_and_the_program_ends(qtbot, monkeypatch, data_home):
    said = record_messages(monkeypatch)

    def broken_start(self, path):
        raise AttributeError("no such thing")

    monkeypatch.setattr(app_module.AppController, "start", broken_start)
    monkeypatch.setattr(
        app_module, "setup_logging", lambda folder, **kw: logging_setup.setup_logging(folder)
    )
    try:
        assert app_module.run_gui(None) == 1
    finally:
        logging_setup.shutdown_logging()
    [message] = said.error
    assert message.startswith("Программа не смогла запуститься")
    assert str(data_home / "logs" / "nastavapp.log") in message
    assert "AttributeError" in (data_home / "logs" / "nastavapp.log").read_text(encoding="utf-8")
    assert sys.excepthook is not None and sys.excepthook.__name__ != "handle"
