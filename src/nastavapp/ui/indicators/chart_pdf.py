"""«Печать в PDF…» of the dashboard: A4 landscape, the charts in greys on the first page, the
indicators with their definitions on the second. Drawn by the same code as the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from ...resource_files import resource
from ...services.indicators import Indicators
from .charts import BarChart, paint_chart
from .definitions import SPECS
from .formatting import of, percent

RESOLUTION = 96  # page units are screen pixels: the charts keep their proportions
MARGIN_MM = 12.0


_families: list[str] = []


def print_family() -> str:
    """PT Sans from the program's fonts (the same on every computer), else the default font."""
    if not _families:
        for name in ("PTSans-Regular.ttf", "PTSans-Bold.ttf"):
            found = QFontDatabase.addApplicationFontFromData(resource("fonts", name).read_bytes())
            _families.extend(QFontDatabase.applicationFontFamilies(found) if found >= 0 else [])
    return _families[0] if _families else QFont().family()


class PdfError(Exception):
    """The PDF could not be written; ``str()`` is the Russian message."""


def indicator_lines(indicators: Indicators) -> list[tuple[str, str]]:
    """(«Доля … — 45,2 % (84 из 186)», its definition) for each indicator."""
    lines = []
    for spec in SPECS:
        ratio = spec.ratio(indicators)
        figure = percent(ratio.percent)
        counts = of(len(ratio.numerator), len(ratio.denominator))
        lines.append((f"{spec.title}: {figure} ({counts})", spec.definition))
    return lines


def write_dashboard_pdf(
    path: Path, heading: str, subheading: str, charts: list[BarChart], indicators: Indicators
) -> Path:
    """Write the dashboard to ``path``; the path.

    Raises:
        PdfError: the file cannot be written (folder missing, file open elsewhere).
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(heading)
    writer.setCreator("Наставничество в школе")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(
            f"Не удалось записать файл «{path.name}». Проверьте, что папка существует "
            "и файл не открыт в другой программе."
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(print_family())
        base.setPointSizeF(9.0)
        painter.setFont(base)
        page = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION)).translated(
            -writer.pageLayout().paintRectPixels(RESOLUTION).topLeft()
        )
        top = _heading(painter, page, heading, subheading, base)
        _charts_page(painter, QRectF(page.left(), top, page.width(), page.bottom() - top), charts)
        writer.newPage()
        top = _heading(painter, page, heading, subheading, base)
        _definitions_page(
            painter, QRectF(page.left(), top, page.width(), page.bottom() - top), indicators, base
        )
    finally:
        painter.end()
    return path


def _heading(painter: QPainter, page: QRectF, heading: str, subheading: str, base: QFont) -> float:
    title = QFont(base)
    title.setPointSizeF(base.pointSizeF() * 1.6)
    title.setBold(True)
    painter.setPen(QColor("#000000"))
    painter.setFont(title)
    rect = painter.boundingRect(
        QRectF(page.left(), page.top(), page.width(), 80), Qt.TextFlag.TextWordWrap, heading
    )
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), rect.height()),
        Qt.TextFlag.TextWordWrap,
        heading,
    )
    painter.setFont(base)
    below = page.top() + rect.height() + 2
    sub = painter.boundingRect(
        QRectF(page.left(), below, page.width(), 60), Qt.TextFlag.TextWordWrap, subheading
    )
    painter.drawText(
        QRectF(page.left(), below, page.width(), sub.height()), Qt.TextFlag.TextWordWrap, subheading
    )
    return below + sub.height() + 12


def _charts_page(painter: QPainter, area: QRectF, charts: list[BarChart]) -> None:
    gap = 14.0
    width = (area.width() - gap) / 2
    height = (area.height() - gap) / 2
    for number, chart in enumerate(charts[:4]):
        row, column = divmod(number, 2)
        cell = QRectF(
            area.left() + column * (width + gap), area.top() + row * (height + gap), width, height
        )
        painter.save()
        painter.setPen(QColor("#888888"))
        painter.drawRect(cell)
        painter.restore()
        paint_chart(painter, cell.adjusted(10, 8, -10, -6), chart, grey=True)


def _definitions_page(painter: QPainter, area: QRectF, indicators: Indicators, base: QFont) -> None:
    bold = QFont(base)
    bold.setBold(True)
    bold.setPointSizeF(base.pointSizeF() * 1.15)
    small = QFont(base)
    top = area.top()
    for figure, definition in indicator_lines(indicators):
        painter.setFont(bold)
        rect = painter.boundingRect(
            QRectF(area.left(), top, area.width(), 60), Qt.TextFlag.TextWordWrap, figure
        )
        painter.drawText(
            QRectF(area.left(), top, area.width(), rect.height()), Qt.TextFlag.TextWordWrap, figure
        )
        top += rect.height() + 2
        painter.setFont(small)
        text = f"Как считается: {definition}."
        rect = painter.boundingRect(
            QRectF(area.left(), top, area.width(), 80), Qt.TextFlag.TextWordWrap, text
        )
        painter.drawText(
            QRectF(area.left(), top, area.width(), rect.height()), Qt.TextFlag.TextWordWrap, text
        )
        top += rect.height() + 14
    painter.setFont(small)
    note = (
        "Знаменатели — весь контингент школы (все обучающиеся этих возрастов, все педагоги), "
        "а не только участники баз. Возраст считается на дату расчёта. Федеральная цель — "
        "не менее 70 % обучающихся и 70 % педагогов, вовлечённых в наставничество."
    )
    painter.drawText(QRectF(area.left(), top, area.width(), 80), Qt.TextFlag.TextWordWrap, note)
