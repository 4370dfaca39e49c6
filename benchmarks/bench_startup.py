"""Start-up: from a new process to the usable main window on the large school (goal ≤ 1.2× floor).

The floor is a bare PySide6 window after ``import sqlmodel``, in a new process as well; both are
run alternately several times (fresh subprocesses, offscreen) and compared by their medians.
The program's start is the real one (``nastavapp --db FILE``: command line, log, lock, the
day's backup check, migrations check, every screen built on the data); the first start in a
new data folder also makes the day's backup and is shown apart. The same run lists the heavy
libraries already imported when the window is usable (they should load only when used).

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

_READY = """
def _ready():
    app.processEvents()
    from PySide6.QtWidgets import QMainWindow
    shown = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    heavy = sorted(m for m in {heavy!r} if m in sys.modules)
    print("READY" if shown else "NO WINDOW", ",".join(heavy), flush=True)
    app.quit()
"""

FLOOR = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
    "import sqlmodel\n"
    "app = QApplication(sys.argv)\n" + _READY.format(heavy=HEAVY) + "QTimer.singleShot(0, _ready)\n"
    "window = QMainWindow()\n"
    "window.setCentralWidget(QLabel('Наставничество в школе'))\n"
    "window.resize(1180, 760)\n"
    "window.show()\n"
    "app.exec()\n"
)

PROGRAM = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication(sys.argv)\n" + _READY.format(heavy=HEAVY) + "QTimer.singleShot(0, _ready)\n"
    "from nastavapp.cli import main\n"
    "sys.exit(main(['--db', sys.argv[1]]))\n"
)


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
    return elapsed, line.partition(" ")[2].strip()


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
        }
        start_once(FLOOR, env=env)  # warm the disk cache for both
        first, heavy = start_once(PROGRAM, str(db), env=env)  # makes the day's backup
        floors, starts = [], []
        for _ in range(args.runs):
            floors.append(start_once(FLOOR, env=env)[0])
            elapsed, heavy = start_once(PROGRAM, str(db), env=env)
            starts.append(elapsed)
    finally:
        ls.remove(home)
    floor, start = statistics.median(floors), statistics.median(starts)
    ratio = start / floor
    print(
        f"floor (bare PySide6 window + import sqlmodel): {', '.join(f'{t:.2f}' for t in floors)} s"
    )
    print(f"program on the large school: {', '.join(f'{t:.2f}' for t in starts)} s")
    ls.result("start-up floor (PySide6 window + sqlmodel)", f"{floor:.2f} s")
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
