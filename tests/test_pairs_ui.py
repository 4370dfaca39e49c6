"""«Пары и группы» driven as the curator drives it: matching (accept, reject, change, by hand,
groups, the mentor's places), approval by order, the card (disband, plans, meetings by keyboard),
«Без пары» and the pairs without meetings for more than 30 days."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QDialogButtonBox, QWidget
from sqlmodel import select

from nastavapp.models import GroupMember, MentoringGroup, Participation
from nastavapp.models.vocab import (
    GroupStatus,
    MeetingType,
    MentoringForm,
    MentoringKind,
    Role,
)
from nastavapp.services.meetings import MeetingDraft, add_meeting, meetings_of
from nastavapp.services.pair_rules import OverCapacityError, Overload
from nastavapp.services.pairs import (
    PairDraft,
    approve_by_order,
    create_group,
    list_groups,
    status_history,
)
from nastavapp.services.plans import plan_of, templates_for
from nastavapp.services.years import current_year
from nastavapp.ui.pairs import PairsScreen
from nastavapp.ui.pairs.approve_dialog import ApproveDialog
from nastavapp.ui.pairs.card_dialog import CardDialog
from nastavapp.ui.pairs.groups_model import LAST, GroupRow
from nastavapp.ui.pairs.manual_pair import ManualPairDialog
from nastavapp.ui.pairs.proposals_model import DECISION, MENTOR, Decision, ProposalRow
from nastavapp.ui.pairs.status_dialog import StatusDialog
from nastavapp.ui.pairs.unpaired_tab import NOTE, POST, SUPPORT
from nastavapp.ui.pairs.widgets import over_capacity_question, set_optional_date

from .pair_school import TODAY, School, build_school
from .qt_keys import type_text
from .ui_helpers import Messages, record_messages

F = MentoringForm
# «Другой наставник…» drops its list down; offscreen Qt says it cannot raise nor grab it
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("does not support (raise|grabbing)")


# --- fixtures -------------------------------------------------------------------------------
@pytest.fixture
def demo_store(demo):
    """A fresh copy of the demo school (conftest's ``demo``), by this module's name."""
    return demo


@pytest.fixture
def school(school_store) -> School:
    return build_school(school_store)


@pytest.fixture
def said(monkeypatch) -> Messages:
    return record_messages(monkeypatch)


def open_screen(qtbot, store) -> PairsScreen:
    screen = PairsScreen(store, TODAY)
    qtbot.addWidget(screen)
    screen.resize(880, 700)
    screen.show_year(current_year(store))
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        screen.show()
    return screen


@pytest.fixture
def screen(qtbot, school):
    widget = open_screen(qtbot, school.store)
    yield widget
    close(widget)


@pytest.fixture
def demo_screen(qtbot, demo_store):
    widget = open_screen(qtbot, demo_store)
    yield widget
    close(widget)


def close(widget: PairsScreen) -> None:
    for dialog in (widget.card, widget.matching.dialog, widget.groups.dialog):
        if dialog is not None:
            dialog.close()
    widget.shutdown()
    widget.close()


# --- helpers --------------------------------------------------------------------------------
def rows(matching) -> list[ProposalRow]:
    return matching.model.rows()


def row_of(matching, name: str) -> int:
    return next(i for i, r in enumerate(rows(matching)) if r.mentee.name == name)


def select_proposal(matching, name: str) -> None:
    index = matching.proxy.mapFromSource(matching.model.index(row_of(matching, name), 0))
    matching.table.setCurrentIndex(index)
    matching.table.selectRow(index.row())


def stored_groups(store) -> list[tuple[MentoringGroup, list[int]]]:
    with store.session() as session:
        groups = session.exec(select(MentoringGroup)).all()
        members = session.exec(select(GroupMember)).all()
    return [(g, sorted(m.person_id for m in members if m.group_id == g.id)) for g in groups]


def pair(school: School, mentor: str, *mentees: str, form: F, on: date = TODAY) -> int:
    draft = PairDraft(school[mentor], tuple(school[m] for m in mentees), form)
    return create_group(school.store, school.year_id, draft, today=on)


def approve(school: School, group_id: int, on: date = TODAY) -> None:
    approve_by_order(school.store, [group_id], "7-о", on, today=TODAY)


def open_card(screen: PairsScreen, group_id: int) -> CardDialog:
    screen.groups.reload()
    assert screen.groups.select(group_id)
    screen.tabs.setCurrentWidget(screen.groups)
    screen.groups.open_button.click()
    assert screen.card is not None and screen.card.isVisible()
    return screen.card


def click_ok(buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok) or buttons.button(
        QDialogButtonBox.StandardButton.Save
    )
    assert button.isEnabled()
    button.click()


# --- table models ---------------------------------------------------------------------------
def test_every_table_model_passes_the_model_tester(demo_screen, qtmodeltester):
    matching = demo_screen.matching
    assert matching.model.rowCount() == 3
    card = open_card(demo_screen, demo_screen.groups.model.rows()[0].id)
    models = [
        matching.model,
        matching.proxy,
        matching.loads,
        demo_screen.groups.model,
        demo_screen.groups.proxy,
        demo_screen.unpaired.model,
        demo_screen.unpaired.proxy,
        card.plan.model,
        card.meetings.model,
    ]
    for model in models:
        assert model.rowCount() > 0, model
        qtmodeltester.check(model)


# --- matching -------------------------------------------------------------------------------
def test_proposals_with_scores_reasons_and_mentors_load(screen, school):
    matching = screen.matching
    assert matching.form() is F.STUDENT_STUDENT  # the first form with mentees to pair
    found = rows(matching)
    assert [r.decision for r in found].count(Decision.PROPOSED) == 3
    no_mentor = [r for r in found if r.mentor is None]
    assert {r.mentee.name for r in no_mentor} == {
        "Данилова Ева Максимовна",
        "Ершов Никита Олегович",
    }
    assert "все подходящие наставники заняты" in {r.why_none for r in no_mentor}
    proposed = found[0]
    assert proposed.mentor is not None and proposed.mentor.name == "Орлов Дмитрий Андреевич"
    index = matching.model.index(0, 5)
    assert "наставник обучен и готов к работе" in index.data()
    assert "баллов" in index.data(Qt.ItemDataRole.ToolTipRole) or "балла" in index.data(
        Qt.ItemDataRole.ToolTipRole
    )
    loads = {r.load.name: r.text for r in matching.loads.rows()}
    assert loads["Орлов Дмитрий Андреевич"] == "0 из 3"
    assert "Ничего не сохраняется" in matching.summary.text()


def test_accept_and_reject_store_only_the_accepted_on_confirmation(qtbot, screen, school, said):
    matching = screen.matching
    accept_name, reject_name = "Белов Иван Сергеевич", "Васина Ольга Игоревна"
    select_proposal(matching, accept_name)
    matching.accept_button.click()
    select_proposal(matching, reject_name)
    matching.reject_button.click()
    assert rows(matching)[row_of(matching, accept_name)].decision is Decision.ACCEPTED
    assert rows(matching)[row_of(matching, reject_name)].decision is Decision.REJECTED
    loads = {r.load.name: r.text for r in matching.loads.rows()}
    assert loads["Орлов Дмитрий Андреевич"] == "0 из 3 + 1"  # chosen, not stored
    assert stored_groups(school.store) == []  # nothing stored before the confirmation
    with qtbot.waitSignal(screen.dataChanged):
        matching.save_button.click()
    groups = stored_groups(school.store)
    assert [(g.mentor_id, ids) for g, ids in groups] == [
        (school["pupil_mentor"], [school["pupil_a"]])
    ]
    assert groups[0][0].status is GroupStatus.FORMING
    names = [r.mentee.name for r in rows(matching)]
    assert accept_name not in names and reject_name in names  # the rejected one stays
    assert "Сохранено пар: 1" in matching.summary.text()
    assert screen.groups.model.rowCount() == 1
    assert accept_name not in [m.name for m in screen.unpaired.model.rows()]
    assert said.all == []


def test_the_checkbox_accepts_and_accepted_proposals_become_a_group(qtbot, screen, school):
    matching = screen.matching
    for row in range(3):
        index = matching.proxy.index(row, DECISION)
        assert matching.proxy.setData(
            index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    matching.group_box.setChecked(True)
    matching.save_button.click()
    ((group, ids),) = stored_groups(school.store)
    assert ids == sorted(school[k] for k in ("pupil_a", "pupil_b", "pupil_c"))
    assert group.kind is MentoringKind.GROUP


@OFFSCREEN_POPUP
def test_change_a_proposal_to_another_mentor_from_the_alternatives(qtbot, demo_screen):
    matching = demo_screen.matching
    name = "Васильева Елизавета Михайловна"
    select_proposal(matching, name)
    proposed = rows(matching)[row_of(matching, name)].mentor
    assert proposed is not None
    matching.change_button.click()  # opens the combo of alternatives in the mentor cell
    combo = matching.table.findChild(QComboBox)
    assert combo is not None and combo.count() > 1
    assert "балл" in combo.itemText(0) and "свободно мест" in combo.itemText(0)
    other = next(i for i in range(combo.count()) if combo.itemData(i) != proposed.person_id)
    chosen_id = combo.itemData(other)
    combo.setCurrentIndex(other)
    combo.activated.emit(other)
    row = rows(matching)[row_of(matching, name)]
    assert row.mentor is not None and row.mentor.person_id == chosen_id
    assert row.decision is Decision.ACCEPTED and row.changed
    assert matching.model.index(row_of(matching, name), MENTOR).data() != proposed.name
    matching.save_button.click()
    store = demo_screen.store
    found = [g for g in list_groups(store, current_year(store).id) if g.mentees[0].name == name]
    live = [g for g in found if g.status is GroupStatus.FORMING]
    assert [g.mentor.id for g in live] == [chosen_id]


@OFFSCREEN_POPUP
def test_the_mentor_picker_stays_inside_the_table_at_1024(qtbot, demo_screen):
    matching = demo_screen.matching
    demo_screen.resize(724, 640)  # its part of a 1024 px window
    qtbot.wait(20)
    select_proposal(matching, "Васильева Елизавета Михайловна")
    matching.change_button.click()
    combo = matching.table.findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    shown = matching.table.viewport().rect()
    assert shown.contains(combo.geometry()), (shown, combo.geometry())  # its arrow too
    assert combo.width() >= combo.sizeHint().width()  # «свободно мест: N» not cut
    assert combo.geometry().right() == shown.right()  # shifted left from the cell
    assert combo.view().minimumWidth() >= combo.sizeHint().width()


@OFFSCREEN_POPUP
def test_a_mentee_nobody_fits_is_offered_pairing_by_hand(qtbot, screen, school):
    matching = screen.matching
    select_proposal(matching, "Данилова Ева Максимовна")  # the mentor's places went to others
    assert "все подходящие наставники заняты" in matching.panel.detail.text()
    matching.change_button.click()  # he is still an alternative: over his places, if chosen
    combo = matching.table.findChild(QComboBox)
    assert combo is not None and combo.isVisible() and combo.count() == 1
    matching.table.closeEditor(combo, QAbstractItemDelegate.EndEditHint.RevertModelCache)
    select_proposal(matching, "Ершов Никита Олегович")  # older than every pupil mentor
    assert "нет наставника, подходящего по форме и возрасту" in matching.panel.detail.text()
    matching.change_button.click()
    dialog = matching.dialog
    assert isinstance(dialog, ManualPairDialog)
    assert dialog.chosen_mentees() == [school["senior"]]


def test_a_group_of_three_by_hand(qtbot, screen, school, said):
    matching = screen.matching
    matching.manual_button.click()
    dialog = matching.dialog
    assert isinstance(dialog, ManualPairDialog)
    assert dialog.chosen_mentees() == [school["pupil_a"]]  # the proposal chosen in the table
    dialog.set_mentees([])
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.choose_mentor(school["pupil_mentor"])
    dialog.set_mentees([school[k] for k in ("pupil_b", "pupil_c", "pupil_d")])
    assert "группа" in dialog.chosen_label.text()
    dialog.role_model.setCurrentText("лидер – пассивный")
    type_text(dialog.goal, "Повышение учебной мотивации")
    with qtbot.waitSignal(screen.dataChanged):
        click_ok(dialog.buttons)
    assert not dialog.isVisible()
    ((group, ids),) = stored_groups(school.store)
    assert ids == sorted(school[k] for k in ("pupil_b", "pupil_c", "pupil_d"))
    assert group.kind is MentoringKind.GROUP
    assert group.role_model == "лидер – пассивный"
    assert group.goal == "Повышение учебной мотивации"
    names = {r.mentee.name for r in rows(matching)}
    assert "Васина Ольга Игоревна" not in names and "Белов Иван Сергеевич" in names
    assert said.all == []


def test_over_capacity_asks_with_the_numbers(qtbot, screen, school, said):
    matching = screen.matching
    four = [school[k] for k in ("pupil_a", "pupil_b", "pupil_c", "pupil_d")]
    matching.manual_button.click()
    dialog = matching.dialog
    dialog.choose_mentor(school["pupil_mentor"])
    dialog.set_mentees(four)
    said.answer = False
    click_ok(dialog.buttons)
    assert len(said.questions) == 1
    assert "0 из 3" in said.questions[0] and "станет 4 из 3" in said.questions[0]
    assert stored_groups(school.store) == []  # declined: nothing stored
    assert dialog.isVisible()  # nothing typed is lost
    said.answer = True
    click_ok(dialog.buttons)
    assert len(said.questions) == 2
    ((group, ids),) = stored_groups(school.store)
    assert ids == sorted(four) and group.mentor_id == school["pupil_mentor"]
    loads = {r.load.name: r.text for r in matching.loads.rows()}
    assert loads["Орлов Дмитрий Андреевич"] == "4 из 3"


def test_over_capacity_from_the_proposals(qtbot, screen, school, said):
    pair(school, "pupil_mentor", "pupil_d", form=F.STUDENT_STUDENT)  # one place taken meanwhile
    matching = screen.matching
    matching.accept_all_button.click()
    said.answer = False
    matching.save_button.click()
    assert "станет 4 из 3" in said.questions[-1]
    assert len(stored_groups(school.store)) == 1
    said.answer = True
    matching.save_button.click()
    assert len(stored_groups(school.store)) == 4


def test_matching_runs_off_the_gui_thread_with_a_busy_indicator(qtbot, screen):
    matching = screen.matching
    with qtbot.waitSignal(matching.matchingFinished, timeout=20_000):
        matching.rerun_button.click()
        assert matching.busy.isVisible() and matching.busy_label.isVisible()
        assert not matching.table.isEnabled()
    assert not matching.busy.isVisible() and matching.table.isEnabled()
    with qtbot.waitSignal(matching.matchingFinished, timeout=20_000):
        matching.choose_form(F.TEACHER_TEACHER)
    assert {r.mentee.name for r in rows(matching)} == {
        "Козлов Пётр Ильич",
        "Смирнова Анна Олеговна",
    }


def test_pairs_approved_under_the_forming_filter_stay_in_view(qtbot, screen, school):
    first = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    groups = screen.groups
    groups.reload()
    screen.tabs.setCurrentWidget(groups)
    filter_ = groups.status_filter
    filter_.setCurrentIndex(filter_.findData(GroupStatus.FORMING.value))
    groups.select(first)
    groups.approve_button.click()
    type_text(groups.dialog.number_edit, "12-о")
    with qtbot.waitSignal(screen.dataChanged):
        groups.dialog.ok_button.click()
    assert filter_.currentText() == "Действующие"  # was «формируется»: an empty table
    assert groups.selected_cards()[0].id == first
    assert groups.selected_cards()[0].status is GroupStatus.APPROVED


def test_score_explanation_comes_from_the_weights(screen):
    from nastavapp.services.matching import RULES, WEIGHTS

    screen.matching.help_button.click()
    text = screen.matching.dialog.text.toPlainText()
    assert "+50 баллов" in text and "−10 баллов" in text
    for weight in WEIGHTS.values():
        assert weight.explanation.split()[0] in text
    assert RULES[2] in text


# --- pairs and groups, approval -------------------------------------------------------------
def test_approve_by_order_shows_number_and_date_on_each(qtbot, screen, school):
    first = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    second = pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER)
    groups = screen.groups
    groups.reload()
    screen.tabs.setCurrentWidget(groups)
    groups.select(first)
    groups.select(second, add=True)
    assert groups.approve_button.isEnabled()
    groups.approve_button.click()
    dialog = groups.dialog
    assert isinstance(dialog, ApproveDialog) and len(dialog.cards) == 2
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.number_edit, "12-о")
    with qtbot.waitSignal(screen.dataChanged):
        dialog.ok_button.click()
    for group_id in (first, second):
        row: GroupRow = groups.model.row_at(groups.model.row_of(group_id))
        assert row.card.status is GroupStatus.APPROVED
        assert row.card.order is not None and row.card.order.number == "12-о"
        assert groups.model.index(groups.model.row_of(group_id), 4).data() == "12-о, 20.11.2025"
        history = status_history(school.store, group_id)
        assert [e.status for e in history] == [GroupStatus.FORMING, GroupStatus.APPROVED]
        assert history[-1].note == "Приказ от 20.11.2025 № 12-о"
    card = open_card(screen, first)
    assert "от 20.11.2025 № 12-о" in card.page.status.order_label.text().replace("\u00a0", " ")
    assert "утверждена приказом" in card.page.status.history_label.text()


def test_search_and_filters_of_the_list(demo_screen):
    groups = demo_screen.groups
    assert groups.proxy.rowCount() == 23
    groups.search.setText("николаев алексей")  # ФИО of the mentor, any case
    assert [r.card.mentor.short_name for r in groups.rows_shown()] == ["Николаев А. И."]
    groups.search.setText("")
    groups.form_filter.setCurrentIndex(groups.form_filter.findData(F.TEACHER_TEACHER.value))
    assert {r.card.form for r in groups.rows_shown()} == {F.TEACHER_TEACHER}
    groups.form_filter.setCurrentIndex(0)
    groups.status_filter.setCurrentIndex(groups.status_filter.findData("forming"))
    assert len(groups.rows_shown()) == 2
    groups.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    groups.status_filter.setCurrentIndex(0)
    mentors = [r.card.mentor.short_name for r in groups.rows_shown()]
    assert mentors[0] == "Шилин В. О." and mentors[-1] == "Афанасьев Л. К."


def test_pairs_without_meetings_for_more_than_30_days_stand_out(demo_screen):
    groups = demo_screen.groups
    stale = [r for r in groups.model.rows() if r.stale]
    assert {r.card.title for r in stale} == {
        "Богородская Н. Э. — Бирюкова Т. Г.",
        "Ершова К. И. — Денисова Я. А.",
    }
    row = groups.model.row_of(stale[0].id)
    assert groups.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert groups.model.index(row, LAST).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Больше 30 дней" in groups.model.index(row, LAST).data(Qt.ItemDataRole.ToolTipRole)
    fresh = next(r for r in groups.model.rows() if not r.stale)
    assert (
        groups.model.index(groups.model.row_of(fresh.id), 0).data(Qt.ItemDataRole.BackgroundRole)
        is None
    )
    groups.status_filter.setCurrentIndex(groups.status_filter.findData("stale"))
    assert {r.id for r in groups.rows_shown()} == {r.id for r in stale}
    assert "без встреч больше 30 дней: 2" in groups.counts.text()
    card = open_card(demo_screen, stale[0].id)
    card.tabs.setCurrentWidget(card.meetings)
    assert "Нет встреч 38 дней" in card.meetings.summary.text()


def test_delete_asks_for_confirmation(qtbot, screen, school, said):
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    groups = screen.groups
    groups.reload()
    screen.tabs.setCurrentWidget(groups)
    groups.select(group_id)
    groups.table.setFocus()
    said.answer = False
    QTest.keyClick(groups.table, Qt.Key.Key_Delete)
    assert len(said.questions) == 1 and "Белов И. С." in said.questions[0]
    assert len(stored_groups(school.store)) == 1
    said.answer = True
    QTest.keyClick(groups.table, Qt.Key.Key_Delete)
    assert stored_groups(school.store) == []
    assert groups.model.rowCount() == 0


# --- the card -------------------------------------------------------------------------------
def test_disband_with_a_reason(qtbot, screen, school, said):
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    approve(school, group_id)
    card = open_card(screen, group_id)
    card.page.status.disband_button.click()
    dialog = card.page.status.dialog
    assert isinstance(dialog, StatusDialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    type_text(dialog.reason_edit, "Смена места жительства")
    with qtbot.waitSignal(screen.dataChanged):
        dialog.ok_button.click()
    history = status_history(school.store, group_id)
    assert history[-1].status is GroupStatus.DISBANDED
    assert history[-1].note == "Смена места жительства"
    assert "Смена места жительства" in card.page.status.order_label.text()
    assert not card.page.status.disband_button.isEnabled()
    assert "Белов Иван Сергеевич" in [m.name for m in screen.unpaired.model.rows()]
    assert school.mentee_status("pupil_a") == "in_base"


def test_add_and_remove_a_mentee_and_edit_the_card(qtbot, screen, school, said):
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    card = open_card(screen, group_id)
    page = card.page
    page.add_button.click()
    picker = page.dialog
    picker.choose(school["pupil_b"])
    click_ok(picker.buttons)
    assert page.mentees.count() == 2 and card.windowTitle().startswith("Группа")
    page.mentees.setCurrentRow(1)
    page.remove_button.click()
    type_text(page.dialog.reason_edit, "перевод в другой класс")
    click_ok(page.dialog.buttons)
    assert page.mentees.count() == 1
    page.role_model.setCurrentText("равный – равному")
    page.goal.setPlainText("Адаптация в новом классе")
    assert page.save_button.isEnabled()
    page.save_button.click()
    ((group, _ids),) = stored_groups(school.store)
    assert group.role_model == "равный – равному" and group.goal == "Адаптация в новом классе"
    assert said.all == []


def test_plan_from_a_template_and_by_hand(qtbot, screen, school, said):
    group_id = pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER)
    card = open_card(screen, group_id)
    plan = card.plan
    card.tabs.setCurrentWidget(plan)
    template = templates_for(F.TEACHER_TEACHER)[0]
    plan.template.setCurrentIndex(plan.template.findData(template.code))
    plan.apply_button.click()
    items = plan_of(school.store, group_id)
    assert len(items) == len(template.items) == plan.model.rowCount()
    assert plan.progress_label.text() == f"Выполнено 0 из {len(items)}"
    # a new item typed by hand, Enter saves it
    type_text(plan.task, "Посетить уроки наставника")
    type_text(plan.direction, "Методика")
    QTest.keyClick(plan.direction, Qt.Key.Key_Return)
    items = plan_of(school.store, group_id)
    assert items[-1].task == "Посетить уроки наставника" and items[-1].direction == "Методика"
    assert plan.task.text() == ""  # the form is ready for the next one
    # mark it done: choose the row, give the done date and the result
    plan.table.selectRow(plan.model.rowCount() - 1)
    assert plan.editing is not None and plan.editing.id == items[-1].id
    set_optional_date(plan.done, date(2025, 11, 15))
    type_text(plan.result, "Посещено 3 урока")
    QTest.keyClick(plan.result, Qt.Key.Key_Return)
    done = plan_of(school.store, group_id)[-1]
    assert done.done_date == date(2025, 11, 15) and done.result == "Посещено 3 урока"
    assert plan.progress_label.text() == f"Выполнено 1 из {len(items)}"
    assert "выполнено 1 из" in card.page.status.work_label.text()
    # delete with a confirmation
    plan.table.selectRow(0)
    said.answer = False
    plan.delete_button.click()
    assert len(plan_of(school.store, group_id)) == len(items)
    said.answer = True
    plan.table.setFocus()
    QTest.keyClick(plan.table, Qt.Key.Key_Delete)
    assert len(plan_of(school.store, group_id)) == len(items) - 1
    assert len(said.questions) == 2


def test_meetings_entered_by_keyboard(qtbot, screen, school, said):
    early = date(2025, 11, 3)
    group_id = pair(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT, on=early)
    approve(school, group_id, on=date(2025, 11, 10))
    card = open_card(screen, group_id)
    log = card.meetings
    card.tabs.setCurrentWidget(log)
    assert log.plan.count() > 4 and "организационная" in log.plan.item(0).text()
    assert log.meeting_type() is MeetingType.ORGANIZATIONAL
    log.date.setDate(log.date.date().addDays(-7))  # 13.11.2025
    type_text(log.topic, "Знакомство")
    QTest.keyClick(log.topic, Qt.Key.Key_Return)
    first = meetings_of(school.store, group_id)
    assert len(first) == 1
    assert first[0].meeting_date == date(2025, 11, 13) and first[0].topic == "Знакомство"
    assert first[0].attendee_ids == {school[k] for k in ("pupil_mentor", "pupil_a", "pupil_b")}
    assert status_history(school.store, group_id)[-1].status is GroupStatus.ACTIVE
    # the form cleared for the next one, the next type of the sequence proposed
    assert log.topic.text() == "" and log.notes.text() == ""
    assert log.meeting_type() is MeetingType.TRIAL
    assert "✓" in log.plan.item(0).text()
    # the second: one mentee did not come; default topic; Enter in the notes
    log.came[school["pupil_b"]].setChecked(False)
    type_text(log.notes, "Разобрали домашнее задание")
    QTest.keyClick(log.notes, Qt.Key.Key_Enter)
    second = meetings_of(school.store, group_id)[-1]
    assert second.type is MeetingType.TRIAL
    assert second.topic == "Пробная рабочая встреча: первое совместное задание"
    assert school["pupil_b"] not in second.attendee_ids
    assert log.model.rowCount() == 2
    assert "Проведено встреч: 2" in log.summary.text()
    row = screen.groups.model.row_of(group_id)
    assert screen.groups.model.index(row, 5).data() == "2"  # the list counts them
    # a date in the future is refused with the reason
    log.date.setMaximumDate(log.date.date().addDays(30))
    log.date.setDate(log.date.date().addDays(10))
    QTest.keyClick(log.topic, Qt.Key.Key_Return)
    assert said.error and "ещё не наступила" in said.error[0]
    # delete with a confirmation
    log.table.selectRow(0)
    log.table.setFocus()
    QTest.keyClick(log.table, Qt.Key.Key_Delete)
    assert len(meetings_of(school.store, group_id)) == 1


# --- «Без пары» -----------------------------------------------------------------------------
def test_unpaired_support_mark_and_note(qtbot, screen, school):
    unpaired = screen.unpaired
    screen.tabs.setCurrentWidget(unpaired)
    names = [m.name for m in unpaired.model.rows()]
    assert "Ершов Никита Олегович" in names and len(names) == 7
    row = names.index("Ершов Никита Олегович")
    support = unpaired.proxy.mapFromSource(unpaired.model.index(row, SUPPORT))
    with qtbot.waitSignal(screen.dataChanged):
        assert unpaired.proxy.setData(
            support, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    note = unpaired.proxy.mapFromSource(unpaired.model.index(row, NOTE))
    assert unpaired.proxy.setData(note, "Беседа с психологом 21.11", Qt.ItemDataRole.EditRole)
    with school.store.session() as session:
        part = session.exec(
            select(Participation).where(
                Participation.person_id == school["senior"], Participation.role == Role.MENTEE
            )
        ).one()
    assert part.needs_support and part.note == "Беседа с психологом 21.11"
    assert "нужна поддержка: 1" in unpaired.counts.text()
    unpaired.support_only.setChecked(True)
    assert unpaired.proxy.rowCount() == 1
    # «Подобрать наставника» opens the matching with the mentee's form
    unpaired.support_only.setChecked(False)
    index = unpaired.proxy.mapFromSource(unpaired.model.index(0, 0))
    unpaired.table.setCurrentIndex(index)
    unpaired.match_button.click()
    assert screen.tabs.currentWidget() is screen.matching


def test_the_unpaired_list_shows_the_class_as_every_table_does(screen):
    unpaired = screen.unpaired
    shown = {
        unpaired.model.index(row, 0).data(): unpaired.model.index(row, POST).data()
        for row in range(unpaired.model.rowCount())
    }
    assert shown["Ершов Никита Олегович"] == "11А"  # not «11А класс»
    assert shown["Белов Иван Сергеевич"] == "6А"
    assert shown["Смирнова Анна Олеговна"] == "учитель русского языка"
    assert not any(text.endswith("класс") for text in shown.values())


def test_stored_pairs_leave_the_unpaired_list(qtbot, screen, school):
    before = screen.unpaired.model.rowCount()
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    card = open_card(screen, group_id)  # a change in a card brings every tab up to date
    with qtbot.waitSignal(screen.dataChanged):
        card.page.goal.setPlainText("Цель")
        card.page.save_button.click()
    assert screen.unpaired.model.rowCount() == before - 1
    assert "(1)" in screen.tabs.tabText(1)


def test_the_screen_is_in_the_main_window(qtbot, demo_store):
    from nastavapp.ui.main_window import MainWindow
    from nastavapp.ui.settings import UiSettings

    window = MainWindow(demo_store, UiSettings(), today=TODAY)
    qtbot.addWidget(window)
    screen = window.screens["pairs"]
    assert isinstance(screen, PairsScreen)
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        window.show()
        window.show_screen("pairs")
    assert screen.groups.model.rowCount() == 23
    with qtbot.waitSignal(screen.dataChanged):
        screen.matching.accept_all_button.click()
        screen.matching.save_button.click()
    screen.shutdown()
    window.close()


def test_no_year_disables_the_screen(qtbot, store):
    widget = PairsScreen(store, TODAY)
    qtbot.addWidget(widget)
    widget.show_year(None)
    widget.show()
    assert not widget.tabs.isEnabled()
    assert widget.title.text() == "Пары и группы"
    widget.shutdown()


def test_coming_back_to_the_screen_reads_again(qtbot, screen, school):
    screen.hide()
    pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)  # e.g. from another screen
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        screen.show()
    assert screen.groups.model.rowCount() == 1
    assert "Белов Иван Сергеевич" not in [r.mentee.name for r in rows(screen.matching)]
    assert "Белов Иван Сергеевич" not in [m.name for m in screen.unpaired.model.rows()]


def test_an_empty_base_says_where_to_start(qtbot, school_store):
    widget = open_screen(qtbot, school_store)
    try:
        text = widget.matching.summary.text()
        assert text.startswith("В базе наставляемых этого года пока никого нет.")
        assert "«Базы» → «База наставляемых»" in text
    finally:
        close(widget)


def test_a_form_with_everyone_paired_says_so(qtbot, demo_store):
    widget = open_screen(qtbot, demo_store)
    try:
        matching = widget.matching
        paired = next(
            i for i, n in enumerate(matching._unpaired) if n == 0
        )  # a form of the demo whose mentees all have pairs
        with qtbot.waitSignal(matching.matchingFinished, timeout=20_000):
            matching.form_combo.setCurrentIndex(paired)
        assert matching.summary.text() == "Наставляемых этой формы без пары нет."
    finally:
        close(widget)


def test_closing_the_window_waits_for_a_running_matching(qtbot, demo_store):
    from nastavapp.ui.main_window import MainWindow
    from nastavapp.ui.settings import UiSettings

    window = MainWindow(demo_store, UiSettings(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("pairs")  # the matching starts in its thread
    runner = window.screens["pairs"].matching.runner
    assert runner.busy
    window.close()  # as the user closes it: the data file is closed right after
    assert runner.pool.activeThreadCount() == 0


def test_a_closed_card_is_freed_when_the_next_opens(demo_screen, qtbot):
    import shiboken6

    rows = demo_screen.groups.model.rows()
    first = open_card(demo_screen, rows[0].id)
    page = first.findChild(QWidget)
    first.close()
    second = open_card(demo_screen, rows[1].id)
    qtbot.wait(10)
    assert not shiboken6.isValid(first) and not shiboken6.isValid(page)  # with its pages
    assert second.isVisible()


def test_the_plan_of_meetings_is_ticked_by_date_never_ahead(qtbot, screen, school):
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT, on=date(2025, 10, 1))
    approve(school, group_id, on=date(2025, 10, 6))
    kinds = [MeetingType.ORGANIZATIONAL] + [MeetingType.REGULAR] * 3
    days = [date(2025, 10, 13), date(2025, 11, 3), date(2025, 11, 10), date(2025, 11, 17)]
    for day, kind in zip(days, kinds, strict=True):
        add_meeting(school.store, group_id, MeetingDraft(day, kind, "Тема"), today=TODAY)
    card = open_card(screen, group_id)
    card.tabs.setCurrentWidget(card.meetings)
    plan = card.meetings.plan
    texts = [plan.item(i).text() for i in range(plan.count())]
    assert texts[:7] == [
        "06.10.2025 — организационная",  # the pair first met a week later
        "✓ 13.10.2025 — пробная рабочая",  # met that day (an «организационная»)
        "20.10.2025 — встреча-планирование",  # nothing near it
        "✓ 03.11.2025 — регулярная",
        "✓ 17.11.2025 — регулярная",  # 10.11, halfway, counts once
        "01.12.2025 — регулярная",  # on 20.11.2025 it has not come yet
        "15.12.2025 — регулярная",
    ]
    assert not any(t.startswith("✓") for t in texts[5:])
    assert "В журнале: 13.10.2025 — организационная" in plan.item(1).toolTip()
    assert plan.item(5).font().bold()  # the next one to hold


def test_the_card_lists_mentees_in_the_free_height_with_whole_names(qtbot, demo_screen):
    group = max(demo_screen.groups.model.rows(), key=lambda r: len(r.card.mentees)).card
    card = open_card(demo_screen, group.id)
    card.resize(960, 660)  # the card's size in a 1024 px window
    qtbot.wait(20)
    listed = card.page.mentees
    lines = [f"{m.name}, {m.post}" for m in group.mentees]
    assert len(lines) >= 3
    assert [listed.item(i).text() for i in range(listed.count())] == lines
    assert [listed.item(i).toolTip() for i in range(listed.count())] == lines
    assert listed.height() >= 2 * 84  # not a fixed strip of 84 px over an empty box


def test_empty_tables_say_what_to_do(qtbot, school_store):
    widget = open_screen(qtbot, school_store)  # a new school: nobody in the bases yet
    try:
        groups, unpaired = widget.groups.empty_note, widget.unpaired.empty_note
        assert not groups.isHidden() and not unpaired.isHidden()
        assert groups.text() == (
            "Пар и групп пока нет: подберите наставников на вкладке «Подбор пар»."
        )
        assert unpaired.text().startswith("В базе наставляемых этого года пока никого нет.")
        assert "«Базы» → «База наставляемых»" in unpaired.text()
        widget.groups.search.setText("Иванов")  # a search in an empty table changes nothing
        assert "подберите наставников" in groups.text()
    finally:
        close(widget)


def test_a_forming_pair_card_says_how_to_start_its_plan_and_log(qtbot, screen, school):
    group_id = pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    card = open_card(screen, group_id)
    plan, log = card.plan.empty_note, card.meetings.empty_note
    assert not plan.isHidden() and not log.isHidden()
    assert plan.text().startswith("В плане пока нет пунктов.")
    assert "«Добавить пункты шаблона»" in plan.text()
    assert log.text().startswith("Встреч пока нет.")
    assert "в форме выше" in log.text()
    everyone = frozenset({school["pupil_mentor"], school["pupil_a"]})
    add_meeting(school.store, group_id, MeetingDraft(TODAY, attendee_ids=everyone), today=TODAY)
    card.reload()
    assert log.isHidden()  # the log has its meeting: no note over it
    assert screen.unpaired.model.rowCount() > 0 and screen.unpaired.empty_note.isHidden()


def test_over_capacity_question_names_the_mentor_in_the_nominative(demo_screen, said):
    """«…которое готов взять наставник», not «…наставника»; for several, «готовы … наставники»."""
    matching = demo_screen.matching
    matching.commands.pair_by_hand()
    dialog = matching.dialog
    assert isinstance(dialog, ManualPairDialog)
    full = next(
        i for i in range(1, dialog.mentor.count()) if "занято 1 из 1" in dialog.mentor.itemText(i)
    )
    dialog.mentor.setCurrentIndex(full)
    for row in range(dialog.mentees.count()):
        dialog.mentees.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert said.questions, "the over-capacity question was not asked"
    assert said.questions[0].startswith(
        "Будет превышено число наставляемых, которое готов взять наставник:\n"
    )
    two = OverCapacityError([Overload(1, "А. А.", 1, 1, 1), Overload(2, "Б. Б.", 1, 1, 1)])
    assert over_capacity_question(two).startswith(
        "Будет превышено число наставляемых, которое готовы взять наставники:\n"
    )
