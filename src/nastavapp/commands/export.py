"""``nastavapp export``: documents to files. ``export roadmap`` writes the roadmap as PDF or xlsx;
``export report`` the year's report to the municipal centre as xlsx or PDF.

Each document is a nested subcommand with its own ``run_*`` function in ``_RUNNERS``; a new one
(e.g. ``export report``) is one more ``add_parser`` call and one more entry.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from . import fail
from .stats import _iso_date

NAME = "export"
ROADMAP = "roadmap"
REPORT = "report"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="выгрузить документ в файл (PDF, Excel)")
    documents = parser.add_subparsers(dest="document", metavar="ДОКУМЕНТ", required=True)
    roadmap = documents.add_parser(
        ROADMAP, help="план мероприятий (дорожная карта) в PDF или Excel (.xlsx)"
    )
    roadmap.add_argument("--db", type=Path, required=True, help="файл базы")
    roadmap.add_argument(
        "--out", type=Path, required=True, help="файл, куда сохранить: ….pdf или ….xlsx"
    )
    roadmap.add_argument("--year", default=None, help="учебный год, например 2025/2026")
    report = documents.add_parser(
        REPORT, help="отчёт в муниципальный центр в Excel (.xlsx) или PDF"
    )
    report.add_argument("--db", type=Path, required=True, help="файл базы")
    report.add_argument(
        "--out", type=Path, required=True, help="файл, куда сохранить: ….xlsx или ….pdf"
    )
    report.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        help="дата расчёта показателей ГГГГ-ММ-ДД (по умолчанию — сегодня)",
    )
    report.add_argument("--year", default=None, help="учебный год, например 2025/2026")
    report.add_argument(
        "--with-lists",
        action="store_true",
        help="добавить списки пар и участников (названы только давшие согласие на обработку "
        "персональных данных)",
    )


def run_roadmap(args: argparse.Namespace) -> int:
    from ..services.documents.errors import ExportError
    from ..services.documents.roadmap_export import ROADMAP_SUFFIXES, export_roadmap
    from ..store import open_store

    out: Path = args.out
    if out.suffix.lower() not in ROADMAP_SUFFIXES:
        return fail(
            f"файл «{out.name}»: дорожную карту можно сохранить только в PDF (.pdf) "
            "или в Excel (.xlsx).",
            code=2,
        )
    store = open_store(args.db, create=False)
    try:
        written = export_roadmap(store, out, args.year)
    except ExportError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(written)
    return 0


def run_report(args: argparse.Namespace) -> int:
    from ..services.documents.errors import ExportError
    from ..services.documents.report_export import REPORT_SUFFIXES, export_report
    from ..store import open_store

    out: Path = args.out
    if out.suffix.lower() not in REPORT_SUFFIXES:
        return fail(
            f"файл «{out.name}»: отчёт можно сохранить только в Excel (.xlsx) или в PDF (.pdf).",
            code=2,
        )
    store = open_store(args.db, create=False)
    try:
        written = export_report(store, out, args.date, args.year, with_lists=args.with_lists)
    except ExportError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(written)
    return 0


_RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    ROADMAP: run_roadmap,
    REPORT: run_report,
}


def run(args: argparse.Namespace) -> int:
    return _RUNNERS[args.document](args)
