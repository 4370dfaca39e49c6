"""PySide6's import hook no longer reads each later module's source (``ui.feature_hook``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
if sys.argv[2] == "skip":
    from nastavapp.ui.feature_hook import skip_source_scan
    assert skip_source_scan()
from PySide6.QtWidgets import QApplication, QLabel
import fresh_module
print("READ" if any(name.endswith("fresh_module.py") for name in linecache.cache) else "NOT READ")
app = QApplication([])
label = QLabel("Проверка")
print(label.text(), label.sizeHint().isValid())
"""


def _run(folder: Path, mode: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(folder), mode],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize(("mode", "expected"), [("scan", "READ"), ("skip", "NOT READ")])
def test_source_of_later_modules(tmp_path: Path, mode: str, expected: str) -> None:
    # A module that names PySide6, imported after it: exactly what the hook looks for.
    (tmp_path / "fresh_module.py").write_text("from PySide6.QtCore import Qt\nVALUE = 1\n")
    lines = _run(tmp_path, mode)
    assert lines[0] == expected
    assert lines[1] == "Проверка True"  # Qt works as before either way
