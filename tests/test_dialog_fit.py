"""Dialogs on a 1024×700 screen: as big as wanted where there is room, never taller than the
screen, so that their bottom row of buttons stays in view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialog, QPushButton

from nastavapp.models.vocab import DocumentKind
from nastavapp.services.answers_import import preview_answers, read_answer_rows
from nastavapp.services.questionnaires import template_items, year_templates
from nastavapp.services.years import current_year
from nastavapp.ui import screen_fit
from nastavapp.ui.documents.order_dialog import OrderDialog
from nastavapp.ui.indicators.import_dialog import AnswersImportDialog

from .import_files import write_xlsx

DAY = date(2025, 11, 20)
SMALL = QRect(0, 0, 1024, 660)  # a 1024×700 screen less a 40 px task bar
LARGE = QRect(0, 0, 1920, 1040)


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
    sizes = {}
    for name, area in (("small", SMALL), ("large", LARGE)):
        monkeypatch.setattr(screen_fit, "available_area", lambda _widget, a=area: a)
        dialog = make(demo) if make is _order else make(demo, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        sizes[name] = (dialog.width(), dialog.height())
        if name == "small":
            # the order dialog opened 760 px tall: «Сохранить PDF…» under the task bar
            assert dialog.height() + screen_fit.TITLE_BAR <= SMALL.height()
            assert dialog.width() <= SMALL.width()
            for button in dialog.findChildren(QPushButton):
                if button.isVisible():
                    corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
                    assert dialog.rect().contains(corner), button.text()
        dialog.close()
    assert sizes["large"][1] > sizes["small"][1]
    assert sizes["large"] == ((900, 760) if make is _order else (900, 640))
