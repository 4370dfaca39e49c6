"""Schema versions kept in ``PRAGMA user_version`` and the numbered steps that raise them.

Each step runs in one transaction that also bumps the version, with foreign keys off (GUIDE
trap 1: a table rebuild would otherwise cascade-delete child rows), checked afterwards with
``PRAGMA foreign_key_check``.
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from .errors import MigrationError, NewerSchemaError


def _step_files() -> dict[int, str]:
    folder = resources.files("nastavapp.store") / "migrations"
    steps: dict[int, str] = {}
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            steps[int(name[:4])] = entry.read_text(encoding="utf-8")
    return dict(sorted(steps.items()))


STEPS: dict[int, str] = _step_files()
LATEST_VERSION: int = max(STEPS)


def _statements(script: str) -> list[str]:
    """Split a script into statements (no triggers in our steps, so ';' at line end is enough)."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") and not current:
            continue
        current.append(line)
        candidate = "\n".join(current)
        if sqlite3.complete_statement(candidate):
            statements.append(candidate.strip())
            current = []
    return [s for s in statements if s.strip(" ;\n")]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: Path) -> int:
    """The file's version; raises NewerSchemaError for a file from a newer program."""
    found = schema_version(conn)
    if found > LATEST_VERSION:
        raise NewerSchemaError(path, found, LATEST_VERSION)
    return found


def migrate(conn: sqlite3.Connection, path: Path, target: int = LATEST_VERSION) -> list[int]:
    """Run the steps from the file's version up to ``target``; returns the steps applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit.
    """
    current = check_version(conn, path)
    applied: list[int] = []
    conn.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or it is ignored
    try:
        for step in range(current + 1, target + 1):
            try:
                conn.execute("BEGIN IMMEDIATE")
                for statement in _statements(STEPS[step]):
                    conn.execute(statement)
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(path, step, f"нарушены связи данных ({len(problems)})")
                conn.execute(f"PRAGMA user_version = {step}")
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise MigrationError(path, step, str(exc)) from exc
            except MigrationError:
                conn.execute("ROLLBACK")
                raise
            applied.append(step)
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    return applied
