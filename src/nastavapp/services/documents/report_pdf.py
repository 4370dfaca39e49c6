"""The report to the municipal centre as a PDF: the «Отчёт» sheet's content with three charts.

A4 portrait, margins 20/10/20/20 mm, Liberation Serif (Times metrics) embedded, «Страница N из M»
at the foot of every page. The optional lists go to annexes on landscape pages; their long tables
are made of plain pre-wrapped strings (no Paragraph per cell), so the 2,000-pupil school's lists
take about as long as reportlab needs for a bare table of the same cells.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .fonts import PT_SANS, SERIF, FontFamily, document_font
from .pdf_pages import numbered_canvas
from .report_charts import forms_chart, involvement_chart, satisfaction_chart
from .report_content import (
    SATISFIED_FROM,
    TARGET_NOTE,
    ReportContent,
    StageLine,
    number_text,
)
from .report_lists import ReportLists
from .roadmap_pdf import MM, text

Progress = Callable[[int, int], None]

MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}
BODY_SIZE = 11
TABLE_SIZE = 10
LIST_SIZE = 9
GRID = 0.5
HEAD_BACKGROUND = "#E6E6E6"
INDICATOR_WIDTHS_MM = (8, 69, 19, 22, 18, 21, 23)
FORM_WIDTHS_MM = (8, 52, 19, 19, 19, 30, 33)
COUNT_WIDTHS_MM = (8, 142, 30)
STAGE_WIDTHS_MM = (8, 62, 23, 21, 21, 23, 22)
SATISFACTION_WIDTHS_MM = (8, 30, 28, 22, 27, 32, 33)
PAIR_WIDTHS_MM = (10, 50, 36, 50, 30, 31, 24, 36)
PEOPLE_WIDTHS_MM = (10, 58, 32, 60, 34, 40, 33)
SECTION_ROOM_MM = 45  # a heading starts a new page when less than this is left under it
ROWS_PER_PAGE = 30  # a guess for the progress bar: list rows on a landscape page


def _styles(font: FontFamily) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=font.regular,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.2,
        alignment=TA_LEFT,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.18)
    return {
        "body": body,
        "centre": ParagraphStyle(
            "centre", parent=body, fontSize=12, leading=14.5, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=font.bold,
            fontSize=14,
            leading=17,
            alignment=TA_CENTER,
            spaceBefore=10,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=12, leading=14.5, alignment=TA_CENTER, spaceAfter=10
        ),
        "section": ParagraphStyle(
            "section",
            parent=body,
            fontName=font.bold,
            fontSize=12,
            leading=14.5,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=font.bold),
        "sub": ParagraphStyle("sub", parent=cell, leftIndent=12),  # «из них …» under its line
        "number": ParagraphStyle("number", parent=cell, alignment=TA_CENTER),
        "number_bold": ParagraphStyle(
            "number_bold", parent=cell, fontName=font.bold, alignment=TA_CENTER
        ),
        "head": ParagraphStyle(
            "head", parent=cell, fontName=font.bold, fontSize=9, leading=10.5, alignment=TA_CENTER
        ),
        "definition": ParagraphStyle(
            "definition",
            parent=cell,
            fontName=font.italic,
            fontSize=9,
            leading=10.5,
            spaceBefore=1.5,
        ),
        "note": ParagraphStyle(
            "note", parent=body, fontName=font.italic, fontSize=9.5, leading=11.5, spaceBefore=3
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontSize=10,
            leading=12,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=6,
        ),
        "label": ParagraphStyle("label", parent=body, fontName=font.bold),
        "annex": ParagraphStyle("annex", parent=body, alignment=TA_RIGHT),
    }


def _widths(mm: Sequence[float]) -> list[float]:
    return [w * MM for w in mm]


def _grid(font: FontFamily, header_rows: int = 1) -> list[tuple[Any, ...]]:
    from reportlab.lib import colors

    return [
        ("FONTNAME", (0, 0), (-1, -1), font.regular),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEAD_BACKGROUND)),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]


def _table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float],
    styles: dict[str, Any],
    font: FontFamily,
    bold_last: bool = False,
) -> Any:
    """A small table of the report: text cells left, numbers centred, «—» for nothing.

    The second column (the label) is a Paragraph; the short values are plain strings, broken
    into lines here, which reportlab draws several times faster than Paragraphs.
    """
    from reportlab.platypus import Flowable, Paragraph, Table

    widths = _widths(widths_mm)
    data: list[list[Any]] = [[Paragraph(text(h), styles["head"]) for h in head]]
    for index, row in enumerate(rows):
        bold = bold_last and index == len(rows) - 1
        cells: list[Any] = []
        for column, value in enumerate(row):
            if isinstance(value, (Flowable, list)):
                cells.append(value)
            elif column == 1 and isinstance(value, str):
                style = "cell_bold" if bold else ("sub" if value.startswith("из них") else "cell")
                cells.append(Paragraph(text(value), styles[style]))
            else:
                name = font.bold if bold else font.regular
                cells.append(_wrapped(_shown(value), name, widths[column] - 6, TABLE_SIZE))
        data.append(cells)
    commands = _grid(font)
    commands += [
        ("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.18),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
    ]
    if bold_last:
        commands.append(("FONTNAME", (0, -1), (-1, -1), font.bold))
    return Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—" if value is None else ""
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def _stage_state(stage: StageLine, current: int) -> str:
    if stage.events == 0:
        return "—"
    if stage.done == stage.events:
        return "выполнен"
    if stage.number == current:
        return "текущий этап"
    return "в работе" if stage.done else "не начат"


def _section(title: str, styles: dict[str, Any]) -> list[Any]:
    """A numbered heading that never stands alone at the foot of a page."""
    from reportlab.platypus import CondPageBreak, Paragraph

    return [CondPageBreak(SECTION_ROOM_MM * MM), Paragraph(text(title), styles["section"])]


def _chart(drawing: Any, caption: str, styles: dict[str, Any]) -> Any:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    return KeepTogether([Spacer(1, 4), drawing, Paragraph(text(caption), styles["caption"])])


def _heading(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    usable = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM
    story: list[Any] = [
        Paragraph(text(content.school_full_name), styles["centre"]),
        Paragraph(text(content.title), styles["title"]),
        Paragraph(text(content.subtitle), styles["subtitle"]),
    ]
    rows = [
        [Paragraph(text(label), styles["label"]), Paragraph(text(value), styles["body"])]
        for label, value in content.header_lines()[1:]
    ]
    info = Table(rows, colWidths=[62 * MM, usable - 62 * MM], hAlign="LEFT")
    info.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(info)
    return story


def _summary(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    usable = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM
    chart_font = document_font(PT_SANS).regular
    story: list[Any] = _section("1. Показатели целевой модели наставничества", styles)
    indicator_rows = []
    for number, row in enumerate(content.indicators, start=1):
        described = [
            Paragraph(text(row.title), styles["cell"]),
            Paragraph(text(row.definition), styles["definition"]),
        ]
        indicator_rows.append(
            [
                number,
                described,
                row.numerator,
                row.denominator,
                row.percent,
                row.target_text,
                row.verdict,
            ]
        )
    story.append(
        _table(
            (
                "№",
                "Показатель и как он считается",
                "Числитель, чел.",
                "Знаменатель, чел.",
                "Значение, %",
                "Целевое значение, %",
                "Выполнение",
            ),
            indicator_rows,
            INDICATOR_WIDTHS_MM,
            styles,
            font,
        )
    )
    story.append(Paragraph(text(TARGET_NOTE), styles["note"]))
    story.append(
        _chart(
            involvement_chart(content.indicators, usable, chart_font),
            "Рисунок 1. Показатели вовлечённости в наставничество, % (пунктир — целевое значение)",
            styles,
        )
    )

    story += _section("2. Наставнические пары и группы по формам наставничества", styles)
    total = content.forms_total
    form_rows: list[list[Any]] = [
        [n, f.label, f.pairs, f.groups, f.total, f.mentors, f.mentees]
        for n, f in enumerate(content.forms, start=1)
    ]
    form_rows.append(
        ["", "Всего", total.pairs, total.groups, total.total, total.mentors, total.mentees]
    )
    story.append(
        _table(
            ("№", "Форма наставничества", "Пар", "Групп", "Всего", "Наставников", "Наставляемых"),
            form_rows,
            FORM_WIDTHS_MM,
            styles,
            font,
            bold_last=True,
        )
    )
    story.append(
        _chart(
            forms_chart(content.forms, usable, chart_font),
            "Рисунок 2. Наставнические пары и группы по формам наставничества",
            styles,
        )
    )

    story += _section("3. Основные сведения", styles)
    story.append(
        _table(
            ("№", "Показатель", "Значение"),
            [[n, c.label, c.value] for n, c in enumerate(content.counts, start=1)],
            COUNT_WIDTHS_MM,
            styles,
            font,
        )
    )
    if content.partners:
        story.append(
            Paragraph(
                text("Организации-партнёры: " + "; ".join(content.partners) + "."),
                styles["note"],
            )
        )

    story += _section("4. Выполнение дорожной карты", styles)
    current = int(content.current_stage.split(".")[0])
    stage_rows: list[list[Any]] = [
        [s.number, s.title, s.events, s.done, s.overdue, s.percent, _stage_state(s, current)]
        for s in content.stages
    ]
    whole = content.roadmap_total
    stage_rows.append(["", "Всего", whole.events, whole.done, whole.overdue, whole.percent, ""])
    story.append(
        _table(
            ("№", "Этап", "Мероприятий", "Выполнено", "Просрочено", "Выполнение, %", "Состояние"),
            stage_rows,
            STAGE_WIDTHS_MM,
            styles,
            font,
            bold_last=True,
        )
    )
    story.append(Paragraph(text(f"Текущий этап: {content.current_stage}."), styles["note"]))

    story += _section("5. Удовлетворённость участников программы", styles)
    story.append(
        _table(
            (
                "№",
                "Участники",
                "Анкета",
                "Ответили, чел.",
                "Средний балл (1–10)",
                "Удовлетворены, чел.",
                "Удовлетворены, %",
            ),
            [
                [
                    n,
                    s.audience,
                    s.questionnaire,
                    s.respondents,
                    s.average,
                    s.satisfied,
                    s.satisfied_share,
                ]
                for n, s in enumerate(content.satisfaction, start=1)
            ],
            SATISFACTION_WIDTHS_MM,
            styles,
            font,
        )
    )
    story.append(
        Paragraph(
            text(
                "Удовлетворённым считается участник, средняя оценка которого по вопросам анкеты — "
                f"от {SATISFIED_FROM} до 10 баллов."
            ),
            styles["note"],
        )
    )
    story.append(
        _chart(
            satisfaction_chart(content.satisfaction, usable, chart_font),
            "Рисунок 3. Удовлетворённость участников: средний балл по шкале от 1 до 10",
            styles,
        )
    )
    story.extend(_signatures(content, styles, font))
    return story


def _signatures(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

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
    signatures = Table(rows, colWidths=[45 * MM, 60 * MM, 60 * MM], hAlign="LEFT")
    signatures.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font.regular),
                ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [
        Spacer(1, 6),
        KeepTogether([Paragraph(text(note), styles["note"]), Spacer(1, 8), signatures]),
    ]


# --- the annexes: long lists ---------------------------------------------------------------------
@lru_cache(maxsize=8192)
def _wrapped(value: str, font_name: str, width: float, size: float = LIST_SIZE) -> str:
    """``value`` broken into lines that fit ``width`` points (measured once per distinct text)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = []
    for part in value.split("\n"):
        if stringWidth(part, font_name, size) <= width:
            lines.append(part)
        else:
            lines.extend(simpleSplit(part, font_name, size, width) or [part])
    return "\n".join(lines)


def _list_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float],
    font: FontFamily,
    tail: str = "",
) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable

    widths = _widths(widths_mm)
    room = [w - 6 for w in widths]  # less the padding
    regular, bold = font.regular, font.bold
    data = [[_wrapped(h, bold, r) for h, r in zip(head, room, strict=True)]]
    for row in rows:
        data.append(
            [
                _wrapped(v, regular, r) if isinstance(v, str) else str(v)
                for v, r in zip(row, room, strict=True)
            ]
        )
    # As few commands as will do: reportlab applies each to every cell of its range, and again
    # to every piece of the table split over the pages (top and bottom paddings stay at 3).
    leading = LIST_SIZE * 1.18
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), regular, LIST_SIZE, leading),
        ("FONT", (0, 0), (-1, 0), bold, LIST_SIZE, leading),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BACKGROUND)),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if tail:
        data.append([_wrapped(tail, font.italic, sum(room))] + [""] * (len(widths) - 1))
        last = len(data) - 1
        commands += [
            ("SPAN", (0, last), (-1, last)),
            ("FONTNAME", (0, last), (-1, last), font.italic),
            ("ALIGN", (0, last), (-1, last), "LEFT"),
        ]
    return LongTable(data, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")


def pair_cells(lists: ReportLists) -> list[list[Any]]:
    """The cells of annex 1, as plain strings (the benchmark draws the same ones bare)."""
    return [
        [
            p.number,
            p.mentor,
            p.mentor_post,
            "\n".join(p.mentees),
            "\n".join(p.mentee_posts),
            p.form,
            p.status,
            p.term,
        ]
        for p in lists.pairs
    ]


def people_cells(lists: ReportLists) -> list[list[Any]]:
    return [
        [p.number, p.name, p.category, p.post, p.roles, p.form, p.status]
        for p in lists.participants
    ]


def _aligned_pairs(rows: list[list[Any]], font: FontFamily) -> list[list[Any]]:
    """A group's mentees and their classes side by side: a name on two lines gets its class
    and an empty line, so the next class stands beside the next name."""
    name_room = PAIR_WIDTHS_MM[3] * MM - 6
    post_room = PAIR_WIDTHS_MM[4] * MM - 6
    for row in rows:
        names, posts = row[3].split("\n"), row[4].split("\n")
        if len(names) < 2:
            continue
        name_lines, post_lines = [], []
        for name, post in zip(names, posts, strict=True):
            wrapped_name = _wrapped(name, font.regular, name_room).split("\n")
            wrapped_post = _wrapped(post, font.regular, post_room).split("\n")
            height = max(len(wrapped_name), len(wrapped_post))
            name_lines += wrapped_name + [""] * (height - len(wrapped_name))
            post_lines += wrapped_post + [""] * (height - len(wrapped_post))
        row[3], row[4] = "\n".join(name_lines), "\n".join(post_lines)
    return rows


PAIR_HEAD = (
    "№",
    "Наставник",
    "Должность / класс",
    "Наставляемые",
    "Класс / должность",
    "Форма наставничества",
    "Статус",
    "Срок",
)
PEOPLE_HEAD = (
    "№",
    "ФИО",
    "Категория",
    "Класс / должность",
    "Роль",
    "Форма наставничества",
    "Статус",
)


def _annexes(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph

    lists = content.lists
    assert lists is not None
    note = (
        "Названы только участники с согласием на обработку персональных данных (152-ФЗ); "
        "остальные указаны как «участник без согласия»."
    )
    story: list[Any] = [
        NextPageTemplate("landscape"),
        PageBreak(),
        Paragraph("Приложение 1 к отчёту", styles["annex"]),
        Paragraph(
            text(f"Наставнические пары и группы, {content.year_title} учебный год"),
            styles["section"],
        ),
        Paragraph(text(note), styles["note"]),
        _list_table(PAIR_HEAD, _aligned_pairs(pair_cells(lists), font), PAIR_WIDTHS_MM, font),
        PageBreak(),
        Paragraph("Приложение 2 к отчёту", styles["annex"]),
        Paragraph(
            text(f"Участники программы наставничества, {content.year_title} учебный год"),
            styles["section"],
        ),
        Paragraph(
            text(
                "Названы только участники с согласием на обработку персональных данных "
                "(152-ФЗ); остальные учтены, но не названы."
            ),
            styles["note"],
        ),
        _list_table(
            PEOPLE_HEAD,
            people_cells(lists),
            PEOPLE_WIDTHS_MM,
            font,
            tail=(lists.hidden_text.capitalize() + ".") if lists.hidden_text else "",
        ),
    ]
    return story


def write_report_pdf(content: ReportContent, path: Path, progress: Progress | None = None) -> None:
    """Render ``content`` to ``path`` directly (see ``report_export`` for the safe way).

    ``progress`` gets (pages done, pages expected) as pages are finished.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    font = document_font(SERIF)
    styles = _styles(font)
    lists = content.lists
    expected = 3 + (
        (len(lists.pairs) + len(lists.participants)) // ROWS_PER_PAGE + 2 if lists else 0
    )
    done = [0]

    def page_done(canvas: Any, document: Any) -> None:
        done[0] += 1
        if progress is not None:
            progress(min(done[0], expected - 1), expected)

    left, right = MARGINS_MM["left"] * MM, MARGINS_MM["right"] * MM
    top, bottom = MARGINS_MM["top"] * MM, MARGINS_MM["bottom"] * MM

    def frame(size: tuple[float, float], name: str) -> Any:
        return Frame(
            left,
            bottom,
            size[0] - left - right,
            size[1] - top - bottom,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    wide = landscape(A4)
    document = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=f"{content.title} {content.subtitle}",
        author=content.name,
        subject=f"{content.title}: {content.school_full_name}, {content.year_title}",
        creator="nastavapp",
        lang="ru-RU",
        initialFontName=font.regular,  # else every page names Helvetica as its first font
        initialFontSize=BODY_SIZE,
    )
    document.addPageTemplates(
        [
            PageTemplate("portrait", [frame(A4, "portrait")], onPageEnd=page_done, pagesize=A4),
            PageTemplate(
                "landscape", [frame(wide, "landscape")], onPageEnd=page_done, pagesize=wide
            ),
        ]
    )
    story = [*_heading(content, styles, font), *_summary(content, styles, font)]
    if lists is not None:
        story += _annexes(content, styles, font)
    document.build(story, canvasmaker=numbered_canvas(font))
    if progress is not None:
        progress(expected, expected)
