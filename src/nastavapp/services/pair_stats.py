"""The figures of pairs and groups that ``nastavapp stats --json`` prints for a year.

- ``groups_by_form``: pairs and groups not disbanded, per form code (every form, 0 included);
- ``unpaired_mentees``: the year's mentees (not archived) in no live pair or group («Без пары»);
- ``meetings``: meetings logged for the year's pairs and groups (disbanded ones included).
"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, func, select

from ..models import Meeting, MentoringGroup
from ..models.vocab import GroupStatus, MentoringForm
from ..store import Store
from .pair_load import unpaired_rows


def pair_figures(store: Store, year_id: int) -> dict[str, Any]:
    with store.session() as session:
        by_form = dict(
            session.exec(
                select(MentoringGroup.form, func.count())
                .where(
                    MentoringGroup.year_id == year_id,
                    col(MentoringGroup.status) != GroupStatus.DISBANDED,
                )
                .group_by(col(MentoringGroup.form))
            ).all()
        )
        meetings = session.exec(
            select(func.count())
            .select_from(Meeting)
            .join(MentoringGroup, col(MentoringGroup.id) == col(Meeting.group_id))
            .where(MentoringGroup.year_id == year_id)
        ).one()
        unpaired = len(unpaired_rows(session, year_id))
    return {
        "groups_by_form": {form.value: int(by_form.get(form, 0)) for form in MentoringForm},
        "unpaired_mentees": unpaired,
        "meetings": int(meetings),
    }
