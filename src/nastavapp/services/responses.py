"""Answers of one questionnaire as the curator types them in: one row per respondent.

A respondent is one of the year's mentees (or mentors, for their questionnaires) or nobody: an
anonymous answer keeps only its role and, if the curator gives it, the form of mentoring. A
named respondent's form and pair/group come from his live pair/group of the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from ..models import (
    Answer,
    GroupMember,
    MentoringGroup,
    Participation,
    Person,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from ..models.vocab import Audience, GroupStatus, MentoringForm, QuestionType, Role
from ..store import Store
from ..store.text import ru_sort_key
from .pair_rules import post_of
from .questionnaires import QuestionnaireError, check_value, record_response

Value = int | str | None  # 1–10, 1/0 for yes/no, text for open questions, None when empty


def role_of(audience: Audience) -> Role:
    return Role.MENTOR if audience is Audience.MENTOR else Role.MENTEE


@dataclass(frozen=True)
class Respondent:
    """A named respondent the curator can pick: «Иванова М. П., 7А класс»."""

    person_id: int
    name: str  # full name
    short_name: str
    post: str
    form: MentoringForm | None
    group_id: int | None

    @property
    def label(self) -> str:
        return f"{self.short_name}, {self.post}" if self.post else self.short_name


@dataclass
class ResponseRow:
    """One filled questionnaire; ``values`` by item id (only answered items)."""

    id: int | None
    person_id: int | None = None
    form: MentoringForm | None = None
    group_id: int | None = None
    answered_on: date | None = None
    values: dict[int, Value] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(v not in (None, "") for v in self.values.values())


def _live_groups(session: Session, year_id: int) -> list[MentoringGroup]:
    query = select(MentoringGroup).where(
        MentoringGroup.year_id == year_id, col(MentoringGroup.status) != GroupStatus.DISBANDED
    )
    return list(session.exec(query.order_by(col(MentoringGroup.id))).all())


def respondents(store: Store, year_id: int, audience: Audience) -> list[Respondent]:
    """The year's mentees (or mentors): in its base or in a live pair/group, by name."""
    role = role_of(audience)
    with store.session() as session:
        groups = _live_groups(session, year_id)
        where: dict[int, MentoringGroup] = {}
        if role is Role.MENTOR:
            for g in groups:
                where.setdefault(g.mentor_id, g)
        else:
            by_id = {g.id: g for g in groups}
            members = session.exec(
                select(GroupMember).where(col(GroupMember.group_id).in_(list(by_id)))
            ).all()
            for m in members:
                where.setdefault(m.person_id, by_id[m.group_id])
        in_base = session.exec(
            select(Participation.person_id, Participation.form).where(
                Participation.year_id == year_id, Participation.role == role
            )
        ).all()
        base_form = dict(in_base)
        ids = set(where) | set(base_form)
        people = session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    found = []
    for person in people:
        pid = person.id or 0
        if person.archived and pid not in where:
            continue
        group = where.get(pid)
        found.append(
            Respondent(
                pid,
                person.full_name,
                person.short_name,
                post_of(person),
                group.form if group else base_form.get(pid),
                group.id if group else None,
            )
        )
    return sorted(found, key=lambda r: ru_sort_key(r.name))


def template_responses(store: Store, template_id: int) -> list[ResponseRow]:
    """The answers to a questionnaire in the order they were entered."""
    with store.session() as session:
        responses = session.exec(
            select(QuestionnaireResponse)
            .where(QuestionnaireResponse.template_id == template_id)
            .order_by(col(QuestionnaireResponse.id))
        ).all()
        ids = [r.id for r in responses]
        answers = session.exec(select(Answer).where(col(Answer.response_id).in_(ids))).all()
        types = dict(
            session.exec(
                select(QuestionItem.id, QuestionItem.type).where(
                    QuestionItem.template_id == template_id
                )
            ).all()
        )
    rows = {
        r.id: ResponseRow(r.id, r.person_id, r.form, r.group_id, r.answered_on) for r in responses
    }
    for a in answers:
        kind = types.get(a.item_id)
        value: Value = a.value_text if kind is QuestionType.OPEN else a.value_int
        rows[a.response_id].values[a.item_id] = value
    return list(rows.values())


def _template(session: Session, template_id: int) -> QuestionnaireTemplate:
    template = session.get(QuestionnaireTemplate, template_id)
    if template is None:
        raise QuestionnaireError("Этой анкеты уже нет в базе: обновите список.")
    return template


def save_row(store: Store, template_id: int, row: ResponseRow) -> int:
    """Store a new row (its answers, respondent and form); the new response id.

    Raises:
        QuestionnaireError: no answer at all, or an answer outside its scale.
    """
    with store.session() as session:
        audience = _template(session, template_id).audience
    return record_response(
        store,
        template_id,
        dict(row.values),
        role=role_of(audience),
        person_id=row.person_id,
        form=row.form,
        group_id=row.group_id,
        answered_on=row.answered_on,
    )


def set_answer(store: Store, response_id: int, item_id: int, value: object) -> Value:
    """Change one answer (an empty value removes it); the stored value.

    Raises:
        QuestionnaireError: outside the scale, not «да»/«нет», or the item is gone.
    """
    with store.session() as session:
        item = session.get(QuestionItem, item_id)
        response = session.get(QuestionnaireResponse, response_id)
        if item is None or response is None or item.template_id != response.template_id:
            raise QuestionnaireError("Этого вопроса или ответа уже нет: обновите список.")
        number, text = check_value(item, value)
        answer = session.get(Answer, (response_id, item_id))
        if number is None and not text:
            if answer is not None:
                session.delete(answer)
            session.commit()
            return None
        answer = answer or Answer(response_id=response_id, item_id=item_id)
        answer.value_int, answer.value_text = number, text
        session.add(answer)
        session.commit()
        return text if item.type is QuestionType.OPEN else number


def set_respondent(
    store: Store,
    response_id: int,
    person_id: int | None,
    form: MentoringForm | None,
    group_id: int | None = None,
) -> None:
    """Name the respondent (or make the answer anonymous) and set the form."""
    with store.session() as session:
        response = session.get(QuestionnaireResponse, response_id)
        if response is None:
            raise QuestionnaireError("Этой анкеты уже нет: обновите список.")
        response.person_id, response.form, response.group_id = person_id, form, group_id
        session.add(response)
        session.commit()


def set_answered_on(store: Store, response_id: int, day: date | None) -> None:
    with store.session() as session:
        response = session.get(QuestionnaireResponse, response_id)
        if response is not None:
            response.answered_on = day
            session.add(response)
            session.commit()


def delete_response(store: Store, response_id: int) -> None:
    with store.session() as session:
        response = session.get(QuestionnaireResponse, response_id)
        if response is not None:
            session.delete(response)
            session.commit()
