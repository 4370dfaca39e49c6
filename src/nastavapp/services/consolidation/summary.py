"""The municipal summary of one academic year: rows, totals, municipal shares, targets, gaps.

Municipal shares are computed from the summed numerators and denominators of the schools
(«Σ наставляемых / Σ обучающихся»), never as an average of the schools' shares: a school of
40 pupils must not weigh as much as one of 900. Average satisfaction scores are weighted by the
number of respondents for the same reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ...models import ExpectedSchool
from ...store import Store
from ...store.text import ru_sort_key
from .centre import CentreProfile, get_centre
from .expected import list_expected, matches, missing_schools
from .figures import (
    COUNTS,
    INDICATORS,
    SATISFACTION_AVERAGES,
    TARGETED,
    IndicatorSpec,
    Ratio,
    count_text,
    decimal,
    is_summed,
)
from .figures import change as change_text
from .report import SchoolReport
from .store_reports import current_reports, previous_year


def below_target(ratio: Ratio, spec: IndicatorSpec) -> bool:
    """Under the indicator's target (a school with nobody to count is not flagged)."""
    value = ratio.percent
    return spec.target is not None and value is not None and value < spec.target


@dataclass(frozen=True)
class SchoolRow:
    """One school's line of the summary (and its previous year's ratios when it reported)."""

    report: SchoolReport
    previous: dict[str, Ratio] | None = None

    @property
    def name(self) -> str:
        return self.report.name

    def count(self, key: str) -> int:
        return self.report.count(key)

    def ratio(self, key: str) -> Ratio:
        return self.report.ratio(key)

    def share(self, key: str) -> float | None:
        return self.ratio(key).percent

    def below(self) -> list[IndicatorSpec]:
        return [spec for spec in TARGETED if below_target(self.ratio(spec.key), spec)]

    def is_below(self, key: str) -> bool:
        return any(spec.key == key for spec in self.below())

    def change(self, key: str) -> float | None:
        """Percentage points since the previous year (None without a previous report)."""
        if self.previous is None or key not in self.previous:
            return None
        now, before = self.share(key), self.previous[key].percent
        return None if now is None or before is None else round(now - before, 1)


@dataclass(frozen=True)
class Totals:
    """The municipality's sums: counts, ratios (numerators and denominators) and satisfaction."""

    schools: int
    counts: dict[str, int]
    ratios: dict[str, Ratio]
    satisfaction: dict[str, float | None]  # weighted average score 1–10 by indicator key

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)

    def ratio(self, key: str) -> Ratio:
        return self.ratios.get(key, Ratio(0, 0))

    def share(self, key: str) -> float | None:
        return self.ratio(key).percent


def totals_of(reports: Sequence[SchoolReport]) -> Totals:
    counts: dict[str, int] = {}
    for report in reports:
        for key, value in report.figures.items():
            if is_summed(key) and isinstance(value, int | float):
                counts[key] = counts.get(key, 0) + int(value)
    ratios = {
        spec.key: sum((r.ratio(spec.key) for r in reports), Ratio(0, 0)) for spec in INDICATORS
    }
    satisfaction: dict[str, float | None] = {}
    for key, average_key in SATISFACTION_AVERAGES.items():
        weighted = [
            (average, r.ratio(key).denominator)
            for r in reports
            if (average := r.number(average_key)) is not None and r.ratio(key).denominator > 0
        ]
        people = sum(weight for _, weight in weighted)
        satisfaction[key] = round(sum(a * w for a, w in weighted) / people, 1) if people else None
    return Totals(len(reports), counts, ratios, satisfaction)


@dataclass(frozen=True)
class ComparisonRow:
    """One line of «Сравнение с прошлым годом»: a share (%) or a count."""

    label: str
    previous: float | None
    current: float | None
    is_share: bool

    @property
    def change(self) -> float | None:
        if self.previous is None or self.current is None:
            return None
        return round(self.current - self.previous, 1)

    def texts(self) -> tuple[str, list[str]]:
        """The printed line: the label («…, %» for a share), last year, this year, the change."""
        if self.is_share:
            values = [decimal(self.previous), decimal(self.current), change_text(self.change)]
            return f"{self.label}, %", values
        return self.label, [
            count_text(None if self.previous is None else int(self.previous)),
            count_text(None if self.current is None else int(self.current)),
            change_text(self.change).removesuffix(",0"),
        ]


@dataclass(frozen=True)
class Summary:
    year: str
    centre: CentreProfile
    made_on: date
    rows: list[SchoolRow]
    totals: Totals
    expected: int = 0  # schools in the coordinator's list
    missing: list[ExpectedSchool] = field(default_factory=list)
    unlisted: int = 0  # schools that reported but are not in the list
    previous_year: str = ""
    previous: Totals | None = None  # None: no reports of the previous year

    @property
    def awaited(self) -> int:
        """The schools a sentence «получены от 4 из 5 школ» counts: those of the list and those
        that reported without being in it (never fewer than the reports)."""
        return self.expected + self.unlisted if self.expected else 0

    def below(self, spec: IndicatorSpec) -> list[SchoolRow]:
        return [row for row in self.rows if below_target(row.ratio(spec.key), spec)]

    @property
    def reference_dates(self) -> tuple[date | None, date | None]:
        days = sorted(d for r in self.rows if (d := r.report.reference_date) is not None)
        return (days[0], days[-1]) if days else (None, None)

    def comparison(self) -> list[ComparisonRow]:
        """This year against the previous one (empty without the previous year's reports)."""
        before = self.previous
        if before is None:
            return []
        rows = [ComparisonRow("Школ, приславших отчёт", before.schools, self.totals.schools, False)]
        rows += [
            ComparisonRow(spec.label, before.share(spec.key), self.totals.share(spec.key), True)
            for spec in INDICATORS
        ]
        rows += [
            ComparisonRow(
                f"{spec.label}, всего", before.count(spec.key), self.totals.count(spec.key), False
            )
            for spec in COUNTS
            if spec.key in ("mentors", "mentees", "groups")
        ]
        return rows


def build_summary(
    reports: Iterable[SchoolReport],
    year: str,
    *,
    centre: CentreProfile | None = None,
    expected: Iterable[ExpectedSchool] = (),
    previous_reports: Iterable[SchoolReport] = (),
    made_on: date | None = None,
) -> Summary:
    """The summary of ``year`` from the current reports (one per school).

    Args:
        reports: reports of any years; those of ``year`` make the summary.
        previous_reports: reports of the year before, for the comparison.
        expected: the coordinator's list of schools, to find who has not reported.
    """
    this_year = [r for r in reports if r.year == year]
    before_year = previous_year(year)
    before = [r for r in previous_reports if r.year == before_year]
    earlier = {r.key: r.ratios() for r in before}
    rows = sorted(
        (SchoolRow(r, earlier.get(r.key)) for r in this_year),
        key=lambda row: ru_sort_key(row.name),
    )
    expected_list = list(expected)
    return Summary(
        year=year,
        centre=_with_municipality(centre or CentreProfile(), this_year),
        made_on=made_on or date.today(),
        rows=rows,
        totals=totals_of(this_year),
        expected=len(expected_list),
        missing=missing_schools(expected_list, this_year),
        unlisted=sum(not any(matches(s, r) for s in expected_list) for r in this_year),
        previous_year=before_year,
        previous=totals_of(before) if before else None,
    )


def _with_municipality(centre: CentreProfile, reports: Sequence[SchoolReport]) -> CentreProfile:
    """A centre without a profile (the command line) takes the schools' own municipality."""
    if centre.municipality:
        return centre
    named = Counter(r.municipality for r in reports if r.municipality)
    return replace(centre, municipality=named.most_common(1)[0][0]) if named else centre


def summary_from_store(store: Store, year: str, made_on: date | None = None) -> Summary:
    """The summary of ``year`` from the municipal data file (current reports only)."""
    return build_summary(
        current_reports(store, year),
        year,
        centre=get_centre(store),
        expected=list_expected(store),
        previous_reports=current_reports(store, previous_year(year)),
        made_on=made_on,
    )


def latest_per_school(
    reports: Iterable[SchoolReport],
) -> tuple[list[SchoolReport], list[tuple[SchoolReport, SchoolReport]]]:
    """Without a data file (the command line): one report per school and year, the latest
    written; returns those and the (older, newer) pairs left out."""
    kept: dict[tuple[str, str], SchoolReport] = {}
    outdated: list[tuple[SchoolReport, SchoolReport]] = []
    for report in reports:
        slot = (report.key, report.year)
        other = kept.get(slot)
        if other is None:
            kept[slot] = report
            continue
        older, newer = sorted((other, report), key=lambda r: r.generated_at or datetime.min)
        kept[slot] = newer
        if not older.same_content(newer):
            outdated.append((older, newer))
    return list(kept.values()), outdated
