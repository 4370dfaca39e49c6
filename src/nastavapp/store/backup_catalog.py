"""The backups of a data file as files: their folder, their names, what each one holds.

A backup lives in ``<folder of the data file>/backups/`` and is named
``<file name>.<YYYY-MM-DD_HHMMSS>.<kind>[-vN][-n].sqlite``: the name alone says when and why it
was made (so fake clocks in tests and copied folders keep their meaning), the file itself
what it holds (school, year, people, pairs), read read-only.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from .errors import StoreError
from .fileinfo import FileSummary, read_summary

BACKUPS_DIR_NAME = "backups"
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"


class BackupKind(str, Enum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MIGRATION = "migration"
    MANUAL = "manual"
    BEFORE_IMPORT = "before-import"
    BEFORE_DELETE = "before-delete"
    BEFORE_RESTORE = "before-restore"

    @property
    def label(self) -> str:
        """Russian, for the backups list: «ежедневная», «перед загрузкой списков» …"""
        return _LABELS[self]


_LABELS = {
    BackupKind.DAILY: "ежедневная",
    BackupKind.WEEKLY: "еженедельная",
    BackupKind.MIGRATION: "перед обновлением версии",
    BackupKind.MANUAL: "сделана вручную",
    BackupKind.BEFORE_IMPORT: "перед загрузкой списков",
    BackupKind.BEFORE_DELETE: "перед удалением",
    BackupKind.BEFORE_RESTORE: "перед восстановлением",
}

_KINDS = "|".join(re.escape(k.value) for k in sorted(BackupKind, key=lambda k: -len(k.value)))
_NAME = re.compile(
    rf"^(?P<stamp>\d{{4}}-\d{{2}}-\d{{2}}_\d{{6}})\.(?P<kind>{_KINDS})"
    r"(?:-v(?P<version>\d+))?(?:-(?P<n>\d+))?\.sqlite$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup: when and why it was made (from its name), what it holds (from the file)."""

    path: Path
    created: datetime
    kind: BackupKind
    version: int | None = None  # for MIGRATION: the schema version before the migration
    size: int = 0
    summary: FileSummary | None = None  # None when not read or unreadable

    @property
    def readable(self) -> bool:
        return self.summary is not None

    def describe(self) -> str:
        """«20.11.2025 15:30 — ежедневная: МБОУ «Сосновская СОШ», 2025/2026: людей — …»."""
        what = self.summary.describe() if self.summary else "файл не читается"
        return f"{self.created:%d.%m.%Y %H:%M} — {self.kind.label}: {what}"


def backups_dir(db_path: Path | str) -> Path:
    """The backups folder of a data file: ``<its folder>/backups``."""
    return Path(db_path).expanduser().resolve().parent / BACKUPS_DIR_NAME


def backup_name(db_path: Path, created: datetime, kind: BackupKind, version: int | None) -> str:
    tag = kind.value if version is None else f"{kind.value}-v{version}"
    return f"{db_path.name}.{created.strftime(STAMP_FORMAT)}.{tag}.sqlite"


def parse_backup_name(db_path: Path, path: Path) -> tuple[datetime, BackupKind, int | None] | None:
    """(created, kind, version) when ``path`` is named as a backup of ``db_path``, else None."""
    prefix = f"{Path(db_path).name}."
    if not path.name.startswith(prefix):
        return None
    match = _NAME.match(path.name[len(prefix) :])
    if match is None:
        return None
    try:
        created = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    version = int(match["version"]) if match["version"] else None
    return created, BackupKind(match["kind"]), version


def backup_info(db_path: Path, path: Path, *, with_summary: bool = True) -> BackupInfo | None:
    """The ``BackupInfo`` of ``path`` when it is a backup of ``db_path``, else None."""
    parsed = parse_backup_name(db_path, path)
    if parsed is None:
        return None
    created, kind, version = parsed
    try:
        size = path.stat().st_size
    except OSError:
        return None
    summary = None
    if with_summary:
        with contextlib.suppress(StoreError):
            summary = read_summary(path)
    return BackupInfo(path, created, kind, version, size, summary)


def list_backups(db_path: Path | str, *, with_summary: bool = True) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (summaries read from each file, read-only)."""
    db_path = Path(db_path).expanduser().resolve()
    try:
        candidates = [p for p in backups_dir(db_path).iterdir() if p.is_file()]
    except OSError:
        return []
    found = [backup_info(db_path, p, with_summary=with_summary) for p in candidates]
    backups = [b for b in found if b is not None]
    return sorted(backups, key=lambda b: (b.created, b.path.name), reverse=True)


__all__ = [
    "BACKUPS_DIR_NAME",
    "BackupInfo",
    "BackupKind",
    "backup_info",
    "backup_name",
    "backups_dir",
    "list_backups",
    "parse_backup_name",
]
