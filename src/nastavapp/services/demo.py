"""The demonstration school («Файл → Демонстрационные данные», ``nastavapp demo``).

``create_demo`` builds a realistic rural school in a NEW data file: pupils of classes 1–11,
teachers, external mentors, consents, the bases of mentors and mentees, pairs and groups with
plans and meetings, questionnaires and a roadmap half done as of ``today``. The large variant
(2,000 pupils, 150 teachers, 600 pairs and groups, two academic years) is what benchmarks use.
The same seed gives the same school; the curator's real data are never overwritten.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from ..models import (
    Meeting,
    MentoringGroup,
    Participation,
    Person,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from ..models.vocab import DocumentKind, MentoringForm, PersonCategory, Role, Sex
from ..store import Store, open_store
from .demo_bases import write_bases
from .demo_calendar import YearCalendar
from .demo_consents import write_consents
from .demo_feedback import write_feedback
from .demo_names import NamePicker
from .demo_pairs import PairsOrder, build_groups
from .demo_people import (
    CURATOR_POSITION,
    build_externals,
    build_pupils,
    build_teachers,
)
from .demo_program import CONFIGS, Selection, select_year
from .demo_roadmap import issue_orders, mark_roadmap
from .demo_rows import Rows
from .names import FullName
from .school import SchoolSetup, setup_school
from .years import create_year, list_years, parse_year_title, year_title_for

SIZES = ("small", "large")
# (village, the school's adjective, postcode)
VILLAGES = (
    ("Берёзовка", "Берёзовская", "397151"),
    ("Покровка", "Покровская", "397162"),
    ("Никольское", "Никольская", "397173"),
    ("Сосновка", "Сосновская", "397184"),
    ("Знаменка", "Знаменская", "397195"),
)
DISTRICTS = ("Петровский", "Каменский", "Ольховский")
STREETS = ("Школьная", "Центральная", "Молодёжная", "Советская", "Садовая")


class DemoError(ValueError):
    """The demo cannot be created; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class DemoSummary:
    """What the demo file holds (people in all; the rest in the current academic year)."""

    path: Path
    year: str
    students: int
    teachers: int
    external: int
    mentors: int
    mentees: int
    groups: int
    meetings: int
    responses: int


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise DemoError(
            f"«{path}» — это папка. Укажите имя нового файла для демонстрационной школы."
        )
    if path.exists() and path.stat().st_size > 0:
        raise DemoError(
            f"Файл «{path}» уже существует и не пуст. Демонстрационная школа создаётся только "
            "в новом файле, чтобы не затереть рабочие данные."
        )


def _remove_partial(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def create_demo(
    path: Path, *, size: str = "small", seed: int | None = None, today: date | None = None
) -> DemoSummary:
    """Create the demonstration school in the new file ``path``.

    Args:
        path: a file that does not exist yet (or is empty).
        size: "small" (a rural school of about 180 pupils) or "large" (2,000 pupils, two years).
        seed: another seed gives another school; without it the same school every time.
        today: the day the school is shown on (default: today); the current academic year is
            the one containing it and nothing is dated after it.

    Raises:
        DemoError: the size is unknown or ``path`` holds data.
    """
    if size not in SIZES:
        raise DemoError(f"Неизвестный размер демонстрационной школы «{size}»: small или large.")
    path = Path(path).expanduser()
    _check_target(path)
    created = not path.exists()
    rng = random.Random(0 if seed is None else seed)
    today = today or date.today()
    try:
        store = open_store(path)
        try:
            _build(store, rng, size, today)
            return _summary(store, path)
        finally:
            store.close()
    except BaseException:
        if created:
            _remove_partial(path)
        raise


def _build(store: Store, rng: random.Random, size: str, today: date) -> None:
    current_title = year_title_for(today)
    _, current_start, _ = parse_year_title(current_title)
    offsets = (1, 0) if size == "large" else (0,)
    village, adj, postcode = rng.choice(VILLAGES)
    district = rng.choice(DISTRICTS)
    names = NamePicker(rng)
    ids = itertools.count(1)  # a new file: no person yet
    pupils = build_pupils(rng, names, ids, size, current_start)
    teachers = build_teachers(rng, names, ids, size, current_start)
    externals = build_externals(rng, names, ids, size, current_start, adj)
    people = pupils + teachers + externals

    curator = next(t for t in teachers if t.position == CURATOR_POSITION)
    director_sex = Sex.FEMALE if rng.random() < 0.7 else Sex.MALE
    number = " № 2" if size == "large" else ""
    place = "р.п." if size == "large" else "с."
    first_title = year_title_for(current_start.replace(year=current_start.year - offsets[0]))
    forms = list(MentoringForm)
    setup_school(
        store,
        SchoolSetup(
            full_name=f"Муниципальное бюджетное общеобразовательное учреждение "
            f"«{adj} средняя общеобразовательная школа{number}»",
            short_name=f"МБОУ «{adj} СОШ{number}»",
            municipality=f"{district} муниципальный район Воронежской области",
            address=f"{postcode}, Воронежская область, {district} район, {place} {village}, "
            f"ул. {rng.choice(STREETS)}, д. {rng.randint(1, 40)}",
            director=FullName(*names.adult(director_sex)),
            director_sex=director_sex,
            curator=FullName(curator.last, curator.first, curator.middle),
            curator_sex=curator.sex,
            curator_position=CURATOR_POSITION,
            year_title=first_title,
            forms=forms,
        ),
    )
    if size == "large":
        create_year(store, current_title, forms, make_current=True)
    years = {y.title: y for y in list_years(store)}

    with store.session() as session:
        rows = Rows()
        rows.start_ids(session)
        for person in people:
            rows.add(Person, **person.row())
        played: list[tuple[YearCalendar, dict[DocumentKind, tuple[int, date, str]]]] = []
        participants: set[int] = set()
        for offset in offsets:
            start = current_start.replace(year=current_start.year - offset)
            year = years[year_title_for(start)]
            cal = YearCalendar(rng, start, today, year_id=int(year.id or 0), offset=offset)
            documents = issue_orders(rows, cal, year.title)
            selection = select_year(cal, CONFIGS[size, offset], pupils, teachers, externals)
            pairs = documents.get(DocumentKind.ORDER_PAIRS)
            order = PairsOrder(*pairs) if pairs else None
            outcomes = build_groups(rows, cal, selection.drafts, order)
            write_bases(rows, cal, selection, outcomes)
            write_feedback(rows, cal, outcomes)
            participants |= _people_in(selection)
            played.append((cal, documents))
        starts = [(current_start.replace(year=current_start.year - o), o) for o in offsets]
        write_consents(rows, rng, names, people, participants, starts, today)
        rows.insert(session)
        for cal, documents in played:
            mark_roadmap(session, cal, documents)
        session.commit()


def _people_in(selection: Selection) -> set[int]:
    found: set[int] = set()
    for draft in selection.drafts:
        found.add(draft.mentor.id)
        found.update(m.id for m in draft.mentees)
    found.update(p.id for p, *_ in selection.unpaired)
    found.update(p.id for p, *_ in selection.extras)
    return found


def _count(session: Session, query: Any) -> int:
    return int(session.exec(query).one() or 0)


def _summary(store: Store, path: Path) -> DemoSummary:
    year = next(y for y in list_years(store) if y.is_current)
    with store.session() as session:

        def people(category: PersonCategory) -> int:
            return _count(session, select(func.count()).where(Person.category == category))

        def role(which: Role) -> int:
            return _count(
                session,
                select(func.count(sa.distinct(col(Participation.person_id)))).where(
                    Participation.year_id == year.id, Participation.role == which
                ),
            )

        groups = select(MentoringGroup.id).where(MentoringGroup.year_id == year.id)
        templates = select(QuestionnaireTemplate.id).where(QuestionnaireTemplate.year_id == year.id)
        return DemoSummary(
            path=path,
            year=year.title,
            students=people(PersonCategory.STUDENT),
            teachers=people(PersonCategory.TEACHER),
            external=people(PersonCategory.EXTERNAL),
            mentors=role(Role.MENTOR),
            mentees=role(Role.MENTEE),
            groups=_count(session, select(func.count()).where(MentoringGroup.year_id == year.id)),
            meetings=_count(
                session,
                select(func.count()).where(col(Meeting.group_id).in_(groups)),
            ),
            responses=_count(
                session,
                select(func.count()).where(col(QuestionnaireResponse.template_id).in_(templates)),
            ),
        )


__all__ = ["SIZES", "DemoError", "DemoSummary", "create_demo"]
