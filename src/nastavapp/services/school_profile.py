"""The school's profile edited after the first run («Сведения о школе»): its names, director,
curator, and the forms of mentoring a year uses.

A new director, a typo made in the first-run wizard: every order, the roadmap and the report
take these from here. A form is not taken away from a year while pairs, groups or participants
of that year are in it (they would lose their form); adding one is always possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, func, select

from ..models import AcademicYear, MentoringGroup, Participation, School
from ..models.vocab import MentoringForm, Sex
from ..store import Store
from .names import FullName, clean, russian_quotes
from .school import SetupError, curator_name, director_name, get_school, profile_problems


@dataclass(frozen=True)
class SchoolProfile:
    full_name: str
    short_name: str
    municipality: str
    address: str
    code: str  # ИНН or a municipal code: how the municipal centre tells schools apart
    director: FullName
    director_sex: Sex
    curator: FullName
    curator_sex: Sex
    curator_position: str

    def problems(self) -> list[str]:
        return profile_problems(self.full_name, self.short_name, self.director, self.curator)


def profile_of(school: School) -> SchoolProfile:
    return SchoolProfile(
        full_name=school.full_name,
        short_name=school.short_name,
        municipality=school.municipality,
        address=school.address,
        code=school.code,
        director=director_name(school),
        director_sex=school.director_sex,
        curator=curator_name(school),
        curator_sex=school.curator_sex,
        curator_position=school.curator_position,
    )


def update_school(store: Store, profile: SchoolProfile) -> School:
    """Save the edited profile (names cleaned, quotes made «»); ``SetupError`` in Russian."""
    problems = profile.problems()
    if problems:
        raise SetupError(" ".join(problems))
    current = get_school(store)
    if current is None:
        raise SetupError("Школа в этой базе ещё не заведена.")
    director, curator = profile.director.capitalized(), profile.curator.capitalized()
    with store.session() as session:
        school = session.get(School, current.id)
        assert school is not None
        school.full_name = russian_quotes(clean(profile.full_name))
        school.short_name = russian_quotes(clean(profile.short_name))
        school.municipality = clean(profile.municipality)
        school.address = clean(profile.address)
        school.code = clean(profile.code)
        school.director_last_name = director.last
        school.director_first_name = director.first
        school.director_middle_name = director.middle
        school.director_sex = profile.director_sex
        school.curator_last_name = curator.last
        school.curator_first_name = curator.first
        school.curator_middle_name = curator.middle
        school.curator_sex = profile.curator_sex
        school.curator_position = clean(profile.curator_position)
        session.add(school)
        session.commit()
        session.refresh(school)
        return school


@dataclass(frozen=True)
class FormUse:
    groups: int  # pairs and groups of the year in this form, disbanded ones too
    participants: int  # mentors and mentees of the year marked with this form

    def text(self) -> str:
        parts = []
        if self.groups:
            parts.append(f"пар и групп: {self.groups}")
        if self.participants:
            parts.append(f"участников: {self.participants}")
        return ", ".join(parts)


def forms_in_use(store: Store, year_id: int) -> dict[MentoringForm, FormUse]:
    """The year's forms that pairs, groups or participants are in, with how many."""
    with store.session() as session:
        groups = dict(
            session.exec(
                select(MentoringGroup.form, func.count())
                .where(col(MentoringGroup.year_id) == year_id)
                .group_by(col(MentoringGroup.form))
            ).all()
        )
        people = dict(
            session.exec(
                select(Participation.form, func.count())
                .where(col(Participation.year_id) == year_id, col(Participation.form).is_not(None))
                .group_by(col(Participation.form))
            ).all()
        )
    return {
        MentoringForm(form): FormUse(groups.get(form, 0), people.get(form, 0))
        for form in {*groups, *people}
        if form is not None
    }


def set_year_forms(store: Store, year_id: int, forms: list[MentoringForm]) -> AcademicYear:
    """Give the year these forms (in the vocabulary's order); a form in use stays, refused."""
    if not forms:
        raise SetupError("Выберите хотя бы одну форму наставничества.")
    used = forms_in_use(store, year_id)
    kept = [f for f in MentoringForm if f in used and f not in forms]
    if kept:
        one = len(kept) == 1
        uses = "; ".join(f"«{form.label}» — {used[form].text()}" for form in kept)
        raise SetupError(
            ("Эту форму нельзя убрать: в ней" if one else "Эти формы нельзя убрать: в них")
            + f" уже есть пары, группы или участники этого года ({uses}). Форму можно убрать, "
            "когда в ней не останется ни пар и групп, ни участников."
        )
    with store.session() as session:
        year = session.get(AcademicYear, year_id)
        if year is None:
            raise SetupError("Учебный год не найден: возможно, его удалили.")
        year.forms = [f.value for f in MentoringForm if f in forms]
        session.add(year)
        session.commit()
        session.refresh(year)
        return year
