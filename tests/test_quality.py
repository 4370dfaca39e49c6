"""Lint and type checks run with the tests, so CI holds the house rules too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_finds_nothing():
    folders = [d for d in ("src", "tests", "scripts", "benchmarks") if (ROOT / d).is_dir()]
    result = _run("ruff", "check", *folders)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_on_the_whole_program():  # the Qt screens too (pyproject: tool.mypy.files)
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
