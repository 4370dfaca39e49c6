"""«Базы» on the demonstration school: add, edit, search, filters, sort, delete and undo,
roles, consent, the import dialog and the export — driven as the curator drives them."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from nastavapp.models.vocab import MenteeStatus, MentorStatus, PersonCategory, RequestSource
from nastavapp.services.consents import ConsentStatus, consent_state
from nastavapp.services.people import get_person, list_persons
from nastavapp.services.roles import mentee_role, mentor_role
from nastavapp.services.years import current_year
from nastavapp.ui.bases import BasesScreen
from nastavapp.ui.bases.columns import BaseKind
from nastavapp.ui.bases.import_dialog import ImportDialog
from nastavapp.ui.bases.person_dialog import PersonDialog
from nastavapp.ui.bases.role_dialogs import MenteeDialog, MentorDialog

from .import_files import write_xlsx
from .qt_keys import shortcut, type_text

DAY = date(2025, 11, 20)


@pytest.fixture
def store(demo):
    return demo


@pytest.fixture
def screen(qtbot, store):
    widget = BasesScreen(store, DAY)
    qtbot.addWidget(widget)
    widget.resize(1180, 760)
    widget.show_year(current_year(store))
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.dialog is not None:
        widget.dialog.close()


def names_shown(view) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def select(view, full_name: str) -> None:
    person = next(r for r in view.model._rows if r.person.full_name == full_name)
    assert view.select(person.id)


def one(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_every_table_model_passes_the_model_tester(screen, qtmodeltester):
    for view in screen.views.values():
        assert view.model.rowCount() > 0
        qtmodeltester.check(view.model)
        qtmodeltester.check(view.proxy)


def test_three_views_of_the_demo_school(screen):
    views = screen.views
    assert views[BaseKind.ALL].model.rowCount() == 198  # 173 pupils, 22 teachers, 3 externals
    assert views[BaseKind.MENTEES].model.rowCount() == 38
    assert views[BaseKind.MENTORS].model.rowCount() == 27
    counts = views[BaseKind.ALL].counts.text()
    assert "Показано 198 из 198" in counts
    assert "без согласия на обработку ПДн: 7" in counts
    assert "молодых специалистов: 4" in counts
    young = [r for r in views[BaseKind.ALL].model._rows if r.young_specialist]
    row = views[BaseKind.ALL].model.row_of(young[0].id)
    assert "молодой специалист" in views[BaseKind.ALL].model.index(row, 3).data()
    lacking = next(r for r in views[BaseKind.ALL].model._rows if not r.consent.given)
    row = views[BaseKind.ALL].model.row_of(lacking.id)
    index = views[BaseKind.ALL].model.index(row, 5)
    assert index.data() in ("нет", "отозвано")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # the row is marked


def test_add_a_pupil_and_find_her_by_typing_yolkin(qtbot, screen, store, said):
    screen.show_tab(BaseKind.ALL)
    screen.add_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    saving = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not saving.isEnabled()  # ФИО required
    type_text(dialog.last_name, "Ёлкина")
    type_text(dialog.first_name, "Анна")
    type_text(dialog.middle_name, "Сергеевна")
    type_text(dialog.birth_date, "31.02.2014")
    assert not saving.isEnabled()
    assert "Несуществующая дата «31.02.2014»." in dialog.problems.text()
    dialog.birth_date.clear()
    type_text(dialog.birth_date, "05.06.2012")
    type_text(dialog.class_name, "7 а")
    dialog.consent.setChecked(True)
    assert "Укажите ФИО родителя" in dialog.problems.text()  # a minor: a parent consents
    type_text(dialog.consent.representative, "Ёлкина Ольга Ивановна")
    assert saving.isEnabled(), dialog.problems.text()
    save(dialog)
    [added] = list_persons(store, search="ёлкина анна")
    assert (added.class_name, added.birth_date) == ("7А", date(2012, 6, 5))
    assert consent_state(store, int(added.id or 0)).status is ConsentStatus.GIVEN
    view = screen.current_view()
    assert view.selected_id() == added.id
    assert view.model.rowCount() == 199
    for typed in ("ёлкин", "ЕЛКИНА 7а"):
        view.filters.search.clear()
        type_text(view.filters.search, typed)
        assert names_shown(view) == ["Ёлкина Анна Сергеевна"]
    view.filters.search.clear()
    type_text(view.filters.search, "учитель математ")
    assert names_shown(view) and all(
        "математ" in view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())
    )


def test_edit_a_person(screen, store, said):
    view = screen.show_tab(BaseKind.ALL)
    select(view, "Александров Артём Николаевич")
    screen.edit_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, PersonDialog)
    assert dialog.last_name.text() == "Александров"
    dialog.class_name.clear()
    type_text(dialog.class_name, "15Б")
    assert "Класс «15Б» записан неверно" in dialog.problems.text()
    dialog.class_name.clear()
    type_text(dialog.class_name, "2б")
    save(dialog)
    person = get_person(store, view.selected_id())
    assert person is not None and person.class_name == "2Б"
    assert view.model.index(view.model.row_of(person.id), 1).data() == "2Б"


def test_filters_by_category_class_role_and_consent(screen):
    view = screen.show_tab(BaseKind.ALL)
    rows = view.model._rows
    filters = view.filters

    def choose(combo, data) -> int:
        combo.setCurrentIndex(combo.findData(data))
        return view.proxy.rowCount()

    assert choose(filters.category, "teacher") == 22
    assert choose(filters.category, "external") == 3
    assert choose(filters.category, "") == 198
    pupils_7a = sum(1 for r in rows if r.person.class_name == "7А")
    assert choose(filters.school_class, "7А") == pupils_7a > 0
    assert set(view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())) == {"7А"}
    choose(filters.school_class, "")
    assert choose(filters.consent, "missing") == sum(
        1 for r in rows if r.consent.status is ConsentStatus.MISSING
    )
    assert choose(filters.consent, "lacking") == 7
    assert "Показано 7 из 198" in view.counts.text()
    choose(filters.consent, "")
    assert choose(filters.status, "mentor") == 27
    assert choose(filters.status, "young") == 4
    mentors = screen.show_tab(BaseKind.MENTORS)
    combo = mentors.filters.status
    combo.setCurrentIndex(combo.findData(MentorStatus.CANDIDATE.value))
    shown = {mentors.proxy.index(r, 3).data() for r in range(mentors.proxy.rowCount())}
    assert shown == {"кандидат"}


def test_sort_by_any_column_with_yo_beside_ye(qtbot, screen, store):
    from nastavapp.services.people import add_person
    from nastavapp.services.person_fields import PersonFields

    add_person(store, PersonFields(PersonCategory.STUDENT, "Ёлкин", "Ян", class_name="3А"))
    screen.reload()
    view = screen.show_tab(BaseKind.ALL)
    names = names_shown(view)
    at = names.index("Ёлкин Ян")
    # beside «Е», not before «А» as plain code points would put it
    assert names[at - 1][0] == "Е" and names[at + 1][0] in "ЕЁЖ"
    header = view.table.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(2) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    ages = [view.proxy.index(r, 2).data() for r in range(view.proxy.rowCount())]
    numbers = [int(a) for a in ages if a]
    assert numbers == sorted(numbers)
    assert ages[-1] == ""  # no birth date: last
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    numbers = [int(view.proxy.index(r, 2).data() or 0) for r in range(view.proxy.rowCount())]
    assert numbers[0] >= numbers[1] >= numbers[50]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names_shown(view)[0].startswith("Я")


def test_delete_names_what_goes_and_ctrl_z_brings_it_back(qtbot, screen, store, said):
    path = store.path
    mentor_id = one(
        path,
        "SELECT g.mentor_id FROM mentoring_group g WHERE EXISTS (SELECT 1 FROM "
        "questionnaire_response r WHERE r.person_id = g.mentor_id) LIMIT 1",
    )
    person = get_person(store, mentor_id)
    assert person is not None
    year = current_year(store)
    assert year is not None and year.id is not None
    answers = f"SELECT count(*) FROM questionnaire_response WHERE person_id = {mentor_id}"
    assert one(path, answers) > 0
    view = screen.show_tab(BaseKind.ALL)
    assert view.select(mentor_id)
    screen.delete_action.trigger()
    [question] = said["confirm"]
    assert question.startswith(f"Удалить «{person.full_name}» из базы?")
    assert "наставник в 2025/2026 учебном году" in question
    assert "пара (группа), которую ведёт участник" in question
    assert "Ответы в анкетах" in question
    assert get_person(store, mentor_id) is None
    assert view.model.row_of(mentor_id) == -1
    assert screen.undo_bar.isVisible() and screen.undo_action.isEnabled()
    assert person.full_name in screen.undo_label.text()

    screen.activateWindow()
    view.table.setFocus()
    shortcut(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_person(store, mentor_id) is not None
    assert mentor_role(store, mentor_id, year.id) is not None
    assert one(path, answers) > 0
    assert not screen.undo_bar.isVisible()
    assert view.selected_id() == mentor_id


def test_mark_a_pupil_as_mentee_with_a_request(screen, store, said):
    year = current_year(store)
    assert year is not None and year.id is not None
    view = screen.show_tab(BaseKind.ALL)
    pupil = next(
        r
        for r in view.model._rows
        if r.person.category is PersonCategory.STUDENT and r.mentee is None and r.mentor is None
    )
    view.select(pupil.id)
    screen.mentee_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, MenteeDialog)
    saving = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not saving.isEnabled()
    assert "Укажите хотя бы один запрос" in dialog.problems.text()
    text = dialog.requests.text_combo(0)
    text.setCurrentText("Профориентация, выбор профессии и учебного заведения")
    source = dialog.requests.table.cellWidget(0, 1)
    source.setCurrentIndex(source.findData(RequestSource.CLASS_TEACHER.value))
    dialog.requests.add_row()
    type_text(dialog.requests.text_combo(1).lineEdit(), "Хочет заниматься робототехникой")
    assert saving.isEnabled()
    save(dialog)
    role = mentee_role(store, pupil.id, year.id)
    assert role is not None and role.status is MenteeStatus.IN_BASE
    assert [(r.text, r.source) for r in role.requests] == [
        ("Профориентация, выбор профессии и учебного заведения", RequestSource.CLASS_TEACHER),
        ("Хочет заниматься робототехникой", RequestSource.SELF),
    ]
    mentees = screen.views[BaseKind.MENTEES]
    assert mentees.model.row_of(pupil.id) >= 0
    row = mentees.model.row_of(pupil.id)
    assert "(классный руководитель)" in mentees.model.index(row, 2).data()
    assert mentees.model.index(row, 4).data() == "в базе"


def test_mark_a_teacher_as_mentor_through_the_pipeline(screen, store, said):
    year = current_year(store)
    assert year is not None and year.id is not None
    view = screen.show_tab(BaseKind.ALL)
    teacher = next(
        r
        for r in view.model._rows
        if r.person.category is PersonCategory.TEACHER and r.mentor is None
    )
    view.select(teacher.id)
    screen.mentor_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, MentorDialog)
    (interview, interview_date), (training, _), (ready, _) = dialog.steps
    assert not training.isEnabled() and not ready.isEnabled()  # one step after another
    interview.setChecked(True)
    interview_date.setDate(interview_date.date().addDays(-20))
    training.setChecked(True)
    assert "обучение пройдено" in dialog.stage.text()
    dialog.capacity.setValue(2)
    type_text(dialog.event_title, "Школа наставников: роль наставника")
    dialog._new_event()
    assert dialog.events.count() >= 1
    save(dialog)
    role = mentor_role(store, teacher.id, year.id)
    assert role is not None
    assert role.status is MentorStatus.TRAINED and role.capacity == 2
    assert role.interview_date == date(2025, 10, 31) and role.training_date == DAY
    assert len(role.training_event_ids) == 1
    mentors = screen.views[BaseKind.MENTORS]
    row = mentors.model.row_of(teacher.id)
    assert mentors.model.index(row, 3).data() == "обучение пройдено"
    assert mentors.model.index(row, 4).data() == "0 из 2"


def test_take_a_mentee_out_of_the_base_and_undo(screen, store, said):
    year = current_year(store)
    assert year is not None and year.id is not None
    view = screen.show_tab(BaseKind.MENTEES)
    waiting = next(r for r in view.model._rows if not r.mentee.mentors)
    view.select(waiting.id)
    assert screen.delete_action.text() == "Исключить…"
    screen.delete_action.trigger()
    assert "Исключить" in said["confirm"][0]
    assert mentee_role(store, waiting.id, year.id) is None
    assert view.model.row_of(waiting.id) == -1
    assert get_person(store, waiting.id) is not None  # still in the school
    screen.undo_button.click()
    assert mentee_role(store, waiting.id, year.id) is not None


def test_record_and_withdraw_a_consent(screen, store, said):
    view = screen.show_tab(BaseKind.ALL)
    view.filters.consent.setCurrentIndex(view.filters.consent.findData("missing"))
    first = view.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    view.select(first.id)
    screen.consent_action.trigger()
    dialog = screen.dialog
    assert "Согласия на обработку персональных данных нет" in dialog.state_label.text()
    if not dialog.fields.representative.text():
        type_text(dialog.fields.representative, "Петрова Анна Ивановна")
    dialog.record_button.click()
    assert consent_state(store, first.id).status is ConsentStatus.GIVEN
    assert view.model.row_of(first.id) >= 0 and view.proxy.rowCount() < 7
    view.filters.consent.setCurrentIndex(0)
    view.select(first.id)
    screen.consent_action.trigger()
    dialog = screen.dialog
    assert dialog.withdraw_box.isVisible()
    dialog.withdraw_button.click()
    assert consent_state(store, first.id).status is ConsentStatus.WITHDRAWN
    row = view.model.row_of(first.id)
    assert view.model.index(row, 5).data() == "отозвано"


BAD_LIST = [
    ["Список 5 «Б» класса"],
    ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"],
    ["Абрамов", "Олег", "Ильич", "04.03.2014", "5Б"],
    ["Борисова", "Ольга", "", "31.02.2014", "5Б"],
    ["Гусев", "Павел", "Андреевич", "10.10.1995", "5Б"],
    ["Воронова", "Анна", "Игоревна", date(2014, 5, 6), "5 б"],
    ["абрамов", "ОЛЕГ", "Ильич ", "04.03.2014", "5Б"],
]


def test_the_import_dialog_shows_rejected_rows_and_imports_the_rest(
    qtbot, screen, store, said, monkeypatch, tmp_path
):
    path = write_xlsx(tmp_path / "5Б.xlsx", BAD_LIST)
    monkeypatch.setattr("nastavapp.ui.messages.open_file", lambda *a: path)
    screen.import_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.category_value() is PersonCategory.STUDENT  # a class column: pupils
    assert dialog.mapping.combo(0).currentText() == "Фамилия"
    summary = dialog.summary.text()
    assert "Будут загружены: <b>2</b>" in summary
    assert "отклонены: <b style='color:#c62828'>2</b>" in summary
    issues = dialog.issues
    assert [issues.item(r, 0).text() for r in range(issues.rowCount())] == ["4", "5", "7"]
    assert issues.item(0, 2).text() == "Несуществующая дата «31.02.2014»."
    assert "невозможен для обучающегося" in issues.item(1, 2).text()
    assert issues.item(2, 2).text() == "Повторяет строку 3."
    # the user unmaps the middle name: still two to load
    dialog.mapping.combo(2).setCurrentIndex(0)
    assert "Будут загружены: <b>2</b>" in dialog.summary.text()
    with qtbot.waitSignal(dialog.signals.succeeded, timeout=10000):
        dialog.load_button.click()
    assert dialog.outcome is not None and dialog.outcome.imported == 2
    assert "Загружено: <b>2</b>" in dialog.summary.text()
    assert dialog.report_button.isVisible()
    report = tmp_path / "отчёт.xlsx"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: report)
    dialog.report_button.click()
    assert report.exists() and said["info"] and str(report) in said["info"][-1]
    dialog.cancel_button.click()  # «Закрыть»
    assert not dialog.isVisible()
    assert len(list_persons(store, search="воронова анна")) == 1
    assert screen.views[BaseKind.ALL].model.rowCount() == 200


def test_a_file_that_is_not_a_table_changes_nothing(screen, store, said, monkeypatch, tmp_path):
    bad = tmp_path / "фото.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not a table")
    monkeypatch.setattr("nastavapp.ui.messages.open_file", lambda *a: bad)
    screen.import_action.trigger()
    assert said["error"] and "не удалось прочитать как таблицу" in said["error"][0]
    assert screen.dialog is None
    assert screen.views[BaseKind.ALL].model.rowCount() == 198


def test_export_from_the_screen(screen, store, said, monkeypatch, tmp_path):
    target = tmp_path / "база"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    screen.show_tab(BaseKind.MENTORS)
    assert screen.export_action.isVisible()
    screen.export_action.trigger()
    written = tmp_path / "база.xlsx"
    assert written.exists()
    assert said["info"] and "В списке: 27." in said["info"][0]
    screen.show_tab(BaseKind.ALL)
    assert not screen.export_action.isVisible()


def test_the_screen_is_in_the_main_window(qtbot, store):
    from nastavapp.ui.main_window import MainWindow
    from nastavapp.ui.settings import UiSettings

    window = MainWindow(store, UiSettings(), today=DAY)
    qtbot.addWidget(window)
    assert isinstance(window.screens["bases"], BasesScreen)
    window.show_screen("bases")
    assert window.screens["bases"].views[BaseKind.MENTEES].model.rowCount() == 38
    window.close()


def test_selection_index_helpers(screen):
    view = screen.show_tab(BaseKind.ALL)
    view.table.clearSelection()
    view.table.setCurrentIndex(QModelIndex())
    assert view.selected() is None
    assert not screen.edit_action.isEnabled()


def test_cancelling_a_running_import_stores_nothing(qtbot, screen, store, monkeypatch, tmp_path):
    import time

    import nastavapp.ui.bases.import_dialog as module

    real = module.import_persons

    def slow(*args, **options):
        if not options.get("dry_run"):
            deadline = time.monotonic() + 5
            while not options["cancelled"]() and time.monotonic() < deadline:
                time.sleep(0.01)
        return real(*args, **options)

    monkeypatch.setattr(module, "import_persons", slow)
    path = write_xlsx(tmp_path / "5Б.xlsx", BAD_LIST)
    dialog = ImportDialog(store, module.prepare_import(path), DAY, screen)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.signals.cancelled, timeout=10000):
        dialog.load_button.click()
        assert dialog.progress.isVisible()
        assert dialog.cancel_button.text() == "Отменить загрузку"
        dialog.cancel_button.click()
    assert dialog.summary.text() == "Загрузка отменена: ничего не сохранено."
    assert dialog.outcome is None
    assert list_persons(store, search="воронова анна") == []
    assert dialog.load_button.isEnabled()
    dialog.close()


def test_adding_to_the_mentor_base_picks_someone_or_makes_a_new_person(screen, store, said):
    screen.show_tab(BaseKind.MENTORS)
    screen.add_action.trigger()
    picker = screen.dialog
    type_text(picker.search, "учитель физ")
    assert picker.proxy.rowCount() >= 1
    assert not picker.pick_button.isEnabled()
    picker.select_row(0)
    chosen = picker.chosen()
    assert chosen is not None and chosen.person.category is PersonCategory.TEACHER
    picker.pick_button.click()
    assert isinstance(screen.dialog, MentorDialog)
    assert screen.dialog.person.id == chosen.id
    screen.dialog.reject()

    screen.add_action.trigger()
    picker = screen.dialog
    new = next(b for b in picker.buttons.buttons() if b.text() == "Новый &участник…")
    new.click()
    dialog = screen.dialog
    assert isinstance(dialog, PersonDialog)
    assert dialog.category_value() is PersonCategory.TEACHER  # mentors are mostly teachers
    type_text(dialog.last_name, "Смирнова")
    type_text(dialog.first_name, "Ольга")
    type_text(dialog.experience_years, "12")
    save(dialog)
    assert isinstance(screen.dialog, MentorDialog)
    assert screen.dialog.person.full_name == "Смирнова Ольга"


def test_an_empty_base_says_where_people_come_from(qtbot, tmp_path):
    from nastavapp.services.school import setup_school
    from nastavapp.store import open_store
    from nastavapp.ui.bases.base_view import EMPTY_BASE

    from .conftest import sample_setup

    new = open_store(tmp_path / "new.sqlite")
    setup_school(new, sample_setup())
    widget = BasesScreen(new, DAY)
    qtbot.addWidget(widget)
    widget.show_year(current_year(new))
    widget.show()
    try:
        for kind, view in widget.views.items():
            assert view.empty_hint.text() == EMPTY_BASE[kind]
        assert "«Загрузить список»" in EMPTY_BASE[BaseKind.ALL]
        assert widget.views[BaseKind.ALL].empty_hint.isVisible()
    finally:
        widget.close()
        new.close()


def test_a_person_dialog_closed_is_freed_when_the_next_opens(screen, qtbot):
    import shiboken6

    view = screen.show_tab(BaseKind.ALL)
    view.table.selectRow(0)
    screen.edit_action.trigger()
    first = screen.dialog
    first.reject()
    screen.edit_action.trigger()
    qtbot.wait(10)
    assert not shiboken6.isValid(first)
    assert screen.dialog is not first and screen.dialog.isVisible()


def test_taking_out_and_the_mentor_dialog_say_her_his_or_neither(screen, store, monkeypatch):
    from PySide6.QtWidgets import QGroupBox

    from nastavapp.models import Person
    from nastavapp.models.vocab import Sex

    asked: list[str] = []
    monkeypatch.setattr(
        "nastavapp.ui.messages.confirm", lambda _parent, text, *_: asked.append(text) and False
    )
    mentors = screen.show_tab(BaseKind.MENTORS)
    rows = list(mentors.model._rows)
    woman = next(r.id for r in rows if r.person.sex is Sex.FEMALE)
    man = next(r.id for r in rows if r.person.sex is Sex.MALE)
    unknown = next(r.id for r in rows if r.id not in (woman, man))
    with store.session() as session:
        person = session.get(Person, unknown)
        person.sex = None  # not recorded
        session.add(person)
        session.commit()
    screen.show_year(current_year(store))  # reads the base again
    mentors = screen.show_tab(BaseKind.MENTORS)
    titles = []
    for person_id in (woman, man, unknown):
        assert mentors.select(person_id)
        screen.delete_action.trigger()  # «Исключить…» from the mentor base
        screen.mentor_action.trigger()
        boxes = [b.title() for b in screen.dialog.findChildren(QGroupBox)]
        titles.append(next(t for t in boxes if t.startswith("Занятия")))
        screen.dialog.close()
    assert [t.split("Вместе с этим ")[1] for t in asked] == [
        "будут удалены её компетенции и отметки об обучении. Это можно сразу отменить (Ctrl+Z).",
        "будут удалены его компетенции и отметки об обучении. Это можно сразу отменить (Ctrl+Z).",
        "будут удалены компетенции и отметки об обучении наставника. "
        "Это можно сразу отменить (Ctrl+Z).",
    ]
    assert titles == [
        "Занятия «Школы наставников», которые она посетила",
        "Занятия «Школы наставников», которые он посетил",
        "Занятия «Школы наставников», посещённые наставником",
    ]
    assert mentor_role(store, woman, current_year(store).id) is not None  # nothing taken out
