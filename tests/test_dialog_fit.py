"""Dialogs on a 1024×700 screen: as big as wanted where there is room, never taller than the
screen, so that their bottom row of buttons stays in view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from nastavapp.models.vocab import DocumentKind
from nastavapp.services.answers_import import preview_answers, read_answer_rows
from nastavapp.services.questionnaires import template_items, year_templates
from nastavapp.services.years import current_year
from nastavapp.ui.documents.order_dialog import OrderDialog
from nastavapp.ui.indicators.import_dialog import AnswersImportDialog

from .import_files import write_xlsx
from .screen_sizes import sizes_on_small_and_large

DAY = date(2025, 11, 20)


def _order(store) -> QDialog:
    return OrderDialog(store, current_year(store).id, DocumentKind.ORDER_REWARD, DAY)


def _answers(store, tmp_path) -> QDialog:
    template = year_templates(store, current_year(store).id)[0]
    items = template_items(store, template.id)
    rows = [["Отметка времени", "ФИО", *(item.text for item in items)]]
    rows += [[f"2{k}.11.2025 10:00:00", "", *([7] * len(items))] for k in range(1, 8)]
    path = write_xlsx(tmp_path / "Ответы.xlsx", rows)
    answers = read_answer_rows(path)
    preview = preview_answers(store, template.id, answers, today=DAY)
    return AnswersImportDialog(store, template, path.name, answers, preview, DAY)


@pytest.mark.parametrize("make", [_order, _answers], ids=["order", "answers import"])
def test_a_dialog_fits_a_small_screen_and_keeps_its_size_on_a_large_one(
    qtbot, monkeypatch, demo, tmp_path, make
):
    # the order dialog opened 760 px tall: «Сохранить PDF…» under the task bar
    build = (lambda: make(demo)) if make is _order else (lambda: make(demo, tmp_path))
    sizes = sizes_on_small_and_large(qtbot, monkeypatch, build)
    assert sizes["large"][1] > sizes["small"][1]
    assert sizes["large"] == ((900, 760) if make is _order else (900, 640))


def test_a_dialog_opens_at_the_size_it_was_closed_at_within_the_screen(qtbot, monkeypatch, demo):
    from nastavapp.ui import screen_fit
    from nastavapp.ui.settings import UiSettings

    from .screen_sizes import LARGE, SMALL

    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: LARGE)
    first = _order(demo)
    qtbot.addWidget(first)
    first.show()
    first.resize(1300, 900)
    first.reject()  # «Закрыть»
    assert UiSettings().dialog_size("order") == (1300, 900)
    again = _order(demo)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1300, 900)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: SMALL)
    small = _order(demo)  # the same file opened on the school's small screen
    qtbot.addWidget(small)
    assert (
        small.width() <= SMALL.width() and small.height() + screen_fit.TITLE_BAR <= SMALL.height()
    )
