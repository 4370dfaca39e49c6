"""A school's full name pasted with extra text (2,000 characters) is refused in «Сведения о
школе» with a Russian reason: saved, it stopped the roadmap's PDF with «непредвиденная ошибка»
(the «УТВЕРЖДАЮ» block taller than the page). The longest name allowed prints."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox

from nastavapp.services.documents.roadmap_export import export_roadmap
from nastavapp.services.school import MAX_FULL_NAME, get_school
from tests.db_rows import dump
from tests.ui_helpers import record_messages

WORDS = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1» "


def test_a_2000_character_full_name_cannot_be_saved(qtbot, opened, monkeypatch):
    ctl = opened
    said = record_messages(monkeypatch)
    before = dump(ctl.store.path)
    ctl.edit_school()
    dialog = ctl.school_dialog
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.full_name.setText((WORDS * 30)[:2000])
    assert not save.isEnabled()
    assert dialog.problem.text() == (
        "Полное наименование слишком длинное (2000 знаков): в документах помещается не больше "
        "500. Возможно, вставлен лишний текст — сократите его."
    )
    dialog.short_name.setText("Ш" * 201)
    assert "Краткое наименование слишком длинное (201 знак)" in dialog.problem.text()
    dialog.accept()  # accepted anyway: the service refuses it too, in the same words
    assert said.error[0].startswith("Полное наименование слишком длинное (2000 знаков)")
    assert dump(ctl.store.path) == before


def test_the_longest_full_name_allowed_prints_in_the_roadmap(qtbot, opened, tmp_path, monkeypatch):
    ctl = opened
    said = record_messages(monkeypatch)
    ctl.edit_school()
    dialog = ctl.school_dialog
    start = (WORDS * 10)[: MAX_FULL_NAME - 1].rstrip()
    longest = start + "я" * (MAX_FULL_NAME - len(start))
    dialog.full_name.setText(longest)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not said.error
    assert get_school(ctl.store).full_name == longest
    written = export_roadmap(ctl.store, tmp_path / "roadmap.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    assert "УТВЕРЖДАЮ" in text
