"""The received reports in the municipal data file: adding, replacing with history, removing.

One report per school and academic year is current. A later report of the same school for the
same year replaces it (the user is asked first: see :func:`duplicates`); the earlier one stays
in the file as history, marked ``superseded`` and pointing at the report that replaced it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from ...models import MunicipalReport
from ...models.columns import utc_now
from ...store import Store
from .reading import Skipped
from .report import SchoolReport

SCHOOL_LEVEL = "school"
MUNICIPAL_LEVEL = "municipality"


def level_of(report: SchoolReport) -> str:
    """«school» for a school's report, «municipality» for a municipal summary read back."""
    return str(report.figures.get("level") or SCHOOL_LEVEL)


@dataclass(frozen=True)
class StoredReport:
    """A report kept in the file, detached (plain data for the screens)."""

    id: int
    report: SchoolReport
    received_at: datetime
    superseded: bool
    replaced_by_id: int | None


@dataclass
class AddResult:
    added: list[SchoolReport] = field(default_factory=list)  # new schools for their year
    replaced: list[SchoolReport] = field(default_factory=list)  # took an earlier one's place
    # (older, newer): two files of one school in the same call; the older went to history
    outdated: list[tuple[SchoolReport, SchoolReport]] = field(default_factory=list)
    not_added: list[Skipped] = field(default_factory=list)  # already there, declined, mixed

    @property
    def taken(self) -> list[SchoolReport]:
        return self.added + self.replaced


def to_report(row: MunicipalReport) -> SchoolReport:
    return SchoolReport(
        full_name=row.full_name,
        short_name=row.short_name,
        municipality=row.municipality,
        code=row.code,
        year=row.year,
        format_version=row.format_version,
        reference_date=row.reference_date,
        generated_at=_moment(row.generated_at),
        figures=dict(row.figures),
        source=row.source_file,
    )


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _stored(row: MunicipalReport) -> StoredReport:
    assert row.id is not None
    return StoredReport(row.id, to_report(row), row.received_at, row.superseded, row.replaced_by_id)


def _current(session: Session, key: str, year: str) -> MunicipalReport | None:
    return session.exec(
        select(MunicipalReport).where(
            MunicipalReport.school_key == key,
            MunicipalReport.year == year,
            col(MunicipalReport.superseded).is_(False),
        )
    ).first()


def duplicates(store: Store, reports: Iterable[SchoolReport]) -> list[tuple[SchoolReport, str]]:
    """Reports whose school already has a different current report for that year.

    Returns:
        (new report, file name of the report it would replace), to ask the user about.
    """
    found = []
    with store.session() as session:
        for report in reports:
            earlier = _current(session, report.key, report.year)
            if earlier is not None and not to_report(earlier).same_content(report):
                found.append((report, earlier.source_file))
    return found


def one_level(reports: Iterable[SchoolReport]) -> tuple[list[SchoolReport], list[Skipped]]:
    """Schools' reports and municipal summaries are not merged together: when both come,
    the schools' reports are kept and the summaries skipped with the reason."""
    given = list(reports)
    if len({level_of(r) for r in given}) < 2:
        return given, []
    kept = [r for r in given if level_of(r) == SCHOOL_LEVEL]
    skipped = [_skip(r, _mixed_reason(level_of(r))) for r in given if level_of(r) != SCHOOL_LEVEL]
    return kept, skipped


def _mixed_reason(level: str) -> str:
    if level == MUNICIPAL_LEVEL:
        return "это сводка муниципалитета, а за этот год приняты отчёты школ: их не смешивают."
    return "это отчёт школы, а за этот год приняты сводки муниципалитетов: их не смешивают."


def _older(report: SchoolReport, stored: SchoolReport) -> bool:
    """``report`` was written before the one the program has (a file sent again from an old
    e-mail must not push the newer figures into history)."""
    if report.generated_at is None or stored.generated_at is None:
        return False
    return report.generated_at < stored.generated_at


def add_reports(
    store: Store,
    reports: Iterable[SchoolReport],
    *,
    replace: bool = True,
    now: datetime | None = None,
) -> AddResult:
    """Store the reports; the same file twice is not stored again.

    Args:
        replace: whether a report replaces the school's current report of the same year
            received before this call (within one call the later-written file always wins,
            the earlier one going to history).
        now: the moment of receipt (tests).
    """
    result = AddResult()
    received = now or utc_now()
    ordered = sorted(reports, key=lambda r: (r.generated_at or datetime.min, r.source))
    levels = {level_of(r) for r in ordered}
    outcome: dict[tuple[str, str], tuple[bool, SchoolReport]] = {}  # slot → (replaced?, latest)
    with store.session() as session:
        current = {
            (row.school_key, row.year): row
            for row in session.exec(
                select(MunicipalReport).where(
                    col(MunicipalReport.year).in_({r.year for r in ordered}),
                    col(MunicipalReport.superseded).is_(False),
                )
            ).all()
        }
        year_levels = {year: level_of(to_report(row)) for (_, year), row in current.items()}
        made: set[int] = set()  # id() of the rows made in this call
        for report in ordered:
            year_level = year_levels.get(report.year)
            if year_level is None and len(levels) > 1:
                year_level = SCHOOL_LEVEL  # a mixed batch into an empty year: the schools count
            if year_level is not None and level_of(report) != year_level:
                result.not_added.append(_skip(report, _mixed_reason(level_of(report))))
                continue
            year_levels[report.year] = level_of(report)
            slot = (report.key, report.year)
            earlier = current.get(slot)
            if earlier is not None and to_report(earlier).same_content(report):
                result.not_added.append(_skip(report, "этот отчёт уже принят ранее."))
                continue
            in_batch = earlier is not None and id(earlier) in made
            stored = to_report(earlier) if earlier is not None and not in_batch else None
            if stored is not None and _older(report, stored):
                written = f" (от {stored.generated_at:%d.%m.%Y})" if stored.generated_at else ""
                result.not_added.append(
                    _skip(
                        report,
                        f"в программе уже есть более новый отчёт этой школы за {report.year}"
                        f"{written}: оставлен он.",
                    )
                )
                continue
            if earlier is not None and not replace and not in_batch:
                result.not_added.append(
                    _skip(report, f"отчёт этой школы за {report.year} уже есть; оставлен прежний.")
                )
                continue
            row = _row(report, received)
            session.add(row)
            made.add(id(row))
            current[slot] = row
            if earlier is not None:
                session.flush()  # the new row's id, for the earlier one to point at
                earlier.superseded, earlier.replaced_by_id = True, row.id
                session.add(earlier)
            if in_batch:
                was_replacing, older = outcome[slot]
                result.outdated.append((older, report))
                outcome[slot] = (was_replacing, report)
            else:
                outcome[slot] = (earlier is not None, report)
        session.commit()
    for was_replacing, report in outcome.values():
        (result.replaced if was_replacing else result.added).append(report)
    return result


def _skip(report: SchoolReport, reason: str) -> Skipped:
    return Skipped(Path(report.source or report.name), reason)


def _row(report: SchoolReport, received: datetime) -> MunicipalReport:
    return MunicipalReport(
        school_key=report.key,
        full_name=report.full_name,
        short_name=report.short_name,
        municipality=report.municipality,
        code=report.code,
        year=report.year,
        reference_date=report.reference_date,
        generated_at=report.generated_at.isoformat() if report.generated_at else "",
        received_at=received,
        source_file=report.source,
        format_version=report.format_version,
        figures=dict(report.figures),
    )


def stored_reports(store: Store, year: str, *, history: bool = False) -> list[StoredReport]:
    """The year's reports (current only, or with the replaced ones), newest receipt first."""
    query = select(MunicipalReport).where(MunicipalReport.year == year)
    if not history:
        query = query.where(col(MunicipalReport.superseded).is_(False))
    with store.session() as session:
        rows = session.exec(query.order_by(col(MunicipalReport.id).desc())).all()
        return [_stored(row) for row in rows]


def current_reports(store: Store, year: str) -> list[SchoolReport]:
    return [item.report for item in stored_reports(store, year)]


def report_years(store: Store) -> list[str]:
    """Academic years with at least one report, oldest first."""
    with store.session() as session:
        found = session.exec(select(MunicipalReport.year).distinct()).all()
    return sorted(found)


def previous_year(year: str) -> str:
    """«2025/2026» → «2024/2025»."""
    first, second = (int(part) for part in year.split("/"))
    return f"{first - 1}/{second - 1}"


def remove_report(store: Store, report_id: int) -> SchoolReport | None:
    """Delete a current report; the one it had replaced, if any, becomes current again.

    Returns:
        The report made current again, or None.
    """
    with store.session() as session:
        row = session.get(MunicipalReport, report_id)
        if row is None:
            return None
        earlier = session.exec(
            select(MunicipalReport)
            .where(MunicipalReport.replaced_by_id == report_id)
            .order_by(col(MunicipalReport.id).desc())
        ).first()
        restored = None
        if earlier is not None and not row.superseded:
            earlier.superseded, earlier.replaced_by_id = False, None
            session.add(earlier)
            restored = to_report(earlier)
        session.delete(row)
        session.commit()
    return restored
