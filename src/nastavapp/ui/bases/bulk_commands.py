"""«Удалить» with many rows selected: one confirmation, one transaction, one undo.

The service call runs off the GUI thread (``progress_run.ProgressRun``); its progress window
appears only if it takes longer than a moment (hundreds of people on a slow computer). While it
runs the screen's commands are off. The outcome comes back by signals: the screen reads again,
shows the undo bar or the Russian message, and emits ``bulkFinished``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ...models.vocab import Role
from ...services.bulk_deletion import (
    BatchSnapshot,
    DeletionCancelled,
    batch_impact,
    delete_persons,
    restore_persons,
    unmark_impact,
    unmark_persons,
)
from ...services.bulk_text import BASES_GENITIVE
from ...services.deletion import DeletionError
from ...services.roles import RoleError
from .. import messages
from ..background_task import CancelCheck, Job, Progress
from ..progress_run import ProgressRun

if TYPE_CHECKING:
    from ...services.bases_rows import BaseRow
    from .screen import BasesScreen


class BulkCommands:
    """Deleting people, taking them out of a base, and the undo, for several rows at once."""

    def __init__(self, screen: BasesScreen) -> None:
        self.screen = screen
        self.store = screen.store
        self.run: ProgressRun | None = None

    def delete(self, rows: Sequence[BaseRow]) -> None:
        ids = [row.id for row in rows]
        try:
            impact = batch_impact(self.store, ids)
        except DeletionError as exc:
            messages.error(self.screen, str(exc))
            return
        if not messages.confirm(self.screen, impact.text()):
            return
        store = self.store

        def job(progress: Progress, cancelled: CancelCheck) -> BatchSnapshot:
            return delete_persons(store, ids, progress=progress, cancelled=cancelled)

        self._start(
            f"Удаление из базы: {len(ids)} чел. Подождите…",
            len(ids),
            "Прервать удаление",
            job,
            lambda n: f"Удалено из базы: {n} чел.",
        )

    def take_out(self, rows: Sequence[BaseRow], role: Role) -> None:
        year = self.screen.year
        if year is None or year.id is None:
            return
        ids, year_id = [row.id for row in rows], year.id
        try:
            impact = unmark_impact(self.store, ids, year_id, role)
        except (RoleError, DeletionError) as exc:
            messages.error(self.screen, str(exc))
            return
        if not messages.confirm(self.screen, impact.unmark_text(role)):
            return
        store = self.store

        def job(progress: Progress, cancelled: CancelCheck) -> BatchSnapshot:
            return unmark_persons(store, ids, year_id, role, progress=progress, cancelled=cancelled)

        self._start(
            f"Исключение из {BASES_GENITIVE[role]}: {len(ids)} чел. Подождите…",
            len(ids),
            "Прервать",
            job,
            lambda n: f"Исключено из {BASES_GENITIVE[role]}: {n} чел.",
        )

    def restore(self, snapshot: BatchSnapshot) -> None:
        """Undo one batch: everyone back, in one transaction; they come back selected."""
        store, count = self.store, len(snapshot.names)

        def job(progress: Progress, _cancelled: CancelCheck) -> BatchSnapshot:
            restore_persons(store, snapshot, progress=progress)
            return snapshot

        self._start(f"Возвращение удалённого: {count} чел. Подождите…", count, None, job, None)

    # the run ------------------------------------------------------------------------------------
    def _start(
        self,
        label: str,
        total: int,
        cancel_text: str | None,
        job: Job,
        undo_text: Callable[[int], str] | None,
    ) -> None:
        """Run ``job``; a batch deleted offers its undo (``undo_text``), a batch restored not."""
        screen = self.screen
        run = ProgressRun(label, total, cancel_text, screen)
        self.run = run
        screen.set_busy(True)

        def done(result: object) -> None:
            self._finish()
            assert isinstance(result, BatchSnapshot)
            screen.forget_undo()
            if undo_text is None:  # an undo: the people come back selected
                screen.changed(result.person_ids)
            else:
                screen.changed()
                screen.remember_undo(result, undo_text(len(result.names)))
            screen.bulkFinished.emit()

        def failed(message: str) -> None:
            self._finish()
            if undo_text is None:
                screen.forget_undo()
            messages.error(screen, message)
            screen.bulkFinished.emit()

        def cancelled() -> None:
            self._finish()
            messages.info(screen, "Удаление прервано: ничего не изменено.")
            screen.bulkFinished.emit()

        run.signals.succeeded.connect(done)
        run.signals.failed.connect(failed)
        run.signals.cancelled.connect(cancelled)
        run.start(job, expected=(DeletionError, RoleError), cancelled_error=DeletionCancelled)

    def _finish(self) -> None:
        if self.run is not None:
            self.run.finish()
            self.run = None
        self.screen.set_busy(False)
