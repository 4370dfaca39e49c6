"""«Кому благодарность» of the reward order: search, «all»/«none» for the rows shown with one new
draft, the ticked count in the tab, and the curator's edited text kept unless she agrees."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from nastavapp.models.vocab import DocumentKind
from nastavapp.services.years import current_year
from nastavapp.ui.documents import order_dialog
from nastavapp.ui.documents.order_dialog import OrderDialog

DAY = date(2026, 5, 25)


@pytest.fixture
def dialog(qtbot, demo):
    shown = OrderDialog(demo, current_year(demo).id, DocumentKind.ORDER_REWARD, DAY)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.finish()


def thanked(dialog: OrderDialog) -> int:
    return sum(line.startswith("1.") for line in dialog.points.toPlainText().splitlines()) - 1


def test_search_and_none_for_the_rows_shown_make_one_draft(dialog, monkeypatch):
    picker = dialog.reward
    total = picker.list.count()
    assert total > 10 and thanked(dialog) == total
    assert dialog.tabs.tabText(1) == f"Кому благодарность ({total} из {total})"
    drafts: list[object] = []
    real = order_dialog.new_draft
    monkeypatch.setattr(
        order_dialog, "new_draft", lambda *a, **k: drafts.append(1) or real(*a, **k)
    )
    picker.search.setText("учител")  # «Учитель» any case: the teachers only
    shown = [picker.list.item(r) for r in range(picker.list.count())]
    teachers = [item for item in shown if not item.isHidden()]
    assert 0 < len(teachers) < total
    assert all("учител" in item.text().lower() for item in teachers)
    picker.check_none.click()
    assert len(drafts) == 1  # one new text for the whole click, not one per person
    assert thanked(dialog) == total - len(teachers)
    assert all(item.checkState() == Qt.CheckState.Unchecked for item in teachers)
    assert picker.count.text() == f"Отмечено: {total - len(teachers)} из {total}"
    assert dialog.tabs.tabText(1) == f"Кому благодарность ({total - len(teachers)} из {total})"
    picker.search.setText("ёжикова несуществующая")
    assert picker.nothing.isVisibleTo(picker)
    assert picker.nothing.text() == "Ничего не найдено по запросу «ёжикова несуществующая»"
    picker.search.clear()
    picker.check_all.click()
    assert thanked(dialog) == total and len(drafts) == 2


def test_edited_text_stays_unless_the_curator_agrees(dialog, monkeypatch):
    asked: list[str] = []
    agree = [False]

    def confirm_action(parent, text, action, *a):
        asked.append(text)
        return agree[0]

    monkeypatch.setattr("nastavapp.ui.messages.confirm_action", confirm_action)
    dialog.points.setPlainText(dialog.points.toPlainText() + "\n2. Куратору подготовить грамоты.")
    dialog.people.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert "Текст приказа изменён вручную" in asked[0]
    assert "Куратору подготовить грамоты" in dialog.points.toPlainText()  # kept
    agree[0] = True
    dialog.people.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert len(asked) == 2
    assert "Куратору подготовить грамоты" not in dialog.points.toPlainText()
    assert thanked(dialog) == dialog.people.count() - 2
    dialog.people.item(2).setCheckState(Qt.CheckState.Unchecked)  # the text is the template's again
    assert len(asked) == 2


def test_fill_again_asks_only_when_the_text_was_edited(dialog, monkeypatch):
    asked: list[str] = []
    agree = [False]
    monkeypatch.setattr(
        "nastavapp.ui.messages.confirm_action",
        lambda parent, text, action, *a: asked.append(text) or agree[0],
    )
    template = dialog.points.toPlainText()
    dialog.refill.click()
    assert asked == [] and dialog.points.toPlainText() == template
    dialog.points.setPlainText("1. Свой текст.")
    dialog.refill.click()
    assert asked == [
        "Текст приказа изменён вручную. Составить его заново по шаблону? Ваши "
        "правки текста пропадут."
    ]
    assert dialog.points.toPlainText() == "1. Свой текст."
    agree[0] = True
    dialog.refill.click()
    assert dialog.points.toPlainText() == template
