"""``nastavapp backup``: a verified copy of a data file (to a given file or its backups folder)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import fail

NAME = "backup"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="резервная копия базы")
    parser.add_argument("--db", type=Path, required=True, help="файл базы")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="файл копии (по умолчанию — в папку backups рядом с базой)",
    )


def run(args: argparse.Namespace) -> int:
    from ..store import BackupKind, HealthStatus, check_health, create_backup, read_summary
    from ..store.copy import write_copy

    db = Path(args.db).expanduser().resolve()
    if not db.is_file():
        return fail(f"Файл «{db}» не найден.")
    health = check_health(db, find_offer=False)
    if health.status in (HealthStatus.DAMAGED, HealthStatus.FOREIGN):
        return fail(health.message)
    if args.out is None:
        target = create_backup(db, BackupKind.MANUAL).path
    else:
        out = Path(args.out).expanduser()
        if out.is_dir():
            return fail(f"«{out}» — это папка: укажите имя файла копии.")
        target = write_copy(db, out)
    print(f"Копия записана: {target}\nВ ней: {read_summary(target).describe()}")
    return 0
