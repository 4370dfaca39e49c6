"""Where the data lives: the user's data folder, overridable by NASTAVAPP_HOME."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "NASTAVAPP_HOME"
DEFAULT_DB_NAME = "nastavapp.sqlite"


def data_dir() -> Path:
    """The data folder (created if missing): $NASTAVAPP_HOME, else platformdirs' user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("nastavapp", appauthor=False, roaming=True))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME
