"""The one error of document export; ``str()`` is the Russian message for the user."""

from __future__ import annotations


class ExportError(Exception):
    """A document could not be made or written (locked file, no school, unknown year…)."""
