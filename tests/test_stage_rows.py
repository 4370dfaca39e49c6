"""A stage's events table: each row as tall as its wrapped text at the width shown, no taller."""

from __future__ import annotations

from datetime import date

from nastavapp.models.vocab import RoadmapStage
from nastavapp.services.years import current_year
from nastavapp.ui.stage_screen import StageScreen

TODAY = date(2025, 11, 20)


def test_row_heights_follow_the_width_both_ways(qtbot, school_store):
    screen = StageScreen(school_store, RoadmapStage.PREPARATION, TODAY)
    qtbot.addWidget(screen)
    screen.resize(700, 700)
    screen.show_year(current_year(school_store))
    screen.show()
    table = screen.table
    # the rows used to keep the heights of the previous width: at 1366 px the events of stage 1
    # stood in rows made for four lines with two, after narrowing the names were cut
    for width in (700, 1100, 760, 1300, 700):
        screen.resize(width, 700)
        qtbot.wait(20)
        wanted = [table.sizeHintForRow(row) for row in range(screen.model.rowCount())]
        assert [table.rowHeight(row) for row in range(screen.model.rowCount())] == wanted, width
    assert len(set(wanted)) > 1  # at 700 px the names wrap to different heights


def _cut_cells(table) -> list[tuple[str, int]]:
    """Cells whose wrapped text needs more lines than the row gives it: (number, column)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    style, model = table.style(), table.model()
    cut = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            option.rect = table.visualRect(index)
            table.itemDelegate().initStyleOption(option, index)
            # where the style draws the text: inside the padding and the text margins
            shown = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, table)
            width = shown.width() - 2 * (margin + 1)
            flags = int(Qt.TextFlag.TextWordWrap)
            needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), flags, option.text)
            if needed.height() > shown.height():
                cut.append((model.index(row, 0).data(), column))
    return cut


def test_every_event_name_is_drawn_whole_at_1024_and_other_widths(qtbot, school_store):
    # the cells' padding narrows the text: rows 1.3, 6.3, 7.1, 7.5, 7.6 ended in «…» at 1024
    year = current_year(school_store)
    for stage in RoadmapStage:
        screen = StageScreen(school_store, stage, TODAY)
        qtbot.addWidget(screen)
        screen.resize(724, 640)  # its part of a 1024 px window
        screen.show_year(year)
        screen.show()
        for width in (724, 600, 900, 1066, 724):
            screen.resize(width, 640)
            qtbot.wait(20)
            assert screen.model.rowCount() > 0
            assert _cut_cells(screen.table) == [], (stage.value, width)
        screen.close()
