"""A database that refuses a write (read-only, locked, full) is explained in Russian, never with
SQLite's English: importing a list, deleting one person or many, and undoing a deletion."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.bulk_deletion import delete_persons, restore_persons
from nastavapp.services.deletion import DeletionError, delete_person, restore_person
from nastavapp.services.importing.persons import import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.store import ReadOnlyError, Store, StoreError
from nastavapp.store.oserrors import database_reason

from .conftest import TODAY
from .db_rows import add_people
from .import_files import write_csv

READ_ONLY = (
    "папка или диск доступны только для чтения (например, флешка с защитой от записи). "
    "Снимите защиту или выберите другую папку."
)
LOCKED = (
    "файл занят другой программой (возможно, программа уже открыта в другом окне или файл "
    "проверяет антивирус). Закройте другую программу и повторите."
)
FULL = (
    "на диске закончилось свободное место. Удалите ненужные файлы или очистите корзину и повторите."
)
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def refuse_writes(store: Store, *pragmas: str) -> None:
    """Every new connection of the store runs ``pragmas``: SQLite itself then refuses."""

    def configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    sa.event.listen(store.engine, "connect", configure)
    store.engine.dispose()  # pooled connections were made without them


@contextmanager
def locked_by_another_program(store: Store) -> Iterator[None]:
    """Another program holds the file's write lock; the store does not wait for it."""
    refuse_writes(store, "PRAGMA busy_timeout = 0")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def surname(number: int) -> str:
    """«Ааев», «Абев» …: a different surname of letters only for every ``number``."""
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    first, second = divmod(number, len(letters))
    return f"{letters[first % len(letters)].upper()}{letters[second]}ев"


def pupils_list(tmp_path: Path, count: int) -> Path:
    rows: list[list[object]] = [["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"]]
    rows += [[surname(i), "Иван", "Петрович", date(2012, 3, 4), "7А"] for i in range(count)]
    return write_csv(tmp_path / "7А.csv", rows)


def import_list(store: Store, path: Path) -> None:
    import_persons(store, prepare_import(path), PersonCategory.STUDENT, today=TODAY)


def people_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def test_an_import_into_a_read_only_file_says_so_in_russian(store, tmp_path):
    refuse_writes(store, "PRAGMA query_only = ON")  # SQLITE_READONLY, as a write-protected file
    with pytest.raises(StoreError) as caught:
        import_list(store, pupils_list(tmp_path, 3))
    assert isinstance(caught.value, ReadOnlyError)
    assert str(caught.value) == (
        f"Не удалось сохранить людей из файла: {READ_ONLY} Ничего не сохранено."
    )
    assert people_count(store.path) == 0


def test_an_import_onto_a_full_disk_says_so_in_russian(store, tmp_path):
    conn = sqlite3.connect(store.path)
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.close()
    refuse_writes(store, f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL once the file grows
    with pytest.raises(StoreError) as caught:
        import_list(store, pupils_list(tmp_path, 400))
    assert str(caught.value) == f"Не удалось сохранить людей из файла: {FULL} Ничего не сохранено."
    assert people_count(store.path) == 0


def test_deleting_from_a_read_only_file_says_so_in_russian(store):
    add_people(store.path, 2)
    refuse_writes(store, "PRAGMA query_only = ON")
    with pytest.raises(DeletionError) as caught:
        delete_person(store, 1)
    assert str(caught.value) == f"Не удалось удалить: {READ_ONLY} Ничего не изменено."
    assert people_count(store.path) == 2


def test_deleting_from_a_file_locked_by_another_program(store):
    add_people(store.path, 2)
    with locked_by_another_program(store), pytest.raises(DeletionError) as caught:
        delete_person(store, 1)
    assert str(caught.value) == f"Не удалось удалить: {LOCKED} Ничего не изменено."
    assert people_count(store.path) == 2


def test_undoing_a_deletion_in_a_locked_file(store):
    add_people(store.path, 2)
    snapshot = delete_person(store, 1)
    with locked_by_another_program(store), pytest.raises(DeletionError) as caught:
        restore_person(store, snapshot)
    assert str(caught.value) == (
        f"Не удалось вернуть удалённое («{snapshot.name}»): {LOCKED} Ничего не изменено."
    )
    assert people_count(store.path) == 1


def test_deleting_many_from_a_read_only_file_says_so_in_russian(store):
    add_people(store.path, 60)
    refuse_writes(store, "PRAGMA query_only = ON")
    with pytest.raises(DeletionError) as caught:
        delete_persons(store, list(range(1, 61)))
    assert str(caught.value) == f"Не удалось удалить: {READ_ONLY} Ничего не изменено."
    assert people_count(store.path) == 60


def test_undoing_many_in_a_read_only_file_says_so_in_russian(store):
    add_people(store.path, 5)
    snapshot = delete_persons(store, [1, 2, 3])
    refuse_writes(store, "PRAGMA query_only = ON")
    with pytest.raises(DeletionError) as caught:
        restore_persons(store, snapshot)
    assert str(caught.value) == (
        f"Не удалось вернуть удалённое (участников: 3): {READ_ONLY} Ничего не изменено."
    )
    assert people_count(store.path) == 2


def test_an_unknown_database_error_gets_neutral_russian_words():
    wrapped = sa.exc.IntegrityError("INSERT …", {}, sqlite3.IntegrityError("UNIQUE failed"))
    assert database_reason(wrapped) == "непредвиденная ошибка базы данных."
    said = {
        database_reason(sqlite3.OperationalError(text))
        for text in ("attempt to write a readonly database", "database is locked")
    }
    assert said == {READ_ONLY, LOCKED}
    assert database_reason(sqlite3.OperationalError("database or disk is full")) == FULL
    for text in said:
        assert not ENGLISH.search(text)


def test_a_disk_io_error_on_a_full_disk_is_said_as_a_full_disk(tmp_path, monkeypatch):
    """SQLite says «disk I/O error» when it cannot grow its -shm file on a full disk: the user
    was told the disk might be faulty."""
    import shutil
    import sqlite3

    from nastavapp.store.oserrors import DiskFullError, DiskIOError, environment_error

    error = sqlite3.OperationalError("disk I/O error")
    faulty = environment_error(error, "Не удалось проверить файл", tmp_path / "school.sqlite")
    assert isinstance(faulty, DiskIOError)  # room on the disk: it is the disk
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(
        shutil,
        "disk_usage",
        lambda _p: usage._replace(free=4096),  # all but 4 KB taken
    )
    full = environment_error(error, "Не удалось проверить файл", tmp_path / "school.sqlite")
    assert isinstance(full, DiskFullError)
    assert "на диске закончилось свободное место" in str(full)
