"""The start screen: its lists of events drawn whole at any width, its counts as elsewhere."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListWidget
from sqlmodel import select

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


def test_pairs_on_the_start_screen_are_counted_as_in_the_indicators(qtbot, demo):
    """Both screens count the pairs and groups that are not disbanded; the rest is said apart."""
    from nastavapp.models import MentoringGroup
    from nastavapp.models.vocab import GroupStatus
    from nastavapp.services.indicators import compute_indicators

    year = current_year(demo)
    assert year is not None
    with demo.session() as session:
        group = session.exec(
            select(MentoringGroup).where(MentoringGroup.year_id == year.id)
        ).first()
        group.status = GroupStatus.DISBANDED
        session.add(group)
        session.commit()
    live = sum(compute_indicators(demo, year.id, LATE).groups_by_form.values())
    with demo.session() as session:
        groups = session.exec(select(MentoringGroup).where(MentoringGroup.year_id == year.id)).all()
    disbanded = sum(g.status is GroupStatus.DISBANDED for g in groups)
    assert disbanded >= 1 and live == len(groups) - disbanded
    home = HomeScreen(demo, LATE)
    qtbot.addWidget(home)
    home.show_year(year)
    assert f"пар и групп: <b>{live}</b> (ещё расформировано: {disbanded})" in home.summary.text()
