"""A stage's table says which order an event produced: «приказ № 100-о от 03.09.2025» under
its status, once the order is saved from «Документы и отчёты» (or typed in the event)."""

from __future__ import annotations

from datetime import date

from nastavapp.models.vocab import RoadmapStage
from nastavapp.services.roadmap_edit import set_event_order
from nastavapp.services.years import current_year
from nastavapp.ui.roadmap.events_model import NAME, STATUS
from nastavapp.ui.stage_screen import StageScreen

TODAY = date(2025, 9, 3)
NBSP = "\u00a0"


def test_status_names_the_order_of_the_event(qtbot, qtmodeltester, school_store):
    screen = StageScreen(school_store, RoadmapStage.PREPARATION, TODAY)
    qtbot.addWidget(screen)
    screen.show_year(current_year(school_store))
    model = screen.model
    row = next(
        r for r in range(model.rowCount()) if "Назначение куратора" in model.index(r, NAME).data()
    )
    assert model.index(row, STATUS).data() == "не начато"
    event = model.event_at(row)
    assert event is not None and event.id is not None
    set_event_order(school_store, event.id, "100-о", date(2025, 9, 3))
    screen.reload()
    qtmodeltester.check(model)
    assert model.index(row, STATUS).data() == f"не начато\nприказ №{NBSP}100-о от{NBSP}03.09.2025"
    others = [model.index(r, STATUS).data() for r in range(model.rowCount()) if r != row]
    assert all("приказ" not in text for text in others)
