"""The navigation column is as wide as its longest line needs, not a fixed 300 px: on a
1024 px screen the work area gets the room; a width the curator dragged it to is remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from nastavapp.models.vocab import RoadmapStage
from nastavapp.services.progress import StageProgress
from nastavapp.ui.main_window import MainWindow
from nastavapp.ui.navigation import NavigationPanel, stage_key
from nastavapp.ui.settings import UiSettings

from .conftest import DEMO_DAY

# beside a line's text: the style sheet's padding (2 px each side) and Qt's text margins (3 px)
ITEM_MARGINS = 2 * 2 + 2 * 3
LONGEST = "4. Отбор и обучение наставников"


@pytest.fixture
def open_window(qtbot, demo) -> Iterator:
    made: list[MainWindow] = []

    def make(width: int = 1024) -> MainWindow:
        window = MainWindow(demo, UiSettings(), today=DEMO_DAY)
        qtbot.addWidget(window)
        window.resize(width, 700)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


@pytest.fixture
def larger_font() -> Iterator[None]:
    """The system font a third larger (a school PC set to «large text»)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    larger = app.font()
    larger.setPointSizeF(before.pointSizeF() * 4 / 3)
    app.setFont(larger)
    yield
    app.setFont(before)


def assert_every_line_whole(navigation: NavigationPanel) -> None:
    metrics = QFontMetrics(navigation.font())
    marks = navigation.columnWidth(1)
    for stage in RoadmapStage:
        item = navigation._items[stage_key(stage)]
        room = navigation.visualRect(navigation.indexFromItem(item, 0)).width()
        text = item.text(0)
        assert metrics.horizontalAdvance(text) + ITEM_MARGINS <= room, text
        assert metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - ITEM_MARGINS) == text
        assert metrics.horizontalAdvance(item.text(1)) <= marks, item.text(1)


def content_needs(navigation: NavigationPanel) -> int:
    """Measured here with the font: indent, the longest stage, the widest mark, margins."""
    metrics = QFontMetrics(navigation.font())
    texts = [navigation._items[stage_key(stage)].text(0) for stage in RoadmapStage]
    marks = [navigation._items[stage_key(stage)].text(1) for stage in RoadmapStage]
    longest = max(metrics.horizontalAdvance(text) for text in texts)
    widest = max(metrics.horizontalAdvance(mark) for mark in [*marks, "8/8"])
    frame_and_rounding = 6
    return navigation.indentation() + longest + widest + 2 * ITEM_MARGINS + frame_and_rounding


def test_at_1024_px_the_column_is_as_wide_as_its_longest_line(open_window):
    window = open_window(1024)
    navigation = window.navigation
    texts = [navigation._items[stage_key(stage)].text(0) for stage in RoadmapStage]
    metrics = QFontMetrics(navigation.font())
    assert max(texts, key=metrics.horizontalAdvance) == LONGEST
    assert navigation.width() <= content_needs(navigation)
    assert navigation.width() < 300  # it took 300 px before: the work area gains the rest
    assert window.stack.width() >= 1024 - content_needs(navigation) - 10
    assert_every_line_whole(navigation)
    # the marks are in place: «4/5» beside a stage, «✓» beside a finished one
    assert {navigation._items[stage_key(stage)].text(1) for stage in RoadmapStage} & {"✓"}


def test_a_larger_system_font_widens_the_column_and_cuts_nothing(open_window, larger_font):
    window = open_window(1024)
    navigation = window.navigation
    assert navigation.width() > 280  # wider than at the usual font
    assert navigation.width() <= content_needs(navigation)
    assert_every_line_whole(navigation)


def test_a_mark_of_two_digit_numbers_widens_the_column(open_window, qtbot):
    window = open_window(1024)
    navigation = window.navigation
    before = navigation.width()
    stage = RoadmapStage(5)
    navigation.set_progress({stage: StageProgress(stage, total=12, done=10, overdue=0)})
    qtbot.waitUntil(lambda: navigation.width() > before)
    assert navigation._items[stage_key(stage)].text(1) == "10/12"
    assert_every_line_whole(navigation)


def test_a_dragged_width_is_remembered_and_a_default_one_is_not(open_window, data_home):
    first = open_window(1024)
    default = first.navigation.width()
    first.close()
    assert UiSettings().navigation_width() is None  # never dragged: keeps following the font

    second = open_window(1024)
    assert second.navigation.width() == default
    second.splitter.moveSplitter(default + 60, 1)  # as the handle dragged with the mouse does
    assert second.navigation.width() == default + 60
    second.close()
    assert UiSettings().navigation_width() == default + 60

    third = open_window(1024)
    assert third.navigation.width() == default + 60
    # narrower than its lines need it cannot be made: the names stay whole
    third.splitter.moveSplitter(default - 80, 1)
    assert third.navigation.width() == default
    assert_every_line_whole(third.navigation)
