"""«Показатели» on the demonstration school: answers typed by keyboard only reach the dashboard,
the people behind a number, «—» for a zero denominator, the dashboard printed to PDF, the
questions edited, answers loaded from an online form, monitoring with its threshold."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from nastavapp.models.vocab import Audience, QuestionnairePhase
from nastavapp.services.questionnaires import year_templates
from nastavapp.services.responses import respondents, template_responses
from nastavapp.services.settings import get_setting
from nastavapp.services.years import current_year
from nastavapp.store import open_store
from nastavapp.ui.indicators import IndicatorsScreen
from nastavapp.ui.indicators.answers_model import FIRST_ITEM, FORM, RESPONDENT
from nastavapp.ui.indicators.people_dialog import PeopleDialog

from .import_files import write_xlsx
from .qt_keys import type_text

DAY = date(2025, 11, 20)


@pytest.fixture
def store(demo):
    """A fresh copy of the demo school (conftest's ``demo``), by this module's name."""
    return demo


def _screen(qtbot, store) -> IndicatorsScreen:
    widget = IndicatorsScreen(store, DAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show_year(current_year(store))
    with qtbot.waitActive(widget):  # the keyboard goes to the focused editor
        widget.show()
        widget.activateWindow()
    return widget


@pytest.fixture
def screen(qtbot, store):
    widget = _screen(qtbot, store)
    yield widget
    for tab in (widget.dashboard, widget.questionnaires):
        if tab.dialog is not None:
            tab.dialog.close()


def _template(store, audience=Audience.MENTEE, phase=QuestionnairePhase.ENTRY):
    year = current_year(store)
    return next(
        t for t in year_templates(store, year.id) if t.audience is audience and t.phase is phase
    )


def _choose(screen, template) -> None:
    tab = screen.questionnaires
    screen.tabs.setCurrentWidget(tab)
    tab.chooser.setCurrentIndex(tab.chooser.findData(template.id))


def press(key: Qt.Key, text: str = "") -> None:
    """A key to whatever has the focus (the open editor), as the keyboard would send it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key) if not text else QTest.keyClicks(widget, text)
    QTest.qWait(20)


def test_answers_typed_by_keyboard_reach_the_dashboard(qtbot, screen, store):
    template = _template(store)
    before = len(template_responses(store, template.id))
    assert screen.dashboard.figures.indicators.satisfaction_mentees.respondents == before
    _choose(screen, template)
    tab = screen.questionnaires
    table = tab.table
    blank = tab.model.rowCount() - 1
    assert tab.model.is_blank_row(blank)
    table.go_to(blank, FIRST_ITEM, edit=False)
    table.setFocus()
    with qtbot.waitSignal(screen.dataChanged, timeout=3000):
        QTest.keyClick(table, Qt.Key.Key_9)  # a digit on a cell starts editing with that digit
        QApplication.processEvents()
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == "9"
        assert tab.question.text().startswith("Вопрос 1 из 8 (шкала 1–10)")
        press(Qt.Key.Key_Tab)
        press(Qt.Key.Key_1, "11")  # «11» is refused at the second keystroke
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == "1"
        assert tab.refused.isVisible() and tab.refused.text().startswith("11 — вне шкалы")
        press(Qt.Key.Key_0, "0")  # «10»
        press(Qt.Key.Key_Tab)
        for digits in ("7", "8", "9", "10"):
            press(Qt.Key.Key_unknown, digits)
            press(Qt.Key.Key_Tab)
        type_text(QApplication.focusWidget(), "д")  # yes/no: «д» is «да»
        press(Qt.Key.Key_Return)  # the next respondent, back in the first question's column
        qtbot.waitUntil(lambda: table.currentIndex().row() == blank + 1)
    assert table.currentIndex().column() == FIRST_ITEM
    assert not tab.refused.isVisible()
    stored = template_responses(store, template.id)
    assert len(stored) == before + 1
    new = stored[-1]
    assert new.person_id is None and new.answered_on == DAY
    assert sorted(new.values.values()) == [1, 7, 8, 9, 9, 10, 10]
    anonymous = sum(r.person_id is None for r in stored)
    assert tab.status.text() == f"Анкет: {before + 1}, из них анонимных: {anonymous}."
    assert tab.model.is_blank_row(tab.model.rowCount() - 1)

    screen.tabs.setCurrentWidget(screen.dashboard)  # read again when shown
    assert screen.dashboard.figures.indicators.satisfaction_mentees.respondents == before + 1
    assert f"ответов: {before + 1}" in screen.dashboard.summary.text()


@pytest.mark.qt_log_ignore("does not support (raise|grabbing)")  # the completer's popup, offscreen
def test_a_named_respondent_brings_his_form(qtbot, screen, store):
    template = _template(store, Audience.MENTOR)
    _choose(screen, template)
    tab = screen.questionnaires
    year = current_year(store)
    person = respondents(store, year.id, Audience.MENTOR)[0]
    blank = tab.model.rowCount() - 1
    tab.table.go_to(blank, RESPONDENT)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentText() == "анонимно"
    type_text(combo, person.short_name)  # replaces «анонимно»; the matches pop up
    press(Qt.Key.Key_Tab)
    with qtbot.waitActive(screen):  # offscreen: the matches' popup leaves no active window
        screen.activateWindow()
    tab.table.setFocus()
    assert tab.model.rows[blank].person_id == person.person_id
    assert tab.model.data(tab.model.index(blank, FORM)) == person.form.label
    assert tab.table.currentIndex().column() == FORM
    press(Qt.Key.Key_Tab)
    assert tab.table.currentIndex().column() == FIRST_ITEM
    press(Qt.Key.Key_unknown, "8")
    press(Qt.Key.Key_Tab)
    row = template_responses(store, template.id)[-1]
    assert (row.person_id, row.form, row.group_id) == (
        person.person_id,
        person.form,
        person.group_id,
    )
    assert tab.model.rows[blank].values == {tab.model.items[0].id: 8}


def test_a_stored_answer_is_changed_cleared_and_the_row_deleted(screen, store, said):
    template = _template(store)
    _choose(screen, template)
    tab = screen.questionnaires
    model = tab.model
    first = model.index(0, FIRST_ITEM)
    assert not model.setData(first, "0")  # refused, nothing changed
    assert "вне шкалы" in tab.refused.text()
    assert model.setData(first, "3")
    assert template_responses(store, template.id)[0].values[model.items[0].id] == 3
    tab.table.go_to(0, FIRST_ITEM, edit=False)
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)  # clears the cell
    assert model.items[0].id not in template_responses(store, template.id)[0].values
    count = len(model.stored_rows())
    tab.delete_current()
    assert said["confirm"] and "Удалить анкету строки 1" in said["confirm"][0]
    assert len(template_responses(store, template.id)) == count - 1


def test_people_behind_a_number(qtbot, screen, qtmodeltester):
    dashboard = screen.dashboard
    ratio = dashboard.figures.indicators.mentees_10_19
    card = dashboard.cards["mentees_10_19"]
    assert card.value.text() == f"{ratio.percent:.1f}\u00a0%".replace(".", ",")
    assert card.counts.text() == f"{len(ratio.numerator)} из {len(ratio.denominator)}"
    assert "÷ все обучающиеся 10–19 лет школы" in card.definition.text()
    assert "доля обучающихся 10–19 лет в роли наставляемого =" in card.toolTip()
    qtbot.mouseClick(card.value, Qt.MouseButton.LeftButton)
    dialog = dashboard.dialog
    assert isinstance(dialog, PeopleDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert len(dialog.names()) == len(ratio.numerator)
    assert dialog.names() == sorted(dialog.names(), key=lambda n: n.casefold().replace("ё", "е"))
    dialog.filter.setCurrentIndex(dialog.filter.findData("all"))
    assert len(dialog.names()) == len(ratio.denominator)
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # «Возраст»
    ages = [int(dialog.model.text(r, 2)) for r in range(dialog.model.rowCount())]
    assert ages == sorted(ages, reverse=True) and ages[-1] >= 10 and ages[0] <= 19
    dialog.close()
    qtbot.mouseClick(dashboard.cards["teachers_involved"].counts, Qt.MouseButton.LeftButton)
    assert dashboard.dialog.filter.currentData() == "all"
    dashboard.dialog.close()
    dashboard.summary.linkActivated.emit("mentors")
    assert len(dashboard.dialog.names()) == len(dashboard.people.mentors) > 0
    assert dashboard.dialog.model.columnCount() == 3  # no «В показателе» for a plain count


@pytest.fixture
def empty_school(tmp_path):
    """A school with its year and nobody in it."""
    from nastavapp.services.school import setup_school

    from .conftest import sample_setup

    opened = open_store(tmp_path / "empty.sqlite", backups=False)
    setup_school(opened, sample_setup())
    yield opened
    opened.close()


def test_zero_denominator_shows_a_dash(qtbot, empty_school, tmp_path, monkeypatch, said):
    screen = _screen(qtbot, empty_school)
    card = screen.dashboard.cards["mentees_10_19"]
    assert card.value.text() == "—" and not card.value.isEnabled()
    assert card.verdict.text() == "нет данных"
    assert not card.counts.isEnabled()
    involvement = screen.dashboard.charts[0].chart
    assert "Обучающиеся 10–19 лет — наставляемые — —" in involvement.describe()
    assert screen.dashboard.open_people("mentees_10_19", "counted") is not None
    screen.dashboard.dialog.close()
    target = tmp_path / "пустая.pdf"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    assert screen.dashboard.print_pdf() == target and target.stat().st_size > 1000
    screen.tabs.setCurrentWidget(screen.monitoring)
    assert "пока нет" in screen.monitoring.quality_captions[Audience.MENTEE].text()
    screen.tabs.setCurrentWidget(screen.questionnaires)
    assert screen.questionnaires.missing_row.isVisibleTo(screen)
    qtbot.mouseClick(screen.questionnaires.missing_button, Qt.MouseButton.LeftButton)
    assert screen.questionnaires.chooser.count() == 4


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


def test_the_dashboard_printed_to_pdf_in_grey(qtbot, screen, tmp_path, monkeypatch, said):
    from pypdf import PdfReader

    target = tmp_path / "Показатели"
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    qtbot.mouseClick(screen.dashboard.pdf_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "Показатели.pdf"
    assert screen.dashboard.last_pdf == written and said["info"]
    reader = PdfReader(written)
    assert len(reader.pages) == 2
    first, second = _text(reader.pages[0]), _text(reader.pages[1])
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    for title in (
        "Показатели наставничества — МБОУ",
        "Вовлечённость в наставничество",
        "Наставнические пары и группы по формам",
        "Удовлетворённость участников: средний балл из 10",
        "Этапы дорожной карты: выполнено мероприятий",
        "расчёт на 20.11.2025",
    ):
        assert title in first
    assert "Доля обучающихся 10–19 лет в роли наставляемого:" in second
    assert "÷ все обучающиеся 10–19 лет школы" in second
    if shutil.which("pdftoppm") is None:
        return
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(written), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    assert image.width() > image.height() > 200
    assert image.allGray()  # printed in greys: reads the same on a black-and-white printer


def test_questions_edited_and_answers_loaded_from_a_form(qtbot, screen, store, tmp_path, said):
    template = _template(store)
    _choose(screen, template)
    tab = screen.questionnaires
    columns = tab.model.columnCount()
    qtbot.mouseClick(tab.questions_button, Qt.MouseButton.LeftButton)
    editor = tab.dialog
    cell = editor.table.item(0, 1)
    cell.setText("Эффективность программы (входная)")
    assert tab.model.items[0].text == "Эффективность программы (входная)"
    editor.new_text.setText("Ждёте ли помощи с олимпиадой?")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.texts()[-1] == "Ждёте ли помощи с олимпиадой?"
    assert tab.model.columnCount() == columns + 1
    editor.table.setCurrentCell(0, 1)
    editor.remove_current()  # answered: refused with the reason
    assert "уже есть ответы" in said["warning"][-1]
    editor.close()

    rows = [
        ["Отметка времени", "Эффективность программы (входная)", "Полезность встреч", "Почта"],
        ["20.11.2025 10:00:00", 8, 9, "a@b.ru"],
        ["20.11.2025 11:00:00", 12, 9, ""],
        ["21.11.2025 12:00:00", 6, 7, ""],
    ]
    path = write_xlsx(tmp_path / "Ответы.xlsx", rows)
    before = len(template_responses(store, template.id))
    dialog = tab.import_file(path)
    assert dialog.ok.text() == "Загрузить (2)"
    assert dialog.problems.item(0).text().startswith("Строка 3:")
    combo = dialog.combos[3]  # «Почта»: the curator says it holds the respondent's name
    combo.setCurrentIndex(combo.findText("Респондент (ФИО)"))
    assert dialog.preview.mapping.special
    combo.setCurrentIndex(0)
    with qtbot.waitSignal(screen.dataChanged, timeout=3000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert said["info"][-1] == "Загружено анкет: 2."
    assert len(template_responses(store, template.id)) == before + 2
    assert tab.model.rowCount() == before + 3  # and the blank row


def test_monitoring_threshold_is_kept_and_moves_the_share(qtbot, screen, store):
    monitoring = screen.monitoring
    screen.tabs.setCurrentWidget(monitoring)
    assert monitoring.phase.currentData() == "entry"  # no final answers in November
    caption = monitoring.quality_captions[Audience.MENTEE].text()
    assert caption.startswith("Входная анкета наставляемого: ответов 28")
    monitoring.threshold.setValue(9.5)
    monitoring.threshold.editingFinished.emit()
    assert get_setting(store, "satisfied_threshold") == "9.5"
    assert "(балл ≥ 9,5)" in monitoring.quality_tables[Audience.MENTEE].model_.text(
        monitoring.quality_tables[Audience.MENTEE].model_.rowCount() - 2, 0
    )
    screen.tabs.setCurrentWidget(screen.dashboard)
    assert screen.dashboard.figures.threshold == 9.5
    assert "порог «удовлетворён» — 9,5" in screen.dashboard.charts[2].chart.describe()
    growth = monitoring.growth_items[Audience.MENTEE].model_
    assert growth.text(0, 0) == "Эффективность программы наставничества"  # words, not codes
    assert "Итоговых ответов пока нет" in monitoring.growth_captions[Audience.MENTEE].text()
    assert monitoring.pairs.model_.rowCount() > 10


def test_every_table_model_passes_the_model_tester(screen, qtmodeltester):
    _choose(screen, _template(screen.store))
    qtmodeltester.check(screen.questionnaires.model)
    monitoring = screen.monitoring
    screen.tabs.setCurrentWidget(monitoring)
    assert monitoring.pairs.model_.rowCount() > 10
    for table in (
        *monitoring.quality_tables.values(),
        *monitoring.growth_items.values(),
        *monitoring.growth_forms.values(),
        monitoring.activity_forms,
        monitoring.pairs,
    ):
        qtmodeltester.check(table.model_)


def test_the_screen_is_in_the_main_window(qtbot, store):
    from nastavapp.ui.main_window import MainWindow
    from nastavapp.ui.settings import UiSettings

    window = MainWindow(store, UiSettings(), today=DAY)
    qtbot.addWidget(window)
    window.show_screen("indicators")
    screen = window.screens["indicators"]
    assert isinstance(screen, IndicatorsScreen)
    assert screen.title.text() == "Показатели — 2025/2026 учебный год"
    window.close()


def test_questions_without_a_column_are_named_in_quotes(screen, store, tmp_path):
    """«Нет столбца для вопросов: «…?»; «…».» — not «…будущем?.» run into the sentence."""
    template = _template(store)
    _choose(screen, template)
    rows = [["Отметка времени", "Эффективность программы наставничества"], ["20.11.2025", 8]]
    dialog = screen.questionnaires.import_file(write_xlsx(tmp_path / "Ответы.xlsx", rows))
    summary = dialog.summary.text()
    assert "Нет столбца для вопросов: «Комфортность общения с наставником»; «" in summary
    assert "«Хотели бы вы продолжить работу в программе?»" in summary
    assert "?;" not in summary and "?." not in summary
