"""Deleting a person: what it touches (for the confirmation), and the exact undo."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.deletion import (
    DeletionError,
    delete_person,
    deletion_impact,
    restore_person,
)
from nastavapp.services.people import add_person, get_person
from nastavapp.services.person_fields import PersonFields

from .conftest import TODAY
from .db_rows import dump

DEMO_DAY = date(2025, 11, 20)


def one(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_deleting_a_mentor_names_his_pair_plans_and_answers_and_undo_restores_all(demo):
    path = demo.path
    mentor = one(
        path,
        "SELECT g.mentor_id FROM mentoring_group g JOIN plan_item p ON p.group_id = g.id "
        "WHERE EXISTS (SELECT 1 FROM questionnaire_response r WHERE r.person_id = g.mentor_id) "
        "AND EXISTS (SELECT 1 FROM meeting m WHERE m.group_id = g.id) LIMIT 1",
    )
    person = get_person(demo, mentor)
    assert person is not None
    impact = deletion_impact(demo, mentor)
    text = impact.text()
    assert text.startswith(f"Удалить «{person.full_name}» из базы?")
    assert "роль: наставник в 2025/2026 учебном году" in text
    assert "пара (группа), которую ведёт участник, наставляемые:" in text
    assert impact.plan_items > 0 and "пункты индивидуальных планов" in text
    assert impact.meetings > 0 and "встречи пар и групп в журнале" in text
    assert "согласие на обработку персональных данных" in text
    assert impact.answers > 0 and "останутся в итогах опроса без имени" in text
    assert "Ctrl+Z" in text

    before = dump(path)
    snapshot = delete_person(demo, mentor)
    assert get_person(demo, mentor) is None
    assert one(path, f"SELECT count(*) FROM mentoring_group WHERE mentor_id = {mentor}") == 0
    assert one(path, f"SELECT count(*) FROM questionnaire_response WHERE person_id = {mentor}") == 0
    assert dump(path) != before
    restore_person(demo, snapshot)
    assert dump(path) == before  # every row back, as stored, links included


def test_deleting_a_mentee_in_a_pair_and_undo(demo):
    path = demo.path
    mentee = one(
        path,
        "SELECT m.person_id FROM group_member m JOIN plan_item p ON p.mentee_id = m.person_id "
        "LIMIT 1",
    )
    impact = deletion_impact(demo, mentee)
    assert impact.memberships == 1
    assert "участие как наставляемого в парах и группах: 1" in impact.text()
    assert "запросы наставляемого" in impact.text()
    before = dump(path)
    snapshot = delete_person(demo, mentee)
    restore_person(demo, snapshot)
    assert dump(path) == before


def test_a_person_with_nothing_else(store):
    fields = PersonFields(PersonCategory.STUDENT, "Ёлкин", "Иван", class_name="5А")
    pid = int(add_person(store, fields, today=TODAY).id or 0)
    impact = deletion_impact(store, pid)
    assert not impact.touches_anything
    assert impact.text() == (
        "Удалить «Ёлкин Иван» из базы?\n\nУдаление можно сразу отменить: Ctrl+Z или «Отменить»."
    )
    snapshot = delete_person(store, pid)
    assert snapshot.name == "Ёлкин Иван"
    restore_person(store, snapshot)
    restored = get_person(store, pid)
    assert restored is not None and restored.full_name == "Ёлкин Иван"


def test_undo_refuses_when_the_place_was_taken(store):
    fields = PersonFields(PersonCategory.STUDENT, "Ёлкин", "Иван", class_name="5А")
    pid = int(add_person(store, fields, today=TODAY).id or 0)
    snapshot = delete_person(store, pid)
    other = add_person(store, PersonFields(PersonCategory.STUDENT, "Жуков", "Антон"), today=TODAY)
    assert other.id == pid  # SQLite gave the free id to the new person
    with pytest.raises(DeletionError, match="Не удалось вернуть удалённое"):
        restore_person(store, snapshot)
    still = get_person(store, pid)
    assert still is not None and still.last_name == "Жуков"


def test_a_missing_person(store):
    with pytest.raises(DeletionError, match="уже нет в базе"):
        delete_person(store, 999)
    with pytest.raises(DeletionError, match="уже нет в базе"):
        deletion_impact(store, 999)
