"""The «Муниципальный центр» mode reached from the program: menu, first run, opening its file."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.services.consolidation.centre import is_municipal, municipal_db_path
from nastavapp.store import open_store
from nastavapp.ui.app import AppController
from nastavapp.ui.settings import UiSettings

TODAY = date(2025, 11, 20)


@pytest.fixture
def controller(qtbot):
    made = []

    def make() -> AppController:
        ctl = AppController(UiSettings(), today=TODAY)
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        if ctl.municipal_window is not None and ctl.municipal_window.centre_dialog is not None:
            ctl.municipal_window.centre_dialog.close()
        for widget in (ctl.municipal_window, ctl.wizard, ctl.window):
            if widget is not None:
                widget.close()
        ctl.shutdown()


def test_from_the_file_menu_beside_the_school(qtbot, controller, school_store):
    path = school_store.path
    school_store.close()
    ctl = controller()
    ctl.start(path)
    ctl.window.action_municipal.trigger()
    assert ctl.municipal_window is not None and ctl.municipal_window.isVisible()
    assert ctl.window.isVisible()  # the school's window stays
    assert ctl.settings.last_database() == municipal_db_path().resolve()
    store = open_store(municipal_db_path())
    try:
        assert is_municipal(store)
    finally:
        store.close()


def test_at_first_run_the_coordinator_skips_the_school_wizard(qtbot, controller, db_path):
    ctl = controller()
    ctl.start(db_path)
    wizard = ctl.wizard
    wizard.school_page.municipal_button.click()
    assert ctl.wizard is None and ctl.window is None
    assert ctl.municipal_window is not None and ctl.municipal_window.isVisible()


def test_opening_a_municipal_file_opens_the_coordinator_window(qtbot, controller, tmp_path):
    from nastavapp.services.consolidation.centre import open_municipal_store

    centre = tmp_path / "центр.sqlite"
    open_municipal_store(centre).close()
    ctl = controller()
    assert ctl.start(centre)
    assert ctl.window is None and ctl.wizard is None
    assert ctl.municipal_window is not None
