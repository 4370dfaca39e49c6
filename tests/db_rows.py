"""Helpers for the data-safety tests: bulk rows and a full dump of a data file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PERSON_INSERT = (
    "INSERT INTO person (category, last_name, first_name, middle_name, class_name, position,"
    " subject, organization, organization_position, phone, email, notes, archived, created_at)"
    " VALUES ('student', ?, 'Анна', 'Ивановна', '7А', '', '', '', '', '', '', ?, 0,"
    " '2025-09-01 00:00:00')"
)


def person_rows(count: int, tag: str) -> list[tuple[str, str]]:
    return [(f"Ученица-{tag}-{i:05d}", tag) for i in range(count)]


def add_people(path: Path, count: int, tag: str = "bulk") -> None:
    """``count`` students in one transaction (enough rows to span many pages)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany(PERSON_INSERT, person_rows(count, tag))
    finally:
        conn.close()


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, ordered: two files with equal dumps hold the same data."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        result = {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
        result["user_version"] = [conn.execute("PRAGMA user_version").fetchone()]
        return result
    finally:
        conn.close()
