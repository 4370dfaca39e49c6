"""Search and sorting in the questionnaires' answers grid («Показатели» → «Анкеты») on the demo
school: part of a respondent's name or of his pair (any case, «ё» as «е») filters the answers as
it is typed, the blank row for a new questionnaire stays, a sort after a search keeps only the
answers found in Russian order, Ctrl+F and Esc, the empty result, typing and deleting while a
search is on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nastavapp.models.vocab import Audience, QuestionnairePhase
from nastavapp.services.questionnaires import year_templates
from nastavapp.services.responses import template_responses
from nastavapp.services.years import current_year
from nastavapp.ui.indicators import IndicatorsScreen
from nastavapp.ui.indicators.answers_model import ANONYMOUS, FIRST_ITEM, RESPONDENT

from .conftest import DEMO_DAY
from .qt_keys import shortcut, type_text

KRIVYKH = ["Белова М. И., 8А класс", "Трошина Л. Ю., 8А класс", "Шилина В. П., 8А класс"]


@pytest.fixture
def tab(qtbot, demo):
    """The «Анкеты» tab showing the mentees' entry questionnaire of the demo school."""
    screen = IndicatorsScreen(demo, DEMO_DAY)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show_year(current_year(demo))
    with qtbot.waitActive(screen):  # Ctrl+F works in the active window
        screen.show()
        screen.activateWindow()
    questionnaires = screen.questionnaires
    screen.tabs.setCurrentWidget(questionnaires)
    questionnaires.chooser.setCurrentIndex(questionnaires.chooser.findData(_template(demo).id))
    yield questionnaires
    if questionnaires.dialog is not None:
        questionnaires.dialog.close()


def _template(store):
    return next(
        t
        for t in year_templates(store, current_year(store).id)
        if t.audience is Audience.MENTEE and t.phase is QuestionnairePhase.ENTRY
    )


def _shown(tab, column: int = RESPONDENT) -> list[str]:
    """The answers' cells of ``column`` as the grid shows them, without the blank row."""
    model = tab.table.model()
    rows = [model.index(row, column).data() for row in range(model.rowCount())]
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "+"
    return rows[:-1]  # the blank row for a new questionnaire is always last


def _search(tab, text: str) -> None:
    tab.search.clear()
    type_text(tab.search, text)


def test_typing_part_of_a_name_or_a_pair_filters_the_answers(tab, demo, qtmodeltester):
    total = len(template_responses(demo, _template(demo).id))
    assert len(_shown(tab)) == total

    type_text(tab.search, "сЕм")  # filtered as it is typed: «Сёмин», «Семён»
    assert _shown(tab) == [
        "Сёмин А. И., учитель русского языка и литературы",
        "Никитин С. Н., 7А класс",  # Никитин Семён Николаевич
    ]
    type_text(tab.search, "ИН")
    assert _shown(tab) == ["Сёмин А. И., учитель русского языка и литературы"]
    assert tab.status.text().endswith(f" Показано 1 из {total}.")

    _search(tab, "КРИВЫХ")  # the mentor of a group: his mentees' answers
    assert _shown(tab) == KRIVYKH
    tip = tab.table.model().index(0, RESPONDENT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Белова Маргарита Ивановна, 8А класс\nГруппа: Кривых Л. Т. — Белова")
    _search(tab, "ковалева")  # «Ковалёва А. И. — Дмитриева В. Г.»
    assert _shown(tab) == ["Дмитриева В. Г., 7А класс"]
    _search(tab, "федоров")
    assert _shown(tab) == ["Фёдоров В. Д., 6А класс"]
    _search(tab, "аноним")
    assert _shown(tab) == [ANONYMOUS, ANONYMOUS]
    _search(tab, "василиса шилина")  # every word, in any order (the full name)
    assert _shown(tab) == ["Шилина В. П., 8А класс"]
    model = tab.table.model()
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"  # numbered as shown
    qtmodeltester.check(model)


def test_sorting_after_a_search_keeps_the_answers_found_in_russian_order(tab):
    table = tab.table
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == -1  # the order of entry until a header is clicked
    _search(tab, "АЛЕКСАНДР")
    found = [
        "Александров И. П., 8А класс",
        "Данилова О. А., 9А класс",  # Данилова Олеся Александровна
        "Сафонов К. Э., 8А класс",  # in a group with Александров И. П.
        "Сёмин А. И., учитель русского языка и литературы",  # «Сё» before «Со»
        "Сорокин А. К., 8А класс",
    ]
    assert sorted(_shown(tab)) != found  # the code points would put «Сё» after «Со»
    table.sortByColumn(RESPONDENT, Qt.SortOrder.AscendingOrder)
    assert _shown(tab) == found
    table.sortByColumn(RESPONDENT, Qt.SortOrder.DescendingOrder)
    assert _shown(tab) == found[::-1]

    _search(tab, "кривых")  # the sort is kept for a new search
    assert _shown(tab) == KRIVYKH[::-1]
    table.sortByColumn(FIRST_ITEM, Qt.SortOrder.AscendingOrder)  # scores as numbers
    assert _shown(tab, FIRST_ITEM) == ["7", "9", "10"]
    assert _shown(tab) == [KRIVYKH[1], KRIVYKH[2], KRIVYKH[0]]
    yes_no = FIRST_ITEM + 6
    assert tab.model.item_at(yes_no).type.value == "yes_no"
    _search(tab, "")
    table.sortByColumn(yes_no, Qt.SortOrder.DescendingOrder)
    answers = _shown(tab, yes_no)
    assert answers == sorted(answers, key=lambda a: a == "нет") and answers[-1] == "нет"
    open_question = FIRST_ITEM + 7
    table.sortByColumn(open_question, Qt.SortOrder.AscendingOrder)
    texts = _shown(tab, open_question)
    filled = [t for t in texts if t]
    assert texts == filled + [""] * (len(texts) - len(filled))  # empty answers last
    assert filled[0] == "Больше практических заданий" and filled[-1].startswith("Хотелось")

    table.sortByColumn(RESPONDENT, Qt.SortOrder.DescendingOrder)
    names = _shown(tab)
    assert names[-2:] == [ANONYMOUS, ANONYMOUS]  # «анонимно» last both ways
    assert names[0] == "Шилина В. П., 8А класс"


def test_ctrl_f_goes_to_the_search_and_esc_clears_it(tab, demo):
    total = len(template_responses(demo, _template(demo).id))
    tab.table.setFocus()
    shortcut(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.search
    type_text(tab.search, "денисова")
    assert _shown(tab) == ["Денисова Я. А., 5А класс"]
    QTest.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == ""
    assert len(_shown(tab)) == total
    assert not tab.status.text().count("Показано")


def test_nothing_found_says_so_and_the_blank_row_stays(tab, demo):
    total = len(template_responses(demo, _template(demo).id))
    assert not tab.nothing_found.isVisible()
    type_text(tab.search, "Щукин")
    assert _shown(tab) == []
    assert tab.nothing_found.isVisible()
    assert tab.nothing_found.text().startswith("Ничего не найдено по запросу «Щукин».")
    assert tab.status.text().endswith(f" Показано 0 из {total}.")
    tab.search.clear()
    assert not tab.nothing_found.isVisible()


def test_answers_typed_and_deleted_while_searching(qtbot, tab, demo, said):
    template = _template(demo)
    before = template_responses(demo, template.id)
    _search(tab, "кривых")
    table, proxy = tab.table, tab.table.model()
    blank = proxy.rowCount() - 1
    table.go_to(blank, FIRST_ITEM, edit=False)
    table.setFocus()
    with qtbot.waitSignal(tab.saved, timeout=3000):
        QTest.keyClick(table, Qt.Key.Key_5)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    stored = template_responses(demo, template.id)
    assert len(stored) == len(before) + 1
    assert stored[-1].person_id is None and list(stored[-1].values.values()) == [5]
    # the new anonymous answer stays in sight until the search changes, a new blank row below
    assert _shown(tab) == [*KRIVYKH, ANONYMOUS]
    assert _shown(tab, FIRST_ITEM)[-1] == "5"
    _search(tab, "кривых ")
    assert _shown(tab) == KRIVYKH

    table.sortByColumn(FIRST_ITEM, Qt.SortOrder.AscendingOrder)  # Трошина (7) first
    table.go_to(0, FIRST_ITEM, edit=False)
    tab.delete_current()
    assert said["confirm"] == [
        "Удалить анкету строки 1 (Трошина Л. Ю., 8А класс) со всеми ответами?"
    ]
    assert _shown(tab) == [KRIVYKH[2], KRIVYKH[0]]
    left = template_responses(demo, template.id)
    assert len(left) == len(before)
    people = {r.person_id for r in left}
    gone = {r.person_id for r in before} - people
    assert len(gone) == 1
    assert tab.model.people[gone.pop()].short_name == "Трошина Л. Ю."


def test_every_column_sorts_the_answers_found_both_ways(tab):
    _search(tab, "кривых")
    for column in range(tab.table.model().columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.table.sortByColumn(column, order)
            assert sorted(_shown(tab)) == KRIVYKH, column  # the blank row stays last
    tab.table.sortByColumn(FIRST_ITEM + 1, Qt.SortOrder.DescendingOrder)
    assert _shown(tab, FIRST_ITEM + 1) == sorted(_shown(tab, FIRST_ITEM + 1), key=int)[::-1]
