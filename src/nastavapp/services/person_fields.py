"""A person's editable fields, their normalisation and the one validator.

The form dialog and the importer share this module, so a person typed by hand and a person read
from a school's list meet the same rules and the same Russian messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date

from ..models import Person
from ..models.vocab import ExternalKind, PersonCategory, Sex
from .names import clean, name_case

# Plausible age at the day of entry, inclusive (full years).
AGE_LIMITS: dict[PersonCategory, tuple[int, int]] = {
    PersonCategory.STUDENT: (6, 19),
    PersonCategory.TEACHER: (18, 80),
    PersonCategory.EXTERNAL: (14, 80),
}
EXPERIENCE_LIMITS = (0, 60)
CATEGORY_GENITIVE = {
    PersonCategory.STUDENT: "обучающегося",
    PersonCategory.TEACHER: "педагога",
    PersonCategory.EXTERNAL: "внешнего наставника",
}

_NAME_OK = re.compile(r"^[A-Za-zА-Яа-яЁё]+(?:[ \-'’][A-Za-zА-Яа-яЁё]+)*$")
_CLASS = re.compile(r"^0*(\d{1,2})\s*[-–—]?\s*[«\"']?\s*([A-Za-zА-Яа-яЁё])?\s*[»\"']?$")
_CLASS_WORD = re.compile(r"\s*(класс|кл\.?)\s*$", re.IGNORECASE)
# Latin letters typed instead of their Cyrillic twins («7A» with a Latin A).
_LATIN_TWINS = str.maketrans("ABCEHKMOPTXaceopx", "АВСЕНКМОРТХАСЕОРХ")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PersonFields:
    """What a user can enter about a person (a plain, validated-on-demand copy of ``Person``)."""

    category: PersonCategory
    last_name: str
    first_name: str
    middle_name: str = ""
    sex: Sex | None = None
    birth_date: date | None = None
    class_name: str = ""
    position: str = ""
    subject: str = ""
    experience_years: int | None = None
    external_kind: ExternalKind | None = None
    organization: str = ""
    organization_position: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""

    @classmethod
    def from_person(cls, person: Person) -> PersonFields:
        return cls(**{f.name: getattr(person, f.name) for f in fields(cls)})

    def values(self) -> dict[str, object]:
        """Column values for ``Person`` (the same names)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field (``field`` is a ``PersonFields`` attribute name)."""

    field: str
    message: str


def years_text(n: int) -> str:
    """«1 год», «3 года», «25 лет»."""
    tail = n % 100
    if 11 <= tail <= 14:
        word = "лет"
    elif n % 10 == 1:
        word = "год"
    elif 2 <= n % 10 <= 4:
        word = "года"
    else:
        word = "лет"
    return f"{n} {word}"


def age_on(birth_date: date, day: date) -> int:
    """Full years on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def normalize_class_name(text: str) -> str | None:
    """«7 а», «7-А», «7A» (Latin), «07а», «7 «А» класс» → «7А»; «5» stays «5».

    Returns None when the text is not a school class (1–11 and at most one letter).
    """
    value = _CLASS_WORD.sub("", clean(text))
    match = _CLASS.match(value)
    if not match:
        return None
    number, letter = int(match.group(1)), (match.group(2) or "")
    letter = letter.translate(_LATIN_TWINS).upper()
    if not 1 <= number <= 11 or (letter and not ("А" <= letter <= "Я" or letter == "Ё")):
        return None
    return f"{number}{letter}"


def guess_sex(middle_name: str) -> Sex | None:
    """From the patronymic: …вна/…чна/кызы → female, …ич/оглы/улы → male; else unknown."""
    words = clean(middle_name).casefold().replace("ё", "е").split(" ")
    last = words[-1] if words else ""
    first = words[0] if words else ""
    if last in ("кызы", "гызы") or first.endswith(("вна", "чна", "шна")):
        return Sex.FEMALE
    if last in ("оглы", "оглу", "улы", "уулу") or first.endswith("ич"):
        return Sex.MALE
    return None


def normalized(person: PersonFields) -> PersonFields:
    """Trim stray spaces, write the class as «7А», guess a missing sex from the patronymic.

    Names keep their letters as written (no ё changes, «ИВАНОВ» in the official style stays),
    except that a part typed all in lower case gets its capital («иванов» → «Иванов»).
    """
    class_name = clean(person.class_name)
    return replace(
        person,
        last_name=name_case(person.last_name),
        first_name=name_case(person.first_name),
        middle_name=name_case(person.middle_name),
        sex=person.sex or guess_sex(person.middle_name),
        class_name=normalize_class_name(class_name) or class_name,
        position=clean(person.position),
        subject=clean(person.subject),
        organization=clean(person.organization),
        organization_position=clean(person.organization_position),
        phone=clean(person.phone),
        email=clean(person.email),
        notes=(person.notes or "").strip(),
    )


def check_person(person: PersonFields, today: date) -> list[FieldProblem]:
    """Every problem of a (normalised) person, in Russian; empty when the person can be saved."""
    problems: list[FieldProblem] = []
    for name, what, missing in (
        ("last_name", "фамилии", "Не указана фамилия."),
        ("first_name", "имени", "Не указано имя."),
        ("middle_name", "отчестве", ""),
    ):
        value = clean(getattr(person, name))
        if not value:
            if missing:
                problems.append(FieldProblem(name, missing))
        elif not _NAME_OK.match(value):
            problems.append(FieldProblem(name, f"В {what} недопустимые знаки: «{value}»."))
    if person.birth_date is not None:
        problems.extend(_birth_date_problems(person, today))
    class_name = clean(person.class_name)
    student = person.category is PersonCategory.STUDENT
    if student and class_name and normalize_class_name(class_name) is None:
        problems.append(
            FieldProblem(
                "class_name",
                f"Класс «{class_name}» записан неверно: нужен номер от 1 до 11 и буква, "
                "например «7А».",
            )
        )
    if person.experience_years is not None:
        low, high = EXPERIENCE_LIMITS
        if not low <= person.experience_years <= high:
            problems.append(
                FieldProblem(
                    "experience_years",
                    f"Стаж {years_text(person.experience_years)} вне допустимых пределов "
                    f"(от {low} до {high} лет).",
                )
            )
    if clean(person.email) and not _EMAIL.match(clean(person.email)):
        problems.append(FieldProblem("email", f"Адрес почты «{clean(person.email)}» неверен."))
    return problems


def _birth_date_problems(person: PersonFields, today: date) -> list[FieldProblem]:
    born = person.birth_date
    assert born is not None
    shown = born.strftime("%d.%m.%Y")
    if born > today:
        return [FieldProblem("birth_date", f"Дата рождения {shown} ещё не наступила.")]
    low, high = AGE_LIMITS[person.category]
    age = age_on(born, today)
    if not low <= age <= high:
        who = CATEGORY_GENITIVE[person.category]
        return [
            FieldProblem(
                "birth_date",
                f"Дата рождения {shown}: возраст {years_text(age)} невозможен для {who} "
                f"(ожидается от {low} до {high} лет).",
            )
        ]
    return []
