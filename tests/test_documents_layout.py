"""«Документы и отчёты»: each section ends under its last row of buttons, with no empty line."""

from __future__ import annotations

from datetime import date

from nastavapp.services.years import current_year
from nastavapp.ui.documents_screen import DocumentsScreen

TODAY = date(2025, 11, 20)


def _room_below(group, button) -> int:
    """Pixels between the bottom of ``button`` and the bottom of its group box."""
    return group.height() - button.mapTo(group, button.rect().bottomLeft()).y()


def test_the_report_section_ends_like_the_roadmap_section(qtbot, school_store):
    screen = DocumentsScreen(school_store, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1000, 800)
    screen.show_year(current_year(school_store))
    screen.show()
    qtbot.wait(20)
    roadmap = screen.roadmap_pdf.parentWidget()
    report = screen.report
    # the empty status line («Отчёт сохранён: …» once there is one) left a gap under the buttons
    assert _room_below(report, report.save_xlsx) == _room_below(roadmap, screen.roadmap_pdf)
    report.saving.say("Отчёт не сохранён.")
    qtbot.wait(20)
    assert report.status.isVisible()
    assert _room_below(report, report.save_xlsx) > _room_below(roadmap, screen.roadmap_pdf)
