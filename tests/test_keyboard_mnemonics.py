"""Keyboard use: Alt+letter reaches one thing on each screen and in each dialog, the letters are
in the texts, the buttons speak Russian, dialogs start at the first field to fill."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenuBar,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from nastavapp.ui.app import install_russian

from .ui_helpers import record_messages

TODAY = date(2025, 11, 20)
# the names of formats, and of keys as printed on them («Сохранить пункт (Enter)»)
LATIN_WORD = re.compile(r"\b(?!PDF\b|Word\b|Excel\b|Enter\b)[A-Za-z]{2,}\b")


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _texts(window: QWidget) -> list[str]:
    """What carries an Alt+letter in ``window`` as it is shown now."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions()]
    return texts


def keyboard_problems(window: QWidget) -> list[str]:
    """Letters used twice (Qt then cycles between them), letters missing from their text,
    English buttons."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    problems: list[str] = []
    for text in _texts(window):
        letter = _mnemonic(text)
        if letter is None:
            continue
        by_letter[letter].append(text)
        if letter not in text.replace("&", "").casefold():
            problems.append(f"«{text}»: no «{letter}» in the text")
    problems += [f"Alt+{k}: {v}" for k, v in by_letter.items() if len(v) > 1]
    for button in window.findChildren(QPushButton):
        if button.isVisibleTo(window) and LATIN_WORD.search(button.text()):
            problems.append(f"English button «{button.text()}»")
    return problems


def _open_dialog(before: set[int]) -> QDialog:
    QTest.qWait(20)
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
    ]
    assert len(shown) == 1, shown
    return shown[0]


def _visible_dialogs() -> set[int]:
    return {
        id(w) for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    }


def _window(controller, demo_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    copy = tmp_path / "school.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    ctl = controller(TODAY)
    assert ctl.start(copy)
    window = ctl.window
    window.resize(1280, 760)
    window.show()
    return ctl, window


def test_every_screen_and_tab_has_each_alt_letter_once(
    qtbot, qapp, controller, demo_file, tmp_path, monkeypatch
):
    install_russian(qapp)
    record_messages(monkeypatch)
    _ctl, window = _window(controller, demo_file, tmp_path)
    problems: list[str] = []
    for key in list(window.screens):
        window.show_screen(key)
        screen = window.screens[key]
        problems += [f"{key}: {p}" for p in keyboard_problems(window)]
        for tabs in screen.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                where = f"{key}/{tabs.tabText(index)}"
                problems += [f"{where}: {p}" for p in keyboard_problems(window)]
    # «&Форма:» of the matching and «&Файл», «&Анкета:» and «Дата &анкетирования:», «&Учебный
    # год:» and «&Удовлетворён…» each shared a letter
    assert sorted(set(problems)) == []


def test_the_dialogs_of_the_bases_roadmap_and_file_menu(
    qtbot, qapp, controller, demo_file, tmp_path, monkeypatch
):
    install_russian(qapp)
    record_messages(monkeypatch)
    _ctl, window = _window(controller, demo_file, tmp_path)
    problems: list[str] = []

    def check(open_it) -> QDialog:  # type: ignore[no-untyped-def]
        before = _visible_dialogs()
        open_it()
        dialog = _open_dialog(before)
        problems.extend(f"{dialog.windowTitle()}: {p}" for p in keyboard_problems(dialog))
        return dialog

    window.show_screen("bases")
    bases = window.screens["bases"]
    bases.current_view().table.selectRow(0)
    for action in (bases.edit_action, bases.mentee_action, bases.mentor_action):
        check(action.trigger).reject()
    check(bases.consent_action.trigger).reject()
    check(bases.add_action.trigger).reject()
    window.show_screen("stage:1")
    stage = window.screens["stage:1"]
    stage.table.selectRow(0)
    check(stage.edit_selected).reject()
    for action in (window.action_school, window.action_new_year, window.action_backups):
        check(action.trigger).reject()
    window.show_screen("documents")
    documents = window.screens["documents"]
    check(documents.orders.order_button.click).reject()
    assert problems == []


def test_the_person_dialog_starts_at_the_surname_and_tabs_down_the_form(qtbot, qapp):
    from nastavapp.ui.bases.person_dialog import PersonDialog

    install_russian(qapp)
    dialog = PersonDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.last_name)
    order = [dialog.last_name]
    for _ in range(6):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == [
        dialog.last_name,
        dialog.first_name,
        dialog.middle_name,
        dialog.sex,
        dialog.birth_date,
        dialog.class_name,
        dialog.phone,
    ]
    assert keyboard_problems(dialog) == []
    # Alt+Д goes to the birth date, as its label says (QTest cannot press a Cyrillic key)
    label = dialog.form.labelForField(dialog.birth_date)
    assert isinstance(label, QLabel) and label.buddy() is dialog.birth_date
    assert QKeySequence.mnemonic(label.text()).toString() == "Alt+Д"
    buttons = {b.text().replace("&", "") for b in dialog.buttons.buttons()}
    assert buttons == {"Сохранить", "Отмена"}


def test_delete_and_enter_in_a_stage_table(
    qtbot, qapp, controller, demo_file, tmp_path, monkeypatch
):
    said = record_messages(monkeypatch)
    said.answer = False
    _ctl, window = _window(controller, demo_file, tmp_path)
    window.show_screen("stage:1")
    stage = window.screens["stage:1"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    stage.table.setFocus()
    stage.table.selectRow(0)
    name = stage.selected_event().name
    QTest.keyClick(stage.table, Qt.Key.Key_Delete)
    assert len(said.questions) == 1 and name in said.questions[0]  # asked, and «нет»: kept
    assert stage.selected_event().name == name
    before = _visible_dialogs()
    QTest.keyClick(stage.table, Qt.Key.Key_Return)
    dialog = _open_dialog(before)
    assert dialog.windowTitle() and dialog.name.text() == name
    dialog.reject()


def test_enter_in_the_backups_list_opens_no_folder(qtbot, qapp, db_path, monkeypatch):
    from nastavapp.store import open_store
    from nastavapp.ui.backups_dialog import BackupsDialog

    open_store(db_path).close()
    opened: list[object] = []
    dialog = BackupsDialog(db_path)
    monkeypatch.setattr(dialog, "_open_folder", lambda: opened.append(1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.table)
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [] and dialog.isVisible()
    assert not dialog.folder_button.autoDefault()
