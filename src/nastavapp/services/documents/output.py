"""Writing a document file safely: to a temporary file beside the target, then renamed into place.

A failure (a crash half-way, a full disk, the target open in Excel) never leaves a half-written
file and never destroys the earlier file at the target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import ExportError

# Mode of a new document when no earlier file gives one (mkstemp makes 0600 files).
_NEW_FILE_MODE = 0o644


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
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".~{target.stem}.", suffix=target.suffix, dir=folder
        )
    except PermissionError as exc:
        raise ExportError(
            f"Нет права записывать файлы в папку «{folder}»: выберите другую папку."
        ) from exc
    except OSError as exc:
        raise ExportError(f"Не удалось создать файл в папке «{folder}»: {exc.strerror}.") from exc
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
            f"Не удалось записать файл «{target.name}»: {exc.strerror or exc}."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return target
