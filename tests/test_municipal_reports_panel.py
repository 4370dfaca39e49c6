"""«Полученные отчёты» on a 1024 px screen: a long school name does not push the state away."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from nastavapp.ui.municipal.panels import ReportsPanel

LONG = (
    "МБОУ «Кедровская средняя общеобразовательная школа имени Героя Советского Союза И. И. Иванова»"
)


def _stored(number: int, name: str) -> SimpleNamespace:
    report = SimpleNamespace(
        name=name, source=f"report{number}.xlsx", reference_date=date(2025, 11, 20)
    )
    return SimpleNamespace(
        id=number,
        report=report,
        superseded=False,
        replaced_by_id=None,
        received_at=datetime(2025, 11, 21, 9, 30),
    )


def test_every_column_in_view_with_a_long_school_name(qtbot):
    panel = ReportsPanel()
    qtbot.addWidget(panel)
    panel.resize(940, 500)  # the tab in a 1024 px window
    panel.show()
    panel.show_reports([_stored(1, "МБОУ «Лицей № 10»"), _stored(2, LONG)])
    qtbot.wait(20)
    table, header = panel.table, panel.table.horizontalHeader()
    state = header.count() - 1
    # sized to its contents, the name took 670 px and «Состояние» was out of sight
    assert header.sectionViewportPosition(state) + header.sectionSize(state) <= (
        table.viewport().width()
    )
    metrics = table.fontMetrics()
    for column in range(1, header.count()):  # file, dates and state whole
        text = panel.model.index(1, column).data()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), column
    panel.resize(1300, 500)  # where there is room, the whole name
    qtbot.wait(20)
    assert header.sectionSize(0) >= metrics.horizontalAdvance(LONG)
