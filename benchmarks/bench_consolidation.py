"""The municipal summary of 200 schools' report files: the median of a few runs.

Run: ``python3 benchmarks/bench_consolidation.py [--files 200] [--runs 5]``. The target is
≤ 10 s for reading, checking and storing 200 report files and building the summary (the
files are generated first, not timed: a few demo schools, each written out many times under
other names and codes with its counts varied, so that every file is a different school).
Writing the summary as xlsx and PDF is timed apart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import large_school as ls

from nastavapp.services.consolidation.centre import (
    CentreProfile,
    open_municipal_store,
    save_centre,
)
from nastavapp.services.consolidation.reading import read_reports
from nastavapp.services.consolidation.store_reports import add_reports
from nastavapp.services.consolidation.summary import summary_from_store
from nastavapp.services.consolidation.summary_pdf import export_summary_pdf
from nastavapp.services.consolidation.summary_xlsx import export_summary_xlsx
from nastavapp.services.demo import create_demo
from nastavapp.services.report_data import DATA_SHEET, HEADER, Value, data_rows
from nastavapp.store import open_store

TODAY = date(2025, 11, 20)
DEMO_SCHOOLS = 8


def demo_rows(folder: Path) -> list[list[tuple[str, Value]]]:
    found = []
    for seed in range(DEMO_SCHOOLS):
        path = folder / f"demo{seed}.sqlite"
        create_demo(path, seed=seed, today=TODAY)
        store = open_store(path, backups=False)
        try:
            found.append(data_rows(store, TODAY, now=datetime(2025, 11, 20, 10, 0)))
        finally:
            store.close()
    return found


def varied(rows: list[tuple[str, Value]], number: int, rnd: random.Random) -> list:
    """Another school: its own name and code, the indicators' numerators moved a little."""
    values = dict(rows)
    values["school.full_name"] = (
        f"Муниципальное бюджетное общеобразовательное учреждение «Школа № {number}»"
    )
    values["school.short_name"] = f"МБОУ «Школа № {number}»"
    values["school.code"] = f"36{number:05d}"
    for key in list(values):
        if key.startswith("indicator_counts.") and key.endswith(".numerator"):
            name = key.split(".")[1]
            denominator = values[f"indicator_counts.{name}.denominator"]
            if isinstance(denominator, int) and denominator:
                numerator = rnd.randint(0, denominator)
                values[key] = numerator
                share_key = f"indicators.share_{name}"
                if share_key in values:
                    values[share_key] = round(100 * numerator / denominator, 1)
    return list(values.items())


def write_report(path: Path, rows: list) -> None:
    """A school's report as its program writes it: a formatted first sheet, then «data»."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    front = book.active
    front.title = "Отчёт"
    front["A1"] = "Отчёт о реализации целевой модели наставничества"
    front["A1"].font = Font(bold=True, size=14)
    for row, (key, value) in enumerate(rows[:40], start=3):
        front.cell(row=row, column=1, value=key)
        front.cell(row=row, column=2, value=value)
    data = book.create_sheet(DATA_SHEET)
    data.append(list(HEADER))
    for key, value in rows:
        data.append([key, value])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = demo_rows(root)
        reports = root / "reports"
        reports.mkdir()
        for number in range(1, args.files + 1):
            write_report(
                reports / f"Отчёт_{number:03d}.xlsx", varied(base[number % len(base)], number, rnd)
            )
        timings, exports = [], []
        for run in range(args.runs):
            store = open_municipal_store(root / f"municipal{run}.sqlite", backups=False)
            try:
                save_centre(store, CentreProfile(name="МБУ ЦРО", municipality="Район"))
                started = time.perf_counter()
                result = read_reports([reports])
                added = add_reports(store, result.reports)
                summary = summary_from_store(store, "2025/2026", made_on=TODAY)
                timings.append(time.perf_counter() - started)
                assert len(added.added) == args.files and not result.skipped
                assert len(summary.rows) == args.files
                started = time.perf_counter()
                export_summary_xlsx(summary, root / "Сводка.xlsx")
                export_summary_pdf(summary, root / "Справка.pdf")
                exports.append(time.perf_counter() - started)
            finally:
                store.close()
    print(
        f"{args.files} report files: read, checked, stored and summarised in "
        f"{statistics.median(timings):.2f} s (median of {args.runs}; target ≤ 10 s); "
        f"summary xlsx + PDF written in {statistics.median(exports):.2f} s"
    )
    merged = statistics.median(timings)
    ls.result(
        f"municipal summary of {args.files} school reports",
        f"{merged:.2f} s (xlsx + PDF of it: {statistics.median(exports):.2f} s)",
        "≤ 10 s",
        merged <= 10,
    )


if __name__ == "__main__":
    main()
