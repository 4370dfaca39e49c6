"""Start-up: from a new process to the usable main window on the large school (goal ≤ 1.2× floor).

The floor is a bare PySide6 window plus ``import sqlmodel`` in a new process, measured both ways
round: PySide6 first, as the issue words it, and sqlmodel first, which is faster because
PySide6's import hook reads the source of every module imported after it. The faster counts.
Floors and program run alternately several times (fresh subprocesses, offscreen) and are
compared by their medians. The program's start is the real one (``python -m nastavapp --db
FILE``: command line, log, lock, health check, migrations check, the window with its first
screen filled and drawn once; the hidden ``--exit-when-ready`` then quits). The first start in
a new data folder also makes the day's backup and is shown apart. The same run lists the heavy
libraries already imported when the window is usable (they should load only when used), and
the faster floor plus only the program's table definitions: the least any start that defines
its tables before the window can reach; and the faster floor plus all the data work of the first
screen (tables, file check, roadmap rules, counts) with none of the program's window code.

The program's modules are byte-compiled first, as ``pip install`` and PyInstaller do, into a
private cache folder: with ``PYTHONDONTWRITEBYTECODE`` set (as on CI machines) every start
would otherwise compile the sources again and measure the compiler, not the program.

Run: ``python benchmarks/bench_startup.py [--runs 7] [--frozen dist/nastavapp-<version>/nastavapp]``
(``scripts/build.sh`` makes the built program).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import large_school as ls

GOAL = 1.2
HEAVY = (
    "openpyxl",
    "reportlab",
    "scipy",
    "numpy",
    "pytrovich",
    "babel",
    "docx",
    "lxml",
    "PIL",
    "python_calamine",
)

_FLOOR_READY = """
def _ready():
    app.processEvents()
    print("READY", ",".join(sorted(m for m in sys.modules if "." not in m)), flush=True)
    app.quit()
"""

_FLOOR_WINDOW = (
    "app = QApplication(sys.argv)\n" + _FLOOR_READY + "QTimer.singleShot(0, _ready)\n"
    "window = QMainWindow()\n"
    "window.setCentralWidget(QLabel('Наставничество в школе'))\n"
    "window.resize(1180, 760)\n"
    "window.show()\n"
    "app.exec()\n"
)
_QT = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
)
# The floor both ways round: PySide6 reads the source of every module imported after it
# (its «__feature__» hook), so sqlmodel first is the faster order; the faster one counts.
FLOORS = {
    "PySide6, then sqlmodel": "import sys\n" + _QT + "import sqlmodel\n" + _FLOOR_WINDOW,
    "sqlmodel, then PySide6": "import sys\nimport sqlmodel\n" + _QT + _FLOOR_WINDOW,
}
# Not a floor: the faster floor plus the program's 25 table definitions, nothing else of it.
# Its ratio is the least any start that defines the tables before its window can reach.
WITH_TABLES = "import sys\nimport sqlmodel\nimport nastavapp.models\n" + _QT + _FLOOR_WINDOW
# Not a floor either: the faster floor plus all the data work the first screen needs (tables,
# opening and checking the file, the roadmap rules, the counts and events it shows), done by
# the program's own functions with no window code of the program's: the least any start can
# reach that shows the data read through the ORM, whatever its screens cost.
_FIRST_SCREEN_DATA = """
from datetime import date
from pathlib import Path
from nastavapp.services.counts import basic_counts, disbanded_groups
from nastavapp.services.progress import stage_progress, year_events
from nastavapp.services.roadmap_rules import apply_rules
from nastavapp.services.school import get_school
from nastavapp.services.years import current_year, list_years
from nastavapp.store import open_store
store = open_store(Path(sys.argv[1]))
get_school(store)
list_years(store)
year = current_year(store)
apply_rules(store, year.id, date.today())
stage_progress(store, year.id, date.today())
basic_counts(store, year)
disbanded_groups(store, year)
year_events(store, year.id)
"""
WITH_DATA = "import sys\nimport sqlmodel\n" + _FIRST_SCREEN_DATA + _QT + _FLOOR_WINDOW
# The real start, as the installed program runs it; the hidden option quits when ready.
PROGRAM = "import sys\nfrom nastavapp.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def python(code: str, *args: str) -> list[str]:
    """The command that runs ``code`` in a new interpreter (``-c``)."""
    return [sys.executable, "-c", code, *args]


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from starting a new process to its usable window; the heavy libraries loaded."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    _out, err = child.communicate(timeout=120)
    if not line.startswith("READY"):
        raise RuntimeError(f"no window: {line!r} {err[-2000:]}")
    loaded = set(line.partition(" ")[2].strip().split(","))
    return elapsed, ",".join(sorted(loaded & set(HEAVY)))


def built_program() -> Path | None:
    """The program ``scripts/build.sh`` left in ``dist/`` of this checkout, if any."""
    for path in sorted((ls.ROOT / "dist").glob("nastavapp-*/nastavapp*")):
        if path.is_file() and os.access(path, os.X_OK) and "-cli" not in path.name:
            return path
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--frozen",
        type=Path,
        help="the built program to time too (default: the one in dist/, if built)",
    )
    args = parser.parse_args()
    args.frozen = args.frozen or built_program()
    ls.offscreen()
    home = ls.fresh_home("startup")
    try:
        db = ls.copy_of(ls.large_school(), home / "data")
        env = {
            **os.environ,
            "NASTAVAPP_HOME": str(home / "home"),
            "PYTHONPATH": str(ls.ROOT / "src"),
            "PYTHONPYCACHEPREFIX": str(home / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ls.ROOT / "src")], env=env, check=True
        )
        program = ("--db", str(db), "--exit-when-ready")
        for code in FLOORS.values():
            start_once(python(code), env)  # warm the disk cache
        first, heavy = start_once(python(PROGRAM, *program), env)  # makes the day's backup
        if args.frozen:
            start_once([str(args.frozen), *program], env)  # warm the disk cache
        floors: dict[str, list[float]] = {name: [] for name in FLOORS}
        starts: list[float] = []
        with_tables: list[float] = []
        with_data: list[float] = []
        frozen: list[float] = []
        for _ in range(args.runs):
            for name, code in FLOORS.items():
                floors[name].append(start_once(python(code), env)[0])
            with_tables.append(start_once(python(WITH_TABLES), env)[0])
            with_data.append(start_once(python(WITH_DATA, str(db)), env)[0])
            elapsed, heavy = start_once(python(PROGRAM, *program), env)
            starts.append(elapsed)
            if args.frozen:
                frozen.append(start_once([str(args.frozen), *program], env)[0])
    finally:
        ls.remove(home)
    medians = {name: statistics.median(times) for name, times in floors.items()}
    floor, start = min(medians.values()), statistics.median(starts)
    ratio = start / floor
    for name, times in floors.items():
        print(f"floor ({name}): {', '.join(f'{t:.2f}' for t in times)} s")
    print(f"floor + table definitions: {', '.join(f'{t:.2f}' for t in with_tables)} s")
    print(f"floor + the first screen's data: {', '.join(f'{t:.2f}' for t in with_data)} s")
    print(f"program on the large school: {', '.join(f'{t:.2f}' for t in starts)} s")
    ls.result(
        "start-up floor (PySide6 window + import sqlmodel, faster order)",
        " / ".join(f"{medians[name]:.2f} s" for name in FLOORS) + f" → {floor:.2f} s",
    )
    tables = statistics.median(with_tables)
    ls.result(
        "floor + the 25 table definitions (no database, no screens)",
        f"{tables:.2f} s = {tables / floor:.2f}× floor",
    )
    data = statistics.median(with_data)
    ls.result(
        "floor + the first screen's data through the ORM (no screens of the program)",
        f"{data:.2f} s = {data / floor:.2f}× floor",
    )
    ls.result(
        "start-up to usable main window, large school",
        f"{start:.2f} s = {ratio:.2f}× floor",
        f"≤ {GOAL}×",
        ratio <= GOAL,
    )
    if frozen:
        built = statistics.median(frozen)
        ls.result(
            "the built program (PyInstaller onedir), large school",
            f"{built:.2f} s = {built / floor:.2f}× floor",
        )
    ls.result(
        "first start of the day (+ the day's backup)", f"{first:.2f} s = {first / floor:.2f}× floor"
    )
    ls.result(
        "heavy libraries loaded at start",
        heavy or "none",
        "none",
        not heavy,
    )


if __name__ == "__main__":
    main()
