"""Dialogs opened on a long name show its beginning, not its last words."""

from __future__ import annotations

from datetime import date

from nastavapp.models.vocab import DocumentKind, RoadmapStage
from nastavapp.services.years import current_year
from nastavapp.ui.documents.order_dialog import OrderDialog
from nastavapp.ui.stage_screen import StageScreen

TODAY = date(2025, 11, 20)


def test_the_event_dialog_shows_the_beginning_of_a_long_name(qtbot, school_store):
    screen = StageScreen(school_store, RoadmapStage.PREPARATION, TODAY)
    qtbot.addWidget(screen)
    screen.show_year(current_year(school_store))
    screen.table.selectRow(0)  # «Изучение и систематизация материалов по внедрению …»
    screen.edit_selected()
    dialog = screen.dialog
    dialog.show()
    name = dialog.name
    assert name.fontMetrics().horizontalAdvance(name.text()) > name.width()  # it does not fit
    # it used to open scrolled to its end: «…изация материалов по внедрению целевой модели …»
    assert name.cursorPosition() == 0
    assert name.cursorRect().left() < 10
    dialog.reject()


def test_the_order_dialog_shows_the_beginning_of_a_long_title(qtbot, demo):
    dialog = OrderDialog(demo, current_year(demo).id, DocumentKind.ORDER_REWARD, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height())
    title = dialog.title_edit
    assert title.fontMetrics().horizontalAdvance(title.text()) > title.width()
    assert title.text().startswith("О поощрении")
    assert title.cursorPosition() == 0
    assert title.cursorRect().left() < 10
