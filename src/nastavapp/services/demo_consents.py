"""Consents to the processing of personal data (152-ФЗ) in the demonstration school.

Pupils' consents are given by a parent (his or her ФИО recorded, usually the family's surname;
a father's first name is the pupil's patronymic source); adults and pupils of 18 give their own.
A few people have none and one or two have withdrawn theirs: never people in the program.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..models import Consent
from ..models.vocab import ConsentGiver, PersonCategory, Sex
from .demo_calendar import weekday
from .demo_names import NamePicker, feminine_surname, patronymic
from .demo_people import DemoPerson
from .demo_rows import Rows


def _parent(rng: random.Random, names: NamePicker, pupil: DemoPerson) -> str:
    """ФИО of the parent who signed: mostly the mother, mostly with the family's surname."""
    if rng.random() < 0.25:
        middle = patronymic(names.old_father(), Sex.MALE)
        return f"{pupil.family} {pupil.father} {middle}"
    surname = pupil.family if rng.random() < 0.9 else names.surname()
    middle = patronymic(names.old_father(), Sex.FEMALE)
    return f"{feminine_surname(surname)} {names.adult_first(Sex.FEMALE)} {middle}"


def _present(person: DemoPerson, offset: int) -> bool:
    """Was the person at the school ``offset`` years before the current one?"""
    if person.category is PersonCategory.STUDENT:
        return person.grade - offset >= 1
    if person.category is PersonCategory.TEACHER:
        return (person.experience or 0) - offset >= 0
    return True


def write_consents(
    rows: Rows,
    rng: random.Random,
    names: NamePicker,
    people: list[DemoPerson],
    participants: set[int],
    years: list[tuple[date, int]],
    today: date,
) -> None:
    """One consent per person except a few; ``years`` is [(1 September, offset)], oldest first.

    A pupil who came to school in a later year (a first-former) signs in that year.
    """
    outsiders = [p for p in people if p.id not in participants]
    pupils_out = [p for p in outsiders if p.category is PersonCategory.STUDENT]
    teachers_out = [p for p in outsiders if p.category is PersonCategory.TEACHER]
    share = max(4, len(people) // 60)
    missing = {p.id for p in rng.sample(pupils_out, min(share, len(pupils_out)))}
    if teachers_out:
        missing.add(rng.choice(teachers_out).id)
    left = [p for p in pupils_out if p.id not in missing]
    withdrawn = {p.id for p in rng.sample(left, min(2, len(left)))}
    for person in people:
        if person.id in missing:
            continue
        start = years[0][0]
        for sept1, offset in years:
            if _present(person, offset):
                start = sept1
                break
        given = min(weekday(start + timedelta(days=rng.randint(1, 12))), today)
        adult = person.age_on(given) >= 18
        withdrawn_on = None
        if person.id in withdrawn:
            first = given + timedelta(days=20)
            if first < today:
                withdrawn_on = first + timedelta(days=rng.randint(0, (today - first).days))
        rows.add(
            Consent,
            person_id=person.id,
            given_by=ConsentGiver.SELF if adult else ConsentGiver.PARENT,
            representative_name="" if adult else _parent(rng, names, person),
            given_date=given,
            withdrawn_date=withdrawn_on,
            note=("Отозвано по заявлению" + ("" if adult else " родителя")) if withdrawn_on else "",
        )
