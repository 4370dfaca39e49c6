"""Figures about a data file, as ``nastavapp stats --json`` prints them."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select

from ..models import AcademicYear, Person
from ..models.vocab import (
    MENTEE_AGE_BAND,
    MENTOR_AGE_BAND,
    YOUNG_SPECIALIST_MAX_EXPERIENCE,
    MentoringForm,
    PersonCategory,
)
from ..store import Store
from .consents import without_consent
from .counts import basic_counts
from .indicators import compute_indicators
from .pair_stats import pair_figures
from .person_fields import age_on
from .progress import roadmap_summary
from .school import get_school
from .settings import satisfied_threshold
from .years import current_year, list_years

EMPTY_INDICATORS = (
    "share_mentees_10_19",
    "share_mentors_15_19",
    "share_students_involved",
    "share_teachers_involved",
    "share_young_specialists_with_mentor",
    "satisfaction_mentees",
    "satisfaction_mentors",
)


def collect_stats(
    store: Store, year_title: str | None = None, today: date | None = None
) -> dict[str, Any]:
    """Counts for the given academic year (default: the current one), as of ``today`` (the
    reference date at which ages are counted).

    Raises:
        LookupError: with a Russian message when the year is not in the file.
    """
    school = get_school(store)
    if year_title is None:
        year = current_year(store)
    else:
        year = next((y for y in list_years(store) if y.title == year_title), None)
        if year is None:
            raise LookupError(f"Учебного года {year_title} нет в базе.")
    basic = basic_counts(store, year)
    with store.session() as session:
        contingent = session.exec(
            select(
                col(Person.id),
                col(Person.category),
                col(Person.birth_date),
                col(Person.experience_years),
            ).where(sa.not_(col(Person.archived)))
        ).all()
    day = today or date.today()
    ages = [
        age_on(born, day)
        for _pid, category, born, _exp in contingent
        if category is PersonCategory.STUDENT and born is not None
    ]
    missing = without_consent(store)
    return {
        "school": school.full_name if school else "",
        "year": year.title if year else "",
        **basic,
        "students_10_19": sum(MENTEE_AGE_BAND[0] <= a <= MENTEE_AGE_BAND[1] for a in ages),
        "students_15_19": sum(MENTOR_AGE_BAND[0] <= a <= MENTOR_AGE_BAND[1] for a in ages),
        "young_specialists": sum(
            category is PersonCategory.TEACHER
            and exp is not None
            and exp <= YOUNG_SPECIALIST_MAX_EXPERIENCE
            for _pid, category, _born, exp in contingent
        ),
        "without_consent": sum(pid in missing for pid, _cat, _born, _exp in contingent),
        "roadmap": (
            roadmap_summary(store, year.id, day).as_dict()
            if year is not None and year.id is not None
            else {"events": 0, "done": 0, "overdue": 0, "current_stage": 1}
        ),
        **_year_figures(store, year, day),
        "reference_date": day.isoformat(),
        "schema_version": store.schema_version(),
    }


def _year_figures(store: Store, year: AcademicYear | None, day: date) -> dict[str, Any]:
    """Pairs by form, unpaired mentees, meetings and the indicators of the year."""
    if year is None or year.id is None:
        return {
            "groups_by_form": {form.value: 0 for form in MentoringForm},
            "unpaired_mentees": 0,
            "meetings": 0,
            "indicators": dict.fromkeys(EMPTY_INDICATORS),
            "indicator_counts": {},
        }
    found = compute_indicators(store, year.id, day, satisfied_threshold(store))
    return {
        **pair_figures(store, year.id),
        "indicators": found.as_json(),
        "indicator_counts": found.counts_json(),
    }
