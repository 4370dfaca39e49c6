"""The stage screens and the start screen, driven as the curator drives them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import select

from nastavapp.models import IssuedDocument
from nastavapp.models.vocab import DocumentKind, EventStatus, MentoringForm, RoadmapStage
from nastavapp.services.progress import year_events
from nastavapp.services.years import current_year, list_years
from nastavapp.ui.app import AppController
from nastavapp.ui.roadmap.events_model import NAME, PERIOD, STATUS
from nastavapp.ui.settings import UiSettings
from nastavapp.ui.stage_screen import StageScreen

from .qt_keys import type_text

TODAY = date(2025, 10, 15)


@pytest.fixture
def stage_one(qtbot, school_store):
    screen = StageScreen(school_store, RoadmapStage.PREPARATION, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show_year(current_year(school_store))
    return screen


def _select(screen: StageScreen, name_part: str) -> int:
    model = screen.model
    row = next(r for r in range(model.rowCount()) if name_part in model.index(r, NAME).data())
    screen.table.selectRow(row)
    return row


def test_events_model_is_a_valid_model(qtmodeltester, stage_one):
    qtmodeltester.check(stage_one.model)
    assert stage_one.model.rowCount() == 5
    assert stage_one.model.index(0, PERIOD).data() == "01.09.2025 –\n30.09.2025"
    # in October every September event is overdue and says so
    assert stage_one.model.index(0, STATUS).data() == "не начато\nпросрочено на 15 дн."
    assert (
        stage_one.model.index(0, NAME).data(Qt.ItemDataRole.ForegroundRole).color().name()
        == "#c62828"
    )


def test_mark_done_records_the_date_and_refreshes(qtbot, stage_one, school_store):
    row = _select(stage_one, "Назначение куратора")
    with qtbot.waitSignal(stage_one.dataChanged):
        stage_one.done_button.click()
    assert stage_one.model.index(row, STATUS).data() == "выполнено\n15.10.2025"
    event = next(
        e
        for e in year_events(school_store, current_year(school_store).id)
        if e.template_code == "s1_appoint_curator"
    )
    assert (event.status, event.completed_date, event.status_overridden) == (
        EventStatus.DONE,
        TODAY,
        True,
    )


def test_edit_dialog_saves_status_and_the_order(qtbot, stage_one, school_store):
    _select(stage_one, "нормативной базы")
    stage_one.edit_selected()
    dialog = stage_one.dialog
    dialog.status.setCurrentIndex(dialog.status.findData(EventStatus.DONE.value))
    dialog.completed.setDate(QDate(2025, 9, 12))
    type_text(dialog.order_number, "45-о")
    dialog.order_date.setDate(QDate(2025, 9, 12))
    dialog.end.setDate(QDate(2025, 8, 1))  # before the start: refused
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "раньше даты начала" in dialog.problem.text()
    dialog.end.setDate(QDate(2025, 9, 30))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    event = next(
        e
        for e in year_events(school_store, current_year(school_store).id)
        if e.template_code == "s1_regulations"
    )
    assert (event.status, event.completed_date) == (EventStatus.DONE, date(2025, 9, 12))
    with school_store.session() as session:
        order = session.get(IssuedDocument, event.document_id)
    assert (order.kind, order.number, order.issued_on) == (
        DocumentKind.ORDER_REGULATIONS,
        "45-о",
        date(2025, 9, 12),
    )


def test_add_remove_and_undo_with_ctrl_z(qtbot, stage_one, school_store, monkeypatch):
    stage_one.add()
    type_text(stage_one.dialog.name, "Педагогический совет о наставничестве")
    stage_one.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert stage_one.model.rowCount() == 6
    assert stage_one.model.index(5, NAME).data() == "Педагогический совет о наставничестве"

    asked = []
    monkeypatch.setattr(
        "nastavapp.ui.messages.confirm", lambda parent, text, *a: asked.append(text) or True
    )
    _select(stage_one, "Выбор форм")
    stage_one.remove_selected()
    assert "Выбор форм" in asked[0] and "Ctrl+Z" in asked[0]
    assert stage_one.model.rowCount() == 5
    assert stage_one.undo_button.isVisible() or stage_one.undo_action.isEnabled()
    stage_one.undo_action.trigger()
    names = [stage_one.model.index(r, NAME).data() for r in range(stage_one.model.rowCount())]
    assert names[3].startswith("Выбор форм") and len(names) == 6
    assert not stage_one.undo_action.isEnabled()


def test_declined_removal_keeps_the_event(qtbot, stage_one, monkeypatch):
    monkeypatch.setattr("nastavapp.ui.messages.confirm", lambda *a: False)
    _select(stage_one, "Выбор форм")
    stage_one.remove_selected()
    assert stage_one.model.rowCount() == 5


def test_work_buttons_lead_to_the_work_of_the_stage(qtbot, school_store):
    screen = StageScreen(school_store, RoadmapStage.MENTEE_BASE, TODAY)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.navigateRequested) as caught:
        screen.work_buttons[0].click()
    assert caught.args == ["bases"]


def test_start_screen_says_what_to_do_now(qtbot, school_store):
    path = school_store.path
    school_store.close()
    ctl = AppController(UiSettings(), today=TODAY)
    try:
        ctl.start(path)
        window = ctl.window
        home = window.screens["home"]
        assert "этап 3. Формирование базы наставников" in home.stage_text.text()
        assert "Срок истёк" in home.next_text.text()
        assert home.overdue_list.count() == 5
        assert "1.1" in home.overdue_list.item(0).text()
        soon = [home.soon_list.item(i).text() for i in range(home.soon_list.count())]
        assert any("Формирование базы наставляемых" in s for s in soon)
        home.next_button.click()
        assert window.current_screen_key() == "stage:1"
        # a change on a stage screen updates the marks in the navigation column
        stage = window.screens["stage:1"]
        stage.table.selectRow(1)
        stage.done_button.click()
        assert window.navigation._items["stage:1"].text(1) == "1/5"
    finally:
        ctl.window.close()
        ctl.store.close()


def test_new_year_from_the_file_menu(qtbot, school_store, monkeypatch):
    path = school_store.path
    school_store.close()
    shown = []
    monkeypatch.setattr("nastavapp.ui.messages.info", lambda parent, text, *a: shown.append(text))
    ctl = AppController(UiSettings(), today=date(2026, 8, 25))
    try:
        ctl.start(path)
        ctl.window.action_new_year.trigger()
        dialog = ctl.new_year_dialog
        assert dialog.title.text() == "2026/2027"
        dialog.title.setText("2024/2025")
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.title.setText("2026/2027")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: ctl.new_year_run is None, timeout=30_000)
        assert [y.title for y in list_years(ctl.store)] == ["2025/2026", "2026/2027"]
        assert ctl.window.year_combo.currentText() == "2026/2027"
        assert "Начат 2026/2027 учебный год" in shown[0]
        assert current_year(ctl.store).forms == [
            MentoringForm.STUDENT_STUDENT.value,
            MentoringForm.TEACHER_TEACHER.value,
        ]
    finally:
        ctl.window.close()
        ctl.store.close()


def test_roadmap_orders_are_registered_once(school_store):
    from nastavapp.services.roadmap_edit import set_event_order

    event = next(
        e
        for e in year_events(school_store, current_year(school_store).id)
        if e.template_code == "s5_approve_pairs"
    )
    set_event_order(school_store, event.id, "112-о", date(2025, 11, 5))
    set_event_order(school_store, event.id, "113-о", date(2025, 11, 6))
    with school_store.session() as session:
        orders = session.exec(select(IssuedDocument)).all()
    assert [(o.kind, o.number) for o in orders] == [(DocumentKind.ORDER_PAIRS, "113-о")]


def test_a_person_from_the_base_can_be_made_responsible(qtbot, stage_one, school_store):
    from nastavapp.models import Person
    from nastavapp.models.vocab import PersonCategory

    with school_store.session() as session:
        teacher = Person(
            category=PersonCategory.TEACHER,
            last_name="Шевчук",
            first_name="Ольга",
            middle_name="Ивановна",
            position="педагог-психолог",
        )
        session.add(teacher)
        session.commit()
        session.refresh(teacher)
    row = _select(stage_one, "Информирование")
    stage_one.edit_selected()
    dialog = stage_one.dialog
    assert dialog.person.itemText(1) == "Шевчук О. И., педагог-психолог"
    dialog.person.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert stage_one.model.index(row, 3).data() == "куратор\nШевчук О. И."
    stage_one.edit_selected()
    stage_one.dialog.person.setCurrentIndex(0)  # «не указан» clears it
    stage_one.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert stage_one.model.index(row, 3).data() == "куратор"
