"""Import of a 20,000-row class list (.xlsx) into a fresh data file: the median of a few runs.

Run: ``python3 benchmarks/bench_import.py [--rows 20000] [--runs 5]``. The target is ≤ 3 s
for reading, checking and storing 20,000 pupils (the file is generated first, not timed).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import large_school as ls

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.importing import import_persons, prepare_import
from nastavapp.store import open_store

GOAL = 3.0

LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов"]
FIRST_M = ["Александр", "Максим", "Иван", "Артём", "Дмитрий", "Никита", "Михаил", "Егор"]
FIRST_F = ["Анастасия", "Мария", "Дарья", "Анна", "Елизавета", "Полина", "Виктория", "Ксения"]
FATHER = ["Александров", "Сергеев", "Андреев", "Николаев", "Владимиров", "Петров", "Юрьев"]


def make_list(path: Path, rows: int, seed: int = 1) -> Path:
    """A class list as schools keep it: title rows, a merged title, «ФИО» in one cell."""
    from openpyxl import Workbook

    rnd = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Контингент")
    sheet.append(["МБОУ «Сосновская СОШ»"])
    sheet.append(["Контингент обучающихся на 01.09.2025"])
    sheet.append([])
    sheet.append(["№ п/п", "ФИО", "Дата рождения", "Класс", "Пол"])
    for number in range(1, rows + 1):
        female = rnd.random() < 0.5
        last = rnd.choice(LAST) + ("а" if female else "")
        first = rnd.choice(FIRST_F if female else FIRST_M)
        middle = rnd.choice(FATHER) + ("на" if female else "ич")
        grade = rnd.randint(1, 11)
        born = date(2025 - 7 - grade, 1, 1) + timedelta(days=rnd.randint(0, 364))
        sheet.append(
            [
                number,
                f"{last} {first} {middle}",
                born,
                f"{grade}{rnd.choice('АБВ')}",
                "ж" if female else "м",
            ]
        )
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = make_list(Path(folder) / "contingent.xlsx", args.rows)
        times = []
        for run in range(args.runs):
            store = open_store(Path(folder) / f"run{run}.sqlite")
            started = time.perf_counter()
            preview = prepare_import(source)
            result = import_persons(
                store, preview, PersonCategory.STUDENT, today=date(2025, 10, 15)
            )
            times.append(time.perf_counter() - started)
            store.close()
        print(
            f"rows: {args.rows}, imported: {result.imported}, duplicates: "
            f"{len(result.duplicates)}, rejected: {len(result.rejected)}"
        )
        median = statistics.median(times)
        print(f"median: {median:.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")
        ls.result(
            f"import of a {args.rows:,}-row xlsx list",
            f"median {median:.2f} s ({result.imported} imported)",
            f"≤ {GOAL} s",
            median <= GOAL,
        )


if __name__ == "__main__":
    main()
