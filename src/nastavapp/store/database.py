"""Opening a data file: checks, migrations, and an engine with the pragmas on every connection."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
import sqlalchemy.dialects.sqlite  # loaded with the data layer, before Qt (see cli.main)
from sqlalchemy import event
from sqlmodel import Session

from .backup import BackupInfo, BackupKind, create_backup, ensure_daily_backup
from .errors import DamagedFileError, NewerSchemaError, NotADatabaseError, StoreError
from .fileinfo import SQLITE_HEADER, is_read_only_file, looks_like_sqlite
from .health import HealthStatus, check_health
from .migrate import LATEST_VERSION, check_version, migrate, schema_version
from .netfs import is_network_path
from .oserrors import environment_error, store_error, with_note
from .text import ru_collate, ru_fold


def _configure_connection(
    dbapi_conn: sqlite3.Connection, _record: object, *, wal: bool = True
) -> None:
    """Pragmas for every connection; on a network share (``wal=False``) no WAL.

    WAL needs shared memory between processes, which SMB/NFS shares do not give reliably, so
    there the classic rollback journal with full syncs is used.
    """
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if wal:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    else:
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    dbapi_conn.create_function("ru_fold", 1, ru_fold, deterministic=True)
    dbapi_conn.create_collation("RU", ru_collate)


def prepare_file(path: Path, *, target: int = LATEST_VERSION) -> list[int]:
    """Check that ``path`` is ours and migrate it up to ``target``; returns the steps applied."""
    if path.exists() and not looks_like_sqlite(path):
        raise NotADatabaseError(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise store_error(exc, f"Не удалось открыть файл «{path}»", path) from exc
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(path) from exc
        check_version(conn, path)
        return migrate(conn, path, target)
    finally:
        conn.close()


READ_ONLY_NOTICE = (
    "Файл базы «{path}» доступен только для чтения (так бывает с файлом, скопированным с диска "
    "или сохранённым из письма): изменения в нём сохранить не получится. Закройте программу, "
    "снимите в свойствах файла отметку «Только чтение» (или попросите права у администратора) "
    "и откройте базу снова."
)


class Store:
    """The one door to a data file: an engine and short sessions over it.

    ``network`` says the file is on a network share (no WAL there); ``notices`` holds Russian
    messages from opening that the user should see but that did not stop it (e.g. the start-up
    backup could not be written); ``startup_backup`` is the backup made at this start, if any.
    """

    def __init__(
        self,
        path: Path,
        engine: sa.Engine,
        *,
        network: bool = False,
        notices: list[str] | None = None,
        startup_backup: BackupInfo | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only  # the file may not be written: every change will fail
        self.engine = engine
        self.network = network
        self.notices: list[str] = list(notices or [])
        self.startup_backup = startup_backup

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short session; objects stay readable after it closes (no lazy loads needed).

        A disk full, a read-only folder or a locked file during the session comes out as an
        ``EnvironmentStoreError`` (a ``StoreError`` with Russian words), not a driver error;
        the transaction is rolled back, so the file keeps its previous state.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except sa.exc.DBAPIError as exc:
                known = environment_error(exc, "Изменения не сохранены", self.path)
                if known is None:
                    raise
                raise known from exc

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            raw = conn.exec_driver_sql("PRAGMA user_version").scalar()
        return int(raw or 0)

    def close(self) -> None:
        self.engine.dispose()


def _check_and_back_up(
    path: Path, *, backups: bool, now: datetime | None
) -> tuple[BackupInfo | None, list[str]]:
    """The start-up check of an existing file, then the backup due before opening it.

    Everything here that can refuse the file (damaged, foreign, newer) runs before any write.
    """
    health = check_health(path)
    if health.status is HealthStatus.FOREIGN:
        raise NotADatabaseError(path)
    if health.status is HealthStatus.DAMAGED:
        raise DamagedFileError(health)
    if health.status is HealthStatus.NEWER:
        raise NewerSchemaError(path, health.schema_version or 0, LATEST_VERSION)
    if health.status is HealthStatus.NEW:  # an empty file, never ours: nothing to keep
        return None, []
    version = health.schema_version or 0
    if not backups:
        return None, []
    if 0 < version < LATEST_VERSION:
        try:
            made = create_backup(path, BackupKind.MIGRATION, version=version, now=now)
        except StoreError as exc:
            note = "Файл не обновлён до новой версии программы и не изменён."
            raise with_note(exc, note) from exc
        return made, []
    try:
        return ensure_daily_backup(path, now=now), []
    except StoreError as exc:
        return None, [f"Резервная копия при запуске не сделана. {exc}"]


def open_store(
    path: Path | str,
    *,
    create: bool = True,
    backups: bool = True,
    now: datetime | None = None,
) -> Store:
    """Open (and if needed create and migrate) the data file at ``path``.

    An existing file is first checked read-only (``health.check_health``); then a backup is
    made before a migration, or the daily one when none was made today (``backups=False``
    skips both; ``now`` fixes the clock for tests).

    Raises:
        StoreError: with a Russian message when the file is missing, foreign or newer;
            ``DamagedFileError`` (with the backup to offer) when it is damaged;
            an ``EnvironmentStoreError`` when the disk or folder refuses.
    """
    path = Path(path).expanduser().resolve()
    try:
        existed = path.exists()  # an empty file too: it may be ours, emptied by a power cut
    except OSError as exc:
        raise store_error(exc, f"Не удалось открыть файл «{path}»", path) from exc
    if not path.exists():
        if not create:
            raise StoreError(f"Файл «{path}» не найден.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_error(exc, f"Не удалось создать папку «{path.parent}»", path) from exc
    made: BackupInfo | None = None
    notices: list[str] = []
    read_only = existed and is_read_only_file(path)
    if existed:
        made, notices = _check_and_back_up(path, backups=backups, now=now)
    if read_only:
        notices.append(READ_ONLY_NOTICE.format(path=path))
    prepare_file(path)
    network = is_network_path(path)
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", functools.partial(_configure_connection, wal=not network))
    return Store(
        path, engine, network=network, notices=notices, startup_backup=made, read_only=read_only
    )


__all__ = ["SQLITE_HEADER", "Store", "open_store", "prepare_file", "schema_version"]
