"""«Отчёт в муниципальный центр» to a file: Excel or PDF by the extension, named for e-mail.

The content is read once (:func:`.report_content.build_report_content`), written to a temporary
file beside the target and renamed into place (:func:`.output.write_atomically`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ...store import Store
from .errors import ExportError
from .output import fit_file_name, write_atomically
from .report_content import Progress, ReportContent, build_report_content

REPORT_SUFFIXES = (".xlsx", ".pdf")
FILE_PREFIX = "Наставничество"
STEPS = 100  # progress is reported as (done, 100)
CONTENT_SHARE = 15  # of the 100 steps, reading the data file

# Characters Windows refuses in a file name, quotes of every kind, control characters.
_REFUSED = re.compile(r"[\\/:*?\"<>|«»„“”‘’'`\x00-\x1f]")


def safe_name_part(text: str) -> str:
    """A part of a file name: no quotes or characters Windows refuses, words joined by «_»."""
    kept = _REFUSED.sub(" ", text)
    return "_".join(kept.split()).strip("._")


def report_file_name(school_short_name: str, year_title: str, suffix: str = ".xlsx") -> str:
    """«Наставничество_МБОУ_Сосновская_СОШ_2025-2026.xlsx»."""
    year = safe_name_part(year_title.replace("/", "-"))
    parts = [FILE_PREFIX, safe_name_part(school_short_name), year]
    return fit_file_name("_".join(p for p in parts if p) + suffix)


def unknown_format_message(suffix: str) -> str:
    return (
        f"Неизвестный формат файла «{suffix or 'без расширения'}»: отчёт можно сохранить "
        "в Excel (.xlsx) или в PDF (.pdf)."
    )


def _writer(suffix: str) -> Callable[[ReportContent, Path, Progress | None], None]:
    if suffix == ".xlsx":
        from .report_xlsx import write_report_xlsx

        return write_report_xlsx
    if suffix == ".pdf":
        from .report_pdf import write_report_pdf

        return write_report_pdf
    raise ExportError(unknown_format_message(suffix))


def _scaled(progress: Progress | None, start: int, end: int) -> Progress | None:
    """A callback that maps its own (done, total) onto the steps ``start``…``end`` of 100."""
    if progress is None:
        return None
    outer = progress

    def report(done: int, total: int) -> None:
        part = 0 if total <= 0 else min(done, total) / total
        outer(start + round(part * (end - start)), STEPS)

    return report


def export_report(
    store: Store,
    target: Path,
    reference_date: date | None = None,
    year_title: str | None = None,
    *,
    with_lists: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the year's report to ``target`` as xlsx or PDF, chosen by the extension.

    Args:
        store: the open data file.
        target: «….xlsx» or «….pdf»; an earlier file there is replaced only once the new one
            is complete.
        reference_date: the date of the indicators (ages, overdue events); today when None.
        year_title: «2025/2026»; the current year when None.
        with_lists: add the lists of pairs and participants (consented people by name only).
        progress: called with (done, 100) from the worker's thread as the work goes on.
        now: the moment the report is made (for tests); the clock when None.

    Returns:
        The absolute path written.

    Raises:
        ExportError: with a Russian message (another extension, no school or year, the target
            open in another program or a read-only folder).
    """
    target = Path(target)
    write = _writer(target.suffix.lower())
    content = build_report_content(
        store,
        reference_date or date.today(),
        year_title,
        with_lists=with_lists,
        now=now,
        progress=_scaled(progress, 0, CONTENT_SHARE),
    )
    written = write_atomically(
        target, lambda path: write(content, path, _scaled(progress, CONTENT_SHARE, STEPS))
    )
    if progress is not None:
        progress(STEPS, STEPS)
    return written
