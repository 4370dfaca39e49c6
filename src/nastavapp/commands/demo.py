"""``nastavapp demo``: a demonstration school in a new file."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import fail

NAME = "demo"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="создать демонстрационную школу в отдельном файле")
    parser.add_argument("--db", type=Path, required=True, help="новый файл базы")
    parser.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help="small — около 180 учеников; large — 2000 учеников, 600 пар",
    )
    parser.add_argument("--seed", type=int, default=None, help="другая, но воспроизводимая школа")


def run(args: argparse.Namespace) -> int:
    from ..services.demo import DemoError, create_demo

    try:
        summary = create_demo(args.db, size=args.size, seed=args.seed)
    except DemoError as exc:
        return fail(str(exc))
    print(
        f"Демонстрационная школа создана: {summary.path}\n"
        f"Обучающихся: {summary.students}, педагогов: {summary.teachers}, "
        f"внешних наставников: {summary.external}, пар и групп: {summary.groups}."
    )
    return 0
