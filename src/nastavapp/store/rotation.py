"""Which backups to keep: the newest few of each kind, one per schema version before migrations.

Start-up backups are «weekly» for the first of an ISO week and «daily» otherwise, so keeping
the newest 7 daily and 4 weekly covers the last week day by day and the last month by week.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from .backup_catalog import BackupInfo, BackupKind, backups_dir, list_backups

# How many of each kind rotation keeps (MIGRATION: the newest one per schema version instead).
RETENTION: dict[BackupKind, int] = {
    BackupKind.DAILY: 7,
    BackupKind.WEEKLY: 4,
    BackupKind.MANUAL: 10,
    BackupKind.BEFORE_IMPORT: 5,
    BackupKind.BEFORE_DELETE: 5,
    BackupKind.BEFORE_RESTORE: 5,
}
STALE_PART_SECONDS = 3600  # a temporary ".part" older than this was left by a crash


def backups_to_remove(backups: list[BackupInfo]) -> list[BackupInfo]:
    """What rotation removes from ``backups`` (any order)."""
    newest_first = sorted(backups, key=lambda b: (b.created, b.path.name), reverse=True)
    seen: dict[tuple[BackupKind, int | None], int] = {}
    remove: list[BackupInfo] = []
    for backup in newest_first:
        key: tuple[BackupKind, int | None] = (backup.kind, None)
        limit = RETENTION.get(backup.kind, 1)
        if backup.kind is BackupKind.MIGRATION:
            key = (backup.kind, backup.version)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > limit:
            remove.append(backup)
    return remove


def rotate_backups(db_path: Path | str, *, protect: Path | None = None) -> list[Path]:
    """Delete the backups of ``db_path`` that rotation does not keep; returns what was deleted.

    Never touches files that are not backups of this data file; the ``protect``ed one (just
    written) stays whatever the clock says. A file that cannot be deleted is left for next time.
    """
    db_path = Path(db_path).expanduser().resolve()
    removed: list[Path] = []
    for backup in backups_to_remove(list_backups(db_path, with_summary=False)):
        if protect is not None and backup.path == protect:
            continue
        try:
            backup.path.unlink()
        except OSError:
            continue
        removed.append(backup.path)
    _remove_stale_parts(backups_dir(db_path), db_path)
    return removed


def _remove_stale_parts(folder: Path, db_path: Path) -> None:
    """Temporary files of backups interrupted by a crash (not of one being written now)."""
    with contextlib.suppress(OSError):
        for part in folder.glob(f".{db_path.name}.*.part"):
            if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()


__all__ = ["RETENTION", "backups_to_remove", "rotate_backups"]
