"""Import of the lists schools already have (pupils, teachers) from spreadsheets and CSV.

``prepare_import`` (preview.py) reads a file and proposes a column mapping; ``import_persons``
(persons.py) checks the rows and stores them all or none; ``save_rejections`` (report.py) writes
the rejected rows to .xlsx. Spreadsheet libraries load only when a file is read or written.
"""

from .header import Column, ColumnMapping
from .persons import (
    AcceptedRow,
    DuplicateRow,
    ImportCancelled,
    ImportResult,
    RejectedRow,
    import_persons,
)
from .preview import ImportPreview, prepare_import
from .reading import ImportFileError
from .report import ReportError, check_report_path, save_rejections

__all__ = [
    "AcceptedRow",
    "Column",
    "ColumnMapping",
    "DuplicateRow",
    "ImportCancelled",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "RejectedRow",
    "ReportError",
    "check_report_path",
    "import_persons",
    "prepare_import",
    "save_rejections",
]
