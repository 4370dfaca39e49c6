"""The indicators (показатели) of the target model for a year, at a reference date.

Denominators are the school's whole contingent (all pupils of those ages, all teachers), not
only the people in the bases. «Involved» means being a mentor or a mentee of a pair or group of
the year that is not disbanded. Ages are counted at the reference date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from ..models import (
    Answer,
    GroupMember,
    Meeting,
    MentoringGroup,
    Person,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from ..models.vocab import (
    MENTEE_AGE_BAND,
    MENTOR_AGE_BAND,
    YOUNG_SPECIALIST_MAX_EXPERIENCE,
    GroupStatus,
    PersonCategory,
    QuestionnairePhase,
    QuestionType,
    Role,
)
from ..store import Store

DEFAULT_SATISFIED_THRESHOLD = 7.0
TARGET_SHARE = 70.0  # federal target: not less than 70 % of pupils and of teachers
# The one place that says which ratios the 70 % target applies to (DOMAIN.md: pupils and
# teachers involved); the report, the dashboard and the municipal summary all ask here.
TARGETED_RATIOS = frozenset({"students_involved", "teachers_involved"})


def target_of(ratio_key: str) -> float | None:
    """The target share of a ratio («students_involved» → 70.0), None when it has none."""
    return TARGET_SHARE if ratio_key in TARGETED_RATIOS else None


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def share(numerator: int, denominator: int) -> float | None:
    """Percent to one decimal, a half rounded up as a school rounds (1031 of 2000 = 51,55 →
    51,6; binary floats would give 51,5); None (shown as «—») when there is nobody to count."""
    if denominator == 0:
        return None
    tenths = (2000 * numerator + denominator) // (2 * denominator)  # exact, in integers
    return tenths / 10


def tenth(value: float) -> float:
    """A mean to one decimal, a half rounded up (8,85 → 8,9), as :func:`share` does.

    Means of 1–10 answers are fractions with small denominators: a sum that should end in 5
    may come out of floats a hair below it, so the value is first cut to nine decimals.
    """
    exact = Decimal(f"{value:.9f}")
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Ratio:
    numerator: frozenset[int]
    denominator: frozenset[int]

    @property
    def percent(self) -> float | None:
        return share(len(self.numerator), len(self.denominator))


@dataclass(frozen=True)
class Satisfaction:
    average: float | None
    satisfied_share: float | None
    respondents: int
    phase: QuestionnairePhase | None  # the final questionnaires when there are any
    satisfied: int = 0  # respondents whose mean reached the threshold


@dataclass(frozen=True)
class Indicators:
    reference_date: date
    mentees_10_19: Ratio
    mentors_15_19: Ratio
    students_involved: Ratio
    teachers_involved: Ratio
    young_specialists_with_mentor: Ratio
    satisfaction_mentees: Satisfaction
    satisfaction_mentors: Satisfaction
    groups_by_form: dict[str, int] = field(default_factory=dict)
    completed_groups: int = 0
    partner_organizations: tuple[str, ...] = ()
    meetings: int = 0

    def counts_json(self) -> dict[str, dict[str, int]]:
        """Numerators and denominators, so that a municipality sums counts, not shares."""
        ratios = {
            "mentees_10_19": self.mentees_10_19,
            "mentors_15_19": self.mentors_15_19,
            "students_involved": self.students_involved,
            "teachers_involved": self.teachers_involved,
            "young_specialists_with_mentor": self.young_specialists_with_mentor,
        }
        counts = {
            key: {"numerator": len(r.numerator), "denominator": len(r.denominator)}
            for key, r in ratios.items()
        }
        for key, found in (
            ("satisfaction_mentees", self.satisfaction_mentees),
            ("satisfaction_mentors", self.satisfaction_mentors),
        ):
            counts[key] = {"numerator": found.satisfied, "denominator": found.respondents}
        return counts

    def as_json(self) -> dict[str, float | None]:
        return {
            "share_mentees_10_19": self.mentees_10_19.percent,
            "share_mentors_15_19": self.mentors_15_19.percent,
            "share_students_involved": self.students_involved.percent,
            "share_teachers_involved": self.teachers_involved.percent,
            "share_young_specialists_with_mentor": self.young_specialists_with_mentor.percent,
            "satisfaction_mentees": self.satisfaction_mentees.average,
            "satisfaction_mentors": self.satisfaction_mentors.average,
        }


def _live_groups(session: Session, year_id: int) -> list[MentoringGroup]:
    return list(
        session.exec(
            select(MentoringGroup).where(
                MentoringGroup.year_id == year_id,
                col(MentoringGroup.status) != GroupStatus.DISBANDED,
            )
        ).all()
    )


def _satisfaction(session: Session, year_id: int, role: Role, threshold: float) -> Satisfaction:
    rows = session.exec(
        select(QuestionnaireResponse.id, QuestionnaireTemplate.phase, Answer.value_int)
        .join(
            QuestionnaireTemplate,
            col(QuestionnaireTemplate.id) == col(QuestionnaireResponse.template_id),
        )
        .join(Answer, col(Answer.response_id) == col(QuestionnaireResponse.id))
        .join(QuestionItem, col(QuestionItem.id) == col(Answer.item_id))
        .where(
            QuestionnaireTemplate.year_id == year_id,
            QuestionnaireResponse.role == role,
            QuestionItem.type == QuestionType.SCALE,
            col(Answer.value_int).is_not(None),
        )
    ).all()
    phases = {phase for _, phase, _ in rows}
    phase = (
        QuestionnairePhase.FINAL
        if QuestionnairePhase.FINAL in phases
        else (QuestionnairePhase.ENTRY if phases else None)
    )
    per_response: dict[int, list[int]] = {}
    for response_id, row_phase, value in rows:
        if row_phase == phase and response_id is not None and value is not None:
            per_response.setdefault(response_id, []).append(value)
    means = [sum(v) / len(v) for v in per_response.values()]
    if not means:
        return Satisfaction(None, None, 0, phase)
    satisfied = sum(m >= threshold for m in means)
    return Satisfaction(
        tenth(sum(means) / len(means)),
        share(satisfied, len(means)),
        len(means),
        phase,
        satisfied,
    )


def compute_indicators(
    store: Store,
    year_id: int,
    reference_date: date,
    satisfied_threshold: float = DEFAULT_SATISFIED_THRESHOLD,
) -> Indicators:
    with store.session() as session:
        people = session.exec(select(Person).where(col(Person.archived).is_(False))).all()
        groups = _live_groups(session, year_id)
        members = session.exec(
            select(GroupMember).where(col(GroupMember.group_id).in_([g.id for g in groups]))
        ).all()
        mentees = {m.person_id for m in members}
        mentors = {g.mentor_id for g in groups}
        # every meeting held this year counts, also in a pair disbanded later (as in stats)
        meetings = len(
            session.exec(
                select(Meeting.id)
                .join(MentoringGroup, col(MentoringGroup.id) == col(Meeting.group_id))
                .where(MentoringGroup.year_id == year_id)
            ).all()
        )
        satisfaction = {
            role: _satisfaction(session, year_id, role, satisfied_threshold)
            for role in (Role.MENTEE, Role.MENTOR)
        }
    pupils = [p for p in people if p.category is PersonCategory.STUDENT]
    teachers = [p for p in people if p.category is PersonCategory.TEACHER]

    def aged(low: int, high: int) -> frozenset[int]:
        return frozenset(
            p.id
            for p in pupils
            if p.id is not None
            and p.birth_date is not None
            and low <= age_on(p.birth_date, reference_date) <= high
        )

    band_10_19, band_15_19 = aged(*MENTEE_AGE_BAND), aged(*MENTOR_AGE_BAND)
    pupil_ids = frozenset(p.id for p in pupils if p.id is not None)
    teacher_ids = frozenset(p.id for p in teachers if p.id is not None)
    young = frozenset(
        p.id
        for p in teachers
        if p.id is not None
        and p.experience_years is not None
        and p.experience_years <= YOUNG_SPECIALIST_MAX_EXPERIENCE
    )
    involved = mentees | mentors
    by_id = {p.id: p for p in people}
    partners = sorted(
        {
            by_id[m].organization
            for m in mentors
            if m in by_id and by_id[m].category is PersonCategory.EXTERNAL and by_id[m].organization
        }
    )
    return Indicators(
        reference_date=reference_date,
        mentees_10_19=Ratio(band_10_19 & mentees, band_10_19),
        mentors_15_19=Ratio(band_15_19 & mentors, band_15_19),
        students_involved=Ratio(pupil_ids & involved, pupil_ids),
        teachers_involved=Ratio(teacher_ids & involved, teacher_ids),
        young_specialists_with_mentor=Ratio(young & mentees, young),
        satisfaction_mentees=satisfaction[Role.MENTEE],
        satisfaction_mentors=satisfaction[Role.MENTOR],
        groups_by_form=dict(Counter(g.form.value for g in groups)),
        completed_groups=sum(g.status is GroupStatus.COMPLETED for g in groups),
        partner_organizations=tuple(partners),
        meetings=meetings,
    )
