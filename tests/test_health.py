"""The start-up check: damaged files detected and kept, recovery offered; network shares."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

import nastavapp.store.database as database
from nastavapp.services.school import setup_school
from nastavapp.store import (
    LATEST_VERSION,
    BackupKind,
    DamagedFileError,
    HealthStatus,
    NewerSchemaError,
    NotADatabaseError,
    backups_dir,
    check_health,
    create_backup,
    open_store,
    prepare_file,
    restore_backup,
    set_aside_damaged,
)
from nastavapp.store.fileinfo import quick_check, readonly_uri
from nastavapp.store.netfs import is_network_path, is_unc_path, mount_fs_type

from .conftest import sample_setup
from .db_rows import add_people, dump

NOON = datetime(2025, 11, 20, 12, 0, 0)


@pytest.fixture
def school_file(db_path: Path) -> Path:
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    add_people(db_path, 2000)  # about a hundred pages
    return db_path


def _truncate(path: Path) -> bytes:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path.read_bytes()


def _flip_page_bytes(path: Path) -> bytes:
    """XOR the first byte (the b-tree page type) of a few pages: structural damage."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    for page in random.Random(7).sample(range(2, pages), 5):
        data[page * page_size] ^= 0xFF
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_whole_file_is_ok(school_file):
    health = check_health(school_file)
    assert health.status is HealthStatus.OK and health.ok
    assert (health.schema_version, health.offer, health.message) == (LATEST_VERSION, None, "")


def test_a_missing_or_empty_file_is_new(tmp_path):
    assert check_health(tmp_path / "nope.sqlite").status is HealthStatus.NEW
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert check_health(tmp_path / "empty.sqlite").status is HealthStatus.NEW
    store = open_store(tmp_path / "empty.sqlite")  # an empty file without backups: a new one
    assert store.schema_version() == LATEST_VERSION
    store.close()
    assert not backups_dir(tmp_path / "empty.sqlite").exists()  # nothing worth a backup


def _empty(path: Path) -> bytes:
    path.write_bytes(b"")  # a power cut while saving, a copy to a flash drive gone wrong
    return b""


@pytest.mark.parametrize(
    "damage", [_truncate, _flip_page_bytes, _empty], ids=["truncated", "flipped", "emptied"]
)
def test_damaged_file_is_detected_kept_and_recovery_offered(school_file, damage):
    good = dump(school_file)
    older = create_backup(school_file, BackupKind.DAILY, now=NOON.replace(day=18))
    newest = create_backup(school_file, BackupKind.DAILY, now=NOON)
    damaged = damage(school_file)

    health = check_health(school_file)
    assert health.status is HealthStatus.DAMAGED and not health.ok
    assert health.detail != "ok"
    assert health.offer is not None and health.offer.path == newest.path
    assert "от 20.11.2025 12:00" in health.message
    # an emptied file was taken for a new school: the wizard, its backups never offered
    assert ("пуст (0 байт)" if damage is _empty else "повреждён") in health.message

    with pytest.raises(DamagedFileError) as caught:  # the program refuses it at start …
        open_store(school_file, now=NOON)
    assert caught.value.health.offer == health.offer
    assert school_file.read_bytes() == damaged  # … without writing a byte
    assert {p.name for p in backups_dir(school_file).iterdir()} == {
        older.path.name,
        newest.path.name,
    }

    result = restore_backup(school_file, health.offer, now=NOON)  # what the UI offers
    assert result.previous_damaged and result.previous is not None
    assert result.previous.name == "school.sqlite.повреждён-2025-11-20-1200"
    assert result.previous.read_bytes() == damaged  # the damaged file kept, never deleted
    assert quick_check(school_file) == "ok" and dump(school_file) == good
    open_store(school_file, backups=False).close()


def test_a_backup_that_is_itself_damaged_is_not_offered(school_file):
    older = create_backup(school_file, BackupKind.DAILY, now=NOON.replace(day=18))
    newest = create_backup(school_file, BackupKind.DAILY, now=NOON)
    _truncate(newest.path)
    _truncate(school_file)
    health = check_health(school_file)
    assert health.offer is not None and health.offer.path == older.path


def test_damaged_file_without_backups(school_file):
    _flip_page_bytes(school_file)
    health = check_health(school_file)
    assert health.status is HealthStatus.DAMAGED and health.offer is None
    assert "Исправных резервных копий нет" in health.message


def test_garbled_header_of_a_file_with_backups_is_damaged_not_foreign(school_file):
    create_backup(school_file, BackupKind.DAILY, now=NOON)
    data = bytearray(school_file.read_bytes())
    data[0:6] = b"\x00" * 6
    school_file.write_bytes(bytes(data))
    health = check_health(school_file)
    assert health.status is HealthStatus.DAMAGED and health.offer is not None


def test_set_aside_moves_the_journal_along_and_never_overwrites(tmp_path):
    path = tmp_path / "nastavapp.sqlite"
    for round_ in range(2):
        path.write_bytes(b"broken %d" % round_)
        Path(f"{path}-wal").write_bytes(b"wal %d" % round_)
        aside = set_aside_damaged(path, now=datetime(2025, 11, 20, 15, 30))
        assert not path.exists() and not Path(f"{path}-wal").exists()
        assert aside.read_bytes() == b"broken %d" % round_
        assert Path(f"{aside}-wal").read_bytes() == b"wal %d" % round_
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "nastavapp.sqlite.повреждён-2025-11-20-1530",
        "nastavapp.sqlite.повреждён-2025-11-20-1530-2",
        "nastavapp.sqlite.повреждён-2025-11-20-1530-2-wal",
        "nastavapp.sqlite.повреждён-2025-11-20-1530-wal",
    ]


def test_newer_file_is_refused_before_any_write(tmp_path):
    path = tmp_path / "future.sqlite"
    prepare_file(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = path.read_bytes()
    assert check_health(path).status is HealthStatus.NEWER
    with pytest.raises(NewerSchemaError):
        open_store(path, now=NOON)
    assert path.read_bytes() == before
    assert not backups_dir(path).exists()  # not even a backup was written


def test_another_programs_database_is_refused_not_migrated(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()
    assert check_health(path).status is HealthStatus.FOREIGN
    with pytest.raises(NotADatabaseError):
        open_store(path)
    assert path.read_bytes() == before


def test_readonly_uri_handles_cyrillic_windows_and_unc_paths(tmp_path):
    assert readonly_uri(Path("/tmp/Школа #1/б?.sqlite")) == (
        "file:///tmp/%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%231/%D0%B1%3F.sqlite?mode=ro"
    )
    folder = tmp_path / "Школа №1"
    folder.mkdir()
    prepare_file(folder / "база.sqlite")
    assert quick_check(folder / "база.sqlite") == "ok"


# network shares ----------------------------------------------------------------------------------
MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//server/docs /mnt/docs cifs rw,vers=3.0 0 0
server:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
user@host:/home /home/curator/remote fuse.sshfs rw 0 0
//srv/Школа /mnt/Общие\\040папки cifs rw 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw 0 0
"""


def test_mount_type_of_a_path():
    assert mount_fs_type("/home/curator/data/nastavapp.sqlite", MOUNTS) == "ext4"
    assert mount_fs_type("/mnt/docs/nastavapp.sqlite", MOUNTS) == "cifs"
    assert mount_fs_type("/mnt/docsx/a.sqlite", MOUNTS) == "ext4"  # a prefix is not a mount
    assert mount_fs_type("/mnt/nfs/a.sqlite", MOUNTS) == "nfs4"
    assert mount_fs_type("/mnt/nfs/local/a.sqlite", MOUNTS) == "ext4"  # the deepest mount wins
    assert mount_fs_type("/home/curator/remote/a.sqlite", MOUNTS) == "fuse.sshfs"
    assert mount_fs_type("/mnt/Общие папки/база.sqlite", MOUNTS) == "cifs"
    assert mount_fs_type("/run/user/1000/gvfs/smb-share:server=s/a.sqlite", MOUNTS) == (
        "fuse.gvfsd-fuse"
    )


def test_unc_paths():
    assert is_unc_path(r"\\server\share\nastavapp.sqlite")
    assert is_unc_path("//server/share/nastavapp.sqlite")
    assert is_unc_path(r"\\?\UNC\server\share\nastavapp.sqlite")
    assert not is_unc_path(r"\\?\C:\data\nastavapp.sqlite")
    assert not is_unc_path(r"C:\data\nastavapp.sqlite")
    assert not is_unc_path("/home/curator/nastavapp.sqlite")
    assert is_network_path(r"\\server\share\nastavapp.sqlite")


def test_local_file_uses_wal_and_network_file_does_not(tmp_path, monkeypatch):
    assert not is_network_path(tmp_path / "a.sqlite")
    local = open_store(tmp_path / "a.sqlite")
    try:
        assert not local.network
        with local.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        local.close()

    monkeypatch.setattr(database, "is_network_path", lambda path: True)
    shared = open_store(tmp_path / "b.sqlite")
    try:
        assert shared.network
        with shared.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        shared.close()
    assert not Path(f"{tmp_path / 'b.sqlite'}-wal").exists()
