"""The real start of the program (``python -m nastavapp``) on a school's file, in a new process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from nastavapp.cli import build_parser

HEAVY = ("openpyxl", "reportlab", "scipy", "numpy", "pytrovich", "docx", "python_calamine")


def _start(db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "nastavapp", "--db", str(db), "--exit-when-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _run(code: str, db: Path) -> subprocess.CompletedProcess[str]:
    """``code`` in a new interpreter, its arguments the program's start on ``db``."""
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "--exit-when-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_window_comes_up_without_the_heavy_libraries(demo_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, db)
    result = _start(db)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("READY"))
    loaded = set(line.partition(" ")[2].split(","))
    assert {"PySide6", "sqlmodel", "nastavapp"} <= loaded
    assert sorted(loaded & set(HEAVY)) == []


def test_the_data_layer_loads_before_qt(demo_file: Path, tmp_path: Path) -> None:
    """PySide6 reads the source of every module imported after it: the tables come first."""
    code = (
        "import sys, builtins\n"
        "order = []\n"
        "real = builtins.__import__\n"
        "def spy(name, *a, **k):\n"
        "    if name.startswith(('PySide6', 'sqlmodel')) and name.split('.')[0] not in order:\n"
        "        order.append(name.split('.')[0])\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = spy\n"
        "from nastavapp.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('ORDER', ','.join(order))\n"
    )
    db = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, db)
    result = _run(code, db)
    assert result.returncode == 0, result.stderr
    assert "ORDER sqlmodel,PySide6" in result.stdout


def test_program_has_its_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    from nastavapp.ui.app import set_window_icon

    set_window_icon(qapp)
    sizes = qapp.windowIcon().availableSizes()
    assert sizes and max(s.width() for s in sizes) >= 64


def test_exit_when_ready_is_hidden_from_help() -> None:
    assert "--exit-when-ready" not in build_parser().format_help()


def test_collector_is_paused_while_starting_and_back_with_the_window(
    demo_file: Path, tmp_path: Path
) -> None:
    """The cyclic collector stays off until the window is up, then runs (start-up objects frozen)."""
    code = (
        "import gc, sys\n"
        "from nastavapp.cli import main\n"
        "import nastavapp.ui.app as app\n"
        "real_start = app.AppController.start\n"
        "def start(self, path):\n"
        "    print('STARTING', gc.isenabled(), flush=True)\n"
        "    return real_start(self, path)\n"
        "app.AppController.start = start\n"
        "code = main(sys.argv[1:])\n"
        "print('AFTER', gc.isenabled(), gc.get_freeze_count() > 1000, flush=True)\n"
        "sys.exit(code)\n"
    )
    db = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, db)
    result = _run(code, db)
    assert result.returncode == 0, result.stderr
    assert "STARTING False" in result.stdout
    assert "AFTER True True" in result.stdout
