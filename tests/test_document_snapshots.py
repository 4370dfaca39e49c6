"""scripts/document_snapshots.py: every document the program writes, twice from the same code,
compared page by page and cell by cell — nothing may differ (no clock, no randomness leaks in),
and a changed cell or pixel is reported. Slow (≈ 30 s); needs pdftoppm (poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "document_snapshots.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed"),
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=600
    )


@pytest.mark.timeout(900)
def test_documents_are_reproducible_and_a_change_is_found(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for name in ("ref", "new"):
        made = _run("make", str(tmp_path / name))
        assert made.returncode == 0, made.stderr[-3000:]
        assert "48 PDF" in made.stdout and "6 xlsx" in made.stdout
    same = _run("compare", str(tmp_path / "ref"), str(tmp_path / "new"))
    assert same.returncode == 0, same.stdout[-3000:]
    assert same.stdout.strip().endswith("0 differences")

    book_path = tmp_path / "new" / "files" / "roadmap.xlsx"
    book = load_workbook(book_path)
    book.active["B5"] = "изменено"
    book.save(book_path)
    changed = _run("compare", str(tmp_path / "ref"), str(tmp_path / "new"))
    assert changed.returncode == 1
    assert "roadmap.xlsx/Дорожная карта!B5: 'None' → 'изменено'" in changed.stdout
