"""Questionnaire templates from the shipped data, answers with the 1–10 scale, and growth."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models.vocab import Audience, QuestionnairePhase, QuestionType, Role
from nastavapp.services.questionnaires import (
    QuestionnaireError,
    add_item,
    create_year_questionnaires,
    growth,
    record_response,
    shipped_templates,
    template_items,
)
from nastavapp.services.years import current_year


def test_shipped_templates_pair_entry_and_final_items():
    data = shipped_templates()
    assert "где 1 — самый низший балл, а 10 — самый высокий" in data["instruction"]
    by_key = {(t["phase"], t["audience"]): t for t in data["templates"]}
    assert set(by_key) == {(p, a) for p in ("entry", "final") for a in ("mentee", "mentor")}
    for audience in ("mentee", "mentor"):
        entry = [i["code"] for i in by_key["entry", audience]["items"] if i["type"] == "scale"]
        final = [i["code"] for i in by_key["final", audience]["items"] if i["type"] == "scale"]
        assert entry == final and len(entry) >= 6
    mentor_items = {i["text"] for i in by_key["final", "mentor"]["items"]}
    assert "Полезность методических материалов" in mentor_items
    mentee_yes_no = [i["text"] for i in by_key["final", "mentee"]["items"] if i["type"] == "yes_no"]
    assert "Планируете ли вы стать наставником в будущем?" in mentee_yes_no


def _template(store, phase, audience):
    year = current_year(store)
    return next(
        t
        for t in create_year_questionnaires(store, year.id)
        if t.phase is phase and t.audience is audience
    )


def test_year_copies_once_and_the_curator_adds_her_own_item(school_store):
    year = current_year(school_store)
    first = create_year_questionnaires(school_store, year.id)
    assert len(first) == 4
    assert [t.id for t in create_year_questionnaires(school_store, year.id)] == [
        t.id for t in first
    ]
    template = _template(school_store, QuestionnairePhase.FINAL, Audience.MENTEE)
    own = add_item(
        school_store, template.id, "  Помог ли наставник с олимпиадой? ", QuestionType.YES_NO
    )
    items = template_items(school_store, template.id)
    assert items[-1].id == own.id and items[-1].text == "Помог ли наставник с олимпиадой?"
    with pytest.raises(QuestionnaireError, match="текст вопроса"):
        add_item(school_store, template.id, "   ")


def test_values_outside_the_scale_are_refused_and_nothing_is_stored(school_store):
    template = _template(school_store, QuestionnairePhase.ENTRY, Audience.MENTEE)
    scale = next(
        i for i in template_items(school_store, template.id) if i.type is QuestionType.SCALE
    )
    for bad in (0, 11, "семь"):
        with pytest.raises(QuestionnaireError):
            record_response(school_store, template.id, {scale.id: bad}, role=Role.MENTEE)
    with pytest.raises(QuestionnaireError, match="пустая"):
        record_response(school_store, template.id, {scale.id: ""}, role=Role.MENTEE)
    assert growth(school_store, current_year(school_store).id, Audience.MENTEE) == []


def test_growth_from_entry_to_final(school_store):
    from nastavapp.models import Person
    from nastavapp.models.vocab import PersonCategory

    with school_store.session() as session:
        people = [
            Person(category=PersonCategory.STUDENT, last_name=n, first_name="Аня")
            for n in ("Белых", "Ёлкина")
        ]
        session.add_all(people)
        session.commit()
        ids = [p.id for p in people]
    entry = _template(school_store, QuestionnairePhase.ENTRY, Audience.MENTEE)
    final = _template(school_store, QuestionnairePhase.FINAL, Audience.MENTEE)

    def item(template, code):
        return next(i for i in template_items(school_store, template.id) if i.code == code)

    pairs = [(ids[0], 5, 8), (ids[1], 7, 6)]
    for person, before, after in pairs:
        record_response(
            school_store,
            entry.id,
            {item(entry, "comfort").id: before},
            role=Role.MENTEE,
            person_id=person,
            answered_on=date(2025, 10, 1),
        )
        record_response(
            school_store,
            final.id,
            {item(final, "comfort").id: str(after), item(final, "continue").id: "да"},
            role=Role.MENTEE,
            person_id=person,
            answered_on=date(2026, 5, 20),
        )
    record_response(school_store, final.id, {item(final, "comfort").id: 10}, role=Role.MENTEE)
    change = next(
        c
        for c in growth(school_store, current_year(school_store).id, Audience.MENTEE)
        if c.code == "comfort"
    )
    assert (change.entry_mean, change.final_mean) == (6.0, 8.0)  # (8 + 6 + 10) / 3
    assert (change.change, change.paired, change.improved) == (2.0, 2, 1)
    assert change.text == "Комфортность общения"


def test_growth_names_items_before_the_final_questionnaire_exists(school_store):
    from nastavapp.models import QuestionnaireTemplate

    entry = _template(school_store, QuestionnairePhase.ENTRY, Audience.MENTOR)
    final = _template(school_store, QuestionnairePhase.FINAL, Audience.MENTOR)
    with school_store.session() as session:  # a year that has only the entry version yet
        session.delete(session.get(QuestionnaireTemplate, final.id))
        session.commit()
    item = next(i for i in template_items(school_store, entry.id) if i.code == "comfort")
    record_response(school_store, entry.id, {item.id: 8}, role=Role.MENTOR)
    change = next(
        c
        for c in growth(school_store, current_year(school_store).id, Audience.MENTOR)
        if c.code == "comfort"
    )
    assert change.text == "Насколько комфортным вы ожидаете общение в паре / группе?"
    assert (change.entry_mean, change.final_mean, change.change) == (8.0, None, None)


def test_own_items_of_entry_and_final_never_share_a_code(school_store):
    entry = _template(school_store, QuestionnairePhase.ENTRY, Audience.MENTEE)
    final = _template(school_store, QuestionnairePhase.FINAL, Audience.MENTEE)
    first = add_item(school_store, entry.id, "Вопрос куратора о кружках")
    second = add_item(school_store, final.id, "Совсем другой вопрос")
    assert first.code != second.code and first.code.startswith("own_")
