"""The one resolver of bundled resources (templates, fonts, icons): installed, editable or frozen.

``resources/`` sits at the top of the repository and installs as the package
``nastavapp.resources``; a source checkout run without installing falls back to the folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    """``resource("roadmap", "template.json")`` → the bundled file, wherever the program runs."""
    try:
        root: Traversable = resources.files("nastavapp.resources")
    except ModuleNotFoundError:  # run from src/ without installing: resources/ is a sibling
        root = Path(__file__).resolve().parents[2] / "resources"
    for part in parts:
        root = root / part
    return root
