"""Peak memory with the large school (goal ≤ 250 MB): the main window open, every screen shown.

A new process starts the program as the user does (``nastavapp --db FILE``, offscreen), then
shows every screen of the navigation once and every tab inside it, and reports its peak
resident memory (``ru_maxrss``; Linux and macOS). The median of a few runs is printed.

Run: ``python benchmarks/bench_memory.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

import large_school as ls

GOAL_MB = 250

CHILD = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget
app = QApplication(sys.argv)

def rss_mb():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024

def walk():
    app.processEvents()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    at_start = rss_mb()
    shown = 0
    for key in list(window.screens):
        window.show_screen(key)
        app.processEvents()
        for tabs in window.screens[key].findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                app.processEvents()
                shown += 1
        shown += 1
    print(f"PEAK {rss_mb():.1f} {at_start:.1f} {shown}", flush=True)
    app.quit()

QTimer.singleShot(0, walk)
from nastavapp.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


FLOOR = """
import resource, sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
import sqlmodel
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Наставничество в школе"))
window.show()
app.processEvents()
print(f"PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} 0 0", flush=True)
"""


def measure(db: str, env: dict[str, str], code: str = CHILD) -> tuple[float, float, int]:
    out = subprocess.run(
        [sys.executable, "-c", code, db], capture_output=True, text=True, env=env, timeout=300
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("PEAK")), None)
    if line is None:
        raise RuntimeError(f"no figure: {out.stdout[-1000:]} {out.stderr[-3000:]}")
    _, peak, at_start, shown = line.split()
    return float(peak), float(at_start), int(shown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if sys.platform == "win32":
        print("bench_memory: needs the resource module (Linux, macOS)")
        return
    ls.offscreen()
    home = ls.fresh_home("memory")
    try:
        db = str(ls.copy_of(ls.large_school(), home / "data"))
        env = {
            **os.environ,
            "NASTAVAPP_HOME": str(home / "home"),
            "PYTHONPATH": str(ls.ROOT / "src"),
        }
        figures = [measure(db, env) for _ in range(args.runs)]
        floor = measure(db, env, FLOOR)[0]
    finally:
        ls.remove(home)
    peak = statistics.median(f[0] for f in figures)
    at_start = statistics.median(f[1] for f in figures)
    print(
        f"peaks: {', '.join(f'{f[0]:.0f}' for f in figures)} MB; screens and tabs shown: {figures[0][2]}"
    )
    ls.result("memory: floor (PySide6 window + sqlmodel)", f"{floor:.0f} MB")
    ls.result("memory: main window open on the large school", f"{at_start:.0f} MB")
    ls.result(
        "memory: peak, every screen and tab shown once",
        f"{peak:.0f} MB",
        f"≤ {GOAL_MB} MB",
        peak <= GOAL_MB,
    )


if __name__ == "__main__":
    main()
