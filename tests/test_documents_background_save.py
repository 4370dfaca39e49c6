"""The lists and the orders are saved off the GUI thread (``ui/documents/background_save.py``):
the window keeps answering, the save buttons are off meanwhile, a busy bar and a status line say
what happens; a refused folder says so in Russian; the order dialog stays open until the order
is written and registered; closing the window mid-save waits for the file, without a crash."""

from __future__ import annotations

import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from sqlmodel import select

from nastavapp.models import IssuedDocument
from nastavapp.models.vocab import DocumentKind
from nastavapp.services.documents import lists_pdf
from nastavapp.services.years import current_year
from nastavapp.ui.documents import order_dialog
from nastavapp.ui.documents.orders_section import OrdersSection

DAY = date(2025, 11, 20)
WAIT_MS = 30_000


@pytest.fixture
def store(demo):
    """A fresh copy of the demo school (conftest's ``demo``), by this module's name."""
    return demo


@pytest.fixture
def said(monkeypatch):
    """The save dialog answers ``said["answers"]`` in turn, then cancels; the rest is kept."""
    seen: dict[str, list] = {"answers": [], "asked": [], "error": [], "confirm": []}

    def save_file(parent, caption, suggested, filters):
        seen["asked"].append(suggested)
        return seen["answers"].pop(0) if seen["answers"] else None

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    monkeypatch.setattr(
        "nastavapp.ui.messages.error", lambda parent, text, *a: seen["error"].append(text)
    )

    def confirm(parent, text, *a):
        seen["confirm"].append(text)
        return False

    monkeypatch.setattr("nastavapp.ui.messages.confirm", confirm)
    return seen


@pytest.fixture
def section(qtbot, store):
    widget = OrdersSection(store, DAY)
    qtbot.addWidget(widget)
    widget.show_year(current_year(store))
    widget.show()
    yield widget
    widget.finish()
    if widget.dialog is not None:
        widget.dialog.close()


@pytest.fixture
def gate(monkeypatch):
    """The list's export waits in the pool until the test opens the gate."""
    opened = threading.Event()
    started = threading.Event()
    real = lists_pdf.export_list

    def held(*args, **kwargs):
        started.set()
        assert opened.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(lists_pdf, "export_list", held)
    yield opened, started
    opened.set()  # never leave the pool waiting


def test_the_window_answers_while_a_list_is_written(section, qtbot, said, gate, tmp_path):
    opened, started = gate
    section.list_kind.setCurrentIndex(0)  # «База наставляемых»
    said["answers"].append(tmp_path / "наставляемые.pdf")
    ticks: list[int] = []
    timer = QTimer(section)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(section.save_done, timeout=WAIT_MS):
        section.list_pdf.click()
        assert started.wait(WAIT_MS / 1000)  # the export runs, and the click has returned
        qtbot.wait(200)
        assert len(ticks) >= 5  # the event loop turned while the list was being written
        saving = (section.list_pdf, section.list_xlsx, section.class_button, section.person_button)
        assert not any(button.isEnabled() for button in saving)
        assert not section.regulations_button.isEnabled()
        assert section.order_button.isEnabled()  # an order is another thing to save
        assert not section.saving.progress.isHidden()
        assert section.saving.status.text() == "Сохраняется файл «наставляемые.pdf»…"
        opened.set()
    timer.stop()
    written = tmp_path / "наставляемые.pdf"
    assert "База наставляемых" in PdfReader(written).pages[0].extract_text()
    assert all(button.isEnabled() for button in saving)
    assert section.saving.progress.isHidden()
    assert section.saving.status.text() == f"Файл сохранён: {written}"
    assert said["confirm"] == [f"Файл сохранён:\n{written}\n\nОткрыть файл?"]
    assert section.last_saved == written and said["error"] == []


def test_a_read_only_folder_says_so_in_russian(section, qtbot, said, tmp_path, monkeypatch):
    folder = tmp_path / "только_чтение"
    folder.mkdir()
    folder.chmod(0o555)
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):  # root, who runs CI, may write anywhere: refuse as the OS would
        if Path(kwargs.get("dir", "")) == folder:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr("tempfile.mkstemp", mkstemp)
    section.list_kind.setCurrentIndex(1)  # «База наставников»
    said["answers"].append(folder / "наставники.xlsx")  # then the curator cancels
    try:
        with qtbot.waitSignal(section.save_done, timeout=WAIT_MS):
            section.list_xlsx.click()
    finally:
        folder.chmod(0o755)
    assert said["error"] == [
        f"Нет права записывать файлы в папку «{folder}»: выберите другую папку."
    ]
    assert len(said["asked"]) == 2  # the save dialog again, for another place
    assert said["confirm"] == [] and list(folder.iterdir()) == []
    assert section.saving.status.text() == "Файл не сохранён."
    assert section.saving.progress.isHidden() and section.list_xlsx.isEnabled()


def test_the_order_dialog_stays_open_until_the_order_is_registered(
    section, qtbot, said, tmp_path, monkeypatch
):
    opened, started = threading.Event(), threading.Event()
    real = order_dialog.save_order

    def held(*args, **kwargs):
        started.set()
        assert opened.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(order_dialog, "save_order", held)
    section.order_kind.setCurrentIndex(
        section.order_kind.findData(DocumentKind.ORDER_INTRODUCTION.value)
    )
    section.order_button.click()
    dialog = section.dialog
    assert dialog is not None
    said["answers"].append(tmp_path / "приказ.pdf")
    try:
        with qtbot.waitSignal(dialog.save_done, timeout=WAIT_MS):
            dialog.save_pdf.click()
            assert started.wait(WAIT_MS / 1000)
            for widget in (dialog.save_pdf, dialog.save_docx, dialog.number, dialog.points):
                assert not widget.isEnabled()
            dialog.reject()  # «Закрыть», Esc
            assert not dialog.close()  # the window's cross
            assert dialog.isVisible()
            assert not dialog.saving.progress.isHidden()
            opened.set()
    finally:
        opened.set()
    written = tmp_path / "приказ.pdf"
    assert "ПРИКАЗ" in PdfReader(written).pages[0].extract_text()
    with section._store.session() as session:
        [doc] = session.exec(
            select(IssuedDocument).where(IssuedDocument.kind == DocumentKind.ORDER_INTRODUCTION)
        ).all()
    assert doc.file_path == str(written) and dialog.draft.document_id == doc.id
    assert dialog.save_pdf.isEnabled() and dialog.number.isEnabled()
    assert dialog.saving.status.text() == f"Приказ сохранён: {written}"
    assert said["confirm"] == [f"Приказ сохранён:\n{written}\n\nОткрыть файл?"]
    dialog.reject()
    assert not dialog.isVisible()  # closed as before, once saved


def test_closing_the_window_mid_save_waits_for_the_file(qtbot, store, said, gate, tmp_path):
    from nastavapp.ui.main_window import MainWindow
    from nastavapp.ui.settings import UiSettings

    opened, started = gate
    window = MainWindow(store, UiSettings(), today=DAY)  # deleted here, not by qtbot
    try:
        window.show_screen("documents")
        orders = window.screens["documents"].orders
        orders.list_kind.setCurrentIndex(2)  # «Наставнические пары и группы»
        said["answers"].append(tmp_path / "пары.pdf")
        orders.list_pdf.click()
        assert started.wait(WAIT_MS / 1000)
        threading.Timer(0.2, opened.set).start()  # the file is written while the window closes
        window.close()
        assert (tmp_path / "пары.pdf").exists()  # the close waited for it
    finally:
        opened.set()
        window.close()
        window.deleteLater()
    qtbot.wait(50)  # the result arrives at a window that is gone: nothing happens
    assert said["error"] == [] and said["confirm"] == []


def test_an_order_saved_during_a_list_is_written_after_it(
    section, qtbot, said, gate, tmp_path, monkeypatch
):
    """Two sections, two pools: still one document written at a time (reportlab, python-docx)."""
    opened, started = gate
    order_started = threading.Event()
    real = order_dialog.save_order

    def spied(*args, **kwargs):
        order_started.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(order_dialog, "save_order", spied)
    section.list_kind.setCurrentIndex(0)
    said["answers"] += [tmp_path / "наставляемые.pdf", tmp_path / "приказ.pdf"]
    try:
        with qtbot.waitSignal(section.save_done, timeout=WAIT_MS):
            section.list_pdf.click()
            assert started.wait(WAIT_MS / 1000)
            section.order_kind.setCurrentIndex(
                section.order_kind.findData(DocumentKind.ORDER_INTRODUCTION.value)
            )
            section.order_button.click()
            dialog = section.dialog
            with qtbot.waitSignal(dialog.save_done, timeout=WAIT_MS):
                dialog.save_pdf.click()
                qtbot.wait(300)
                assert not order_started.is_set()  # waits for the list
                assert dialog.saving.running
                opened.set()
    finally:
        opened.set()
    assert order_started.is_set()
    assert "База наставляемых" in PdfReader(tmp_path / "наставляемые.pdf").pages[0].extract_text()
    assert "ПРИКАЗ" in PdfReader(tmp_path / "приказ.pdf").pages[0].extract_text()
    assert said["error"] == []
