"""Writing a document file safely: to a temporary file beside the target, then renamed into place.

A failure (a crash half-way, a full disk, the target open in Excel) never leaves a half-written
file and never destroys the earlier file at the target; it is said in Russian. Also here: file
names that fit the disk (``fit_file_name``) and a workbook save that cleans up after itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ...store.oserrors import os_error_reason
from .errors import ExportError

if TYPE_CHECKING:
    from openpyxl import Workbook

# Mode of a new document when no earlier file gives one (mkstemp makes 0600 files).
_NEW_FILE_MODE = 0o644
# Longest file name most file systems take (ext4: bytes; NTFS: 255 UTF-16 units, looser).
MAX_NAME_BYTES = 255
# mkstemp's name: «.~» + stem + «.» + 8 random characters + suffix.
_TEMPORARY_EXTRA = len(".~.") + 8


def fit_file_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``name`` cut so that it takes at most ``limit`` bytes in UTF-8, its extension kept.

    A long school name makes a suggested name too long for the disk («Наставничество_…»);
    the cut never splits a letter and drops the «_», «.» or spaces it leaves at the end.
    """
    suffix = Path(name).suffix
    room = limit - len(suffix.encode())
    if len(name.encode()) <= limit or room <= 0:
        return name
    return _cut(name[: len(name) - len(suffix)], room) + suffix


def _cut(text: str, limit: int) -> str:
    """The start of ``text`` within ``limit`` UTF-8 bytes, whole letters, no «_ .» at the end."""
    cut = text.encode()[:limit].decode(errors="ignore").rstrip("_. ")
    return cut or text[:1]


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long: os.replace says it below
        return False


def save_workbook(book: Workbook, path: Path) -> None:
    """``book.save(path)``, but the zip is closed when writing fails too.

    openpyxl leaves it open on a full disk: its finaliser then fails again and Python prints
    «Exception ignored in: ZipFile.__del__» (a traceback on the command line).
    """
    from openpyxl.writer.excel import ExcelWriter

    book.properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()


def locked_message(target: Path) -> str:
    return (
        f"Не удалось записать файл «{target.name}»: возможно, он открыт в Excel или другой "
        "программе. Закройте файл и повторите попытку или выберите другое имя."
    )


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``target``.

    Args:
        target: the file to make or replace; its folder must exist.
        write: writes the whole document to the path it is given.

    Returns:
        The absolute path written.

    Raises:
        ExportError: with a Russian message when the folder or the target cannot be written.
    """
    target = Path(target).absolute()
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Папка «{folder}» не найдена: выберите другое место для файла.")
    if _is_folder(target):
        reason = os_error_reason(IsADirectoryError(errno.EISDIR, "", str(target)))
        raise ExportError(f"Не удалось записать файл «{target.name}»: {reason}")
    # the temporary name fits even when the target's name only just does
    room = MAX_NAME_BYTES - _TEMPORARY_EXTRA - len(target.suffix.encode())
    stem = _cut(target.stem, max(room, 1))
    try:
        handle, name = tempfile.mkstemp(prefix=f".~{stem}.", suffix=target.suffix, dir=folder)
    except PermissionError as exc:
        raise ExportError(
            f"Нет права записывать файлы в папку «{folder}»: выберите другую папку."
        ) from exc
    except OSError as exc:
        raise ExportError(
            f"Не удалось создать файл в папке «{folder}»: {os_error_reason(exc)}"
        ) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        try:
            mode = target.stat().st_mode & 0o777 if target.exists() else _NEW_FILE_MODE
            os.chmod(temporary, mode)
        except OSError:
            pass  # a file system without modes (FAT on a USB stick) keeps what it has
        os.replace(temporary, target)
    except PermissionError as exc:
        raise ExportError(locked_message(target)) from exc
    except OSError as exc:
        raise ExportError(
            f"Не удалось записать файл «{target.name}»: {os_error_reason(exc)}"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return target
