"""Putting a backup back in place of the data file, keeping the current file first.

A whole current file is first backed up («перед восстановлением»); a damaged, foreign or newer
one is set aside under another name. Then the backup is copied into place atomically.
The data file must be closed (``Store.close()``) before a restore.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .backup import BackupInfo, BackupKind, create_backup, parse_backup_name
from .copy import write_copy
from .errors import NewerSchemaError, StoreError
from .fileinfo import quick_check, read_summary
from .health import SIDE_FILES, HealthStatus, check_health, set_aside_damaged
from .migrate import LATEST_VERSION
from .oserrors import FileLockedError, store_error

SET_ASIDE_MARK = "отложен"  # for a whole file that is not ours or is newer: not «повреждён»


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    previous: Path | None  # the backup of the replaced file, or the file set aside
    previous_damaged: bool = False


def _as_info(db_path: Path, backup: BackupInfo | Path) -> BackupInfo:
    if isinstance(backup, BackupInfo):
        return backup
    path = Path(backup).expanduser().resolve()
    parsed = parse_backup_name(db_path, path)
    if parsed is not None:
        created, kind, version = parsed
    else:  # any copy, e.g. one saved with «Сохранить копию как…»
        try:
            created = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError as exc:
            raise store_error(exc, f"Не удалось открыть копию «{path}»", path) from exc
        kind, version = BackupKind.MANUAL, None
    return BackupInfo(path, created, kind, version)


def _check_backup(info: BackupInfo) -> None:
    verdict = quick_check(info.path)
    if verdict != "ok":
        raise StoreError(
            f"Резервная копия «{info.path.name}» повреждена (не прошла проверку целостности). "
            "Выберите другую копию. Файл базы не изменён."
        )
    summary = read_summary(info.path)
    if summary.schema_version == 0:
        raise StoreError(
            f"Файл «{info.path.name}» не является копией базы программы. Файл базы не изменён."
        )
    if summary.schema_version > LATEST_VERSION:
        raise NewerSchemaError(info.path, summary.schema_version, LATEST_VERSION)


def _release(db_path: Path) -> None:
    """Fold the WAL into the file and check nobody else has it open (or raise FileLockedError).

    After this the file is self-contained, so replacing it can never meet a stale -wal.
    """
    action = f"Не удалось восстановить базу «{db_path}»"
    try:
        conn = sqlite3.connect(db_path, timeout=2.0, isolation_level=None)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise FileLockedError(action, db_path)
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise store_error(exc, action, db_path) from exc


def restore_backup(
    db_path: Path | str, backup: BackupInfo | Path, *, now: datetime | None = None
) -> RestoreResult:
    """Put ``backup`` in place of the data file at ``db_path`` (which must be closed).

    Raises:
        StoreError: in Russian; the data file is then as it was (or set aside, never lost).
    """
    db_path = Path(db_path).expanduser().resolve()
    info = _as_info(db_path, backup)
    if info.path == db_path:
        raise StoreError("Эта копия и есть текущий файл базы: выберите другую.")
    _check_backup(info)
    previous: Path | None = None
    damaged = False
    health = check_health(db_path, find_offer=False)
    if health.status is HealthStatus.OK:
        previous = create_backup(db_path, BackupKind.BEFORE_RESTORE, now=now, rotate=False).path
        _release(db_path)
    elif health.status is HealthStatus.NEW:
        if any(Path(f"{db_path}{suffix}").exists() for suffix in SIDE_FILES):
            previous = set_aside_damaged(db_path, now=now, mark=SET_ASIDE_MARK)  # stale journal
    else:
        damaged = health.status is HealthStatus.DAMAGED
        mark = "повреждён" if damaged else SET_ASIDE_MARK
        previous = set_aside_damaged(db_path, now=now, mark=mark)
    write_copy(info.path, db_path)
    return RestoreResult(info, previous, damaged)


__all__ = ["RestoreResult", "restore_backup"]
