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
