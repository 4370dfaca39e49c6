"""«Аналитическая справка» of the municipal monitoring as a PDF (seed 000, item 6.4).

A4 portrait after ГОСТ Р 7.0.97-2016 (margins 20/10/20/20 mm, Liberation Serif 12 pt in the text,
embedded), with: general facts and who has not reported; the municipal indicators computed from
the summed numerators and denominators, with a chart; the targets and the schools below them,
with a chart per school; the table of schools; the comparison with the previous year when its
reports exist; conclusions; «Страница N из M» on every page.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..documents import pdf_styles as ps
from ..documents.dates import date_words
from ..documents.fonts import SERIF, FontFamily, document_font
from ..documents.output import write_atomically
from ..documents.pdf_pages import numbered_canvas
from ..documents.pdf_styles import HEAD_BACKGROUND, MM
from .figures import INDICATORS, TARGETED, count_text, decimal, share_text
from .summary import SchoolRow, Summary, Totals
from .summary_charts import municipal_chart, school_charts
from .summary_pdf_style import BODY_SIZE, grid_table, note_styles, soft_hyphens, usable_width
from .table import COLUMNS, NAME_COLUMN, Column, cell, is_below
from .texts import NOTE_SUBTITLE, NOTE_TITLE, dates_text, received_text, target_sentences

NAME = next(c for c in COLUMNS if c.key == NAME_COLUMN)


def _header(summary: Summary, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    centre = summary.centre
    story: list[Any] = []
    if centre.name:
        story.append(Paragraph(ps.markup(centre.name), st["centre"]))
    story += [
        Paragraph(NOTE_TITLE, st["title"]),
        Paragraph(
            ps.markup(
                f"{NOTE_SUBTITLE}"
                + (f" ({centre.municipality})" if centre.municipality else "")
                + f" за {summary.year} учебный год"
            ),
            st["subtitle"],
        ),
        Paragraph(ps.markup(date_words(summary.made_on)), st["plain"]),
    ]
    return story


def _general(summary: Summary, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    totals = summary.totals
    dates = dates_text(summary)
    facts = (
        f"Мониторинг проведён по отчётам образовательных организаций, сформированным "
        f"программой «Наставничество в школе». {received_text(summary)}"
        + (f" ({dates})" if dates else "")
        + "."
    )
    story = [Paragraph("1. Общие сведения", st["section"]), Paragraph(ps.markup(facts), st["body"])]
    if totals.schools:
        covered = (
            f"В школах, представивших отчёт, обучающихся — "
            f"{count_text(totals.count('persons.students'))}, педагогических работников — "
            f"{count_text(totals.count('persons.teachers'))}. В программах наставничества "
            f"наставников — {count_text(totals.count('mentors'))}, наставляемых — "
            f"{count_text(totals.count('mentees'))}, наставнических пар и групп — "
            f"{count_text(totals.count('groups'))}; наставляемых без пары — "
            f"{count_text(totals.count('unpaired_mentees'))}."
        )
        story.append(Paragraph(ps.markup(covered), st["body"]))
    if summary.missing:
        names = ", ".join(s.short_name or s.full_name for s in summary.missing)
        story.append(
            Paragraph(
                ps.markup(f"Не представили отчёт ({len(summary.missing)}): {names}."), st["body"]
            )
        )
    elif summary.expected:
        story.append(Paragraph("Отчёты представили все школы из списка.", st["body"]))
    return story


def _indicator_table(summary: Summary, st: dict[str, Any], font: FontFamily) -> Any:
    from reportlab.platypus import Paragraph

    heads = ["Показатель", "Числитель", "Знаменатель", "Доля, %", "Цель, %"]
    data: list[list[Any]] = [[Paragraph(h, st["head"]) for h in heads]]
    for spec in INDICATORS:
        ratio = summary.totals.ratio(spec.key)
        value = decimal(ratio.percent)
        below = (
            spec.target is not None and ratio.percent is not None and ratio.percent < spec.target
        )
        data.append(
            [
                Paragraph(ps.markup(spec.label), st["cell"]),
                Paragraph(count_text(ratio.numerator), st["number"]),
                Paragraph(count_text(ratio.denominator), st["number"]),
                Paragraph(f"<b>{value}</b>" if below else value, st["number"]),
                Paragraph(decimal(spec.target, 0) if spec.target else "—", st["number"]),
            ]
        )
    width = usable_width()
    return grid_table(data, [width - 4 * 22 * MM, 22 * MM, 22 * MM, 22 * MM, 22 * MM], font)


def _indicators(summary: Summary, st: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    text = (
        "Доли по муниципалитету рассчитаны по суммам числителей и знаменателей всех школ, "
        "представивших отчёт (а не как среднее долей школ), поэтому каждая школа входит в них "
        "соразмерно своему контингенту."
    )
    satisfaction = summary.totals.satisfaction
    scores = (
        f"Средняя оценка удовлетворённости по шкале от 1 до 10: наставляемых — "
        f"{decimal(satisfaction.get('satisfaction_mentees'))}, наставников — "
        f"{decimal(satisfaction.get('satisfaction_mentors'))}."
    )
    chart = municipal_chart(summary, usable_width(), font.regular)
    return [
        Paragraph("2. Показатели муниципалитета", st["section"]),
        Paragraph(ps.markup(text), st["body"]),
        _indicator_table(summary, st, font),
        Paragraph(ps.markup(scores), st["after_table"]),
        KeepTogether([chart, Paragraph("Рисунок 1. Показатели муниципалитета, %", st["caption"])]),
    ]


def _targets(summary: Summary, st: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    story: list[Any] = [Paragraph("3. Достижение целевых значений", st["section"])]
    story += [Paragraph(ps.markup(s), st["body"]) for s in target_sentences(summary)]
    for spec in TARGETED:
        below = summary.below(spec)
        if below:
            names = ", ".join(f"{row.name} ({share_text(row.share(spec.key))})" for row in below)
            story.append(
                Paragraph(
                    ps.markup(f"Ниже цели — «{spec.short.removesuffix(', %')}»: {names}."),
                    st["body"],
                )
            )
    if len(TARGETED) >= 2 and summary.rows:
        first, second = TARGETED[0], TARGETED[1]
        charts = school_charts(
            summary.rows,
            (first.key, second.key),
            (first.short.removesuffix(", %"), second.short.removesuffix(", %")),
            first.target,
            usable_width(),
            font.regular,
        )
        for number, chart in enumerate(charts, start=2):
            caption = f"Рисунок {number}. Вовлечённость обучающихся и педагогов по школам, %"
            story.append(KeepTogether([chart, Paragraph(caption, st["caption"])]))
    return story


def _school_table(
    summary: Summary, columns: list[Column], st: dict[str, Any], font: FontFamily
) -> Any:
    """№, school and ``columns`` for every school, then the municipality's line."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, TableStyle

    heads = ["№", "Школа", *(c.header.removesuffix(", %") for c in columns)]
    data: list[list[Any]] = [
        [Paragraph(soft_hyphens(ps.markup(h)), st["small_head"]) for h in heads]
    ]
    rows: list[SchoolRow | Totals] = [*summary.rows, summary.totals]
    for number, row in enumerate(rows, start=1):
        total = isinstance(row, Totals)
        name = ps.markup(str(cell(row, NAME)))
        line: list[Any] = [
            Paragraph("" if total else str(number), st["small_number"]),
            Paragraph(f"<b>{name}</b>" if total else name, st["small"]),
        ]
        for column in columns:
            value = cell(row, column)
            if column.kind == "count":
                shown = count_text(value if isinstance(value, int) else None)
            else:
                shown = decimal(value if isinstance(value, float) else None)
            below = is_below(row, column)
            style = st["small_bold"] if total or below else st["small_number"]
            line.append(Paragraph(f"{shown}\u00a0▼" if below else shown, style))
        data.append(line)
    width = usable_width()
    number_width, name_width = 8 * MM, 46 * MM
    rest = (width - number_width - name_width) / len(columns)
    table = grid_table(data, [number_width, name_width, *[rest] * len(columns)], font)
    last = len(data) - 1
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, last), (-1, last), colors.HexColor(HEAD_BACKGROUND)),
                ("LINEABOVE", (0, last), (-1, last), 1.2, colors.black),
            ]
        )
    )
    return table


def _schools(summary: Summary, st: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    story: list[Any] = [Paragraph("4. Показатели по школам", st["section"])]
    if not summary.rows:
        return [*story, Paragraph("Отчётов школ за этот год нет.", st["body"])]
    counts = [c for c in COLUMNS if c.kind == "count"]
    shares = [c for c in COLUMNS if c.kind == "share"]
    target = decimal(TARGETED[0].target, 0) if TARGETED else ""
    return [
        *story,
        Paragraph("Таблица 1. Численность участников", st["table_title"]),
        _school_table(summary, counts, st, font),
        Paragraph("Таблица 2. Доли, %", st["table_title"]),
        _school_table(summary, shares, st, font),
        Paragraph(
            ps.markup(
                f"Знаком ▼ и полужирным выделены доли ниже целевого значения {target} %; "
                "«—» — долю не из чего считать (в школе нет людей этой группы). Строка "
                "«Итого» — по суммам числителей и знаменателей."
            ),
            st["caption"],
        ),
    ]


def _comparison(summary: Summary, st: dict[str, Any], font: FontFamily) -> list[Any]:
    from reportlab.platypus import Paragraph

    title = f"5. Сравнение с {summary.previous_year} учебным годом"
    story: list[Any] = [Paragraph(ps.markup(title), st["section"])]
    rows = summary.comparison()
    if not rows:
        text = f"Отчётов за {summary.previous_year} учебный год нет: сравнение не проводится."
        return [*story, Paragraph(ps.markup(text), st["body"])]
    heads = ["Показатель", f"{summary.previous_year}", f"{summary.year}", "Изменение"]
    data: list[list[Any]] = [[Paragraph(ps.markup(h), st["head"]) for h in heads]]
    for item in rows:
        label, values = item.texts()
        data.append(
            [Paragraph(ps.markup(label), st["cell"])] + [Paragraph(v, st["number"]) for v in values]
        )
    width = usable_width()
    table = grid_table(data, [width - 3 * 25 * MM, 25 * MM, 25 * MM, 25 * MM], font)
    note = "Изменение долей — в процентных пунктах."
    return [*story, table, Paragraph(note, st["caption"])]


def _conclusions(summary: Summary, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    points = list(target_sentences(summary))
    before = summary.previous
    if before is not None:
        for spec in TARGETED:
            delta = None
            now, then = summary.totals.share(spec.key), before.share(spec.key)
            if now is not None and then is not None:
                delta = round(now - then, 1)
            if delta is not None:
                trend = "выросла" if delta > 0 else ("снизилась" if delta < 0 else "не изменилась")
                amount = f" на {decimal(abs(delta))}\u00a0п.\u00a0п." if delta else "."
                points.append(
                    f"По сравнению с {summary.previous_year} учебным годом "
                    f"{spec.label[0].lower()}{spec.label[1:]} {trend}{amount}"
                )
    if summary.missing:
        points.append(
            f"Не представили отчёт {len(summary.missing)} из {summary.awaited} "
            f"{_of_schools(summary.awaited)}: их данные в сводку не вошли."
        )
    story = [Paragraph("6. Выводы", st["section"])]
    story += [Paragraph(ps.markup(p), st["bullet"], bulletText="–") for p in points]
    if summary.centre.coordinator:
        story.append(
            Paragraph(
                ps.markup(
                    " ".join(("Координатор", summary.centre.short_name)).strip()
                    + f"\u00a0\u00a0____________________\u00a0\u00a0{summary.centre.coordinator}"
                ),
                _signature_style(st),
            )
        )
    return story


def _of_schools(number: int) -> str:
    return "школы" if number % 10 == 1 and number % 100 != 11 else "школ"


def _signature_style(st: dict[str, Any]) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("signature", parent=st["plain"], spaceBefore=24)


def write_summary_pdf(summary: Summary, path: Path) -> None:
    """Render the analytical note to ``path`` directly (see :func:`export_summary_pdf`)."""
    font = document_font(SERIF)
    st = note_styles(font)
    title, subject = f"{NOTE_TITLE} — {summary.year}", f"{NOTE_TITLE} {NOTE_SUBTITLE}"
    author = summary.centre.name or summary.centre.municipality
    pdf = ps.pdf_document(path, font, BODY_SIZE, title=title, author=author, subject=subject)
    story = [
        *_header(summary, st),
        *_general(summary, st),
        *_indicators(summary, st, font),
        *_targets(summary, st, font),
        *_schools(summary, st, font),
        *_comparison(summary, st, font),
        *_conclusions(summary, st),
    ]
    pdf.build(story, canvasmaker=numbered_canvas(font))


def export_summary_pdf(summary: Summary, target: Path) -> Path:
    """Write «Аналитическая справка» at ``target`` (replaced only once fully written).

    Raises:
        ExportError: with a Russian message (the target open elsewhere, a read-only folder).
    """
    return write_atomically(Path(target), lambda path: write_summary_pdf(summary, path))
