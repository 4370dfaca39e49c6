"""The start-up check of a data file: whole, damaged, foreign or from a newer program.

``check_health`` never writes the data file. A damaged file is never opened for writing and
never deleted: ``set_aside_damaged`` renames it (with its -wal/-journal) so a new or restored
file can take its place, and ``Health.offer`` names the newest good backup to restore.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from .backup import BackupInfo, list_backups, newest_good_backup
from .fileinfo import connect_readonly, is_damage, looks_like_sqlite, quick_check
from .migrate import LATEST_VERSION
from .netfs import is_network_path
from .oserrors import store_error

DAMAGED_MARK = "повреждён"
EMPTY_DETAIL = "файл пуст (0 байт)"
SIDE_FILES = ("-wal", "-journal", "-shm")  # moved together with the main file


class HealthStatus(str, Enum):
    NEW = "new"  # no file yet, or an empty one: will be created
    OK = "ok"
    DAMAGED = "damaged"
    FOREIGN = "foreign"  # not a data file of this program
    NEWER = "newer"  # made by a newer version of the program


@dataclass(frozen=True)
class Health:
    """What the start-up check found; ``offer`` is the backup to propose when not usable."""

    path: Path
    status: HealthStatus
    detail: str = ""  # quick_check's own words, for the log
    schema_version: int | None = None
    network: bool = False
    offer: BackupInfo | None = None

    @property
    def ok(self) -> bool:
        return self.status in (HealthStatus.NEW, HealthStatus.OK)

    @property
    def message(self) -> str:
        """The Russian explanation for the user (empty when all is well)."""
        if self.status is HealthStatus.DAMAGED and self.detail == EMPTY_DETAIL:
            text = (
                f"Файл базы «{self.path}» пуст (0 байт): его содержимое потеряно — например, "
                "при сбое питания или неудачном копировании. Программа ничего в нём не изменила."
            )
        elif self.status is HealthStatus.DAMAGED:
            text = (
                f"Файл базы «{self.path}» повреждён: проверка целостности не пройдена. "
                "Программа не открыла его для записи и ничего в нём не изменила."
            )
        elif self.status is HealthStatus.FOREIGN:
            text = (
                f"Файл «{self.path}» не является базой данных программы (или повреждён). "
                "Программа ничего в нём не изменила."
            )
        elif self.status is HealthStatus.NEWER:
            text = (
                f"Файл «{self.path}» создан более новой версией программы (версия данных "
                f"{self.schema_version}). Файл не изменён."
            )
        else:
            return ""
        if self.offer is not None:
            text += (
                f" Есть исправная резервная копия от {self.offer.created:%d.%m.%Y %H:%M}"
                f" ({self.offer.summary.describe() if self.offer.summary else '—'}): её можно"
                " восстановить, а повреждённый файл будет сохранён рядом под другим именем."
            )
        elif self.status is HealthStatus.DAMAGED:
            text += " Исправных резервных копий нет."
        return text


def _version_and_tables(path: Path) -> tuple[int, int]:
    conn = connect_readonly(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = int(
            conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        )
    finally:
        conn.close()
    return version, tables


def check_health(path: Path | str, *, find_offer: bool = True) -> Health:
    """Check the file at ``path`` read-only: header, ``PRAGMA quick_check``, schema version.

    Raises:
        StoreError: when the file cannot even be read (locked, no rights, disk error).
    """
    path = Path(path).expanduser().resolve()
    network = is_network_path(path)
    action = f"Не удалось проверить файл «{path}»"
    try:
        if not path.exists():
            return Health(path, HealthStatus.NEW, network=network)
        empty = path.stat().st_size == 0
        header_ok = looks_like_sqlite(path)
    except OSError as exc:
        raise store_error(exc, action, path) from exc

    status, detail, version = HealthStatus.OK, "", None
    if empty:
        # SQLite takes an empty file for a new database; with backups beside it, it was ours
        # and lost its contents (a power cut, a failed copy): offer them, do not start anew
        if not list_backups(path, with_summary=False):
            return Health(path, HealthStatus.NEW, network=network)
        status, detail = HealthStatus.DAMAGED, EMPTY_DETAIL
    elif not header_ok:
        status, detail = HealthStatus.FOREIGN, "нет заголовка SQLite"
    else:
        detail = quick_check(path)
        if detail != "ok":
            status = HealthStatus.DAMAGED
        else:
            try:
                version, tables = _version_and_tables(path)
            except sqlite3.Error as exc:
                if not is_damage(exc):
                    raise store_error(exc, action, path) from exc
                status, detail = HealthStatus.DAMAGED, str(exc)
            else:
                if version > LATEST_VERSION:
                    status = HealthStatus.NEWER
                elif version == 0 and tables > 0:
                    status, detail = HealthStatus.FOREIGN, "таблицы другой программы"
    if status is HealthStatus.FOREIGN and list_backups(path, with_summary=False):
        status = HealthStatus.DAMAGED  # it has our backups: it was ours, now it is broken
    offer = None
    if find_offer and status in (HealthStatus.DAMAGED, HealthStatus.FOREIGN):
        offer = newest_good_backup(path, max_version=LATEST_VERSION)
    return Health(path, status, detail, version, network, offer)


def _free_aside_name(path: Path, stamp: str, mark: str) -> Path:
    base = f"{path.name}.{mark}-{stamp}"
    candidate, number = path.with_name(base), 2
    while any(Path(f"{candidate}{s}").exists() for s in ("", *SIDE_FILES)):
        candidate = path.with_name(f"{base}-{number}")
        number += 1
    return candidate


def set_aside_damaged(
    path: Path | str, *, now: datetime | None = None, mark: str = DAMAGED_MARK
) -> Path:
    """Rename a damaged file to «<name>.повреждён-YYYY-MM-DD-HHMM» (never delete it).

    Its -wal/-journal/-shm files move with it (first, so a new file at ``path`` never meets a
    stale journal), keeping the set openable by a specialist. Returns the new path.

    Raises:
        StoreError: the file could not be renamed (locked, no rights); nothing was lost.
    """
    path = Path(path).expanduser().resolve()
    target = _free_aside_name(path, (now or datetime.now()).strftime("%Y-%m-%d-%H%M"), mark)
    try:
        for suffix in SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.rename(side, Path(f"{target}{suffix}"))
        if path.exists() or not any(Path(f"{target}{s}").exists() for s in SIDE_FILES):
            os.rename(path, target)
    except OSError as exc:
        raise store_error(exc, f"Не удалось отложить файл «{path}»", path) from exc
    return target


__all__ = [
    "DAMAGED_MARK",
    "Health",
    "HealthStatus",
    "check_health",
    "set_aside_damaged",
]
