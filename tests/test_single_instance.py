"""One program per data file: the lock, «show» over the local socket, the second start refused."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from nastavapp.services.school import setup_school
from nastavapp.store import open_store
from nastavapp.ui.single_instance import InstanceGuard, ask_to_show, lock_path, server_name

from .conftest import sample_setup
from .ui_helpers import record_messages


@pytest.fixture
def guards():
    made: list[InstanceGuard] = []

    def make(path: Path) -> InstanceGuard:
        guard = InstanceGuard(path)
        made.append(guard)
        return guard

    yield make
    for guard in made:
        guard.release()


@pytest.fixture
def school_file(db_path: Path) -> Path:
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    return db_path


def test_a_second_lock_on_the_same_file_fails_and_the_first_is_asked_to_show(
    qtbot, guards, db_path
):
    first = guards(db_path)
    assert first.acquire() and first.held
    assert lock_path(db_path).exists()
    second = guards(db_path.parent / "." / db_path.name)  # the same file, spelled otherwise
    assert not second.acquire() and not second.held
    assert second.owner is not None and second.owner.pid == os.getpid()
    assert second.owner.on_this_computer
    with qtbot.waitSignal(first.showRequested, timeout=3000):
        assert ask_to_show(db_path, wait_ms=2000)
    first.release()
    assert not lock_path(db_path).exists()
    assert second.acquire()  # free again once the first let go


def test_another_file_has_its_own_lock_and_server(guards, tmp_path):
    one, other = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert server_name(one) != server_name(other)
    assert len(server_name(one)) < 40  # fits a Unix socket path
    assert guards(one).acquire() and guards(other).acquire()


def test_nobody_listening_means_no_show(db_path):
    assert not ask_to_show(db_path, wait_ms=300)


def test_the_lock_is_kept_while_the_guard_lives(guards, db_path):
    first = guards(db_path)
    first.acquire()
    gc.collect()  # a QLockFile in a local variable would be released here (GUIDE trap 6)
    assert not guards(db_path).acquire()


OFFSCREEN_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


@OFFSCREEN_RAISE
def test_a_second_program_on_the_same_file_shows_the_first_and_stops(
    qtbot, controller, school_file, monkeypatch
):
    said = record_messages(monkeypatch)
    first = controller()
    assert first.start(school_file)
    window = first.window
    window.showMinimized()
    second = controller()
    with qtbot.waitSignal(first.guard.showRequested, timeout=3000):
        assert not second.start(school_file)
    assert second.already_running and second.store is None and second.window is None
    [message] = said.info
    assert "С этой базой уже работает другое окно программы — оно выведено вперёд." in message
    assert str(school_file.resolve()) in message
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible() and first.window is window
    # closing the first window frees the file for the next start
    window.close()
    third = controller()
    assert third.start(school_file) and third.window is not None


@OFFSCREEN_RAISE
def test_opening_a_file_another_program_has_keeps_the_current_one(
    qtbot, controller, school_file, tmp_path, monkeypatch
):
    said = record_messages(monkeypatch)
    other = tmp_path / "другая.sqlite"
    store = open_store(other)
    setup_school(store, sample_setup(short_name="МБОУ «Кедровская СОШ»"))
    store.close()
    first, second = controller(), controller()
    first.start(school_file)
    second.start(other)
    said.open_file = school_file
    with qtbot.waitSignal(first.guard.showRequested, timeout=3000):
        second.window.action_open.trigger()
    assert second.store.path == other.resolve() and second.guard.db_path == other.resolve()
    assert not second.already_running  # it keeps working with its own file
    assert "уже работает другое окно программы" in said.info[0]


def test_a_lock_from_another_computer_is_explained(guards, db_path):
    from nastavapp.ui.single_instance import LockOwner, wake_the_holder

    guard = guards(db_path)
    guard.owner = LockOwner(4242, "КАБИНЕТ-12")
    text = wake_the_holder(guard)
    assert "С этой базой уже работает программа на компьютере «КАБИНЕТ-12»." in text
    assert "Закройте ту программу и повторите." in text
    assert f"удалите файл «{db_path.name}.lock» рядом с базой" in text
