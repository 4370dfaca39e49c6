"""The first step of an import: read the file, find the header, propose the column mapping."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .header import ColumnMapping, column_titles, find_header
from .reading import ImportFileError, Row, Sheet, read_sheets
from .rows import cell_text

PREVIEW_ROWS = 20


@dataclass(frozen=True)
class ImportPreview:
    """A read file and the proposed column mapping, for the preview the user may correct."""

    path: Path
    sheet: str
    sheet_names: list[str]
    rows: list[Row]
    mapping: ColumnMapping
    notes: tuple[str, ...] = ()  # about how the sheet was read (formulas read as empty …)

    @property
    def titles(self) -> list[str]:
        """A title per column (its header text or «Столбец C»), for the mapping choices."""
        return column_titles(self.rows, self.mapping)

    def sample(
        self, mapping: ColumnMapping | None = None, count: int = PREVIEW_ROWS
    ) -> list[tuple[int, list[str]]]:
        """The first non-empty data rows as text: (row number in the file, cells)."""
        mapping = mapping or self.mapping
        found: list[tuple[int, list[str]]] = []
        for index in range(mapping.first_data_row, len(self.rows)):
            cells = [cell_text(c) for c in self.rows[index]]
            if any(cells):
                found.append((index + 1, cells))
            if len(found) == count:
                break
        return found


def prepare_import(path: Path | str, sheet: str | None = None) -> ImportPreview:
    """Read the file and propose where the header is and which column holds what.

    Without ``sheet`` the first sheet with a recognisable header is taken (else the first
    non-empty one).

    Raises:
        ImportFileError: the file cannot be read as a table (Russian message).
    """
    path = Path(path)
    sheets = read_sheets(path)
    names = [s.name for s in sheets]
    if sheet is not None:
        chosen = next((s for s in sheets if s.name == sheet), None)
        if chosen is None:
            raise ImportFileError(f"В файле «{path.name}» нет листа «{sheet}».")
        return ImportPreview(
            path, chosen.name, names, chosen.rows, find_header(chosen.rows), chosen.notes
        )
    candidates = [(s, find_header(s.rows)) for s in sheets if not s.is_empty]
    picked: tuple[Sheet, ColumnMapping] = next(
        ((s, m) for s, m in candidates if m.has_names), candidates[0]
    )
    return ImportPreview(path, picked[0].name, names, picked[0].rows, picked[1], picked[0].notes)
