"""«Документы и отчёты»: saving the roadmap from the program, and a locked target."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nastavapp.services.demo import create_demo
from nastavapp.services.years import current_year
from nastavapp.store import open_store
from nastavapp.ui.documents_screen import DocumentsScreen, safe_file_name


@pytest.fixture
def screen(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=date(2025, 11, 20))
    store = open_store(path)
    widget = DocumentsScreen(store, date(2025, 11, 20))
    qtbot.addWidget(widget)
    widget.show_year(current_year(store))
    yield widget
    widget.finish_work()  # the roadmap is saved in a pool (GUIDE trap 13)
    store.close()


def test_safe_file_name():
    assert safe_file_name("МБОУ «Сосновская СОШ»") == "МБОУ_Сосновская_СОШ"
    assert safe_file_name(' «/:*?"<>|» ') == "школа"


def test_roadmap_pdf_and_xlsx_saved_where_the_curator_says(screen, qtbot, tmp_path, monkeypatch):
    suggested: list[Path] = []

    def save_file(parent, caption, proposal, filters):
        suggested.append(proposal)
        return tmp_path / ("карта" if not suggested[1:] else "карта.xlsx")

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    monkeypatch.setattr("nastavapp.ui.messages.confirm", lambda *a: False)
    with qtbot.waitSignal(screen.roadmap_saving.done, timeout=60_000):
        screen.roadmap_pdf.click()  # a name typed without an extension gets «.pdf»
    assert suggested[0].name == "Дорожная_карта_МБОУ_Сосновская_СОШ_2025-2026.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "карта.pdf").pages)
    assert "УТВЕРЖДАЮ" in text and "Сосновская" in text
    with qtbot.waitSignal(screen.roadmap_saving.done, timeout=60_000):
        screen.roadmap_xlsx.click()
    sheet = load_workbook(tmp_path / "карта.xlsx").active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("Назначение куратора" in c for c in cells)


def test_locked_target_says_so_and_keeps_the_old_file(screen, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "карта.pdf"
    target.write_bytes(b"old version")
    shown = []
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    monkeypatch.setattr("nastavapp.ui.messages.error", lambda parent, text, *a: shown.append(text))

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with qtbot.waitSignal(screen.roadmap_saving.done, timeout=60_000):
        screen.roadmap_pdf.click()
    assert "открыт в Excel или другой программе" in shown[0]
    assert target.read_bytes() == b"old version"


def test_fits_a_1024_pixel_window_without_scrolling_sideways(screen, qtbot):
    """1024 px window minus the navigation (≈ 300 px): every row of every section fits."""
    from PySide6.QtWidgets import QScrollArea

    screen.resize(700, 560)
    screen.show()
    qtbot.waitExposed(screen)
    scroll = screen.findChild(QScrollArea)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0
