"""The annexes of the report PDF on landscape pages: the lists of pairs and groups and of the
participants. Their long tables are made of plain pre-wrapped strings (no Paragraph per cell),
so the 2,000-pupil school's lists take about as long as reportlab needs for a bare table of the
same cells.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import pdf_styles as ps
from .fonts import FontFamily
from .pdf_styles import GRID_WIDTH, HEAD_BACKGROUND, MM
from .pdf_styles import numero_text as text
from .report_content import ReportContent
from .report_lists import pair_cells, people_cells
from .report_pdf_style import LIST_SIZE
from .report_pdf_tables import wrapped

PAIR_WIDTHS_MM = (10, 50, 36, 50, 30, 31, 24, 36)
PEOPLE_WIDTHS_MM = (10, 58, 32, 60, 34, 40, 33)
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


def list_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float],
    font: FontFamily,
    tail: str = "",
) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable

    widths = ps.points(widths_mm)
    room = [w - 6 for w in widths]  # less the padding
    regular, bold = font.regular, font.bold
    data = [[wrapped(h, bold, r) for h, r in zip(head, room, strict=True)]]
    for row in rows:
        data.append(
            [
                wrapped(v, regular, r) if isinstance(v, str) else str(v)
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
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if tail:
        data.append([wrapped(tail, font.italic, sum(room))] + [""] * (len(widths) - 1))
        last = len(data) - 1
        commands += [
            ("SPAN", (0, last), (-1, last)),
            ("FONTNAME", (0, last), (-1, last), font.italic),
            ("ALIGN", (0, last), (-1, last), "LEFT"),
        ]
    return LongTable(data, colWidths=widths, repeatRows=1, style=commands, hAlign="LEFT")


def aligned_pairs(rows: list[list[Any]], font: FontFamily) -> list[list[Any]]:
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
            wrapped_name = wrapped(name, font.regular, name_room).split("\n")
            wrapped_post = wrapped(post, font.regular, post_room).split("\n")
            height = max(len(wrapped_name), len(wrapped_post))
            name_lines += wrapped_name + [""] * (height - len(wrapped_name))
            post_lines += wrapped_post + [""] * (height - len(wrapped_post))
        row[3], row[4] = "\n".join(name_lines), "\n".join(post_lines)
    return rows


def annexes(content: ReportContent, styles: dict[str, Any], font: FontFamily) -> list[Any]:
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
        list_table(PAIR_HEAD, aligned_pairs(pair_cells(lists), font), PAIR_WIDTHS_MM, font),
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
        list_table(
            PEOPLE_HEAD,
            people_cells(lists),
            PEOPLE_WIDTHS_MM,
            font,
            tail=(lists.hidden_text.capitalize() + ".") if lists.hidden_text else "",
        ),
    ]
    return story
