"""What «Сохранить выбранные пары» and «Пара или группа вручную» do: build the drafts, store
them with the mentor's places confirmed, and tell the tab which mentees are paired now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...services.pairs import (
    PairDraft,
    confirm_groups,
    create_group,
    drafts_from_proposals,
    mentor_loads,
    unpaired_mentees,
)
from ..dialog_slot import replace_dialog
from .manual_pair import ManualPairDialog
from .widgets import store_with_capacity

if TYPE_CHECKING:
    from .matching_tab import MatchingTab


def saved_text(drafts: list[PairDraft]) -> str:
    """«Сохранено пар: 2, групп: 1 (статус «формируется»). …»"""
    pairs = sum(1 for d in drafts if len(d.mentee_ids) == 1)
    groups = len(drafts) - pairs
    parts = [f"пар: {pairs}"] if pairs else []
    parts += [f"групп: {groups}"] if groups else []
    return (
        f"Сохранено {', '.join(parts)} (статус «формируется»). Утвердите их приказом на "
        "вкладке «Пары и группы»."
    )


class MatchingCommands:
    def __init__(self, tab: MatchingTab) -> None:
        self.tab = tab
        self.store, self.today = tab.store, tab.today

    def _year_id(self) -> int | None:
        year = self.tab.year
        return year.id if year is not None else None

    def save(self) -> None:
        """Store the accepted proposals in one transaction (a group per mentor if asked)."""
        tab, year_id, form = self.tab, self._year_id(), self.tab.form()
        rows = tab.model.accepted()
        if not rows or form is None or year_id is None:
            return
        drafts = drafts_from_proposals(
            form, [r.proposal() for r in rows], group_by_mentor=tab.group_box.isChecked()
        )
        stored = store_with_capacity(
            tab,
            lambda allow: confirm_groups(
                self.store, year_id, drafts, today=self.today, allow_over_capacity=allow
            ),
        )
        if stored:
            tab.paired([m for d in drafts for m in d.mentee_ids], saved_text(drafts))

    def pair_by_hand(self) -> None:
        """The dialog starts from the proposal chosen in the table."""
        tab, year_id, form = self.tab, self._year_id(), self.tab.form()
        if form is None or year_id is None:
            return

        def save(draft: PairDraft) -> bool:
            stored = store_with_capacity(
                dialog,
                lambda allow: create_group(
                    self.store, year_id, draft, today=self.today, allow_over_capacity=allow
                ),
            )
            if not stored:
                return False
            tab.paired(list(draft.mentee_ids), saved_text([draft]))
            return True

        loads = mentor_loads(self.store, year_id, form)
        mentees = unpaired_mentees(self.store, year_id, form)
        dialog = ManualPairDialog(form, loads, mentees, save, tab)
        row = tab.panel.current()
        if row is not None:
            dialog.set_mentees([row.mentee.person_id])
            if row.mentor is not None:
                dialog.choose_mentor(row.mentor.person_id)
        tab.dialog = replace_dialog(tab.dialog, dialog)
        dialog.open()
