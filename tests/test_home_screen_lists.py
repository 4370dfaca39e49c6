"""The start screen's lists of events: every wrapped line drawn whole, at any window width."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListWidget

from nastavapp.services.years import current_year
from nastavapp.ui.home_screen import HomeScreen

LATE = date(2026, 6, 20)  # nearly every event of 2025/2026 is overdue: the list scrolls


def _wrapped_height(widget: QListWidget, text: str) -> int:
    width = widget.viewport().width()
    flags = int(Qt.TextFlag.TextWordWrap)
    return widget.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, text).height()


def test_overdue_lines_are_whole_and_without_gaps_at_every_width(qtbot, school_store):
    home = HomeScreen(school_store, LATE)
    qtbot.addWidget(home)
    home.show_year(current_year(school_store))
    overdue = home.overdue_list
    assert overdue.count() > 12
    home.show()
    checked = 0
    # Qt's list spacing used to size some wrapped lines for a narrower width than it drew them
    # with: at those widths the first line was cut short («срок ист…») with a gap below it.
    for width in range(820, 1100, 7):
        home.resize(width, 760)
        qtbot.wait(5)
        assert overdue.verticalScrollBar().maximum() > 0
        rects = [overdue.visualItemRect(overdue.item(row)) for row in range(overdue.count())]
        for row, (rect, below) in enumerate(pairwise(rects)):
            assert below.top() == rect.bottom() + 1, (width, row)  # no gap, no overlap
        for row, rect in enumerate(rects):
            assert rect.height() >= _wrapped_height(overdue, overdue.item(row).text()), (width, row)
        checked += 1
    assert checked == 40
