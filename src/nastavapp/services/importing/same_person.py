"""Who in a list is somebody already met: in the base, or in an earlier row of the same file.

The same person comes in differently written: the autumn's list without birth dates and the
spring's with them, «Новикова Нина» for «Новикова Нина Олеговна» born the same day. Besides the
same ФИО and birth date, a person is the one met when the surname and name are the same and
either the patronymic is too and one of the birth dates is missing, or the birth date is too
(known on both sides) and one of the patronymics is missing. Namesakes with different
patronymics or birth dates stay different people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..people import PersonKey

NO_BIRTH_DATE = "ФИО то же, дата рождения указана только в одном из списков"
NO_PATRONYMIC = "фамилия, имя и дата рождения те же, отчество указано только в одном из списков"


@dataclass(frozen=True)
class Match:
    value: int  # the person's id, or the row number where it was met
    note: str = ""  # why a not quite equal entry is the same person ("": all equal)


class MetPeople:
    """People by their keys, found also when written a little differently (see above); every
    look-up is a dictionary's (20,000 rows of a list with many namesakes)."""

    def __init__(self, known: Mapping[PersonKey, int] | None = None) -> None:
        self._exact: dict[PersonKey, int] = {}
        self._by_patronymic: dict[tuple[str, str, str], int] = {}  # (surname, name, patronymic)
        self._by_birth: dict[tuple[str, str, date], int] = {}  # (surname, name, birth date)
        for key, value in (known or {}).items():
            self.add(key, value)

    def add(self, key: PersonKey, value: int) -> None:
        last, first, middle, born = key
        self._exact.setdefault(key, value)
        self._by_patronymic.setdefault((last, first, middle), value)
        if born is not None:
            self._by_birth.setdefault((last, first, born), value)

    def find(self, key: PersonKey) -> Match | None:
        if key in self._exact:
            return Match(self._exact[key])
        last, first, middle, born = key
        # the same patronymic, a birth date on one side only
        same = (
            self._by_patronymic.get((last, first, middle))
            if born is None
            else self._exact.get((last, first, middle, None))
        )
        if same is not None:
            return Match(same, NO_BIRTH_DATE)
        if born is None:
            return None
        # the same birth date, a patronymic on one side only
        same = (
            self._by_birth.get((last, first, born))
            if not middle
            else self._exact.get((last, first, "", born))
        )
        return Match(same, NO_PATRONYMIC) if same is not None else None
