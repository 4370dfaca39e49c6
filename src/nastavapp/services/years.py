"""Academic years (учебный год, 1 September – 31 August) and the current one."""

from __future__ import annotations

import re
from datetime import date

from sqlmodel import Session, col, select

from ..models import AcademicYear
from ..models.vocab import MentoringForm
from ..store import Store

_TITLE = re.compile(r"^\s*(\d{4})\s*[/\-–—]\s*(\d{4}|\d{2})\s*$")


class YearError(ValueError):
    """An academic year that cannot be; ``str()`` is the Russian message."""


def parse_year_title(title: str) -> tuple[str, date, date]:
    """«2025/2026» (or «2025-2026», «2025/26») → ('2025/2026', 01.09.2025, 31.08.2026)."""
    match = _TITLE.match(title or "")
    if not match:
        raise YearError(f"Учебный год «{title}» записан неверно: нужно, например, «2025/2026».")
    first, second = int(match.group(1)), int(match.group(2))
    if len(match.group(2)) == 2:  # «2025/26»: the century of the first year
        second += first - first % 100 + (100 if second < first % 100 else 0)
    if second != first + 1:
        raise YearError(f"Учебный год «{title}»: второй год должен следовать за первым.")
    if not 2000 <= first <= 2100:
        raise YearError(f"Учебный год «{title}» вне допустимого диапазона (2000–2100).")
    return f"{first}/{second}", date(first, 9, 1), date(second, 8, 31)


def year_title_for(day: date) -> str:
    """The academic year containing ``day``: 15.10.2025 → «2025/2026», 15.05.2026 → same."""
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}/{first + 1}"


def list_years(store: Store) -> list[AcademicYear]:
    with store.session() as session:
        return list(session.exec(select(AcademicYear).order_by(col(AcademicYear.start_date))).all())


def current_year(store: Store) -> AcademicYear | None:
    """The year marked current, else the latest one, else None."""
    years = list_years(store)
    for year in years:
        if year.is_current:
            return year
    return years[-1] if years else None


def year_or_current(store: Store, year_id: int | None) -> AcademicYear | None:
    """The year ``year_id`` (None: the current one); None when there is no such year."""
    if year_id is None:
        return current_year(store)
    with store.session() as session:
        year = session.get(AcademicYear, year_id)
    return year if year is not None and year.id is not None else None


def _make_current(session: Session, year_id: int | None) -> None:
    for year in session.exec(select(AcademicYear)).all():
        year.is_current = year.id == year_id
        session.add(year)


def set_current_year(store: Store, year_id: int) -> AcademicYear:
    with store.session() as session:
        chosen = session.get(AcademicYear, year_id)
        if chosen is None:
            raise YearError("Такого учебного года нет в базе.")
        _make_current(session, year_id)
        session.commit()
        session.refresh(chosen)
        return chosen


def add_year(
    session: Session, title: str, forms: list[MentoringForm], *, make_current: bool = True
) -> AcademicYear:
    """Add an academic year and its roadmap to ``session``, not committed (the caller's
    transaction: a new year and its carry-over are saved together or not at all)."""
    from .roadmap import create_year_roadmap

    normal, start, end = parse_year_title(title)
    if not forms:
        raise YearError("Выберите хотя бы одну форму наставничества.")
    if session.exec(select(AcademicYear).where(AcademicYear.title == normal)).first():
        raise YearError(f"Учебный год {normal} уже есть в базе.")
    year = AcademicYear(
        title=normal, start_date=start, end_date=end, forms=[f.value for f in forms]
    )
    session.add(year)
    session.flush()
    create_year_roadmap(session, year)
    if make_current:
        _make_current(session, year.id)
    return year


def create_year(
    store: Store, title: str, forms: list[MentoringForm], *, make_current: bool = True
) -> AcademicYear:
    """Add an academic year with the forms the school uses in it (and its roadmap)."""
    with store.session() as session:
        year = add_year(session, title, forms, make_current=make_current)
        session.commit()
        session.refresh(year)
    return year
