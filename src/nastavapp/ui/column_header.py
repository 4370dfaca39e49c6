"""The horizontal header of a table model whose columns carry a title and a tooltip."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt


class TitledColumn(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def tip(self) -> str: ...


def column_header(
    columns: Sequence[TitledColumn], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    """What ``headerData`` returns: the column's title, its tip as the tooltip, else None."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return columns[section].title
    if role == Qt.ItemDataRole.ToolTipRole:
        return columns[section].tip or None
    return None
