"""Individual plans: templates shipped as data, a plan from a template, items, progress."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models import PlanItem
from nastavapp.models.vocab import MentoringForm
from nastavapp.services import pairs, plans
from nastavapp.services.pairs import PairDraft, approve_by_order, create_group
from nastavapp.services.plans import PlanError, PlanItemDraft, Progress

from .pair_school import TODAY, School, build_school

F = MentoringForm


@pytest.fixture
def school(school_store) -> School:
    return build_school(school_store)


def _group(school: School, mentor: str, *mentees: str, form: F) -> int:
    draft = PairDraft(
        school[mentor],
        tuple(school[m] for m in mentees),
        form,
        planned_end_date=date(2026, 5, 25),
    )
    group_id = create_group(school.store, school.year_id, draft, today=date(2025, 10, 1))
    approve_by_order(school.store, [group_id], "112-о", date(2025, 10, 6), today=TODAY)
    return group_id


def test_templates_are_data_for_every_form():
    templates = plans.plan_templates()
    assert len({t.code for t in templates}) == len(templates)
    for form in MentoringForm:
        assert plans.templates_for(form), form
    for t in templates:
        assert t.title and t.items and all(i.task and i.direction for i in t.items)
    young = plans.get_template("young_specialist")
    directions = {i.direction for i in young.items}
    assert {
        "Планирование и проведение уроков",
        "Управление классом",
        "Работа с родителями",
        "Подготовка к аттестации",
    } <= directions
    with pytest.raises(PlanError, match="Шаблона плана «нет_такого» нет"):
        plans.get_template("нет_такого")


def test_templates_matching_the_requests_come_first():
    by_request = plans.templates_for(F.STUDENT_STUDENT, ["Подготовка к ОГЭ / ЕГЭ"])
    assert by_request[0].code == "exams"
    teachers = plans.templates_for(F.TEACHER_TEACHER, ["Подготовка к аттестации"])
    assert teachers[0].code == "attestation"
    adaptation = plans.templates_for(F.STUDENT_STUDENT, ["Трудности адаптации в новом классе"])
    assert adaptation[0].code == "adaptation"
    assert plans.templates_for(F.TEACHER_TEACHER)[0].code == "young_specialist"


def test_a_plan_from_a_template_and_its_progress(school):
    group_id = _group(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT)
    added = plans.apply_template(school.store, group_id, "low_results", today=TODAY)
    template = plans.get_template("low_results")
    assert added == 2 * len(template.items)
    plan = plans.plan_of(school.store, group_id, school["pupil_a"])
    assert [(e.position, e.direction, e.task) for e in plan] == [
        (n, i.direction, i.task) for n, i in enumerate(template.items, start=1)
    ]
    days = [e.planned_date for e in plan]
    # from two weeks after today (the pair started earlier) to a week before the planned end
    assert days[0] == date(2025, 12, 4) and days[-1] == date(2026, 5, 18)
    assert days == sorted(days) and all(d.weekday() < 5 for d in days)
    assert plans.mentee_progress(school.store, group_id) == {
        school["pupil_a"]: Progress(0, 5),
        school["pupil_b"]: Progress(0, 5),
    }
    first, second = plan[0], plan[1]
    done = PlanItemDraft(
        first.task, first.direction, first.planned_date, date(2025, 11, 18), "Составлен перечень"
    )
    plans.update_item(school.store, first.id, done, today=TODAY)
    plans.update_item(
        school.store,
        second.id,
        PlanItemDraft(second.task, second.direction, second.planned_date, TODAY),
        today=TODAY,
    )
    progress = plans.mentee_progress(school.store, group_id)
    assert progress[school["pupil_a"]] == Progress(2, 5)
    assert (
        progress[school["pupil_a"]].text == "2 из 5" and progress[school["pupil_a"]].percent == 40
    )
    assert plans.group_progress(school.store, group_id) == Progress(2, 10)
    assert plans.year_progress(school.store, school.year_id) == {group_id: Progress(2, 10)}
    entry = plans.plan_of(school.store, group_id, school["pupil_a"])[0]
    assert (entry.done, entry.result, entry.overdue(TODAY)) == (True, "Составлен перечень", False)


def test_items_by_hand_and_their_checks(school):
    group_id = _group(school, "teacher_mentor", "young_teacher", form=F.TEACHER_TEACHER)
    mentee = school["young_teacher"]
    item = plans.add_item(
        school.store,
        group_id,
        mentee,
        PlanItemDraft("  Посетить   уроки наставника ", "Методическая работа", date(2025, 11, 10)),
        today=TODAY,
    )
    second = plans.add_item(
        school.store, group_id, mentee, PlanItemDraft("Открытый урок"), today=TODAY
    )
    plan = plans.plan_of(school.store, group_id, mentee)
    assert [(e.id, e.position, e.task) for e in plan] == [
        (item, 1, "Посетить уроки наставника"),
        (second, 2, "Открытый урок"),
    ]
    assert plan[0].overdue(TODAY) and not plan[1].overdue(TODAY)
    with pytest.raises(PlanError, match="Укажите задачу"):
        plans.add_item(school.store, group_id, mentee, PlanItemDraft("  "), today=TODAY)
    with pytest.raises(PlanError, match=r"Дата выполнения 21\.11\.2025 ещё не наступила"):
        plans.add_item(
            school.store,
            group_id,
            mentee,
            PlanItemDraft("Задача", done_date=date(2025, 11, 21)),
            today=TODAY,
        )
    with pytest.raises(PlanError, match="только для наставляемых этой пары"):
        plans.add_item(
            school.store, group_id, school["teacher2"], PlanItemDraft("Задача"), today=TODAY
        )
    plans.delete_item(school.store, second)
    assert [e.id for e in plans.plan_of(school.store, group_id)] == [item]
    # a plan started from a template goes on after the items typed by hand
    plans.apply_template(school.store, group_id, "attestation", today=TODAY)
    assert [e.position for e in plans.plan_of(school.store, group_id, mentee)] == [1, 2, 3, 4, 5, 6]


def test_removing_a_mentee_removes_his_plan_in_the_group(school):
    group_id = _group(school, "pupil_mentor", "pupil_a", "pupil_b", form=F.STUDENT_STUDENT)
    plans.apply_template(school.store, group_id, "adaptation", today=TODAY)
    pairs.remove_member(school.store, group_id, school["pupil_b"], today=TODAY)
    assert school.count(PlanItem) == 4
    assert set(plans.mentee_progress(school.store, group_id)) == {school["pupil_a"]}


def test_a_disbanded_pair_keeps_its_plan_but_takes_no_more(school):
    group_id = _group(school, "pupil_mentor", "pupil_a", form=F.STUDENT_STUDENT)
    plans.apply_template(school.store, group_id, "adaptation", today=TODAY)
    pairs.disband_group(school.store, group_id, "Переезд семьи", TODAY, today=TODAY)
    assert plans.group_progress(school.store, group_id) == Progress(0, 4)
    with pytest.raises(PlanError, match="расформирована"):
        plans.apply_template(school.store, group_id, "adaptation", today=TODAY)
