"""Anonymous answers loaded a second time.

The curator downloads the growing export of an online form every week or so: each download
holds last week's rows again. A named respondent's second answer is refused by name; an
anonymous one is recognised by its fingerprint — the day and every answer — counted, so that
two respondents who answered alike on the same day are both kept once the file has both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from sqlmodel import col, select

from ..models import Answer, QuestionnaireResponse
from ..store import Store

Values = Mapping[int, tuple[int | None, str]]  # item id → (value_int, value_text) as stored
Fingerprint = tuple[date | None, tuple[tuple[int, int | None, str], ...]]
REPEATED = (
    "Такой же анонимный ответ (та же дата и те же ответы) уже загружен раньше — видимо, из "
    "прежней выгрузки этой же формы: строка пропущена, чтобы не посчитать его дважды."
)


def fingerprint(answered_on: date | None, values: Values) -> Fingerprint:
    """The day and the answers (empty ones left out, as they are not stored)."""
    kept = ((item, number, text) for item, (number, text) in values.items())
    return answered_on, tuple(sorted(a for a in kept if a[1] is not None or a[2]))


def stored_anonymous(store: Store, template_id: int) -> Counter[Fingerprint]:
    """How many anonymous responses of the questionnaire there are with each fingerprint."""
    with store.session() as session:
        responses = session.exec(
            select(col(QuestionnaireResponse.id), col(QuestionnaireResponse.answered_on)).where(
                QuestionnaireResponse.template_id == template_id,
                col(QuestionnaireResponse.person_id).is_(None),
            )
        ).all()
        days = {rid: day for rid, day in responses}
        answers = session.exec(
            select(
                col(Answer.response_id),
                col(Answer.item_id),
                col(Answer.value_int),
                col(Answer.value_text),
            ).where(col(Answer.response_id).in_(list(days)))
        ).all()
    values: dict[int, dict[int, tuple[int | None, str]]] = {rid: {} for rid in days}
    for rid, item, number, text in answers:
        values[rid][item] = (number, text)
    return Counter(fingerprint(days[rid], values[rid]) for rid in days)
