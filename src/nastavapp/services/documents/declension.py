"""Names and positions in the grammatical case an order needs (склонение ФИО и должностей).

«Назначить куратором Иванову Марию Петровну», «объявить благодарность Петрову Ивану
Сергеевичу». Names go through pytrovich (the Petrovich rules), which mangles upper case and stray
spaces («ИВАНОВ» → «ИВАНОВа»): every word is cleaned and put in title case first, declined, and
its own case restored afterwards. Surnames that Russian does not decline stay as they are:
women's surnames ending in a consonant (Шевчук, Ковальчук), -ых/-их (Белых, Долгих), and those
ending in -о, -е, -и, -у, -ю (Шевченко, Дурново). A declined form is a proposal: documents let the
curator correct it before saving.

pytrovich is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any

from ...models.vocab import Sex
from ..names import FullName, clean, initials

VOWELS = "аеёиоуыэюя"
# endings of surnames that never change (both sexes)
_FIXED_SURNAME_ENDINGS = ("ых", "их", "о", "е", "э", "и", "у", "ю")


class Case(str, Enum):
    """Падеж."""

    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"

    @property
    def label(self) -> str:
        return _CASE_LABELS[self]


_CASE_LABELS = {
    Case.NOMINATIVE: "именительный",
    Case.GENITIVE: "родительный",
    Case.DATIVE: "дательный",
    Case.ACCUSATIVE: "винительный",
    Case.INSTRUMENTAL: "творительный",
    Case.PREPOSITIONAL: "предложный",
}


# --- case of letters ------------------------------------------------------------------------
def title_word(word: str) -> str:
    """«ИВАНОВА» → «Иванова», «петрова-водкина» → «Петрова-Водкина»."""
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def restore_case(original: str, declined: str) -> str:
    """Give ``declined`` (made from the title-cased ``original``) the letter case of ``original``.

    «ИВАНОВА» + «Иванову» → «ИВАНОВУ»; «иванова» → «иванову»; «МакКой» keeps its inner capital.
    """
    if original.isupper():
        return declined.upper()
    if original.islower():
        return declined.lower()
    if original == title_word(original):
        return declined
    letters = []
    for index, char in enumerate(declined):
        source = original[index] if index < len(original) else ""
        letters.append(source if source.lower() == char.lower() else char)
    return "".join(letters)


# --- pytrovich ------------------------------------------------------------------------------
@cache
def _maker() -> Any:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@cache
def _detector() -> Any:
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def detect_sex(name: FullName) -> Sex | None:
    """The sex the name tells (the patronymic first), or None when it does not."""
    from pytrovich.enums import Gender

    parts = {
        "firstname": title_word(name.first) or None,
        "lastname": title_word(name.last) or None,
        "middlename": title_word(name.middle) or None,
    }
    if not any(parts.values()):
        return None
    gender = _detector().detect(**parts)
    return {Gender.MALE: Sex.MALE, Gender.FEMALE: Sex.FEMALE}.get(gender)


def _fixed_surname(word: str, sex: Sex | None) -> bool:
    """A surname Russian leaves as it is in every case."""
    lower = word.lower()
    if sex is Sex.FEMALE and lower[-1:] not in VOWELS:
        return True  # Шевчук, Ковальчук, Гусь: a woman's surname on a consonant
    if lower.endswith(("ых", "их")) and len(lower) > 3:
        return True  # Белых, Долгих, Седых
    return lower[-1:] in "оеэиую"


def _decline_part(part: str, kind: str, case: Case, sex: Sex | None) -> str:
    """Decline one part (surname, name or patronymic, maybe of several words) of a name."""
    from pytrovich.enums import Case as PCase
    from pytrovich.enums import Gender, NamePart

    words = clean(part).split(" ") if clean(part) else []
    if not words or case is Case.NOMINATIVE:
        return " ".join(words)
    if kind == "middle" and len(words) > 1:
        return " ".join(words)  # «Ахмед оглы», «Рашид кызы» do not change
    name_part = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME}.get(
        kind, NamePart.MIDDLENAME
    )
    gender = Gender.ANDROGYNOUS
    if sex is not None:
        gender = Gender.FEMALE if sex is Sex.FEMALE else Gender.MALE
    result = []
    for word in words:
        pieces = []
        for piece in word.split("-"):
            if kind == "last" and _fixed_surname(piece, sex):
                pieces.append(piece)  # each half of a double surname on its own
                continue
            declined = _maker().make(
                name_part,
                gender,
                PCase[case.name],
                title_word(piece),
                known_gender=sex is not None,
            )
            pieces.append(restore_case(piece, declined))
        result.append("-".join(pieces))
    return " ".join(result)


def decline_full_name(name: FullName, case: Case, sex: Sex | None = None) -> FullName:
    """The three parts of ``name`` in ``case``; the sex is guessed from the name when not given."""
    name = FullName(clean(name.last), clean(name.first), clean(name.middle))
    sex = sex or detect_sex(name)
    return FullName(
        _decline_part(name.last, "last", case, sex),
        _decline_part(name.first, "first", case, sex),
        _decline_part(name.middle, "middle", case, sex),
    )


def decline_name(name: str | FullName, case: Case, sex: Sex | None = None) -> str:
    """«Иванова Мария Петровна» → «Иванову Марию Петровну» (``Case.ACCUSATIVE``).

    Args:
        name: ФИО as one string (any case, stray spaces) or a ``FullName``.
        case: the case the sentence needs.
        sex: the person's sex; guessed from the name when None.
    """
    full = FullName.parse(name) if isinstance(name, str) else name
    return decline_full_name(full, case, sex).full


def decline_short(name: str | FullName, case: Case, sex: Sex | None = None) -> str:
    """«Попова Анна Игоревна» → «Поповой А. И.» (``Case.DATIVE``): surname declined, initials."""
    full = FullName.parse(name) if isinstance(name, str) else name
    declined = decline_full_name(full, case, sex)
    return FullName(declined.last, clean(full.first), clean(full.middle)).short


def initials_first(name: str | FullName) -> str:
    """«Антонова Инна Геннадьевна» → «И. Г. Антонова» (the signature line, ГОСТ Р 7.0.97)."""
    full = FullName.parse(name) if isinstance(name, str) else name
    return " ".join([*initials(clean(full.first), clean(full.middle)), clean(full.last)]).strip()


# --- positions ------------------------------------------------------------------------------
# adjective endings: nominative → (genitive, dative, accusative (animate), instrumental)
_ADJECTIVE = {
    "ый": ("ого", "ому", "ого", "ым"),
    "ой": ("ого", "ому", "ого", "ым"),
    "ий": ("его", "ему", "его", "им"),  # corrected after ж, ш, ч, щ, г, к, х below
    "ая": ("ой", "ой", "ую", "ой"),
    "яя": ("ей", "ей", "юю", "ей"),
}
_HUSHING = "гкхжшчщ"
_CASE_INDEX = {Case.GENITIVE: 0, Case.DATIVE: 1, Case.ACCUSATIVE: 2, Case.INSTRUMENTAL: 3}


def _adjective(word: str, case: Case) -> str | None:
    index = _CASE_INDEX[case]
    ending = word[-2:].lower()
    if ending not in _ADJECTIVE:
        return None
    stem = word[:-2]
    suffix = _ADJECTIVE[ending][index]
    if ending == "ая" and stem[-1:].lower() in "жшчщ":
        suffix = ("ей", "ей", "ую", "ей")[index]  # хорошая → хорошей, обучающаяся → -ейся
    if ending == "ий" and stem[-1:].lower() in _HUSHING:
        # старший → старшего, русский → русского, обучающийся is handled as a participle
        suffix = ("его", "ему", "его", "им")[index] if stem[-1:].lower() in "жшчщ" else suffix
        if stem[-1:].lower() in "гкх":
            suffix = ("ого", "ому", "ого", "им")[index]
    return stem + suffix


def _noun(word: str, case: Case) -> str:
    """A masculine noun of a position («учитель», «педагог», «директор»), or one in -а/-я."""
    index = _CASE_INDEX[case]
    lower = word.lower()
    if lower.endswith("ь"):
        return word[:-1] + ("я", "ю", "я", "ем")[index]
    if lower.endswith("й"):
        return word[:-1] + ("я", "ю", "я", "ем")[index]
    if lower.endswith("а"):
        after = word[:-1][-1:].lower()
        gen = "и" if after in _HUSHING else "ы"
        return word[:-1] + (gen, "е", "у", "ой")[index]
    if lower.endswith("я"):
        return word[:-1] + ("и", "е", "ю", "ей")[index]
    if lower[-1:] in VOWELS:
        return word  # «атташе»
    instrumental = "ем" if lower[-1:] in "жшчщц" else "ом"
    return word + ("а", "у", "а", instrumental)[index]


def decline_position(post: str, case: Case) -> str:
    """«учитель математики» → «учителю математики» (``Case.DATIVE``).

    The leading adjectives and the first noun change («социальный педагог» → «социального
    педагога», «педагог-психолог» → «педагога-психолога»); the words after it stay.
    """
    words = clean(post).split(" ") if clean(post) else []
    if case in (Case.NOMINATIVE, Case.PREPOSITIONAL) or not words:
        return " ".join(words)
    result = []
    for position, word in enumerate(words):
        lower = word.lower()
        if lower.endswith(("ийся", "аяся")):  # обучающийся, обучающаяся
            base = _adjective(word[:-2], case)
            result.append((base or word[:-2]) + "ся")
            result += words[position + 1 :]
            break
        adjective = _adjective(word, case) if not lower.endswith("ий") or len(word) > 4 else None
        if adjective is not None and position + 1 < len(words):
            result.append(adjective)
            continue
        if adjective is not None:  # «вожатый», «дежурный» alone: an adjective used as a noun
            result.append(adjective)
            result += words[position + 1 :]
            break
        result.append("-".join(_noun(part, case) for part in word.split("-")))
        result += words[position + 1 :]
        break
    return " ".join(result)
