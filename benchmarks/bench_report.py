"""The report to the municipal centre for the large demo school (2,000 pupils), with the lists.

Goals: the xlsx in ≤ 1.3 × the time raw openpyxl needs to write the same cells; the PDF in
≤ 1.3 × the time raw reportlab needs for the same list table. The raw floors are measured in the
same run, interleaved with ours, and every figure is the median of several runs:

- xlsx raw: a plain ``Workbook``, every sheet's cell values (read back from our own file)
  written with ``append``, no styles;
- PDF raw: ``SimpleDocTemplate`` (A4 landscape) with two bare ``LongTable``s of the annexes'
  cells (same font, size, grid and column widths), no charts, no summary, no page numbers.

Ours is timed twice: rendering the content already read (what the goal compares), and the whole
``export_report`` call (reading the data file, rendering, writing beside the target and renaming).

Run: python benchmarks/bench_report.py [--runs 7]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import large_school as ls

from nastavapp.services.demo import create_demo
from nastavapp.services.documents.report_content import ReportContent, build_report_content
from nastavapp.services.documents.report_export import export_report
from nastavapp.services.documents.report_pdf import (
    LIST_SIZE,
    PAIR_HEAD,
    PAIR_WIDTHS_MM,
    PEOPLE_HEAD,
    PEOPLE_WIDTHS_MM,
    pair_cells,
    people_cells,
    write_report_pdf,
)
from nastavapp.services.documents.report_xlsx import write_report_xlsx
from nastavapp.store import open_store

TODAY = date(2025, 11, 20)
GOAL = 1.3


def sheet_values(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values, row by row (rich text as its plain text)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        found[sheet.title] = [
            [str(v) if v is not None and not isinstance(v, (int, float, str)) else v for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    return found


def raw_xlsx(values: dict[str, list[list[Any]]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in values.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def raw_pdf(content: ReportContent, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from nastavapp.services.documents.fonts import document_font
    from nastavapp.services.documents.roadmap_pdf import MM

    font = document_font()
    assert content.lists is not None
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font.regular),
        ("FONTSIZE", (0, 0), (-1, -1), LIST_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    tables = []
    for head, rows, widths in (
        (PAIR_HEAD, pair_cells(content.lists), PAIR_WIDTHS_MM),
        (PEOPLE_HEAD, people_cells(content.lists), PEOPLE_WIDTHS_MM),
    ):
        data = [list(head)] + [[str(v) for v in row] for row in rows]
        tables.append(
            LongTable(data, colWidths=[w * MM for w in widths], repeatRows=1, style=style)
        )
    document = SimpleDocTemplate(str(path), pagesize=landscape(A4), initialFontName=font.regular)
    document.build(tables)


def median_time(runs: int, *jobs: Callable[[], object]) -> list[float]:
    """Each job run ``runs`` times, interleaved (a, b, a, b …), so that a busy spell of the
    machine falls on both; the median of each. As ``timeit`` does, the garbage collector is
    collected before and kept off during each timed call."""
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for index, job in enumerate(jobs):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                job()
                times[index].append(time.perf_counter() - start)
            finally:
                gc.enable()
    return [statistics.median(t) for t in times]


def verdict(ratio: float) -> str:
    return "goal met" if ratio <= GOAL else "GOAL MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = root / "large.sqlite"
        create_demo(db, today=TODAY, size="large")
        store = open_store(db, create=False)
        now = datetime(2025, 11, 22, 10, 0)
        (read,) = median_time(
            3, lambda: build_report_content(store, TODAY, with_lists=True, now=now)
        )
        content = build_report_content(store, TODAY, with_lists=True, now=now)
        assert content.lists is not None
        rows = len(content.lists.pairs) + len(content.lists.participants)

        ours_x, ours_p = root / "ours.xlsx", root / "ours.pdf"
        write_report_xlsx(content, ours_x)  # warm-up: imports, fonts
        write_report_pdf(content, ours_p)
        raw_pdf(content, root / "raw.pdf")
        values = sheet_values(ours_x)
        cells = sum(len(r) for rows_ in values.values() for r in rows_)

        raw_x_time, ours_x_time, export_x_time = median_time(
            args.runs,
            lambda: raw_xlsx(values, root / "raw.xlsx"),
            lambda: write_report_xlsx(content, ours_x),
            lambda: export_report(store, root / "export.xlsx", TODAY, with_lists=True),
        )
        raw_p_time, ours_p_time, export_p_time = median_time(
            args.runs,
            lambda: raw_pdf(content, root / "raw.pdf"),
            lambda: write_report_pdf(content, ours_p),
            lambda: export_report(store, root / "export.pdf", TODAY, with_lists=True),
        )
        store.close()
        from pypdf import PdfReader

        pages = len(PdfReader(ours_p).pages)

    print(
        f"report of the large demo school with lists: {len(content.lists.pairs)} pairs and "
        f"groups, {len(content.lists.participants)} named participants ({rows} list rows); "
        f"median of {args.runs} runs; reading the data file {read:.3f} s"
    )
    header = f"{'':6}{'raw floor':>11}{'ours':>9}{'ratio':>8}   {'goal':<8}{'whole export':>14}"
    print(header)
    for name, raw, ours, whole, extra in (
        ("xlsx", raw_x_time, ours_x_time, export_x_time, f"{cells} cells"),
        ("pdf", raw_p_time, ours_p_time, export_p_time, f"{pages} pages"),
    ):
        ratio = ours / raw
        print(
            f"{name:6}{raw:>9.3f} s{ours:>7.3f} s{ratio:>8.2f}   ≤ {GOAL:<6}{whole:>12.3f} s"
            f"   {verdict(ratio)}; {extra}"
        )
        ls.result(
            f"report {name} of the large school vs raw {'openpyxl' if name == 'xlsx' else 'reportlab'}",
            f"{ours:.2f} s vs {raw:.2f} s = {ratio:.2f}× ({extra}; whole export {whole:.2f} s)",
            f"≤ {GOAL}×",
            ratio <= GOAL,
        )


if __name__ == "__main__":
    main()
