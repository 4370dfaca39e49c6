"""The frozen program (PyInstaller): built by scripts/build.sh and smoke-run offscreen.

Slow (about a minute) and only where PyInstaller is installed: ``pip install pyinstaller``;
CI installs it and runs this test too.
"""

from __future__ import annotations

import faulthandler
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")
VERSION = re.search(r'^version = "(.+)"$', PYPROJECT, re.MULTILINE).group(1)  # type: ignore[union-attr]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
    ),
    pytest.mark.skipif(shutil.which("bash") is None, reason="scripts/build.sh needs bash"),
]


@pytest.mark.timeout(1800)
def test_the_built_program_passes_its_smoke_run(tmp_path: Path) -> None:
    faulthandler.cancel_dump_traceback_later()  # a build may outlast faulthandler_timeout
    env = {**os.environ, "BUILD_DIR": str(tmp_path), "PYTHON": sys.executable}
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1700,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "smoke passed" in result.stdout
    assert "windowed program: smoke passed" in result.stdout
    assert f"nastavapp {VERSION}" in result.stdout  # nastavapp-cli --version
    assert "Сводка сохранена:" in result.stdout  # nastavapp-cli consolidate, into a PDF
    checks = ("migrations", "Qt and Russian translations", "main window", "roadmap export")
    for check in (*checks, "documents"):
        assert f"ok   {check}" in result.stdout
    app = tmp_path / "dist" / f"nastavapp-{VERSION}"
    qm = list(app.rglob("qtbase_ru.qm"))
    assert qm, "Qt's Russian translations are not bundled"
    assert [p.name for p in app.rglob("*.qm")] == ["qtbase_ru.qm"]  # no other languages
    assert not list(app.rglob("*QtWebEngine*")) and not list(app.rglob("*Qt6Qml*"))
    assert not list(app.rglob("*ssl*")), "no TLS in a program that never goes to the network"
    if sys.platform.startswith("linux"):
        assert (app / "nastavapp-cli").is_symlink()
        needed = re.search(r"^glibc needed: (\d+)\.(\d+) or newer", result.stdout, re.MULTILINE)
        assert needed, "build.sh names the oldest glibc the bundle runs on"
        assert (
            (2, 17)
            <= (int(needed[1]), int(needed[2]))
            <= tuple(int(part) for part in platform.libc_ver()[1].split(".")[:2])
        )
        archive = tmp_path / "dist" / f"nastavapp-{VERSION}-linux-{platform.machine()}.tar.gz"
        assert archive.stat().st_size > 10_000_000
