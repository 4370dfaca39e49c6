"""Writers of real-looking school lists for the import tests: xlsx, xls, ods and csv files."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

Value = str | int | float | date | None


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Value]],
    *,
    merges: Sequence[str] = (),
    sheet: str = "Лист1",
    before: Sequence[str] = (),
) -> Path:
    """An Excel workbook; ``merges`` like «A1:E1»; ``before`` names empty sheets put first."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    for name in before:
        book.create_sheet(name, 0)
    first.title = sheet
    for row in rows:
        first.append(list(row))
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if isinstance(value, date):
                first.cell(number, column).number_format = "DD.MM.YYYY"
    for span in merges:
        first.merge_cells(span)
    book.save(path)
    return path


def write_xls(path: Path, rows: Sequence[Sequence[Value]], *, sheet: str = "Лист1") -> Path:
    """An Excel 97–2003 workbook (xlwt), dates as real date cells."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(
    path: Path, rows: Sequence[Sequence[Value]], *, merges: Sequence[tuple[int, int, int]] = ()
) -> Path:
    """An OpenDocument spreadsheet (odfpy). ``merges``: (row, column, columns spanned), 0-based."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    spans = {(r, c): n for r, c, n in merges}
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Лист1")
    for r, row in enumerate(rows):
        tr = TableRow()
        skip = 0
        for c, value in enumerate(row):
            if skip:
                tr.addElement(CoveredTableCell())
                skip -= 1
                continue
            attrs: dict[str, object] = {}
            if (r, c) in spans:
                attrs["numbercolumnsspanned"] = spans[(r, c)]
                skip = spans[(r, c)] - 1
            if value is None or value == "":
                cell = TableCell(**attrs)
            elif isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attrs)
                cell.addElement(P(text=value.strftime("%d.%m.%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value, **attrs)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string", **attrs)
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_csv(
    path: Path,
    rows: Sequence[Sequence[Value]],
    *,
    encoding: str = "cp1251",
    delimiter: str = ";",
) -> Path:
    """A CSV as Russian Excel writes it (cp1251, «;») or as «UTF-8 CSV» (utf-8-sig, «,»)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            ["" if v is None else v.strftime("%d.%m.%Y") if isinstance(v, date) else v for v in row]
        )
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def refusals(*paths: Path, memory_mb: int) -> list[str]:
    """What the list import and then the municipal centre say of each file, read in a process
    of its own with its memory capped: a file calamine would lay out whole aborts only that
    process (the test fails on its exit code), not the test run."""
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "if hasattr(resource, 'RLIMIT_AS'):\n"
        f"    resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))\n"
        "from nastavapp.services.consolidation.checks import ReportRejected\n"
        "from nastavapp.services.consolidation.reading import read_values\n"
        "from nastavapp.services.importing.preview import prepare_import\n"
        "from nastavapp.services.importing.reading import ImportFileError\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        prepare_import(name)\n"
        "    except ImportFileError as exc:\n"
        "        print(exc)\n"
        "    try:\n"
        "        read_values(Path(name))\n"
        "    except ReportRejected as exc:\n"
        "        print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout.splitlines()
