"""The command line: the same services as the program, headless (tests, scripts, municipal IT)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

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
]


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
    parser.add_argument("--version", action="version", version=f"nastavapp {__version__}")
    parser.add_argument("--db", type=Path, help="файл базы данных (по умолчанию — в папке данных)")
    commands = parser.add_subparsers(
        dest="command", metavar="КОМАНДА", parser_class=RussianArgumentParser
    )

    demo = commands.add_parser("demo", help="создать демонстрационную школу в отдельном файле")
    demo.add_argument("--db", type=Path, required=True, dest="db", help="новый файл базы")
    demo.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help="small — около 180 учеников; large — 2000 учеников, 600 пар",
    )
    demo.add_argument("--seed", type=int, default=None, help="другая, но воспроизводимая школа")

    stats = commands.add_parser("stats", help="показатели базы")
    stats.add_argument("--db", type=Path, required=True, dest="db", help="файл базы")
    stats.add_argument("--json", action="store_true", help="вывести один объект JSON")
    stats.add_argument("--year", default=None, help="учебный год, например 2025/2026")
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"Ошибка: {message}", file=sys.stderr)
    return code


def _run_demo(args: argparse.Namespace) -> int:
    from .services.demo import DemoError, create_demo

    try:
        summary = create_demo(args.db, size=args.size, seed=args.seed)
    except DemoError as exc:
        return _fail(str(exc))
    print(
        f"Демонстрационная школа создана: {summary.path}\n"
        f"Обучающихся: {summary.students}, педагогов: {summary.teachers}, "
        f"внешних наставников: {summary.external}, пар и групп: {summary.groups}."
    )
    return 0


def _run_stats(args: argparse.Namespace) -> int:
    from .services.stats import collect_stats
    from .store import open_store

    store = open_store(args.db, create=False)
    try:
        figures = collect_stats(store, args.year)
    except LookupError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    persons = figures["persons"]
    print(
        f"Школа: {figures['school'] or '—'}\n"
        f"Учебный год: {figures['year'] or '—'}\n"
        f"Обучающихся: {persons['students']}, педагогов: {persons['teachers']}, "
        f"внешних: {persons['external']}\n"
        f"Наставников: {figures['mentors']}, наставляемых: {figures['mentees']}, "
        f"пар и групп: {figures['groups']}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nastavapp``: no command starts the program, a command runs headless."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .ui.app import run_gui

        return run_gui(args.db)
    from .store import StoreError

    handlers = {"demo": _run_demo, "stats": _run_stats}
    try:
        return handlers[args.command](args)
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.strerror or exc} ({exc.filename or ''})")
