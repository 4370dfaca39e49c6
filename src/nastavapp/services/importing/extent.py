"""How far the filled cells of a workbook reach, found before python-calamine reads it.

calamine lays a sheet out as one block from A1 to the farthest filled cell: one stray value in
XFD1048576 of an .xlsx asks for 500 GB, and the allocation failure aborts the whole program (no
exception to catch, the window just vanishes). Such a book is refused with a Russian message
before calamine sees it; each sheet is measured on its own and the largest one decides:

- .xlsx: the sheets' XML is scanned for cell addresses — a few milliseconds for a school's list.
- .ods: content.xml is parsed as a stream and its rows and cells counted with their repeat
  attributes (LibreOffice writes a run of equal rows or cells once). Measured with
  python-calamine 0.9.1: an 871-byte .ods with values only in CQ1 and A1048576 took 6.9 GB and
  17 s to read; a value repeated over 16,384 columns of 1,000 rows took 2.1 GB (the process
  aborted under a 2 GB limit), of 6,000 rows 12.8 GB; at XFD1048576 calamine refuses by itself
  («Cell limit exceeded»), which came out as «файл повреждён». A run of empty rows or cells at
  the end of a sheet, as LibreOffice writes it, costs nothing and is not counted.
- .xls is not scanned: its sheet holds at most 65,536 × 256 cells. A 5 KB .xls with one value
  in IV65536 (the farthest cell there is) takes 1.0 GB in calamine and 1.4 GB and 6 s up to the
  import's preview, without aborting — heavy, but bounded.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

# the address of a cell with a value (``<c r="B7" …><v>`` or ``<is>``, maybe after its formula);
# a formatted empty cell, which calamine leaves out, has none
_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>(?:<f\b[^>]*(?:/>|>[^<]*</f>))?<(?:v|is)\b'
)
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_ODS_CONTENT = "content.xml"
_CHUNK = 1 << 20
_OVERLAP = 16 << 10  # longer than any cell with its formula (Excel: 8,192 characters at most)
MAX_CELLS = 5_000_000  # rows × columns from A1 (≈ 160 MB laid out): far beyond any school list

# .ods: a cell calamine keeps (a value, a formula, or text typed as a string, even empty)
_ODS_VALUES = (
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "table:formula",
)
_ODS_CELLS = ("table:table-cell", "table:covered-table-cell")


@dataclass(frozen=True)
class Extent:
    """One sheet's block from A1: the last filled row, the last filled column, and the address
    of a filled cell in that last row («XFD1048576»)."""

    rows: int = 0
    columns: int = 0
    address: str = ""

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_number(letters: bytes) -> int:
    """b"A" → 1, b"Z" → 26, b"AA" → 27, b"XFD" → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def column_letters(number: int) -> str:
    """1 → "A", 27 → "AA", 16384 → "XFD"."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_extents(data: bytes) -> tuple[str, list[Extent]] | None:
    """("xlsx" or "ods", the extent of each sheet), or None when ``data`` is neither (another
    zip, a damaged one, an .xls)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # a damaged zip (any error of it): calamine says so in its own words
        return None
    with book:
        names = book.namelist()
        parts = [name for name in names if _SHEET.fullmatch(name)]
        if parts:
            return "xlsx", [_xlsx_extent(book, name) for name in parts]
        if _ODS_CONTENT in names:
            return "ods", _ods_extents(book)
    return None


def _largest(extents: list[Extent]) -> Extent:
    return max(extents, key=lambda extent: extent.cells, default=Extent())


def farthest_cell(data: bytes) -> tuple[int, int, str] | None:
    """(last row, last column, the address of a cell in that row) of the book's largest sheet,
    or None when ``data`` is not an .xlsx or .ods."""
    found = sheet_extents(data)
    if found is None:
        return None
    largest = _largest(found[1])
    return largest.rows, largest.columns, largest.address


def _xlsx_extent(book: zipfile.ZipFile, name: str) -> Extent:
    rows = columns = 0
    address = ""
    tail = b""
    try:
        with book.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                text = tail + chunk
                found = _CELL.findall(text)
                if found:
                    # each distinct column and row once: a list has few of them, and many cells
                    letters, digits = zip(*found, strict=True)
                    columns = max(columns, *(column_number(x) for x in set(letters)))
                    last = max(map(int, set(digits)))
                    if last > rows:
                        rows = last
                        address = next(
                            (x + d).decode() for x, d in reversed(found) if int(d) == last
                        )
                tail = text[-_OVERLAP:]
    except Exception:  # zlib, zipfile, CRC …: a damaged member, calamine says so
        pass
    return Extent(rows, columns, address)


def _ods_extents(book: zipfile.ZipFile) -> list[Extent]:
    tables = _OdsTables()
    parser = expat.ParserCreate()  # no namespaces: calamine, too, matches «table:table-row»
    parser.StartElementHandler = tables.start
    parser.EndElementHandler = tables.end
    try:
        with book.open(_ODS_CONTENT) as stream:
            parser.ParseFile(stream)
    except Exception:  # bad XML or a damaged member: calamine says so; what was seen counts
        tables.finish()
    return tables.extents


def _repeats(value: str | None) -> int:
    try:
        return max(int(value), 0) if value is not None else 1
    except ValueError:
        return 1


class _OdsTables:
    """Counts the rows and cells of each ``table:table`` of content.xml as expat meets them."""

    def __init__(self) -> None:
        self.extents: list[Extent] = []
        self._in_table = False
        self._in_cell = 0  # depth of cells (a cell's content is not the table's)
        self._row = self._rows = self._columns = 0
        self._address = ""
        self._repeat = 1  # of the current row
        self._column = self._last = 0  # in the current row: cells so far, last filled one

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self._in_cell:
            self._in_cell += name in _ODS_CELLS
        elif name == "table:table":
            self._in_table = True
            self._row = self._rows = self._columns = 0
            self._address = ""
        elif name == "table:table-row":
            self._repeat = _repeats(attributes.get("table:number-rows-repeated"))
            self._column = self._last = 0
        elif name in _ODS_CELLS:
            self._in_cell = 1
            self._column += _repeats(attributes.get("table:number-columns-repeated"))
            if attributes.get("office:value-type") == "string" or any(
                key in attributes for key in _ODS_VALUES
            ):
                self._last = self._column

    def end(self, name: str) -> None:
        if self._in_cell:
            self._in_cell -= name in _ODS_CELLS
        elif name == "table:table-row":
            self._row += self._repeat
            if self._last and self._repeat:
                self._rows = self._row
                self._columns = max(self._columns, self._last)
                self._address = f"{column_letters(self._last)}{self._row}"
            self._last = 0
        elif name == "table:table":
            self.finish()

    def finish(self) -> None:
        """The table ends (or the XML breaks off inside it)."""
        if self._in_table:
            self._in_table = False
            self._in_cell = 0
            self.extents.append(Extent(self._rows, self._columns, self._address))


def too_far_message(file_name: str, data: bytes) -> str | None:
    """The Russian refusal for a book whose filled cells reach too far, else None."""
    found = sheet_extents(data)
    if found is None:
        return None
    kind, extents = found
    largest = _largest(extents)
    if largest.cells <= MAX_CELLS:
        return None
    program = "LibreOffice Calc или Excel" if kind == "ods" else "Excel"
    return (
        f"В файле «{file_name}» заполнены ячейки далеко от таблицы (до строки {largest.rows} "
        f"и столбца {largest.columns}, например {largest.address}): такой лист программа не "
        "прочитает. Откройте "
        f"файл в {program}, нажмите Ctrl+End — курсор встанет на последнюю заполненную ячейку, "
        "— удалите лишние строки и столбцы и сохраните файл."
    )
