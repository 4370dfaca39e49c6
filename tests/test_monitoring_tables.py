"""«Мониторинг» on a 1024 px window: every row of a short table in view, the forms readable."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QScrollArea

from nastavapp.services.years import current_year
from nastavapp.ui.indicators.monitoring_tab import MonitoringTab
from nastavapp.ui.indicators.tables import ReportTable

DAY = date(2025, 11, 20)
WIDTH = 690  # the tab's width in a 1024 px main window


def test_short_tables_show_every_row_and_the_form_names_at_1024(qtbot, demo):
    tab = MonitoringTab(demo, DAY)
    qtbot.addWidget(tab)
    tab.resize(WIDTH, 600)
    tab.show_year(current_year(demo))
    tab.show()
    checked = 0
    for width, page in ((WIDTH, 0), (WIDTH, 1), (WIDTH, 2), (480, 1), (480, 2)):
        tab.resize(width, 600)  # 480: narrower than the titles of the figures
        tab.tabs.setCurrentIndex(page)
        qtbot.wait(20)
        for table in tab.tabs.currentWidget().findChildren(ReportTable):
            if not table.fit_rows:
                continue
            last = table.model_.rowCount() - 1
            bottom = table.rowViewportPosition(last) + table.rowHeight(last)
            # a horizontal scroll bar used to cover the last row («Все формы», the totals)
            assert bottom <= table.viewport().height(), (width, page, table.model_.titles)
            checked += 1
    assert checked == 7 + 5
    tab.resize(WIDTH, 600)
    qtbot.wait(20)
    forms = tab.activity_forms
    text = forms.model_.index(1, 0).data()
    assert text == "учитель – учитель"
    # the form column used to get what the figures' titles left: 40 px, «уч…»
    assert forms.columnWidth(0) >= forms.fontMetrics().horizontalAdvance(text) + 8
    assert forms.horizontalHeader().length() <= forms.viewport().width()


def test_short_tables_wrap_their_texts_whole_and_the_long_list_marks_stale_pairs(qtbot, demo):
    """A question or a form too long for its column goes on several lines, not «Эффективность п…»."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from nastavapp.ui.indicators.rows_model import ALERT_COLOR

    tab = MonitoringTab(demo, date(2026, 6, 20))
    qtbot.addWidget(tab)
    tab.resize(WIDTH, 600)
    tab.show_year(current_year(demo))
    tab.show()
    wrapped = 0
    for page in (0, 1, 2):
        tab.tabs.setCurrentIndex(page)
        qtbot.wait(20)
        for table in tab.tabs.currentWidget().findChildren(ReportTable):
            if not table.fit_rows:
                continue
            for row in range(table.model_.rowCount()):
                index = table.model_.index(row, 0)
                option = QStyleOptionViewItem()
                table.itemDelegate().initStyleOption(option, index)
                option.rect = table.visualRect(index)
                area = table.style().subElementRect(
                    QStyle.SubElement.SE_ItemViewItemText, option, table
                )
                metrics = QFontMetrics(option.font)
                flags = int(Qt.TextFlag.TextWordWrap)
                text = index.data()
                needed = metrics.boundingRect(QRect(0, 0, area.width(), 10_000), flags, text)
                assert needed.height() <= area.height(), (page, text)  # drawn whole
                wrapped += needed.height() > metrics.height()
    assert wrapped >= 5  # at this width the questions do not fit on one line
    pairs = tab.pairs.model_
    stale = [
        r for r in range(pairs.rowCount()) if pairs.index(r, 4).data(Qt.ItemDataRole.ForegroundRole)
    ]
    assert stale, "by 20.06.2026 some pairs have not met for a month"
    for row in stale:
        assert pairs.index(row, 4).data(Qt.ItemDataRole.ForegroundRole).color() == ALERT_COLOR
        assert pairs.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "Нет встреч больше 30 дней"
    elided = pairs.index(0, 1)
    assert (
        elided.data(Qt.ItemDataRole.ToolTipRole) == elided.data()
    )  # a form cut short is read whole there


def test_mean_scores_always_show_their_tenth(qtbot, demo):
    """«9» beside «8,3» in one column read as two kinds of numbers: «9,0» now."""
    from nastavapp.models.vocab import Audience
    from nastavapp.ui.indicators.formatting import average

    assert (average(9), average(8.34), average(None)) == ("9,0", "8,3", "—")
    tab = MonitoringTab(demo, DAY)
    qtbot.addWidget(tab)
    tab.show_year(current_year(demo))
    table = tab.quality_tables[Audience.MENTEE].model_
    scores = [
        table.text(row, column)
        for row in range(table.rowCount())
        for column in range(1, table.columnCount())
        if table.text(row, 0).startswith(("Эффективность", "Средний балл"))
    ]
    assert scores and all(s == "—" or (s[-2] == "," and s[-1].isdigit()) for s in scores), scores


def test_the_list_of_pairs_has_a_page_of_its_own_all_its_height(qtbot, demo):
    """It stood under the forms' table in a scrolling page: a scroll inside a scroll, its lower
    rows under the page's edge at 1024×768."""
    tab = MonitoringTab(demo, DAY)
    qtbot.addWidget(tab)
    tab.resize(WIDTH, 600)
    tab.show_year(current_year(demo))
    tab.show()
    titles = [tab.tabs.tabText(i) for i in range(tab.tabs.count())]
    assert titles[2:] == ["Активность по формам", "Пары и группы"]
    tab.tabs.setCurrentIndex(3)
    qtbot.wait(20)
    page = tab.tabs.currentWidget()
    assert tab.pairs.parent() is page and not page.findChildren(QScrollArea)
    assert tab.pairs.model_.rowCount() > 0
    bottom = tab.pairs.mapTo(page, tab.pairs.rect().bottomLeft()).y()
    assert bottom <= page.height()  # the whole table in view; it scrolls its own rows
    assert tab.pairs.height() > page.height() // 2
