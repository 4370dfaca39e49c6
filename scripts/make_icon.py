"""Draw the application icon: ``resources/icons/nastavapp.png`` (256 px) and ``nastavapp.ico``.

Run once after changing the drawing and commit both files: ``python scripts/make_icon.py``.
The picture is drawn with QPainter at every size (not scaled down from 256 px), so it stays
clear at 16 px: a blue rounded square, a tall figure (the mentor) beside a small one (the
mentee), a green slope rising under them. The ``.ico`` holds 16, 20, 24, 32,
40, 48, 64 px as 32-bit bitmaps (what every Windows tool reads) and 128, 256 px as PNG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_FROM = 128  # sizes from here on are stored as PNG inside the .ico

BLUE = QColor("#2b62a8")
BLUE_EDGE = QColor("#1d4680")
WHITE = QColor("#ffffff")
GREEN = QColor("#7cc576")


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` px, drawn in a 100-unit box."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)
    edge = max(100 / size, 1.5)  # about one pixel at small sizes
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE_EDGE)
    p.drawRoundedRect(QRectF(2, 2, 96, 96), 18, 18)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(2 + edge, 2 + edge, 96 - 2 * edge, 96 - 2 * edge), 16, 16)
    # the slope: green, rising to the right
    step = QPainterPath()
    step.moveTo(12, 89)
    step.lineTo(88, 89)
    step.lineTo(88, 75)
    step.closeSubpath()
    p.setBrush(GREEN)
    p.drawPath(step)
    p.setBrush(WHITE)
    _figure(p, centre=36, head_y=25, head_r=11.5, body_top=40, body_bottom=74, half=19)
    # the mentee stands close: a blue outline keeps the two figures apart at every size
    outline = p.pen()
    outline.setStyle(Qt.PenStyle.SolidLine)
    outline.setColor(BLUE)
    outline.setWidthF(max(5.0, 150 / size))
    p.setPen(outline)
    p.setBrush(BLUE)
    mentee = {"centre": 67, "head_y": 45, "head_r": 9, "body_top": 57, "body_bottom": 74}
    _figure(p, **mentee, half=14)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(WHITE)
    _figure(p, **mentee, half=14)
    p.end()
    return image


def _figure(
    p: QPainter,
    *,
    centre: float,
    head_y: float,
    head_r: float,
    body_top: float,
    body_bottom: float,
    half: float,
) -> None:
    p.drawEllipse(QPointF(centre, head_y), head_r, head_r)
    body = QPainterPath()
    body.moveTo(centre - half, body_bottom)
    body.lineTo(centre - half, body_top + half * 0.8)
    body.quadTo(centre - half, body_top, centre, body_top)
    body.quadTo(centre + half, body_top, centre + half, body_top + half * 0.8)
    body.lineTo(centre + half, body_bottom)
    body.closeSubpath()
    p.drawPath(body)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA bitmap as .ico keeps it: header (double height), bottom-up rows, AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A in memory
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4
    mask = bytes(mask_stride * size)  # all zero: the alpha channel decides
    return header + b"".join(rows) + mask


def write_ico(path: Path, images: list[QImage]) -> None:
    blobs = [png_bytes(i) if i.width() >= PNG_FROM else dib_bytes(i) for i in images]
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    offset = 6 + 16 * len(images)
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    for blob in blobs:
        out += blob
    path.write_bytes(bytes(out))


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    del app
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in ICO_SIZES]
    images[-1].save(str(ICONS / "nastavapp.png"), "PNG")
    write_ico(ICONS / "nastavapp.ico", images)
    print(
        f"{ICONS / 'nastavapp.png'}\n{ICONS / 'nastavapp.ico'} ({', '.join(map(str, ICO_SIZES))} px)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
