"""What a deletion takes with it, read from the file's own schema, and putting it back exactly.

The database deletes dependent rows by its foreign keys (``ON DELETE CASCADE``) and clears links
in others (``SET NULL``). :func:`collect` reads, before deleting, every row the cascade will
remove and every link it will clear, as stored; :func:`put_back` restores them. Used by
:mod:`.deletion` (one person, one role) and :mod:`.bulk_deletion` (many people at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

__all__ = ["CHUNK", "Cascade", "DeletionError", "Schema", "collect", "put_back", "select_rows"]

Key = tuple[Any, ...]
Unlinked = tuple[str, dict[str, Any], str, Any]
CHUNK = 500  # values per ``IN (…)``: well under SQLite's limit of bound parameters


class DeletionError(Exception):
    """A deletion or its undo failed; ``str()`` is the Russian message; nothing was changed."""


@dataclass(frozen=True)
class _ForeignKey:
    child: str
    column: str
    parent: str
    parent_column: str
    on_delete: str


@dataclass
class Cascade:
    """Rows a deletion removes and links it clears, as stored.

    ``rows``: table → removed rows (column → stored value); ``unlinked``: (table, primary key
    values, column, old value) of the rows whose link was cleared.
    """

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unlinked: list[Unlinked] = field(default_factory=list)

    def count(self, table: str, **where: Any) -> int:
        return sum(all(r.get(k) == v for k, v in where.items()) for r in self.rows.get(table, []))


class Schema:
    """Tables, primary keys and foreign keys of the open file (``PRAGMA`` introspection)."""

    def __init__(self, conn: sa.Connection) -> None:
        names = [
            str(r[0])
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        self.keys: dict[str, list[str]] = {}
        self.children: dict[str, list[_ForeignKey]] = {}
        for name in names:
            info = list(conn.exec_driver_sql(f'PRAGMA table_info("{name}")'))
            pk = [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
            self.keys[name] = pk or ["rowid"]
        for name in names:
            for r in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")'):
                parent = str(r[2])
                to = str(r[4]) if r[4] else self.keys.get(parent, ["id"])[0]
                fk = _ForeignKey(name, str(r[3]), parent, to, str(r[6]).upper())
                self.children.setdefault(parent, []).append(fk)

    def key(self, table: str, row: dict[str, Any]) -> Key:
        return tuple(row[c] for c in self.keys[table])

    def parents_first(self, tables: set[str]) -> list[str]:
        """``tables`` ordered so that a referenced table comes before the one referencing it."""
        done: list[str] = []

        def visit(name: str, path: tuple[str, ...]) -> None:
            if name in done or name in path:
                return
            for fks in self.children.values():
                for fk in fks:
                    if fk.child == name and fk.parent in tables and fk.parent != name:
                        visit(fk.parent, (*path, name))
            done.append(name)

        for name in sorted(tables):
            visit(name, ())
        return done


def select_rows(
    conn: sa.Connection, table: str, column: str, values: list[Any]
) -> list[dict[str, Any]]:
    """Rows of ``table`` whose ``column`` is one of ``values`` (column → stored value)."""
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), CHUNK):
        part = values[start : start + CHUNK]
        marks = ", ".join("?" * len(part))
        result = conn.exec_driver_sql(
            f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', tuple(part)
        )
        columns = list(result.keys())
        found.extend(dict(zip(columns, row, strict=True)) for row in result)
    return found


def collect(
    conn: sa.Connection, schema: Schema, table: str, first: list[dict[str, Any]]
) -> Cascade:
    """Every row deleting the rows ``first`` of ``table`` removes, and every link it clears.

    Raises:
        DeletionError: a table refers to one of the rows without a cascade (``RESTRICT``).
    """
    removed: dict[str, dict[Key, dict[str, Any]]] = {
        table: {schema.key(table, r): r for r in first}
    }
    pending: list[tuple[str, list[dict[str, Any]]]] = [(table, first)]
    unlinked: dict[tuple[str, Key, str], tuple[dict[str, Any], Any]] = {}
    while pending:
        table, rows = pending.pop()
        for fk in schema.children.get(table, []):
            values = sorted({r[fk.parent_column] for r in rows if r[fk.parent_column] is not None})
            if not values:
                continue
            found = select_rows(conn, fk.child, fk.column, values)
            if not found:
                continue
            if fk.on_delete == "CASCADE":
                known = removed.setdefault(fk.child, {})
                new = [r for r in found if schema.key(fk.child, r) not in known]
                for r in new:
                    known[schema.key(fk.child, r)] = r
                if new:
                    pending.append((fk.child, new))
            elif fk.on_delete in ("SET NULL", "SET DEFAULT"):
                for r in found:
                    pk = schema.key(fk.child, r)
                    where = dict(zip(schema.keys[fk.child], pk, strict=True))
                    unlinked[(fk.child, pk, fk.column)] = (where, r[fk.column])
            else:
                raise DeletionError(f"Удалить нельзя: на запись ссылается таблица «{fk.child}».")
    return Cascade(
        rows={t: list(rows.values()) for t, rows in removed.items()},
        unlinked=[
            (table, where, column, value)
            for (table, pk, column), (where, value) in unlinked.items()
            if pk not in removed.get(table, {})
        ],
    )


def put_back(conn: sa.Connection, cascade: Cascade) -> None:
    """Insert the removed rows again (parents first) and restore the cleared links.

    Runs in the caller's transaction; a row whose place is taken raises ``IntegrityError``.
    """
    schema = Schema(conn)
    for table in schema.parents_first(set(cascade.rows)):
        rows = cascade.rows[table]
        if not rows:
            continue
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
            [tuple(r[c] for c in columns) for r in rows],
        )
    links: dict[tuple[str, str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    for table, where, column, value in cascade.unlinked:
        links.setdefault((table, column, tuple(where)), []).append((value, *where.values()))
    for (table, column, keys), values in links.items():
        condition = " AND ".join(f'"{c}" = ?' for c in keys)
        conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE {condition}', values)
