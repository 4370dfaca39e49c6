"""Run every ``benchmarks/bench_*.py`` and print one table of their figures (Markdown).

Each benchmark runs in its own process. Figures come from its ``RESULT|what|figure|goal|verdict``
lines (see ``large_school.result``); a benchmark without them contributes the lines that state a
goal or target, or else its last line.
The machine is described above the table (processors, memory, CPU model, Python, Qt).

Run: ``python benchmarks/run_all.py [--only startup tables …]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def machine() -> str:
    """«2 processors, 23.5 GB, Intel(R) Xeon(R) …; Linux …; Python 3.11.7; Qt 6.11.3»."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB RAM, "
                break
    except OSError:
        pass
    try:
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}"
    except ImportError:
        qt = "no Qt"
    return (
        f"{os.cpu_count()} processors (nproc), {memory}{cpu}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {qt}"
    )


def run(script: Path, timeout: int) -> tuple[list[list[str]], float, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(HERE)])}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return [[script.stem, f"no figure: stopped after {timeout} s", "", "FAILED"]], timeout, ""
    elapsed = time.perf_counter() - started
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    rows = [line.split("|")[1:5] for line in lines if line.startswith("RESULT|")]
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        rows.append([script.stem, f"failed (exit {done.returncode}): {tail}", "", "FAILED"])
    elif not rows:  # no RESULT lines: the lines that state a goal, else the last one
        stated = [
            " ".join(line.split())
            for line in lines
            if re.search(r"goal|target", line, re.IGNORECASE) and re.search(r"\d", line)
        ]
        rows = [[script.stem, line, "", ""] for line in stated or lines[-1:] or ["(nothing)"]]
    return rows, elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=[], help="names without bench_ and .py")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per benchmark")
    parser.add_argument("--verbose", action="store_true", help="also print their own output")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    table: list[list[str]] = []
    for script in scripts:
        print(f"running {script.name} …", file=sys.stderr, flush=True)
        rows, elapsed, output = run(script, args.timeout)
        if args.verbose:
            print(output, file=sys.stderr)
        print(f"  {elapsed:.0f} s", file=sys.stderr, flush=True)
        table += [[script.stem.removeprefix("bench_"), *row] for row in rows]
    print(f"Machine: {machine()}\n")
    print("| benchmark | what | figure | goal | verdict |")
    print("| --- | --- | --- | --- | --- |")
    for row in table:
        cells = [cell.replace("|", "/") for cell in (row + [""] * 5)[:5]]
        print("| " + " | ".join(cells) + " |")
    return 1 if any(row[-1] == "FAILED" for row in table) else 0


if __name__ == "__main__":
    sys.exit(main())
