"""Words in the printed documents stay whole and together: a long word of a table cell is not cut
(«Профессиональ|ное», «изобра|зительного», «С|околовский»), and a line never parts what Russian
typography keeps together («от 21 | мая», «(приложение | 1)», «с. | Сосновка»)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select

from nastavapp.models import Person
from nastavapp.models.vocab import GroupStatus
from nastavapp.services.documents.lists_pdf import ListKind, export_list
from nastavapp.services.documents.plan_pdf import export_plan_pdf
from nastavapp.services.pairs import GroupCard, list_groups
from nastavapp.services.plans import PlanItemDraft, add_item
from nastavapp.services.years import current_year
from nastavapp.store import Store

from .conftest import DEMO_DAY

MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"


def lines(path: Path) -> list[str]:
    """The PDF's text line by line, as the pages print it (no-break spaces as spaces)."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines()]


def words(path: Path) -> set[str]:
    return {w.strip(",.;:()«»") for line in lines(path) for w in line.split()}


def live_cards(store: Store) -> list[GroupCard]:
    year = current_year(store)
    assert year is not None
    return [c for c in list_groups(store, year.id) if c.status is not GroupStatus.DISBANDED]


def rename(store: Store, person_id: int, **fields: str) -> None:
    with store.session() as session:
        person = session.exec(select(Person).where(Person.id == person_id)).one()
        for name, value in fields.items():
            setattr(person, name, value)
        session.add(person)
        session.commit()


def test_a_long_direction_of_a_plan_is_not_cut(demo: Store, tmp_path: Path) -> None:
    card = live_cards(demo)[0]
    mentee = card.mentees[0]
    direction = "Профессиональное самоопределение"
    add_item(
        demo,
        card.id,
        mentee.id,
        PlanItemDraft(task="Встреча с молодыми специалистами", direction=direction),
        today=DEMO_DAY,
    )
    path = export_plan_pdf(demo, card.id, tmp_path / "план.pdf", today=DEMO_DAY)
    found = words(path)
    assert {"Профессиональное", "самоопределение"} <= found, sorted(found)


def test_a_long_surname_with_initials_is_not_cut_in_the_base_list(
    demo: Store, tmp_path: Path
) -> None:
    # the mentees of a mentor are listed as «Фамилия И. О.», tied by no-break spaces: the
    # column must be as wide as the whole, not as its longest word
    card = next(c for c in live_cards(demo) if len(c.mentees) > 2)
    for mentee in card.mentees:
        rename(demo, mentee.id, last_name="Константинопольская")
    year = current_year(demo)
    assert year is not None
    path = export_list(demo, year, ListKind.MENTORS, tmp_path / "наставники.pdf", today=DEMO_DAY)
    text = "\n".join(lines(path.path))
    assert text.count("Константинопольская") >= len(card.mentees), text
