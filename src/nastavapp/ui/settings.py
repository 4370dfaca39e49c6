"""Window and session preferences, kept in an ini file inside the data folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..store import data_dir


class UiSettings:
    """Remembered geometry, last screen and last database (per data folder, so tests stay apart)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or data_dir() / "settings.ini"
        self._settings = QSettings(str(self._path), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def navigation_width(self) -> int | None:
        """The width the curator dragged the navigation column to (None: never dragged)."""
        value = str(self._settings.value("window/navigation_width", "") or "")
        return int(value) if value.isdigit() and int(value) > 0 else None

    def set_navigation_width(self, width: int) -> None:
        self._settings.setValue("window/navigation_width", width)

    def last_screen(self) -> str:
        return str(self._settings.value("window/last_screen", "") or "")

    def set_last_screen(self, key: str) -> None:
        self._settings.setValue("window/last_screen", key)

    def last_database(self) -> Path | None:
        value = self._settings.value("data/last_database", "")
        return Path(str(value)) if value else None

    def set_last_database(self, path: Path) -> None:
        self._settings.setValue("data/last_database", str(path))

    def hidden_columns(self, table: str) -> list[str]:
        """The keys of the columns the user hid in the table ``table`` (none at first)."""
        value = self._settings.value(f"columns/{table}_hidden", "")
        if isinstance(value, list):  # a list (the ini file edited by hand)
            return [str(key) for key in value if key]
        return [key for key in str(value or "").split(";") if key]

    def set_hidden_columns(self, table: str, keys: Iterable[str]) -> None:
        self._settings.setValue(f"columns/{table}_hidden", ";".join(keys))

    def dialog_size(self, name: str) -> tuple[int, int] | None:
        """The size the curator left the dialog ``name`` at, if she changed it once."""
        value = str(self._settings.value(f"dialogs/{name}", "") or "")
        width, _x, height = value.partition("x")
        if not (width.isdigit() and height.isdigit()):
            return None  # never saved, or the ini file edited by hand
        return int(width), int(height)

    def set_dialog_size(self, name: str, width: int, height: int) -> None:
        self._settings.setValue(f"dialogs/{name}", f"{width}x{height}")

    def sync(self) -> None:
        self._settings.sync()
