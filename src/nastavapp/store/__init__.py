"""The store: the one door to the SQLite data file (engine, sessions, migrations, backups)."""

from .backup import (
    BackupInfo,
    BackupKind,
    backup_before,
    backups_dir,
    create_backup,
    ensure_daily_backup,
    list_backups,
    newest_good_backup,
    rotate_backups,
    verify_backup,
)
from .database import Store, open_store, prepare_file
from .errors import (
    DamagedFileError,
    MigrationError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
)
from .fileinfo import FileSummary, read_summary
from .health import Health, HealthStatus, check_health, set_aside_damaged
from .migrate import LATEST_VERSION
from .netfs import is_network_path
from .oserrors import (
    AccessDeniedError,
    DiskFullError,
    DiskIOError,
    EnvironmentStoreError,
    FileLockedError,
    ReadOnlyError,
    UnavailableError,
)
from .paths import data_dir, default_db_path
from .restore import RestoreResult, restore_backup

__all__ = [
    "LATEST_VERSION",
    "AccessDeniedError",
    "BackupInfo",
    "BackupKind",
    "DamagedFileError",
    "DiskFullError",
    "DiskIOError",
    "EnvironmentStoreError",
    "FileLockedError",
    "FileSummary",
    "Health",
    "HealthStatus",
    "MigrationError",
    "NewerSchemaError",
    "NotADatabaseError",
    "ReadOnlyError",
    "RestoreResult",
    "Store",
    "StoreError",
    "UnavailableError",
    "backup_before",
    "backups_dir",
    "check_health",
    "create_backup",
    "data_dir",
    "default_db_path",
    "ensure_daily_backup",
    "is_network_path",
    "list_backups",
    "newest_good_backup",
    "open_store",
    "prepare_file",
    "read_summary",
    "restore_backup",
    "rotate_backups",
    "set_aside_damaged",
    "verify_backup",
]
