"""Orders name nobody without a valid consent (152-ФЗ): every kind, as PDF and as Word, read back
and searched for every form of every such name — full, «Фамилия И. О.», «Фамилия Имя»,
«И. О. Фамилия» and the declined ones; the annex says «участник без согласия», the order on
rewarding counts those it leaves out, and they never sign «С приказом ознакомлены»."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from nastavapp.models import GroupMember, MentoringGroup, Person
from nastavapp.models.vocab import DocumentKind, GroupStatus, PersonCategory
from nastavapp.services.bases_export import NO_CONSENT
from nastavapp.services.consents import withdraw_consent, without_consent
from nastavapp.services.demo import create_demo
from nastavapp.services.documents.declension import (
    Case,
    decline_full_name,
    decline_short,
    initials_first,
)
from nastavapp.services.documents.order_register import write_order
from nastavapp.services.documents.order_text import OrderDraft, points_text
from nastavapp.services.documents.orders import (
    ORDER_KINDS,
    OrderOptions,
    new_draft,
    reward_candidates,
    unnamed_line,
    unnamed_note,
)
from nastavapp.services.names import FullName
from nastavapp.services.school import curator_name, director_name, get_school
from nastavapp.store import Store, open_store

DAY = date(2025, 11, 20)
K = DocumentKind
CASES = (Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL)
NEW_PAIRS = "order_pairs_new"  # a new «пары/группы» order for the pairs being formed
VARIANTS = [k.value for k in ORDER_KINDS] + [NEW_PAIRS]


@dataclass
class Demo:
    store: Store
    teacher_mentor: int  # a rewarded teacher mentor of the approved pairs (signs the orders)
    pupil_mentor: int  # a rewarded pupil mentor of the approved pairs
    mentee: int  # a pupil in an approved group of several
    forming_mentee: int  # a pupil in a pair still being formed (no order yet)


# --- reading the files back -------------------------------------------------------------------
def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [page.extract_text() for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    return squeeze(" ".join(parts))


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    core = document.core_properties
    parts += [core.title or "", core.subject or "", core.author or ""]
    return squeeze(" ".join(parts))


def file_text(path: Path) -> str:
    text = pdf_text(path) if path.suffix == ".pdf" else docx_text(path)
    # a word hyphenated at the end of a line is searched for whole as well
    return f"{text} {re.sub(r'(?<=[а-яё])- (?=[а-яё])', '', text)}"


def draft_text(draft: OrderDraft) -> str:
    parts = [draft.title, draft.preamble, points_text(draft.points), draft.signer_name]
    parts += draft.acquainted + [f"{n.nominative} {n.form}" for n in draft.names]
    if draft.annex is not None:
        parts += [draft.annex.title, *(str(c) for row in draft.annex.rows for c in row)]
    return squeeze(" ".join(parts))


# --- the names to look for --------------------------------------------------------------------
def _full(person: Person) -> FullName:
    return FullName(person.last_name, person.first_name, person.middle_name)


def name_forms(name: FullName, sex=None) -> set[str]:
    """ФИО, «Фамилия И. О.», «Фамилия Имя», «И. О. Фамилия», and the first three declined."""
    forms = {name.full, name.short, f"{name.last} {name.first}", initials_first(name)}
    for case in CASES:
        declined = decline_full_name(name, case, sex)
        forms |= {declined.full, f"{declined.last} {declined.first}"}
        forms.add(decline_short(name, case, sex))
    return {squeeze(f) for f in forms}


def surname_forms(name: FullName, sex=None) -> set[str]:
    return {name.last} | {decline_full_name(name, case, sex).last for case in CASES}


def hidden_forms(store: Store) -> tuple[set[str], set[str]]:
    """The name forms of everybody without a consent, and those of their surnames that nobody
    named (a person with a consent, the director, the curator) shares."""
    hidden = without_consent(store)
    school = get_school(store)
    assert school is not None
    names: set[str] = set()
    hidden_surnames: set[str] = set()
    named_surnames = surname_forms(director_name(school)) | surname_forms(curator_name(school))
    with store.session() as session:
        people = session.exec(select(Person)).all()
    for person in people:
        if person.id in hidden:
            names |= name_forms(_full(person), person.sex)
            hidden_surnames |= surname_forms(_full(person), person.sex)
        else:
            named_surnames |= surname_forms(_full(person), person.sex)
    return names, hidden_surnames - named_surnames


def assert_nobody_hidden_named(store: Store, text: str, where: str) -> None:
    names, surnames = hidden_forms(store)
    assert len(names) > 50 and len(surnames) >= 5
    for name in names:
        assert name not in text, f"{where}: {name}"
    for surname in surnames:
        assert not re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text), (
            f"{where}: {surname}"
        )


# --- the demo school, four more people without a consent ----------------------------------------
def _one(store: Store, query) -> int:
    with store.session() as session:
        found = session.exec(query).first()
    assert found is not None
    return int(found)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DAY)
    store = open_store(path, create=False)
    school = get_school(store)
    assert school is not None
    approved = col(MentoringGroup.order_id).is_not(None) & (
        col(MentoringGroup.status) != GroupStatus.DISBANDED
    )

    def mentor(category: PersonCategory) -> int:
        return _one(
            store,
            select(Person.id)
            .join(MentoringGroup, col(MentoringGroup.mentor_id) == col(Person.id))
            .where(
                approved,
                Person.category == category,
                Person.last_name != school.curator_last_name,  # the curator signs anyway
            )
            .order_by(col(Person.id)),
        )

    teacher, pupil = mentor(PersonCategory.TEACHER), mentor(PersonCategory.STUDENT)
    groups_of_several = (
        select(GroupMember.group_id).group_by(col(GroupMember.group_id)).having(func.count() > 1)
    )
    mentee = _one(
        store,
        select(GroupMember.person_id)
        .join(MentoringGroup, col(MentoringGroup.id) == col(GroupMember.group_id))
        .where(
            approved,
            col(GroupMember.group_id).in_(groups_of_several),
            col(MentoringGroup.mentor_id).not_in((teacher, pupil)),
        )
        .order_by(col(GroupMember.person_id)),
    )
    forming = _one(
        store,
        select(GroupMember.person_id)
        .join(MentoringGroup, col(MentoringGroup.id) == col(GroupMember.group_id))
        .where(MentoringGroup.status == GroupStatus.FORMING)
        .order_by(col(GroupMember.person_id)),
    )
    for person_id in (teacher, pupil, mentee, forming):
        withdraw_consent(store, person_id, DAY, today=DAY)
    yield Demo(store, teacher, pupil, mentee, forming)
    store.close()


def _draft(demo: Demo, variant: str, **options) -> OrderDraft:
    if variant == NEW_PAIRS:
        return new_draft(
            demo.store,
            K.ORDER_PAIRS,
            today=DAY,
            options=OrderOptions(new_pairs_order=True, **options),
        )
    return new_draft(demo.store, K(variant), today=DAY, options=OrderOptions(**options))


def _initials(store: Store, person_id: int) -> str:
    with store.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return initials_first(_full(person))


# --- every order, both formats ------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_no_unconsented_name_in_any_order(demo, tmp_path, variant, suffix):
    draft = _draft(demo, variant)
    draft.number = draft.number or "160-о"
    assert_nobody_hidden_named(demo.store, draft_text(draft), "проект")
    text = file_text(write_order(draft, tmp_path / f"приказ{suffix}"))
    assert_nobody_hidden_named(demo.store, text, suffix)
    assert "ПРИКАЗЫВАЮ:" in text and "И. Г. Антонова" in text
    assert "А. И. Попова" in text  # the curator, from the school's details, signs as always
    if variant in (K.ORDER_PAIRS.value, NEW_PAIRS):
        assert NO_CONSENT in text
        assert "Состав наставнических пар и групп" in text
    if variant == K.ORDER_REWARD.value:
        line = (
            "и ещё 2 участникам без согласия на обработку персональных данных "
            "(имена не приводятся)."
        )
        assert line in text
        assert "Объявить благодарность" in text


def test_how_many_each_order_leaves_unnamed(demo):
    expected = {
        K.ORDER_INTRODUCTION.value: 0,
        K.ORDER_REGULATIONS.value: 0,
        K.ORDER_PAIRS.value: 3,  # the two mentors and the mentee of the approved pairs
        K.ORDER_REWARD.value: 2,  # the two mentors
        K.ORDER_FINAL_EVENT.value: 0,
        NEW_PAIRS: 1,  # the mentee of a pair being formed
    }
    assert {v: _draft(demo, v).unnamed for v in VARIANTS} == expected


# --- the annex of pairs ---------------------------------------------------------------------------
def test_the_annex_hides_the_name_and_the_class_and_keeps_form_and_term(demo):
    draft = _draft(demo, K.ORDER_PAIRS.value)
    assert draft.annex is not None
    rows = draft.annex.rows
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    hidden_mentors = [row for row in rows if row[1] == NO_CONSENT]
    assert len(hidden_mentors) == 2
    for row in hidden_mentors:
        assert row[2] == NO_CONSENT
        assert row[5] and row[6]  # the form and the term stay
        assert NO_CONSENT not in row[3]  # their mentees have a consent
    with_mentee = [row for row in rows if NO_CONSENT in row[3]]
    assert len(with_mentee) == 1
    names, posts = with_mentee[0][3].split("\n"), with_mentee[0][4].split("\n")
    assert len(names) == len(posts) > 1
    assert names[-1] == posts[-1] == NO_CONSENT  # after the named ones, not in the alphabet
    assert NO_CONSENT not in names[:-1] + posts[:-1]
    assert with_mentee[0][1] != NO_CONSENT
    # a pair whose mentor is unnamed goes after the others of its form
    for row in hidden_mentors:
        index = rows.index(row)
        later = [r for r in rows[index + 1 :] if r[5] == row[5]]
        assert all(r[1] == NO_CONSENT for r in later)
    # and the unnamed teacher mentor does not sign «С приказом ознакомлены»
    assert _initials(demo.store, demo.teacher_mentor) not in draft.acquainted
    assert "А. И. Попова" in draft.acquainted


def test_a_new_pairs_order_hides_a_pupil_being_paired(demo):
    draft = _draft(demo, NEW_PAIRS)
    assert draft.annex is not None and draft.group_ids
    hidden = [row for row in draft.annex.rows if NO_CONSENT in row[3]]
    assert len(hidden) == 1 and hidden[0][3] == hidden[0][4] == NO_CONSENT


# --- the order on rewarding -------------------------------------------------------------------
def test_reward_order_counts_the_unnamed_and_they_do_not_sign(demo):
    draft = _draft(demo, K.ORDER_REWARD.value)
    subs = draft.points[0].subs
    assert subs[-1] == (
        "и ещё 2 участникам без согласия на обработку персональных данных (имена не приводятся)."
    )
    assert subs[-2].endswith(";") and len(subs) > 3
    assert {n.label for n in draft.names} <= {"Объявить благодарность", "Куратор"}
    assert _initials(demo.store, demo.teacher_mentor) not in draft.acquainted
    assert draft.acquainted  # the other teachers still sign


def test_reward_order_for_the_unconsented_alone(demo, tmp_path):
    draft = _draft(demo, K.ORDER_REWARD.value, people=(demo.teacher_mentor,))
    assert draft.points[0].subs == [
        "1 участнику без согласия на обработку персональных данных (имя не приводится)."
    ]
    assert draft.acquainted == ["А. И. Попова"]  # only the curator
    assert draft.unnamed == 1
    draft.number = "161-о"
    text = file_text(write_order(draft, tmp_path / "поощрение.docx"))
    assert (
        "1.1. 1 участнику без согласия на обработку персональных данных (имя не приводится)."
        in text
    )
    assert_nobody_hidden_named(demo.store, text, "docx")


def test_reward_order_of_consented_people_has_no_count_line(demo):
    year_id = _draft(demo, K.ORDER_REWARD.value).year_id
    hidden = without_consent(demo.store)
    chosen = tuple(p.id for p in reward_candidates(demo.store, year_id) if p.id not in hidden)
    draft = _draft(demo, K.ORDER_REWARD.value, people=chosen)
    subs = draft.points[0].subs
    assert len(subs) == len(chosen) and subs[-1].endswith(".")
    assert not any("без согласия" in sub for sub in subs)
    assert draft.unnamed == 0
    nobody = _draft(demo, K.ORDER_REWARD.value, people=())
    assert nobody.points[0].subs == [] and nobody.unnamed == 0


# --- the officials are named whatever the consents --------------------------------------------
def test_the_curator_and_director_stay_named(demo):
    school = get_school(demo.store)
    assert school is not None
    curator = _one(
        demo.store,
        select(Person.id).where(
            Person.last_name == school.curator_last_name,
            Person.first_name == school.curator_first_name,
        ),
    )
    withdraw_consent(demo.store, curator, DAY, today=DAY)
    draft = _draft(demo, K.ORDER_INTRODUCTION.value)
    assert draft.acquainted == ["А. И. Попова"]
    assert "заместителя директора по УВР Попову Анну Игоревну" in points_text(draft.points)
    assert draft.signer_name == "И. Г. Антонова"


# --- the counts in words ------------------------------------------------------------------------
def test_count_line_and_dialog_note_in_russian():
    assert unnamed_line(0, more=True) == ""
    # the dative of «Объявить благодарность: … Иванову Ивану Ивановичу»
    assert unnamed_line(1, more=True) == (
        "и ещё 1 участнику без согласия на обработку персональных данных (имя не приводится)"
    )
    assert unnamed_line(3, more=True).startswith("и ещё 3 участникам без согласия")
    assert unnamed_line(21, more=True).startswith("и ещё 21 участнику без согласия")
    assert unnamed_line(11, more=True).startswith("и ещё 11 участникам без согласия")
    assert unnamed_line(5, more=False) == (
        "5 участникам без согласия на обработку персональных данных (имена не приводятся)"
    )
    assert unnamed_line(11, more=True).endswith("(имена не приводятся)")
    assert unnamed_line(21, more=True).endswith("(имя не приводится)")
    assert unnamed_note(0) == ""
    assert unnamed_note(1) == (
        "В приказе не назван 1 участник без согласия на обработку персональных данных: "
        "когда согласие будет получено, составьте приказ заново."
    )
    assert unnamed_note(2).startswith("В приказе не названы 2 участника без согласия")
    assert unnamed_note(12).startswith("В приказе не названы 12 участников")
