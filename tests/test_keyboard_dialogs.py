"""Keyboard use in the pair's card and the dialogs of pairs, lists, answers, the first run, the
municipal centre and the documents: every button and caption has its own Cyrillic Alt+letter,
Tab goes the way the eye reads, the keyboard starts where the work starts and stays there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabBar,
    QWidget,
)
from sqlmodel import select

from nastavapp.models import MentoringGroup
from nastavapp.ui.app import install_russian

from .import_files import write_xlsx
from .test_keyboard_mnemonics import (
    _mnemonic,
    _open_dialog,
    _visible_dialogs,
    _window,
    keyboard_problems,
)
from .ui_helpers import record_messages

DAY = date(2025, 11, 20)
ESCAPE_BUTTONS = {"Отмена", "Закрыть"}  # Esc presses them


def letters_missing(window: QWidget, *, tabs: bool = True) -> list[str]:
    """Visible buttons, captions of fields and tabs without an Alt+letter. A dialog box's
    buttons are exempt (Enter and Esc press them), and so is a button that a caption's letter
    presses."""
    pressed_by_caption = {
        id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None
    }
    missing: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QPushButton):
            text = widget.text()
            exempt = (
                isinstance(widget.parent(), QDialogButtonBox)
                or id(widget) in pressed_by_caption
                or text in ESCAPE_BUTTONS
                or not text
            )
            if not exempt and _mnemonic(text) is None:
                missing.append(f"button «{text}»")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            # a caption of a plain value («Наставник:» before a name) has nothing to go to
            takes_keys = widget.buddy().focusPolicy() != Qt.FocusPolicy.NoFocus
            if takes_keys and _mnemonic(widget.text()) is None:
                missing.append(f"caption «{widget.text()}»")
        elif isinstance(widget, QTabBar) and tabs:
            missing += [
                f"tab «{widget.tabText(i)}»"
                for i in range(widget.count())
                if _mnemonic(widget.tabText(i)) is None
            ]
    return missing


def all_problems(window: QWidget, **kwargs: bool) -> list[str]:
    return keyboard_problems(window) + letters_missing(window, **kwargs)


def buddy_of(window: QWidget, field: QWidget) -> str | None:
    """The text of the caption whose Alt+letter goes to ``field``."""
    for label in window.findChildren(QLabel):
        if label.buddy() is field:
            return label.text()
    return None


def tab_stops(dialog: QWidget, start: QWidget, count: int) -> list[QWidget]:
    """Where Tab goes from ``start``, ``count`` presses (only what can take the keyboard)."""
    found: list[QWidget] = []
    widget = start
    while len(found) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            found.append(widget)
    return found


def buttons_tabbed(dialog: QWidget, box: QDialogButtonBox) -> list[str]:
    """The box's buttons in the order Tab reaches them, from the dialog's first field."""
    buttons = [b for b in box.buttons() if b.isVisibleTo(dialog) and b.isEnabled()]
    order = tab_stops(dialog, dialog, 400)
    return [b.text().replace("&", "") for b in sorted(buttons, key=order.index)]


def buttons_seen(dialog: QWidget, box: QDialogButtonBox) -> list[str]:
    """The same buttons from left to right, as drawn."""
    buttons = [b for b in box.buttons() if b.isVisibleTo(dialog) and b.isEnabled()]
    return [
        b.text().replace("&", "")
        for b in sorted(buttons, key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    ]


def _group_of_several(store) -> int:  # type: ignore[no-untyped-def]
    from nastavapp.services.pairs import group_card

    with store.session() as session:
        ids = session.exec(select(MentoringGroup.id)).all()
    return next(i for i in ids if len(group_card(store, i).mentees) > 1)


# the pair's card -----------------------------------------------------------------------------


def test_the_card_pages_have_their_letters_and_keep_the_keyboard(qtbot, qapp, demo):
    from nastavapp.ui.pairs.card_dialog import CardDialog

    install_russian(qapp)
    dialog = CardDialog(demo, _group_of_several(demo), DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    # it started on «Закрыть»; now on the pages' titles
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.tabs.tabBar())
    problems: list[str] = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        problems += [f"{index}: {p}" for p in all_problems(dialog)]
    dialog.meetings.table.selectRow(0)
    dialog.meetings.edit_current()  # «Сохранить изменения», «Отменить правку» shown
    problems += [f"edit: {p}" for p in all_problems(dialog)]
    assert problems == []

    plan = dialog.plan
    for field, caption in (
        (plan.mentee, "&Наставляемый:"),
        (plan.template, "&Шаблон:"),
        (plan.direction, "Н&аправление:"),
        (plan.planned, "&Срок:"),
        (plan.task, "&Задача:"),
        (plan.done, "&Выполнено:"),
        (plan.result, "&Результат:"),
    ):
        assert buddy_of(dialog, field) == caption
    assert buddy_of(dialog, dialog.page.start) == "&Начало:"
    assert buddy_of(dialog, dialog.meetings.came[dialog.meetings.card.mentor.id]) == "П&ришли:"

    # a plan item saved with Enter: the keyboard stays in the plan for the next one (the
    # card read again put it on the hidden meeting date)
    dialog.tabs.setCurrentWidget(plan)
    dialog.activateWindow()
    plan.task.setFocus()
    qtbot.waitUntil(plan.task.hasFocus)
    rows = plan.model.rowCount()
    plan.task.setText("Разобрать ошибки контрольной")
    QTest.keyClick(plan.task, Qt.Key.Key_Return)
    assert plan.model.rowCount() == rows + 1
    assert QApplication.focusWidget() is plan.task
    dialog.close()


def test_the_status_and_pair_dialogs(qtbot, qapp, demo):
    from nastavapp.models.vocab import MentoringForm
    from nastavapp.services.pairs import group_card, mentor_loads, unpaired_mentees
    from nastavapp.services.years import current_year
    from nastavapp.ui.pairs.manual_pair import ManualPairDialog
    from nastavapp.ui.pairs.status_dialog import StatusDialog

    install_russian(qapp)
    year = current_year(demo)
    form = MentoringForm.STUDENT_STUDENT
    dialogs: list[QDialog] = [
        StatusDialog("Завершить работу", "…", "Завершить", DAY, reason_label="&Итог:"),
        StatusDialog("Начать работу", "…", "Начать работу", DAY),
        ManualPairDialog(
            form,
            mentor_loads(demo, year.id, form),
            unpaired_mentees(demo, year.id, form),
            lambda _draft: False,
        ),
    ]
    problems: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{dialog.windowTitle()}: {p}" for p in all_problems(dialog)]
    assert problems == []
    # «Начать работу» had the one caption without a letter: «Примечание:»
    assert buddy_of(dialogs[1], dialogs[1].reason_edit) == "&Примечание:"
    assert group_card(demo, _group_of_several(demo)) is not None


@pytest.mark.qt_log_ignore("does not support (raise|grabbing)")  # the combo's popup, offscreen
def test_another_mentor_opens_the_list_to_choose_with_arrows_and_enter(
    qtbot, qapp, controller, demo_file, tmp_path, monkeypatch
):
    record_messages(monkeypatch)
    _ctl, window = _window(controller, demo_file, tmp_path)
    window.show_screen("pairs")
    matching = window.screens["pairs"].matching
    qtbot.waitUntil(lambda: not matching.runner.busy and matching.model.rowCount() > 0)
    panel = matching.panel
    panel.select_first()
    row = panel.current()
    assert row is not None and row.mentor is not None
    first = row.mentor.name
    matching.change_button.click()
    index = panel.table.currentIndex()
    editor = panel.table.indexWidget(index)
    assert isinstance(editor, QComboBox) and editor.count() > 1
    # the closed combo took the next mentor at the first arrow press, and shut
    qtbot.waitUntil(editor.view().isVisible)
    QTest.keyClick(editor.view(), Qt.Key.Key_Down)
    assert panel.current().mentor.name == first  # only moved in the list
    QTest.keyClick(editor.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.current().mentor.name != first)


# lists, answers, people ------------------------------------------------------------------------


def test_the_list_import_tabs_through_the_columns_in_order(qtbot, qapp, demo, tmp_path):
    from nastavapp.services.importing import prepare_import
    from nastavapp.ui.bases.import_dialog import ImportDialog

    install_russian(qapp)
    rows = [["Фамилия", "Имя", "Отчество", "Класс"]]
    rows += [["Иванов", name, "Сергеевич", "7А"] for name in ("Пётр", "Олег", "Илья")]
    dialog = ImportDialog(demo, prepare_import(write_xlsx(tmp_path / "7А.xlsx", rows)), DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all_problems(dialog) == []
    assert buddy_of(dialog, dialog.category) == "&В списке:"
    combos = dialog.mapping.combos()
    stops = tab_stops(dialog, dialog.category, len(combos) + 5)
    # the column combos came after «Отмена»
    assert (
        stops
        == [
            *combos,
            dialog.mapping,
            dialog.issues,
            dialog.load_button,
            dialog.cancel_button,
        ][: len(stops)]
    )
    dialog.close()


def test_the_answers_import_starts_at_the_first_question_and_tabs_down(qtbot, qapp, demo, tmp_path):
    from nastavapp.services.answers_import import preview_answers, read_answer_rows
    from nastavapp.services.questionnaires import template_items, year_templates
    from nastavapp.services.years import current_year
    from nastavapp.ui.indicators.import_dialog import AnswersImportDialog

    install_russian(qapp)
    template = year_templates(demo, current_year(demo).id)[0]
    items = template_items(demo, template.id)
    rows = [["Отметка времени", "ФИО", *(item.text for item in items)]]
    rows += [[f"2{k}.11.2025 10:00:00", "", *([7] * len(items))] for k in range(1, 4)]
    path = write_xlsx(tmp_path / "Ответы.xlsx", rows)
    answers = read_answer_rows(path)
    preview = preview_answers(demo, template.id, answers, today=DAY)
    dialog = AnswersImportDialog(demo, template, path.name, answers, preview, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    combos = list(dialog.combos.values())
    qtbot.waitUntil(lambda: dialog.focusWidget() is combos[0])  # was the table
    assert tab_stops(dialog, combos[0], len(combos) - 1) == combos[1:]
    assert buttons_tabbed(dialog, dialog.buttons) == buttons_seen(dialog, dialog.buttons)
    assert all_problems(dialog) == []
    dialog.close()


def test_the_person_picker_buttons(qtbot, qapp, controller, demo_file, tmp_path, monkeypatch):
    install_russian(qapp)
    record_messages(monkeypatch)
    _ctl, window = _window(controller, demo_file, tmp_path)
    window.show_screen("bases")
    bases = window.screens["bases"]
    from nastavapp.ui.bases.columns import BaseKind

    bases.show_tab(BaseKind.MENTEES)  # a role base: «Добавить…» asks whom to take from everybody
    before = _visible_dialogs()
    bases.add_action.trigger()
    picker = _open_dialog(before)
    assert picker.focusWidget() is picker.search
    picker.select_row(0)
    assert all_problems(picker) == []
    assert buttons_tabbed(picker, picker.buttons) == buttons_seen(picker, picker.buttons)
    picker.reject()


# the mentor and consent dialogs: Tab reached «Отмена» before «Сохранить» ------------------------


def test_tab_reaches_the_buttons_as_they_stand(qtbot, qapp, demo):
    from nastavapp.models import Person
    from nastavapp.services.consents import consent_state
    from nastavapp.services.roles import MentorRole
    from nastavapp.ui.bases.consent_dialog import ConsentDialog
    from nastavapp.ui.bases.role_dialogs import MentorDialog

    install_russian(qapp)
    with demo.session() as session:
        person = session.exec(select(Person)).first()
    dialogs = [
        MentorDialog(person, MentorRole(), [], [], lambda *_a: None, DAY),  # with «Исключить…»
        ConsentDialog(person, consent_state(demo, person.id), DAY),
    ]
    orders = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        orders.append(
            (buttons_tabbed(dialog, dialog.buttons), buttons_seen(dialog, dialog.buttons))
        )
        dialog.close()
    del dialogs, dialog  # no wrapper kept by a failure's traceback past the teardown
    assert [tabbed for tabbed, _seen in orders] == [seen for _tabbed, seen in orders]


# the first run and the municipal centre ---------------------------------------------------------


def test_the_first_run_wizard_pages(qtbot, qapp):
    from PySide6.QtWidgets import QWizard

    from nastavapp.ui.first_run import FirstRunWizard

    install_russian(qapp)
    wizard = FirstRunWizard(today=DAY)
    qtbot.addWidget(wizard)
    wizard.show()
    texts = {
        which: wizard.buttonText(which).replace("&", "")
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    }
    assert list(texts.values()) == ["< Назад", "Далее >", "Завершить", "Отмена"]
    problems = [f"1: {p}" for p in all_problems(wizard)]
    wizard.school_page.full_name.setText("Муниципальное бюджетное общеобразовательное учреждение")
    wizard.school_page.short_name.setText("МБОУ СОШ")
    wizard.next()
    people = wizard.people_page
    problems += [f"2: {p}" for p in all_problems(wizard)]  # «Д&иректор» not Alt+Д of «Далее»
    # Alt+letter of «Пол …» goes to the sex chosen, which follows the patronymic
    people.director.setText("Иванов Иван Иванович")
    assert buddy_of(wizard, people.director_sex.male) == "По&л директора:"
    people.curator.setText("Петрова Анна Ивановна")
    assert buddy_of(wizard, people.curator_sex.female) == "Пол ку&ратора:"
    wizard.next()
    problems += [f"3: {p}" for p in all_problems(wizard)]
    assert problems == []
    wizard.close()


def test_the_municipal_window_and_its_dialogs(qtbot, qapp, tmp_path):
    from nastavapp.services.consolidation.centre import open_municipal_store, save_centre
    from nastavapp.ui.municipal import MunicipalWindow
    from nastavapp.ui.municipal.centre_dialog import CentreDialog

    from .test_consolidation import CENTRE

    install_russian(qapp)
    store = open_municipal_store(tmp_path / "municipal.sqlite", backups=False)
    save_centre(store, CENTRE)
    window = MunicipalWindow(store, today=DAY)
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        # the tabs keep their words (their counts change): Ctrl+Tab goes through them
        problems += [f"{index}: {p}" for p in all_problems(window, tabs=False)]
    centre = CentreDialog(CENTRE, window)
    window.tabs.setCurrentWidget(window.expected_panel)
    window.expected_panel.add_button.click()
    school = window.expected_panel.dialog
    assert school is not None
    for dialog in (centre, school):
        dialog.show()
        problems += [f"{dialog.windowTitle()}: {p}" for p in all_problems(dialog)]
        dialog.reject()
    assert problems == []
    window.close()


# documents -------------------------------------------------------------------------------------


def test_the_documents_screen_and_the_order_captions(
    qtbot, qapp, controller, demo_file, tmp_path, monkeypatch
):
    install_russian(qapp)
    record_messages(monkeypatch)
    _ctl, window = _window(controller, demo_file, tmp_path)
    window.show_screen("documents")
    documents = window.screens["documents"]
    # twelve buttons without a letter, «Сохранить PDF…» and «Сохранить Excel…» three times each
    assert all_problems(window) == []
    report, orders = documents.report, documents.orders
    assert buddy_of(window, report.reference_date) == "&Дата расчёта показателей:"
    assert buddy_of(window, orders.regulations_button) == "По&ложение:"
    assert buddy_of(window, orders.programme_button) == "Програ&мма:"
    before = _visible_dialogs()
    orders.order_button.click()
    dialog = _open_dialog(before)
    assert buddy_of(dialog, dialog.preamble) == "П&реамбула (основание):"
    assert buddy_of(dialog, dialog.points) == "ПРИКАЗЫ&ВАЮ:"
    assert buddy_of(dialog, dialog.signer_post) == "Подпи&сывает:"
    assert dialog.preamble.tabChangesFocus() and dialog.points.tabChangesFocus()
    assert all_problems(dialog) == []
    dialog.reject()
