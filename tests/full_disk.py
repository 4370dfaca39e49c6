"""A disk that fills up: files opened for writing in one folder take only so many bytes, then
every write raises the system's own ``OSError(ENOSPC)`` (what a full USB stick does)."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOM = 4096  # bytes each file gets before the disk is full


class _FullDiskFile(io.FileIO):
    def write(self, data: Any) -> int:
        room = ROOM - self.tell()
        chunk = bytes(data)
        if room > 0:
            super().write(chunk[:room])
        if len(chunk) > max(room, 0):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(chunk)


@contextmanager
def full_disk(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """While inside, files opened in binary for writing under ``folder`` fill the disk."""
    real_open: Callable[..., Any] = io.open

    def open_on_full_disk(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        writing = any(m in mode for m in "wax+") and "b" in mode
        if writing and isinstance(file, (str, os.PathLike)) and _inside(Path(file), folder):
            return _FullDiskFile(file, mode.replace("b", "") + "b")
        return real_open(file, mode, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(io, "open", open_on_full_disk)
        yield


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().parent == folder.resolve()
