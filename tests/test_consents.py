"""Consents (152-ФЗ): adults give their own, a parent gives it for a minor, withdrawal, status."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models.vocab import ConsentGiver, PersonCategory
from nastavapp.services.consents import (
    ConsentError,
    ConsentStatus,
    consent_state,
    consent_states,
    record_consent,
    withdraw_consent,
    without_consent,
)
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import PersonFields

from .conftest import TODAY


def add(store, category=PersonCategory.STUDENT, born=date(2012, 6, 5), **more) -> int:
    fields = PersonFields(category, "Ёлкина", "Мария", "Петровна", birth_date=born, **more)
    return int(add_person(store, fields, today=TODAY).id or 0)


def test_a_parent_gives_the_consent_of_a_minor(store):
    pid = add(store, class_name="7А")
    assert consent_state(store, pid).status is ConsentStatus.MISSING
    consent = record_consent(
        store, pid, date(2025, 9, 5), representative_name="Ёлкина  Ольга Ивановна", today=TODAY
    )
    assert consent.given_by is ConsentGiver.PARENT  # proposed for a minor
    assert consent.representative_name == "Ёлкина Ольга Ивановна"
    state = consent_state(store, pid)
    assert state.status is ConsentStatus.GIVEN and state.given
    assert state.text == "есть (родитель), 05.09.2025"


@pytest.mark.parametrize(
    ("giver", "name", "message"),
    [
        (ConsentGiver.SELF, "", "За несовершеннолетнего согласие даёт родитель"),
        (ConsentGiver.PARENT, "", "Укажите ФИО родителя"),
        (ConsentGiver.PARENT, "мама", "ФИО родителя «мама» записано неверно"),
        (ConsentGiver.PARENT, "Ёлкина 0льга", "записано неверно"),
    ],
)
def test_a_minor_cannot_consent_without_a_named_parent(store, giver, name, message):
    pid = add(store, class_name="7А")
    with pytest.raises(ConsentError, match=message):
        record_consent(store, pid, date(2025, 9, 5), giver, name, today=TODAY)
    assert consent_state(store, pid).status is ConsentStatus.MISSING


def test_an_adult_gives_his_own_and_a_pupil_of_18_too(store):
    teacher = add(
        store, PersonCategory.TEACHER, date(1980, 1, 1), position="учитель", experience_years=20
    )
    consent = record_consent(store, teacher, date(2025, 9, 1), today=TODAY)
    assert consent.given_by is ConsentGiver.SELF and consent.representative_name == ""
    grown = add(store, born=date(2007, 3, 1), class_name="11А")  # 18 on 01.09.2025
    assert record_consent(store, grown, date(2025, 9, 1), today=TODAY).given_by is (
        ConsentGiver.SELF
    )


def test_impossible_dates_are_refused(store):
    pid = add(store, class_name="7А")
    with pytest.raises(ConsentError, match="ещё не наступила"):
        record_consent(
            store, pid, date(2026, 1, 1), representative_name="Ёлкина Ольга", today=TODAY
        )
    with pytest.raises(ConsentError, match="раньше даты рождения"):
        record_consent(
            store, pid, date(2010, 1, 1), representative_name="Ёлкина Ольга", today=TODAY
        )


def test_withdraw_then_give_again(store):
    pid = add(store, class_name="7А")
    record_consent(store, pid, date(2025, 9, 5), representative_name="Ёлкина Ольга", today=TODAY)
    with pytest.raises(ConsentError, match="раньше даты согласия"):
        withdraw_consent(store, pid, date(2025, 9, 1), today=TODAY)
    withdraw_consent(store, pid, date(2025, 10, 1), "по заявлению родителя", today=TODAY)
    state = consent_state(store, pid)
    assert state.status is ConsentStatus.WITHDRAWN
    assert state.text == "отозвано 01.10.2025"
    assert state.consent is not None and state.consent.note == "по заявлению родителя"
    with pytest.raises(ConsentError, match="отзывать нечего"):
        withdraw_consent(store, pid, date(2025, 10, 2), today=TODAY)
    record_consent(store, pid, date(2025, 10, 10), representative_name="Ёлкин Пётр", today=TODAY)
    assert consent_state(store, pid).status is ConsentStatus.GIVEN


def test_who_lacks_consent(store):
    given = add(store, class_name="7А")
    record_consent(store, given, date(2025, 9, 5), representative_name="Ёлкина Ольга", today=TODAY)
    never = add(store, born=date(2013, 1, 1), class_name="6А")
    withdrawn = add(store, born=date(2011, 1, 1), class_name="8А")
    record_consent(
        store, withdrawn, date(2025, 9, 5), representative_name="Ёлкина Ольга", today=TODAY
    )
    withdraw_consent(store, withdrawn, date(2025, 10, 1), today=TODAY)
    assert without_consent(store) == {never, withdrawn}
    states = consent_states(store)
    assert states[given].status is ConsentStatus.GIVEN
    assert states[withdrawn].status is ConsentStatus.WITHDRAWN
    assert never not in states
    assert [s.label for s in ConsentStatus] == ["есть", "нет", "отозвано"]


def test_stats_count_the_age_bands_young_specialists_and_missing_consents(school_store):
    from nastavapp.services.people import set_archived
    from nastavapp.services.stats import collect_stats

    ages = {
        date(2016, 1, 1): 9,
        date(2015, 10, 15): 10,  # tenth birthday today
        date(2010, 10, 16): 14,  # fifteenth birthday tomorrow
        date(2010, 10, 15): 15,
        date(2006, 10, 15): 19,
    }
    pupils = [add(school_store, born=born, class_name="9А") for born in ages]
    for experience in (0, 3, 4, None):
        add(
            school_store,
            PersonCategory.TEACHER,
            date(1990, 1, 1),
            position="учитель",
            experience_years=experience,
        )
    gone = add(school_store, PersonCategory.TEACHER, date(1995, 1, 1), experience_years=1)
    set_archived(school_store, gone)  # left the school: not in the contingent
    for pid in pupils[:3]:
        record_consent(school_store, pid, TODAY, representative_name="Ёлкина Ольга", today=TODAY)
    withdraw_consent(school_store, pupils[0], TODAY, today=TODAY)
    figures = collect_stats(school_store, today=TODAY)
    assert figures["students_10_19"] == 4
    assert figures["students_15_19"] == 2
    assert figures["young_specialists"] == 2
    assert figures["without_consent"] == 1 + 2 + 4  # withdrawn, two pupils, four teachers
    assert figures["persons"] == {"students": 5, "teachers": 4, "external": 0}
