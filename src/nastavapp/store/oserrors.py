"""Errors of the computer, not of the program: disk full, read-only folder, file locked …

One mapping from ``OSError`` and SQLite errors to plain Russian words a curator understands.
``environment_error()`` returns ``None`` for anything that looks like a bug (or a damaged
file, which ``health`` handles), so callers can tell the two apart. ``os_error_reason()`` says
any ``OSError`` of a file (a document, a report, a list) in Russian, ``database_reason()`` a
failed database operation: neither ever passes on the system's English.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from .errors import StoreError


class EnvironmentStoreError(StoreError):
    """The computer stopped an operation (disk, folder rights, another program), not a bug.

    ``str(error)`` is the whole Russian message; ``reason`` is the explanation alone.
    """

    reason_text = "произошла ошибка диска или папки."

    def __init__(self, action: str, path: Path | None = None, *, reason: str | None = None) -> None:
        self.action = action
        self.path = path
        self.reason = reason or self.reason_text
        super().__init__(f"{action}: {self.reason}")


class DiskFullError(EnvironmentStoreError):
    reason_text = (
        "на диске закончилось свободное место. Удалите ненужные файлы или очистите корзину "
        "и повторите."
    )


class ReadOnlyError(EnvironmentStoreError):
    reason_text = (
        "папка или диск доступны только для чтения (например, флешка с защитой от записи). "
        "Снимите защиту или выберите другую папку."
    )


class AccessDeniedError(EnvironmentStoreError):
    reason_text = (
        "нет прав на запись в эту папку или файл. Попросите администратора компьютера дать "
        "права или выберите другую папку."
    )


class FileLockedError(EnvironmentStoreError):
    reason_text = (
        "файл занят другой программой (возможно, программа уже открыта в другом окне или файл "
        "проверяет антивирус). Закройте другую программу и повторите."
    )


class DiskIOError(EnvironmentStoreError):
    reason_text = (
        "ошибка чтения или записи диска: возможно, диск неисправен или флешка либо сетевой диск "
        "отключились. Проверьте диск и повторите; сохраните копию базы на другой диск."
    )


class UnavailableError(EnvironmentStoreError):
    reason_text = (
        "файл или папка недоступны: возможно, флешка или сетевой диск отключены, папка "
        "переименована или на неё нет прав. Проверьте путь и повторите."
    )


UNKNOWN_DATABASE_REASON = "непредвиденная ошибка базы данных."

# What os_error_reason() says, by errno: the reason, then the advice that fits it.
FILE_IN_USE_REASON = (
    "файл открыт в другой программе (например, в Excel или Word). Закройте его там "
    "и повторите или выберите другое имя."
)
OTHER_OS_REASON = (
    "не удалось обратиться к диску или папке. Проверьте, что диск или флешка подключены, "
    "и повторите или выберите другую папку."
)
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: (
        "папка или файл не найдены: возможно, их переименовали или удалили либо отключена "
        "флешка или сетевой диск. Проверьте путь или выберите другую папку."
    ),
    errno.EACCES: (
        "нет прав на доступ к этому файлу или папке. Попросите администратора компьютера "
        "дать права или выберите другую папку."
    ),
    errno.EROFS: ReadOnlyError.reason_text,
    errno.EISDIR: "по этому пути находится папка, а не файл. Укажите имя файла.",
    errno.ENOTDIR: "часть пути — файл, а не папка. Проверьте путь или выберите другую папку.",
    errno.ENOSPC: DiskFullError.reason_text,
    errno.ENAMETOOLONG: (
        "слишком длинное имя файла или путь к нему. Сократите имя файла или выберите папку "
        "ближе к началу диска."
    ),
    errno.EEXIST: "файл или папка с таким именем уже есть. Выберите другое имя.",
    errno.EBUSY: FILE_IN_USE_REASON,
    errno.ETXTBSY: FILE_IN_USE_REASON,
}
_OS_REASONS[errno.EPERM] = _OS_REASONS[errno.EACCES]
_OS_REASONS[errno.EDQUOT] = DiskFullError.reason_text

# Windows error codes (``OSError.winerror``) that Python maps to vaguer errno values.
_WINERROR: dict[int, type[EnvironmentStoreError]] = {
    5: AccessDeniedError,  # ERROR_ACCESS_DENIED
    19: ReadOnlyError,  # ERROR_WRITE_PROTECT
    21: UnavailableError,  # ERROR_NOT_READY (no disk in drive)
    23: DiskIOError,  # ERROR_CRC
    32: FileLockedError,  # ERROR_SHARING_VIOLATION
    33: FileLockedError,  # ERROR_LOCK_VIOLATION
    39: DiskFullError,  # ERROR_HANDLE_DISK_FULL
    53: UnavailableError,  # ERROR_BAD_NETPATH
    64: UnavailableError,  # ERROR_NETNAME_DELETED
    67: UnavailableError,  # ERROR_BAD_NET_NAME
    112: DiskFullError,  # ERROR_DISK_FULL
    1117: DiskIOError,  # ERROR_IO_DEVICE
}

_ERRNO: dict[int, type[EnvironmentStoreError]] = {
    errno.ENOSPC: DiskFullError,
    errno.EDQUOT: DiskFullError,
    errno.EROFS: ReadOnlyError,
    errno.EACCES: AccessDeniedError,
    errno.EPERM: AccessDeniedError,
    errno.EBUSY: FileLockedError,
    errno.ETXTBSY: FileLockedError,
    errno.EAGAIN: FileLockedError,
    errno.EIO: DiskIOError,
    errno.ENOENT: UnavailableError,
    errno.ENODEV: UnavailableError,
    errno.ENXIO: UnavailableError,
    errno.ENOTDIR: UnavailableError,
    errno.ESTALE: UnavailableError,
    errno.EHOSTDOWN: UnavailableError,
    errno.EHOSTUNREACH: UnavailableError,
}

# SQLite primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``, Python 3.11+).
_SQLITE_CODE: dict[int, type[EnvironmentStoreError]] = {
    5: FileLockedError,  # SQLITE_BUSY
    6: FileLockedError,  # SQLITE_LOCKED
    8: ReadOnlyError,  # SQLITE_READONLY
    10: DiskIOError,  # SQLITE_IOERR
    13: DiskFullError,  # SQLITE_FULL
    14: UnavailableError,  # SQLITE_CANTOPEN
}

# The same by message, for wrapped errors and Python 3.10 (no error codes there).
_SQLITE_TEXT: tuple[tuple[str, type[EnvironmentStoreError]], ...] = (
    ("database or disk is full", DiskFullError),
    ("database is locked", FileLockedError),
    ("database table is locked", FileLockedError),
    ("readonly database", ReadOnlyError),
    ("disk i/o error", DiskIOError),
    ("unable to open database file", UnavailableError),
)


def _unwrap(exc: BaseException) -> BaseException:
    """The driver's error inside SQLAlchemy's wrapper (``.orig``), else the error itself."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def classify(exc: BaseException) -> type[EnvironmentStoreError] | None:
    """Which environment problem ``exc`` is, or ``None`` when it is not one (a bug, a damage)."""
    exc = _unwrap(exc)
    if isinstance(exc, EnvironmentStoreError):
        return type(exc)
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WINERROR:
            return _WINERROR[winerror]
        return _ERRNO.get(exc.errno) if exc.errno is not None else None
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_CODE:
            return _SQLITE_CODE[code & 0xFF]
        text = str(exc).lower()
        for needle, kind in _SQLITE_TEXT:
            if needle in text:
                return kind
    return None


def environment_error(
    exc: BaseException, action: str, path: Path | None = None
) -> EnvironmentStoreError | None:
    """A Russian ``EnvironmentStoreError`` for ``exc`` («{action}: {reason}»), or ``None``."""
    kind = classify(exc)
    if kind is None:
        return None
    if isinstance(exc, EnvironmentStoreError):
        return exc
    if kind is DiskIOError and path is not None and disk_is_full(path):
        kind = DiskFullError  # SQLite says «disk I/O error» when it cannot grow its -shm file
    return kind(action, path)


FULL_BELOW = 1 << 20  # bytes left: not even a megabyte for a journal


def disk_is_full(path: Path) -> bool:
    """The disk holding ``path`` (or its nearest existing folder) has next to no room left."""
    for place in (path, *path.parents):
        try:
            return shutil.disk_usage(place).free < FULL_BELOW
        except OSError:
            continue
    return False


def database_reason(exc: BaseException) -> str:
    """The Russian reason a database operation failed, to follow «Не удалось …: ».

    The same words as ordinary edits get (read-only, locked by another program, disk full …);
    an error it does not know gets :data:`UNKNOWN_DATABASE_REASON`, never SQLite's English.
    """
    if isinstance(exc, EnvironmentStoreError):
        return exc.reason
    kind = classify(exc)
    if kind is not None:
        return kind.reason_text
    inner = _unwrap(exc)
    return os_error_reason(inner) if isinstance(inner, OSError) else UNKNOWN_DATABASE_REASON


def os_error_reason(exc: OSError) -> str:
    """The Russian reason for ``exc`` with the advice that fits it, to follow «Не удалось …: ».

    For any file the program reads or writes (documents, reports, lists, data files):
    ``exc.strerror`` is English on Linux and must never reach the user. Told apart by errno
    (and Windows' sharing violation); starts in lower case and ends with a full stop; an error
    it does not know gets :data:`OTHER_OS_REASON`.
    """
    if getattr(exc, "winerror", None) in (32, 33):  # ERROR_SHARING_/LOCK_VIOLATION
        return FILE_IN_USE_REASON
    if exc.errno is None:
        return OTHER_OS_REASON
    return _OS_REASONS.get(exc.errno, OTHER_OS_REASON)


def store_error(exc: BaseException, action: str, path: Path | None = None) -> StoreError:
    """Always a ``StoreError``: the environment one when it is one, else a neutral Russian one."""
    if isinstance(exc, StoreError):
        return exc
    known = environment_error(exc, action, path)
    if known is not None:
        return known
    return StoreError(f"{action}: {database_reason(exc)}")


def with_note(error: StoreError, note: str) -> StoreError:
    """The same kind of error with ``note`` added to its message (e.g. «Файл не изменён.»)."""
    if isinstance(error, EnvironmentStoreError):
        return type(error)(error.action, error.path, reason=f"{error.reason} {note}")
    return StoreError(f"{error} {note}")


__all__ = [
    "FILE_IN_USE_REASON",
    "OTHER_OS_REASON",
    "UNKNOWN_DATABASE_REASON",
    "AccessDeniedError",
    "DiskFullError",
    "DiskIOError",
    "EnvironmentStoreError",
    "FileLockedError",
    "ReadOnlyError",
    "UnavailableError",
    "classify",
    "database_reason",
    "environment_error",
    "os_error_reason",
    "store_error",
    "with_note",
]
