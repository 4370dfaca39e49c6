"""«Файл → Сведения о школе…»: what the wizard asked, edited afterwards, reaches the header,
the title and the documents; a form with pairs in it cannot be unticked; «Отмена» keeps all."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from nastavapp.models.vocab import MentoringForm, Sex
from nastavapp.services.school import get_school
from nastavapp.services.years import current_year
from tests.db_rows import dump
from tests.ui_helpers import record_messages


def test_a_new_director_and_short_name_from_the_file_menu(qtbot, opened, monkeypatch):
    ctl = opened
    said = record_messages(monkeypatch)
    before = get_school(ctl.store)
    ctl.window.action_school.trigger()
    dialog = ctl.school_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Сведения о школе"
    assert dialog.short_name.text() == before.short_name
    assert dialog.director.text().startswith(before.director_last_name)
    dialog.director.setText("Кузнецов Андрей Павлович")
    assert dialog.director_sex.value() is Sex.MALE  # follows the patronymic, as in the wizard
    dialog.short_name.setText('МБОУ "Новая СОШ"')
    dialog.code.setText("5401234567")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    school = get_school(ctl.store)
    assert (school.director_last_name, school.director_first_name) == ("Кузнецов", "Андрей")
    assert school.director_sex is Sex.MALE
    assert school.short_name == "МБОУ «Новая СОШ»" and school.code == "5401234567"
    assert ctl.window.school_label.text() == "МБОУ «Новая СОШ»"
    assert ctl.window.windowTitle().startswith("МБОУ «Новая СОШ» (")
    assert not said.error


def test_a_profile_without_a_curator_cannot_be_saved(qtbot, opened):
    ctl = opened
    ctl.edit_school()
    dialog = ctl.school_dialog
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.curator.setText("Петров")
    assert not save.isEnabled()
    assert dialog.problem.text() == "Укажите фамилию и имя куратора."
    dialog.curator.setText("Петров Илья")
    assert save.isEnabled()


def test_forms_in_use_stay_ticked(qtbot, opened):
    ctl = opened
    ctl.edit_school()
    student = ctl.school_dialog.form_boxes[MentoringForm.STUDENT_STUDENT]
    assert student.isChecked() and not student.isEnabled()  # pairs are in it
    assert student.toolTip().startswith(
        "Форму нельзя убрать: в ней уже есть пары, группы или участники этого года (пар и групп: "
    )


def test_a_form_is_added_and_an_unused_one_taken_away(qtbot, controller, school_store, monkeypatch):
    path = school_store.path
    school_store.close()
    ctl = controller()
    assert ctl.start(path)
    said = record_messages(monkeypatch)
    assert current_year(ctl.store).forms == ["student_student", "teacher_teacher"]
    ctl.edit_school()
    boxes = ctl.school_dialog.form_boxes
    assert all(box.isEnabled() for box in boxes.values())  # nobody in any form yet
    boxes[MentoringForm.TEACHER_TEACHER].setChecked(False)
    boxes[MentoringForm.EMPLOYER_STUDENT].setChecked(True)
    ctl.school_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert current_year(ctl.store).forms == ["student_student", "employer_student"]
    assert not said.error
    ctl.edit_school()
    for box in ctl.school_dialog.form_boxes.values():
        box.setChecked(False)
    save = ctl.school_dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert ctl.school_dialog.problem.text() == "Выберите хотя бы одну форму наставничества."


def test_cancel_changes_nothing(qtbot, opened):
    ctl = opened
    before = dump(ctl.store.path)
    ctl.edit_school()
    dialog = ctl.school_dialog
    dialog.director.setText("Кузнецов Андрей Павлович")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dump(ctl.store.path) == before


def test_a_refused_save_keeps_the_dialog_and_what_was_typed(qtbot, opened, monkeypatch):
    from nastavapp.store import StoreError

    ctl = opened
    said = record_messages(monkeypatch)
    before = dump(ctl.store.path)

    def locked(*_args):  # type: ignore[no-untyped-def]
        raise StoreError("Изменения не сохранены: файл занят другой программой.")

    monkeypatch.setattr("nastavapp.services.school_profile.update_school", locked)
    ctl.edit_school()
    dialog = ctl.school_dialog
    dialog.director.setText("Кузнецов Андрей Павлович")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert said.error == ["Изменения не сохранены: файл занят другой программой."]
    # it used to close: everything typed had to be typed again
    assert dialog.isVisible() and dialog.director.text() == "Кузнецов Андрей Павлович"
    assert dump(ctl.store.path) == before
    monkeypatch.undo()
    record_messages(monkeypatch)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert get_school(ctl.store).director_last_name == "Кузнецов"
