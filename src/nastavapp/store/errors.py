"""Errors of the store, each with a message in Russian that can be shown to the user as is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .health import Health


class StoreError(Exception):
    """A data file cannot be opened or changed; ``str(error)`` is the Russian message."""


class NotADatabaseError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Файл «{path}» не является базой данных программы (или повреждён). "
            "Выберите другой файл или восстановите базу из резервной копии."
        )
        self.path = path


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"Файл «{path}» создан более новой версией программы (версия данных {found}, "
            f"эта программа понимает версии до {supported}). Файл не изменён. "
            "Установите новую версию программы, чтобы открыть его."
        )
        self.path = path
        self.found = found
        self.supported = supported


class MigrationError(StoreError):
    def __init__(self, path: Path, step: int, reason: str) -> None:
        super().__init__(
            f"Не удалось обновить файл «{path}» до версии данных {step}: {reason}. "
            "Файл оставлен в прежнем виде."
        )


class DamagedFileError(StoreError):
    """The data file failed the start-up check; it was not changed.

    ``health.offer`` is the newest good backup to propose (or None); ``restore_backup`` puts it
    back and keeps the damaged file aside, ``set_aside_damaged`` only moves the file away.
    """

    def __init__(self, health: Health) -> None:
        super().__init__(health.message)
        self.health = health
        self.path = health.path
