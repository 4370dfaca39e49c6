"""How far the filled cells of an .xlsx reach, found before python-calamine reads the book.

calamine lays a sheet out as one block from A1 to the farthest filled cell: one stray value in
XFD1048576 asks for 500 GB, and the allocation failure aborts the whole program (no exception
to catch, the window just vanishes). The sheets' XML is scanned for cell addresses first — a
few milliseconds for a school's list — and such a book is refused with a Russian message.
.xls and .ods are not scanned (their cell positions are not written out).
"""

from __future__ import annotations

import io
import re
import zipfile

# the address of a cell with a value (``<c r="B7" …><v>`` or ``<is>``, maybe after its formula);
# a formatted empty cell, which calamine leaves out, has none
_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>(?:<f\b[^>]*(?:/>|>[^<]*</f>))?<(?:v|is)\b'
)
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_CHUNK = 1 << 20
_OVERLAP = 16 << 10  # longer than any cell with its formula (Excel: 8,192 characters at most)
MAX_CELLS = 5_000_000  # rows × columns from A1 (≈ 160 MB laid out): far beyond any school list


def column_number(letters: bytes) -> int:
    """b"A" → 1, b"Z" → 26, b"AA" → 27, b"XFD" → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def farthest_cell(data: bytes) -> tuple[int, int, str] | None:
    """(last row, last column, the address of a cell in that row) over the book's sheets, or
    None when ``data`` is not an xlsx zip with worksheets."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # a damaged zip (any error of it): calamine says so in its own words
        return None
    rows = columns = 0
    address = ""
    found = False
    with book:
        for name in book.namelist():
            if not _SHEET.fullmatch(name):
                continue
            found = True
            try:
                rows, columns, address = _scan(book, name, rows, columns, address)
            except Exception:  # zlib, zipfile, CRC …: a damaged member, as above
                continue
    return (rows, columns, address) if found else None


def _scan(
    book: zipfile.ZipFile, name: str, rows: int, columns: int, address: str
) -> tuple[int, int, str]:
    tail = b""
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
                    address = next((x + d).decode() for x, d in reversed(found) if int(d) == last)
            tail = text[-_OVERLAP:]
    return rows, columns, address


def too_far_message(file_name: str, data: bytes) -> str | None:
    """The Russian refusal for a book whose filled cells reach too far, else None."""
    found = farthest_cell(data)
    if found is None:
        return None
    rows, columns, address = found
    if rows * columns <= MAX_CELLS:
        return None
    return (
        f"В файле «{file_name}» заполнены ячейки далеко от таблицы (до строки {rows} "
        f"и столбца {columns}, например {address}): такой лист программа не прочитает. Откройте "
        "файл в Excel, нажмите Ctrl+End — курсор встанет на последнюю заполненную ячейку, — "
        "удалите лишние строки и столбцы и сохраните файл."
    )
