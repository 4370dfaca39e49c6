"""House rules that code review would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "nastavapp"
DOMAIN_DIRS = ("models", "services", "store", "commands")
QT_ROOTS = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_domain_code_never_imports_qt():
    modules = [p for d in DOMAIN_DIRS for p in (PACKAGE / d).rglob("*.py")]
    modules += [
        PACKAGE / name
        for name in ("cli.py", "__init__.py", "logging_setup.py", "resource_files.py")
    ]
    assert len(modules) > 10
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(_imported_roots(p) & QT_ROOTS)
        for p in modules
        if _imported_roots(p) & QT_ROOTS
    }
    assert offenders == {}


def test_the_scan_would_catch_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert _imported_roots(sample) & QT_ROOTS == {"PySide6"}


def test_command_line_start_does_not_load_qt_or_heavy_libraries():
    import subprocess
    import sys

    code = (
        "import sys, nastavapp.cli, nastavapp.services.stats; "
        "print(sorted(m for m in ('PySide6', 'openpyxl', 'reportlab', 'scipy') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_every_package_is_listed_for_installation():
    import tomllib

    root = PACKAGE.parents[1]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(p.relative_to(PACKAGE.parent).parts)
        for p in PACKAGE.rglob("*")
        if p.is_dir() and (p / "__init__.py").exists()
    }
    assert found - listed == set()
    assert "nastavapp.resources" in listed
