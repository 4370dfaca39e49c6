"""The municipal summary table on screen: short headers with the full wording in tooltips,
sorting by a click, the columns fitting a 1366 px window, the «Столбцы» choice remembered."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nastavapp.services.consolidation.centre import open_municipal_store, save_centre
from nastavapp.services.consolidation.reading import read_reports
from nastavapp.services.consolidation.store_reports import add_reports
from nastavapp.services.consolidation.table import COLUMNS
from nastavapp.ui.municipal import MunicipalWindow
from nastavapp.ui.municipal.summary_panel import CELL_PADDING, NAME_MIN, SHOW_ALL
from nastavapp.ui.settings import UiSettings
from tests.report_files import make_school, school_rows, write_data_sheet
from tests.test_consolidation import CENTRE

TODAY = date(2025, 11, 25)
NUMBER = {column.key: number for number, column in enumerate(COLUMNS)}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    schools = tmp_path_factory.mktemp("table-schools")
    folder = tmp_path_factory.mktemp("table-reports")
    return [
        write_data_sheet(folder / f"Отчёт_СОШ_{n}.xlsx", school_rows(make_school(schools, n)))
        for n in (1, 2, 3)
    ]


@pytest.fixture
def db(tmp_path: Path, reports: list[Path]) -> Path:
    """A municipal file holding the three schools' reports."""
    path = tmp_path / "municipal.sqlite"
    store = open_municipal_store(path, backups=False)
    try:
        save_centre(store, CENTRE)
        add_reports(store, read_reports(reports).reports)
    finally:
        store.close()
    return path


def _open(qtbot, db: Path, settings: UiSettings | None = None) -> MunicipalWindow:
    window = MunicipalWindow(
        open_municipal_store(db, backups=False), today=TODAY, settings=settings
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _close(qtbot, window: MunicipalWindow) -> None:
    with qtbot.waitSignal(window.closed, timeout=5_000):
        window.close()


def _action(window: MunicipalWindow, text: str):
    menu = window.summary_panel.columns_menu()
    return next(action for action in menu.actions() if action.text() == text)


def test_headers_are_short_and_their_tooltips_carry_the_full_wording(qtbot, db):
    window = _open(qtbot, db)
    try:
        model = window.summary_panel.model

        def header(key: str, role=Qt.ItemDataRole.DisplayRole) -> str:
            return model.headerData(NUMBER[key], Qt.Orientation.Horizontal, role)

        tip = Qt.ItemDataRole.ToolTipRole
        assert header("students_involved") == "Вовлечено\nобучаю-\nщихся, %"
        assert header("students_involved", tip).splitlines()[:2] == [
            "Доля обучающихся, вовлечённых в наставничество, %",
            "Целевое значение — не ниже 70\u00a0%.",
        ]
        assert header("mentees_10_19", tip).startswith(
            "Доля обучающихся 10–19 лет, вошедших в программы наставничества в роли "
            "наставляемого, %\n"
        )
        assert header("unpaired_mentees") == "Без\nпары"
        assert header("unpaired_mentees", tip).startswith("Число наставляемых без пары\n")
        assert header("persons.students", tip).startswith("Число обучающихся\n")
        assert "Полное наименование" in header("name", tip)
        for number, column in enumerate(COLUMNS):
            shown = model.headerData(number, Qt.Orientation.Horizontal)
            assert all(len(line) <= 10 for line in shown.splitlines()), shown
            if column.spec is not None:
                whole = model.headerData(number, Qt.Orientation.Horizontal, tip)
                assert whole.startswith(column.spec.label)
        # The workbook and the PDF keep their long headers: the shared columns are untouched.
        assert COLUMNS[NUMBER["students_involved"]].header == "Обучающиеся в наставничестве, %"
    finally:
        _close(qtbot, window)


def test_a_click_on_a_header_sorts_and_the_totals_stay_last(qtbot, db):
    window = _open(qtbot, db)
    try:
        table = window.summary_panel.table
        model = window.summary_panel.model
        column = NUMBER["students_involved"]
        header = table.horizontalHeader()

        def click() -> None:
            middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 10))

        def shown() -> list[float]:
            return [float(model.index(r, column).data().replace(",", ".")) for r in range(3)]

        click()
        assert header.sortIndicatorSection() == column
        first = shown()
        click()
        second = shown()
        assert {tuple(first), tuple(second)} == {
            tuple(sorted(first)),
            tuple(sorted(first, reverse=True)),
        }
        assert first != second
        assert model.index(3, 0).data() == "Итого по муниципалитету"
        window.summary_panel.set_column_shown("meetings", False)  # hiding keeps the order
        assert shown() == second
        names = [model.index(r, 0).data() for r in range(3)]
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        assert [model.index(r, 0).data() for r in range(3)] == sorted(names, reverse=True)
    finally:
        _close(qtbot, window)


def test_the_sixteen_columns_fit_a_1366_window(qtbot, db):
    window = _open(qtbot, db)
    try:
        window.resize(1366, 740)
        table = window.summary_panel.table
        qtbot.waitUntil(lambda: table.viewport().width() > 1200)
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
        assert table.columnWidth(0) >= NAME_MIN
        assert table.horizontalHeader().length() <= table.viewport().width()
        assert not any(table.isColumnHidden(c) for c in range(len(COLUMNS)))
    finally:
        _close(qtbot, window)


def test_the_hidden_columns_come_back_with_the_window(qtbot, db, tmp_path, data_home):
    ini = tmp_path / "settings.ini"
    window = _open(qtbot, db, UiSettings(ini))
    panel = window.summary_panel
    assert not _action(window, SHOW_ALL).isEnabled()
    _action(window, "Число встреч").trigger()
    _action(window, "Удовлетворены наставники, %").trigger()
    assert panel.table.isColumnHidden(NUMBER["meetings"])
    assert panel.hidden_keys() == ["meetings", "satisfaction_mentors"]
    _close(qtbot, window)
    assert "meetings;satisfaction_mentors" in ini.read_text(encoding="utf-8")

    window = _open(qtbot, db, UiSettings(ini))  # a new window, the settings read anew
    panel = window.summary_panel
    hidden = [COLUMNS[c].key for c in range(len(COLUMNS)) if panel.table.isColumnHidden(c)]
    assert hidden == ["meetings", "satisfaction_mentors"]
    assert not _action(window, "Число встреч").isChecked()
    assert _action(window, "Число педагогов").isChecked()
    _action(window, SHOW_ALL).trigger()
    assert panel.hidden_keys() == []
    _close(qtbot, window)

    window = _open(qtbot, db, UiSettings(ini))
    assert window.summary_panel.hidden_keys() == []
    _close(qtbot, window)

    # Without settings of its own the window keeps them in the data folder's settings.
    window = _open(qtbot, db)
    _action(window, "Число пар и групп").trigger()
    _close(qtbot, window)
    assert "groups" in (data_home / "settings.ini").read_text(encoding="utf-8")
    window = _open(qtbot, db)
    assert window.summary_panel.hidden_keys() == ["groups"]
    _close(qtbot, window)


def test_the_school_column_stays_in_place_in_a_narrow_window(qtbot, db):
    window = _open(qtbot, db)
    try:
        window.resize(1000, 700)
        table = window.summary_panel.table
        model = window.summary_panel.model
        frozen = table.frozen
        assert frozen is not None
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
        table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
        assert table.columnViewportPosition(0) < 0  # the table itself scrolled past «Школа»
        assert frozen.isVisible() and frozen.width() == table.columnWidth(0)
        assert frozen.indexAt(QPoint(5, 5)).data() == model.index(0, 0).data()
        names = [model.index(r, 0).data() for r in range(3)]
        assert names == sorted(names)

        # A click on the frozen «Школа» header sorts like one on the table's own header.
        QTest.mouseClick(
            frozen.horizontalHeader().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10)
        )
        assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert frozen.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert [model.index(r, 0).data() for r in range(3)] == sorted(names, reverse=True)
        assert model.index(3, 0).data() == "Итого по муниципалитету"
    finally:
        _close(qtbot, window)


def test_schools_whose_names_differ_at_the_end_stay_apart_when_cut(qtbot, db):
    """«МБОУ «Сосновская …» twice at 1024: names are cut in the middle, their ends stay."""
    window = _open(qtbot, db)
    try:
        window.resize(1024, 700)
        frozen = window.summary_panel.table.frozen
        assert frozen is not None
        width = frozen.columnWidth(0) - 12
        metrics = frozen.fontMetrics()
        names = [
            "МБОУ «Сосновская средняя общеобразовательная школа»",
            "МБОУ «Сосновская средняя общеобразовательная школа № 2»",
        ]
        assert metrics.horizontalAdvance(names[1]) > width  # cut at this width
        shown = [metrics.elidedText(n, frozen.textElideMode(), width) for n in names]
        assert shown[0] != shown[1] and shown[1].endswith("№ 2»")
    finally:
        _close(qtbot, window)


def test_a_short_name_shows_whole_at_1024(qtbot, db):
    """«МБОУ «По…СОШ № 2»» beside «МБОУ «По…кая СОШ»» told the schools apart badly: the column
    is wide enough for a usual short name; the figures scroll sideways instead."""
    window = _open(qtbot, db)
    try:
        window.resize(1024, 700)
        table = window.summary_panel.table
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
        room = table.columnWidth(0) - CELL_PADDING
        assert table.fontMetrics().horizontalAdvance("МБОУ «Покровская СОШ № 2»") <= room
    finally:
        _close(qtbot, window)


def _menu_letters(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()] if menu else []
        found[top.text()] = [
            m.group(1) for m in (re.search(r"&([^&\s])", t.replace("&&", "")) for t in texts) if m
        ]
    return found


def test_every_menu_letter_is_cyrillic_and_once(qtbot, db):
    """«Сохранить сводку в &Excel…»: Alt+E does nothing with a Russian layout switched on."""
    window = _open(qtbot, db)
    try:
        for menu, letters in _menu_letters(window).items():
            assert letters, menu
            assert all(re.fullmatch("[а-яё]", x, re.IGNORECASE) for x in letters), letters
            assert len({x.casefold() for x in letters}) == len(letters), letters
    finally:
        _close(qtbot, window)
