"""The municipal window: adding schools' reports off the GUI thread, the summary, the lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nastavapp.services.consolidation.centre import get_centre, open_municipal_store, save_centre
from nastavapp.services.consolidation.expected import add_expected
from nastavapp.ui.municipal import MunicipalWindow
from tests.report_files import changed, edited, make_school, school_rows, write_data_sheet
from tests.test_consolidation import CENTRE
from tests.ui_helpers import record_messages

TODAY = date(2025, 11, 25)


@pytest.fixture(scope="module")
def reports_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three schools' reports, a corrected one of № 1 and two files that are not reports."""
    schools = tmp_path_factory.mktemp("ui-schools")
    folder = tmp_path_factory.mktemp("ui-reports")
    rows = {n: school_rows(make_school(schools, n)) for n in (1, 2, 3)}
    for number, school in rows.items():
        write_data_sheet(folder / f"Отчёт_СОШ_{number}.xlsx", school)
    write_data_sheet(folder / "Отчёт_СОШ_3_с_ошибкой.xlsx", changed(rows[3], mentors=-1))
    (folder / "Приказ.xlsx").write_bytes(b"PK\x03\x04 truncated")

    def later(values: dict) -> None:
        values["generated_at"] = "2025-11-22T08:00:00"
        values["meetings"] += 5

    corrected = folder / "later"
    corrected.mkdir()
    write_data_sheet(corrected / "Отчёт_СОШ_1_новый.xlsx", edited(rows[1], later))
    return folder


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_municipal_store(tmp_path / "municipal.sqlite", backups=False)
    save_centre(store, CENTRE)
    made = MunicipalWindow(store, today=TODAY)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()  # waits for the pool and closes the file


def _add(qtbot, window: MunicipalWindow, monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr("nastavapp.ui.messages.open_files", lambda *a: list(paths))
    window.last_added = None
    window.add_files_button.click()
    qtbot.waitUntil(lambda: window.last_added is not None, timeout=20_000)


def _column(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_add_files_shows_taken_and_skipped_and_the_summary(
    qtbot, qtmodeltester, window, monkeypatch, reports_folder
):
    said = record_messages(monkeypatch)
    files = sorted(reports_folder.glob("*.xlsx"))
    progress: list[int] = []
    window.signals.progress.connect(lambda done, total: progress.append(done))
    _add(qtbot, window, monkeypatch, files)

    assert said.questions == [] and said.error == []
    assert progress and progress[-1] == len(files)
    assert not window.progress.isVisible()
    assert "Принято отчётов: 3." in window.outcome.text()
    assert "Не принято файлов: 2" in window.outcome.text()
    skipped = window.skipped_panel.model
    assert sorted(_column(skipped, 0)) == ["Отчёт_СОШ_3_с_ошибкой.xlsx", "Приказ.xlsx"]
    reasons = " ".join(_column(skipped, 1))
    assert "повреждён" in reasons and "отрицательное число «наставников»" in reasons
    assert window.tabs.tabText(2) == "Не приняты (2)"
    assert window.tabs.tabText(1) == "Полученные отчёты (3)"

    model = window.summary_panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert _column(model, 0) == [
        "МБОУ СОШ № 1",
        "МБОУ СОШ № 2",
        "МБОУ СОШ № 3",
        "Итого по муниципалитету",
    ]
    summary = window.summary
    assert summary is not None
    students = next(
        c
        for c in range(model.columnCount())
        if "Доля обучающихся, вовлечённых в наставничество"
        in model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    )
    total = model.index(3, students)
    assert total.data() == f"{summary.totals.share('students_involved'):.1f}".replace(".", ",")
    assert total.data(Qt.ItemDataRole.BackgroundRole) is not None  # under 70 %: marked
    assert " из " in total.data(Qt.ItemDataRole.ToolTipRole)

    window.summary_panel.table.sortByColumn(students, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.index(3, 0).data() == "Итого по муниципалитету"  # pinned last
    shares = [summary.rows[i].share("students_involved") for i in range(3)]
    shown = [model.index(r, students).data() for r in range(3)]
    assert shown == [f"{v:.1f}".replace(".", ",") for v in sorted(shares, reverse=True)]
    assert "2025/2026 учебный год. Отчёты получены от 3 школ" in window.status.text()


def test_a_second_report_replaces_the_first_after_a_question(
    qtbot, window, monkeypatch, reports_folder
):
    said = record_messages(monkeypatch)
    _add(qtbot, window, monkeypatch, [reports_folder / "Отчёт_СОШ_1.xlsx"])
    newer = reports_folder / "later" / "Отчёт_СОШ_1_новый.xlsx"

    said.answer = False
    _add(qtbot, window, monkeypatch, [newer])
    assert "«Отчёт_СОШ_1_новый.xlsx» вместо «Отчёт_СОШ_1.xlsx»" in said.questions[-1]
    assert "оставлен прежний" in " ".join(_column(window.skipped_panel.model, 1))
    assert _column(window.reports_panel.model, 1) == ["Отчёт_СОШ_1.xlsx"]

    said.answer = True
    _add(qtbot, window, monkeypatch, [newer])
    assert len(said.questions) == 2
    assert "взамен прежних: 1" in window.outcome.text()
    assert _column(window.reports_panel.model, 1) == ["Отчёт_СОШ_1_новый.xlsx"]
    window.reports_panel.history.setChecked(True)
    states = dict(
        zip(
            _column(window.reports_panel.model, 1),
            _column(window.reports_panel.model, 4),
            strict=True,
        )
    )
    assert states == {
        "Отчёт_СОШ_1_новый.xlsx": "действует",
        "Отчёт_СОШ_1.xlsx": "заменён файлом «Отчёт_СОШ_1_новый.xlsx»",
    }


def test_a_folder_the_expected_schools_and_saving(
    qtbot, qtmodeltester, window, monkeypatch, reports_folder, tmp_path
):
    said = record_messages(monkeypatch)
    add_expected(window._store, "МБОУ «Ивановская ООШ»")
    monkeypatch.setattr("nastavapp.ui.messages.choose_folder", lambda *a: reports_folder)
    window.last_added = None
    window.add_folder_button.click()
    qtbot.waitUntil(lambda: window.last_added is not None, timeout=20_000)
    assert window.tabs.tabText(1) == "Полученные отчёты (3)"  # the corrected № 1 replaced
    assert window.last_added is not None and len(window.last_added.outdated) == 1

    panel = window.expected_panel
    qtmodeltester.check(panel.model)
    assert _column(panel.model, 3) == ["нет отчёта"]
    assert window.tabs.tabText(3) == "Школы (нет отчёта: 1)"
    panel.from_reports.click()
    assert said.info[-1] == "Добавлено в список школ: 3."
    assert sorted(_column(panel.model, 0)) == [
        "МБОУ «Ивановская ООШ»",
        "МБОУ СОШ № 1",
        "МБОУ СОШ № 2",
        "МБОУ СОШ № 3",
    ]

    said.answer = False  # do not open the saved file
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: tmp_path / "Сводка")
    window.save_xlsx_button.click()
    assert window.last_saved == tmp_path / "Сводка.xlsx" and window.last_saved.exists()
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: tmp_path / "Справка.pdf")
    window.save_pdf_button.click()
    assert (tmp_path / "Справка.pdf").read_bytes().startswith(b"%PDF")
    assert said.error == []


def test_the_centre_is_asked_for_when_missing(qtbot, tmp_path):
    store = open_municipal_store(tmp_path / "m.sqlite", backups=False)
    window = MunicipalWindow(store, today=TODAY)
    qtbot.addWidget(window)
    try:
        dialog = window.centre_dialog
        assert dialog is not None and dialog.isVisible()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.name.setText("Отдел образования администрации Каменского района")
        dialog.municipality.setText("Каменский муниципальный район")
        dialog.accept()
        assert get_centre(store).municipality == "Каменский муниципальный район"
        assert window.centre_label.text().startswith("Отдел образования")
        assert window.year == "2025/2026"
        assert not window.save_pdf_button.isEnabled()  # nothing to save yet
    finally:
        with qtbot.waitSignal(window.closed, timeout=5_000):
            window.close()


def test_two_files_of_one_school_in_one_addition_are_both_accounted_for(
    qtbot, window, monkeypatch, reports_folder
):
    """Four good files, three reports taken: the outcome says where the fourth went (the older
    file of the same school, to history), not only «Принято отчётов: 3.»."""
    record_messages(monkeypatch)
    monkeypatch.setattr("nastavapp.ui.messages.choose_folder", lambda *a: reports_folder)
    window.last_added = None
    window.add_folder_button.click()
    qtbot.waitUntil(lambda: window.last_added is not None, timeout=20_000)
    text = window.outcome.text()
    assert text.startswith("Принято отчётов: 3.")
    assert (
        "«Отчёт_СОШ_1.xlsx» заменён более новым файлом той же школы «Отчёт_СОШ_1_новый.xlsx»"
        in text
    )
