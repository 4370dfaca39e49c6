"""The columns of the three tables: title, the text shown, the sort key, the starting width."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ...models.vocab import MenteeStatus
from ...services.bases_rows import YOUNG_SPECIALIST, BaseRow
from ...services.person_fields import years_text

Names = dict[int, str]


class BaseKind(str, Enum):
    """Which table: the whole contingent, the year's mentees, the year's mentors."""

    ALL = "all"
    MENTEES = "mentees"
    MENTORS = "mentors"


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[BaseRow, Names], str]
    width: int
    number: Callable[[BaseRow], float | None] | None = None  # numeric sort, empties last
    tip: str = ""
    centred: bool = False


def _place(row: BaseRow, _names: Names) -> str:
    return row.place


def _place_marked(row: BaseRow, _names: Names) -> str:
    if row.young_specialist:
        return f"{row.place}, {YOUNG_SPECIALIST}" if row.place else YOUNG_SPECIALIST
    return row.place


def _age(row: BaseRow, _names: Names) -> str:
    return str(row.age) if row.age is not None else ""


def _born(row: BaseRow, _names: Names) -> str:
    born = row.person.birth_date
    return born.strftime("%d.%m.%Y") if born else ""


def _experience(row: BaseRow, _names: Names) -> str:
    years = row.person.experience_years
    if years is None:
        return ""
    return f"{years_text(years)}, {YOUNG_SPECIALIST}" if row.young_specialist else years_text(years)


def _roles(row: BaseRow, _names: Names) -> str:
    roles = [
        word
        for word, info in (("наставник", row.mentor), ("наставляемый", row.mentee))
        if info is not None
    ]
    return " и ".join(roles)


def roles_detail(row: BaseRow) -> str:
    """«наставник: готов к работе; наставляемый: в паре / группе» for the tooltip."""
    parts = []
    if row.mentor is not None:
        parts.append(f"наставник: {row.mentor.status.label}")
    if row.mentee is not None:
        parts.append(f"наставляемый: {row.mentee.status.label}")
    return "; ".join(parts)


def _joined(ids: tuple[int, ...], names: Names) -> str:
    return ", ".join(names.get(i, "?") for i in ids)


def _mentor_or_status(row: BaseRow, names: Names) -> str:
    """The mentor's name once there is a pair; before that the status in the base."""
    mentee = row.mentee
    if mentee is None:
        return ""
    if mentee.mentors:
        shown = _joined(mentee.mentors, names)
        return f"{shown} (завершено)" if mentee.status is MenteeStatus.COMPLETED else shown
    text = mentee.status.label
    return f"{text}, нужна поддержка" if mentee.needs_support else text


def _mentees_load(row: BaseRow, names: Names) -> str:
    """«2 из 3: Калинин Н. В., Прохоров Н. А.»; «0 из 2» while he has none."""
    if row.mentor is None:
        return ""
    load = f"{len(row.mentor.mentees)} из {row.mentor.capacity}"
    return f"{load}: {_joined(row.mentor.mentees, names)}" if row.mentor.mentees else load


def _consent(row: BaseRow, _names: Names) -> str:
    return row.consent.status.label


def _name(row: BaseRow, _names: Names) -> str:
    return row.person.full_name


NAME = Column("ФИО", _name, 255)
CONSENT = Column("Согласие", _consent, 72, tip="Согласие на обработку персональных данных (152-ФЗ)")

COLUMNS: dict[BaseKind, tuple[Column, ...]] = {
    BaseKind.ALL: (
        NAME,
        Column("Класс / должность", _place, 160),
        Column("Возраст", _age, 62, number=lambda r: _age_key(r), tip="Полных лет", centred=True),
        Column("Стаж", _experience, 110, number=lambda r: r.person.experience_years),
        Column("Роль в году", _roles, 140),
        CONSENT,
    ),
    BaseKind.MENTEES: (
        NAME,
        Column("Класс /\nдолжность", _place_marked, 95),
        Column(
            "Запросы (кто выявил)",
            lambda r, _n: r.mentee.requests_text if r.mentee else "",
            200,
        ),
        Column(
            "Форма", lambda r, _n: r.mentee.form.label if r.mentee and r.mentee.form else "", 120
        ),
        Column(
            "Наставник",
            _mentor_or_status,
            120,
            tip="Наставник в паре или группе; пока его нет — статус в базе",
        ),
        CONSENT,
    ),
    BaseKind.MENTORS: (
        NAME,
        Column("Класс /\nдолжность", _place_marked, 95),
        Column(
            "Компетенции",
            lambda r, _n: r.mentor.competences_text if r.mentor else "",
            135,
        ),
        Column("Этап отбора", lambda r, _n: r.mentor.status.label if r.mentor else "", 178),
        Column(
            "Наставляемые",
            _mentees_load,
            128,
            number=lambda r: len(r.mentor.mentees) if r.mentor else None,
            tip="Сколько наставляемых у него уже есть из скольких он может взять, и кто они",
        ),
        CONSENT,
    ),
}


def _age_key(row: BaseRow) -> float | None:
    """Younger first: the later the birth date, the smaller the key."""
    born = row.person.birth_date
    return -float(born.toordinal()) if born else None


def belongs(row: BaseRow, kind: BaseKind) -> bool:
    if kind is BaseKind.MENTEES:
        return row.mentee is not None
    if kind is BaseKind.MENTORS:
        return row.mentor is not None
    return True


# the codes of the filter choices that are not a category, class, status or consent value
YOUNG = "young"  # молодые специалисты
SUPPORT = "support"  # наставляемые, которым нужна поддержка
LACKING = "lacking"  # согласия нет или оно отозвано
MENTEE, MENTOR, NO_ROLE = "mentee", "mentor", "none"  # roles in the year (the whole contingent)


def row_tags(row: BaseRow, kind: BaseKind) -> frozenset[str]:
    """Every filter choice the row passes, as «filter:code» (filters.FilterBar): a row passes
    the chosen filters when their tags are a subset of its own."""
    person = row.person
    tags = {
        f"category:{person.category.value}",
        f"class:{person.class_name}",
        f"consent:{row.consent.status.value}",
    }
    if not row.consent.given:
        tags.add(f"consent:{LACKING}")
    if row.young_specialist:
        tags.add(f"status:{YOUNG}")
    if kind is BaseKind.MENTEES:
        if row.mentee is not None:
            tags.add(f"status:{row.mentee.status.value}")
            if row.mentee.needs_support:
                tags.add(f"status:{SUPPORT}")
    elif kind is BaseKind.MENTORS:
        if row.mentor is not None:
            tags.add(f"status:{row.mentor.status.value}")
    else:
        if row.mentee is not None:
            tags.add(f"status:{MENTEE}")
        if row.mentor is not None:
            tags.add(f"status:{MENTOR}")
        if row.mentee is None and row.mentor is None:
            tags.add(f"status:{NO_ROLE}")
    return frozenset(tags)
