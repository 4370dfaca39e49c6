"""«План мероприятий (дорожная карта)» to a file: the format follows the file's extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...store import Store
from .errors import ExportError

ROADMAP_SUFFIXES = (".pdf", ".xlsx")


def _exporter(suffix: str) -> Callable[[Store, Path, str | None], Path]:
    if suffix == ".pdf":
        from .roadmap_pdf import export_roadmap_pdf

        return export_roadmap_pdf
    if suffix == ".xlsx":
        from .roadmap_xlsx import export_roadmap_xlsx

        return export_roadmap_xlsx
    raise ExportError(
        f"Неизвестный формат файла «{suffix or 'без расширения'}»: дорожную карту можно "
        "сохранить в PDF (.pdf) или в Excel (.xlsx)."
    )


def export_roadmap(store: Store, target: Path, year_title: str | None = None) -> Path:
    """Write the year's roadmap to ``target`` as PDF or xlsx, chosen by the extension.

    Args:
        store: the open data file.
        target: «….pdf» or «….xlsx»; an earlier file there is replaced only once the new one
            is complete.
        year_title: «2025/2026»; the current year when None.

    Returns:
        The absolute path written.

    Raises:
        ExportError: with a Russian message (another extension, no school or year, the target
            open in another program or read-only).
    """
    target = Path(target)
    return _exporter(target.suffix.lower())(store, target, year_title)
