"""Deleting a person: what it touches, the deletion itself and its exact undo.

The database deletes a person's rows by its foreign keys (``ON DELETE CASCADE``: roles,
requests, pairs he leads with their plans and meetings, consents) and forgets him in others
(``SET NULL``: questionnaire answers stay in the totals without a name). Before deleting, every
row the cascade will remove and every link it will clear is read from the file's own schema, as
stored (:mod:`.cascade`), so :func:`restore_person` puts back exactly what was there. Many
people at once: :mod:`.bulk_deletion`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..store import Store
from ..store.oserrors import database_reason
from .cascade import Cascade, DeletionError, Schema, collect, put_back, select_rows
from .deletion_text import DeletionImpact, describe

__all__ = [
    "DeletionError",
    "DeletionImpact",
    "DeletionSnapshot",
    "delete_participation",
    "delete_person",
    "deletion_impact",
    "full_name",
    "restore_person",
]


@dataclass
class DeletionSnapshot(Cascade):
    """Everything one deletion removed or unlinked, as stored, for an exact undo."""

    person_id: int = 0
    name: str = ""


def full_name(person: dict[str, object]) -> str:
    """«Фамилия Имя Отчество» of a stored ``person`` row."""
    parts = (str(person.get(c) or "") for c in ("last_name", "first_name", "middle_name"))
    return " ".join(" ".join(parts).split())


def _person_name(conn: sa.Connection, person_id: int) -> str:
    people = select_rows(conn, "person", "id", [person_id])
    if not people:
        raise DeletionError("Этого человека уже нет в базе.")
    return full_name(people[0])


def _collect(conn: sa.Connection, table: str, row_id: int, person_id: int) -> DeletionSnapshot:
    """Every row deleting ``table``.id = ``row_id`` removes, and every link it clears."""
    name = _person_name(conn, person_id)
    first = select_rows(conn, table, "id", [row_id])
    if not first:
        raise DeletionError("Этой записи уже нет в базе.")
    cascade = collect(conn, Schema(conn), table, first)
    return DeletionSnapshot(cascade.rows, cascade.unlinked, person_id, name)


def deletion_impact(store: Store, person_id: int) -> DeletionImpact:
    """What deleting the person would remove and unlink, for the confirmation text.

    Raises:
        DeletionError: there is no such person.
    """
    with store.engine.connect() as conn:
        return describe(conn, _collect(conn, "person", person_id, person_id))


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
            snapshot = _collect(conn, table, row_id, person_id)
            conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "id" = ?', (row_id,))
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось удалить: {database_reason(exc)} Ничего не изменено."
        ) from exc
    return snapshot


def restore_person(store: Store, snapshot: DeletionSnapshot) -> None:
    """Put back exactly what :func:`delete_person` removed and relink what it unlinked.

    Raises:
        DeletionError: the rows cannot go back (their places were taken); nothing is changed.
    """
    try:
        with store.engine.begin() as conn:
            put_back(conn, snapshot)
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось вернуть удалённое («{snapshot.name}»): "
            f"{database_reason(exc)} Ничего не изменено."
        ) from exc
