"""«Отчёт в муниципальный центр» on the documents screen: saved off the GUI thread, with progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nastavapp.models import AcademicYear
from nastavapp.services.years import current_year
from nastavapp.ui.documents.report_section import ReportSection
from nastavapp.ui.documents_screen import DocumentsScreen

DAY = date(2025, 11, 20)


@pytest.fixture
def store(demo):
    """A fresh copy of the demo school (conftest's ``demo``), by this module's name."""
    return demo


@pytest.fixture
def section(qtbot, store):
    widget = ReportSection(store, DAY)
    qtbot.addWidget(widget)
    widget.show_year(current_year(store))
    widget.show()
    yield widget
    widget.wait()


@pytest.fixture
def dialogs(monkeypatch):
    """The save dialog answers with ``answer[0]``; confirmations say no; errors are kept."""
    seen: dict[str, list] = {"proposals": [], "errors": [], "confirm": []}
    answer: list[Path | None] = [None]

    def save_file(parent, caption, proposal, filters):
        seen["proposals"].append((proposal, filters))
        return answer[0]

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    monkeypatch.setattr(
        "nastavapp.ui.messages.confirm", lambda parent, text, *a: seen["confirm"].append(text)
    )
    monkeypatch.setattr(
        "nastavapp.ui.messages.error", lambda parent, text, *a: seen["errors"].append(text)
    )
    return seen, answer


def test_excel_is_saved_in_the_background_with_progress(qtbot, section, dialogs, tmp_path):
    seen, answer = dialogs
    answer[0] = tmp_path / "отчёт"  # typed without an extension
    steps: list[int] = []
    section.signals.progress.connect(lambda done, total: steps.append(done))
    with qtbot.waitSignal(section.saved, timeout=60_000) as saved:
        section.save_xlsx.click()
        assert section.progress.isVisible()  # shown at once, the work is on its way
        assert not section.save_pdf.isEnabled()
    assert saved.args[0] == tmp_path / "отчёт.xlsx"
    proposal, filters = seen["proposals"][0]
    assert proposal.name == "Наставничество_МБОУ_Сосновская_СОШ_2025-2026.xlsx"
    assert "xlsx" in filters
    book = load_workbook(tmp_path / "отчёт.xlsx")
    assert book.sheetnames == ["Отчёт", "data"]
    data = dict(book["data"].iter_rows(min_row=2, values_only=True))
    assert data["reference_date"] == "2025-11-20"
    assert steps and steps == sorted(steps) and steps[-1] == 100
    assert not section.progress.isVisible()
    assert section.save_pdf.isEnabled() and section.save_xlsx.isEnabled()
    assert section.last_saved == tmp_path / "отчёт.xlsx"
    assert "Отчёт сохранён" in seen["confirm"][0]
    assert seen["errors"] == []


def test_pdf_with_lists_and_another_date(qtbot, section, dialogs, tmp_path):
    seen, answer = dialogs
    answer[0] = tmp_path / "отчёт.pdf"
    section.with_lists.setChecked(True)
    section.reference_date.setDate(section.reference_date.date().addDays(-10))
    with qtbot.waitSignal(section.saved, timeout=60_000):
        section.save_pdf.click()
    assert seen["proposals"][0][0].suffix == ".pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "отчёт.pdf").pages)
    assert "Приложение 2 к отчёту" in text
    assert "10.11.2025" in text


def test_the_dialog_explains_personal_data(section):
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in section.findChildren(QLabel))
    assert "152-ФЗ" in texts and "только числа" in texts
    assert "участник без согласия" in texts


def test_cancelled_dialog_writes_nothing(qtbot, section, dialogs, tmp_path):
    _seen, answer = dialogs
    answer[0] = None
    section.save_xlsx.click()
    assert not section.running and not section.progress.isVisible()
    assert list(tmp_path.glob("*.xlsx")) == []


def test_locked_target_is_reported_and_the_old_file_kept(
    qtbot, section, dialogs, tmp_path, monkeypatch
):
    seen, answer = dialogs
    target = tmp_path / "отчёт.xlsx"
    target.write_bytes(b"old version")
    answer[0] = target

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with qtbot.waitSignal(section.signals.failed, timeout=60_000):
        section.save_xlsx.click()
    qtbot.waitUntil(lambda: bool(seen["errors"]))
    assert "открыт в Excel или другой программе" in seen["errors"][0]
    assert target.read_bytes() == b"old version"
    assert section.save_xlsx.isEnabled() and not section.progress.isVisible()
    assert section.status.text() == "Отчёт не сохранён."


def test_reference_date_follows_the_year(section, store):
    past = AcademicYear(
        title="2023/2024", start_date=date(2023, 9, 1), end_date=date(2024, 8, 31), forms=[]
    )
    section.show_year(past)
    assert section.reference_date.date().toPython() == date(2024, 8, 31)
    section.show_year(current_year(store))
    assert section.reference_date.date().toPython() == DAY
    section.show_year(None)
    assert not section.save_xlsx.isEnabled()


def test_documents_screen_holds_the_report_section(qtbot, store):
    screen = DocumentsScreen(store, DAY)
    qtbot.addWidget(screen)
    assert isinstance(screen.report, ReportSection)
    assert not screen.report.save_pdf.isEnabled()
    screen.show_year(current_year(store))
    assert screen.report.save_pdf.isEnabled()
    screen.report.wait()
