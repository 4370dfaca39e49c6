"""Many people at once: deleting them from the school, or taking them out of a year's base.

A curator who loaded the wrong list deletes its 300 people in one go. Everything happens in one
transaction (all or nothing: an error or «Отменить» in the middle leaves the file as it was),
and one :class:`BatchSnapshot` holds every removed row and cleared link, as stored, so
:func:`restore_persons` puts back exactly what was there, again in one transaction. The rows
are found by :mod:`.cascade`, as for one person (:mod:`.deletion`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ..models.vocab import Role
from ..store import BackupKind, Store, StoreError, backup_before
from ..store.oserrors import database_reason
from .bulk_text import BatchImpact, describe_batch
from .cascade import Cascade, DeletionError, Schema, collect, put_back, select_rows
from .deletion import full_name
from .deletion_text import short_names
from .role_rules import RoleError

__all__ = [
    "BatchImpact",
    "BatchSnapshot",
    "DeletionCancelled",
    "batch_impact",
    "delete_persons",
    "restore_persons",
    "unmark_impact",
    "unmark_persons",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
STEP = 50  # people deleted per statement: the progress moves, the transaction stays one


class DeletionCancelled(DeletionError):
    """The curator stopped the deletion; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("Удаление прервано: ничего не изменено.")


@dataclass
class BatchSnapshot(Cascade):
    """Everything one batch removed or unlinked, as stored; ``names``: person id → full name."""

    names: dict[int, str] = field(default_factory=dict)

    @property
    def person_ids(self) -> list[int]:
        return list(self.names)


def _no_progress(_done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


def _people(conn: sa.Connection, person_ids: Sequence[int]) -> dict[int, str]:
    """Full names of the people, in the order given; all of them must be in the file."""
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    if not ids:
        raise DeletionError("Никто не выбран.")
    found = {int(r["id"]): full_name(r) for r in select_rows(conn, "person", "id", ids)}
    missing = len(ids) - len(found)
    if missing:
        raise DeletionError(
            f"Некоторых выбранных участников ({missing}) уже нет в базе. Ничего не изменено."
        )
    return {i: found[i] for i in ids}


def _participations(
    conn: sa.Connection, people: dict[int, str], year_id: int, role: Role
) -> list[dict[str, Any]]:
    """The people's roles ``role`` in the year; refuses if any of them is in a pair in it."""
    ids = list(people)
    if role is Role.MENTOR:
        groups = select_rows(conn, "mentoring_group", "mentor_id", ids)
        busy = {int(g["mentor_id"]) for g in groups if g["year_id"] == year_id}
    else:
        members = select_rows(conn, "group_member", "person_id", ids)
        years = select_rows(conn, "mentoring_group", "id", sorted({m["group_id"] for m in members}))
        in_year = {g["id"] for g in years if g["year_id"] == year_id}
        busy = {int(m["person_id"]) for m in members if m["group_id"] in in_year}
    if busy:
        names = short_names(conn, [i for i in ids if i in busy])
        names += "" if names.endswith(".") else "."
        who = "наставники" if role is Role.MENTOR else "наставляемые"
        raise RoleError(
            f"Исключить нельзя: выбранные участники ({len(busy)}) состоят в наставнических "
            f"парах или группах этого года как {who}: {names}\n\nСначала уберите их из пар "
            "и групп или снимите с них выделение."
        )
    return [
        r
        for r in select_rows(conn, "participation", "person_id", ids)
        if r["year_id"] == year_id and r["role"] == role.value
    ]


def batch_impact(store: Store, person_ids: Sequence[int]) -> BatchImpact:
    """What deleting all these people would remove and unlink, for one confirmation.

    Raises:
        DeletionError: some of them are no longer in the file.
    """
    with store.engine.connect() as conn:
        people = _people(conn, person_ids)
        first = select_rows(conn, "person", "id", list(people))
        return describe_batch(conn, collect(conn, Schema(conn), "person", first), list(people))


def unmark_impact(store: Store, person_ids: Sequence[int], year_id: int, role: Role) -> BatchImpact:
    """What taking these people out of the year's base of ``role`` would remove.

    Raises:
        RoleError: some of them are in a pair or group of that year in this role.
        DeletionError: some of them are no longer in the file.
    """
    with store.engine.connect() as conn:
        people = _people(conn, person_ids)
        rows = _participations(conn, people, year_id, role)
        cascade = collect(conn, Schema(conn), "participation", rows)
        return describe_batch(conn, cascade, list(people))


def delete_persons(
    store: Store,
    person_ids: Sequence[int],
    *,
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
) -> BatchSnapshot:
    """Delete all these people with everything that depends on them, in one transaction.

    A backup «перед удалением» is made first. ``progress(done, total)`` counts people;
    ``cancelled()`` is asked between steps.

    Raises:
        DeletionCancelled: ``cancelled()`` said so; nothing was deleted.
        DeletionError: no backup could be made, someone is no longer there, or the file
            refused; nothing was deleted.
    """

    def rows(conn: sa.Connection, people: dict[int, str]) -> list[dict[str, Any]]:
        return select_rows(conn, "person", "id", list(people))

    return _delete(store, person_ids, ("person", "id"), rows, progress, cancelled)


def unmark_persons(
    store: Store,
    person_ids: Sequence[int],
    year_id: int,
    role: Role,
    *,
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
) -> BatchSnapshot:
    """Take all these people out of the year's base of ``role``, in one transaction.

    Their requests (mentees) or competences and training marks (mentors) go with the role;
    the people stay in the school. Arguments as :func:`delete_persons`.

    Raises:
        RoleError: some of them are in a pair or group of that year in this role.
        DeletionCancelled, DeletionError: as :func:`delete_persons`; nothing was changed.
    """

    def rows(conn: sa.Connection, people: dict[int, str]) -> list[dict[str, Any]]:
        return _participations(conn, people, year_id, role)

    return _delete(store, person_ids, ("participation", "person_id"), rows, progress, cancelled)


def _back_up_first(store: Store) -> None:
    """The backup «перед удалением» (``Файл → Резервные копии``); without it nothing goes."""
    try:
        backup_before(store.path, BackupKind.BEFORE_DELETE)
    except StoreError as exc:
        raise DeletionError(
            f"{exc} Ничего не удалено: без резервной копии программа не меняет базу."
        ) from exc


def _delete(
    store: Store,
    person_ids: Sequence[int],
    target: tuple[str, str],
    first_rows: Callable[[sa.Connection, dict[int, str]], list[dict[str, Any]]],
    progress: Progress,
    cancelled: Cancelled,
) -> BatchSnapshot:
    _back_up_first(store)
    try:
        with store.engine.begin() as conn:
            people = _people(conn, person_ids)
            progress(0, len(people))
            first = first_rows(conn, people)
            table, owner = target  # the rows to delete and their column naming the person
            owners = {int(r[owner]) for r in first}
            cascade = collect(conn, Schema(conn), table, first)
            taken = {i: name for i, name in people.items() if i in owners}
            snapshot = BatchSnapshot(cascade.rows, cascade.unlinked, taken)
            row_ids = [r["id"] for r in first]
            done = 0
            for start in range(0, len(row_ids), STEP):
                if cancelled():
                    raise DeletionCancelled
                part = row_ids[start : start + STEP]
                marks = ", ".join("?" * len(part))
                conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "id" IN ({marks})', tuple(part))
                done = min(len(people), done + len(part))
                progress(done, len(people))
            if cancelled():
                raise DeletionCancelled
            progress(len(people), len(people))
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось удалить: {database_reason(exc)} Ничего не изменено."
        ) from exc
    return snapshot


def restore_persons(
    store: Store, snapshot: BatchSnapshot, *, progress: Progress = _no_progress
) -> None:
    """Put back exactly what one batch removed and relink what it unlinked, in one transaction.

    Raises:
        DeletionError: the rows cannot go back (their places were taken); nothing is changed.
    """
    total = len(snapshot.names)
    try:
        with store.engine.begin() as conn:
            progress(0, total)
            put_back(conn, snapshot)
            progress(total, total)
    except sa.exc.SQLAlchemyError as exc:
        raise DeletionError(
            f"Не удалось вернуть удалённое (участников: {total}): "
            f"{database_reason(exc)} Ничего не изменено."
        ) from exc
