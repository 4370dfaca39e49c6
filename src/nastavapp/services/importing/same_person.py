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
    """People by their keys, found also when written a little differently (see above)."""

    def __init__(self, known: Mapping[PersonKey, int] | None = None) -> None:
        self._exact: dict[PersonKey, int] = {}
        self._by_name: dict[tuple[str, str], list[tuple[str, date | None, int]]] = {}
        for key, value in (known or {}).items():
            self.add(key, value)

    def add(self, key: PersonKey, value: int) -> None:
        self._exact.setdefault(key, value)
        last, first, middle, born = key
        self._by_name.setdefault((last, first), []).append((middle, born, value))

    def find(self, key: PersonKey) -> Match | None:
        if key in self._exact:
            return Match(self._exact[key])
        last, first, middle, born = key
        for other_middle, other_born, value in self._by_name.get((last, first), ()):
            if other_middle == middle and (born is None or other_born is None):
                return Match(value, NO_BIRTH_DATE)
            if born is not None and other_born == born and not (middle and other_middle):
                return Match(value, NO_PATRONYMIC)
        return None
