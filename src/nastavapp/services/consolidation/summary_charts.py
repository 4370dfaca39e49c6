"""The charts of the analytical note (reportlab graphics), readable printed in black and white.

Bars are grey of two clearly different tones with black outlines, every bar carries its value,
and the target is a dashed black line with its label, so no colour is needed to read them.

reportlab is imported only inside the functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .figures import INDICATORS, decimal
from .summary import SchoolRow, Summary

MM = 72 / 25.4
DARK = 0.35  # grey levels (0 black, 1 white)
LIGHT = 0.82
CHART_FONT_SIZE = 8
SCHOOLS_PER_CHART = 30


def _label(value: float | None) -> str:
    return "—" if value is None else decimal(value)


def _axis_label(value: float) -> str:
    return f"{value:.0f}"


def _bar_chart(
    names: Sequence[str],
    series: Sequence[Sequence[float | None]],
    *,
    width: float,
    row_height: float,
    font: str,
    target: float | None,
    tones: Sequence[float],
    legend: Sequence[str] = (),
    label_width: float = 62 * MM,
) -> Any:
    """Horizontal bars 0–100 %, one group per name, one bar per series (top to bottom), each
    series in its grey ``tone``."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib.colors import Color, black

    legend_height = 16 if legend else 0
    plot_height = row_height * len(names)
    height = plot_height + 16 + (14 if target is not None else 4) + legend_height
    drawing = Drawing(width, height, initialFontName=font)  # not Helvetica, not even unused
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 18, plot_height
    # reportlab draws the first category (and series) at the bottom: reverse both, so that
    # the chart reads downwards in the given order
    originals = [list(reversed(s)) for s in reversed(series)]
    chart.data = [[v if v is not None else 0.0 for v in values] for values in originals]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = CHART_FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = black
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 10
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = CHART_FONT_SIZE
    chart.valueAxis.labelTextFormat = _axis_label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barSpacing = 1
    chart.groupSpacing = 4
    for index, tone in enumerate(reversed(tones[: len(series)])):
        chart.bars[index].fillColor = Color(tone, tone, tone)
        chart.bars[index].strokeColor = black
        chart.bars[index].strokeWidth = 0.4
    chart.barLabelFormat = decimal
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = CHART_FONT_SIZE - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    # a missing value (nobody to count) is drawn as «—» at 0, not as «0,0»
    for series_index, values in enumerate(originals):
        for category, value in enumerate(values):
            if value is None:
                chart.barLabels[(series_index, category)].text = "—"
    drawing.add(chart)
    if target is not None:
        x = chart.x + chart.width * target / 100
        line = Line(x, chart.y - 2, x, chart.y + plot_height + 3)
        line.strokeColor, line.strokeWidth, line.strokeDashArray = black, 1, [3, 2]
        drawing.add(line)
        drawing.add(
            String(
                x,
                chart.y + plot_height + 6,
                f"цель {decimal(target, 0)} %",
                fontName=font,
                fontSize=CHART_FONT_SIZE,
                textAnchor="middle",
            )
        )
    if legend:
        _legend(drawing, legend, tones, font, chart.x, height - 9)
    return drawing


def _legend(
    drawing: Any, names: Sequence[str], tones: Sequence[float], font: str, x: float, y: float
) -> None:
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib.colors import Color, black

    for name, tone in zip(names, tones, strict=False):
        drawing.add(
            Rect(
                x,
                y - 1,
                9,
                7,
                fillColor=Color(tone, tone, tone),
                strokeColor=black,
                strokeWidth=0.4,
            )
        )
        drawing.add(String(x + 12, y, name, fontName=font, fontSize=CHART_FONT_SIZE))
        x += 16 + 4.4 * len(name)


def municipal_chart(summary: Summary, width: float, font: str) -> Any:
    """The municipality's shares (this year, and the previous one when there are reports)."""
    names = [spec.short.removesuffix(", %") for spec in INDICATORS]
    current = [summary.totals.share(spec.key) for spec in INDICATORS]
    series: list[list[float | None]] = [current]
    tones: tuple[float, ...] = (DARK,)
    legend: list[str] = []
    if summary.previous is not None:  # the earlier year above, in the lighter grey
        series.insert(0, [summary.previous.share(spec.key) for spec in INDICATORS])
        tones = (LIGHT, DARK)
        legend = [f"{summary.previous_year} уч. г.", f"{summary.year} уч. г."]
    return _bar_chart(
        names,
        series,
        width=width,
        row_height=11 * len(series) + 6,
        font=font,
        target=None,
        tones=tones,
        legend=legend,
        label_width=70 * MM,
    )


def school_charts(
    rows: Sequence[SchoolRow],
    keys: tuple[str, str],
    legend: tuple[str, str],
    target: float | None,
    width: float,
    font: str,
) -> list[Any]:
    """Two shares of every school (e.g. pupils and teachers involved), 30 schools a chart."""
    drawings = []
    for start in range(0, len(rows), SCHOOLS_PER_CHART):
        part = rows[start : start + SCHOOLS_PER_CHART]
        drawings.append(
            _bar_chart(
                [row.name for row in part],
                [[row.share(key) for row in part] for key in keys],
                width=width,
                row_height=22,
                font=font,
                target=target,
                tones=(DARK, LIGHT),
                legend=legend,
            )
        )
    return drawings
