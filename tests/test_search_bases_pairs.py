"""One search behaviour in «Базы» and «Пары и группы» (``ui/table_search.py``), on the demo school:
Ctrl+F goes to the search of the tab in view (a dialog's own in the dialog), typing filters as it
goes («ё» as «е», any case), Esc empties the field and every row comes back, and an empty result
says what was searched and how to see everyone again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from nastavapp.ui.bases.columns import BaseKind
from nastavapp.ui.bases.picker import PersonPicker
from nastavapp.ui.pairs.groups_model import GroupRow
from nastavapp.ui.pairs.manual_pair import ManualPairDialog
from nastavapp.ui.table_search import SEARCH_ROOM

from . import test_bases_ui
from .qt_keys import shortcut, type_text
from .test_pairs_ui import close, open_screen
from .ui_helpers import record_messages

SOLOVYOVAS = [
    "Соловьёва Алиса Николаевна",
    "Соловьёва Вероника Викторовна",
    "Соловьёва Любовь Анатольевна",
]
GROUPS = 23  # the demo school's pairs and groups
UNPAIRED = [
    "Александров Кирилл Ильич",
    "Белых Матвей Валерьевич",
    "Васильева Елизавета Михайловна",
    "Соловьёв Егор Петрович",
]


def ctrl_f(widget: QWidget) -> QWidget | None:
    """Ctrl+F pressed while ``widget`` has the focus; the widget that has it afterwards."""
    widget.setFocus()
    shortcut(widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    return QApplication.focusWidget()


def activate(qtbot, window: QWidget) -> None:
    """Ctrl+F works in the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def shown_column(proxy, column: int = 0) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


# --- «Базы» ---------------------------------------------------------------------------------
store = test_bases_ui.store  # a copy of the demo school
screen = test_bases_ui.screen  # «Базы» over it at 1180 × 760


@pytest.fixture
def bases(qtbot, screen):
    """«Базы» of the demo school, the active window."""
    activate(qtbot, screen)
    return screen


def test_bases_ctrl_f_goes_to_the_search_of_the_tab_in_view(bases):
    for kind in (BaseKind.MENTORS, BaseKind.ALL, BaseKind.MENTEES):
        view = bases.show_tab(kind)
        assert ctrl_f(view.table) is view.filters.search, kind
    others = [v.filters.search for k, v in bases.views.items() if k is not BaseKind.MENTEES]
    assert not any(search.hasFocus() for search in others)


def test_bases_search_folds_yo_and_case_and_esc_brings_everyone_back(bases):
    view = bases.show_tab(BaseKind.ALL)
    search = view.filters.search
    assert ctrl_f(view.table) is search
    for typed in ("СОЛОВЬЕВА", "соловьёва", "Соловьева"):
        search.clear()
        type_text(search, typed)
        assert sorted(shown_column(view.proxy)) == SOLOVYOVAS, typed
    assert view.counts.text().startswith("Показано 3 из 198")
    assert not view.empty_hint.isVisible()

    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert view.proxy.rowCount() == 198
    assert view.counts.text().startswith("Показано 198 из 198")
    assert bases.isVisible()  # Esc did nothing else


def test_bases_empty_result_says_what_was_searched(bases):
    view = bases.show_tab(BaseKind.ALL)
    search, hint = view.filters.search, view.empty_hint
    assert not hint.isVisible()
    type_text(search, "Нетакойфамилии")
    assert view.proxy.rowCount() == 0
    assert hint.isVisible()
    assert hint.text() == (
        "Ничего не найдено по запросу «Нетакойфамилии».\n"
        "Очистите поле поиска (Esc), чтобы снова увидеть всех участников."
    )
    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert not hint.isVisible() and view.proxy.rowCount() == 198

    # a pupil searched among the teachers: clearing the search or the filter helps
    category = view.filters.category
    category.setCurrentIndex(category.findText("Педагоги"))
    assert view.proxy.rowCount() == 22
    type_text(search, "соловьёва алиса")
    assert view.proxy.rowCount() == 0
    assert hint.text() == (
        "Ничего не найдено по запросу «соловьёва алиса».\n"
        "Очистите поле поиска (Esc) или измените фильтры."
    )
    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert not hint.isVisible() and view.proxy.rowCount() == 22

    # filters that leave nobody, with no search at all
    mentees = bases.show_tab(BaseKind.MENTEES)
    choice = mentees.filters.category
    choice.setCurrentIndex(choice.findText("Внешние наставники"))
    assert mentees.proxy.rowCount() == 0
    assert mentees.empty_hint.isVisible()
    assert mentees.empty_hint.text() == (
        "Ничего не найдено с выбранными фильтрами.\n"
        "Измените фильтры, чтобы снова увидеть всех наставляемых."
    )
    choice.setCurrentIndex(0)
    assert not mentees.empty_hint.isVisible()


def test_bases_picker_has_its_own_search_in_the_dialog(qtbot, bases):
    view = bases.show_tab(BaseKind.MENTORS)
    bases.add_action.trigger()
    picker = bases.dialog
    assert isinstance(picker, PersonPicker)
    activate(qtbot, picker)
    total = picker.proxy.rowCount()
    assert ctrl_f(picker.table) is picker.search  # not the tab's search behind the dialog
    assert not view.filters.search.hasFocus()
    type_text(picker.search, "СОЛОВЬЁВА ЛЮБОВЬ")
    assert shown_column(picker.proxy) == ["Соловьёва Любовь Анатольевна"]
    type_text(picker.search, "х")
    assert picker.proxy.rowCount() == 0
    assert picker.empty_note.isVisible()
    assert picker.empty_note.text().startswith("Ничего не найдено по запросу «СОЛОВЬЁВА ЛЮБОВЬх».")
    QTest.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.search.text() == "" and picker.proxy.rowCount() == total
    assert not picker.empty_note.isVisible()
    assert picker.isVisible()  # Esc emptied the field; it did not close the dialog
    assert view.filters.search.text() == ""


# --- «Пары и группы» ------------------------------------------------------------------------
@pytest.fixture
def pairs(qtbot, demo):
    widget = open_screen(qtbot, demo)
    activate(qtbot, widget)
    yield widget
    close(widget)


def test_pairs_ctrl_f_goes_to_the_search_of_the_tab_in_view(pairs):
    searches = {
        pairs.matching: pairs.matching.panel.search,  # not the mentors' load beside it
        pairs.groups: pairs.groups.search,
        pairs.unpaired: pairs.unpaired.search,
    }
    for tab in (pairs.groups, pairs.unpaired, pairs.matching, pairs.groups):
        pairs.tabs.setCurrentWidget(tab)
        assert ctrl_f(tab.table) is searches[tab], tab
    assert pairs.matching.panel.loads_search.find_shortcut is None


def test_groups_search_folds_yo_and_case_and_esc_brings_every_pair_back(pairs):
    groups = pairs.groups
    pairs.tabs.setCurrentWidget(groups)
    assert groups.proxy.rowCount() == GROUPS
    assert ctrl_f(groups.table) is groups.search
    for typed in ("КОВАЛЕВА", "ковалёва", "кОвАлЕвА"):
        groups.search.clear()
        type_text(groups.search, typed)
        titles = [r.card.title for r in groups.rows_shown() if isinstance(r, GroupRow)]
        assert titles == ["Ковалёва А. И. — Дмитриева В. Г."], typed
    assert groups.counts.text().startswith(f"Показано 1 из {GROUPS}")
    QTest.keyClick(groups.search, Qt.Key.Key_Escape)
    assert groups.search.text() == ""
    assert groups.proxy.rowCount() == GROUPS
    assert groups.counts.text().startswith(f"Показано {GROUPS} из {GROUPS}")


def test_groups_empty_result_says_what_was_searched(pairs):
    groups = pairs.groups
    pairs.tabs.setCurrentWidget(groups)
    note = groups.empty_note
    assert not note.isVisible()
    type_text(groups.search, "Нетакойфамилии")
    assert groups.proxy.rowCount() == 0 and note.isVisible()
    assert note.text() == (
        "Ничего не найдено по запросу «Нетакойфамилии».\n"
        "Очистите поле поиска (Esc), чтобы снова увидеть все пары и группы."
    )
    type_text(groups.search, "в")  # a longer search: the note names it
    assert note.text().startswith("Ничего не найдено по запросу «Нетакойфамилиив».")
    QTest.keyClick(groups.search, Qt.Key.Key_Escape)
    assert not note.isVisible() and groups.proxy.rowCount() == GROUPS

    groups.status_filter.setCurrentIndex(groups.status_filter.findData("forming"))
    assert groups.proxy.rowCount() == 2
    type_text(groups.search, "ковалёва")  # a working pair, not a forming one
    assert groups.proxy.rowCount() == 0
    assert note.text() == (
        "Ничего не найдено по запросу «ковалёва».\nОчистите поле поиска (Esc) или измените фильтры."
    )
    groups.status_filter.setCurrentIndex(0)
    assert not note.isVisible() and groups.proxy.rowCount() == 1


def test_unpaired_search_esc_and_empty_result(pairs):
    unpaired = pairs.unpaired
    pairs.tabs.setCurrentWidget(unpaired)
    assert sorted(shown_column(unpaired.proxy)) == UNPAIRED
    assert ctrl_f(unpaired.table) is unpaired.search
    for typed in ("СОЛОВЬЕВ", "соловьёв егор", "5б"):
        unpaired.search.clear()
        type_text(unpaired.search, typed)
        assert shown_column(unpaired.proxy) == ["Соловьёв Егор Петрович"], typed
    assert "показано 1" in unpaired.counts.text()

    type_text(unpaired.search, "9")
    assert unpaired.proxy.rowCount() == 0
    assert unpaired.empty_note.isVisible()
    assert unpaired.empty_note.text() == (
        "Ничего не найдено по запросу «5б9».\n"
        "Очистите поле поиска (Esc), чтобы снова увидеть всех наставляемых без\u00a0пары."
    )
    QTest.keyClick(unpaired.search, Qt.Key.Key_Escape)
    assert unpaired.search.text() == ""
    assert sorted(shown_column(unpaired.proxy)) == UNPAIRED
    assert not unpaired.empty_note.isVisible()
    assert pairs.isVisible()


def test_a_card_dialog_has_its_own_search_per_tab(qtbot, pairs):
    groups = pairs.groups
    pairs.tabs.setCurrentWidget(groups)
    type_text(groups.search, "ковалёва")
    groups.table.selectRow(0)
    groups.open_button.click()
    card = pairs.card
    assert card is not None
    activate(qtbot, card)
    card.tabs.setCurrentWidget(card.meetings)
    meetings = card.meetings
    assert meetings.proxy.rowCount() > 0
    assert ctrl_f(meetings.table) is meetings.search
    type_text(meetings.search, "Нетакойтемы")
    assert meetings.proxy.rowCount() == 0
    assert meetings.empty_note.text() == (
        "Ничего не найдено по запросу «Нетакойтемы».\n"
        "Очистите поле поиска (Esc), чтобы снова увидеть все встречи."
    )
    QTest.keyClick(meetings.search, Qt.Key.Key_Escape)
    assert meetings.search.text() == "" and meetings.proxy.rowCount() > 0
    assert card.isVisible()  # Esc emptied the field; it did not close the card

    card.tabs.setCurrentWidget(card.plan)
    assert ctrl_f(card.plan.table) is card.plan.search
    assert groups.search.text() == "ковалёва"  # the list behind the card kept its search


def test_the_manual_pair_dialog_searches_its_mentees(qtbot, pairs):
    matching = pairs.matching
    pairs.tabs.setCurrentWidget(matching)
    matching.manual_button.click()
    dialog = matching.dialog
    assert isinstance(dialog, ManualPairDialog)
    activate(qtbot, dialog)
    names = [dialog.mentees.item(row).text() for row in range(dialog.mentees.count())]
    assert names, "the demo school has unpaired mentees of the chosen form"
    assert ctrl_f(dialog.mentees) is dialog.search

    def shown() -> list[str]:
        items = [dialog.mentees.item(row) for row in range(dialog.mentees.count())]
        return [item.text() for item in items if not item.isHidden()]

    surname = names[0].split()[0]
    type_text(dialog.search, surname.upper().replace("Ё", "Е"))
    assert shown() and all(surname in name for name in shown())
    type_text(dialog.search, "щщщ")
    assert shown() == [] and dialog.empty_note.isVisible()
    assert dialog.empty_note.text().startswith("Ничего не найдено по запросу «")
    QTest.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert dialog.search.text() == "" and shown() == names
    assert not dialog.empty_note.isVisible()
    assert dialog.isVisible()


def test_filters_go_under_the_search_on_a_narrow_window(bases):
    bar = bases.show_tab(BaseKind.MENTORS).filters
    assert bar.one_row()  # 1180 pixels: the search and four filters in one row
    assert bar.search.width() >= SEARCH_ROOM
    bases.resize(760, 760)
    QApplication.processEvents()
    assert not bar.one_row()  # the search keeps the first row, the filters the second
    assert bar.search.width() > bar.status.width()
    assert bar.status.geometry().top() > bar.search.geometry().bottom()
    bases.resize(1180, 760)
    QApplication.processEvents()
    assert bar.one_row() and bar.search.width() >= SEARCH_ROOM


def test_saving_the_last_proposals_leaves_no_nothing_found_note(pairs, monkeypatch):
    """Every proposal of the form stored: the table is empty, no search is typed, so no
    «Ничего не найдено по запросу «»» over it (the proxy drops its rows before the source)."""
    record_messages(monkeypatch)  # the over-capacity question answered «yes»
    matching = pairs.matching
    pairs.tabs.setCurrentWidget(matching)
    assert matching.model.rowCount() == 3
    matching.panel.accept_all()
    matching.save_button.click()
    assert matching.model.rowCount() == 0
    assert not matching.panel.empty_note.isVisible()
    assert "Ничего не найдено" not in matching.panel.empty_note.text()
