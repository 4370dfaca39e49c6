"""``nastavapp consolidate``: the municipal summary from the schools' report files.

Prints every file taken or skipped (with the reason) and the totals; writes the summary as
xlsx or as the PDF «Аналитическая справка». The exit code is not zero only when no report could
be read (or the summary could not be written).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import fail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..services.consolidation.report import SchoolReport
    from ..services.consolidation.summary import Summary

NAME = "consolidate"
SUFFIXES = (".xlsx", ".pdf")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="сводка отчётов школ для муниципального центра")
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="ФАЙЛ_ИЛИ_ПАПКА",
        help="отчёты школ (.xlsx) или папки",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="файл сводки: СВОДКА.xlsx или СПРАВКА.pdf"
    )
    parser.add_argument("--year", default=None, help="учебный год сводки, например 2025/2026")
    parser.add_argument(
        "--db",
        dest="municipal_db",
        type=Path,
        default=None,
        help="база муниципального центра: принятые отчёты сохраняются в ней",
    )


def _school_line(report: SchoolReport) -> str:
    return f"{report.name}, {report.year}"


def _print_totals(summary: Summary) -> None:
    from ..services.consolidation.figures import TARGETED, share_text
    from ..services.consolidation.texts import received_text

    shares = "; ".join(
        f"{spec.short.removesuffix(', %').lower()} — {share_text(summary.totals.share(spec.key))}"
        for spec in TARGETED
    )
    print(f"Сводка за {summary.year} учебный год. {received_text(summary)}.")
    if summary.rows:
        print(f"По муниципалитету: {shares}.")
    if summary.missing:
        names = ", ".join(s.short_name or s.full_name for s in summary.missing)
        print(f"Не прислали отчёт ({len(summary.missing)}): {names}.")


def run(args: argparse.Namespace) -> int:
    from ..services.consolidation.reading import read_reports
    from ..services.years import YearError, parse_year_title

    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        return fail(f"сводку можно сохранить в Excel (.xlsx) или в PDF (.pdf), а не «{out.name}».")
    if any(out.resolve() == Path(p).resolve() for p in args.paths):
        return fail(f"«{out.name}» — один из отчётов школ: сводку сохраните в другой файл.")
    year = None
    if args.year is not None:
        try:
            year = parse_year_title(args.year)[0]
        except YearError as exc:
            return fail(str(exc))
    result = read_reports(args.paths)
    for skipped in result.skipped:
        print(f"Пропущен: {skipped.line()}")
    if not result.reports:
        return fail("не удалось прочитать ни одного отчёта школы.")
    db = args.municipal_db or getattr(args, "db", None)
    summary = _with_store(db, result.reports, year) if db else _without_store(result.reports, year)
    if summary is None:
        return 1
    _print_totals(summary)
    return _write(summary, out)


def _print_taken(
    taken: list[SchoolReport],
    not_added: list[tuple[str, str]],
    outdated: list[tuple[SchoolReport, SchoolReport]],
    replaced: Sequence[SchoolReport] = (),
) -> None:
    for report in taken:
        print(f"Принят: {report.source} — {_school_line(report)}")
    for report in replaced:
        print(f"Принят взамен прежнего: {report.source} — {_school_line(report)}")
    for older, newer in outdated:
        print(
            f"Заменён более новым: {older.source} — {_school_line(older)} (новее: {newer.source})"
        )
    for name, reason in not_added:
        print(f"Пропущен: {name}: {reason}")


def _pick_year(reports: list[SchoolReport], year: str | None) -> str:
    return year or max(report.year for report in reports)


def _outside(reports: list[SchoolReport], year: str) -> None:
    from ..services.consolidation.store_reports import previous_year

    for report in reports:
        if report.year not in (year, previous_year(year)):
            print(
                f"Не вошёл в сводку: {report.source} — отчёт за {report.year} учебный год, "
                f"а сводка за {year}"
            )


def _without_store(reports: list[SchoolReport], year: str | None) -> Summary:
    from ..services.consolidation.store_reports import one_level, previous_year
    from ..services.consolidation.summary import build_summary, latest_per_school

    same_level, mixed = one_level(reports)
    kept, outdated = latest_per_school(same_level)
    _print_taken(kept, [(s.name, s.reason) for s in mixed], outdated)
    chosen = _pick_year(kept, year)
    _outside(kept, chosen)
    return build_summary(
        kept,
        chosen,
        previous_reports=[r for r in kept if r.year == previous_year(chosen)],
        made_on=date.today(),
    )


def _with_store(db: Path, reports: list[SchoolReport], year: str | None) -> Summary | None:
    from ..services.consolidation.centre import CentreError, open_municipal_store
    from ..services.consolidation.store_reports import add_reports
    from ..services.consolidation.summary import summary_from_store
    from ..store import StoreError

    try:
        store = open_municipal_store(db)
    except (CentreError, StoreError) as exc:
        fail(str(exc))
        return None
    try:
        added = add_reports(store, reports, replace=True)
        _print_taken(
            added.added,
            [(s.name, s.reason) for s in added.not_added],
            added.outdated,
            added.replaced,
        )
        chosen = _pick_year(reports, year)
        _outside(added.taken, chosen)
        return summary_from_store(store, chosen, made_on=date.today())
    finally:
        store.close()


def _write(summary: Summary, out: Path) -> int:
    from ..services.documents.errors import ExportError

    try:
        if out.suffix.lower() == ".pdf":
            from ..services.consolidation.summary_pdf import export_summary_pdf

            written = export_summary_pdf(summary, out)
        else:
            from ..services.consolidation.summary_xlsx import export_summary_xlsx

            written = export_summary_xlsx(summary, out)
    except ExportError as exc:
        return fail(str(exc))
    print(f"Сводка сохранена: {written}")
    return 0
