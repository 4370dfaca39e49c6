"""Whole-window journeys: first run through the wizard, reopening, switching the year."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWizard

from nastavapp.models.vocab import MentoringForm, Sex
from nastavapp.services.school import get_school
from nastavapp.services.stats import collect_stats
from nastavapp.services.years import create_year, current_year
from nastavapp.store import open_store
from nastavapp.ui.app import AppController
from nastavapp.ui.settings import UiSettings

from .qt_keys import type_text

TODAY = date(2025, 10, 15)


@pytest.fixture
def controller(qtbot):
    made = []

    def make() -> AppController:
        ctl = AppController(UiSettings(), today=TODAY)
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        for widget in (ctl.wizard, ctl.window):
            if widget is not None:
                widget.close()
        if ctl.store is not None:
            ctl.store.close()


def fill_wizard(qtbot, wizard: QWizard) -> None:
    school = wizard.school_page
    type_text(
        school.full_name,
        "Муниципальное бюджетное общеобразовательное учреждение "
        "«Кедровская средняя общеобразовательная школа»",
    )
    assert not wizard.button(
        QWizard.WizardButton.NextButton
    ).isEnabled()  # short name still missing
    type_text(school.short_name, "МБОУ «Кедровская СОШ»")
    type_text(school.municipality, "Чаинский район")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    people = wizard.people_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(people.director, "Семёнов  Олег Петрович")
    type_text(people.curator, "Иванова Мария Петровна")
    assert people.director_sex.value() is Sex.MALE  # guessed from the patronymic
    assert people.curator_sex.value() is Sex.FEMALE
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    year = wizard.year_page
    assert year.year.currentText() == "2025/2026"  # from «today»
    for box in year.form_boxes.values():
        box.setChecked(False)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    year.form_boxes[MentoringForm.TEACHER_TEACHER].setChecked(True)
    year.form_boxes[MentoringForm.UNISTUDENT_STUDENT].setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_first_run_wizard_leads_to_the_main_window(qtbot, controller, db_path):
    ctl = controller()
    assert ctl.start(db_path)
    assert ctl.window is None and ctl.wizard is not None
    wizard = ctl.wizard
    qtbot.waitExposed(wizard)
    assert (
        wizard.button(QWizard.WizardButton.NextButton).text() != "&Next >"
    )  # Qt's Russian translation
    fill_wizard(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctl.window is not None)
    window = ctl.window
    assert window.school_label.text() == "МБОУ «Кедровская СОШ»"
    assert window.year_combo.currentText() == "2025/2026"
    assert "2025/2026" in window.windowTitle()
    school = get_school(ctl.store)
    assert (school.director_last_name, school.director_first_name, school.director_middle_name) == (
        "Семёнов",
        "Олег",
        "Петрович",
    )
    assert current_year(ctl.store).forms == ["teacher_teacher", "unistudent_student"]
    # the navigation shows the seven stages with their progress marks
    keys = window.navigation.keys()
    assert keys[:8] == ["home"] + [f"stage:{n}" for n in range(1, 8)]
    assert window.navigation._items["stage:1"].text(1).startswith("0/")


def test_cancelling_the_wizard_stores_nothing(qtbot, controller, db_path):
    ctl = controller()
    ctl.start(db_path)
    ctl.wizard.reject()
    assert ctl.window is None
    assert get_school(ctl.store) is None


def test_reopening_finds_the_school_screen_and_geometry(qtbot, controller, school_store):
    path = school_store.path
    school_store.close()
    first = controller()
    assert first.start(path)
    window = first.window
    assert first.wizard is None  # the school exists: no wizard
    qtbot.waitExposed(window)
    window.setGeometry(QRect(10, 30, 790, 650))  # the offscreen screen is 800×800
    window.show_screen("stage:3")
    window.close()

    second = controller()
    assert second.start(None)  # the last database is remembered
    again = second.window
    assert second.store.path == path
    assert again.school_label.text() == "МБОУ «Сосновская СОШ»"
    assert again.current_screen_key() == "stage:3"
    assert again.navigation.current_key() == "stage:3"
    assert (again.width(), again.height()) == (790, 650)


def test_switching_the_year(qtbot, controller, school_store):
    create_year(school_store, "2026/2027", [MentoringForm.TEACHER_TEACHER], make_current=False)
    path = school_store.path
    school_store.close()
    ctl = controller()
    ctl.start(path)
    window = ctl.window
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == [
        "2025/2026",
        "2026/2027",
    ]
    window.switch_year("2026/2027")
    assert window.year.title == "2026/2027"
    assert "2026/2027" in window.windowTitle()
    assert current_year(ctl.store).title == "2026/2027"  # stored, survives a restart
    stage = window.screens["stage:1"]
    assert stage.model.rowCount() == 5
    first_period = stage.model.index(0, 2).data()
    assert first_period == "01.09.2026 –\n30.09.2026"


def test_a_foreign_file_is_refused_with_a_message(qtbot, controller, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("nastavapp.ui.messages.error", lambda parent, text, *a: shown.append(text))
    bad = tmp_path / "список.sqlite"
    bad.write_text("ФИО;Класс\n", encoding="utf-8")
    ctl = controller()
    assert not ctl.start(bad)
    assert "не является базой данных" in shown[0]
    assert bad.read_text(encoding="utf-8") == "ФИО;Класс\n"


def test_demo_from_the_file_menu_opens_in_a_separate_file(
    qtbot, controller, school_store, tmp_path, monkeypatch
):
    own = school_store.path
    school_store.close()
    demo = tmp_path / "демо.sqlite"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: demo)
    monkeypatch.setattr("nastavapp.ui.messages.confirm", lambda *a: True)
    ctl = controller()
    ctl.start(own)
    ctl.window.action_demo.trigger()
    assert ctl.store.path == demo.resolve()
    assert ctl.settings.last_database() == demo.resolve()
    home = ctl.window.screens["home"].summary.text()
    pupils = int(home.split("Обучающихся: <b>")[1].split("<")[0])
    assert 160 <= pupils <= 200  # about 180 pupils
    own_store = open_store(own)
    try:
        assert collect_stats(own_store)["persons"]["students"] == 0  # own file untouched
    finally:
        own_store.close()
