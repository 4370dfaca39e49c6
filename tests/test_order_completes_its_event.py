"""An order saved on «Документы и отчёты» completes the roadmap event it is the result of: the
stage already open shows it on coming back, and the navigation's mark counts it."""

from __future__ import annotations

from datetime import date

from nastavapp.models.vocab import DocumentKind, EventStatus, RoadmapStage
from nastavapp.services.progress import stage_progress
from nastavapp.services.roadmap_edit import set_event_order
from nastavapp.services.roadmap_rules import apply_rules, evaluate_rules
from nastavapp.services.years import current_year
from nastavapp.ui.app import AppController
from nastavapp.ui.navigation import stage_key
from nastavapp.ui.roadmap.events_model import NAME, STATUS
from nastavapp.ui.settings import UiSettings

from .test_orders_ui import answers, click_and_wait

TODAY = date(2025, 9, 3)


def _event(store, code):  # type: ignore[no-untyped-def]
    from sqlmodel import select

    from nastavapp.models import RoadmapEvent

    with store.session() as session:
        return session.exec(select(RoadmapEvent).where(RoadmapEvent.template_code == code)).one()


def test_orders_complete_or_begin_their_events(school_store):
    year = current_year(school_store)
    for code in ("s1_appoint_curator", "s7_final_event", "s7_reward"):
        set_event_order(school_store, _event(school_store, code).id, "12-о", date(2025, 9, 1))
    verdicts = evaluate_rules(school_store, year.id)
    appoint = verdicts[_event(school_store, "s1_appoint_curator").id]
    assert appoint.status is EventStatus.DONE
    assert appoint.reason == "издан приказ №\u00a012-о от 01.09.2025"
    # the final event is still to be held: its order only begins it
    assert verdicts[_event(school_store, "s7_final_event").id].status is EventStatus.IN_PROGRESS
    assert verdicts[_event(school_store, "s7_reward").id].status is EventStatus.DONE
    assert _event(school_store, "s1_regulations").id not in verdicts  # no order yet
    apply_rules(school_store, year.id, TODAY)
    assert _event(school_store, "s1_appoint_curator").status is EventStatus.DONE
    # done on the order's day, not on the day the program noticed it
    assert _event(school_store, "s1_appoint_curator").completed_date == date(2025, 9, 1)


def test_an_order_saved_shows_on_the_stage_already_open(qtbot, school_store, tmp_path, monkeypatch):
    path = school_store.path
    school_store.close()
    ctl = AppController(UiSettings(tmp_path / "ui.ini"), today=TODAY)
    try:
        assert ctl.start(path)
        window = ctl.window
        key = stage_key(RoadmapStage.PREPARATION)
        window.show_screen(key)
        stage = window.screens[key]
        model = stage.model
        row = next(
            r
            for r in range(model.rowCount())
            if "Назначение куратора" in model.index(r, NAME).data()
        )
        assert model.index(row, STATUS).data() == "не начато"
        year = current_year(ctl.store)
        before = stage_progress(ctl.store, year.id, TODAY)[RoadmapStage.PREPARATION].done

        window.show_screen("documents")
        orders = window.screens["documents"].orders
        orders.order_kind.setCurrentIndex(
            orders.order_kind.findData(DocumentKind.ORDER_INTRODUCTION.value)
        )
        orders.order_button.click()
        dialog = orders.dialog
        dialog.number.setText("100-о")
        answers(monkeypatch, tmp_path / "приказ.pdf")
        click_and_wait(qtbot, dialog, dialog.save_pdf)
        dialog.close()

        window.show_screen(key)
        assert window.screens[key] is stage  # the same screen, read again
        status = model.index(row, STATUS).data()
        assert status.startswith("выполнено") and status.count("100-о") == 1  # said once
        after = stage_progress(ctl.store, year.id, TODAY)[RoadmapStage.PREPARATION].done
        assert after == before + 1
        mark = window.navigation._items[key].text(1)
        assert mark == f"{after}/{model.rowCount()}"
    finally:
        ctl.window.close()
