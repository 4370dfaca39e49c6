"""The report's charts as reportlab drawings: horizontal bars that read in black and white.

- involvement in mentoring, %, against the 70 % target (a dashed line);
- pairs and groups by form (stacked: pairs dark, groups light with a black outline);
- satisfaction of mentees and mentors (mean score on the 1–10 scale).

Every bar carries its value in words beside it, so nothing depends on colour. reportlab is
imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .report_content import FormRow, IndicatorRow, SatisfactionLine, number_text

# Fills of stacked segments: dark grey, then white (both outlined in black).
SEGMENT_FILLS = (0.35, 1.0, 0.75)
LABEL_SIZE = 9
BAR = 11.0  # bar thickness, points
GAP = 7.0  # between rows


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[float, ...]  # stacked values; () when there is no value at all
    text: str  # written after the bar: «21,8 %», «нет данных»


def nice_ceiling(value: float, steps: int = 5) -> tuple[float, float]:
    """An axis maximum ≥ ``value`` and its tick step (1, 2 or 5 × 10ⁿ), about ``steps`` ticks."""
    if value <= 0:
        return float(steps), 1.0
    raw = value / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step), float(step)


def bar_chart(
    bars: Sequence[Bar],
    *,
    width: float,
    maximum: float,
    step: float,
    font: str,
    unit: str = "",
    target: float | None = None,
    target_text: str = "",
    legend: Sequence[str] = (),
) -> Any:
    """A horizontal bar chart ``width`` points wide, as a reportlab ``Drawing``."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import Color, black, white
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    label_width = width * 0.36
    # room after a full bar for the longest text written beside a bar
    value_room = max((stringWidth(b.text, font, LABEL_SIZE) for b in bars), default=0.0) + 10
    plot_left = label_width + 8
    plot_width = width - plot_left - value_room
    leading = LABEL_SIZE * 1.15
    labels = [simpleSplit(b.label, font, LABEL_SIZE, label_width) for b in bars]
    rows = [max(len(lines) * leading, BAR) + GAP for lines in labels]
    legend_height = 16.0 if legend else 0.0
    top_room = 14.0 if target is not None else 4.0
    axis_room = 16.0
    height = sum(rows) + top_room + axis_room + legend_height
    drawing = Drawing(width, height)
    # else the renderer starts with Helvetica and the PDF names a font it does not embed
    drawing.initialFontName = font
    drawing.initialFontSize = LABEL_SIZE
    plot_top = height - top_room
    plot_bottom = axis_room + legend_height

    def x_of(value: float) -> float:
        return plot_left + plot_width * min(max(value, 0.0), maximum) / maximum

    # the scale: light dotted lines at each tick, their numbers under the axis
    ticks = round(maximum / step)
    for index in range(ticks + 1):
        value = index * step
        x = x_of(value)
        drawing.add(
            Line(
                x,
                plot_bottom,
                x,
                plot_top,
                strokeColor=Color(0.6, 0.6, 0.6),
                strokeWidth=0.4,
                strokeDashArray=[1, 2],
            )
        )
        label = f"{value:g}{unit}"
        drawing.add(
            String(x, plot_bottom - 10, label, fontName=font, fontSize=8, textAnchor="middle")
        )
    drawing.add(
        Line(plot_left, plot_bottom, plot_left, plot_top, strokeColor=black, strokeWidth=0.7)
    )
    drawing.add(
        Line(
            plot_left,
            plot_bottom,
            plot_left + plot_width,
            plot_bottom,
            strokeColor=black,
            strokeWidth=0.7,
        )
    )

    y = plot_top
    values: list[tuple[float, float, str]] = []
    for bar, lines, row in zip(bars, labels, rows, strict=True):
        centre = y - row / 2
        first = centre + (len(lines) - 1) * leading / 2 - LABEL_SIZE * 0.35
        for number, line in enumerate(lines):
            drawing.add(
                String(
                    label_width,
                    first - number * leading,
                    line,
                    fontName=font,
                    fontSize=LABEL_SIZE,
                    textAnchor="end",
                )
            )
        x = plot_left
        for index, value in enumerate(bar.segments):
            if value <= 0:
                continue
            end = x_of(sum(bar.segments[: index + 1]))
            grey = SEGMENT_FILLS[index % len(SEGMENT_FILLS)]
            drawing.add(
                Rect(
                    x,
                    centre - BAR / 2,
                    end - x,
                    BAR,
                    fillColor=Color(grey, grey, grey),
                    strokeColor=black,
                    strokeWidth=0.5,
                )
            )
            x = end
        values.append((x + 4, centre, bar.text))
        y -= row

    if target is not None:
        x = x_of(target)
        drawing.add(
            Line(
                x,
                plot_bottom,
                x,
                plot_top + 3,
                strokeColor=black,
                strokeWidth=1.2,
                strokeDashArray=[4, 2],
            )
        )
        drawing.add(
            String(x, plot_top + 5, target_text, fontName=font, fontSize=8, textAnchor="middle")
        )
    # the values last, on white, so that no grid or target line runs through their digits
    for x, centre, value_text in values:
        size = stringWidth(value_text, font, LABEL_SIZE)
        drawing.add(
            Rect(
                x - 1,
                centre - LABEL_SIZE * 0.6,
                size + 2,
                LABEL_SIZE * 1.2,
                fillColor=white,
                strokeColor=None,
            )
        )
        drawing.add(
            String(x, centre - LABEL_SIZE * 0.35, value_text, fontName=font, fontSize=LABEL_SIZE)
        )

    if legend:
        x = plot_left
        for index, name in enumerate(legend):
            grey = SEGMENT_FILLS[index % len(SEGMENT_FILLS)]
            drawing.add(
                Rect(
                    x,
                    2,
                    14,
                    8,
                    fillColor=Color(grey, grey, grey),
                    strokeColor=black,
                    strokeWidth=0.5,
                )
            )
            drawing.add(String(x + 18, 3, name, fontName=font, fontSize=8))
            x += 18 + stringWidth(name, font, 8) + 16
    return drawing


def involvement_chart(rows: Sequence[IndicatorRow], width: float, font: str) -> Any:
    """The shares of the indicators, %, with the 70 % target dashed."""
    targets = {r.target for r in rows if r.target is not None}
    target = max(targets) if targets else None
    bars = [
        Bar(
            r.short_title,
            (r.percent,) if r.percent is not None else (),
            f"{number_text(r.percent, '%')} ({r.numerator} из {r.denominator})"
            if r.percent is not None
            else "нет данных",
        )
        for r in rows
    ]
    return bar_chart(
        bars,
        width=width,
        maximum=100,
        step=20,
        unit=" %",
        font=font,
        target=target,
        target_text=f"целевое значение {number_text(target, '%').replace(',0', '')}"
        if target is not None
        else "",
    )


def forms_chart(rows: Sequence[FormRow], width: float, font: str) -> Any:
    """Pairs and groups of each form, stacked."""
    top = max((r.total for r in rows), default=0)
    maximum, step = nice_ceiling(top)
    bars = [
        Bar(r.label, (float(r.pairs), float(r.groups)), _pairs_text(r.pairs, r.groups))
        for r in rows
    ]
    return bar_chart(
        bars,
        width=width,
        maximum=maximum,
        step=step,
        font=font,
        legend=("пары", "группы"),
    )


def _pairs_text(pairs: int, groups: int) -> str:
    return f"{pairs + groups} (пар — {pairs}, групп — {groups})"


def satisfaction_chart(lines: Sequence[SatisfactionLine], width: float, font: str) -> Any:
    """The mean score of mentees and mentors on the 1–10 scale."""
    bars = []
    for line in lines:
        label = f"{line.audience}: {line.questionnaire}, ответили {line.respondents}"
        if line.average is None:
            bars.append(Bar(label, (), "нет ответов"))
            continue
        share = number_text(line.satisfied_share, "%")
        text = f"{number_text(line.average)} из 10; удовлетворены {share}"
        bars.append(Bar(label, (line.average,), text))
    return bar_chart(bars, width=width, maximum=10, step=2, font=font)
