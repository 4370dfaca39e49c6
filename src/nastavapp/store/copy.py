"""A consistent copy of a live data file, through SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from .errors import StoreError
from .oserrors import store_error


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_copy(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` to ``target`` atomically and verify it.

    The copy is written beside the target under a temporary name, checked with
    ``PRAGMA quick_check`` and renamed into place, so a failure leaves no half-written file.

    Raises:
        StoreError: in Russian; an ``EnvironmentStoreError`` for disk full, read-only folder,
            no rights or a locked file.
    """
    target = Path(target)
    if target.resolve() == Path(source).resolve():
        raise StoreError("Копию нельзя записать поверх самой базы: выберите другое имя файла.")
    if not Path(source).is_file():
        raise StoreError(f"Файл «{source}» не найден.")
    temporary = target.with_name(f".{target.name}.part")
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(temporary)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise StoreError(f"Копия не прошла проверку ({verdict}). Попробуйте ещё раз.")
        os.replace(temporary, target)
        _sync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise store_error(exc, f"Не удалось записать копию в «{target}»", target) from exc
    except StoreError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    return target
