"""Search in the municipal summary: part of a school's name or municipality (any case, «ё» as
«е») filters the schools as it is typed, the totals row stays for the whole municipality, a sort
after a search keeps only the schools found in Russian order, Ctrl+F and Esc, the empty result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nastavapp.services.consolidation.centre import open_municipal_store, save_centre
from nastavapp.services.consolidation.reading import read_reports
from nastavapp.services.consolidation.store_reports import add_reports
from nastavapp.services.consolidation.table import COLUMNS
from nastavapp.ui.municipal import MunicipalWindow
from tests.qt_keys import shortcut, type_text
from tests.report_files import MUNICIPALITY, changed, make_school, school_rows, write_data_sheet
from tests.test_consolidation import CENTRE

TODAY = date(2025, 11, 25)
MEETINGS = COLUMNS.index(next(c for c in COLUMNS if c.key == "meetings"))
TOTALS = "Итого по муниципалитету"
# (short name, municipality, meetings)
SCHOOLS = (
    ("МБОУ СОШ № 10", MUNICIPALITY, 31),
    ("МКОУ Ёлкинская ООШ", MUNICIPALITY, 12),
    ("МКОУ Яблоновская НОШ", MUNICIPALITY, 7),
    ("МБОУ СОШ № 2", MUNICIPALITY, 25),
    ("МКОУ Еловская СОШ", MUNICIPALITY, 40),
    ("МБОУ Лицей № 1", "Заречный муниципальный округ", 18),
    ("МКОУ Дубовская СОШ", MUNICIPALITY, 3),
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Seven schools' report files: one demo school's figures under seven names."""
    schools = tmp_path_factory.mktemp("search-schools")
    folder = tmp_path_factory.mktemp("search-reports")
    rows = school_rows(make_school(schools, 1))
    return [
        write_data_sheet(
            folder / f"Отчёт_{number}.xlsx",
            changed(
                rows,
                school__short_name=short,
                school__full_name=f"Муниципальное учреждение «{short}»",
                school__municipality=municipality,
                school__code=f"36100{number:02d}",
                meetings=meetings,
            ),
        )
        for number, (short, municipality, meetings) in enumerate(SCHOOLS, start=1)
    ]


@pytest.fixture
def window(qtbot, tmp_path: Path, reports: list[Path]):
    store = open_municipal_store(tmp_path / "municipal.sqlite", backups=False)
    save_centre(store, CENTRE)
    add_reports(store, read_reports(reports).reports)
    made = MunicipalWindow(store, today=TODAY)
    qtbot.addWidget(made)
    made.resize(1366, 768)
    with qtbot.waitActive(made):  # Ctrl+F works in the active window
        made.show()
        made.activateWindow()
    yield made
    made.close()  # closes the file


def _shown(window: MunicipalWindow, column: int = 0) -> list[str]:
    """The cells of ``column`` as the table shows them, top to bottom."""
    model = window.summary_panel.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _search(window: MunicipalWindow, text: str) -> None:
    field = window.summary_panel.search
    field.clear()
    type_text(field, text)


def test_typing_part_of_a_name_or_municipality_filters_the_schools(qtbot, window, qtmodeltester):
    panel = window.summary_panel
    assert len(_shown(window)) == len(SCHOOLS) + 1
    assert panel.found.text() == ""
    totals = _shown(window, MEETINGS)[-1]

    type_text(panel.search, "Ёл")  # filtered as it is typed, no Enter needed
    assert _shown(window) == ["МКОУ Ёлкинская ООШ", "МКОУ Еловская СОШ", TOTALS]
    assert panel.found.text() == "Показано школ: 2 из 7; «Итого» — по всем школам"
    assert _shown(window, MEETINGS)[-1] == totals  # the totals are the municipality's
    type_text(panel.search, "к")
    assert _shown(window) == ["МКОУ Ёлкинская ООШ", TOTALS]

    for query in ("ел", "ЕЛ", "ёЛ", "  Ел "):
        _search(window, query)
        assert _shown(window) == ["МКОУ Ёлкинская ООШ", "МКОУ Еловская СОШ", TOTALS], query
    _search(window, "ЁЛКИНСКАЯ ооШ")
    assert _shown(window) == ["МКОУ Ёлкинская ООШ", TOTALS]
    _search(window, "заречный")  # the municipality
    assert _shown(window) == ["МБОУ Лицей № 1", TOTALS]
    _search(window, "учреждение «МБОУ СОШ")  # the full name
    assert _shown(window) == ["МБОУ СОШ № 2", "МБОУ СОШ № 10", TOTALS]
    vertical = [panel.table.model().headerData(row, Qt.Orientation.Vertical) for row in range(3)]
    assert vertical == ["1", "2", ""]  # numbered as shown; the totals row has no number
    qtmodeltester.check(panel.table.model())


def test_sorting_after_a_search_keeps_the_schools_found_in_russian_order(qtbot, window):
    table = window.summary_panel.table
    _search(window, "сош")
    assert _shown(window) == [
        "МБОУ СОШ № 2",  # «№ 2» before «№ 10»
        "МБОУ СОШ № 10",
        "МКОУ Дубовская СОШ",
        "МКОУ Еловская СОШ",
        TOTALS,
    ]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _shown(window) == [
        "МКОУ Еловская СОШ",
        "МКОУ Дубовская СОШ",
        "МБОУ СОШ № 10",
        "МБОУ СОШ № 2",
        TOTALS,
    ]
    table.sortByColumn(MEETINGS, Qt.SortOrder.AscendingOrder)
    assert _shown(window) == [
        "МКОУ Дубовская СОШ",
        "МБОУ СОШ № 2",
        "МБОУ СОШ № 10",
        "МКОУ Еловская СОШ",
        TOTALS,
    ]
    assert _shown(window, MEETINGS)[:-1] == ["3", "25", "31", "40"]

    _search(window, "МКОУ")  # «Ё» sorts with «Е», not before «А»
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown(window) == [
        "МКОУ Дубовская СОШ",
        "МКОУ Ёлкинская ООШ",
        "МКОУ Еловская СОШ",
        "МКОУ Яблоновская НОШ",
        TOTALS,
    ]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    _search(window, "овская")  # a new search keeps the order chosen
    assert _shown(window) == [
        "МКОУ Яблоновская НОШ",
        "МКОУ Еловская СОШ",
        "МКОУ Дубовская СОШ",
        TOTALS,
    ]


def test_ctrl_f_goes_to_the_search_and_esc_clears_it(qtbot, window):
    panel = window.summary_panel
    panel.table.setFocus()
    shortcut(panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is panel.search
    type_text(panel.search, "дуб")
    assert _shown(window) == ["МКОУ Дубовская СОШ", TOTALS]
    QTest.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert len(_shown(window)) == len(SCHOOLS) + 1
    assert panel.found.text() == ""
    assert window.isVisible()  # Esc did nothing else


def test_nothing_found_says_so_and_the_totals_stay(qtbot, window):
    panel = window.summary_panel
    totals = _shown(window, MEETINGS)[-1]
    assert not panel.nothing_found.isVisible()
    type_text(panel.search, "Гимназия")
    assert _shown(window) == [TOTALS]
    assert _shown(window, MEETINGS) == [totals]
    assert panel.found.text() == "Показано школ: 0 из 7; «Итого» — по всем школам"
    assert panel.nothing_found.isVisible()
    assert panel.nothing_found.text().startswith("Ничего не найдено по запросу «Гимназия».")
    assert "все школы" in panel.nothing_found.text()

    window.refresh()  # the summary built anew (a report added, another year) keeps the search
    assert panel.search.text() == "Гимназия" and _shown(window) == [TOTALS]
    assert panel.nothing_found.isVisible()
    panel.search.clear()
    assert not panel.nothing_found.isVisible()
    assert len(_shown(window)) == len(SCHOOLS) + 1


def test_every_column_sorts_the_schools_found_both_ways(qtbot, window):
    table = window.summary_panel.table
    _search(window, "сош")
    found = set(_shown(window))
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sortByColumn(column, order)
            assert set(_shown(window)) == found and _shown(window)[-1] == TOTALS, column
    table.sortByColumn(MEETINGS, Qt.SortOrder.DescendingOrder)
    assert _shown(window, MEETINGS)[:-1] == ["40", "31", "25", "3"]
