"""The extent of each sheet of an .ods, counted from content.xml as a stream (see extent.py).

LibreOffice writes a run of equal rows or cells once, with ``table:number-rows-repeated`` or
``table:number-columns-repeated``; calamine writes each of them out. Expat meets the elements
one by one, so a school's list of 3,000 rows is counted in about 30 ms, and a sheet of any
size in little memory.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

from .extent import Extent
from .header import column_letter

CONTENT = "content.xml"
_CELLS = ("table:table-cell", "table:covered-table-cell")
# what a formula saves of its result; without any of them calamine reads the cell as empty
_RESULTS = (
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
)


def ods_extents(book: zipfile.ZipFile) -> list[tuple[str, Extent]]:
    """(sheet name, extent) of each ``table:table`` of the book's content.xml."""
    tables = _Tables()
    parser = expat.ParserCreate()  # no namespaces: calamine, too, matches «table:table-row»
    parser.StartElementHandler = tables.start
    parser.EndElementHandler = tables.end
    try:
        with book.open(CONTENT) as stream:
            parser.ParseFile(stream)
    except Exception:  # bad XML or a damaged member: calamine says so; what was seen counts
        tables.finish()
    return tables.extents


def _repeats(value: str | None) -> int:
    try:
        return max(int(value), 0) if value is not None else 1
    except ValueError:
        return 1


class _Table:
    """The counts of one table so far."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.row = 0  # rows so far (the current one not yet)
        self.rows = self.columns = 0  # the last filled row, the last filled column
        self.address = ""
        self.unsaved = 0
        self.unsaved_at = ""
        self.repeat = 1  # of the current row
        self.column = self.last = 0  # in the current row: cells so far, the last filled one

    def cell(self, attributes: dict[str, str]) -> None:
        repeats = _repeats(attributes.get("table:number-columns-repeated"))
        self.column += repeats
        saved = attributes.get("office:value-type") == "string" or any(
            key in attributes for key in _RESULTS
        )
        formula = "table:formula" in attributes
        if saved or formula:  # calamine keeps the cell, even an empty one
            self.last = self.column
        if formula and not saved and repeats and self.repeat:
            self.unsaved += repeats * self.repeat
            if not self.unsaved_at:
                self.unsaved_at = f"{column_letter(self.column - repeats)}{self.row + 1}"

    def end_row(self) -> None:
        self.row += self.repeat
        if self.last and self.repeat:
            self.rows = self.row
            self.columns = max(self.columns, self.last)
            self.address = f"{column_letter(self.last - 1)}{self.row}"

    def extent(self) -> Extent:
        return Extent(self.rows, self.columns, self.address, self.unsaved, self.unsaved_at)


class _Tables:
    """Follows content.xml as expat meets its elements."""

    def __init__(self) -> None:
        self.extents: list[tuple[str, Extent]] = []
        self._table: _Table | None = None
        self._in_cell = 0  # depth of cells (a cell's content is not the table's)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        table = self._table
        if self._in_cell:
            self._in_cell += name in _CELLS
        elif name == "table:table":
            self.finish()
            self._table = _Table(attributes.get("table:name", ""))
        elif table is None:
            return
        elif name == "table:table-row":
            table.repeat = _repeats(attributes.get("table:number-rows-repeated"))
            table.column = table.last = 0
        elif name in _CELLS:
            self._in_cell = 1
            table.cell(attributes)

    def end(self, name: str) -> None:
        if self._in_cell:
            self._in_cell -= name in _CELLS
        elif self._table is None:
            return
        elif name == "table:table-row":
            self._table.end_row()
        elif name == "table:table":
            self.finish()

    def finish(self) -> None:
        """The table ends (or the XML breaks off inside it)."""
        if self._table is not None:
            self.extents.append((self._table.name, self._table.extent()))
            self._table = None
        self._in_cell = 0
