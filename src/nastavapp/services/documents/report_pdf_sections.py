"""The sections of the report PDF: the heading, the five numbered sections with their tables
and charts, and the lines to sign.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from typing import Any

from . import pdf_styles as ps
from . import report_rows as cells
from .fonts import PT_SANS, FontFamily, document_font
from .pdf_styles import MARGINS_MM, MM
from .pdf_styles import numero_text as text
from .report_charts import forms_chart, involvement_chart, satisfaction_chart
from .report_content import TARGET_NOTE, ReportContent
from .report_pdf_style import BODY_SIZE
from .report_pdf_tables import report_table

INDICATOR_WIDTHS_MM = (8, 69, 19, 22, 18, 21, 23)
FORM_WIDTHS_MM = (8, 52, 19, 19, 19, 30, 33)
COUNT_WIDTHS_MM = (8, 142, 30)
STAGE_WIDTHS_MM = (8, 62, 23, 21, 21, 23, 22)
SATISFACTION_WIDTHS_MM = (8, 30, 28, 22, 27, 32, 33)
COUNT_HEAD = ("№", "Показатель", "Значение")
USABLE_WIDTH = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM
SECTION_ROOM_MM = 45  # a heading starts a new page when less than this is left under it


def section(title: str, styles: dict[str, Any]) -> list[Any]:
    """A numbered heading that never stands alone at the foot of a page."""
    from reportlab.platypus import CondPageBreak, Paragraph

    return [CondPageBreak(SECTION_ROOM_MM * MM), Paragraph(text(title), styles["section"])]


def chart(drawing: Any, caption: str, styles: dict[str, Any]) -> Any:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    return KeepTogether([Spacer(1, 4), drawing, Paragraph(text(caption), styles["caption"])])


def heading(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story: list[Any] = [
        Paragraph(text(content.school_full_name), styles["centre"]),
        Paragraph(text(content.title), styles["title"]),
        Paragraph(text(content.subtitle), styles["subtitle"]),
    ]
    rows = [
        [Paragraph(text(label), styles["label"]), Paragraph(text(value), styles["body"])]
        for label, value in content.header_lines()[1:]
    ]
    story.append(ps.plain_table(rows, [62 * MM, USABLE_WIDTH - 62 * MM], font, (0, None, 1, 2)))
    return story


def _indicators(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story: list[Any] = section("1. Показатели целевой модели наставничества", styles)
    rows = []
    for number, row in enumerate(content.indicators, start=1):
        described = [
            Paragraph(text(row.title), styles["cell"]),
            Paragraph(text(row.definition), styles["definition"]),
        ]
        numbers = [row.numerator, row.denominator, row.percent, row.target_text, row.verdict]
        rows.append([number, described, *numbers])
    story.append(report_table(cells.INDICATOR_HEAD, rows, INDICATOR_WIDTHS_MM, styles, font))
    story.append(Paragraph(text(TARGET_NOTE), styles["note"]))
    drawing = involvement_chart(content.indicators, USABLE_WIDTH, _chart_font())
    caption = "Рисунок 1. Показатели вовлечённости в наставничество, % (пунктир — целевое значение)"
    return [*story, chart(drawing, caption, styles)]


def _forms(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    story = section("2. Наставнические пары и группы по формам наставничества", styles)
    rows = cells.form_rows(content)
    story.append(report_table(cells.FORM_HEAD, rows, FORM_WIDTHS_MM, styles, font, bold_last=True))
    drawing = forms_chart(content.forms, USABLE_WIDTH, _chart_font())
    caption = "Рисунок 2. Наставнические пары и группы по формам наставничества"
    return [*story, chart(drawing, caption, styles)]


def _counts(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story = section("3. Основные сведения", styles)
    rows = [[n, c.label, c.value] for n, c in enumerate(content.counts, start=1)]
    story.append(report_table(COUNT_HEAD, rows, COUNT_WIDTHS_MM, styles, font))
    if content.partners:
        partners = "Организации-партнёры: " + "; ".join(content.partners) + "."
        story.append(Paragraph(text(partners), styles["note"]))
    return story


def _roadmap(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story = section("4. Выполнение дорожной карты", styles)
    rows = cells.stage_rows(content)
    story.append(
        report_table(cells.STAGE_HEAD, rows, STAGE_WIDTHS_MM, styles, font, bold_last=True)
    )
    story.append(Paragraph(text(f"Текущий этап: {content.current_stage}."), styles["note"]))
    return story


def _satisfaction(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story = section("5. Удовлетворённость участников программы", styles)
    rows = cells.satisfaction_rows(content)
    story.append(report_table(cells.SATISFACTION_HEAD, rows, SATISFACTION_WIDTHS_MM, styles, font))
    story.append(Paragraph(text(content.satisfied_rule), styles["note"]))
    drawing = satisfaction_chart(content.satisfaction, USABLE_WIDTH, _chart_font())
    caption = "Рисунок 3. Удовлетворённость участников: средний балл по шкале от 1 до 10"
    return [*story, chart(drawing, caption, styles)]


def _chart_font() -> str:
    return document_font(PT_SANS).regular


def summary_sections(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    """The five numbered sections and the lines to sign."""
    story: list[Any] = []
    for part in (_indicators, _forms, _counts, _roadmap, _satisfaction, signatures):
        story += part(content, styles, font)
    return story


def signatures(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    if content.lists is None:
        note = "Отчёт содержит только обобщённые сведения, без персональных данных участников."
    else:
        note = (
            "Списки пар и групп и участников — в приложениях 1 и 2. Названы только участники "
            "с согласием на обработку персональных данных (152-ФЗ); остальные учтены в числах, "
            "но не названы."
        )
    blank = "_" * 20
    rows = [
        ["Директор", blank, content.director_signature or "И.\u00a0О.\u00a0Фамилия"],
        ["Куратор", blank, content.curator_signature or "И.\u00a0О.\u00a0Фамилия"],
    ]
    signatures = ps.plain_table(
        rows, ps.points((45, 60, 60)), font, (0, None, 10, None), valign="BOTTOM", size=BODY_SIZE
    )
    return [
        Spacer(1, 6),
        KeepTogether([Paragraph(text(note), styles["note"]), Spacer(1, 8), signatures]),
    ]
