"""«Страница N из M» at the foot of every page of a reportlab document (one shared canvas)."""

from __future__ import annotations

from typing import Any

from .fonts import FontFamily

MM = 72 / 25.4  # points in a millimetre


def numbered_canvas(font: FontFamily) -> type:
    """A canvas class that writes «Страница N из M» once the number of pages is known."""
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                self.setFont(font.regular, 10)
                self.drawCentredString(
                    self._pagesize[0] / 2, 10 * MM, f"Страница {self._pageNumber} из {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas
