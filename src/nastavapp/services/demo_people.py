"""The contingent of the demonstration school: pupils by class, teachers, external mentors."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..models.vocab import ExternalKind, PersonCategory, Sex
from .demo_names import NamePicker, patronymic, surname_for

LETTERS = "АБВГДЕЖИК"

# (position, subject, small school, large school, share of men)
STAFF: tuple[tuple[str, str, int, int, float], ...] = (
    ("заместитель директора по УВР", "русский язык и литература", 1, 4, 0.15),
    ("учитель начальных классов", "начальные классы", 4, 30, 0.02),
    ("учитель русского языка и литературы", "русский язык и литература", 2, 16, 0.05),
    ("учитель математики", "математика", 2, 16, 0.2),
    ("учитель информатики", "информатика", 1, 6, 0.5),
    ("учитель истории и обществознания", "история и обществознание", 1, 9, 0.35),
    ("учитель английского языка", "английский язык", 2, 14, 0.05),
    ("учитель биологии", "биология", 1, 5, 0.15),
    ("учитель химии", "химия", 1, 4, 0.15),
    ("учитель физики", "физика", 1, 5, 0.4),
    ("учитель географии", "география", 1, 4, 0.25),
    ("учитель физической культуры", "физическая культура", 1, 10, 0.8),
    ("учитель музыки", "музыка", 1, 3, 0.2),
    ("учитель изобразительного искусства", "изобразительное искусство", 0, 3, 0.1),
    ("учитель технологии", "технология", 1, 5, 0.6),
    ("учитель ОБЗР", "основы безопасности и защиты Родины", 0, 2, 0.9),
    ("педагог-психолог", "", 1, 4, 0.05),
    ("социальный педагог", "", 1, 2, 0.05),
    ("учитель-логопед", "", 0, 3, 0.0),
    ("педагог дополнительного образования", "робототехника", 0, 5, 0.5),
)
CURATOR_POSITION = STAFF[0][0]
SUPPORT_STAFF = ("педагог-психолог", "социальный педагог", "учитель-логопед")

STUDENT_ORGS = (
    ("ФГБОУ ВО «Воронежский государственный педагогический университет»", (2, 3, 4)),
    (
        "ФГБОУ ВО «Воронежский государственный аграрный университет имени императора Петра I»",
        (2, 3),
    ),
    ("ГБПОУ ВО «Борисоглебский педагогический колледж»", (2, 3)),
    ("ФГБОУ ВО «Воронежский государственный технический университет»", (3, 4)),
)
EMPLOYERS = (
    ("ООО «Агрофирма „Рассвет“»", "главный инженер"),  # quotes inside quotes: „ “
    ("АО «{adj_m} молочный завод»", "инженер-технолог"),
    ("БУЗ ВО «{adj_f} районная больница»", "врач-терапевт"),
    ("ООО «ТехАгроСервис»", "инженер-механик"),
    ("ООО «{adj_m} элеватор»", "начальник лаборатории"),
)


@dataclass
class DemoPerson:
    """A person of the demo school before it becomes a ``person`` row."""

    id: int
    category: PersonCategory
    last: str
    first: str
    middle: str
    sex: Sex
    birth: date
    grade: int = 0  # pupils: class number in the current year
    class_name: str = ""
    position: str = ""
    subject: str = ""
    experience: int | None = None
    external_kind: ExternalKind | None = None
    organization: str = ""
    organization_position: str = ""
    family: str = ""  # pupils: the family's surname in the masculine form
    father: str = ""  # pupils: the father's first name
    phone: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.last} {self.first} {self.middle}".strip()

    @property
    def is_young_specialist(self) -> bool:
        return self.experience is not None and self.experience <= 3

    def age_on(self, day: date) -> int:
        before = (day.month, day.day) < (self.birth.month, self.birth.day)
        return day.year - self.birth.year - before

    def row(self) -> dict[str, object]:
        return {
            "id": self.id,
            "category": self.category,
            "last_name": self.last,
            "first_name": self.first,
            "middle_name": self.middle,
            "sex": self.sex,
            "birth_date": self.birth,
            "class_name": self.class_name,
            "position": self.position,
            "subject": self.subject,
            "experience_years": self.experience,
            "external_kind": self.external_kind,
            "organization": self.organization,
            "organization_position": self.organization_position,
            "phone": self.phone,
        }


def _birth_for_age(rng: random.Random, age: int, on: date, *, late: bool = False) -> date:
    """A birth date giving ``age`` full years on ``on``; ``late`` keeps it to spring–summer."""
    last = on.replace(year=on.year - age)  # the latest birthday still giving ``age``
    span = 183 if late else 364
    return last - timedelta(days=rng.randint(0, span))


def phone(rng: random.Random) -> str:
    code = rng.choice((900, 903, 905, 908, 910, 915, 920, 950, 951, 952, 960, 980))
    return f"+7 {code} {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"


def build_classes(rng: random.Random, size: str) -> list[tuple[str, int, int]]:
    """(class name, grade, pupils) for classes 1–11 with rural (small) or town (large) sizes."""
    if size == "large":
        target, low, high = 2000, 20, 30
        letters = [rng.choice((7, 7, 8)) if g < 10 else rng.choice((5, 6)) for g in range(1, 12)]
    else:
        target, low, high = rng.randint(172, 188), 12, 22
        double = rng.randint(1, 9)  # one parallel too big for one class
        letters = [2 if g == double else 1 for g in range(1, 12)]
    classes = [
        (g, LETTERS[i]) for g, n in zip(range(1, 12), letters, strict=True) for i in range(n)
    ]
    sizes = [rng.randint(low, high) for _ in classes]
    while sum(sizes) != target:  # nudge random classes until the school has its size
        i = rng.randrange(len(sizes))
        step = 1 if sum(sizes) < target else -1
        if low <= sizes[i] + step <= high:
            sizes[i] += step
    return [(f"{g}{letter}", g, n) for (g, letter), n in zip(classes, sizes, strict=True)]


def build_pupils(
    rng: random.Random, names: NamePicker, ids: Iterator[int], size: str, year_start: date
) -> list[DemoPerson]:
    pupils = []
    for class_name, grade, count in build_classes(rng, size):
        for _ in range(count):
            sex = rng.choice((Sex.MALE, Sex.FEMALE))
            older = rng.random() < 0.12  # started school at eight or stayed a year
            age = 6 + grade + older
            family, father = names.surname(), names.young_father()
            pupils.append(
                DemoPerson(
                    id=next(ids),
                    category=PersonCategory.STUDENT,
                    last=surname_for(family, sex),
                    first=names.child_first(sex),
                    middle=patronymic(father, sex),
                    sex=sex,
                    birth=_birth_for_age(rng, age, year_start, late=older),
                    grade=grade,
                    class_name=class_name,
                    family=family,
                    father=father,
                )
            )
    return pupils


def build_teachers(
    rng: random.Random, names: NamePicker, ids: Iterator[int], size: str, year_start: date
) -> list[DemoPerson]:
    """Teachers by the staff list; 4 (small) or 15 (large) young specialists."""
    slots = [
        (position, subject, men)
        for position, subject, small, large, men in STAFF
        for _ in range(large if size == "large" else small)
    ]
    young_count = 15 if size == "large" else 4
    candidates = [
        i
        for i, slot in enumerate(slots)
        if slot[0] != CURATOR_POSITION and slot[0] not in SUPPORT_STAFF
    ]
    young = set(rng.sample(candidates, young_count))
    teachers = []
    for i, (position, subject, men) in enumerate(slots):
        sex = Sex.MALE if rng.random() < men else Sex.FEMALE
        if i in young:
            age = rng.randint(22, 30)
            experience = rng.randint(0, min(3, age - 21))
        else:
            age = int(rng.triangular(27, 65, 50))
            if position == CURATOR_POSITION:
                age = max(age, 38)
            experience = max(4, min(age - 21, age - 22 - rng.randint(0, 10)))
        last, first, middle = names.adult(sex)
        teachers.append(
            DemoPerson(
                id=next(ids),
                category=PersonCategory.TEACHER,
                last=last,
                first=first,
                middle=middle,
                sex=sex,
                birth=_birth_for_age(rng, age, year_start),
                position=position,
                subject=subject,
                experience=experience,
                phone=phone(rng) if rng.random() < 0.8 else "",
            )
        )
    return teachers


def build_externals(
    rng: random.Random,
    names: NamePicker,
    ids: Iterator[int],
    size: str,
    year_start: date,
    village_adj: str,
) -> list[DemoPerson]:
    """College/university students (with course) and employers' staff (with position).

    ``village_adj`` is the feminine adjective of the village («Берёзовская»).
    """
    students, employees = (6, 4) if size == "large" else (2, 1)
    people = []
    for n in range(students + employees):
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
        last, first, middle = names.adult(sex)
        if n < students:
            org, courses = STUDENT_ORGS[n % len(STUDENT_ORGS)]
            course = rng.choice(courses)
            kind, place, age = (
                ExternalKind.STUDENT,
                f"{course} курс",
                17 + course + rng.randint(0, 1),
            )
        else:
            org, place = EMPLOYERS[(n - students) % len(EMPLOYERS)]
            adj_m = village_adj[:-2] + "ий"
            org, age = org.format(adj_m=adj_m, adj_f=village_adj), rng.randint(28, 52)
            kind = ExternalKind.EMPLOYEE
        people.append(
            DemoPerson(
                id=next(ids),
                category=PersonCategory.EXTERNAL,
                last=last,
                first=first,
                middle=middle,
                sex=sex,
                birth=_birth_for_age(rng, age, year_start),
                external_kind=kind,
                organization=org,
                organization_position=place,
                phone=phone(rng),
            )
        )
    return people
