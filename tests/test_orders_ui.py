"""«Приказы, согласия и списки» on the documents screen: an order drafted, a name corrected,
saved as PDF and Word; a locked place asks for another; consent forms and lists saved.

Files are written in a thread pool: each test waits for ``save_done`` (entered before the
click, GUIDE trap 13) and the fixture waits for the pool before the widget goes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlmodel import select

from nastavapp.models import IssuedDocument
from nastavapp.models.vocab import DocumentKind
from nastavapp.services.demo import create_demo
from nastavapp.services.years import current_year
from nastavapp.store import open_store
from nastavapp.ui.documents.orders_section import OrdersSection

DAY = date(2025, 11, 20)


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.fixture
def section(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DAY)
    store = open_store(path)
    widget = OrdersSection(store, DAY)
    qtbot.addWidget(widget)
    widget.show_year(current_year(store))
    yield widget
    widget.finish()
    if widget.dialog is not None:
        widget.dialog.close()
    store.close()


def click_and_wait(qtbot, owner, button) -> None:
    """Click a save button and wait until the save in the pool is over."""
    with qtbot.waitSignal(owner.save_done, timeout=30_000):
        button.click()


def answers(monkeypatch, *paths):
    """messages.save_file answers these paths in turn, then None (the user cancels)."""
    queue = list(paths)
    asked: list[Path] = []

    def save_file(parent, caption, suggested, filters):
        asked.append(suggested)
        return queue.pop(0) if queue else None

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    monkeypatch.setattr("nastavapp.ui.messages.confirm", lambda *a: False)
    return asked


def test_curator_order_with_a_corrected_name(section, qtbot, tmp_path, monkeypatch):
    section.order_kind.setCurrentIndex(
        section.order_kind.findData(DocumentKind.ORDER_INTRODUCTION.value)
    )
    section.order_button.click()
    dialog = section.dialog
    assert dialog is not None and dialog.number.text() == "99-о"
    row = next(
        r for r in range(dialog.names.rowCount()) if "Попову" in dialog.names.item(r, 3).text()
    )
    dialog.names.item(row, 3).setText("заместителя директора по УВР Попову Анну Игоревну (УВР)")
    assert "Попову Анну Игоревну (УВР)." in dialog.points.toPlainText()
    dialog.points.setPlainText(dialog.points.toPlainText() + "\n5. Пункт куратора.")
    dialog.signer_post.setText("И. о. директора")
    asked = answers(monkeypatch, tmp_path / "приказ")
    click_and_wait(qtbot, dialog, dialog.save_pdf)
    assert asked[0].name == "Приказ_99-о_от_01.09.2025.pdf"
    text = pdf_text(tmp_path / "приказ.pdf")
    assert "Попову Анну Игоревну (УВР)" in text and "5. Пункт куратора." in text
    assert "И. о. директора И. Г. Антонова" in text
    answers(monkeypatch, tmp_path / "приказ.docx")
    click_and_wait(qtbot, dialog, dialog.save_docx)
    assert (tmp_path / "приказ.docx").exists()
    with section._store.session() as session:
        docs = session.exec(
            select(IssuedDocument).where(IssuedDocument.kind == DocumentKind.ORDER_INTRODUCTION)
        ).all()
    assert [d.file_path for d in docs] == [str(tmp_path / "приказ.docx")]


def test_a_locked_place_says_so_and_asks_again(section, qtbot, tmp_path, monkeypatch):
    section.order_kind.setCurrentIndex(section.order_kind.findData(DocumentKind.ORDER_PAIRS.value))
    section.order_button.click()
    dialog = section.dialog
    assert dialog.number.isReadOnly()  # the approved order keeps its number
    locked = tmp_path / "занят.pdf"
    locked.write_bytes(b"old version")
    shown: list[str] = []
    monkeypatch.setattr("nastavapp.ui.messages.error", lambda parent, text, *a: shown.append(text))
    real_replace = __import__("os").replace

    def replace(source, target):
        if Path(target) == locked:
            raise PermissionError(13, "Permission denied")
        return real_replace(source, target)

    monkeypatch.setattr("os.replace", replace)
    answers(monkeypatch, locked, tmp_path / "другое.pdf")
    click_and_wait(qtbot, dialog, dialog.save_pdf)
    assert "открыт в Excel или другой программе" in shown[0]
    assert locked.read_bytes() == b"old version"
    assert "Состав наставнических пар и групп" in pdf_text(tmp_path / "другое.pdf")


def test_reward_order_for_the_chosen_mentors(section, qtbot, tmp_path, monkeypatch):
    section.order_kind.setCurrentIndex(section.order_kind.findData(DocumentKind.ORDER_REWARD.value))
    section.order_button.click()
    dialog = section.dialog
    assert dialog.people.count() > 2
    from PySide6.QtCore import Qt

    for i in range(1, dialog.people.count()):
        dialog.people.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.points.toPlainText().count("\n1.") == 1  # one person thanked
    dialog.number.setText("160-о")
    answers(monkeypatch, tmp_path / "поощрение.pdf")
    click_and_wait(qtbot, dialog, dialog.save_pdf)
    assert "Объявить благодарность" in pdf_text(tmp_path / "поощрение.pdf")


def test_the_dialog_says_how_many_are_not_named(section, monkeypatch):
    from nastavapp.services.consents import withdraw_consent
    from nastavapp.services.documents.orders import reward_candidates

    store = section._store
    year_id = int(current_year(store).id or 0)
    chosen = [p.id for p in reward_candidates(store, year_id)][:2]
    for person_id in chosen:
        withdraw_consent(store, person_id, DAY, today=DAY)
    section.order_kind.setCurrentIndex(section.order_kind.findData(DocumentKind.ORDER_REWARD.value))
    section.order_button.click()
    dialog = section.dialog
    assert not dialog.unnamed.isHidden()
    assert dialog.unnamed.text() == (
        "В приказе не названы 2 участника без согласия на обработку персональных данных: "
        "когда согласия будут получены, составьте приказ заново."
    )
    assert "и ещё 2 участникам без согласия" in dialog.points.toPlainText()
    marked = [
        dialog.people.item(i).text()
        for i in range(dialog.people.count())
        if "нет согласия" in dialog.people.item(i).text()
    ]
    assert len(marked) == 2
    for i in range(dialog.people.count()):  # only those with a consent: nothing to say
        if "нет согласия" in dialog.people.item(i).text():
            dialog.people.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.unnamed.isHidden()
    dialog.close()
    section.order_kind.setCurrentIndex(
        section.order_kind.findData(DocumentKind.ORDER_INTRODUCTION.value)
    )
    section.order_button.click()
    assert section.dialog.unnamed.isHidden()


def test_consent_forms_for_a_class_and_a_person(section, qtbot, tmp_path, monkeypatch):
    section.school_class.setCurrentText("7А")
    asked = answers(monkeypatch, tmp_path / "7А.pdf")
    click_and_wait(qtbot, section, section.class_button)
    assert asked[0].name == "Согласия_7А_класс.pdf"
    assert len(PdfReader(tmp_path / "7А.pdf").pages) > 3
    section.person.setCurrentIndex(0)
    answers(monkeypatch, tmp_path / "один.pdf")
    click_and_wait(qtbot, section, section.person_button)
    assert len(PdfReader(tmp_path / "один.pdf").pages) == 1


def test_lists_as_pdf_and_excel(section, qtbot, tmp_path, monkeypatch):
    section.list_kind.setCurrentIndex(2)
    asked = answers(monkeypatch, tmp_path / "пары")
    click_and_wait(qtbot, section, section.list_pdf)
    assert asked[0].name.startswith("Наставнические_пары_и_группы_МБОУ_Сосновская_СОШ_2025-2026")
    assert "Наставнические пары и группы" in pdf_text(tmp_path / "пары.pdf")
    answers(monkeypatch, tmp_path / "пары.xlsx")
    click_and_wait(qtbot, section, section.list_xlsx)
    assert (tmp_path / "пары.xlsx").exists()


def test_a_cut_order_title_is_whole_in_the_tooltip(section):
    from nastavapp.services.documents.orders import kind_title

    for kind in (DocumentKind.ORDER_REWARD, DocumentKind.ORDER_INTRODUCTION):
        section.order_kind.setCurrentIndex(section.order_kind.findData(kind.value))
        assert section.order_kind.toolTip() == kind_title(kind)


def test_at_1024_px_a_long_title_gets_the_row_and_ends_with_an_ellipsis(section, qtbot):
    """The section as wide as in a 1024 px window: the buttons stand in one column on the right
    (no empty cell beside the order's title), a title cut ends with «…», a short one is whole."""
    from nastavapp.services.documents.orders import kind_title

    section.resize(680, 420)  # the documents screen's width at 1024 px, less its margins
    section.show()
    qtbot.waitExposed(section)
    right_edges = {
        button.geometry().right()
        for button in (
            section.order_button,
            section.regulations_button,
            section.programme_button,
            section.person_button,
            section.class_button,
            section.list_xlsx,
        )
    }
    assert len(right_edges) == 1
    combo = section.order_kind
    assert combo.geometry().right() > section.list_pdf.geometry().left()  # the room is its own
    combo.setCurrentIndex(combo.findData(DocumentKind.ORDER_INTRODUCTION.value))
    title = kind_title(DocumentKind.ORDER_INTRODUCTION)
    shown = combo.shown_text()
    assert shown.endswith("…") and title.startswith(shown[:-1])
    assert len(shown) > len("О внедрении целевой модели наставничества")
    assert combo.toolTip() == title
    section.list_kind.setCurrentIndex(0)
    assert section.list_kind.shown_text() == section.list_kind.currentText()


def test_an_order_dialog_closed_is_freed_when_the_next_opens(section, qtbot):
    import shiboken6

    section.order_button.click()
    first = section.dialog
    first.reject()
    section.order_button.click()
    qtbot.wait(10)  # the deferred deletion
    assert not shiboken6.isValid(first)  # they used to stay for the program's life
    assert section.dialog is not first and section.dialog.isVisible()
