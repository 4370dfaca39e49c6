"""«Пары и группы» on a 1366×768 and a 1024×700 screen (beside the window's 300-pixel navigation
column): the form combo whole, names whole, nothing touching the tab's frame, no empty bands
while the matching runs; the card and the list import no taller than a 1024×700 screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from sqlmodel import select

from nastavapp.models import MentoringGroup
from nastavapp.services.importing import prepare_import
from nastavapp.services.years import current_year
from nastavapp.ui.bases.import_dialog import ImportDialog
from nastavapp.ui.pairs import proposals_model as proposals
from nastavapp.ui.pairs import unpaired_tab as unpaired
from nastavapp.ui.pairs.card_dialog import CardDialog
from nastavapp.ui.pairs.groups_model import ORDER
from nastavapp.ui.pairs.loads_model import NAME as LOAD_NAME
from nastavapp.ui.pairs.screen import PairsScreen

from .import_files import write_xlsx
from .screen_sizes import sizes_on_small_and_large

DAY = date(2025, 11, 20)
# the pairs screen in the main window: the window less its navigation column, menus, status
SIZES = {"1366": (1366 - 300, 640), "1024": (1024 - 300, 580)}
NAME = "Щербакова Д. К."  # a short name longer than most
FULL_NAME = "Александрова Любовь Денисовна"


def _text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def _lay_out() -> None:
    """Layouts settle, but the matching's result (a queued signal) is not delivered yet."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _open(qtbot, store, size: str) -> PairsScreen:
    screen = PairsScreen(store, DAY)
    qtbot.addWidget(screen)
    screen.resize(*SIZES[size])
    screen.show_year(current_year(store))
    return screen


def _close(screen: PairsScreen) -> None:
    screen.shutdown()
    screen.close()


@pytest.mark.parametrize("size", SIZES)
def test_while_matching_runs_the_form_reads_whole_and_no_band_is_left_empty(qtbot, demo, size):
    screen = _open(qtbot, demo, size)
    matching = screen.matching
    with qtbot.waitSignal(matching.matchingFinished, timeout=20_000):
        screen.show()
        _lay_out()
        assert matching.runner.busy and matching.busy_label.isVisible()
        combo = matching.form_combo
        # at 1024 px the busy line beside it squeezed the combo to «ученик -»
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) <= _text_room(combo), text
        assert combo.toolTip() == text
        # no empty summary line under the form, no empty detail over the buttons
        top = _rect_in(combo, matching)
        search = _rect_in(matching.panel.search, matching)
        busy = _rect_in(matching.busy_label, matching)
        assert top.bottom() < busy.top() and busy.bottom() < search.top()
        assert search.top() - top.bottom() <= busy.height() + 20
        table = _rect_in(matching.panel.loads_table, matching)
        buttons = _rect_in(matching.accept_button, matching)
        assert 0 < buttons.top() - table.bottom() <= 16
    _close(screen)


@pytest.mark.parametrize("size", SIZES)
def test_nothing_touches_the_tab_frame(qtbot, demo, size):
    screen = _open(qtbot, demo, size)
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        screen.show()
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        tab = screen.tabs.widget(index)
        _lay_out()
        for widget in tab.findChildren(QWidget):
            if widget.isVisible() and isinstance(widget, QPushButton | QComboBox):
                rect = _rect_in(widget, tab)
                assert rect.left() >= 6, widget
                assert rect.right() <= tab.width() - 7, widget.objectName() or widget
    _close(screen)


def test_at_1024_names_are_whole_and_the_tables_do_not_scroll_sideways(qtbot, demo):
    screen = _open(qtbot, demo, "1024")
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        screen.show()
    matching = screen.matching
    table, loads = matching.table, matching.panel.loads_table
    metrics = table.fontMetrics()
    for column in (proposals.MENTEE, proposals.MENTOR):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(NAME) + 8
    assert loads.columnWidth(LOAD_NAME) >= metrics.horizontalAdvance(NAME) + 8
    assert table.horizontalScrollBar().maximum() == 0
    assert loads.horizontalScrollBar().maximum() == 0
    # «Почему» gives way; the line under the table and the points' tooltip say why
    assert table.isColumnHidden(proposals.WHY)
    row = matching.panel.current()
    assert row is not None and row.mentor is not None
    assert "баллов" in matching.panel.detail.text()
    score = table.currentIndex().siblingAtColumn(proposals.SCORE).data(proposals.Qt.ToolTipRole)
    assert row.reasons[0] in score

    screen.tabs.setCurrentWidget(screen.groups)
    _lay_out()
    groups = screen.groups.table
    assert groups.horizontalScrollBar().maximum() == 0  # «План» was beyond the right edge
    assert groups.columnWidth(ORDER) >= metrics.horizontalAdvance("114-о, 06.10.2025") + 8

    screen.tabs.setCurrentWidget(screen.unpaired)
    _lay_out()
    tab = screen.unpaired
    assert tab.table.columnWidth(unpaired.NAME) >= metrics.horizontalAdvance(FULL_NAME) + 8
    assert tab.table.columnWidth(unpaired.POST) >= metrics.horizontalAdvance("10Б класс") + 8
    assert tab.table.horizontalScrollBar().maximum() == 0
    search = tab.search
    room = search.width() - 2 * search.height()  # less the frame and the clear button
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) <= room
    _close(screen)


def test_at_1366_every_column_is_shown(qtbot, demo):
    screen = _open(qtbot, demo, "1366")
    with qtbot.waitSignal(screen.matching.matchingFinished, timeout=20_000):
        screen.show()
    assert not screen.matching.table.isColumnHidden(proposals.WHY)
    screen.tabs.setCurrentWidget(screen.unpaired)
    _lay_out()
    assert not screen.unpaired.table.isColumnHidden(unpaired.REQUESTS)
    _close(screen)


def _card(store, _tmp_path) -> QDialog:
    with store.session() as session:
        group_id = session.exec(select(MentoringGroup.id)).first()
    return CardDialog(store, group_id, DAY)


def _import(store, tmp_path) -> QDialog:
    rows = [["Фамилия", "Имя", "Отчество", "Класс"]]
    rows += [["Иванов", f"Пётр{k}", "Сергеевич", "7А"] for k in range(30)]
    path = write_xlsx(tmp_path / "7А.xlsx", rows)
    return ImportDialog(store, prepare_import(path), DAY)


@pytest.mark.parametrize("make", [_card, _import], ids=["card", "list import"])
def test_the_card_and_the_list_import_fit_a_small_screen(qtbot, monkeypatch, demo, tmp_path, make):
    # 660 and 680 px tall: «Закрыть» and «Загрузить» under the task bar
    sizes = sizes_on_small_and_large(qtbot, monkeypatch, lambda: make(demo, tmp_path))
    assert sizes["large"][1] == (660 if make is _card else 680) > sizes["small"][1]
