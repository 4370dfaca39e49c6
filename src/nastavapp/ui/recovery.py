"""The controller's data-safety actions: the backups list, restoring, the damaged-file offer.

A mixin of ``AppController`` (it shares the open store, its lock and the window). A restore
closes the data file, puts the backup in place (``restore_backup`` keeps the replaced state
as a «before-restore» backup or sets a damaged file aside) and reopens it: the window reloads.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import (
    BackupInfo,
    Health,
    RestoreResult,
    StoreError,
    restore_backup,
    set_aside_damaged,
)
from . import messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..store import Store
    from .backups_dialog import BackupsDialog
    from .main_window import MainWindow
    from .recovery_dialog import RecoveryDialog
    from .single_instance import InstanceGuard

log = logging.getLogger("nastavapp.recovery")


class RecoveryActions:
    """Backups and recovery for ``AppController`` (see there for the shared attributes)."""

    if TYPE_CHECKING:
        store: Store | None
        guard: InstanceGuard | None
        window: MainWindow | None

        def _open_locked(self, path: Path, guard: InstanceGuard, *, at_start: bool) -> bool: ...
        def _adopt(self, store: Store, guard: InstanceGuard) -> None: ...
        def _drop(self, guard: InstanceGuard) -> None: ...
        def front_widget(self) -> QWidget | None: ...
        def quit(self) -> None: ...

    def __init__(self) -> None:
        self.recovery: RecoveryDialog | None = None
        self.backups_dialog: BackupsDialog | None = None

    # «Файл → Резервные копии» -----------------------------------------------------------------
    def show_backups(self) -> None:
        if self.store is None or self.window is None:
            return
        from .backups_dialog import BackupsDialog  # dialogs load when first needed

        dialog = BackupsDialog(self.store.path, self.window)
        dialog.restoreRequested.connect(self.restore_from_backup)
        self.backups_dialog = dialog
        dialog.open()

    def restore_from_backup(self, backup: BackupInfo) -> bool:
        """Put ``backup`` back in place of the open file (the user has agreed); reload."""
        if self.store is None or self.guard is None:
            return False
        path = self.store.path
        self.store.close()  # restore_backup needs the file closed; the lock stays ours
        try:
            result = restore_backup(path, backup)
        except StoreError as exc:
            log.warning("Восстановление %s из %s не выполнено: %s", path, backup.path, exc)
            messages.error(self.backups_dialog or self.window, str(exc))
            return False  # the file is as it was; the store reconnects on its next use
        log.info("База %s восстановлена из %s", path, backup.path)
        if self.backups_dialog is not None:
            self.backups_dialog.close()
            self.backups_dialog.deleteLater()
            self.backups_dialog = None
        self._reopen_restored(path, result)
        return True

    def _reopen_restored(self, path: Path, result: RestoreResult) -> None:
        assert self.guard is not None
        if not self._open_locked(path, self.guard, at_start=False):
            return
        if self.store is None or self.store.path != path:
            return  # it went to the recovery offer instead
        messages.info(self.front_widget(), restored_text(result))

    # the damaged file ---------------------------------------------------------------------------
    def offer_recovery(self, health: Health, guard: InstanceGuard, *, at_start: bool) -> None:
        """Show what to do with a damaged file (at start: restore, start afresh or quit)."""
        from .recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(health, self.window, at_start=at_start)
        dialog.finished.connect(lambda _code: self._recovery_chosen(dialog, guard, at_start))
        self.recovery = dialog
        dialog.open()

    def _recovery_chosen(
        self, dialog: RecoveryDialog, guard: InstanceGuard, at_start: bool
    ) -> None:
        if self.recovery is dialog:
            self.recovery = None
        from .recovery_dialog import RecoveryChoice

        dialog.deleteLater()
        health, choice = dialog.health, dialog.choice or RecoveryChoice.LEAVE
        path = health.path
        if choice is RecoveryChoice.LEAVE:
            log.info("Повреждённый файл %s оставлен как есть", path)
            self._drop(guard)
            if self.window is None:
                self.quit()
            return
        try:
            if choice is RecoveryChoice.SET_ASIDE:
                aside = set_aside_damaged(path) if path.exists() else None
                log.warning("Повреждённый файл %s отложен как %s", path, aside)
                if aside is not None:
                    messages.info(self.front_widget(), set_aside_text(aside))
                self._open_locked(path, guard, at_start=at_start)
                return
            source = (
                health.offer.path if choice is RecoveryChoice.RESTORE and health.offer else None
            )
            if source is None:
                source = messages.open_file(
                    self.window, "Восстановить из копии", path.parent, messages.DB_FILTER
                )
                if source is None:  # the user changed their mind: ask again
                    self.offer_recovery(health, guard, at_start=at_start)
                    return
            result = restore_backup(path, source)
        except StoreError as exc:
            log.warning("Восстановление %s не выполнено: %s", path, exc)
            messages.error(self.front_widget(), str(exc))
            self.offer_recovery(health, guard, at_start=at_start)
            return
        log.warning("Повреждённый файл %s восстановлен из %s", path, result.restored.path)
        if self._open_locked(path, guard, at_start=at_start) and self._is_open(path):
            messages.info(self.front_widget(), restored_text(result))

    def _is_open(self, path: Path) -> bool:
        return self.store is not None and self.store.path == path


def restored_text(result: RestoreResult) -> str:
    """What the user is told after a restore: from when, and where the replaced state is."""
    text = (
        f"База восстановлена из резервной копии от {result.restored.created:%d.%m.%Y %H:%M}. "
        "Изменения, внесённые после этого времени, нужно внести заново."
    )
    if result.previous is None:
        return text
    if result.previous_damaged:
        return (
            f"{text}\n\nПовреждённый файл не удалён, он сохранён в той же папке под именем:\n"
            f"{result.previous.name}"
        )
    return (
        f"{text}\n\nСостояние базы перед восстановлением сохранено как резервная копия — "
        "к нему можно вернуться через «Файл → Резервные копии»:\n"
        f"{result.previous.name}"
    )


def set_aside_text(aside: Path) -> str:
    return (
        "Повреждённый файл не удалён: он сохранён в той же папке под именем\n"
        f"{aside.name}\n\n"
        "Сейчас программа создаст новую базу и запустит мастер первого запуска."
    )


__all__ = ["RecoveryActions", "restored_text", "set_aside_text"]
