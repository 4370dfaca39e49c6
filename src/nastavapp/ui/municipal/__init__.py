"""«Муниципальный центр»: the coordinator's mode of the program (the municipal summary).

``open_municipal_window(path)`` opens (creating if needed) the municipal data file — separate
from any school's — and shows :class:`MunicipalWindow` over it; the window closes the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .window import MunicipalWindow

if TYPE_CHECKING:
    from ..settings import UiSettings

__all__ = ["MunicipalWindow", "open_municipal_window", "run_municipal_gui"]


def open_municipal_window(
    path: Path | None = None, today: date | None = None, settings: UiSettings | None = None
) -> MunicipalWindow:
    """Open the municipal file (default: ``municipal.sqlite`` in the data folder) and show its
    window; asks for the centre's name and municipality when they are not filled in yet.

    Raises:
        CentreError: ``path`` is a school's database.
        StoreError: the file cannot be opened (damaged, newer, locked …).
    """
    from ...services.consolidation.centre import municipal_db_path, open_municipal_store

    store = open_municipal_store(path or municipal_db_path())
    window = MunicipalWindow(store, today=today, settings=settings)
    window.showMaximized()  # sixteen columns of figures: they fit from a 1366 px screen up
    return window


def run_municipal_gui(path: Path | None = None) -> int:
    """The municipal mode alone (``python -m nastavapp.ui.municipal [FILE]``)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from ...services.consolidation.centre import CentreError
    from ...store import StoreError
    from .. import messages
    from ..app import install_russian

    app = QApplication.instance() or QApplication(sys.argv)
    install_russian(app)
    try:
        window = open_municipal_window(path)
    except (CentreError, StoreError) as exc:
        messages.error(None, str(exc))
        return 1
    window.raise_()
    return int(app.exec())
