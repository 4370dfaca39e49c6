"""The activity of pairs and groups for monitoring: meetings held and plan items done, per pair
and per form (live pairs and groups only: the disbanded ones do not count, as in indicators)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models.vocab import GroupStatus, MentoringForm
from ..store import Store
from .meetings import meeting_summaries
from .pair_views import list_groups
from .plans import Progress, year_progress

LIVE = [s for s in GroupStatus if s is not GroupStatus.DISBANDED]


@dataclass(frozen=True)
class PairActivity:
    group_id: int
    title: str  # «Иванова М. П. — Петров П. П.»
    form: MentoringForm
    status: GroupStatus
    meetings: int
    last_meeting: date | None
    stale: bool  # working, and no meeting for more than 30 days
    plan: Progress


@dataclass(frozen=True)
class FormActivity:
    form: MentoringForm | None  # None: every form together
    groups: int
    meetings: int
    plan: Progress
    stale: int

    @property
    def meetings_per_group(self) -> float | None:
        return round(self.meetings / self.groups, 1) if self.groups else None


def pair_activity(store: Store, year_id: int, today: date) -> list[PairActivity]:
    """Every live pair/group of the year, by form and the mentor's name."""
    summaries = meeting_summaries(store, year_id, today)
    plans = year_progress(store, year_id)
    found = []
    for card in list_groups(store, year_id, statuses=LIVE):
        summary = summaries.get(card.id)
        found.append(
            PairActivity(
                card.id,
                card.title,
                card.form,
                card.status,
                summary.held if summary else 0,
                summary.last_date if summary else None,
                bool(summary and summary.stale),
                plans.get(card.id, Progress()),
            )
        )
    return found


def activity_by_form(pairs: list[PairActivity]) -> list[FormActivity]:
    """Totals per form (in the vocabulary's order, forms with pairs only), then all together."""

    def total(form: MentoringForm | None, chosen: list[PairActivity]) -> FormActivity:
        return FormActivity(
            form,
            len(chosen),
            sum(p.meetings for p in chosen),
            sum((p.plan for p in chosen), Progress()),
            sum(p.stale for p in chosen),
        )

    rows = [total(f, [p for p in pairs if p.form is f]) for f in MentoringForm]
    return [r for r in rows if r.groups] + [total(None, pairs)]
