"""The store: the one door to the SQLite data file (engine, sessions, migrations)."""

from .database import Store, open_store, prepare_file
from .errors import MigrationError, NewerSchemaError, NotADatabaseError, StoreError
from .migrate import LATEST_VERSION
from .paths import data_dir, default_db_path

__all__ = [
    "LATEST_VERSION",
    "MigrationError",
    "NewerSchemaError",
    "NotADatabaseError",
    "Store",
    "StoreError",
    "data_dir",
    "default_db_path",
    "open_store",
    "prepare_file",
]
