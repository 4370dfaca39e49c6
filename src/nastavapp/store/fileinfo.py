"""Looking into a data file without changing it: read-only connection, quick_check, summary."""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .errors import StoreError
from .oserrors import store_error

SQLITE_HEADER = b"SQLite format 3\x00"
# Primary SQLite result codes meaning "the file itself is broken", not the environment.
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_DAMAGE_TEXT = ("malformed", "not a database", "corrupt")


def readonly_uri(path: Path) -> str:
    """``file:`` URI opening ``path`` read-only (works for Cyrillic, Windows and UNC paths)."""
    text = str(Path(path).absolute()).replace("\\", "/")  # a relative path is not from «/»
    if not text.startswith("/"):
        text = "/" + text  # C:/… → /C:/…; //server/share stays with an empty authority
    return "file://" + quote(text, safe="/:") + "?mode=ro"


def connect_readonly(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that cannot write the main file (SQLite may still create -wal/-shm)."""
    return sqlite3.connect(readonly_uri(path), uri=True, timeout=timeout, isolation_level=None)


def looks_like_sqlite(path: Path) -> bool:
    """True for an SQLite file or an empty one (an empty file is a new database to SQLite)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def is_damage(exc: BaseException) -> bool:
    """True when an SQLite error says the file itself is broken."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _DAMAGE_CODES:
        return True
    return any(word in str(exc).lower() for word in _DAMAGE_TEXT)


def _run_check(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    verdict = "; ".join(str(r[0]) for r in rows[:5])
    return "ok" if verdict == "ok" else verdict


def quick_check(path: Path) -> str:
    """``"ok"`` or what ``PRAGMA quick_check`` (or SQLite on opening) found wrong.

    Opens read-only first; only a file with a hot journal to roll back (which SQLite's own
    recovery does on any normal open) is opened read-write.

    Raises:
        StoreError: an environment error (file locked, unreadable disk, no rights).
    """
    action = f"Не удалось проверить файл «{path}»"
    try:
        conn = connect_readonly(path)
        try:
            return _run_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return str(exc)
        if "readonly" not in str(exc).lower():
            raise store_error(exc, action, path) from exc
    try:  # a hot journal that only a read-write connection may roll back
        conn = sqlite3.connect(path, timeout=5.0, isolation_level=None)
        try:
            return _run_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return str(exc)
        raise store_error(exc, action, path) from exc


@dataclass(frozen=True)
class FileSummary:
    """What a data file holds, for the backups list and ``nastavapp backup``."""

    schema_version: int = 0
    school: str = ""
    year: str = ""
    persons: int = 0
    groups: int = 0

    def describe(self) -> str:
        """«МБОУ «Сосновская СОШ», 2025/2026: людей — 120, пар и групп — 35»."""
        head = ", ".join(part for part in (self.school, self.year) if part) or "школа не указана"
        return f"{head}: людей — {self.persons}, пар и групп — {self.groups}"


def _scalar(conn: sqlite3.Connection, sql: str, *params: object) -> object:
    try:
        row = conn.execute(sql, params).fetchone()
    except sqlite3.Error:
        return None  # a table this version of the file does not have yet
    return row[0] if row else None


def _int(value: object) -> int:
    return int(value) if isinstance(value, (int, float)) else 0


def summarize(conn: sqlite3.Connection) -> FileSummary:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    school = _scalar(conn, "SELECT coalesce(nullif(short_name, ''), full_name) FROM school")
    year_id = _scalar(
        conn, "SELECT id FROM academic_year ORDER BY is_current DESC, start_date DESC LIMIT 1"
    )
    year = _scalar(conn, "SELECT title FROM academic_year WHERE id = ?", year_id)
    persons = _scalar(conn, "SELECT count(*) FROM person WHERE NOT archived")
    groups = _scalar(conn, "SELECT count(*) FROM mentoring_group WHERE year_id = ?", year_id)
    return FileSummary(
        schema_version=version,
        school=str(school or ""),
        year=str(year or ""),
        persons=_int(persons),
        groups=_int(groups),
    )


def read_summary(path: Path) -> FileSummary:
    """The summary of the file at ``path``, read-only.

    Raises:
        StoreError: the file cannot be read (damaged, locked, missing).
    """
    try:
        conn = connect_readonly(path)
        try:
            return summarize(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        action = f"Не удалось прочитать файл «{path}»"
        if is_damage(exc):
            raise StoreError(f"{action}: файл повреждён.") from exc
        raise store_error(exc, action, path) from exc


__all__ = [
    "SQLITE_HEADER",
    "FileSummary",
    "connect_readonly",
    "is_damage",
    "looks_like_sqlite",
    "quick_check",
    "read_summary",
    "readonly_uri",
    "summarize",
]


def is_read_only_file(path: Path) -> bool:
    """The file may not be written: no rights, or its «Только чтение» attribute (Windows sets it
    on files copied from a CD or saved from an e-mail; its mode then lacks the owner's write
    bit, which also shows when the program runs with administrator rights)."""
    try:
        return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False  # not there, or not readable: opening says so in its own words
