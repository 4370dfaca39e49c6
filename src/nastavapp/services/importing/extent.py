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
  the end of a sheet, as LibreOffice writes it, costs nothing and is not counted (ods_extent.py).
- .xls is not scanned: its sheet holds at most 65,536 × 256 cells. A 5 KB .xls with one value
  in IV65536 (the farthest cell there is) takes 1.0 GB in calamine and 1.4 GB and 6 s up to the
  import's preview, without aborting — heavy, but bounded.

The same scan counts formulas without a saved result (a book written by a script, openpyxl
for one, and never opened in Excel): calamine reads them as empty, so a column of full names
built by a formula would come in empty without a word. The preview says so (``BookScan.notes``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from ..deletion_text import plural

# the address of a cell with a value (``<c r="B7" …><v>`` or ``<is>``, maybe after its formula);
# a formatted empty cell, which calamine leaves out, has none
_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>(?:<f\b[^>]*(?:/>|>[^<]*</f>))?<(?:v|is)\b'
)
# a formula whose result was never saved: ``<v></v>``, ``<v/>`` or no ``<v>`` (openpyxl);
# Excel writes ``t="str"`` with an empty ``<v>`` for a formula that gives an empty text
_UNSAVED = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*)>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*'
    rb"(?:<v\s*/>|<v>\s*</v>|</c>)"
)
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_CHUNK = 1 << 20
_OVERLAP = 16 << 10  # longer than any cell with its formula (Excel: 8,192 characters at most)
MAX_CELLS = 5_000_000  # rows × columns from A1 (≈ 160 MB laid out): far beyond any school list
# what a book's parts unpack to, all together: a school's list of 5,000 rows is a few MB; a 4 MB
# .ods whose content.xml unpacks to 4 GB (a «zip bomb», or a damaged file) made calamine ask
# for 4 GB at once and abort the whole program (python-calamine 0.9.1)
MAX_UNPACKED = 512 << 20


@dataclass(frozen=True)
class Extent:
    """One sheet's block from A1: the last filled row, the last filled column, the address of
    a filled cell in that last row («XFD1048576»); and its formulas without a saved result."""

    rows: int = 0
    columns: int = 0
    address: str = ""
    unsaved: int = 0
    unsaved_at: str = ""  # the first of them («B2»)

    @property
    def cells(self) -> int:
        return self.rows * self.columns


@dataclass(frozen=True)
class BookScan:
    """What the scan found in an .xlsx or .ods: (sheet name, extent) for each sheet; the name
    is "" when the book does not say which sheet a part is."""

    kind: str  # "xlsx" or "ods"
    sheets: tuple[tuple[str, Extent], ...]

    @property
    def largest(self) -> Extent:
        return max((e for _, e in self.sheets), key=lambda e: e.cells, default=Extent())

    def too_far(self, file_name: str) -> str | None:
        """The Russian refusal when a sheet's filled cells reach too far, else None."""
        largest = self.largest
        if largest.cells <= MAX_CELLS:
            return None
        program = "LibreOffice Calc или Excel" if self.kind == "ods" else "Excel"
        return (
            f"В файле «{file_name}» заполнены ячейки далеко от таблицы (до строки "
            f"{largest.rows} и столбца {largest.columns}, например {largest.address}): такой "
            f"лист программа не прочитает. Откройте файл в {program}, нажмите Ctrl+End — курсор "
            "встанет на последнюю заполненную ячейку, — удалите лишние строки и столбцы и "
            "сохраните файл."
        )

    def notes(self, sheet: str) -> tuple[str, ...]:
        """What the user should know about the sheet ``sheet`` as it was read (Russian)."""
        found = [e for name, e in self.sheets if name in (sheet, "") and e.unsaved]
        if not found:
            return ()
        count = sum(e.unsaved for e in found)
        return (
            f"В файле есть формулы без сохранённых значений "
            f"({plural(count, 'ячейка', 'ячейки', 'ячеек')}, например {found[0].unsaved_at}): "
            "такие ячейки прочитаны пустыми. Откройте файл в Excel или LibreOffice, сохраните "
            "его и загрузите снова.",
        )


def column_number(letters: bytes) -> int:
    """b"A" → 1, b"Z" → 26, b"AA" → 27, b"XFD" → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def scan_book(data: bytes) -> BookScan | None:
    """The scan of an .xlsx or .ods, or None when ``data`` is neither (another zip, a damaged
    one, an .xls)."""
    from .ods_extent import CONTENT, ods_extents

    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # a damaged zip (any error of it): calamine says so in its own words
        return None
    with book:
        names = book.namelist()
        parts = [name for name in names if _SHEET.fullmatch(name)]
        if parts:
            titles = _xlsx_sheet_names(book)
            return BookScan(
                "xlsx",
                tuple((titles.get(p.casefold(), ""), _xlsx_extent(book, p)) for p in parts),
            )
        if CONTENT in names:
            return BookScan("ods", tuple(ods_extents(book)))
    return None


def unpacked_size(data: bytes) -> int | None:
    """What the zip ``data`` says its parts unpack to, all together; None when it is not a
    zip that can be read (calamine then says the file is damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return sum(max(info.file_size, 0) for info in book.infolist())
    except Exception:  # a damaged zip (any error of it)
        return None


def too_big_unpacked(data: bytes, file_name: str) -> str | None:
    """The Russian refusal when the book's parts unpack to more than ``MAX_UNPACKED``."""
    size = unpacked_size(data)
    if size is None or size <= MAX_UNPACKED:
        return None
    return (
        f"Файл «{file_name}» после распаковки занимает {size // (1 << 20)} МБ — намного "
        "больше, чем бывает у списка школы или отчёта: возможно, файл повреждён. Откройте его "
        "в Excel или LibreOffice Calc и сохраните заново (или попросите прислать файл снова)."
    )


def farthest_cell(data: bytes) -> tuple[int, int, str] | None:
    """(last row, last column, the address of a cell in that row) of the book's largest sheet,
    or None when ``data`` is not an .xlsx or .ods."""
    scan = scan_book(data)
    if scan is None:
        return None
    largest = scan.largest
    return largest.rows, largest.columns, largest.address


def _xlsx_sheet_names(book: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part (case-folded) → the sheet's name, from workbook.xml and its relations;
    {} when they cannot be read."""
    from xml.etree import ElementTree

    try:
        relations = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    except Exception:  # missing or damaged: the notes then go to every sheet
        return {}
    parts = {}
    for relation in relations:
        target = relation.get("Target", "")
        part = target[1:] if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        parts[relation.get("Id")] = part.casefold()
    names = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet"):
            key = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if key in parts:
                names[parts[key]] = sheet.get("name", "")
    return names


def _xlsx_extent(book: zipfile.ZipFile, name: str) -> Extent:
    rows = columns = unsaved = 0
    address = unsaved_at = ""
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
                for match in _UNSAVED.finditer(text) if b"<f" in text else ():
                    # a match within the tail was counted with the chunk before
                    if match.end() > len(tail) and b't="str"' not in match.group(2):
                        unsaved += 1
                        unsaved_at = unsaved_at or match.group(1).decode()
                tail = text[-_OVERLAP:]
    except Exception:  # zlib, zipfile, CRC …: a damaged member, calamine says so
        pass
    return Extent(rows, columns, address, unsaved, unsaved_at)
