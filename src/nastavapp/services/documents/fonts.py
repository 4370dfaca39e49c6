"""The fonts every generated document uses: bundled TTFs (Cyrillic), registered with reportlab once.

reportlab's built-in Helvetica and Times have no Cyrillic glyphs (they print ■), so documents use
fonts shipped in ``resources/fonts``: Liberation Serif (Times New Roman metrics, SIL OFL) for
official documents, PT Serif and PT Sans (ParaType) where a softer face reads better. Their licence
texts lie beside them. The TTFs are embedded (subset) in every PDF.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import resources

from ...resource_files import resource


@dataclass(frozen=True)
class FontFamily:
    """A reportlab font family: ``name`` is what styles and ``<font name=…>`` use."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


# family name → (regular, bold, italic, bold italic) file names in resources/fonts
_FILES: dict[str, tuple[str, str, str, str]] = {
    "LiberationSerif": (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ),
    # PT Sans / PT Serif are bundled in Regular and Bold only: italics fall back to upright.
    "PTSerif": ("PTSerif-Regular.ttf", "PTSerif-Bold.ttf", "", ""),
    "PTSans": ("PTSans-Regular.ttf", "PTSans-Bold.ttf", "", ""),
}

SERIF = "LiberationSerif"  # official documents (ГОСТ Р 7.0.97-2016: a serif face, 12–14 pt)
PT_SERIF = "PTSerif"
PT_SANS = "PTSans"

_lock = threading.Lock()
_registered: dict[str, FontFamily] = {}


def font_path_names() -> list[str]:
    """File names of every bundled TTF (for checks and packaging)."""
    return sorted({f for files in _FILES.values() for f in files if f})


def _register_family(name: str) -> FontFamily:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold, italic, bold_italic = _FILES[name]
    faces = {
        "regular": (name, regular),
        "bold": (f"{name}-Bold", bold or regular),
        "italic": (f"{name}-Italic", italic or regular),
        "bold_italic": (f"{name}-BoldItalic", bold_italic or bold or regular),
    }
    with ExitStack() as stack:
        for face_name, file_name in faces.values():
            # as_file gives a real path even from a zip (frozen builds); TTFont reads it whole.
            path = stack.enter_context(resources.as_file(resource("fonts", file_name)))
            pdfmetrics.registerFont(TTFont(face_name, str(path)))
    pdfmetrics.registerFontFamily(
        name,
        normal=faces["regular"][0],
        bold=faces["bold"][0],
        italic=faces["italic"][0],
        boldItalic=faces["bold_italic"][0],
    )
    return FontFamily(
        name=name,
        regular=faces["regular"][0],
        bold=faces["bold"][0],
        italic=faces["italic"][0],
        bold_italic=faces["bold_italic"][0],
    )


def register_fonts() -> dict[str, FontFamily]:
    """Register the bundled families with reportlab (once per process) and return them by name.

    Returns:
        ``{"LiberationSerif": FontFamily(...), "PTSerif": ..., "PTSans": ...}``.
    """
    with _lock:
        if not _registered:
            for name in _FILES:
                _registered[name] = _register_family(name)
        return dict(_registered)


def document_font(name: str = SERIF) -> FontFamily:
    """One registered family (registering all of them on first use)."""
    return register_fonts()[name]
