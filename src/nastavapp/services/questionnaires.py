"""Feedback questionnaires: the templates shipped as data, a year's copies, and the answers.

Entry and final versions share item codes, so the change between them can be computed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlmodel import col, select

from ..models import Answer, QuestionItem, QuestionnaireResponse, QuestionnaireTemplate
from ..models.vocab import Audience, MentoringForm, QuestionnairePhase, QuestionType, Role
from ..resource_files import resource
from ..store import Store
from .names import clean

SCALE = range(1, 11)


class QuestionnaireError(ValueError):
    """An answer or an item that cannot be saved; ``str()`` is the Russian message."""


@cache
def shipped_templates() -> dict[str, Any]:
    return dict(json.loads(resource("questionnaires", "templates.json").read_text("utf-8")))


def year_templates(store: Store, year_id: int) -> list[QuestionnaireTemplate]:
    with store.session() as session:
        query = (
            select(QuestionnaireTemplate)
            .where(QuestionnaireTemplate.year_id == year_id)
            .order_by(col(QuestionnaireTemplate.phase), col(QuestionnaireTemplate.audience))
        )
        return list(session.exec(query).all())


def create_year_questionnaires(store: Store, year_id: int) -> list[QuestionnaireTemplate]:
    """Copy the shipped templates into the year (once); the curator may edit the copies."""
    existing = year_templates(store, year_id)
    if existing:
        return existing
    data = shipped_templates()
    with store.session() as session:
        for raw in data["templates"]:
            template = QuestionnaireTemplate(
                year_id=year_id,
                title=raw["title"],
                audience=Audience(raw["audience"]),
                phase=QuestionnairePhase(raw["phase"]),
                instruction=data["instruction"],
            )
            session.add(template)
            session.flush()
            for position, item in enumerate(raw["items"], start=1):
                session.add(
                    QuestionItem(
                        template_id=template.id,
                        position=position,
                        code=item["code"],
                        text=item["text"],
                        type=QuestionType(item["type"]),
                    )
                )
        session.commit()
    return year_templates(store, year_id)


def template_items(store: Store, template_id: int) -> list[QuestionItem]:
    with store.session() as session:
        query = (
            select(QuestionItem)
            .where(QuestionItem.template_id == template_id)
            .order_by(col(QuestionItem.position))
        )
        return list(session.exec(query).all())


def add_item(
    store: Store, template_id: int, text: str, kind: QuestionType = QuestionType.SCALE
) -> QuestionItem:
    """The curator's own question, at the end of the questionnaire."""
    if not clean(text):
        raise QuestionnaireError("Введите текст вопроса.")
    position = len(template_items(store, template_id)) + 1
    with store.session() as session:
        item = QuestionItem(template_id=template_id, position=position, text=clean(text), type=kind)
        session.add(item)
        session.flush()
        # unique, so growth never pairs two different questions of the entry and final versions
        item.code = f"own_{item.id}"
        session.commit()
        session.refresh(item)
        return item


def check_value(item: QuestionItem, value: object) -> tuple[int | None, str]:
    """(value_int, value_text) for an answer, or QuestionnaireError in Russian."""
    if value is None or value == "":
        return None, ""
    if item.type is QuestionType.SCALE:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise QuestionnaireError(
                f"«{item.text}»: нужна оценка от 1 до 10, а не «{value}»."
            ) from None
        if number not in SCALE:
            raise QuestionnaireError(f"«{item.text}»: оценка {number} вне шкалы от 1 до 10.")
        return number, ""
    if item.type is QuestionType.YES_NO:
        text = str(value).strip().casefold()
        if value is True or text in ("да", "1", "yes", "д"):
            return 1, ""
        if value is False or text in ("нет", "0", "no", "н"):
            return 0, ""
        raise QuestionnaireError(f"«{item.text}»: ответ должен быть «да» или «нет».")
    return None, clean(str(value))


def record_response(
    store: Store,
    template_id: int,
    answers: dict[int, object],
    *,
    role: Role,
    person_id: int | None = None,
    form: MentoringForm | None = None,
    group_id: int | None = None,
    answered_on: date | None = None,
) -> int:
    """Store one respondent's answers (``item id → value``); anonymous when no person."""
    items = {item.id: item for item in template_items(store, template_id)}
    checked = {}
    for item_id, value in answers.items():
        if item_id not in items:
            raise QuestionnaireError("Вопрос не относится к этой анкете.")
        checked[item_id] = check_value(items[item_id], value)
    if all(v == (None, "") for v in checked.values()):
        raise QuestionnaireError("Анкета пустая: введите хотя бы один ответ.")
    with store.session() as session:
        response = QuestionnaireResponse(
            template_id=template_id,
            person_id=person_id,
            role=role,
            form=form,
            group_id=group_id,
            answered_on=answered_on,
        )
        session.add(response)
        session.flush()
        for item_id, (number, text) in checked.items():
            if number is not None or text:
                session.add(
                    Answer(
                        response_id=response.id, item_id=item_id, value_int=number, value_text=text
                    )
                )
        session.commit()
        assert response.id is not None
        return response.id


@dataclass(frozen=True)
class ItemChange:
    code: str
    text: str
    entry_mean: float | None
    final_mean: float | None
    paired: int  # respondents who answered both
    improved: int

    @property
    def change(self) -> float | None:
        if self.entry_mean is None or self.final_mean is None:
            return None
        return round(self.final_mean - self.entry_mean, 1)


def _scores(
    store: Store, year_id: int, audience: Audience, phase: QuestionnairePhase
) -> dict[str, dict[int | None, list[int]]]:
    """item code → person id (None for anonymous) → scores."""
    with store.session() as session:
        rows = session.exec(
            select(QuestionItem.code, QuestionnaireResponse.person_id, Answer.value_int)
            .join(Answer, col(Answer.item_id) == col(QuestionItem.id))
            .join(QuestionnaireResponse, col(QuestionnaireResponse.id) == col(Answer.response_id))
            .join(
                QuestionnaireTemplate,
                col(QuestionnaireTemplate.id) == col(QuestionItem.template_id),
            )
            .where(
                QuestionnaireTemplate.year_id == year_id,
                QuestionnaireTemplate.audience == audience,
                QuestionnaireTemplate.phase == phase,
                QuestionItem.type == QuestionType.SCALE,
            )
        ).all()
    found: dict[str, dict[int | None, list[int]]] = {}
    for code, person, value in rows:
        if value is not None:
            found.setdefault(code, {}).setdefault(person, []).append(value)
    return found


def growth(store: Store, year_id: int, audience: Audience) -> list[ItemChange]:
    """Entry vs final per item: mean change, and how many named respondents improved."""
    entry = _scores(store, year_id, audience, QuestionnairePhase.ENTRY)
    final = _scores(store, year_id, audience, QuestionnairePhase.FINAL)
    texts: dict[str, str] = {}
    # the final wording where there is one, else the entry wording (before May there is none)
    ordered = sorted(
        (t for t in year_templates(store, year_id) if t.audience is audience),
        key=lambda t: t.phase is QuestionnairePhase.FINAL,
    )
    for template in ordered:
        if template.id is not None:
            texts.update({i.code: i.text for i in template_items(store, template.id)})
    changes = []
    for code in sorted(
        set(entry) | set(final), key=lambda c: list(texts).index(c) if c in texts else 99
    ):
        before, after = entry.get(code, {}), final.get(code, {})

        def mean(by_person: dict[int | None, list[int]]) -> float | None:
            values = [v for vs in by_person.values() for v in vs]
            return round(sum(values) / len(values), 1) if values else None

        both = [p for p in before if p is not None and p in after]
        improved = sum(max(after[p]) > max(before[p]) for p in both)
        changes.append(
            ItemChange(code, texts.get(code, code), mean(before), mean(after), len(both), improved)
        )
    return changes
