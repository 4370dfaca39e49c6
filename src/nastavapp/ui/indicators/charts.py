"""Horizontal bar charts drawn with QPainter (PySide6-Essentials has no QtCharts).

The same code paints a widget on screen and a page of a PDF. Every bar has its value written
beside its end and a hatch of its own (drawn as lines, so it scales in a PDF), so that a chart
printed in black and white still tells its series apart; ``grey=True`` paints it in greys.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .formatting import DASH, NBSP, number


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...] = ()  # written at the bars; by default the value with the unit


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    maximum: float
    step: float  # between the axis ticks
    unit: str = ""  # «%» after values and ticks
    target: float | None = None  # a line across every bar
    target_text: str = ""  # «цель — 70 %»
    note: str = ""  # a line under the chart
    category_targets: tuple[float | None, ...] = ()  # a mark on some bars only

    def has_target(self) -> bool:
        return self.target is not None or any(t is not None for t in self.category_targets)

    def text_at(self, series: int, category: int) -> str:
        found = self.series[series]
        if category < len(found.texts) and found.texts[category]:
            return found.texts[category]
        value = found.values[category]
        if value is None:
            return DASH
        return number(value) + (f"{NBSP}{self.unit}" if self.unit else "")

    def describe(self) -> str:
        """The chart's figures as text (tooltip, screen readers, tests)."""
        lines = [self.title]
        for c, category in enumerate(self.categories):
            values = "; ".join(
                (f"{s.name}: " if len(self.series) > 1 else "") + self.text_at(i, c)
                for i, s in enumerate(self.series)
            )
            lines.append(f"{category} — {values}")
        if self.target_text:
            lines.append(self.target_text)
        return "\n".join(lines)


@dataclass(frozen=True)
class Look:
    fill: str
    ink: str  # hatch lines and the bar's outline
    hatch: str  # "/", "x", "-", "\\"


SCREEN_LOOKS = (
    Look("#6f9fd8", "#1f4e8c", "/"),
    Look("#f5c27a", "#8a4f0b", "x"),
    Look("#9ccf9f", "#2d6a34", "-"),
)
GREY_LOOKS = (
    Look("#a6a6a6", "#000000", "/"),
    Look("#ffffff", "#000000", "x"),
    Look("#dddddd", "#000000", "-"),
)
TARGET_SCREEN, TARGET_GREY = "#b3261e", "#000000"
HATCH_STEP = 6.0


def hatch(painter: QPainter, rect: QRectF, look: Look) -> None:
    """Fill ``rect`` with the look's colour, its hatch lines and an outline."""
    painter.save()
    painter.fillRect(rect, QColor(look.fill))
    path = QPainterPath()
    path.addRect(rect)
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(QColor(look.ink), 1.0))
    left, top, width, height = rect.left(), rect.top(), rect.width(), rect.height()
    if look.hatch == "-":
        y = top + HATCH_STEP / 2
        while y < top + height:
            painter.drawLine(QLineF(left, y, left + width, y))
            y += HATCH_STEP
    else:
        directions = {"/": (1,), "\\": (-1,), "x": (1, -1)}[look.hatch]
        for direction in directions:
            x = left - height
            while x < left + width + height:
                if direction == 1:
                    painter.drawLine(QLineF(x, top + height, x + height, top))
                else:
                    painter.drawLine(QLineF(x, top, x + height, top + height))
                x += HATCH_STEP * (1.6 if look.hatch == "x" else 1.0)
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor(look.ink), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.restore()


def _label_box(painter: QPainter, point: QPointF, text: str, metrics: QFontMetricsF) -> None:
    """``text`` left-aligned at ``point`` (vertical centre) on a white box, legible over hatch."""
    width = metrics.horizontalAdvance(text) + 6
    box = QRectF(point.x(), point.y() - metrics.height() / 2 - 1, width, metrics.height() + 2)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(box)
    painter.restore()
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_chart(painter: QPainter, area: QRectF, chart: BarChart, *, grey: bool = False) -> None:
    """Draw ``chart`` into ``area`` (title, legend, bars with values, axis, target line)."""
    looks = GREY_LOOKS if grey else SCREEN_LOOKS
    ink = QColor("#000000" if grey else "#222222")
    base = QFont(painter.font())
    title_font = QFont(base)
    title_font.setBold(True)
    title_font.setPointSizeF(base.pointSizeF() * 1.08)
    painter.save()
    painter.setPen(ink)
    painter.setFont(title_font)
    title_rect = painter.boundingRect(
        QRectF(area.left(), area.top(), area.width(), 200), Qt.TextFlag.TextWordWrap, chart.title
    )
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), title_rect.height()),
        Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
        chart.title,
    )
    top = area.top() + title_rect.height() + 6
    painter.setFont(base)
    metrics = QFontMetricsF(base)
    line = metrics.height()
    top = _legend(painter, QRectF(area.left(), top, area.width(), line), chart, looks, grey)
    bottom = area.bottom() - line - 4 - ((line + 2) if chart.note else 0)
    if chart.note:
        painter.setPen(QColor("#000000" if grey else "#555555"))
        painter.drawText(
            QRectF(area.left(), area.bottom() - line, area.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            chart.note,
        )
        painter.setPen(ink)
    longest = max((metrics.horizontalAdvance(c) for c in chart.categories), default=0)
    label_width = min(area.width() * 0.45, longest + 10)
    value_room = (
        max(
            (
                metrics.horizontalAdvance(chart.text_at(s, c))
                for s in range(len(chart.series))
                for c in range(len(chart.categories))
            ),
            default=0,
        )
        + 12
    )
    plot = QRectF(
        area.left() + label_width,
        top,
        max(40.0, area.width() - label_width - value_room),
        max(20.0, bottom - top),
    )
    _axis(painter, plot, chart, metrics, grey)
    if not chart.categories:
        painter.restore()
        return
    band = plot.height() / len(chart.categories)
    count = max(1, len(chart.series))
    bar = min(line * 1.5, band * 0.74 / count)
    labels: list[tuple[QPointF, str]] = []
    for c, category in enumerate(chart.categories):
        band_top = plot.top() + c * band
        label_rect = QRectF(area.left(), band_top, label_width - 8, band)
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if band >= 2 * line and metrics.horizontalAdvance(category) > label_rect.width():
            painter.drawText(label_rect, flags | Qt.TextFlag.TextWordWrap, category)
        else:
            shown = metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(label_rect, flags, shown)
        first = band_top + (band - bar * count) / 2
        for s, series in enumerate(chart.series):
            value = series.values[c]
            rect = QRectF(plot.left(), first + s * bar + 1, 0, bar - 2)
            if value is not None and chart.maximum > 0:
                rect.setWidth(plot.width() * min(value, chart.maximum) / chart.maximum)
                if rect.width() > 0:
                    hatch(painter, rect, looks[s % len(looks)])
            labels.append((QPointF(rect.right() + 3, rect.center().y()), chart.text_at(s, c)))
    painter.setPen(QPen(QColor(TARGET_GREY if grey else TARGET_SCREEN), 2.0, Qt.PenStyle.DashLine))
    if chart.target is not None and 0 <= chart.target <= chart.maximum:
        x = plot.left() + plot.width() * chart.target / chart.maximum
        painter.drawLine(QLineF(x, plot.top() - 2, x, plot.bottom()))
    for c, goal in enumerate(chart.category_targets[: len(chart.categories)]):
        if goal is not None and 0 <= goal <= chart.maximum:
            x = plot.left() + plot.width() * goal / chart.maximum
            painter.drawLine(
                QLineF(x, plot.top() + c * band + 2, x, plot.top() + (c + 1) * band - 2)
            )
    painter.setPen(ink)
    for point, text in labels:  # last: their white boxes stay readable over the target line
        _label_box(painter, point, text, metrics)
    painter.restore()


def _legend(
    painter: QPainter, row: QRectF, chart: BarChart, looks: tuple[Look, ...], grey: bool
) -> float:
    """Swatches of the series (when more than one) and the target line; the next free y."""
    entries: list[tuple[str, Look | None]] = []
    if len(chart.series) > 1:
        entries += [(s.name, looks[i % len(looks)]) for i, s in enumerate(chart.series)]
    if chart.has_target() and chart.target_text:
        entries.append((chart.target_text, None))
    if not entries:
        return row.top()
    metrics = QFontMetricsF(painter.font())
    x, y = row.left(), row.top()
    for text, look in entries:
        width = metrics.horizontalAdvance(text)
        if x > row.left() and x + 28 + width > row.right():  # no room: the next line
            x, y = row.left(), y + row.height() + 4
        swatch = QRectF(x, y + 2, 22, row.height() - 4)
        if look is not None:
            hatch(painter, swatch, look)
        else:
            painter.save()
            painter.setPen(
                QPen(QColor(TARGET_GREY if grey else TARGET_SCREEN), 2.0, Qt.PenStyle.DashLine)
            )
            middle = swatch.center().x()
            painter.drawLine(QLineF(middle, swatch.top() - 1, middle, swatch.bottom() + 1))
            painter.restore()
        painter.drawText(
            QRectF(x + 28, y, width + 4, row.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += 28 + width + 18
    return y + row.height() + 8


def _axis(
    painter: QPainter, plot: QRectF, chart: BarChart, metrics: QFontMetricsF, grey: bool
) -> None:
    painter.save()
    grid = QPen(QColor("#bbbbbb" if grey else "#d6dde5"), 1.0, Qt.PenStyle.DotLine)
    step = chart.step
    if step > 0 and chart.maximum > 0:  # fewer ticks when their labels would touch
        widest = metrics.horizontalAdvance(number(chart.maximum) + f"{NBSP}{chart.unit}") + 8
        while plot.width() * step / chart.maximum < widest and step < chart.maximum:
            step *= 2
    tick = 0.0
    while step > 0 and tick <= chart.maximum + 1e-9:
        x = plot.left() + plot.width() * tick / chart.maximum if chart.maximum else plot.left()
        painter.setPen(grid)
        painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        painter.setPen(QColor("#000000" if grey else "#555555"))
        last = tick + step > chart.maximum + 1e-9
        text = number(tick) + (f"{NBSP}{chart.unit}" if chart.unit and last else "")
        width = metrics.horizontalAdvance(text)
        painter.drawText(
            QRectF(x - width / 2 - 2, plot.bottom() + 2, width + 4, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            text,
        )
        tick += step
    painter.setPen(QPen(QColor("#000000" if grey else "#555555"), 1.0))
    painter.drawLine(QLineF(plot.left(), plot.top(), plot.left(), plot.bottom()))
    painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
    painter.restore()


class ChartWidget(QWidget):
    """Shows one chart; its figures are in the tooltip as text."""

    def __init__(self, chart: BarChart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.grey = False
        self.setMinimumSize(360, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if chart is not None:
            self.set_chart(chart)

    def set_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.setToolTip(chart.describe())
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.describe())
        self.update()

    def sizeHint(self) -> QSize:
        rows = len(self.chart.categories) * max(1, len(self.chart.series)) if self.chart else 4
        return QSize(460, 110 + 26 * rows)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#d5dde6"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.chart is not None:
            paint_chart(
                painter, QRectF(self.rect().adjusted(12, 10, -12, -8)), self.chart, grey=self.grey
            )
        painter.end()
