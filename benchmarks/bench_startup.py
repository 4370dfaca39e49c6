"""Start-up: from a new process to the usable main window on the large school (goal ≤ 1.2× floor).

The floor is a bare PySide6 window plus ``import sqlmodel`` in a new process, measured both ways
round: PySide6 first, as the issue words it, and sqlmodel first, which is faster because
PySide6's import hook reads the source of every module imported after it. The faster counts.
Floors and program run alternately several times (fresh subprocesses, offscreen) and are
compared by their medians. The program's start is the real one (``python -m nastavapp --db
FILE``: command line, log, lock, health check, migrations check, the window with its first
screen filled and drawn once; the hidden ``--exit-when-ready`` then quits). The first start in
a new data folder also makes the day's backup and is shown apart. The same run lists the heavy
libraries already imported when the window is usable (they should load only when used).

The program's modules are byte-compiled first, as ``pip install`` and PyInstaller do, into a
private cache folder: with ``PYTHONDONTWRITEBYTECODE`` set (as on CI machines) every start
would otherwise compile the sources again and measure the compiler, not the program.

Run: ``python benchmarks/bench_startup.py [--runs 7]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

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
# The real start, as the installed program runs it; the hidden option quits when ready.
PROGRAM = "import sys\nfrom nastavapp.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def start_once(code: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from starting a new Python process to its usable window; what it printed."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
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
            start_once(code, env=env)  # warm the disk cache
        first, heavy = start_once(PROGRAM, *program, env=env)  # makes the day's backup
        floors: dict[str, list[float]] = {name: [] for name in FLOORS}
        starts = []
        for _ in range(args.runs):
            for name, code in FLOORS.items():
                floors[name].append(start_once(code, env=env)[0])
            elapsed, heavy = start_once(PROGRAM, *program, env=env)
            starts.append(elapsed)
    finally:
        ls.remove(home)
    medians = {name: statistics.median(times) for name, times in floors.items()}
    floor, start = min(medians.values()), statistics.median(starts)
    ratio = start / floor
    for name, times in floors.items():
        print(f"floor ({name}): {', '.join(f'{t:.2f}' for t in times)} s")
    print(f"program on the large school: {', '.join(f'{t:.2f}' for t in starts)} s")
    ls.result(
        "start-up floor (PySide6 window + import sqlmodel, faster order)",
        " / ".join(f"{medians[name]:.2f} s" for name in FLOORS) + f" → {floor:.2f} s",
    )
    ls.result(
        "start-up to usable main window, large school",
        f"{start:.2f} s = {ratio:.2f}× floor",
        f"≤ {GOAL}×",
        ratio <= GOAL,
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
