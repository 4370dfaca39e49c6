"""Pairs and groups on real SQLite files: confirming proposals in one transaction, pairing by
hand, the membership rules, capacity, approval by order, disbanding, «Без пары», the annex."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from nastavapp.models import (
    GroupMember,
    GroupStatusChange,
    IssuedDocument,
    MentoringGroup,
    Participation,
)
from nastavapp.models.vocab import (
    DocumentKind,
    EventStatus,
    GroupStatus,
    MentoringForm,
    MentoringFormat,
    MentoringKind,
    Role,
)
from nastavapp.services import pairs
from nastavapp.services.demo import create_demo
from nastavapp.services.matching import propose
from nastavapp.services.pair_stats import pair_figures
from nastavapp.services.pairs import (
    CardEdit,
    OverCapacityError,
    PairDraft,
    PairError,
    approve_by_order,
    confirm_groups,
    create_group,
)
from nastavapp.services.roadmap_rules import RULES
from nastavapp.services.years import current_year
from nastavapp.store import open_store

from .pair_school import TODAY, School, build_school, statuses

F = MentoringForm


@pytest.fixture
def school(school_store) -> School:
    return build_school(school_store)


def pair(school: School, mentor: str, *mentees: str, form: F, **card) -> PairDraft:
    return PairDraft(school[mentor], tuple(school[m] for m in mentees), form, **card)


# --- storing confirmed pairs and groups -----------------------------------------------------
def test_accepted_proposals_are_stored_in_one_transaction(school):
    result = propose(school.store, school.year_id, F.TEACHER_TEACHER, TODAY)
    assert len(result.proposals) == 2
    drafts = pairs.drafts_from_proposals(result.form, result.proposals)
    ids = confirm_groups(school.store, school.year_id, drafts, today=TODAY)
    cards = pairs.list_groups(school.store, school.year_id)
    assert sorted(c.id for c in cards) == sorted(ids)
    assert {c.mentees[0].short_name for c in cards} == {"Смирнова А. О.", "Козлов П. И."}
    for card in cards:
        assert card.mentor.short_name == "Иванова М. П."
        assert card.kind is MentoringKind.INDIVIDUAL
        assert card.status is GroupStatus.FORMING
        assert pairs.status_history(school.store, card.id) == [
            pairs.StatusEntry(GroupStatus.FORMING, TODAY, "")
        ]
    assert school.mentee_status("young_teacher") == "paired"
    assert school.mentee_status("teacher2") == "paired"
    # nothing is left to propose for the form
    assert propose(school.store, school.year_id, F.TEACHER_TEACHER, TODAY).proposals == ()


def test_grouped_proposals_make_one_group_per_mentor(school):
    result = propose(school.store, school.year_id, F.STUDENT_STUDENT, TODAY)
    drafts = pairs.drafts_from_proposals(result.form, result.proposals, group_by_mentor=True)
    assert len(drafts) == 1 and len(drafts[0].mentee_ids) == 3
    (group_id,) = confirm_groups(school.store, school.year_id, drafts, today=TODAY)
    assert pairs.group_card(school.store, group_id).kind is MentoringKind.GROUP


def test_a_failing_batch_stores_nothing(school):
    before = statuses(school.store, school.year_id)
    drafts = [
        pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER),
        pair(school, "teacher_mentor", "pupil_a", form=F.TEACHER_TEACHER),
    ]
    with pytest.raises(PairError) as caught:
        confirm_groups(school.store, school.year_id, drafts, today=TODAY)
    assert str(caught.value) == (
        "Пара «Иванова М. П. — Белов И. С.»: Белов И. С. (обучающийся) не может быть "
        "наставляемым в форме «учитель – учитель»: наставляемый в ней — педагог."
    )
    for table in (MentoringGroup, GroupMember, GroupStatusChange):
        assert school.count(table) == 0
    assert statuses(school.store, school.year_id) == before


def test_a_failure_while_writing_rolls_everything_back(school, monkeypatch):
    real, calls = pairs._insert, []

    def failing(session, year_id, draft, today):
        calls.append(draft)
        if len(calls) == 2:
            raise RuntimeError("диск отключён")
        return real(session, year_id, draft, today)

    monkeypatch.setattr(pairs, "_insert", failing)
    drafts = [
        pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER),
        pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT),
    ]
    with pytest.raises(RuntimeError):
        confirm_groups(school.store, school.year_id, drafts, today=TODAY)
    assert school.count(MentoringGroup) == 0 and school.count(GroupMember) == 0
    assert school.mentee_status("young_teacher") == "in_base"


def test_a_pair_by_hand_with_its_card(school):
    draft = pair(
        school,
        "teacher_mentor",
        "young_teacher",
        form=F.TEACHER_TEACHER,
        role_model="опытный педагог – молодой специалист",
        format=MentoringFormat.PARTNER,
        goal="Адаптация молодого специалиста",
        planned_end_date=date(2026, 5, 25),
    )
    group_id = create_group(school.store, school.year_id, draft, today=TODAY)
    card = pairs.group_card(school.store, group_id)
    assert card.title == "Иванова М. П. — Смирнова А. О."
    assert card.mentor.post == "учитель математики"
    assert card.mentees[0].post == "учитель русского языка"
    assert (card.role_model, card.format, card.goal) == (
        "опытный педагог – молодой специалист",
        MentoringFormat.PARTNER,
        "Адаптация молодого специалиста",
    )
    assert card.role_model in pairs.role_models(F.TEACHER_TEACHER)
    pairs.update_card(school.store, group_id, CardEdit(goal="Новая цель", kind=MentoringKind.GROUP))
    card = pairs.group_card(school.store, group_id)
    assert (card.goal, card.kind, card.format) == (
        "Новая цель",
        MentoringKind.GROUP,
        MentoringFormat.CLASSIC,
    )
    with pytest.raises(PairError, match="раньше даты начала"):
        pairs.update_card(
            school.store,
            group_id,
            CardEdit(start_date=date(2025, 12, 1), planned_end_date=date(2025, 11, 1)),
        )


def test_a_group_of_three_and_its_members(school):
    draft = pair(school, "pupil_mentor", "pupil_a", "pupil_b", "pupil_c", form=F.STUDENT_STUDENT)
    group_id = create_group(school.store, school.year_id, draft, today=TODAY)
    card = pairs.group_card(school.store, group_id)
    assert card.kind is MentoringKind.GROUP
    assert [m.short_name for m in card.mentees] == ["Белов И. С.", "Васина О. И.", "Громов А. П."]
    assert pairs.mentor_load(school.store, school.year_id, school["pupil_mentor"]).text == "3 из 3"
    pairs.remove_member(school.store, group_id, school["pupil_c"], today=TODAY, reason="переезд")
    pairs.remove_member(school.store, group_id, school["pupil_b"], today=TODAY)
    card = pairs.group_card(school.store, group_id)
    assert card.kind is MentoringKind.INDIVIDUAL and len(card.mentees) == 1
    assert school.mentee_status("pupil_c") == "in_base"
    with pytest.raises(PairError, match="единственный наставляемый"):
        pairs.remove_member(school.store, group_id, school["pupil_a"], today=TODAY)
    pairs.add_member(school.store, group_id, school["pupil_d"], today=TODAY)
    assert pairs.group_card(school.store, group_id).kind is MentoringKind.GROUP
    assert school.mentee_status("pupil_d") == "paired"
    unpaired = {u.short_name: u for u in pairs.unpaired_mentees(school.store, school.year_id)}
    assert unpaired["Громов А. П."].note == (
        "20.11.2025: исключение из группы (наставник — Орлов Д. А.). Причина: переезд"
    )


def test_capacity_exceeded_asks_for_confirmation(school):
    create_group(
        school.store,
        school.year_id,
        pair(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT),
        today=TODAY,
    )
    load = pairs.mentor_load(school.store, school.year_id, school["pupil_mentor"])
    assert (load.text, load.free) == ("2 из 3", 1)
    more = pair(school, "pupil_mentor", "pupil_c", "pupil_d", form=F.STUDENT_STUDENT)
    with pytest.raises(OverCapacityError) as caught:
        create_group(school.store, school.year_id, more, today=TODAY)
    error = caught.value
    assert (error.mentor_id, error.capacity, error.taken, error.adding) == (
        school["pupil_mentor"],
        3,
        2,
        2,
    )
    assert str(error) == (
        "Нагрузка наставника будет превышена.\n"
        "Орлов Д. А.: занято мест — 2 из 3, добавляется наставляемых — 2, станет 4 из 3.\n"
        "Подтвердите превышение нагрузки."
    )
    assert school.count(MentoringGroup) == 1
    create_group(school.store, school.year_id, more, today=TODAY, allow_over_capacity=True)
    load = pairs.mentor_load(school.store, school.year_id, school["pupil_mentor"])
    assert (load.text, load.free) == ("4 из 3", 0)


def test_capacity_counts_every_draft_of_the_batch(school):
    drafts = [
        pair(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT),
        pair(school, "pupil_mentor", "pupil_c", "pupil_d", form=F.STUDENT_STUDENT),
    ]
    with pytest.raises(OverCapacityError) as caught:
        confirm_groups(school.store, school.year_id, drafts, today=TODAY)
    assert [(o.taken, o.adding, o.after) for o in caught.value.overloads] == [(0, 4, 4)]
    assert school.count(MentoringGroup) == 0
    stored = confirm_groups(
        school.store, school.year_id, drafts, today=TODAY, allow_over_capacity=True
    )
    assert len(stored) == 2


def test_a_mentee_already_paired_is_refused(school):
    create_group(
        school.store,
        school.year_id,
        pair(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT),
        today=TODAY,
    )
    again = pair(school, "uni", "pupil_a", form=F.UNISTUDENT_STUDENT)
    with pytest.raises(PairError) as caught:
        create_group(school.store, school.year_id, again, today=TODAY)
    assert str(caught.value) == (
        "Белов И. С.: уже в паре или группе этого учебного года (наставник — Орлов Д. А.)."
    )
    twice = [
        pair(school, "pupil_mentor", "pupil_b", form=F.STUDENT_STUDENT),
        pair(school, "uni", "pupil_b", form=F.UNISTUDENT_STUDENT),
    ]
    with pytest.raises(PairError) as caught:
        confirm_groups(school.store, school.year_id, twice, today=TODAY)
    assert str(caught.value) == (
        "Один наставляемый — в нескольких парах или группах сразу: Васина О. И."
    )


@pytest.mark.parametrize(
    ("mentor", "mentee", "form", "message"),
    [
        (
            "teacher_mentor",
            "pupil_a",
            F.STUDENT_STUDENT,
            "Иванова М. П. (педагог) не может быть наставником в форме «ученик – ученик»: "
            "наставник в ней — обучающийся.",
        ),
        (
            "employee",
            "pupil_a",
            F.UNISTUDENT_STUDENT,
            "Сорокин В. А. не может быть наставником в форме «студент – ученик»: наставник в ней — "
            "студент, а у этого внешнего наставника — представитель работодателя.",
        ),
        (
            "uni",
            "pupil_a",
            F.EMPLOYER_STUDENT,
            "Фомина А. Ю. не может быть наставником в форме «работодатель – ученик»: наставник в "
            "ней — представитель работодателя, а у этого внешнего наставника — студент.",
        ),
        (
            "young_mentor",
            "pupil_a",
            F.STUDENT_STUDENT,
            "Наставник-ученик (Зайцев Г. Р.) должен быть в возрасте 15–19 лет, а сейчас — 14 лет.",
        ),
        (
            "pupil_mentor",
            "senior",
            F.STUDENT_STUDENT,
            "Наставник-ученик (Орлов Д. А.) должен быть старше наставляемого (Ершов Н. О.).",
        ),
        (
            "pupil_mentor",
            "pupil_mentor",
            F.STUDENT_STUDENT,
            "Наставник и наставляемый — одно лицо (Орлов Д. А.).",
        ),
    ],
)
def test_membership_rules_refuse(school, mentor, mentee, form, message):
    with pytest.raises(PairError) as caught:
        create_group(
            school.store, school.year_id, pair(school, mentor, mentee, form=form), today=TODAY
        )
    assert message in str(caught.value).split("\n")
    assert school.count(MentoringGroup) == 0


def test_fitting_external_mentors_are_accepted(school):
    create_group(
        school.store,
        school.year_id,
        pair(school, "uni", "pupil_a", form=F.UNISTUDENT_STUDENT),
        today=TODAY,
    )
    create_group(
        school.store,
        school.year_id,
        pair(school, "employee", "pupil_b", form=F.EMPLOYER_STUDENT),
        today=TODAY,
    )
    posts = [c.mentor.post for c in pairs.list_groups(school.store, school.year_id)]
    assert posts == [
        "студент, 2 курс, Воронежский государственный педагогический университет",
        "представитель работодателя, инженер, ООО «Агроснаб»",
    ]


def test_people_outside_the_bases_are_refused(school):
    with pytest.raises(PairError) as caught:
        create_group(
            school.store,
            school.year_id,
            pair(school, "teacher2", "young_teacher", form=F.TEACHER_TEACHER),
            today=TODAY,
        )
    assert str(caught.value) == "Козлов П. И.: нет в базе наставников этого учебного года."


# --- status -------------------------------------------------------------------------------
def _two_pairs(school: School) -> list[int]:
    return confirm_groups(
        school.store,
        school.year_id,
        [
            pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER),
            pair(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT),
        ],
        today=date(2025, 10, 1),
    )


def test_approve_by_order(school):
    ids = _two_pairs(school)
    order = approve_by_order(school.store, ids, "№ 112-о", date(2025, 10, 6), today=TODAY)
    assert (order.number, order.issued_on, order.text) == (
        "112-о",
        date(2025, 10, 6),
        "от 06.10.2025 № 112-о",
    )
    with school.store.session() as session:
        docs = session.exec(select(IssuedDocument)).all()
        groups = session.exec(select(MentoringGroup)).all()
    assert [(d.kind, d.number, d.issued_on, d.title) for d in docs] == [
        (
            DocumentKind.ORDER_PAIRS,
            "112-о",
            date(2025, 10, 6),
            "Об утверждении наставнических пар/групп на 2025/2026 учебный год",
        )
    ]
    for g in groups:
        assert (g.order_id, g.status, g.start_date) == (
            docs[0].id,
            GroupStatus.APPROVED,
            date(2025, 10, 6),
        )
        assert pairs.status_history(school.store, g.id) == [
            pairs.StatusEntry(GroupStatus.FORMING, date(2025, 10, 1), ""),
            pairs.StatusEntry(
                GroupStatus.APPROVED, date(2025, 10, 6), "Приказ от 06.10.2025 № 112-о"
            ),
        ]
    assert pairs.group_card(school.store, ids[0]).order == order
    assert pairs.pair_orders(school.store, school.year_id) == [order]
    # the roadmap rule reads the approval
    with school.store.session() as session:
        verdict = RULES["pairs_approved"](session, school.year_id)
    assert verdict.status is EventStatus.DONE and "(2)" in verdict.reason
    with pytest.raises(PairError, match="только формирующиеся"):
        approve_by_order(school.store, ids[:1], "113-о", date(2025, 10, 7), today=TODAY)


def test_approval_dates_and_number_are_checked(school):
    ids = _two_pairs(school)
    with pytest.raises(PairError, match="Укажите номер приказа"):
        approve_by_order(school.store, ids, " № ", date(2025, 10, 6), today=TODAY)
    with pytest.raises(PairError, match="ещё не наступила"):
        approve_by_order(school.store, ids, "1", TODAY + timedelta(days=1), today=TODAY)
    with pytest.raises(PairError, match=r"раньше предыдущего изменения статуса \(01.10.2025\)"):
        approve_by_order(school.store, ids, "1", date(2025, 9, 30), today=TODAY)
    assert school.count(IssuedDocument) == 0  # all or nothing
    # the same number and date is the same order
    first = approve_by_order(school.store, ids[:1], "5", date(2025, 10, 6), today=TODAY)
    second = approve_by_order(school.store, ids[1:], "5", date(2025, 10, 6), today=TODAY)
    assert first.id == second.id and school.count(IssuedDocument) == 1


def test_work_complete_and_history(school):
    ids = _two_pairs(school)
    approve_by_order(school.store, ids, "112-о", date(2025, 10, 6), today=TODAY)
    with pytest.raises(PairError, match="Из статуса «утверждена приказом» нельзя перейти"):
        pairs.complete_group(school.store, ids[1], date(2025, 10, 8), today=TODAY)
    pairs.start_work(school.store, ids[1], date(2025, 10, 8), today=TODAY)
    pairs.complete_group(school.store, ids[1], date(2025, 11, 19), today=TODAY)
    history = pairs.status_history(school.store, ids[1])
    assert [(h.status, h.changed_on) for h in history] == [
        (GroupStatus.FORMING, date(2025, 10, 1)),
        (GroupStatus.APPROVED, date(2025, 10, 6)),
        (GroupStatus.ACTIVE, date(2025, 10, 8)),
        (GroupStatus.COMPLETED, date(2025, 11, 19)),
    ]
    assert history[-1].note == "Программа наставничества завершена"
    assert school.mentee_status("pupil_a") == school.mentee_status("pupil_b") == "completed"
    assert pairs.group_card(school.store, ids[1]).end_date == date(2025, 11, 19)
    with pytest.raises(PairError, match="уже завершена"):
        pairs.disband_group(school.store, ids[1], "причина", TODAY, today=TODAY)


def test_disband_with_a_reason(school):
    ids = _two_pairs(school)
    approve_by_order(school.store, ids, "112-о", date(2025, 10, 6), today=TODAY)
    with pytest.raises(PairError, match="Укажите причину"):
        pairs.disband_group(school.store, ids[0], "  ", date(2025, 11, 3), today=TODAY)
    reason = "Взаимодействие не сложилось"
    pairs.disband_group(school.store, ids[0], reason, date(2025, 11, 3), today=TODAY)
    card = pairs.group_card(school.store, ids[0])
    assert (card.status, card.disband_reason, card.end_date, card.is_live) == (
        GroupStatus.DISBANDED,
        reason,
        date(2025, 11, 3),
        False,
    )
    assert pairs.status_history(school.store, ids[0])[-1] == pairs.StatusEntry(
        GroupStatus.DISBANDED, date(2025, 11, 3), reason
    )
    assert school.mentee_status("young_teacher") == "in_base"
    unpaired = {u.short_name: u for u in pairs.unpaired_mentees(school.store, school.year_id)}
    assert unpaired["Смирнова А. О."].note == (
        "03.11.2025: пара расформирована (наставник — Иванова М. П.). "
        "Причина: Взаимодействие не сложилось"
    )
    # the place is free again, and the mentee can be paired anew
    assert pairs.mentor_load(school.store, school.year_id, school["teacher_mentor"]).taken == 0
    create_group(
        school.store,
        school.year_id,
        pair(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER),
        today=TODAY,
    )
    assert school.mentee_status("young_teacher") == "paired"


def test_a_forming_pair_can_be_deleted_an_approved_one_not(school):
    ids = _two_pairs(school)
    approve_by_order(school.store, ids[1:], "112-о", date(2025, 10, 6), today=TODAY)
    pairs.delete_group(school.store, ids[0])
    assert school.mentee_status("young_teacher") == "in_base"
    assert school.count(GroupStatusChange) == 2  # only the approved pair's history is left
    with pytest.raises(PairError, match="можно расформировать, но не удалить"):
        pairs.delete_group(school.store, ids[1])


# --- «Без пары» and the annex ---------------------------------------------------------------
def test_unpaired_with_the_support_mark(school):
    _two_pairs(school)
    pairs.mark_support(
        school.store,
        school.year_id,
        school["pupil_d"],
        needs_support=True,
        note="Сопровождение ведёт педагог-психолог",
    )
    found = pairs.unpaired_mentees(school.store, school.year_id)
    assert [u.short_name for u in found] == [
        "Данилова Е. М.",
        "Громов А. П.",
        "Ершов Н. О.",
        "Козлов П. И.",
    ]
    first = found[0]
    assert (first.needs_support, first.note, first.post) == (
        True,
        "Сопровождение ведёт педагог-психолог",
        "5А класс",
    )
    pupils = pairs.unpaired_mentees(school.store, school.year_id, F.STUDENT_STUDENT)
    assert [u.short_name for u in pupils] == ["Данилова Е. М.", "Громов А. П.", "Ершов Н. О."]
    with pytest.raises(PairError):
        pairs.mark_support(
            school.store, school.year_id, school["teacher_mentor"], needs_support=True, note=""
        )


def test_annex_rows_exact(school):
    ids = confirm_groups(
        school.store,
        school.year_id,
        [
            pair(school, "pupil_mentor", "pupil_b", "pupil_a", form=F.STUDENT_STUDENT),
            pair(
                school,
                "teacher_mentor",
                "young_teacher",
                form=F.TEACHER_TEACHER,
                planned_end_date=date(2026, 5, 29),
            ),
            pair(school, "uni", "pupil_c", form=F.UNISTUDENT_STUDENT),
        ],
        today=date(2025, 10, 1),
    )
    order = approve_by_order(school.store, ids, "112-о", date(2025, 10, 6), today=TODAY)
    rows = pairs.order_annex_rows(school.store, order.id)
    assert [r.cells() for r in rows] == [
        (
            "1",
            "Орлов Дмитрий Андреевич",
            "10А класс",
            "Белов Иван Сергеевич\nВасина Ольга Игоревна",
            "6А класс\n6А класс",
            "ученик – ученик",
            "06.10.2025 – 25.05.2026",
        ),
        (
            "2",
            "Иванова Мария Петровна",
            "учитель математики",
            "Смирнова Анна Олеговна",
            "учитель русского языка",
            "учитель – учитель",
            "06.10.2025 – 29.05.2026",
        ),
        (
            "3",
            "Фомина Алина Юрьевна",
            "студент, 2 курс, Воронежский государственный педагогический университет",
            "Громов Артём Павлович",
            "6Б класс",
            "студент – ученик",
            "06.10.2025 – 25.05.2026",
        ),
    ]
    assert rows[0].mentees == ("Белов Иван Сергеевич", "Васина Ольга Игоревна")
    # before an order: the same shape, the term without a start
    forming = create_group(
        school.store,
        school.year_id,
        pair(school, "pupil_mentor", "pupil_d", form=F.STUDENT_STUDENT),
        today=TODAY,
    )
    assert [r.cells() for r in pairs.annex_rows(school.store, [forming])] == [
        (
            "1",
            "Орлов Дмитрий Андреевич",
            "10А класс",
            "Данилова Ева Максимовна",
            "5А класс",
            "ученик – ученик",
            "до 25.05.2026",
        )
    ]


# --- the stats figures ----------------------------------------------------------------------
def test_stats_figures_on_the_demo_school(tmp_path: Path):
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=TODAY)
    store = open_store(path)
    try:
        year = current_year(store)
        figures = pair_figures(store, year.id)
    finally:
        store.close()
    conn = sqlite3.connect(path)
    try:
        by_form = dict(
            conn.execute(
                "SELECT form, count(*) FROM mentoring_group WHERE year_id = ? AND status != 'disbanded'"
                " GROUP BY form",
                (year.id,),
            ).fetchall()
        )
        unpaired = conn.execute(
            "SELECT count(*) FROM participation p JOIN person ON person.id = p.person_id"
            " WHERE p.year_id = ? AND p.role = 'mentee' AND person.archived = 0"
            " AND p.person_id NOT IN (SELECT m.person_id FROM group_member m"
            " JOIN mentoring_group g ON g.id = m.group_id"
            " WHERE g.year_id = ? AND g.status != 'disbanded')",
            (year.id, year.id),
        ).fetchone()[0]
        meetings = conn.execute(
            "SELECT count(*) FROM meeting JOIN mentoring_group g ON g.id = meeting.group_id"
            " WHERE g.year_id = ?",
            (year.id,),
        ).fetchone()[0]
    finally:
        conn.close()
    assert figures == {
        "groups_by_form": {form.value: by_form.get(form.value, 0) for form in MentoringForm},
        "unpaired_mentees": unpaired,
        "meetings": meetings,
    }
    assert sum(by_form.values()) > 5 and unpaired > 0 and meetings > 20


def test_stats_figures_on_an_empty_year(school):
    assert pair_figures(school.store, school.year_id) == {
        "groups_by_form": {form.value: 0 for form in MentoringForm},
        "unpaired_mentees": 7,
        "meetings": 0,
    }
    with school.store.session() as session:
        assert session.exec(select(Participation).where(Participation.role == Role.MENTEE)).all()


def test_mentor_loads_per_form(school):
    loads = pairs.mentor_loads(school.store, school.year_id, F.UNISTUDENT_STUDENT)
    assert [(m.name, m.text) for m in loads] == [("Фомина Алина Юрьевна", "0 из 2")]
    pupils = pairs.mentor_loads(school.store, school.year_id, F.STUDENT_STUDENT)
    assert [m.name for m in pupils] == ["Зайцев Глеб Романович", "Орлов Дмитрий Андреевич"]
    assert len(pairs.mentor_loads(school.store, school.year_id)) == 5
    pairs.mark_support(school.store, school.year_id, school["pupil_a"], needs_support=True)
    pairs.mark_support(
        school.store, school.year_id, school["pupil_a"], needs_support=True, note="Психолог"
    )
    pairs.mark_support(school.store, school.year_id, school["pupil_a"], needs_support=False)
    found = {u.short_name: u for u in pairs.unpaired_mentees(school.store, school.year_id)}
    assert (found["Белов И. С."].needs_support, found["Белов И. С."].note) == (False, "Психолог")
