"""``nastavapp stats``: the main figures of a data file, for people or as JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from . import fail

NAME = "stats"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="показатели базы")
    parser.add_argument("--db", type=Path, required=True, help="файл базы")
    parser.add_argument("--json", action="store_true", help="вывести один объект JSON")
    parser.add_argument("--year", default=None, help="учебный год, например 2025/2026")
    parser.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        help="дата расчёта показателей ГГГГ-ММ-ДД (по умолчанию — сегодня)",
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"дата «{text}» записана неверно: нужно ГГГГ-ММ-ДД, например 2026-05-20"
        ) from None


def run(args: argparse.Namespace) -> int:
    from ..services.stats import collect_stats
    from ..store import open_store

    store = open_store(args.db, create=False)
    try:
        figures = collect_stats(store, args.year, today=args.date)
    except LookupError as exc:
        return fail(str(exc))
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
