"""Start-up with a damaged, newer or foreign file; «Открыть базу…» with one; start-up notices."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from nastavapp.services.school import get_school, setup_school
from nastavapp.store import (
    LATEST_VERSION,
    BackupKind,
    DiskFullError,
    backups_dir,
    create_backup,
    open_store,
)
from nastavapp.ui.recovery_dialog import RecoveryChoice

from .conftest import sample_setup
from .db_rows import add_people
from .ui_helpers import count_people, record_messages

BACKUP_TIME = datetime(2025, 11, 19, 15, 30)


@pytest.fixture
def school_file(db_path: Path) -> Path:
    """A closed data file with a school and 2000 students (about a hundred pages)."""
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    add_people(db_path, 2000)
    return db_path


def _truncate(path: Path) -> bytes:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path.read_bytes()


def _flip_page_bytes(path: Path) -> bytes:
    """XOR the first byte (the b-tree page type) of a few pages: structural damage."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in random.Random(7).sample(range(2, len(data) // page_size), 5):
        data[page * page_size] ^= 0xFF
    path.write_bytes(bytes(data))
    return bytes(data)


DAMAGES = pytest.mark.parametrize("damage", [_truncate, _flip_page_bytes], ids=["cut", "flipped"])


def _aside(path: Path) -> list[Path]:
    """The damaged files set aside (without the -wal/-shm that moved along)."""
    found = path.parent.glob(f"{path.name}.повреждён-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", "-journal")))


@DAMAGES
def test_damaged_file_offers_the_newest_good_backup_and_restores_it(
    qtbot, controller, school_file, monkeypatch, damage
):
    create_backup(school_file, BackupKind.DAILY, now=BACKUP_TIME.replace(day=17))
    create_backup(school_file, BackupKind.DAILY, now=BACKUP_TIME)
    add_people(school_file, 30, tag="lost")  # made after the newest backup
    damaged = damage(school_file)
    said = record_messages(monkeypatch)

    ctl = controller()
    assert ctl.start(school_file)
    offer = ctl.recovery
    assert offer is not None and ctl.window is None and ctl.wizard is None
    qtbot.waitExposed(offer)
    assert school_file.read_bytes() == damaged  # not opened for writing
    assert set(offer.buttons) == set(RecoveryChoice)
    restore = offer.buttons[RecoveryChoice.RESTORE]
    assert restore.text() == "Восстановить из копии от 19.11.2025 15:30"
    assert offer.buttons[RecoveryChoice.SET_ASIDE].text() == (
        "Отложить повреждённый файл и начать заново"
    )
    assert offer.buttons[RecoveryChoice.LEAVE].text() == "Выйти"
    assert "повреждён" in offer.text.text() and "19.11.2025 15:30" in offer.text.text()
    assert "людей — 2000" in offer.text.text()

    restore.click()
    qtbot.waitUntil(lambda: ctl.window is not None)
    assert ctl.recovery is None and ctl.store.path == school_file.resolve()
    assert get_school(ctl.store).short_name == "МБОУ «Сосновская СОШ»"
    assert (count_people(school_file), count_people(school_file, "lost")) == (2000, 0)
    [aside] = _aside(school_file)
    assert aside.read_bytes() == damaged  # kept, byte for byte
    [done] = said.info
    assert "восстановлена из резервной копии от 19.11.2025 15:30" in done
    assert aside.name in done and said.error == []


@DAMAGES
def test_setting_the_damaged_file_aside_starts_afresh(
    qtbot, controller, school_file, monkeypatch, damage
):
    made = create_backup(school_file, BackupKind.DAILY, now=BACKUP_TIME)
    damaged = damage(school_file)
    said = record_messages(monkeypatch)
    ctl = controller()
    assert ctl.start(school_file)
    ctl.recovery.buttons[RecoveryChoice.SET_ASIDE].click()
    qtbot.waitUntil(lambda: ctl.wizard is not None)
    [aside] = _aside(school_file)
    assert aside.read_bytes() == damaged
    assert ctl.window is None and ctl.store.path == school_file.resolve()
    assert get_school(ctl.store) is None  # a new, empty file: the first-run wizard asks
    assert count_people(school_file) == 0
    [told] = said.info
    assert aside.name in told and "мастер первого запуска" in told
    assert made.path.exists()  # the backups stay for later


def test_leaving_changes_nothing_and_frees_the_file(qtbot, controller, school_file, monkeypatch):
    create_backup(school_file, BackupKind.DAILY, now=BACKUP_TIME)
    damaged = _truncate(school_file)
    record_messages(monkeypatch)
    monkeypatch.setattr("nastavapp.ui.app.QApplication.quit", lambda: None)
    ctl = controller()
    ctl.start(school_file)
    ctl.recovery.buttons[RecoveryChoice.LEAVE].click()
    assert ctl.recovery is None and ctl.window is None
    assert school_file.read_bytes() == damaged and _aside(school_file) == []
    assert ctl.guard is None and not Path(f"{school_file}.lock").exists()  # lock let go


def test_without_backups_a_copy_file_can_be_chosen(
    qtbot, controller, school_file, tmp_path, monkeypatch
):
    copy = tmp_path / "флешка" / "копия.sqlite"
    copy.parent.mkdir()
    from nastavapp.store.copy import write_copy

    write_copy(school_file, copy)
    damaged = _flip_page_bytes(school_file)
    said = record_messages(monkeypatch)
    ctl = controller()
    ctl.start(school_file)
    offer = ctl.recovery
    assert RecoveryChoice.RESTORE not in offer.buttons
    assert "Исправных резервных копий рядом с файлом нет" in offer.text.text()
    said.open_file = None  # the user closes the file dialog: asked again
    offer.buttons[RecoveryChoice.RESTORE_FILE].click()
    assert ctl.recovery is not None and ctl.recovery is not offer
    said.open_file = copy
    ctl.recovery.buttons[RecoveryChoice.RESTORE_FILE].click()
    qtbot.waitUntil(lambda: ctl.window is not None)
    assert count_people(school_file) == 2000
    assert _aside(school_file)[0].read_bytes() == damaged


def test_newer_version_file_is_refused_and_stays_byte_identical(
    qtbot, controller, school_file, monkeypatch
):
    with sqlite3.connect(school_file) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = school_file.read_bytes()
    said = record_messages(monkeypatch)
    ctl = controller()
    assert not ctl.start(school_file)
    [message] = said.error
    assert "создан более новой версией программы" in message and "Файл не изменён" in message
    assert ctl.window is None and ctl.recovery is None
    assert school_file.read_bytes() == before
    assert not backups_dir(school_file).exists()


# «Открыть базу…» with a bad file: the open one stays ---------------------------------------
@pytest.fixture
def open_school(controller, tmp_path, monkeypatch):
    own = tmp_path / "своя" / "nastavapp.sqlite"
    own.parent.mkdir()
    store = open_store(own)
    setup_school(store, sample_setup())
    store.close()
    said = record_messages(monkeypatch)
    ctl = controller()
    assert ctl.start(own)
    return ctl, said


def _choose(ctl, said, path: Path) -> None:
    said.open_file = path
    ctl.window.action_open.trigger()


def test_opening_a_newer_file_says_so_and_keeps_the_open_one(open_school, tmp_path):
    ctl, said = open_school
    newer = tmp_path / "новее.sqlite"
    open_store(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before, window, path = newer.read_bytes(), ctl.window, ctl.store.path
    _choose(ctl, said, newer)
    [message] = said.error
    assert (
        "более новой версией" in message and f"Открытой осталась прежняя база:\n{path}" in message
    )
    assert newer.read_bytes() == before
    assert (ctl.window, ctl.store.path, ctl.guard.db_path) == (window, path, path)
    assert not Path(f"{newer}.lock").exists()  # its lock was let go


def test_opening_a_foreign_file_says_so(open_school, tmp_path):
    ctl, said = open_school
    foreign = tmp_path / "список.sqlite"
    foreign.write_text("ФИО;Класс\n", encoding="utf-8")
    path = ctl.store.path
    _choose(ctl, said, foreign)
    assert "не является базой данных" in said.error[0]
    assert foreign.read_text(encoding="utf-8") == "ФИО;Класс\n"
    assert ctl.store.path == path


def test_opening_a_damaged_file_offers_its_backup_or_leaves_it(qtbot, open_school, school_file):
    ctl, said = open_school
    create_backup(school_file, BackupKind.DAILY, now=BACKUP_TIME)
    damaged = _truncate(school_file)
    window, path = ctl.window, ctl.store.path
    _choose(ctl, said, school_file)
    offer = ctl.recovery
    assert set(offer.buttons) == {
        RecoveryChoice.RESTORE,
        RecoveryChoice.RESTORE_FILE,
        RecoveryChoice.LEAVE,
    }
    assert offer.buttons[RecoveryChoice.LEAVE].text() == "Не открывать"
    offer.buttons[RecoveryChoice.LEAVE].click()
    assert school_file.read_bytes() == damaged and _aside(school_file) == []
    assert (ctl.window, ctl.store.path) == (window, path)
    assert not Path(f"{school_file}.lock").exists()

    _choose(ctl, said, school_file)  # this time restore it: it becomes the open file
    ctl.recovery.buttons[RecoveryChoice.RESTORE].click()
    qtbot.waitUntil(lambda: ctl.store.path == school_file.resolve())
    assert ctl.window is not window and count_people(school_file) == 2000
    assert ctl.guard.db_path == school_file.resolve()
    assert not Path(f"{path}.lock").exists()  # the previous file is free again


# notices ------------------------------------------------------------------------------------
def test_a_failed_start_up_backup_is_told_once_calmly(qtbot, controller, school_file, monkeypatch):
    def no_space(db_path, **kwargs):
        raise DiskFullError("Не удалось записать копию", db_path)

    monkeypatch.setattr("nastavapp.store.database.ensure_daily_backup", no_space)
    said = record_messages(monkeypatch)
    ctl = controller()
    assert ctl.start(school_file)
    assert ctl.window is not None
    [notice] = said.warning
    assert notice.startswith("Резервная копия при запуске не сделана.")
    assert "закончилось свободное место" in notice
    assert "Работать с базой можно" in notice
    assert ctl.store.notices == [] and said.error == []
    ctl.window.reload_years()
    assert len(said.warning) == 1


def test_a_read_only_file_opens_with_a_warning_that_changes_will_not_be_kept(
    qtbot, controller, school_file, monkeypatch
):
    """A file copied from a CD or saved from an e-mail: every change used to fail unexplained."""
    import stat

    school_file.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    said = record_messages(monkeypatch)
    ctl = controller()
    try:
        assert ctl.start(school_file)
        assert ctl.window is not None and ctl.store.read_only
        [warning] = said.warning
        assert f"Файл базы «{school_file}» доступен только для чтения" in warning
        assert "снимите в свойствах файла отметку «Только чтение»" in warning
        assert warning.endswith("Просматривать базу можно, но изменения не сохранятся.")
    finally:
        school_file.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_writable_file_opens_without_a_word(qtbot, controller, school_file, monkeypatch):
    said = record_messages(monkeypatch)
    ctl = controller()
    assert ctl.start(school_file)
    assert not ctl.store.read_only and said.warning == []
