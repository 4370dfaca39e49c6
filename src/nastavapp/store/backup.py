"""Backups of a data file: made through SQLite's backup API, verified, listed, rotated.

Made at start when none was made today (``ensure_daily_backup``), before every migration
(``open_store``), before every import, bulk delete and restore (``backup_before``), and on
request. Each is written by ``copy.write_copy`` (temporary name, ``PRAGMA quick_check``,
atomic rename) into ``<folder of the data file>/backups/``; see ``backup_catalog`` for the
names and ``rotation`` for what is kept. Restoring is ``restore.restore_backup``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .backup_catalog import (
    BACKUPS_DIR_NAME,
    BackupInfo,
    BackupKind,
    backup_info,
    backup_name,
    backups_dir,
    list_backups,
    parse_backup_name,
)
from .copy import write_copy
from .errors import StoreError
from .fileinfo import quick_check
from .oserrors import store_error
from .rotation import RETENTION, backups_to_remove, rotate_backups

AUTOMATIC = (BackupKind.DAILY, BackupKind.WEEKLY)


def _free_target(
    folder: Path, db_path: Path, created: datetime, kind: BackupKind, version: int | None
) -> Path:
    name = backup_name(db_path, created, kind, version)
    candidate, number = folder / name, 2
    while candidate.exists():
        candidate = folder / f"{name.removesuffix('.sqlite')}-{number}.sqlite"
        number += 1
    return candidate


def create_backup(
    db_path: Path | str,
    kind: BackupKind,
    *,
    version: int | None = None,
    now: datetime | None = None,
    rotate: bool = True,
) -> BackupInfo:
    """Write a verified backup of ``db_path`` (open or closed) into its backups folder.

    ``version`` tags a MIGRATION backup with the schema version it holds. Rotation follows.

    Raises:
        StoreError: in Russian (``EnvironmentStoreError`` for disk full, read-only folder,
            no rights, locked file); the data file is never changed and no half-written
            backup is left behind.
    """
    db_path = Path(db_path).expanduser().resolve()
    created = now or datetime.now()
    folder = backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error(
            exc, f"Не удалось создать папку резервных копий «{folder}»", folder
        ) from exc
    target = _free_target(folder, db_path, created, kind, version)
    write_copy(db_path, target)
    info = backup_info(db_path, target) or BackupInfo(target, created, kind, version)
    if rotate:
        rotate_backups(db_path, protect=target)
    return info


def backup_before(
    db_path: Path | str, kind: BackupKind, *, now: datetime | None = None
) -> BackupInfo:
    """The backup services make before an import (BEFORE_IMPORT) or a bulk delete
    (BEFORE_DELETE); a failure (``StoreError``) should stop the operation."""
    return create_backup(db_path, kind, now=now)


def daily_backup_due(db_path: Path | str, *, now: datetime | None = None) -> bool:
    """True when no automatic backup was made today (by the calendar)."""
    today = (now or datetime.now()).date()
    automatic = [b for b in list_backups(db_path, with_summary=False) if b.kind in AUTOMATIC]
    return not any(b.created.date() == today for b in automatic)


def ensure_daily_backup(db_path: Path | str, *, now: datetime | None = None) -> BackupInfo | None:
    """The start-up backup, when none was made today: «weekly» for the first in an ISO week,
    «daily» otherwise. Returns it, or None when it was not due."""
    now = now or datetime.now()
    if not daily_backup_due(db_path, now=now):
        return None
    week = now.isocalendar()[:2]
    weekly_done = any(
        b.kind is BackupKind.WEEKLY and b.created.isocalendar()[:2] == week
        for b in list_backups(db_path, with_summary=False)
    )
    return create_backup(db_path, BackupKind.DAILY if weekly_done else BackupKind.WEEKLY, now=now)


def verify_backup(backup: BackupInfo | Path) -> bool:
    """True when the backup file passes ``PRAGMA quick_check``."""
    path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    try:
        return path.is_file() and quick_check(path) == "ok"
    except StoreError:
        return False


def newest_good_backup(db_path: Path | str, *, max_version: int | None = None) -> BackupInfo | None:
    """The newest backup that passes quick_check (and holds at most ``max_version``)."""
    for backup in list_backups(db_path):
        if backup.summary is None:
            continue
        if max_version is not None and backup.summary.schema_version > max_version:
            continue
        if verify_backup(backup):
            return backup
    return None


__all__ = [
    "AUTOMATIC",
    "BACKUPS_DIR_NAME",
    "RETENTION",
    "BackupInfo",
    "BackupKind",
    "backup_before",
    "backups_dir",
    "backups_to_remove",
    "create_backup",
    "daily_backup_due",
    "ensure_daily_backup",
    "list_backups",
    "newest_good_backup",
    "parse_backup_name",
    "rotate_backups",
    "verify_backup",
]
