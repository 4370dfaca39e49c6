"""``nastavapp --smoke``: the start-up check a built program runs (here from the sources)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nastavapp.cli import build_parser
from nastavapp.ui.smoke import REPORT_NAME

# As a windowed Windows build starts: no stdout, no stderr.
WINDOWED = (
    "import sys; sys.stdout = None; sys.stderr = None; "
    "from nastavapp.cli import main; sys.exit(main(['--smoke']))"
)


def test_smoke_run_passes_without_stdout_and_reports_to_a_file(data_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WINDOWED], capture_output=True, text=True, timeout=240
    )
    report = (data_home / REPORT_NAME).read_text(encoding="utf-8")
    assert result.returncode == 0, report
    assert result.stdout == ""
    for check in (
        "resources",
        "log file",
        "migrations",
        "document fonts",
        "Qt and Russian translations",
        "demo school",
        "main window",
        "declension",
        "dates in words",
        "roadmap export",
        "spreadsheet",
        "documents",
        "matching",
    ):
        assert f"ok   {check} (" in report
    assert "stdout is None" in report
    assert "«Cancel» → «Отмена»" in report
    assert "xlsx sheets ['Отчёт', 'Пары и группы', 'Участники', 'data']" in report
    assert "smoke passed" in report
    assert sorted(p.name for p in data_home.iterdir()) == [REPORT_NAME]  # temp folder removed


def test_smoke_option_is_hidden_from_help() -> None:
    assert "--smoke" not in build_parser().format_help()
    assert build_parser().parse_args(["--smoke"]).smoke is True
