"""The controller's part for the «Муниципальный центр» mode: the coordinator's window on its
own data file, opened from the menu, from the first-run wizard, or by opening such a file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import StoreError
from . import messages
from .single_instance import InstanceGuard

if TYPE_CHECKING:
    from datetime import date

    from .main_window import MainWindow
    from .municipal.window import MunicipalWindow
    from .settings import UiSettings

log = logging.getLogger(__name__)


class MunicipalMode:
    """Mixed into AppController, which provides settings, today, window, the lock helpers."""

    if TYPE_CHECKING:
        settings: UiSettings
        today: date
        window: MainWindow | None

        def _guard_for(self, path: Path) -> InstanceGuard | None: ...
        def _drop(self, guard: InstanceGuard) -> None: ...

    def __init__(self) -> None:
        self.municipal_window: MunicipalWindow | None = None
        self.municipal_guard: InstanceGuard | None = None

    def open_municipal(self, path: Path | None = None) -> bool:
        """Open the municipal file (default: «municipal.sqlite» in the data folder)."""
        from ..services.consolidation.centre import municipal_db_path

        path = Path(path or municipal_db_path()).expanduser().resolve()
        guard = self._guard_for(path)
        if guard is None:
            return False
        return self._open_municipal_locked(path, guard)

    def _open_municipal_locked(self, path: Path, guard: InstanceGuard) -> bool:
        from ..services.consolidation.centre import CentreError
        from .municipal import open_municipal_window

        try:
            window = open_municipal_window(
                path,
                today=self.today,
                settings=self.settings,
            )
        except (CentreError, StoreError) as exc:
            log.warning("Муниципальный файл %s не открыт: %s", path, exc)
            self._drop(guard)
            messages.error(self.window, str(exc))
            return False
        if self.municipal_window is not None:
            self.municipal_window.close()
        self.municipal_window, self.municipal_guard = window, guard
        window.closed.connect(guard.release)
        self.settings.set_last_database(path)
        return True
