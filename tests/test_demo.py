"""The demonstration school: a realistic school in a new file, the same for the same seed."""

from __future__ import annotations

import ast
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import select

from nastavapp.models import (
    AcademicYear,
    Answer,
    Consent,
    GroupMember,
    GroupStatusChange,
    IssuedDocument,
    Meeting,
    MentoringGroup,
    Participation,
    Person,
    PlanItem,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
    RoadmapEvent,
    School,
)
from nastavapp.models.vocab import (
    FORM_SIDES,
    ROLE_MODELS,
    ConsentGiver,
    DocumentKind,
    EventStatus,
    ExternalKind,
    GroupStatus,
    MeetingType,
    MentoringForm,
    MentoringKind,
    PersonCategory,
    QuestionnairePhase,
    QuestionType,
    Role,
    Sex,
)
from nastavapp.services.demo import DemoError, create_demo
from nastavapp.services.demo_names import feminine_surname, patronymics
from nastavapp.services.demo_topics import TOPICS
from nastavapp.services.years import year_title_for
from nastavapp.store import open_store

TODAY = date(2025, 11, 20)
SEPT1 = date(2025, 9, 1)
NAME_WORD = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")
SERVICES = Path(__file__).resolve().parents[1] / "src" / "nastavapp" / "services"

# Dates that record what happened (plans and roadmap periods may lie ahead).
FACT_DATES = (
    (Consent, "given_date"),
    (Consent, "withdrawn_date"),
    (Participation, "joined_date"),
    (Participation, "interview_date"),
    (Participation, "training_date"),
    (Participation, "ready_date"),
    (MentoringGroup, "start_date"),
    (MentoringGroup, "end_date"),
    (GroupStatusChange, "changed_on"),
    (PlanItem, "done_date"),
    (Meeting, "meeting_date"),
    (QuestionnaireResponse, "answered_on"),
    (RoadmapEvent, "completed_date"),
    (IssuedDocument, "issued_on"),
)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def grade_of(person: Person) -> int:
    return int(person.class_name[:-1])


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = create_demo(path, today=TODAY)
    store = open_store(path)
    yield summary, store
    store.close()


def rows(store, model):
    with store.session() as session:
        return list(session.exec(select(model)).all())


def people_by_id(store) -> dict[int, Person]:
    return {p.id: p for p in rows(store, Person)}


def test_small_school_contingent(small):
    summary, store = small
    people = rows(store, Person)
    pupils = [p for p in people if p.category is PersonCategory.STUDENT]
    teachers = [p for p in people if p.category is PersonCategory.TEACHER]
    externals = [p for p in people if p.category is PersonCategory.EXTERNAL]
    assert 160 <= len(pupils) <= 200
    assert summary.students == len(pupils)
    assert (summary.teachers, summary.external) == (22, 3)
    assert len(teachers) == 22
    young = [t for t in teachers if t.experience_years <= 3]
    assert len(young) == 4
    assert all(22 <= age_on(t.birth_date, SEPT1) <= 30 for t in young)
    for teacher in teachers:
        age = age_on(teacher.birth_date, SEPT1)
        assert 22 <= age <= 65
        assert 0 <= teacher.experience_years <= age - 20
        assert teacher.position
    students = [e for e in externals if e.external_kind is ExternalKind.STUDENT]
    employees = [e for e in externals if e.external_kind is ExternalKind.EMPLOYEE]
    assert len(students) == 2 and len(employees) == 1
    assert all(re.fullmatch(r"\d курс", s.organization_position) for s in students)
    assert all(s.organization for s in externals)
    assert employees[0].organization_position
    classes = {p.class_name for p in pupils}
    assert {grade_of(p) for p in pupils} == set(range(1, 12))
    assert all(re.fullmatch(r"(?:[1-9]|1[01])[А-ЯЁ]", c) for c in classes)
    sizes = [sum(p.class_name == c for p in pupils) for c in classes]
    assert min(sizes) >= 12 and max(sizes) <= 22


def test_school_profile(small):
    _, store = small
    (school,) = rows(store, School)
    assert school.full_name.startswith("Муниципальное бюджетное общеобразовательное учреждение «")
    assert school.short_name.startswith("МБОУ «") and "СОШ" in school.short_name
    assert school.municipality and school.address and school.director_last_name
    curator = [
        p
        for p in rows(store, Person)
        if p.last_name == school.curator_last_name and p.first_name == school.curator_first_name
    ]
    assert curator and curator[0].position == "заместитель директора по УВР"


def test_pupils_age_fits_class(small):
    _, store = small
    for pupil in rows(store, Person):
        if pupil.category is PersonCategory.STUDENT:
            grade = grade_of(pupil)
            assert age_on(pupil.birth_date, SEPT1) in (6 + grade, 7 + grade), pupil.full_name


def test_names_are_real_russian_names(small):
    _, store = small
    for person in rows(store, Person):
        for word in (person.last_name, person.first_name, person.middle_name):
            assert NAME_WORD.match(word), person.full_name
        if person.sex is Sex.FEMALE:
            assert person.middle_name.endswith(("вна", "чна")), person.full_name
        else:
            assert person.middle_name.endswith("ич"), person.full_name
    for consent in rows(store, Consent):
        if consent.given_by is ConsentGiver.PARENT:
            words = consent.representative_name.split(" ")
            assert len(words) == 3 and all(NAME_WORD.match(w) for w in words)


def test_name_grammar():
    assert patronymics("Сергей") == ("Сергеевич", "Сергеевна")
    assert patronymics("Илья") == ("Ильич", "Ильинична")
    assert patronymics("Никита") == ("Никитич", "Никитична")
    assert patronymics("Юрий") == ("Юрьевич", "Юрьевна")
    assert patronymics("Дмитрий") == ("Дмитриевич", "Дмитриевна")
    assert patronymics("Николай") == ("Николаевич", "Николаевна")
    assert patronymics("Пётр") == ("Петрович", "Петровна")
    assert patronymics("Павел") == ("Павлович", "Павловна")
    assert patronymics("Лев") == ("Львович", "Львовна")
    assert patronymics("Игорь") == ("Игоревич", "Игоревна")
    assert patronymics("Иван") == ("Иванович", "Ивановна")
    assert feminine_surname("Иванов") == "Иванова"
    assert feminine_surname("Мельников") == "Мельникова"
    assert feminine_surname("Соколовский") == "Соколовская"
    assert feminine_surname("Ковальчук") == "Ковальчук"
    assert feminine_surname("Белых") == "Белых"
    assert feminine_surname("Полевой") == "Полевая"


def test_topics_use_the_forms_role_models():
    for form, topics in TOPICS.items():
        assert topics
        for topic in topics:
            assert topic.role_model in ROLE_MODELS[form]


def test_pairs_respect_forms(small):
    _, store = small
    people = people_by_id(store)
    groups = rows(store, MentoringGroup)
    members = rows(store, GroupMember)
    used_forms = {g.form for g in groups}
    assert used_forms == set(MentoringForm)
    assert 20 <= len(groups) <= 25
    for group in groups:
        mentor_side, mentee_side = FORM_SIDES[group.form]
        mentees = [people[m.person_id] for m in members if m.group_id == group.id]
        assert people[group.mentor_id].category is mentor_side
        assert mentees and all(m.category is mentee_side for m in mentees)
        assert group.mentor_id not in {m.id for m in mentees}
        assert group.role_model in ROLE_MODELS[group.form]
        assert (group.kind is MentoringKind.INDIVIDUAL) == (len(mentees) == 1)
    assert sum(g.kind is not MentoringKind.INDIVIDUAL for g in groups) >= 3
    assert max(sum(m.group_id == g.id for m in members) for g in groups) in (3, 4)


def test_pupil_mentors_are_15_to_19_and_older(small):
    _, store = small
    people = people_by_id(store)
    members = rows(store, GroupMember)
    checked = 0
    for group in rows(store, MentoringGroup):
        if group.form is not MentoringForm.STUDENT_STUDENT:
            continue
        mentor = people[group.mentor_id]
        assert 15 <= age_on(mentor.birth_date, SEPT1) <= 19
        for member in members:
            if member.group_id == group.id:
                assert mentor.birth_date < people[member.person_id].birth_date
                checked += 1
    assert checked >= 8


def test_young_specialists_have_mentors(small):
    _, store = small
    people = people_by_id(store)
    groups = {g.id: g for g in rows(store, MentoringGroup)}
    mentored = {
        m.person_id
        for m in rows(store, GroupMember)
        if groups[m.group_id].form is MentoringForm.TEACHER_TEACHER
    }
    young = {
        p.id
        for p in people.values()
        if p.category is PersonCategory.TEACHER and p.experience_years <= 3
    }
    assert young <= mentored


def test_group_life(small):
    _, store = small
    groups = rows(store, MentoringGroup)
    history = rows(store, GroupStatusChange)
    meetings = rows(store, Meeting)
    orders = {d.id: d for d in rows(store, IssuedDocument)}
    statuses = [g.status for g in groups]
    assert statuses.count(GroupStatus.ACTIVE) >= 15
    assert 1 <= statuses.count(GroupStatus.FORMING) <= 2
    assert statuses.count(GroupStatus.DISBANDED) == 1
    stalled = 0
    for group in groups:
        changes = sorted((c for c in history if c.group_id == group.id), key=lambda c: c.changed_on)
        assert changes[0].status is GroupStatus.FORMING
        assert changes[-1].status is group.status
        if group.status is GroupStatus.FORMING:
            assert group.order_id is None and group.start_date is None
            continue
        order = orders[group.order_id]
        assert order.kind is DocumentKind.ORDER_PAIRS and order.issued_on.month == 10
        assert re.fullmatch(r"\d{2,3}-о", order.number)
        assert group.start_date == order.issued_on
        if group.status is GroupStatus.DISBANDED:
            assert group.disband_reason and group.end_date
        mine = sorted((m for m in meetings if m.group_id == group.id), key=lambda m: m.meeting_date)
        assert mine[0].type is MeetingType.ORGANIZATIONAL
        assert all(group.start_date <= m.meeting_date <= TODAY for m in mine)
        if group.status is GroupStatus.ACTIVE and mine[-1].meeting_date < TODAY - timedelta(30):
            stalled += 1
    assert stalled >= 2
    plans = rows(store, PlanItem)
    assert plans and any(p.done_date for p in plans) and any(not p.done_date for p in plans)
    approved = [g for g in groups if g.status is not GroupStatus.FORMING]
    assert all(any(p.group_id == g.id for p in plans) for g in approved)


def test_bases(small):
    _, store = small
    parts = [p for p in rows(store, Participation)]
    mentors = [p for p in parts if p.role is Role.MENTOR]
    mentees = [p for p in parts if p.role is Role.MENTEE]
    statuses = {p.status for p in mentors}
    assert {"candidate", "trained", "active"} <= statuses
    assert sum(p.status == "active" for p in mentors) > len(mentors) / 2
    unpaired = [p for p in mentees if p.status == "in_base"]
    assert len(unpaired) >= 3
    assert any(p.needs_support and p.note for p in unpaired)
    assert all(1 <= p.capacity <= 4 for p in mentors)


def test_consents(small):
    _, store = small
    people = people_by_id(store)
    consents = {c.person_id: c for c in rows(store, Consent)}
    missing = [pid for pid in people if pid not in consents]
    assert 1 <= len(missing) <= len(people) // 10
    withdrawn = [c for c in consents.values() if c.withdrawn_date]
    assert 1 <= len(withdrawn) <= 2
    involved = {p.person_id for p in rows(store, Participation)}
    for pid in involved:
        assert pid in consents and consents[pid].withdrawn_date is None
    for pid, consent in consents.items():
        person = people[pid]
        if (
            person.category is PersonCategory.STUDENT
            and age_on(person.birth_date, consent.given_date) < 18
        ):
            assert consent.given_by is ConsentGiver.PARENT and consent.representative_name
        if person.category is not PersonCategory.STUDENT:
            assert consent.given_by is ConsentGiver.SELF


def test_questionnaires(small):
    summary, store = small
    templates = rows(store, QuestionnaireTemplate)
    assert {(t.audience.value, t.phase) for t in templates} == {
        ("mentee", QuestionnairePhase.ENTRY),
        ("mentor", QuestionnairePhase.ENTRY),
    }
    items = rows(store, QuestionItem)
    texts = {i.text for i in items}
    assert "Эффективность программы наставничества" in texts
    assert "Хотели бы вы продолжить работу в программе?" in texts
    assert {i.type for i in items} == set(QuestionType)
    scale = {i.id for i in items if i.type is QuestionType.SCALE}
    answers = rows(store, Answer)
    assert all(5 <= a.value_int <= 10 for a in answers if a.item_id in scale)
    responses = rows(store, QuestionnaireResponse)
    assert summary.responses == len(responses) >= 30
    assert 1 <= sum(r.person_id is None for r in responses) <= 2


def test_roadmap_half_done(small):
    _, store = small
    events = rows(store, RoadmapEvent)
    statuses = {e.status for e in events}
    assert {EventStatus.DONE, EventStatus.IN_PROGRESS, EventStatus.NOT_STARTED} <= statuses
    overdue = [e for e in events if e.end_date < TODAY and e.status is not EventStatus.DONE]
    assert 1 <= len(overdue) <= 2
    for event in events:
        if event.status is EventStatus.DONE:
            assert SEPT1 <= event.completed_date <= TODAY
            assert event.start_date <= event.completed_date, event.template_code  # not before
        if event.start_date > TODAY:
            assert event.status is EventStatus.NOT_STARTED
    kinds = {d.kind for d in rows(store, IssuedDocument)}
    assert {DocumentKind.ORDER_INTRODUCTION, DocumentKind.ORDER_REGULATIONS} <= kinds
    linked = [e for e in events if e.document_id]
    assert len(linked) >= 3


def check_dates(store, first: date, today: date) -> None:
    with store.engine.connect() as conn:
        for model, column in FACT_DATES:
            table = model.__table__
            col = table.c[column]
            low, high = conn.execute(sa.select(sa.func.min(col), sa.func.max(col))).one()
            if low is not None:
                assert str(low) >= first.isoformat(), (table.name, column, low)
                assert str(high) <= today.isoformat(), (table.name, column, high)


def test_dates_inside_the_year_and_not_after_today(small):
    _, store = small
    check_dates(store, SEPT1, TODAY)


def people_list(path: Path) -> list[tuple[str, str, str]]:
    store = open_store(path)
    try:
        with store.session() as session:
            found = session.exec(select(Person).order_by(Person.id)).all()
            return [(p.full_name, p.birth_date.isoformat(), p.class_name) for p in found]
    finally:
        store.close()


def test_same_seed_same_school(tmp_path):
    create_demo(tmp_path / "a.db", today=TODAY)
    create_demo(tmp_path / "b.db", seed=0, today=TODAY)
    create_demo(tmp_path / "c.db", seed=7, today=TODAY)
    first = people_list(tmp_path / "a.db")
    assert first == people_list(tmp_path / "b.db")
    assert first != people_list(tmp_path / "c.db")


def test_refuses_existing_file(tmp_path):
    target = tmp_path / "real.db"
    target.write_bytes(b"SQLite format 3\x00 the curator's real data")
    before = target.read_bytes()
    with pytest.raises(DemoError, match="уже существует"):
        create_demo(target, today=TODAY)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.db"]


def test_refuses_unknown_size_and_accepts_an_empty_file(tmp_path):
    with pytest.raises(DemoError):
        create_demo(tmp_path / "x.db", size="huge")
    assert not (tmp_path / "x.db").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    assert create_demo(empty, today=TODAY).teachers == 22


def test_default_today(tmp_path):
    today = date.today()
    summary = create_demo(tmp_path / "now.db")
    assert summary.year == year_title_for(today)
    store = open_store(tmp_path / "now.db")
    try:
        start = date(int(summary.year[:4]), 9, 1)
        check_dates(store, start, today)
    finally:
        store.close()


def test_large_school(tmp_path):
    path = tmp_path / "large.db"
    started = time.perf_counter()
    summary = create_demo(path, size="large", today=TODAY)
    elapsed = time.perf_counter() - started
    assert elapsed < 30
    assert (summary.students, summary.teachers) == (2000, 150)
    assert 8 <= summary.external <= 12
    assert summary.groups == 600
    store = open_store(path)
    try:
        years = sorted(rows(store, AcademicYear), key=lambda y: y.start_date)
        assert [y.title for y in years] == ["2024/2025", "2025/2026"]
        assert [y.is_current for y in years] == [False, True]
        previous = years[0]
        groups = [g for g in rows(store, MentoringGroup) if g.year_id == previous.id]
        assert groups and all(
            g.status in (GroupStatus.COMPLETED, GroupStatus.DISBANDED) for g in groups
        )
        finals = [
            t
            for t in rows(store, QuestionnaireTemplate)
            if t.year_id == previous.id and t.phase is QuestionnairePhase.FINAL
        ]
        assert len(finals) == 2
        answered = {r.template_id for r in rows(store, QuestionnaireResponse)}
        assert all(t.id in answered for t in finals)
        events = [e for e in rows(store, RoadmapEvent) if e.year_id == previous.id]
        assert all(e.status is EventStatus.DONE for e in events)
        check_dates(store, date(2024, 9, 1), TODAY)
    finally:
        store.close()


def test_demo_modules_do_not_import_qt():
    for module in SERVICES.glob("demo*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.startswith(("PySide6", "PyQt")) for n in names), module.name
