"""Opening a data file: checks, migrations, and an engine with the pragmas on every connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Session

from .errors import NotADatabaseError, StoreError
from .migrate import LATEST_VERSION, check_version, migrate, schema_version
from .text import ru_collate, ru_fold

SQLITE_HEADER = b"SQLite format 3\x00"


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    dbapi_conn.create_function("ru_fold", 1, ru_fold, deterministic=True)
    dbapi_conn.create_collation("RU", ru_collate)


def _looks_like_sqlite(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True  # an empty file is a new database to SQLite
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def prepare_file(path: Path, *, target: int = LATEST_VERSION) -> list[int]:
    """Check that ``path`` is ours and migrate it up to ``target``; returns the steps applied."""
    if path.exists() and not _looks_like_sqlite(path):
        raise NotADatabaseError(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"Не удалось открыть файл «{path}»: {exc}") from exc
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(path) from exc
        check_version(conn, path)
        return migrate(conn, path, target)
    finally:
        conn.close()


class Store:
    """The one door to a data file: an engine and short sessions over it."""

    def __init__(self, path: Path, engine: sa.Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short session; objects stay readable after it closes (no lazy loads needed)."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            raw = conn.exec_driver_sql("PRAGMA user_version").scalar()
        return int(raw or 0)

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path | str, *, create: bool = True) -> Store:
    """Open (and if needed create and migrate) the data file at ``path``.

    Raises:
        StoreError: with a Russian message when the file is missing, foreign, damaged or newer.
    """
    path = Path(path).expanduser().resolve()
    if not path.exists():
        if not create:
            raise StoreError(f"Файл «{path}» не найден.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Не удалось создать папку «{path.parent}»: {exc.strerror}") from exc
    prepare_file(path)
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure_connection)
    return Store(path, engine)


__all__ = ["Store", "open_store", "prepare_file", "schema_version"]
