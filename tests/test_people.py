"""People service: the shared validator, add/edit, duplicates and the Russian-aware search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nastavapp.models.vocab import PersonCategory, Sex
from nastavapp.services.people import (
    PersonError,
    add_person,
    duplicate_question,
    find_duplicates,
    get_person,
    list_persons,
    person_key,
    set_archived,
    update_person,
)
from nastavapp.services.person_fields import (
    PersonFields,
    check_person,
    guess_sex,
    normalize_class_name,
    normalized,
    years_text,
)

from .conftest import TODAY

STUDENT = PersonCategory.STUDENT
TEACHER = PersonCategory.TEACHER


def pupil(last: str = "Иванов", first: str = "Иван", middle: str = "", **more) -> PersonFields:
    values = dict(birth_date=date(2012, 3, 4), class_name="7А")
    values.update(more)
    return PersonFields(STUDENT, last, first, middle, **values)


def messages(person: PersonFields) -> list[str]:
    return [p.message for p in check_person(normalized(person), TODAY)]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7А", "7А"),
        ("7 а", "7А"),
        ("7-А", "7А"),
        ("7 - а", "7А"),
        ("7A", "7А"),  # Latin A
        ("07б", "7Б"),
        ("11 «В» класс", "11В"),
        ("5 кл.", "5"),
        ("10", "10"),
        ("12Б", None),
        ("0А", None),
        ("7АБ", None),
        ("7Z", None),
        ("седьмой", None),
    ],
)
def test_class_names(written, expected):
    assert normalize_class_name(written) == expected


@pytest.mark.parametrize(
    ("middle", "sex"),
    [
        ("Петровна", Sex.FEMALE),
        ("Ильинична", Sex.FEMALE),
        ("Мамед кызы", Sex.FEMALE),
        ("Сергеевич", Sex.MALE),
        ("Ильич", Sex.MALE),
        ("Али оглы", Sex.MALE),
        ("", None),
        ("Джон", None),
    ],
)
def test_sex_from_the_patronymic(middle, sex):
    assert guess_sex(middle) is sex


def test_years_are_declined():
    assert [years_text(n) for n in (1, 2, 5, 11, 14, 21, 22, 25, 101, 112)] == [
        "1 год",
        "2 года",
        "5 лет",
        "11 лет",
        "14 лет",
        "21 год",
        "22 года",
        "25 лет",
        "101 год",
        "112 лет",
    ]


def test_normalising_trims_but_keeps_the_letters_as_written():
    person = normalized(pupil("  ЁЛКИНА ", " Мария  ", "Петровна ", class_name="7 а"))
    assert (person.last_name, person.first_name, person.middle_name) == (
        "ЁЛКИНА",
        "Мария",
        "Петровна",
    )
    assert person.class_name == "7А"
    assert person.sex is Sex.FEMALE
    assert normalized(replace(person, sex=Sex.MALE)).sex is Sex.MALE  # a chosen sex stays


def test_a_good_pupil_and_a_good_teacher_have_no_problems():
    assert messages(pupil(middle="Иванович")) == []
    teacher = PersonFields(
        TEACHER, "Петрова", "Анна", "Ильинична", birth_date=date(1980, 1, 1), experience_years=20
    )
    assert messages(teacher) == []


def test_the_validator_speaks_russian():
    assert messages(pupil(" ", "")) == ["Не указана фамилия.", "Не указано имя."]
    assert messages(pupil(birth_date=date(2030, 1, 1))) == [
        "Дата рождения 01.01.2030 ещё не наступила."
    ]
    assert messages(pupil(birth_date=date(1995, 1, 1))) == [
        "Дата рождения 01.01.1995: возраст 30 лет невозможен для обучающегося "
        "(ожидается от 6 до 19 лет)."
    ]
    assert messages(pupil(class_name="12Б")) == [
        "Класс «12Б» записан неверно: нужен номер от 1 до 11 и буква, например «7А»."
    ]
    assert messages(pupil("Итого:", "25")) == [
        "В фамилии недопустимые знаки: «Итого:».",
        "В имени недопустимые знаки: «25».",
    ]
    teacher = PersonFields(TEACHER, "Петрова", "Анна", birth_date=date(2010, 1, 1))
    assert messages(teacher) == [
        "Дата рождения 01.01.2010: возраст 15 лет невозможен для педагога "
        "(ожидается от 18 до 80 лет)."
    ]
    assert messages(replace(teacher, birth_date=None, experience_years=61)) == [
        "Стаж 61 год вне допустимых пределов (от 0 до 60 лет)."
    ]
    assert messages(replace(teacher, birth_date=None, email="anna.mail.ru")) == [
        "Адрес почты «anna.mail.ru» неверен."
    ]


def test_age_limits_are_inclusive():
    assert messages(pupil(birth_date=date(2019, 10, 15))) == []  # 6 today
    assert messages(pupil(birth_date=date(2019, 10, 16)))  # 5 until tomorrow
    assert messages(pupil(birth_date=date(2005, 10, 16))) == []  # still 19
    assert messages(pupil(birth_date=date(2005, 10, 15)))  # 20 today


def test_double_barrelled_and_apostrophe_names_are_fine():
    assert messages(pupil("Римская-Корсакова", "Анна-Мария", "Д'Арк")) == []


def test_add_person_normalises_and_stores(store):
    saved = add_person(store, pupil(" Ёлкина ", "Мария", "Петровна", class_name="7-а"), today=TODAY)
    again = get_person(store, saved.id)
    assert again is not None
    assert again.full_name == "Ёлкина Мария Петровна"
    assert (again.class_name, again.sex, again.category) == ("7А", Sex.FEMALE, STUDENT)


def test_add_person_refuses_with_every_problem(store):
    with pytest.raises(PersonError) as caught:
        add_person(store, pupil("", "Мария", birth_date=date(2030, 1, 1)), today=TODAY)
    assert str(caught.value) == "Не указана фамилия. Дата рождения 01.01.2030 ещё не наступила."
    assert [p.field for p in caught.value.problems] == ["last_name", "birth_date"]
    assert list_persons(store) == []


def test_update_person(store):
    saved = add_person(store, pupil(), today=TODAY)
    assert saved.id is not None
    changed = update_person(store, saved.id, pupil(class_name="8 б"), today=TODAY)
    assert changed.class_name == "8Б"
    assert get_person(store, saved.id).class_name == "8Б"
    with pytest.raises(PersonError):
        update_person(store, saved.id, pupil(first=""), today=TODAY)
    assert get_person(store, saved.id).first_name == "Иван"
    with pytest.raises(LookupError):
        update_person(store, 999, pupil(), today=TODAY)


def test_person_key_folds_case_yo_and_spaces():
    born = date(2012, 3, 4)
    assert person_key("Ёлкина ", "МАРИЯ", "петровна", born) == person_key(
        "елкина", "Мария", "  Петровна", born
    )
    assert person_key("Ёлкина", "Мария", "", born) != person_key("Ёлкина", "Мария", "", None)


def test_find_duplicates(store):
    first = add_person(store, pupil("Ёлкина", "Мария", "Петровна"), today=TODAY)
    add_person(
        store, pupil("Ёлкина", "Мария", "Петровна", birth_date=date(2013, 1, 1)), today=TODAY
    )
    found = find_duplicates(store, pupil("ЕЛКИНА", "мария", "Петровна"))
    assert [p.id for p in found] == [first.id]
    assert find_duplicates(store, pupil("Ёлкина", "Мария", "Петровна"), exclude_id=first.id) == []
    assert find_duplicates(store, pupil("Ёлкина", "Мария", "Павловна")) == []
    undated = pupil("Сидоров", "Олег", birth_date=None)
    add_person(store, undated, today=TODAY)
    assert len(find_duplicates(store, undated)) == 1


def test_the_duplicate_question_says_who_is_there_already(store):
    dated = pupil("Ёлкина", "Мария", "Петровна")
    add_person(store, dated, today=TODAY)
    question = duplicate_question(dated, find_duplicates(store, dated), "добавить ещё одного")
    born = f"{dated.birth_date:%d.%m.%Y}"
    assert question == (
        f"Участник «Ёлкина Мария Петровна» ({dated.class_name}, дата рождения {born}) уже есть "
        "в базе. Всё равно добавить ещё одного?"
    )
    undated = pupil("Сидоров", "Олег", birth_date=None, class_name="")
    add_person(store, undated, today=TODAY)
    add_person(store, undated, today=TODAY)
    # no «с той же датой рождения» when nobody has one
    assert duplicate_question(undated, find_duplicates(store, undated), "сохранить") == (
        "Участник «Сидоров Олег» уже есть в базе (таких записей: 2). Всё равно сохранить?"
    )


def test_list_persons_by_category_search_and_order(store):
    for last, first, cls in [
        ("Ёлкин", "Иван", "7А"),
        ("Абрамов", "Олег", "5Б"),
        ("Елисеев", "Пётр", "7А"),
        ("Жуков", "Антон", "9В"),
    ]:
        add_person(store, pupil(last, first, class_name=cls), today=TODAY)
    add_person(
        store,
        PersonFields(TEACHER, "Елкина", "Анна", birth_date=date(1980, 1, 1)),
        today=TODAY,
    )
    names = [p.last_name for p in list_persons(store, STUDENT)]
    assert names == ["Абрамов", "Елисеев", "Ёлкин", "Жуков"]  # Ё beside Е, not first
    assert [p.last_name for p in list_persons(store, search="ёлк")] == ["Ёлкин", "Елкина"]
    assert [p.last_name for p in list_persons(store, search="ЕЛК")] == ["Ёлкин", "Елкина"]
    assert [p.last_name for p in list_persons(store, STUDENT, search="елк")] == ["Ёлкин"]
    assert [p.last_name for p in list_persons(store, search="7а")] == ["Елисеев", "Ёлкин"]
    assert [p.last_name for p in list_persons(store, search="пётр 7А")] == ["Елисеев"]
    assert list_persons(store, search="%") == []
    assert list_persons(store, search="  ") == list_persons(store)


def test_archived_people_are_hidden_unless_asked(store):
    kept = add_person(store, pupil("Абрамов", "Олег"), today=TODAY)
    gone = add_person(store, pupil("Борисов", "Илья"), today=TODAY)
    set_archived(store, gone.id)
    assert [p.id for p in list_persons(store)] == [kept.id]
    assert [p.id for p in list_persons(store, include_archived=True)] == [kept.id, gone.id]
    set_archived(store, gone.id, False)
    assert len(list_persons(store)) == 2
