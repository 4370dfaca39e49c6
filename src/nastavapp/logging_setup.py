"""The program's log: ``<data folder>/logs/nastavapp.log``, rotated, safe in a windowed build.

Plain Python (no Qt), so the command line and tests can use it too. A windowed frozen build
has ``sys.stdout``/``sys.stderr`` set to None: nothing here writes to them, and when the log
folder cannot be written (read-only profile, full disk) the log goes to the temporary folder,
or nowhere, rather than stopping the program.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "nastavapp.log"
CRASH_FILE_NAME = "crash.log"  # hard crashes (segfaults) written by faulthandler
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None
_previous_level: int | None = None  # the root logger's level before setup_logging
_crash_file: IO[str] | None = None  # kept open for faulthandler for the program's life


def _open_handler(folder: Path) -> RotatingFileHandler:
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(logging.INFO)
    return handler


def setup_logging(data_folder: Path, *, crash_dumps: bool = False) -> Path | None:
    """Send the program's log to ``<data_folder>/logs/nastavapp.log`` (once; again moves it).

    ``crash_dumps`` also lets ``faulthandler`` write hard crashes to ``logs/crash.log``
    (for the real program; tests leave pytest's own faulthandler alone).

    Returns:
        The log file's path, or None when no folder for it could be written.
    """
    global _handler, _previous_level
    shutdown_logging()
    for folder in (data_folder / LOG_DIR_NAME, Path(tempfile.gettempdir()) / "nastavapp-logs"):
        try:
            _handler = _open_handler(folder)
        except OSError:
            continue
        break
    root = logging.getLogger()
    _previous_level = root.level
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    if _handler is None:
        return None
    root.addHandler(_handler)
    if crash_dumps:
        _enable_crash_dumps(Path(_handler.baseFilename).parent / CRASH_FILE_NAME)
    return log_path()


def _enable_crash_dumps(path: Path) -> None:
    global _crash_file
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        _crash_file = path.open("a", encoding="utf-8")
        faulthandler.enable(_crash_file)


def log_path() -> Path | None:
    """Where the log is written now (None before ``setup_logging`` or when it failed)."""
    return Path(_handler.baseFilename) if _handler is not None else None


def shutdown_logging() -> None:
    """Detach and close the log file (tests; a new data folder)."""
    global _handler, _previous_level
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _previous_level is not None:
        root.setLevel(_previous_level)
        _previous_level = None
        logging.captureWarnings(False)


def flush_log() -> None:
    """Make what was logged so far reach the file (before showing its path to the user)."""
    if _handler is not None:
        _handler.flush()


__all__ = [
    "LOG_DIR_NAME",
    "LOG_FILE_NAME",
    "flush_log",
    "log_path",
    "setup_logging",
    "shutdown_logging",
]
