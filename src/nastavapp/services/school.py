"""The school profile and the first-run set-up (school, curator, first academic year)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import col, select

from ..models import School
from ..models.vocab import MentoringForm, Sex
from ..store import Store
from .names import FullName, clean, russian_quotes
from .years import YearError, create_year, parse_year_title


@dataclass
class SchoolSetup:
    """What the first-run wizard collects. ``problems()`` lists what is missing, in Russian."""

    full_name: str
    short_name: str
    municipality: str
    address: str
    director: FullName
    director_sex: Sex
    curator: FullName
    curator_sex: Sex
    curator_position: str
    year_title: str
    forms: list[MentoringForm] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = profile_problems(self.full_name, self.short_name, self.director, self.curator)
        try:
            parse_year_title(self.year_title)
        except YearError as exc:
            found.append(str(exc))
        if not self.forms:
            found.append("Выберите хотя бы одну форму наставничества.")
        return found


# The longest real full names (with «имени …» and the municipality) are about 300 characters; a
# 2,000-character one (a paste gone wrong) stopped the roadmap's PDF («УТВЕРЖДАЮ» taller than
# the page: reportlab's LayoutError, «непредвиденная ошибка»).
MAX_FULL_NAME = 500
MAX_SHORT_NAME = 200


def _signs(text: str) -> str:
    from .deletion_text import plural

    return plural(len(clean(text)), "знак", "знака", "знаков")


def profile_problems(
    full_name: str, short_name: str, director: FullName, curator: FullName
) -> list[str]:
    """What the school's profile cannot do without, in Russian (the wizard and its editing)."""
    found = []
    if not clean(full_name):
        found.append("Укажите полное наименование школы.")
    elif len(clean(full_name)) > MAX_FULL_NAME:
        found.append(
            f"Полное наименование слишком длинное ({_signs(full_name)}): в документах "
            f"помещается не больше {MAX_FULL_NAME}. Возможно, вставлен лишний текст — сократите его."
        )
    if not clean(short_name):
        found.append("Укажите краткое наименование школы.")
    elif len(clean(short_name)) > MAX_SHORT_NAME:
        found.append(
            f"Краткое наименование слишком длинное ({_signs(short_name)}): в документах "
            f"помещается не больше {MAX_SHORT_NAME}. Сократите его."
        )
    if not director.is_complete:
        found.append("Укажите фамилию и имя директора.")
    if not curator.is_complete:
        found.append("Укажите фамилию и имя куратора.")
    return found


class SetupError(ValueError):
    """The set-up cannot be saved; ``str()`` is the Russian message."""


def get_school(store: Store) -> School | None:
    with store.session() as session:
        return session.exec(select(School).order_by(col(School.id))).first()


def setup_school(store: Store, setup: SchoolSetup) -> School:
    """Save the school profile and create its first academic year (current)."""
    problems = setup.problems()
    if problems:
        raise SetupError(" ".join(problems))
    if get_school(store) is not None:
        raise SetupError("Школа в этой базе уже заведена.")
    director, curator = setup.director.capitalized(), setup.curator.capitalized()
    school = School(
        full_name=russian_quotes(clean(setup.full_name)),
        short_name=russian_quotes(clean(setup.short_name)),
        municipality=clean(setup.municipality),
        address=clean(setup.address),
        director_last_name=director.last,
        director_first_name=director.first,
        director_middle_name=director.middle,
        director_sex=setup.director_sex,
        curator_last_name=curator.last,
        curator_first_name=curator.first,
        curator_middle_name=curator.middle,
        curator_sex=setup.curator_sex,
        curator_position=clean(setup.curator_position),
    )
    with store.session() as session:
        session.add(school)
        session.commit()
        session.refresh(school)
    create_year(store, setup.year_title, setup.forms, make_current=True)
    return school


def director_name(school: School) -> FullName:
    return FullName(
        school.director_last_name, school.director_first_name, school.director_middle_name
    )


def curator_name(school: School) -> FullName:
    return FullName(school.curator_last_name, school.curator_first_name, school.curator_middle_name)
