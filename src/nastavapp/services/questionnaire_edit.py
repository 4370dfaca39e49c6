"""The curator's changes to the year's questionnaires: item texts, her own items, and the
questionnaires of the year that are still missing (a year may have only the entry ones).
"""

from __future__ import annotations

from sqlmodel import col, func, select

from ..models import Answer, QuestionItem, QuestionnaireTemplate
from ..models.vocab import Audience, QuestionnairePhase, QuestionType
from ..store import Store
from .names import clean
from .questionnaires import (
    QuestionnaireError,
    add_item,
    shipped_templates,
    template_items,
    year_templates,
)


def answer_counts(store: Store, template_id: int) -> dict[int, int]:
    """Item id → how many answers it has (items without answers are absent)."""
    with store.session() as session:
        rows = session.exec(
            select(Answer.item_id, func.count())
            .join(QuestionItem, col(QuestionItem.id) == col(Answer.item_id))
            .where(QuestionItem.template_id == template_id)
            .group_by(col(Answer.item_id))
        ).all()
    return {item: int(n) for item, n in rows}


def rename_item(store: Store, item_id: int, text: str) -> QuestionItem:
    """New wording of a question; its answers and its pairing with the other phase stay."""
    wording = clean(text)
    if not wording:
        raise QuestionnaireError("Введите текст вопроса.")
    with store.session() as session:
        item = session.get(QuestionItem, item_id)
        if item is None:
            raise QuestionnaireError("Этого вопроса уже нет: обновите список.")
        item.text = wording
        session.add(item)
        session.commit()
        session.refresh(item)
        return item


def remove_item(store: Store, item_id: int) -> None:
    """Take out a question nobody has answered yet.

    Raises:
        QuestionnaireError: the question already has answers (its text can still be changed).
    """
    with store.session() as session:
        item = session.get(QuestionItem, item_id)
        if item is None:
            return
        answered = session.exec(
            select(func.count()).select_from(Answer).where(Answer.item_id == item_id)
        ).one()
        if answered:
            raise QuestionnaireError(
                f"На вопрос «{item.text}» уже есть ответы ({answered}): удалить его нельзя, "
                "можно изменить его текст."
            )
        template_id = item.template_id
        session.delete(item)
        session.flush()
        rest = session.exec(
            select(QuestionItem)
            .where(QuestionItem.template_id == template_id)
            .order_by(col(QuestionItem.position), col(QuestionItem.id))
        ).all()
        for position, other in enumerate(rest, start=1):
            other.position = position
            session.add(other)
        session.commit()


def twin_template(store: Store, template_id: int) -> QuestionnaireTemplate | None:
    """The other phase's questionnaire for the same respondents (entry ↔ final)."""
    with store.session() as session:
        template = session.get(QuestionnaireTemplate, template_id)
    if template is None:
        return None
    return next(
        (
            t
            for t in year_templates(store, template.year_id)
            if t.audience is template.audience and t.phase is not template.phase
        ),
        None,
    )


def add_own_item(
    store: Store, template_id: int, text: str, kind: QuestionType, *, both_phases: bool = False
) -> QuestionItem:
    """The curator's question at the end; with ``both_phases`` also in the twin questionnaire,
    under the same code, so that the change from entry to final is shown for it."""
    item = add_item(store, template_id, text, kind)
    twin = twin_template(store, template_id) if both_phases else None
    if twin is None or twin.id is None:
        return item
    other = add_item(store, twin.id, text, kind)
    code = f"own_{item.id}"
    with store.session() as session:
        for row_id in (item.id, other.id):
            row = session.get(QuestionItem, row_id)
            if row is not None:
                row.code = code
                session.add(row)
        session.commit()
    item.code = code
    return item


def add_missing_questionnaires(store: Store, year_id: int) -> list[QuestionnaireTemplate]:
    """Copy the shipped questionnaires the year does not have yet (e.g. the final ones);
    the year's questionnaires afterwards."""
    existing = year_templates(store, year_id)
    have = {(t.phase, t.audience) for t in existing}
    own = {  # the curator's items asked in both phases go into the new twin as well
        t.audience: [i for i in template_items(store, t.id or 0) if i.code.startswith("own_")]
        for t in existing
    }
    data = shipped_templates()
    with store.session() as session:
        for raw in data["templates"]:
            key = (QuestionnairePhase(raw["phase"]), Audience(raw["audience"]))
            if key in have:
                continue
            template = QuestionnaireTemplate(
                year_id=year_id,
                title=raw["title"],
                audience=key[1],
                phase=key[0],
                instruction=data["instruction"],
            )
            session.add(template)
            session.flush()
            items = [(i["code"], i["text"], QuestionType(i["type"])) for i in raw["items"]]
            items += [(i.code, i.text, i.type) for i in own.get(key[1], [])]
            for position, (code, text, kind) in enumerate(items, start=1):
                session.add(
                    QuestionItem(
                        template_id=template.id, position=position, code=code, text=text, type=kind
                    )
                )
        session.commit()
    return year_templates(store, year_id)


__all__ = [
    "add_missing_questionnaires",
    "add_own_item",
    "answer_counts",
    "remove_item",
    "rename_item",
    "template_items",
    "twin_template",
]
