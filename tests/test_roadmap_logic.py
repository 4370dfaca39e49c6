"""A year's roadmap at work: overdue events, automatic completion, editing, the new year."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, func, select

from nastavapp.models import (
    GroupMember,
    IssuedDocument,
    MentoringGroup,
    Participation,
    Person,
    RoadmapEvent,
)
from nastavapp.models.vocab import (
    DocumentKind,
    EventStatus,
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    PersonCategory,
    RoadmapStage,
    Role,
)
from nastavapp.services.demo import create_demo
from nastavapp.services.new_year import next_class, start_new_year
from nastavapp.services.progress import (
    current_stage,
    due_soon,
    is_overdue,
    roadmap_summary,
    year_events,
)
from nastavapp.services.roadmap_edit import (
    EventChanges,
    RoadmapEditError,
    add_event,
    delete_event,
    move_event,
    restore_event,
    update_event,
)
from nastavapp.services.roadmap_rules import apply_rules, evaluate_rules
from nastavapp.services.stats import collect_stats
from nastavapp.services.years import current_year, list_years
from nastavapp.store import open_store


def _event(store, code):
    year = current_year(store)
    return next(e for e in year_events(store, year.id) if e.template_code == code)


def test_overdue_is_computed_against_the_given_day(school_store):
    event = _event(school_store, "s1_appoint_curator")  # Сентябрь 2025
    assert event.end_date == date(2025, 9, 30)
    assert not is_overdue(event, date(2025, 9, 30))
    assert is_overdue(event, date(2025, 10, 1))
    update_event(school_store, event.id, EventChanges(status=EventStatus.NOT_REQUIRED))
    assert not is_overdue(_event(school_store, "s1_appoint_curator"), date(2025, 10, 1))


def test_summary_and_current_stage(school_store):
    year = current_year(school_store)
    summary = roadmap_summary(school_store, year.id, date(2025, 10, 15))
    assert summary.events == 31 and summary.done == 0
    # September events (stage 1: 5, stage 2: «Сентябрь–октябрь» ends 31.10) are overdue
    assert summary.overdue == 5
    assert summary.current_stage is RoadmapStage.MENTOR_BASE  # October: bases are being built
    assert current_stage(year_events(school_store, year.id), date(2025, 8, 1)) is (
        RoadmapStage.PREPARATION
    )
    soon = due_soon(year_events(school_store, year.id), date(2025, 10, 15))
    assert "s4_selection" in {e.template_code for e in soon}  # starts 01.11, within 30 days
    assert "s7_report" not in {e.template_code for e in soon}
    figures = collect_stats(school_store, today=date(2025, 10, 15))
    assert figures["roadmap"] == {"events": 31, "done": 0, "overdue": 5, "current_stage": 3}


def _add_person(session, last, category=PersonCategory.STUDENT):
    person = Person(category=category, last_name=last, first_name="Анна")
    session.add(person)
    session.flush()
    return person


def test_automatic_completion_follows_the_data(school_store):
    year = current_year(school_store)
    assert evaluate_rules(school_store, year.id) == {}
    with school_store.session() as session:
        mentee = _add_person(session, "Белых")
        mentor = _add_person(session, "Ковальчук")
        session.add(
            Participation(
                person_id=mentee.id,
                year_id=year.id,
                role=Role.MENTEE,
                status=MenteeStatus.IN_BASE.value,
            )
        )
        session.add(
            Participation(
                person_id=mentor.id, year_id=year.id, role=Role.MENTOR, status="candidate"
            )
        )
        session.commit()
    changed = apply_rules(school_store, year.id, date(2025, 11, 1))
    base = _event(school_store, "s2_mentee_base")
    assert base.id in changed and base.status is EventStatus.IN_PROGRESS
    verdicts = evaluate_rules(school_store, year.id)
    assert verdicts[base.id].reason == "в базе наставляемых 1 чел."
    assert _event(school_store, "s5_approve_pairs").status is EventStatus.NOT_STARTED

    with school_store.session() as session:
        order = IssuedDocument(
            year_id=year.id,
            kind=DocumentKind.ORDER_PAIRS,
            number="112-о",
            issued_on=date(2025, 11, 5),
        )
        session.add(order)
        session.flush()
        group = MentoringGroup(
            year_id=year.id,
            mentor_id=mentor.id,
            form=MentoringForm.STUDENT_STUDENT,
            order_id=order.id,
            status=GroupStatus.APPROVED,
        )
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=mentee.id))
        session.commit()
    apply_rules(school_store, year.id, date(2025, 11, 6))
    approve = _event(school_store, "s5_approve_pairs")
    assert (approve.status, approve.completed_date) == (EventStatus.DONE, date(2025, 11, 6))


def test_the_curator_overrides_and_rules_keep_off(school_store):
    year = current_year(school_store)
    base = _event(school_store, "s2_mentee_base")
    update_event(school_store, base.id, EventChanges(status=EventStatus.NOT_REQUIRED))
    with school_store.session() as session:
        mentee = _add_person(session, "Шевчук")
        session.add(
            Participation(
                person_id=mentee.id,
                year_id=year.id,
                role=Role.MENTEE,
                status=MenteeStatus.IN_BASE.value,
            )
        )
        session.commit()
    assert apply_rules(school_store, year.id, date(2025, 11, 1)) == []
    assert _event(school_store, "s2_mentee_base").status is EventStatus.NOT_REQUIRED


def test_editing_adding_reordering_and_undoing_a_removal(school_store):
    year = current_year(school_store)
    done = update_event(
        school_store,
        _event(school_store, "s1_inform").id,
        EventChanges(
            status=EventStatus.DONE, completed_date=date(2025, 9, 20), note="педсовет 18.09"
        ),
    )
    assert (done.status_overridden, done.completed_date) == (True, date(2025, 9, 20))
    with pytest.raises(RoadmapEditError, match="раньше даты начала"):
        update_event(school_store, done.id, EventChanges(end_date=date(2025, 8, 1)))
    own = add_event(
        school_store,
        year.id,
        RoadmapStage.PREPARATION,
        "  Родительское собрание ",
        EventChanges(start_date=date(2025, 9, 10), end_date=date(2025, 9, 10)),
    )
    names = [e.name for e in year_events(school_store, year.id) if e.stage == 1]
    assert names[-1] == "Родительское собрание" and len(names) == 6
    move_event(school_store, own.id, -1)
    names = [e.name for e in year_events(school_store, year.id) if e.stage == 1]
    assert names[-2] == "Родительское собрание"
    removed = delete_event(school_store, _event(school_store, "s1_regulations").id)
    stage1 = [e for e in year_events(school_store, year.id) if e.stage == 1]
    assert [e.position for e in stage1] == [1, 2, 3, 4, 5]
    assert "s1_regulations" not in {e.template_code for e in stage1}
    restore_event(school_store, removed)
    stage1 = [e for e in year_events(school_store, year.id) if e.stage == 1]
    assert [e.template_code for e in stage1][2] == "s1_regulations"
    assert sorted(e.position for e in stage1) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("before", "after"),
    [("7А", "8А"), ("10Б", "11Б"), ("1А", "2А"), ("11А", None), ("коррекц.", "коррекц.")],
)
def test_next_class(before, after):
    assert next_class(before) == after


def test_new_year_carries_people_training_and_continuing_pairs(tmp_path):
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=date(2026, 4, 1))  # pairs still at work
    store = open_store(path)
    try:
        old = current_year(store)
        with store.session() as session:
            eleventh = session.exec(
                select(func.count()).where(col(Person.class_name).like("11%"))
            ).one()
            seventh = session.exec(select(Person.id).where(Person.class_name == "7А")).all()
            old_groups = session.exec(
                select(func.count()).where(MentoringGroup.year_id == old.id)
            ).one()
            continuing = session.exec(
                select(func.count()).where(
                    MentoringGroup.year_id == old.id,
                    col(MentoringGroup.status).in_([GroupStatus.ACTIVE, GroupStatus.APPROVED]),
                )
            ).one()
        result = start_new_year(store, "2026/2027", from_year=old)
        assert result.graduated == eleventh > 0
        assert [y.title for y in list_years(store)] == ["2025/2026", "2026/2027"]
        assert current_year(store).title == "2026/2027"
        with store.session() as session:
            assert all(session.get(Person, i).class_name == "8А" for i in seventh)
            new_groups = session.exec(
                select(MentoringGroup).where(MentoringGroup.year_id == result.year.id)
            ).all()
            assert 0 < len(new_groups) <= continuing
            assert all(g.status is GroupStatus.ACTIVE for g in new_groups)
            assert (
                session.exec(select(func.count()).where(MentoringGroup.year_id == old.id)).one()
                == old_groups
            )  # old year readable
            roadmap = session.exec(
                select(RoadmapEvent).where(RoadmapEvent.year_id == result.year.id)
            ).all()
            assert len(roadmap) == 31
            assert {e.status for e in roadmap} == {EventStatus.NOT_STARTED}
            assert min(e.start_date for e in roadmap) == date(2026, 9, 1)
            mentors = session.exec(
                select(Participation).where(
                    Participation.year_id == result.year.id, Participation.role == Role.MENTOR
                )
            ).all()
            assert len(mentors) >= result.mentors > 0
            assert all(m.status in ("trained", "active") for m in mentors)
    finally:
        store.close()
