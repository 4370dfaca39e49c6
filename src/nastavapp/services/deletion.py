"""Deleting a person: what it touches, the deletion itself and its exact undo.

The database deletes a person's rows by its foreign keys (``ON DELETE CASCADE``: roles,
requests, pairs he leads with their plans and meetings, consents) and forgets him in others
(``SET NULL``: questionnaire answers stay in the totals without a name). Before deleting, every
row the cascade will remove and every link it will clear is read from the file's own schema, as
stored, so :func:`restore_person` puts back exactly what was there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ..store import Store
from .deletion_text import DeletionImpact, describe

__all__ = [
    "DeletionError",
    "DeletionImpact",
    "DeletionSnapshot",
    "delete_participation",
    "delete_person",
    "deletion_impact",
    "restore_person",
]

Key = tuple[Any, ...]
_CHUNK = 500


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
class DeletionSnapshot:
    """Everything one deletion removed or unlinked, as stored, for an exact undo.

    ``rows``: table → removed rows (column → stored value); ``unlinked``: (table, primary key
    values, column, old value) of the rows whose link was cleared.
    """

    person_id: int
    name: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unlinked: list[tuple[str, dict[str, Any], str, Any]] = field(default_factory=list)

    def count(self, table: str, **where: Any) -> int:
        return sum(all(r.get(k) == v for k, v in where.items()) for r in self.rows.get(table, []))


class _Schema:
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
        self.order = names

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


def _select(
    conn: sa.Connection, table: str, column: str, values: list[Any]
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), _CHUNK):
        part = values[start : start + _CHUNK]
        marks = ", ".join("?" * len(part))
        result = conn.exec_driver_sql(
            f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', tuple(part)
        )
        columns = list(result.keys())
        found.extend(dict(zip(columns, row, strict=True)) for row in result)
    return found


def _person_name(conn: sa.Connection, person_id: int) -> str:
    people = _select(conn, "person", "id", [person_id])
    if not people:
        raise DeletionError("Этого человека уже нет в базе.")
    parts = (str(people[0].get(c) or "") for c in ("last_name", "first_name", "middle_name"))
    return " ".join(" ".join(parts).split())


def _collect(
    conn: sa.Connection, schema: _Schema, table: str, row_id: int, person_id: int
) -> DeletionSnapshot:
    """Every row deleting ``table``.id = ``row_id`` removes, and every link it clears."""
    snapshot = DeletionSnapshot(person_id, _person_name(conn, person_id))
    first = _select(conn, table, "id", [row_id])
    if not first:
        raise DeletionError("Этой записи уже нет в базе.")
    removed: dict[str, dict[Key, dict[str, Any]]] = {table: {(row_id,): first[0]}}
    pending: list[tuple[str, list[dict[str, Any]]]] = [(table, first)]
    unlinked: dict[tuple[str, Key, str], tuple[dict[str, Any], Any]] = {}
    while pending:
        table, rows = pending.pop()
        for fk in schema.children.get(table, []):
            values = sorted({r[fk.parent_column] for r in rows if r[fk.parent_column] is not None})
            if not values:
                continue
            found = _select(conn, fk.child, fk.column, values)
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
    snapshot.rows = {t: list(rows.values()) for t, rows in removed.items()}
    snapshot.unlinked = [
        (table, where, column, value)
        for (table, pk, column), (where, value) in unlinked.items()
        if pk not in removed.get(table, {})
    ]
    return snapshot


def deletion_impact(store: Store, person_id: int) -> DeletionImpact:
    """What deleting the person would remove and unlink, for the confirmation text.

    Raises:
        DeletionError: there is no such person.
    """
    with store.engine.connect() as conn:
        snapshot = _collect(conn, _Schema(conn), "person", person_id, person_id)
        return describe(conn, snapshot)


def delete_person(store: Store, person_id: int) -> DeletionSnapshot:
    """Delete the person with everything that depends on him; the snapshot undoes it.

    Raises:
        DeletionError: there is no such person, or the file refused (nothing deleted).
    """
    return _delete(store, "person", person_id, person_id)


def delete_participation(store: Store, participation_id: int, person_id: int) -> DeletionSnapshot:
    """Delete one role of a year with its requests, competences and training marks.

    Raises:
        DeletionError: there is no such role, or the file refused (nothing deleted).
    """
    return _delete(store, "participation", participation_id, person_id)


def _delete(store: Store, table: str, row_id: int, person_id: int) -> DeletionSnapshot:
    try:
        with store.engine.begin() as conn:
            snapshot = _collect(conn, _Schema(conn), table, row_id, person_id)
            conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "id" = ?', (row_id,))
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось удалить: {getattr(exc, 'orig', None) or exc}. Ничего не изменено."
        ) from exc
    return snapshot


def restore_person(store: Store, snapshot: DeletionSnapshot) -> None:
    """Put back exactly what :func:`delete_person` removed and relink what it unlinked.

    Raises:
        DeletionError: the rows cannot go back (their places were taken); nothing is changed.
    """
    try:
        with store.engine.begin() as conn:
            schema = _Schema(conn)
            for table in schema.parents_first(set(snapshot.rows)):
                rows = snapshot.rows[table]
                if not rows:
                    continue
                columns = list(rows[0])
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                conn.exec_driver_sql(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                    [tuple(r[c] for c in columns) for r in rows],
                )
            for table, where, column, value in snapshot.unlinked:
                condition = " AND ".join(f'"{c}" = ?' for c in where)
                conn.exec_driver_sql(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE {condition}',
                    (value, *where.values()),
                )
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось вернуть удалённое («{snapshot.name}»): "
            f"{getattr(exc, 'orig', None) or exc}. Ничего не изменено."
        ) from exc
