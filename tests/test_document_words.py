"""Words in the printed documents stay whole and together: a long word of a table cell is not cut
(«Профессиональ|ное», «изобра|зительного», «С|околовский»), and a line never parts what Russian
typography keeps together («от 21 | мая», «(приложение | 1)», «с. | Сосновка»)."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select

from nastavapp.models import Person
from nastavapp.models.vocab import DocumentKind, GroupStatus, MentoringForm
from nastavapp.services.documents.consent_forms import class_pupils, export_consent_forms
from nastavapp.services.documents.fonts import SERIF, document_font
from nastavapp.services.documents.lists_pdf import ListKind, export_list
from nastavapp.services.documents.order_docx import ANNEX_FONT_SIZE_PT, write_order_docx
from nastavapp.services.documents.order_register import write_order
from nastavapp.services.documents.order_text import typeset
from nastavapp.services.documents.orders import new_draft
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


def test_a_teacher_mentees_position_is_not_cut_in_the_pairs_order(
    demo: Store, tmp_path: Path
) -> None:
    card = next(c for c in live_cards(demo) if c.form is MentoringForm.TEACHER_TEACHER)
    rename(demo, card.mentees[0].id, position="учитель изобразительного искусства")
    rename(demo, card.mentor.id, position="педагог дополнительного образования")
    draft = new_draft(demo, DocumentKind.ORDER_PAIRS, today=DEMO_DAY)
    draft.number = draft.number or "115-о"
    path = tmp_path / "приказ.pdf"
    write_order(draft, path)
    found = words(path)
    assert {"изобразительного", "дополнительного", "Константинович"} <= found


def test_the_word_annex_columns_hold_their_longest_words(demo: Store, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn
    from reportlab.pdfbase.pdfmetrics import stringWidth

    draft = new_draft(demo, DocumentKind.ORDER_PAIRS, today=DEMO_DAY)
    draft.number = draft.number or "115-о"
    path = tmp_path / "приказ.docx"
    write_order_docx(draft, path)
    table = Document(str(path)).tables[-1]
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    twips = sum(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right"))
    widths = [tc.width.pt - twips / 20 for tc in table._tbl.tr_lst[0].tc_lst]
    font = document_font(SERIF).regular
    longest = {
        1: "Константинович",
        2: "изобразительного",
        3: "Константинович",
        4: "изобразительного",
        5: typeset("ученик – ученик"),
        6: typeset("06.10.2025 –"),
    }
    for column, word in longest.items():
        assert stringWidth(word, font, ANNEX_FONT_SIZE_PT) <= widths[column], word


def test_a_day_stays_with_its_month_and_an_annex_with_its_number(
    demo: Store, tmp_path: Path
) -> None:
    for kind in (DocumentKind.ORDER_REGULATIONS, DocumentKind.ORDER_PAIRS):
        draft = new_draft(demo, kind, today=DEMO_DAY)
        draft.number = draft.number or "102-о"
        path = tmp_path / f"{kind.value}.pdf"
        write_order(draft, path)
        printed = lines(path)
        text = "\n".join(printed)
        assert "21 мая 2025 г." in " ".join(printed)
        parted = re.findall(rf"(?<![\d.])\d{{1,2}}\n(?:{MONTHS})\b", text)
        assert not parted, parted
        assert not re.findall(r"приложени\w*\n\d", text), text


def test_a_place_stays_with_its_name_in_a_consent_form(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "согласия.pdf"
    export_consent_forms(demo, class_pupils(demo, "7А"), path, today=DEMO_DAY)
    text = "\n".join(lines(path))
    assert "с. Сосновка" in " ".join(lines(path))
    assert not re.findall(r"\b(?:с|ул|д)\.\n", text), text
