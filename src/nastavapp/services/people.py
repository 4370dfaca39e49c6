"""The people of the school (обучающиеся, педагоги, внешние наставники): add, edit, find, list.

Fields are checked by :mod:`.person_fields` (shared with the importer). Two records are the same
person when their folded ФИО and birth date match (:func:`person_key`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlmodel import col, select

from ..models import Person
from ..models.vocab import PersonCategory
from ..store import Store
from ..store.text import ru_fold, ru_sort_key
from .names import clean
from .person_fields import FieldProblem, PersonFields, check_person, normalized

PersonKey = tuple[str, str, str, "date | None"]


class PersonError(ValueError):
    """A person cannot be saved; ``str()`` is the Russian message, ``problems`` the details."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(" ".join(p.message for p in problems))
        self.problems = problems


def person_key(
    last_name: str, first_name: str, middle_name: str, birth_date: date | None
) -> PersonKey:
    """The identity of a person for duplicate checks: ФИО folded (case, ё/е, spaces) + birth date.

    A missing birth date is a value of its own: two undated «Иванов Иван» are the same person.
    """
    return (
        ru_fold(clean(last_name)),
        ru_fold(clean(first_name)),
        ru_fold(clean(middle_name)),
        birth_date,
    )


def key_of(person: Person | PersonFields) -> PersonKey:
    return person_key(person.last_name, person.first_name, person.middle_name, person.birth_date)


def existing_keys(store: Store) -> dict[PersonKey, int]:
    """The key of every person in the file (archived too) → the person's id."""
    with store.session() as session:
        rows = session.execute(
            sa.select(
                col(Person.id),
                col(Person.last_name),
                col(Person.first_name),
                col(Person.middle_name),
                col(Person.birth_date),
            )
        ).all()
    return {
        person_key(last, first, middle, born): int(pid or 0)
        for pid, last, first, middle, born in rows
    }


def find_duplicates(
    store: Store, person: PersonFields, *, exclude_id: int | None = None
) -> list[Person]:
    """People already in the file with the same folded ФИО and birth date as ``person``."""
    wanted = key_of(person)
    with store.session() as session:
        query = select(Person).where(
            sa.func.ru_fold(Person.last_name) == wanted[0],
            Person.birth_date == wanted[3] if wanted[3] else col(Person.birth_date).is_(None),
        )
        if exclude_id is not None:
            query = query.where(Person.id != exclude_id)
        candidates = session.exec(query).all()
    return [p for p in candidates if key_of(p) == wanted]


def duplicate_question(person: PersonFields, found: list[Person], then: str) -> str:
    """The question before a second entry of someone in the file: who is there already (class
    or position, birth date when there is one), then «Всё равно ``then``?»."""
    other = found[0]
    details = [other.class_name or other.position]
    if other.birth_date is not None:
        details.append(f"дата рождения {other.birth_date:%d.%m.%Y}")
    known = ", ".join(d for d in details if d)
    who = f"«{person.full_name}»" + (f" ({known})" if known else "")
    more = f" (таких записей: {len(found)})" if len(found) > 1 else ""
    return f"Участник {who} уже есть в базе{more}. Всё равно {then}?"


def validated(person: PersonFields, today: date | None = None) -> PersonFields:
    """The normalised fields; raises PersonError with every problem in Russian."""
    person = normalized(person)
    problems = check_person(person, today or date.today())
    if problems:
        raise PersonError(problems)
    return person


def add_person(store: Store, person: PersonFields, *, today: date | None = None) -> Person:
    """Check and save a new person. Duplicates are the caller's to ask about (find_duplicates).

    Raises:
        PersonError: the fields break a rule; nothing is saved.
    """
    row = Person(**validated(person, today).values())
    with store.session() as session:
        session.add(row)
        session.commit()
        session.refresh(row)
    return row


def update_person(
    store: Store, person_id: int, person: PersonFields, *, today: date | None = None
) -> Person:
    """Check and save new fields of an existing person.

    Raises:
        PersonError: the fields break a rule; nothing is changed.
        LookupError: there is no such person.
    """
    values = validated(person, today).values()
    with store.session() as session:
        row = session.get(Person, person_id)
        if row is None:
            raise LookupError("Этого человека уже нет в базе.")
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        session.commit()
        session.refresh(row)
    return row


def get_person(store: Store, person_id: int) -> Person | None:
    with store.session() as session:
        return session.get(Person, person_id)


def set_archived(store: Store, person_id: int, archived: bool = True) -> None:
    """Mark a person as gone from the school (kept for earlier years) or back again."""
    with store.session() as session:
        row = session.get(Person, person_id)
        if row is None:
            raise LookupError("Этого человека уже нет в базе.")
        row.archived = archived
        session.add(row)
        session.commit()


def list_persons(
    store: Store,
    category: PersonCategory | None = None,
    search: str | None = None,
    *,
    include_archived: bool = False,
) -> list[Person]:
    """People sorted by ФИО the Russian way (Ё beside Е).

    ``search`` is split in words; each must occur in the ФИО or the class, folding case and ё/е
    («елкин 7а» finds «Ёлкин Иван», 7А).
    """
    with store.session() as session:
        query = select(Person)
        if category is not None:
            query = query.where(Person.category == category)
        if not include_archived:
            query = query.where(sa.not_(col(Person.archived)))
        haystack = sa.func.ru_fold(
            col(Person.last_name)
            + " "
            + col(Person.first_name)
            + " "
            + col(Person.middle_name)
            + " "
            + col(Person.class_name)
        )
        for word in _words(search):
            query = query.where(haystack.contains(word, autoescape=True))
        found = list(session.exec(query).all())
    found.sort(
        key=lambda p: (
            ru_sort_key(p.last_name),
            ru_sort_key(p.first_name),
            ru_sort_key(p.middle_name),
        )
    )
    return found


def _words(search: str | None) -> Iterable[str]:
    return [w for w in ru_fold(clean(search)).split(" ") if w]
