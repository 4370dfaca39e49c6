"""The command line: the same services as the program, headless (tests, scripts, municipal IT)."""

from __future__ import annotations

import argparse
import importlib
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from . import __version__
from .commands import COMMAND_MODULES, fail

# argparse speaks English; the few messages a user can meet are said again in Russian.
_ARGPARSE_RU = [
    (r"the following arguments are required: (.*)", r"не указаны обязательные параметры: \1"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"параметр \1: недопустимое значение \2 (допустимо: \3)",
    ),
    (r"argument (\S+): invalid int value: (.*)", r"параметр \1: ожидается целое число, а не \2"),
    (r"argument (\S+): expected one argument", r"параметр \1: нужно указать значение"),
    (r"unrecognized arguments: (.*)", r"неизвестные параметры: \1"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"неизвестная команда \1 (допустимо: \2)"),
    (r"argument (\S+): (.*)", r"параметр \1: \2"),  # our own Russian reasons (dates …)
]


# argparse's own words in the help («usage:», «options» …), asked through its module-level ``_``
# (gettext) each time a help is written: said in Russian too.
_ARGPARSE_WORDS = {
    "usage: ": "Запуск: ",
    "positional arguments": "команды и параметры",
    "options": "ключи",
    "show this help message and exit": "показать эту справку и выйти",
}


def _russian_words(text: str) -> str:
    return _ARGPARSE_WORDS.get(text, text)


setattr(argparse, "_", _russian_words)  # noqa: B010 - not a public attribute of argparse


class RussianArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_RU:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"Ошибка: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = RussianArgumentParser(
        prog="nastavapp",
        description="Наставничество в школе: целевая модель наставничества на одном компьютере.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"nastavapp {__version__}",
        help="показать версию программы и выйти",
    )
    parser.add_argument("--db", type=Path, help="файл базы данных (по умолчанию — в папке данных)")
    # hidden: checks a built program (scripts/build.sh); see nastavapp.ui.smoke
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    # hidden: benchmarks/bench_startup.py times the real start and needs it to end by itself
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(
        dest="command", metavar="КОМАНДА", parser_class=RussianArgumentParser
    )
    for module in _command_modules():
        module.register(commands)
    return parser


def _command_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nastavapp``: no command starts the program, a command runs headless."""
    args = build_parser().parse_args(argv)
    if args.smoke:
        from .ui.smoke import run as run_smoke

        return run_smoke()
    if args.command is None:
        # Once PySide6 is loaded it reads the source of every module imported after it (its
        # «__feature__» import hook), a third more for SQLAlchemy: the data layer comes first,
        # then the scan is turned off for the program's Qt modules. A built program has Qt
        # loaded already (PyInstaller's run-time hook): there the scan goes off at once.
        from .collector_pause import pause_collector
        from .ui.feature_hook import skip_source_scan

        pause_collector()  # resumed by run_gui once the window is up

        qt_loaded = "PySide6.QtCore" in sys.modules
        if qt_loaded:
            skip_source_scan()
        from . import models, store  # noqa: F401

        if not qt_loaded:
            skip_source_scan()
        from .ui.app import run_gui

        return run_gui(args.db, exit_when_ready=args.exit_when_ready)
    import sqlalchemy as sa

    from .store import StoreError
    from .store.oserrors import os_error_reason

    handlers = {module.NAME: module.run for module in _command_modules()}
    try:
        return int(handlers[args.command](args))
    except StoreError as exc:
        return fail(str(exc))
    except OSError as exc:
        reason = os_error_reason(exc)
        if exc.filename:
            return fail(f"не удалось открыть или записать «{exc.filename}»: {reason}")
        return fail(reason)
    except (sa.exc.DBAPIError, sqlite3.DatabaseError) as exc:
        if _misused(exc):
            raise  # a bug of the program, not of the file
        return fail(database_failure(exc, getattr(args, "db", None)))


def _misused(exc: BaseException) -> bool:
    """SQL the program got wrong (bad parameters, a closed connection): a bug, told as one."""
    inner = getattr(exc, "orig", None) or exc
    return isinstance(inner, (sqlite3.ProgrammingError, sqlite3.InterfaceError))


def database_failure(exc: BaseException, db: Path | None) -> str:
    """The Russian words for a database error met while a command ran.

    Read-only, locked or full are said as for any edit; anything else means the file passed
    the start-up check but lacks what the program needs (a table, a column): damaged, or
    made by another program.
    """
    from .store.oserrors import classify, database_reason

    where = f"«{db}»" if db is not None else "базы"
    if classify(exc) is not None:
        return f"не удалось прочитать или изменить файл {where}: {database_reason(exc)}"
    return (
        f"файл {where} повреждён или создан другой программой: в нём нет данных, нужных "
        "программе. Восстановите базу из более ранней резервной копии (в программе: "
        "«Файл → Резервные копии»)."
    )
