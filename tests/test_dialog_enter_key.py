"""Enter in a dialog's text field does what the field is for and presses no other button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from nastavapp.models.vocab import DocumentKind
from nastavapp.services.questionnaire_edit import add_missing_questionnaires
from nastavapp.services.questionnaires import year_templates
from nastavapp.services.years import current_year
from nastavapp.ui.documents.order_dialog import OrderDialog
from nastavapp.ui.indicators.template_editor import TemplateEditor

from .qt_keys import type_text

TODAY = date(2025, 11, 20)


def test_enter_in_a_new_question_adds_it_and_asks_nothing(qtbot, school_store, said):
    year = current_year(school_store)
    add_missing_questionnaires(school_store, year.id)
    editor = TemplateEditor(school_store, year_templates(school_store, year.id)[0])
    qtbot.addWidget(editor)
    editor.show()
    editor.table.setCurrentCell(0, 1)  # the curator looked at a question first
    before = editor.texts()
    type_text(editor.new_text, "Нужна ли помощь с проектом?")
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    # «Удалить вопрос» was the dialog's default button: Enter asked to delete the first question
    assert said["confirm"] == []
    assert editor.texts() == [*before, "Нужна ли помощь с проектом?"]
    assert editor.isVisible()
    assert not any(button.isDefault() for button in editor.findChildren(QPushButton))


def test_enter_in_the_order_number_keeps_the_edited_text(qtbot, school_store):
    year = current_year(school_store)
    dialog = OrderDialog(school_store, year.id, DocumentKind.ORDER_INTRODUCTION, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.points.setPlainText(dialog.points.toPlainText() + "\n9. Свой пункт.")
    type_text(dialog.number, "115-о")
    QTest.keyClick(dialog.number, Qt.Key.Key_Return)
    # «Заполнить заново» was the default button: Enter made the text again from the template
    assert dialog.points.toPlainText().endswith("9. Свой пункт.")
    assert dialog.number.text() == "115-о"
    assert dialog.isVisible()
    assert not any(button.isDefault() for button in dialog.findChildren(QPushButton))
