"""Backups: made through the backup API, verified, listed with what they hold, rotated, restored;
environment errors in Russian with nothing lost; ``nastavapp backup``."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

import nastavapp.store.copy as copy_module
from nastavapp import cli
from nastavapp.services.school import setup_school
from nastavapp.store import (
    LATEST_VERSION,
    AccessDeniedError,
    BackupKind,
    DiskFullError,
    DiskIOError,
    FileLockedError,
    ReadOnlyError,
    StoreError,
    backup_before,
    backups_dir,
    create_backup,
    ensure_daily_backup,
    list_backups,
    open_store,
    prepare_file,
    restore_backup,
    rotate_backups,
    verify_backup,
)
from nastavapp.store.fileinfo import quick_check
from nastavapp.store.oserrors import classify, environment_error, store_error

from .conftest import sample_setup
from .db_rows import add_people, dump

NOON = datetime(2025, 11, 20, 12, 0, 0)


@pytest.fixture
def school_file(db_path: Path) -> Path:
    """A closed data file with a school, its year and 300 students."""
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    add_people(db_path, 300)
    return db_path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# making and listing ---------------------------------------------------------------------------
def test_backup_is_verified_and_listed_with_what_it_holds(school_file):
    made = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    assert made.path.parent == school_file.parent / "backups"
    assert made.path.name == "school.sqlite.2025-11-20_120000.manual.sqlite"
    assert quick_check(made.path) == "ok" and verify_backup(made)
    assert dump(made.path) == dump(school_file)
    with sqlite3.connect(made.path) as conn:  # a single self-contained file, not WAL
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    [listed] = list_backups(school_file)
    assert (listed.created, listed.kind, listed.path) == (NOON, BackupKind.MANUAL, made.path)
    assert listed.summary is not None
    assert listed.summary.school == "МБОУ «Сосновская СОШ»"
    assert (listed.summary.year, listed.summary.persons, listed.summary.groups) == (
        "2025/2026",
        300,
        0,
    )
    assert listed.summary.schema_version == LATEST_VERSION
    assert listed.describe().startswith("20.11.2025 12:00 — сделана вручную: МБОУ «Сосновская СОШ»")


def test_backup_of_an_open_store_sees_committed_rows(school_file):
    store = open_store(school_file, backups=False)
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE person SET class_name = '8Б' WHERE id = 1")
        made = backup_before(school_file, BackupKind.BEFORE_IMPORT, now=NOON)
    finally:
        store.close()
    assert made.kind is BackupKind.BEFORE_IMPORT
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("SELECT class_name FROM person WHERE id = 1").fetchone() == ("8Б",)


def test_same_second_backups_do_not_overwrite_each_other(school_file):
    first = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    second = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert {b.path for b in list_backups(school_file)} == {first.path, second.path}


def test_other_files_in_the_backups_folder_are_never_listed_or_touched(school_file, tmp_path):
    folder = backups_dir(school_file)
    folder.mkdir()
    strangers = [
        folder / "notes.txt",
        folder / "other.sqlite.2025-11-01_120000.daily.sqlite",  # another data file's backup
        folder / "school.sqlite.копия.sqlite",
    ]
    for path in strangers:
        path.write_text("чужой файл", encoding="utf-8")
    for day in range(12):
        create_backup(school_file, BackupKind.DAILY, now=NOON + timedelta(days=day))
    assert all(p.exists() for p in strangers)
    assert len(list_backups(school_file)) == 7


# rotation -----------------------------------------------------------------------------------
def test_start_up_backup_once_a_day_and_rotation_keeps_7_daily_and_4_weekly(school_file):
    start = datetime(2025, 9, 1, 8, 30)  # a Monday
    for day in range(60):
        now = start + timedelta(days=day)
        made = ensure_daily_backup(school_file, now=now)
        assert made is not None and made.created == now
        assert ensure_daily_backup(school_file, now=now + timedelta(hours=6)) is None
    backups = list_backups(school_file)
    daily = [b.created for b in backups if b.kind is BackupKind.DAILY]
    weekly = [b.created for b in backups if b.kind is BackupKind.WEEKLY]
    days_back = [start + timedelta(days=d) for d in range(59, -1, -1)]
    assert daily == [d for d in days_back if d.weekday() != 0][:7]  # Mondays made «weekly»
    assert weekly == [datetime(2025, 10, 27 - 7 * w, 8, 30) for w in range(4)]
    assert all(b.created.weekday() == 0 for b in backups if b.kind is BackupKind.WEEKLY)
    assert len(_files(backups_dir(school_file))) == len(daily) + len(weekly)


def test_rotation_keeps_one_backup_per_migration_and_limits_each_kind(school_file):
    for hour in range(3):
        create_backup(school_file, BackupKind.MIGRATION, version=1, now=NOON.replace(hour=hour))
        create_backup(school_file, BackupKind.MIGRATION, version=2, now=NOON.replace(hour=hour))
    for minute in range(12):
        create_backup(school_file, BackupKind.MANUAL, now=NOON.replace(minute=minute))
        create_backup(school_file, BackupKind.BEFORE_DELETE, now=NOON.replace(minute=minute))
    backups = list_backups(school_file)
    migration = {(b.version, b.created.hour) for b in backups if b.kind is BackupKind.MIGRATION}
    assert migration == {(1, 2), (2, 2)}
    manual = [b.created.minute for b in backups if b.kind is BackupKind.MANUAL]
    assert manual == list(range(11, 1, -1))  # the newest 10
    assert [b.created.minute for b in backups if b.kind is BackupKind.BEFORE_DELETE] == [
        11,
        10,
        9,
        8,
        7,
    ]
    assert rotate_backups(school_file) == []  # stable: nothing more to remove


def test_rotation_keeps_the_backup_just_made_even_with_a_wrong_clock(school_file):
    for day in range(7):
        create_backup(school_file, BackupKind.DAILY, now=datetime(2031, 1, 1 + day))
    made = create_backup(school_file, BackupKind.DAILY, now=NOON)  # the clock was fixed
    assert made.path.exists()


# restore ------------------------------------------------------------------------------------
def test_backup_restore_round_trip_keeps_every_row(school_file):
    before = dump(school_file)
    made = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    store = open_store(school_file, backups=False)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM person WHERE id > 10")
        conn.exec_driver_sql("UPDATE school SET short_name = 'Другая школа'")
    store.close()
    changed = dump(school_file)
    assert changed != before

    result = restore_backup(school_file, made, now=NOON + timedelta(hours=1))
    assert dump(school_file) == before
    assert result.restored.path == made.path and not result.previous_damaged
    assert result.previous is not None and result.previous.exists()
    assert dump(result.previous) == changed  # the replaced file was kept as a backup first
    kinds = {b.kind for b in list_backups(school_file)}
    assert kinds == {BackupKind.MANUAL, BackupKind.BEFORE_RESTORE}
    assert not Path(f"{school_file}-wal").exists()

    reopened = open_store(school_file, backups=False)  # and the program works with it again
    try:
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 300
    finally:
        reopened.close()


def test_restore_refuses_while_the_file_is_open(school_file):
    made = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    store = open_store(school_file, backups=False)
    try:
        with store.engine.connect() as conn:  # the pool keeps this connection open
            conn.exec_driver_sql("SELECT count(*) FROM person").scalar()
            with pytest.raises(FileLockedError) as caught:
                restore_backup(school_file, made)
        assert "занят другой программой" in str(caught.value)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 300
    finally:
        store.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(school_file):
    made = create_backup(school_file, BackupKind.MANUAL, now=NOON)
    data = bytearray(made.path.read_bytes())
    made.path.write_bytes(bytes(data[: len(data) // 2]))
    before = school_file.read_bytes()
    with pytest.raises(StoreError, match="повреждена"):
        restore_backup(school_file, made)
    assert school_file.read_bytes() == before


# environment errors: Russian words, nothing lost, no half-written backup -----------------------
def _fail_on_part(real, error: OSError):
    def fake(src, dst, *args, **kwargs):
        if str(src).endswith(".part"):
            raise error
        return real(src, dst, *args, **kwargs)

    return fake


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFullError, "закончилось свободное"),
        (OSError(errno.EROFS, "Read-only file system"), ReadOnlyError, "только для чтения"),
        (PermissionError(errno.EACCES, "Permission denied"), AccessDeniedError, "нет прав"),
    ],
)
def test_backup_failure_is_explained_and_loses_nothing(
    school_file, monkeypatch, error, kind, words
):
    before_bytes, before_rows = school_file.read_bytes(), dump(school_file)
    monkeypatch.setattr(copy_module.os, "replace", _fail_on_part(copy_module.os.replace, error))
    with pytest.raises(kind) as caught:
        create_backup(school_file, BackupKind.BEFORE_IMPORT, now=NOON)
    message = str(caught.value)
    assert message.startswith("Не удалось")
    assert words in message
    assert "Errno" not in message and "No space" not in message
    assert school_file.read_bytes() == before_bytes and dump(school_file) == before_rows
    assert _files(backups_dir(school_file)) == []  # no half-written backup, no .part


def test_sqlite_disk_full_while_copying_is_explained_and_leaves_nothing(school_file, monkeypatch):
    real_connect = sqlite3.connect

    def tiny_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 3")  # SQLite itself reports SQLITE_FULL
        return conn

    before = school_file.read_bytes()
    monkeypatch.setattr(copy_module.sqlite3, "connect", tiny_disk)
    with pytest.raises(DiskFullError, match="закончилось свободное место"):
        create_backup(school_file, BackupKind.DAILY, now=NOON)
    assert school_file.read_bytes() == before
    assert _files(backups_dir(school_file)) == []


def test_read_only_backups_folder_is_explained(school_file, monkeypatch):
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self.name == "backups":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ReadOnlyError, match="только для чтения"):
        create_backup(school_file, BackupKind.DAILY, now=NOON)


def test_failed_start_up_backup_still_opens_the_file_with_a_notice(school_file, monkeypatch):
    error = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(copy_module.os, "replace", _fail_on_part(copy_module.os.replace, error))
    store = open_store(school_file, now=NOON)
    try:
        assert store.startup_backup is None
        [notice] = store.notices
        assert notice.startswith("Резервная копия при запуске не сделана.")
        assert "закончилось свободное место" in notice
    finally:
        store.close()


def test_start_up_backup_is_made_once_a_day_by_open_store(school_file):
    first = open_store(school_file, now=NOON)
    first.close()
    assert first.startup_backup is not None and first.notices == []
    again = open_store(school_file, now=NOON + timedelta(hours=3))
    again.close()
    assert again.startup_backup is None
    assert [b.kind for b in list_backups(school_file)] == [BackupKind.WEEKLY]


def test_backup_before_migration_holds_the_old_version(tmp_path):
    path = tmp_path / "old.sqlite"
    prepare_file(path, target=1)
    store = open_store(path, now=NOON)
    assert store.schema_version() == LATEST_VERSION
    store.close()
    [made] = list_backups(path)
    assert (made.kind, made.version) == (BackupKind.MIGRATION, 1)
    assert made.summary is not None and made.summary.schema_version == 1


def test_no_migration_without_its_backup(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    prepare_file(path, target=1)
    before = path.read_bytes()
    error = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(copy_module.os, "replace", _fail_on_part(copy_module.os.replace, error))
    with pytest.raises(DiskFullError) as caught:
        open_store(path, now=NOON)
    assert "не обновлён до новой версии" in str(caught.value)
    assert path.read_bytes() == before


# the mapping of environment errors ------------------------------------------------------------
def test_environment_errors_are_told_apart_from_bugs():
    locked = PermissionError(errno.EACCES, "denied")
    locked.winerror = 32  # Windows: ERROR_SHARING_VIOLATION
    wrapped = sa.exc.OperationalError(
        "INSERT …", {}, sqlite3.OperationalError("database is locked")
    )
    cases = {
        OSError(errno.ENOSPC, "x"): DiskFullError,
        OSError(errno.EROFS, "x"): ReadOnlyError,
        PermissionError(errno.EPERM, "x"): AccessDeniedError,
        locked: FileLockedError,
        sqlite3.OperationalError("database or disk is full"): DiskFullError,
        sqlite3.OperationalError("disk I/O error"): DiskIOError,
        OSError(errno.EIO, "x"): DiskIOError,
        sqlite3.OperationalError("attempt to write a readonly database"): ReadOnlyError,
        wrapped: FileLockedError,
    }
    for exc, expected in cases.items():
        assert classify(exc) is expected, exc
    for bug in (ValueError("x"), sqlite3.IntegrityError("UNIQUE constraint failed"), KeyError()):
        assert classify(bug) is None and environment_error(bug, "Действие") is None
        assert isinstance(store_error(bug, "Не удалось сохранить"), StoreError)
    message = str(environment_error(OSError(errno.ENOSPC, "x"), "Не удалось сохранить"))
    assert message.startswith("Не удалось сохранить: на диске закончилось свободное место")


# the command ------------------------------------------------------------------------------------
def test_backup_command_writes_a_verified_copy(school_file, tmp_path, capsys):
    out = tmp_path / "флешка" / "копия.sqlite"
    out.parent.mkdir()
    assert cli.main(["backup", "--db", str(school_file), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Копия записана: {out}" in printed
    assert "МБОУ «Сосновская СОШ», 2025/2026: людей — 300" in printed
    assert dump(out) == dump(school_file)
    assert cli.main(["backup", "--db", str(school_file)]) == 0  # into the backups folder
    assert [b.kind for b in list_backups(school_file)] == [BackupKind.MANUAL]


def test_backup_command_errors_in_russian(tmp_path, capsys):
    assert cli.main(["backup", "--db", str(tmp_path / "нет.sqlite"), "--out", "x.sqlite"]) == 1
    assert "не найден" in capsys.readouterr().err
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all")
    assert cli.main(["backup", "--db", str(broken), "--out", str(tmp_path / "c.sqlite")]) == 1
    assert "не является базой данных" in capsys.readouterr().err
    assert not (tmp_path / "c.sqlite").exists()


def test_disk_full_while_saving_is_explained_and_the_file_keeps_its_rows(school_file):
    from sqlmodel import select

    from nastavapp.models import Person

    store = open_store(school_file, backups=False)
    try:
        with pytest.raises(DiskFullError) as caught, store.session() as session:
            pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
            session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            for person in session.exec(select(Person)).all():
                person.notes = "длинная заметка " * 50
                session.add(person)
            session.commit()
        assert str(caught.value).startswith("Изменения не сохранены: на диске закончилось")
    finally:
        store.close()
    with sqlite3.connect(school_file) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE notes != 'bulk'").fetchone() == (0,)
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_restore_from_any_copy_file_and_a_stale_journal_is_set_aside(school_file, tmp_path):
    copy = copy_module.write_copy(school_file, tmp_path / "флешка.sqlite")
    good = dump(school_file)
    school_file.unlink()
    Path(f"{school_file}-wal").write_bytes(b"stale journal of a lost file")
    result = restore_backup(school_file, copy, now=NOON)
    assert result.restored.kind is BackupKind.MANUAL and dump(school_file) == good
    assert result.previous is not None
    assert Path(f"{result.previous}-wal").read_bytes() == b"stale journal of a lost file"
    assert not Path(f"{school_file}-wal").exists()


def test_restore_refuses_a_file_that_is_not_a_copy_of_the_base(school_file, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = school_file.read_bytes()
    with pytest.raises(StoreError, match="не является копией базы"):
        restore_backup(school_file, other)
    assert school_file.read_bytes() == before
