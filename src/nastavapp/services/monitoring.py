"""Monitoring of the programme (seed 002 §8) in two parts, per form of mentoring:

- the quality of the process: the average per item, per form and overall, and the share of
  satisfied respondents (a respondent's average over the 1–10 items ≥ the threshold);
- the growth of the participants: entry vs final, per item and per form, and how many of
  those who answered both times improved their average.

Anonymous answers count in averages and shares; the change per person needs a name. A response
without a form counts in «форма не указана» (key ``None``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlmodel import col, select

from ..models import Answer, QuestionItem, QuestionnaireResponse, QuestionnaireTemplate
from ..models.vocab import Audience, MentoringForm, QuestionnairePhase, QuestionType
from ..store import Store
from .indicators import DEFAULT_SATISFIED_THRESHOLD, share, tenth
from .questionnaires import ItemChange, growth

FormKey = MentoringForm | None


def mean(values: Iterable[float]) -> float | None:
    found = list(values)
    return tenth(sum(found) / len(found)) if found else None


def form_order(forms: Iterable[FormKey]) -> list[FormKey]:
    """Forms in the vocabulary's order, «форма не указана» last."""
    order = {form: i for i, form in enumerate(MentoringForm)}
    return sorted(set(forms), key=lambda f: order.get(f, len(order)) if f else len(order))


@dataclass(frozen=True)
class ScoreSummary:
    """Respondents' averages: their mean, and how many reached the threshold."""

    average: float | None
    satisfied: int
    respondents: int

    @property
    def satisfied_share(self) -> float | None:
        return share(self.satisfied, self.respondents)

    @classmethod
    def of(cls, means: list[float], threshold: float) -> ScoreSummary:
        return cls(mean(means), sum(m >= threshold for m in means), len(means))


EMPTY = ScoreSummary(None, 0, 0)


@dataclass(frozen=True)
class ItemScores:
    item_id: int
    code: str
    text: str
    kind: QuestionType
    average: float | None  # scale: mean score; yes/no: share of «да», %
    answers: int
    by_form: dict[FormKey, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Quality:
    """One questionnaire (audience and phase) of the year."""

    audience: Audience
    phase: QuestionnairePhase
    title: str
    items: list[ItemScores]  # scale and yes/no items, in the questionnaire's order
    overall: ScoreSummary
    by_form: dict[FormKey, ScoreSummary]

    @property
    def forms(self) -> list[FormKey]:
        return form_order(self.by_form)


@dataclass(frozen=True)
class _Response:
    id: int
    person_id: int | None
    form: FormKey
    scores: dict[int, int]  # item id → value (scale 1–10, yes/no 1/0)


def _responses(
    store: Store, year_id: int, audience: Audience, phase: QuestionnairePhase
) -> tuple[QuestionnaireTemplate | None, list[QuestionItem], list[_Response]]:
    with store.session() as session:
        template = session.exec(
            select(QuestionnaireTemplate)
            .where(
                QuestionnaireTemplate.year_id == year_id,
                QuestionnaireTemplate.audience == audience,
                QuestionnaireTemplate.phase == phase,
            )
            .order_by(col(QuestionnaireTemplate.id))
        ).first()
        if template is None:
            return None, [], []
        items = list(
            session.exec(
                select(QuestionItem)
                .where(QuestionItem.template_id == template.id)
                .order_by(col(QuestionItem.position), col(QuestionItem.id))
            ).all()
        )
        responses = session.exec(
            select(
                QuestionnaireResponse.id,
                QuestionnaireResponse.person_id,
                QuestionnaireResponse.form,
            ).where(QuestionnaireResponse.template_id == template.id)
        ).all()
        answers = session.exec(  # plain tuples: thousands of answers in a large school
            select(Answer.response_id, Answer.item_id, Answer.value_int)
            .join(QuestionnaireResponse, col(QuestionnaireResponse.id) == col(Answer.response_id))
            .where(
                QuestionnaireResponse.template_id == template.id,
                col(Answer.value_int).is_not(None),
            )
        ).all()
    scores: dict[int, dict[int, int]] = {r_id or 0: {} for r_id, _p, _f in responses}
    for response_id, item_id, value in answers:
        if value is not None:
            scores[response_id][item_id] = value
    found = [
        _Response(r_id or 0, person, form, scores[r_id or 0]) for r_id, person, form in responses
    ]
    return template, items, found


def _respondent_mean(response: _Response, scale: set[int]) -> float | None:
    values = [v for item, v in response.scores.items() if item in scale]
    return sum(values) / len(values) if values else None


def quality(
    store: Store,
    year_id: int,
    audience: Audience,
    phase: QuestionnairePhase,
    threshold: float = DEFAULT_SATISFIED_THRESHOLD,
) -> Quality:
    """Averages of one questionnaire per item and per form, and the share of satisfied."""
    template, items, responses = _responses(store, year_id, audience, phase)
    title = template.title if template else f"{phase.label.capitalize()} анкета ({audience.label})"
    scale = {i.id or 0 for i in items if i.type is QuestionType.SCALE}
    means: dict[FormKey, list[float]] = {}
    for r in responses:
        m = _respondent_mean(r, scale)
        if m is not None:
            means.setdefault(r.form, []).append(m)
    rows = []
    for item in items:
        if item.type is QuestionType.OPEN:
            continue
        per_form: dict[FormKey, list[int]] = {}
        for r in responses:
            if (item.id or 0) in r.scores:
                per_form.setdefault(r.form, []).append(r.scores[item.id or 0])
        every = [v for vs in per_form.values() for v in vs]
        rows.append(
            ItemScores(
                item.id or 0,
                item.code,
                item.text,
                item.type,
                _item_value(item.type, every),
                len(every),
                {form: _item_value(item.type, vs) for form, vs in per_form.items()},
            )
        )
    return Quality(
        audience,
        phase,
        title,
        rows,
        ScoreSummary.of([m for ms in means.values() for m in ms], threshold),
        {form: ScoreSummary.of(ms, threshold) for form, ms in means.items()},
    )


def _item_value(kind: QuestionType, values: list[int]) -> float | None:
    if kind is QuestionType.YES_NO:
        return share(sum(values), len(values))
    return mean(values)


# --- growth ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class FormGrowth:
    form: FormKey
    entry: ScoreSummary
    final: ScoreSummary
    paired: int  # named respondents who answered both questionnaires
    improved: int  # of them, those whose average rose

    @property
    def change(self) -> float | None:
        if self.entry.average is None or self.final.average is None:
            return None
        return round(self.final.average - self.entry.average, 1)


@dataclass(frozen=True)
class Growth:
    audience: Audience
    items: list[ItemChange]
    overall: FormGrowth
    by_form: list[FormGrowth]


def _growth_of(
    form: FormKey,
    entry: list[tuple[int | None, float]],
    final: list[tuple[int | None, float]],
    threshold: float,
) -> FormGrowth:
    before = {p: m for p, m in entry if p is not None}
    after = {p: m for p, m in final if p is not None}
    both = set(before) & set(after)
    return FormGrowth(
        form,
        ScoreSummary.of([m for _, m in entry], threshold),
        ScoreSummary.of([m for _, m in final], threshold),
        len(both),
        sum(after[p] > before[p] for p in both),
    )


def participant_growth(
    store: Store,
    year_id: int,
    audience: Audience,
    threshold: float = DEFAULT_SATISFIED_THRESHOLD,
) -> Growth:
    """Entry vs final: per item (``questionnaires.growth``), overall and per form."""
    by_phase: dict[QuestionnairePhase, dict[FormKey, list[tuple[int | None, float]]]] = {}
    wording: dict[QuestionnairePhase, list[QuestionItem]] = {}
    for phase in QuestionnairePhase:
        _template, items, responses = _responses(store, year_id, audience, phase)
        wording[phase] = items
        scale = {i.id or 0 for i in items if i.type is QuestionType.SCALE}
        found = by_phase.setdefault(phase, {})
        for r in responses:
            m = _respondent_mean(r, scale)
            if m is not None:
                found.setdefault(r.form, []).append((r.person_id, m))
    entry, final = by_phase[QuestionnairePhase.ENTRY], by_phase[QuestionnairePhase.FINAL]
    everyone = [
        _growth_of(f, entry.get(f, []), final.get(f, []), threshold)
        for f in form_order([*entry, *final])
    ]
    overall = _growth_of(
        None,
        [x for xs in entry.values() for x in xs],
        [x for xs in final.values() for x in xs],
        threshold,
    )
    return Growth(audience, _worded(growth(store, year_id, audience), wording), overall, everyone)


def _worded(
    changes: list[ItemChange], wording: dict[QuestionnairePhase, list[QuestionItem]]
) -> list[ItemChange]:
    """Items in the questionnaire's order, each with its wording (the final one, else the
    entry one: a year whose final questionnaire is not made yet still reads in words)."""
    order: dict[str, int] = {}
    texts: dict[str, str] = {}
    for phase in (QuestionnairePhase.ENTRY, QuestionnairePhase.FINAL):
        for item in wording.get(phase, []):
            order.setdefault(item.code, len(order))
            texts[item.code] = item.text
    worded = [replace(c, text=texts.get(c.code, c.text)) for c in changes]
    return sorted(worded, key=lambda c: order.get(c.code, len(order)))


def satisfaction_by_phase(
    store: Store, year_id: int, threshold: float = DEFAULT_SATISFIED_THRESHOLD
) -> dict[tuple[Audience, QuestionnairePhase], ScoreSummary]:
    """Mean satisfaction of mentees and mentors in the entry and the final questionnaires."""
    return {
        (audience, phase): quality(store, year_id, audience, phase, threshold).overall
        for audience in Audience
        for phase in QuestionnairePhase
    }
