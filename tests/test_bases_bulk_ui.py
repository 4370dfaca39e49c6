"""«Базы» with many rows selected: the selection itself, one confirmation for everyone, the
deletion in one transaction (with a progress window when slow) and one undo for all of it."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from nastavapp.services import bulk_deletion
from nastavapp.services.years import current_year
from nastavapp.ui import progress_run
from nastavapp.ui.bases import BasesScreen, bulk_commands
from nastavapp.ui.bases.columns import BaseKind
from nastavapp.ui.bases.person_dialog import PersonDialog

from .db_rows import add_people, dump
from .qt_keys import shortcut, type_text

DAY = date(2025, 11, 20)
LOADED = 300  # a list loaded by mistake


@pytest.fixture
def store(demo):
    add_people(demo.path, LOADED, tag="ошибка")
    return demo


@pytest.fixture
def screen(qtbot, store):
    widget = BasesScreen(store, DAY)
    qtbot.addWidget(widget)
    widget.resize(1180, 760)
    widget.show_year(current_year(store))
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    if widget.dialog is not None:
        widget.dialog.close()


def ids(path: Path, sql: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [int(r[0]) for r in conn.execute(sql)]
    finally:
        conn.close()


def count(path: Path, sql: str) -> int:
    [value] = ids(path, sql)
    return value


def click(view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.table.visualRect(view.proxy.index(row, 0))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def key(view, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view.table.setFocus()
    if modifier == Qt.KeyboardModifier.NoModifier:
        QTest.keyClick(view.table, code)
    else:
        shortcut(view.table, code, modifier)


def shown_ids(view) -> list[int]:
    return [
        view.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).id
        for r in range(view.proxy.rowCount())
    ]


def test_rows_are_selected_with_shift_ctrl_and_the_keyboard(screen):
    view = screen.show_tab(BaseKind.ALL)
    click(view, 0)
    assert screen.edit_action.isEnabled() and screen.consent_action.isEnabled()
    click(view, 4, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_ids() == shown_ids(view)[0:5]
    click(view, 7, Qt.KeyboardModifier.ControlModifier)
    click(view, 2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+click again takes a row out
    order = shown_ids(view)
    assert view.selected_ids() == [order[i] for i in (0, 1, 3, 4, 7)]
    assert view.selected() is None
    assert "выделено: 5" in view.counts.text()
    # commands for one person are off; «Удалить…» is for all of them
    for action in (screen.edit_action, screen.consent_action):
        assert not action.isEnabled()
    for action in (screen.mentee_action, screen.mentor_action):
        assert not action.isEnabled()
    assert screen.delete_action.isEnabled()
    assert screen.delete_action.toolTip() == "Удалить выделенных: 5"
    key(view, Qt.Key.Key_Return)
    assert screen.dialog is None  # Enter opens one person only

    click(view, 10)
    for _ in range(3):
        key(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_ids() == shown_ids(view)[10:14]
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.selected_rows()) == view.proxy.rowCount() == view.model.rowCount()

    click(view, 3)  # one again: the usual commands and shortcuts are back
    assert view.selected_id() == shown_ids(view)[3]
    assert screen.edit_action.isEnabled() and screen.mentee_action.isEnabled()
    assert "выделено" not in view.counts.text()
    key(view, Qt.Key.Key_Return)
    assert isinstance(screen.dialog, PersonDialog)
    screen.dialog.reject()


def test_three_hundred_loaded_by_mistake_go_at_once_and_come_back_with_one_undo(
    qtbot, screen, store, said
):
    path = store.path
    view = screen.show_tab(BaseKind.ALL)
    type_text(view.filters.search, "ученица-ошибка")
    assert view.proxy.rowCount() == LOADED
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    before = dump(path)
    people = count(path, "SELECT count(*) FROM person")

    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        key(view, Qt.Key.Key_Delete)
    [question] = said["confirm"]
    assert question == (
        "Удалить из базы 300 человек?\n"
        "Ученица-ошибка-00000 А. И., Ученица-ошибка-00001 А. И., Ученица-ошибка-00002 А. И., "
        "Ученица-ошибка-00003 А. И., Ученица-ошибка-00004 А. И. и ещё 295.\n\n"
        "Это можно сразу отменить: Ctrl+Z или «Отменить»."
    )
    assert count(path, "SELECT count(*) FROM person") == people - LOADED
    assert count(path, "SELECT count(*) FROM person WHERE notes = 'ошибка'") == 0
    assert view.proxy.rowCount() == 0 and view.model.rowCount() == people - LOADED
    assert screen.undo_bar.isVisible()
    assert screen.undo_label.text() == "Удалено из базы: 300 чел."
    assert not said["error"]

    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(path) == before
    assert view.proxy.rowCount() == LOADED
    assert len(view.selected_rows()) == LOADED  # they come back selected
    assert not screen.undo_bar.isVisible() and not screen.undo_action.isEnabled()


def test_mentors_with_their_pairs_and_mentees_named_deleted_and_restored_exactly(
    qtbot, screen, store, said
):
    path = store.path
    mentors = ids(path, "SELECT DISTINCT mentor_id FROM mentoring_group ORDER BY 1 LIMIT 3")
    mentees = ids(
        path,
        "SELECT DISTINCT m.person_id FROM group_member m JOIN mentoring_group g "
        f"ON g.id = m.group_id WHERE g.mentor_id NOT IN ({', '.join(map(str, mentors))}) "
        "ORDER BY 1 LIMIT 2",
    )
    marks = ", ".join(map(str, mentors))
    groups = count(path, f"SELECT count(*) FROM mentoring_group WHERE mentor_id IN ({marks})")
    meetings = count(
        path,
        "SELECT count(*) FROM meeting m JOIN mentoring_group g ON g.id = m.group_id "
        f"WHERE g.mentor_id IN ({marks})",
    )
    view = screen.show_tab(BaseKind.ALL)
    assert view.select_ids(mentors + mentees) == 5
    before = dump(path)
    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        screen.delete_action.trigger()
    [question] = said["confirm"]
    assert question.startswith("Удалить из базы 5 человек?\n")
    assert f"• пары и группы, которые ведут удаляемые наставники: {groups}" in question
    assert f"• встречи пар и групп в журнале: {meetings};" in question
    assert "• участие удаляемых как наставляемых в других парах: 2;" in question
    assert count(path, f"SELECT count(*) FROM mentoring_group WHERE mentor_id IN ({marks})") == 0
    assert screen.undo_label.text() == "Удалено из базы: 5 чел."

    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        screen.undo_button.click()
    assert dump(path) == before  # rows, links and answers' names, as they were
    assert sorted(view.selected_ids()) == sorted(mentors + mentees)


def test_an_error_in_the_middle_deletes_nobody_and_says_so(qtbot, screen, store, said):
    path = store.path
    view = screen.show_tab(BaseKind.ALL)
    type_text(view.filters.search, "ученица-ошибка")
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    victim = shown_ids(view)[250]
    conn = sqlite3.connect(path)
    conn.execute(
        f"CREATE TRIGGER refuse BEFORE DELETE ON person WHEN OLD.id = {victim} "
        "BEGIN SELECT RAISE(ABORT, 'запись защищена'); END"
    )
    conn.commit()
    conn.close()
    before = dump(path)
    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        screen.delete_action.trigger()
    assert said["error"] == [
        "Не удалось удалить: непредвиденная ошибка базы данных. Ничего не изменено."
    ]
    assert dump(path) == before
    assert view.proxy.rowCount() == LOADED and len(view.selected_rows()) == LOADED
    assert not screen.undo_bar.isVisible()
    assert screen.delete_action.isEnabled() and screen.tabs.isEnabled()


def test_saying_no_changes_nothing(screen, store, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        "nastavapp.ui.messages.confirm", lambda _parent, text, *_a: asked.append(text) or False
    )
    view = screen.show_tab(BaseKind.ALL)
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    before = dump(store.path)
    screen.delete_action.trigger()
    assert asked and asked[0].startswith(f"Удалить из базы {view.model.rowCount()} человек")
    assert screen.bulk.run is None
    assert dump(store.path) == before


def test_a_slow_deletion_shows_progress_and_can_be_stopped(qtbot, screen, store, said, monkeypatch):
    monkeypatch.setattr(progress_run, "SHOW_AFTER_MS", 0)
    monkeypatch.setattr(bulk_deletion, "STEP", 1)
    real = bulk_commands.delete_persons

    def slow(store, ids, *, progress, cancelled):
        def step(done: int, total: int) -> None:
            progress(done, total)
            time.sleep(0.01)

        return real(store, ids, progress=step, cancelled=cancelled)

    monkeypatch.setattr(bulk_commands, "delete_persons", slow)
    view = screen.show_tab(BaseKind.ALL)
    type_text(view.filters.search, "ученица-ошибка")
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    before = dump(store.path)
    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        screen.delete_action.trigger()
        run = screen.bulk.run
        assert run is not None
        qtbot.waitUntil(lambda: run.isVisible() and run.value() > 5, timeout=10000)
        assert run.labelText() == "Удаление из базы: 300 чел. Подождите…"
        assert run.maximum() == LOADED and run.windowModality() == Qt.WindowModality.WindowModal
        assert not screen.tabs.isEnabled() and not screen.delete_action.isEnabled()
        stop = run.findChild(QPushButton)
        assert stop.text() == "Прервать удаление"
        stop.click()
    assert said["info"] == ["Удаление прервано: ничего не изменено."]
    assert dump(store.path) == before
    assert not screen.undo_bar.isVisible()
    assert screen.tabs.isEnabled() and screen.delete_action.isEnabled()


def test_several_waiting_mentees_taken_out_of_the_base_and_back(qtbot, screen, store, said):
    path = store.path
    year = current_year(store)
    assert year is not None
    waiting = ids(
        path,
        "SELECT person_id FROM participation WHERE role = 'mentee' AND person_id NOT IN "
        f"(SELECT person_id FROM group_member) AND year_id = {year.id} ORDER BY 1",
    )
    view = screen.show_tab(BaseKind.MENTEES)
    assert view.select_ids(waiting) == len(waiting) == 3
    assert screen.delete_action.toolTip() == "Исключить выделенных: 3"
    before = dump(path)
    people = count(path, "SELECT count(*) FROM person")
    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        screen.delete_action.trigger()
    [question] = said["confirm"]
    assert question.startswith("Исключить из базы наставляемых этого года 3 человека?\n")
    assert "Вместе с этим будут удалены их запросы (" in question
    assert all(view.model.row_of(pid) == -1 for pid in waiting)
    assert count(path, "SELECT count(*) FROM person") == people  # they stay in the school
    assert screen.undo_label.text() == "Исключено из базы наставляемых: 3 чел."
    with qtbot.waitSignal(screen.bulkFinished, timeout=20000):
        key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(path) == before
    assert sorted(view.selected_ids()) == waiting


def test_mentors_in_pairs_are_named_and_nobody_is_taken_out(screen, store, said):
    path = store.path
    busy = ids(path, "SELECT DISTINCT mentor_id FROM mentoring_group ORDER BY 1 LIMIT 2")
    view = screen.show_tab(BaseKind.MENTORS)
    [free] = ids(
        path,
        "SELECT person_id FROM participation WHERE role = 'mentor' AND person_id NOT IN "
        "(SELECT mentor_id FROM mentoring_group) ORDER BY 1 LIMIT 1",
    )
    assert view.select_ids([free, *busy]) == 3
    before = dump(path)
    screen.delete_action.trigger()
    assert not said["confirm"]
    [error] = said["error"]
    assert error.startswith(
        "Исключить нельзя: выбранные участники (2) состоят в наставнических парах или группах "
        "этого года как наставники: "
    )
    assert error.endswith("\n\nСначала уберите их из пар и групп или снимите с них выделение.")
    assert dump(path) == before
    assert screen.bulk.run is None
