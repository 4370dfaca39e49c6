"""The answers grid's order and what its search reads.

A header click sorts the answers by the column: names, forms and texts in Russian collation,
scores as numbers («да» after «нет»), the empty answers and «анонимно» last both ways, equal
ones in the order of entry; the blank row for a new questionnaire stays at the bottom. The
search reads the respondent as shown, his full name and his pair or group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCollator

from ...services.pair_views import GroupCard
from ...services.responses import Respondent, ResponseRow
from ...store.text import ru_fold

RowKey = Callable[[ResponseRow], Any]  # None: an empty cell, after the others


def arranged(
    rows: Sequence[ResponseRow], key: RowKey | None, *, descending: bool
) -> list[ResponseRow]:
    """The stored rows in the order of entry, then by ``key`` (None: left so); the blank row
    (not stored yet) last."""
    stored = sorted((r for r in rows if r.id is not None), key=lambda r: r.id or 0)
    blank = [r for r in rows if r.id is None]
    if key is not None:
        keyed = [(key(r), r) for r in stored]
        valued = [pair for pair in keyed if pair[0] is not None]
        valued.sort(key=lambda pair: pair[0], reverse=descending)  # stable both ways
        stored = [r for _, r in valued] + [r for k, r in keyed if k is None]
    return stored + blank


def respondent_key(label: Callable[[ResponseRow], str], collator: QCollator) -> RowKey:
    """By the respondent as shown; anonymous answers have no key."""
    return lambda r: collator.sortKey(label(r)) if r.person_id is not None else None


def form_key(collator: QCollator) -> RowKey:
    return lambda r: collator.sortKey(r.form.label) if r.form is not None else None


def answer_key(item_id: int | None, collator: QCollator) -> RowKey:
    """By the answer to the question ``item_id``: numbers, then texts."""

    def key(row: ResponseRow) -> Any:
        answer = row.values.get(item_id) if item_id is not None else None
        if answer is None or answer == "":
            return None
        if isinstance(answer, str):
            return (1, collator.sortKey(answer))
        return (0, answer)  # 1–10; yes 1, no 0

    return key


def group_of(
    row: ResponseRow, people: Mapping[int, Respondent], groups: Mapping[int, GroupCard]
) -> GroupCard | None:
    """A named respondent's pair or group (the one stored with the answers, else his own);
    an anonymous answer has none."""
    if row.person_id is None:
        return None
    group_id = row.group_id
    if group_id is None:
        person = people.get(row.person_id)
        group_id = person.group_id if person else None
    return groups.get(group_id) if group_id is not None else None


def search_text(
    row: ResponseRow,
    label: str,
    people: Mapping[int, Respondent],
    groups: Mapping[int, GroupCard],
) -> str:
    """What the search reads, folded: the respondent as shown (``label``), his full name and
    his pair («Иванова М. П. — Петров П. П.»)."""
    person = people.get(row.person_id) if row.person_id is not None else None
    group = group_of(row, people, groups)
    parts = [label, person.name if person else "", group.title if group else ""]
    return ru_fold("\n".join(parts))


def respondent_tip(
    row: ResponseRow,
    label: str,
    people: Mapping[int, Respondent],
    groups: Mapping[int, GroupCard],
) -> str:
    """The respondent cell's tooltip: the full name and the pair or group, what the search
    finds him by («Иванова Мария Петровна, 7А класс» / «Пара: Петров П. П. — Иванова М. П.»)."""
    person = people.get(row.person_id) if row.person_id is not None else None
    if person is not None:
        label = f"{person.name}, {person.post}" if person.post else person.name
    group = group_of(row, people, groups)
    if group is None:
        return label
    kind = "Группа" if len(group.mentees) > 1 else "Пара"
    return f"{label}\n{kind}: {group.title}"
