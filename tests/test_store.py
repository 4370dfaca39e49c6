"""The data file: pragmas, migrations from version 1, refusal of newer and foreign files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

import nastavapp.models as models
from nastavapp.store import (
    LATEST_VERSION,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
    open_store,
    prepare_file,
)
from nastavapp.store.text import ru_fold


def test_every_connection_has_the_pragmas(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        folded = conn.exec_driver_sql("SELECT ru_fold('ЁЛКИНА Наталья')").scalar()
        assert folded == "елкина наталья"
        ordered = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT v FROM (SELECT 'Ёлкин' AS v UNION SELECT 'Абрамов' UNION SELECT 'Жуков' "
                "UNION SELECT 'Ежов') ORDER BY v COLLATE RU"
            )
        ]
        assert ordered == ["Абрамов", "Ежов", "Ёлкин", "Жуков"]


def test_fresh_file_is_at_latest_version(store):
    assert store.schema_version() == LATEST_VERSION >= 2


def _columns(path: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: {r[1] for r in conn.execute(f"PRAGMA table_info('{t}')")} for t in tables}
    finally:
        conn.close()


def test_migrated_schema_matches_the_models(store):
    expected = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    assert _columns(store.path) == expected


def test_version_1_file_migrates_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    assert prepare_file(path, target=1) == [1]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(
        "INSERT INTO school (full_name, short_name, municipality, address, director_last_name,"
        " director_first_name, director_middle_name, director_sex, curator_last_name,"
        " curator_first_name, curator_middle_name, curator_sex, curator_position, created_at)"
        " VALUES ('МБОУ «Старая СОШ»', 'Старая СОШ', '', '', 'Иванов', 'Иван', '', 'male',"
        " 'Петрова', 'Анна', '', 'female', 'зам. директора', '2024-09-01 00:00:00')"
    )
    conn.execute(
        "INSERT INTO person (category, last_name, first_name, middle_name, class_name,"
        " position, subject, organization, organization_position, phone, email, notes,"
        " archived, created_at, birth_date) VALUES ('student', 'Белых', 'Анна', '',"
        " '7А', '', '', '', '', '', '', '', 0, '2024-09-01 00:00:00', '2012-03-04')"
    )
    conn.execute(
        "INSERT INTO consent (person_id, given_by, representative_name, given_date,"
        " note) VALUES (1, 'parent', 'Белых Ольга Ивановна', '2024-09-02', '')"
    )
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "code" not in {r[1] for r in conn.execute("PRAGMA table_info('school')")}
    conn.close()

    migrated = open_store(path)
    try:
        assert migrated.schema_version() == LATEST_VERSION
        with migrated.session() as session:
            school = session.exec(select(models.School)).one()
            assert (school.full_name, school.code) == ("МБОУ «Старая СОШ»", "")
            pupil = session.exec(select(models.Person)).one()
            assert (pupil.last_name, pupil.birth_date) == ("Белых", date(2012, 3, 4))
            consent = session.exec(select(models.Consent)).one()  # not cascaded away
            assert consent.representative_name == "Белых Ольга Ивановна"
            session.add(models.AppSetting(key="satisfied_threshold", value="7"))
            session.commit()
    finally:
        migrated.close()


def test_newer_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.sqlite"
    prepare_file(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as caught:
        open_store(path)
    assert "более новой версией программы" in str(caught.value)
    assert path.read_bytes() == before


def test_foreign_file_is_refused(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database at all")
    with pytest.raises(NotADatabaseError) as caught:
        open_store(path)
    assert "не является базой данных" in str(caught.value)
    assert path.read_bytes() == b"PK\x03\x04 not a database at all"


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="не найден"):
        open_store(tmp_path / "nope.sqlite", create=False)


def test_ru_fold_matches_yo_and_case():
    assert ru_fold("Семёнова") == ru_fold("СЕМЕНОВА")
    assert ru_fold(None) == ""
