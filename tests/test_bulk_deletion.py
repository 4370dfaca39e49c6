"""Deleting many people at once: one confirmation, one transaction, one exact undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nastavapp.models.vocab import PersonCategory, Role
from nastavapp.services import bulk_deletion
from nastavapp.services.bulk_deletion import (
    DeletionCancelled,
    batch_impact,
    delete_persons,
    restore_persons,
    unmark_impact,
    unmark_persons,
)
from nastavapp.services.bulk_text import people
from nastavapp.services.deletion import DeletionError
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import PersonFields
from nastavapp.services.roles import RoleError
from nastavapp.services.years import current_year
from nastavapp.store import BackupKind, StoreError, list_backups

from .conftest import TODAY
from .db_rows import add_people, dump


def ids(path: Path, sql: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [int(r[0]) for r in conn.execute(sql)]
    finally:
        conn.close()


def one(path: Path, sql: str) -> int:
    [value] = ids(path, sql)
    return value


def marks(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def fail_on_delete_of(path: Path, person_id: int) -> None:
    """A trigger that makes the file refuse deleting one person: an error in mid-batch."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            f"CREATE TRIGGER refuse BEFORE DELETE ON person WHEN OLD.id = {person_id} "
            "BEGIN SELECT RAISE(ABORT, 'запись защищена'); END"
        )
        conn.commit()
    finally:
        conn.close()


def test_people_are_counted_in_russian():
    assert [people(n) for n in (2, 5, 11, 21, 22, 37, 111, 300)] == [
        "2 человека",
        "5 человек",
        "11 человек",
        "21 человека",
        "22 человека",
        "37 человек",
        "111 человек",
        "300 человек",
    ]


def test_three_people_with_nothing_else(store):
    made = [
        add_person(store, PersonFields(PersonCategory.STUDENT, last, first, middle), today=TODAY)
        for last, first, middle in (
            ("Ёлкин", "Иван", "Петрович"),
            ("Жукова", "Анна", ""),
            ("Орлов", "Пётр", "Ильич"),
        )
    ]
    pids = [int(p.id or 0) for p in made]
    assert batch_impact(store, pids).text() == (
        "Удалить из базы 3 человека?\nЁлкин И. П., Жукова А., Орлов П. И.\n\n"
        "Это можно сразу отменить: Ctrl+Z или «Отменить»."
    )
    before = dump(store.path)
    snapshot = delete_persons(store, pids)
    assert snapshot.names == {
        pids[0]: "Ёлкин Иван Петрович",
        pids[1]: "Жукова Анна",
        pids[2]: "Орлов Пётр Ильич",
    }
    assert one(store.path, "SELECT count(*) FROM person") == 0
    restore_persons(store, snapshot)
    assert dump(store.path) == before


def test_mentors_and_mentees_together_in_one_transaction_and_one_undo(demo):
    path = demo.path
    mentors = ids(
        path,
        "SELECT DISTINCT g.mentor_id FROM mentoring_group g JOIN plan_item p ON p.group_id = g.id "
        "ORDER BY g.mentor_id LIMIT 3",
    )
    # a mentee of the first mentor (their shared pair goes once) and two of other mentors
    own = ids(
        path,
        "SELECT m.person_id FROM group_member m JOIN mentoring_group g ON g.id = m.group_id "
        f"WHERE g.mentor_id = {mentors[0]} LIMIT 1",
    )
    others = ids(
        path,
        "SELECT m.person_id FROM group_member m JOIN mentoring_group g ON g.id = m.group_id "
        f"WHERE g.mentor_id NOT IN ({marks(mentors)}) ORDER BY m.person_id LIMIT 2",
    )
    plain = ids(
        path,
        "SELECT id FROM person WHERE id NOT IN (SELECT person_id FROM participation) LIMIT 2",
    )
    chosen = mentors + own + others + plain
    assert len(set(chosen)) == 8
    groups = one(
        path, f"SELECT count(*) FROM mentoring_group WHERE mentor_id IN ({marks(mentors)})"
    )
    left = one(
        path,
        "SELECT count(DISTINCT m.person_id) FROM group_member m JOIN mentoring_group g "
        f"ON g.id = m.group_id WHERE g.mentor_id IN ({marks(mentors)}) "
        f"AND m.person_id NOT IN ({marks(chosen)})",
    )
    plan_items = one(
        path,
        "SELECT count(*) FROM plan_item p JOIN mentoring_group g ON g.id = p.group_id "
        f"WHERE g.mentor_id IN ({marks(mentors)}) OR p.mentee_id IN ({marks(chosen)})",
    )
    answers = one(
        path, f"SELECT count(*) FROM questionnaire_response WHERE person_id IN ({marks(chosen)})"
    )
    consents = one(path, f"SELECT count(*) FROM consent WHERE person_id IN ({marks(chosen)})")
    roles = one(path, f"SELECT count(*) FROM participation WHERE person_id IN ({marks(chosen)})")

    impact = batch_impact(demo, chosen)
    assert impact.people == 8 and impact.groups_led == groups and impact.mentees_left == left
    assert impact.memberships == 2  # the two mentees of other mentors; the own one goes with him
    assert impact.plan_items == plan_items and impact.answers == answers
    assert impact.consents == consents
    assert impact.mentee_roles + impact.mentor_roles == roles
    text = impact.text()
    assert text.startswith("Удалить из базы 8 человек?\n")
    assert " и ещё 3.\n\nВместе с ними будут удалены:\n" in text
    assert f"• пары и группы, которые ведут удаляемые наставники: {groups}" in text
    assert f"• пункты индивидуальных планов: {plan_items};" in text
    assert f"• согласия на обработку персональных данных: {consents}." in text
    assert f"Ответы в анкетах ({answers}) останутся в итогах опроса без имени." in text

    before = dump(path)
    seen: list[tuple[int, int]] = []
    snapshot = delete_persons(demo, chosen, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert one(path, f"SELECT count(*) FROM person WHERE id IN ({marks(chosen)})") == 0
    assert (
        one(path, f"SELECT count(*) FROM mentoring_group WHERE mentor_id IN ({marks(mentors)})")
        == 0
    )
    assert (
        one(path, "SELECT count(*) FROM questionnaire_response WHERE person_id IS NULL") >= answers
    )
    assert list(snapshot.names) == chosen
    restore_persons(demo, snapshot)
    assert dump(path) == before  # every row of every table back, as stored, links included


def test_hundreds_of_people_in_steps_with_progress(store):
    add_people(store.path, 320)
    everyone = ids(store.path, "SELECT id FROM person ORDER BY id")
    before = dump(store.path)
    seen: list[tuple[int, int]] = []
    snapshot = delete_persons(store, everyone, progress=lambda d, t: seen.append((d, t)))
    assert [d for d, _ in seen] == [0, 50, 100, 150, 200, 250, 300, 320, 320]
    assert {t for _, t in seen} == {320}
    assert one(store.path, "SELECT count(*) FROM person") == 0
    restore_persons(store, snapshot)
    assert dump(store.path) == before


def test_an_error_in_the_middle_leaves_everything_as_it_was(demo):
    path = demo.path
    add_people(path, 200)
    chosen = ids(path, "SELECT id FROM person ORDER BY id")  # demo people with pairs, then 200
    fail_on_delete_of(path, chosen[-30])  # in the last step, after many deleted before it
    before = dump(path)
    with pytest.raises(DeletionError) as caught:
        delete_persons(demo, chosen)
    assert (
        str(caught.value)
        == "Не удалось удалить: непредвиденная ошибка базы данных. Ничего не изменено."
    )
    assert dump(path) == before


def test_cancelling_in_the_middle_changes_nothing(store):
    add_people(store.path, 200)
    chosen = ids(store.path, "SELECT id FROM person")
    before = dump(store.path)
    seen: list[int] = []
    with pytest.raises(DeletionCancelled, match="Удаление прервано: ничего не изменено"):
        delete_persons(
            store, chosen, progress=lambda d, _t: seen.append(d), cancelled=lambda: len(seen) > 2
        )
    assert seen == [0, 50, 100]  # two steps were deleted inside the transaction, then undone
    assert dump(store.path) == before


def test_someone_already_gone_or_nobody_chosen(store):
    add_people(store.path, 3)
    chosen = ids(store.path, "SELECT id FROM person")
    before = dump(store.path)
    with pytest.raises(DeletionError, match=r"Некоторых выбранных участников \(1\) уже нет"):
        delete_persons(store, [*chosen, 999])
    with pytest.raises(DeletionError, match="уже нет в базе"):
        batch_impact(store, [999, *chosen])
    with pytest.raises(DeletionError, match="Никто не выбран"):
        delete_persons(store, [])
    assert dump(store.path) == before


def test_undo_refuses_as_a_whole_when_one_place_was_taken(store):
    add_people(store.path, 5)
    chosen = ids(store.path, "SELECT id FROM person ORDER BY id")
    snapshot = delete_persons(store, chosen)
    taken = add_person(store, PersonFields(PersonCategory.STUDENT, "Жуков", "Антон"), today=TODAY)
    assert taken.id in chosen  # SQLite gave a freed id to the new person
    after = dump(store.path)
    with pytest.raises(DeletionError, match=r"Не удалось вернуть удалённое \(участников: 5\)"):
        restore_persons(store, snapshot)
    assert dump(store.path) == after  # not one of the other four came back


def test_taking_mentees_out_of_the_base_and_back(demo):
    path = demo.path
    year = current_year(demo)
    assert year is not None and year.id is not None
    waiting = ids(
        path,
        "SELECT p.person_id FROM participation p WHERE p.role = 'mentee' AND p.person_id NOT IN "
        f"(SELECT person_id FROM group_member) AND p.year_id = {year.id} ORDER BY p.person_id",
    )
    assert len(waiting) == 3
    requests = one(
        path,
        "SELECT count(*) FROM mentee_request r JOIN participation p ON p.id = r.participation_id "
        f"WHERE p.role = 'mentee' AND p.person_id IN ({marks(waiting)})",
    )
    impact = unmark_impact(demo, waiting, year.id, Role.MENTEE)
    assert impact.requests == requests > 0
    text = impact.unmark_text(Role.MENTEE)
    assert text.startswith("Исключить из базы наставляемых этого года 3 человека?\n")
    assert f"Вместе с этим будут удалены их запросы ({requests})." in text
    assert "Участники останутся в списке «Все участники»." in text

    before = dump(path)
    snapshot = unmark_persons(demo, waiting, year.id, Role.MENTEE)
    assert list(snapshot.names) == waiting
    role_rows = f"SELECT count(*) FROM participation WHERE role = 'mentee' AND person_id IN ({marks(waiting)})"
    assert one(path, role_rows) == 0
    assert one(path, f"SELECT count(*) FROM person WHERE id IN ({marks(waiting)})") == 3
    restore_persons(demo, snapshot)
    assert dump(path) == before


def test_mentors_in_pairs_cannot_be_taken_out_and_nothing_changes(demo):
    path = demo.path
    year = current_year(demo)
    assert year is not None and year.id is not None
    busy = ids(path, "SELECT DISTINCT mentor_id FROM mentoring_group ORDER BY mentor_id LIMIT 2")
    free = ids(
        path,
        "SELECT person_id FROM participation WHERE role = 'mentor' AND person_id NOT IN "
        "(SELECT mentor_id FROM mentoring_group) LIMIT 1",
    )
    before = dump(path)
    with pytest.raises(RoleError, match=r"выбранные участники \(2\) состоят .* как наставники: "):
        unmark_impact(demo, free + busy, year.id, Role.MENTOR)
    with pytest.raises(RoleError, match="Сначала уберите их из пар и групп"):
        unmark_persons(demo, free + busy, year.id, Role.MENTOR)
    assert dump(path) == before
    snapshot = unmark_persons(demo, free, year.id, Role.MENTOR)
    assert list(snapshot.names) == free
    restore_persons(demo, snapshot)
    assert dump(path) == before


def test_deleting_is_one_statement_per_step(store, monkeypatch):
    monkeypatch.setattr(bulk_deletion, "STEP", 7)
    add_people(store.path, 20)
    seen: list[int] = []
    delete_persons(
        store, ids(store.path, "SELECT id FROM person"), progress=lambda d, _t: seen.append(d)
    )
    assert seen == [0, 7, 14, 20, 20]


def test_a_backup_before_deleting_and_none_no_deletion(store, monkeypatch):
    add_people(store.path, 4)
    chosen = ids(store.path, "SELECT id FROM person")
    delete_persons(store, chosen[:2])
    [made] = list_backups(store.path)
    assert made.kind is BackupKind.BEFORE_DELETE
    assert made.summary is not None and made.summary.persons == 4  # taken before deleting

    def refuse(*_args: object) -> None:
        raise StoreError("Диск заполнен.")

    monkeypatch.setattr(bulk_deletion, "backup_before", refuse)
    before = dump(store.path)
    with pytest.raises(DeletionError) as caught:
        delete_persons(store, chosen[2:])
    assert str(caught.value) == (
        "Диск заполнен. Ничего не удалено: без резервной копии программа не меняет базу."
    )
    assert dump(store.path) == before
