"""Monitoring on a small school worked out by hand: averages per item and form, the share of the
satisfied with the threshold kept in the file, growth per form, the pairs' activity; and the
curator's edits of answers and questionnaires that feed it."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models import (
    GroupMember,
    Meeting,
    MentoringGroup,
    Person,
    PlanItem,
    QuestionnaireTemplate,
)
from nastavapp.models.vocab import (
    Audience,
    GroupStatus,
    MentoringForm,
    PersonCategory,
    QuestionnairePhase,
    QuestionType,
    Role,
)
from nastavapp.services.indicator_people import participants, people_lines
from nastavapp.services.monitoring import (
    ScoreSummary,
    participant_growth,
    quality,
    satisfaction_by_phase,
)
from nastavapp.services.pair_activity import activity_by_form, pair_activity
from nastavapp.services.questionnaire_edit import (
    add_missing_questionnaires,
    add_own_item,
    answer_counts,
    remove_item,
    rename_item,
)
from nastavapp.services.questionnaires import (
    QuestionnaireError,
    create_year_questionnaires,
    growth,
    record_response,
    template_items,
    year_templates,
)
from nastavapp.services.responses import (
    ResponseRow,
    delete_response,
    respondents,
    save_row,
    set_answer,
    set_respondent,
    template_responses,
)
from nastavapp.services.settings import (
    SettingError,
    get_setting,
    satisfied_threshold,
    set_satisfied_threshold,
    set_setting,
)
from nastavapp.services.years import current_year

SS, TT = MentoringForm.STUDENT_STUDENT, MentoringForm.TEACHER_TEACHER
TODAY = date(2026, 5, 25)


def _template(store, phase, audience=Audience.MENTEE):
    year = current_year(store)
    return next(
        t
        for t in create_year_questionnaires(store, year.id)
        if t.phase is phase and t.audience is audience
    )


def _codes(store, template):
    return {i.code: i.id for i in template_items(store, template.id)}


@pytest.fixture
def school(school_store):
    """Three pupils and two teachers; answers chosen so that every figure is easy by hand."""
    store = school_store
    year = current_year(store)
    with store.session() as session:
        people = [
            Person(category=PersonCategory.STUDENT, last_name=name, first_name="Тест")
            for name in ("Аверин", "Борисова", "Волков", "Ёлкина")
        ] + [
            Person(category=PersonCategory.TEACHER, last_name=name, first_name="Тест")
            for name in ("Громова", "Дьяков")
        ]
        session.add_all(people)
        session.flush()
        a, b, v, yo, g, d = (p.id for p in people)
        pair = MentoringGroup(year_id=year.id, mentor_id=yo, form=SS, status=GroupStatus.ACTIVE)
        teachers = MentoringGroup(
            year_id=year.id, mentor_id=g, form=TT, status=GroupStatus.COMPLETED
        )
        gone = MentoringGroup(year_id=year.id, mentor_id=g, form=SS, status=GroupStatus.DISBANDED)
        session.add_all([pair, teachers, gone])
        session.flush()
        session.add_all(
            [
                GroupMember(group_id=pair.id, person_id=a),
                GroupMember(group_id=pair.id, person_id=b),
                GroupMember(group_id=teachers.id, person_id=d),
                GroupMember(group_id=gone.id, person_id=v),
                Meeting(group_id=pair.id, meeting_date=date(2025, 10, 1)),
                Meeting(group_id=pair.id, meeting_date=date(2025, 10, 20)),
                Meeting(group_id=pair.id, meeting_date=date(2025, 11, 5)),
                Meeting(group_id=teachers.id, meeting_date=date(2025, 10, 2)),
                Meeting(group_id=gone.id, meeting_date=date(2025, 10, 3)),
                PlanItem(
                    group_id=pair.id, mentee_id=a, task="Задача 1", done_date=date(2025, 11, 1)
                ),
                PlanItem(group_id=pair.id, mentee_id=b, task="Задача 2"),
                PlanItem(
                    group_id=teachers.id, mentee_id=d, task="Задача 3", done_date=date(2026, 3, 1)
                ),
            ]
        )
        session.commit()
        ids = dict(a=a, b=b, v=v, yo=yo, g=g, d=d, pair=pair.id, teachers=teachers.id)
    entry = _template(store, QuestionnairePhase.ENTRY)
    final = _template(store, QuestionnairePhase.FINAL)
    e, f = _codes(store, entry), _codes(store, final)

    def answer(template, codes, person, form, comfort, support, keep_going="да"):
        record_response(
            store,
            template.id,
            {codes["comfort"]: comfort, codes["support"]: support, codes["continue"]: keep_going},
            role=Role.MENTEE,
            person_id=person,
            form=form,
        )

    # entry: А 4,6 → 5; Б 6,8 → 7; Д (teachers) 8,8 → 8; anonymous ss 2,2 → 2
    answer(entry, e, ids["a"], SS, 4, 6)
    answer(entry, e, ids["b"], SS, 6, 8, "нет")
    answer(entry, e, ids["d"], TT, 8, 8)
    answer(entry, e, None, SS, 2, 2, "нет")
    # final: А 8,8 → 8 (improved); Б 7,7 → 7 (same); Д 6,8 → 7 (worse); anonymous, no form 10,10
    answer(final, f, ids["a"], SS, 8, 8)
    answer(final, f, ids["b"], SS, 7, 7)
    answer(final, f, ids["d"], TT, 6, 8)
    answer(final, f, None, None, 10, 10)
    return store, year, ids


def test_quality_per_item_per_form_and_overall(school):
    store, year, _ids = school
    found = quality(store, year.id, Audience.MENTEE, QuestionnairePhase.ENTRY)
    assert found.title == "Входная анкета наставляемого"
    assert found.forms == [SS, TT]
    comfort = next(i for i in found.items if i.code == "comfort")
    assert (comfort.average, comfort.answers) == (5.0, 4)  # (4 + 6 + 8 + 2) / 4
    assert comfort.by_form == {SS: 4.0, TT: 8.0}
    keep_going = next(i for i in found.items if i.code == "continue")
    assert keep_going.kind is QuestionType.YES_NO and keep_going.average == 50.0  # % of «да»
    assert "expect_text" not in {i.code for i in found.items}  # open questions have no average
    assert found.overall == ScoreSummary(5.5, 2, 4)  # (5 + 7 + 8 + 2) / 4; 7 and 8 satisfied
    assert found.overall.satisfied_share == 50.0
    assert found.by_form[SS] == ScoreSummary(4.7, 1, 3)
    assert found.by_form[TT] == ScoreSummary(8.0, 1, 1)
    strict = quality(store, year.id, Audience.MENTEE, QuestionnairePhase.ENTRY, threshold=8)
    assert strict.overall.satisfied == 1
    nobody = quality(store, year.id, Audience.MENTOR, QuestionnairePhase.ENTRY)
    assert nobody.overall == ScoreSummary(None, 0, 0) and nobody.overall.satisfied_share is None


def test_growth_per_form_pairs_named_respondents(school):
    store, year, _ids = school
    found = participant_growth(store, year.id, Audience.MENTEE)
    assert found.items == growth(store, year.id, Audience.MENTEE)
    assert found.overall.entry.average == 5.5 and found.overall.final.average == 8.0
    assert (found.overall.change, found.overall.paired, found.overall.improved) == (2.5, 3, 1)
    by_form = {g.form: g for g in found.by_form}
    assert list(by_form) == [SS, TT, None]
    assert (by_form[SS].entry.average, by_form[SS].final.average) == (4.7, 7.5)
    assert (by_form[SS].paired, by_form[SS].improved) == (2, 1)
    assert (by_form[TT].change, by_form[TT].improved) == (-1.0, 0)
    assert by_form[None].entry.respondents == 0 and by_form[None].change is None
    phases = satisfaction_by_phase(store, year.id)
    assert phases[Audience.MENTEE, QuestionnairePhase.FINAL].average == 8.0
    assert phases[Audience.MENTOR, QuestionnairePhase.FINAL].respondents == 0


def test_pairs_activity_meetings_and_plans(school):
    store, year, ids = school
    pairs = pair_activity(store, year.id, TODAY)
    assert [p.group_id for p in pairs] == [ids["pair"], ids["teachers"]]  # the disbanded is out
    pair = pairs[0]
    assert (pair.meetings, pair.last_meeting, pair.plan.text) == (3, date(2025, 11, 5), "1 из 2")
    assert pair.stale and pair.title == "Ёлкина Т. — Аверин Т., Борисова Т."
    totals = activity_by_form(pairs)
    assert [(t.form, t.groups, t.meetings, t.plan.text) for t in totals] == [
        (SS, 1, 3, "1 из 2"),
        (TT, 1, 1, "1 из 1"),
        (None, 2, 4, "2 из 3"),
    ]
    assert totals[-1].meetings_per_group == 2.0


def test_people_behind_the_numbers(school):
    store, year, ids = school
    who = participants(store, year.id)
    assert who.mentors == {ids["yo"], ids["g"]}
    assert who.mentees == {ids["a"], ids["b"], ids["d"]}
    lines = people_lines(store, [ids["b"], ids["a"], ids["g"]], counted=[ids["a"]])
    assert [(line.name, line.post, line.counted) for line in lines] == [
        ("Аверин Тест", "обучающийся", True),
        ("Борисова Тест", "обучающийся", False),
        ("Громова Тест", "педагог", False),
    ]


def test_threshold_is_kept_in_the_file(school):
    store, _year, _ids = school
    assert satisfied_threshold(store) == 7.0
    assert set_satisfied_threshold(store, 7.55) == 7.5
    assert get_setting(store, "satisfied_threshold") == "7.5"
    assert satisfied_threshold(store) == 7.5
    with pytest.raises(SettingError, match="вне шкалы от 1 до 10"):
        set_satisfied_threshold(store, 11)
    set_setting(store, "satisfied_threshold", "много")  # edited by hand: back to the default
    assert satisfied_threshold(store) == 7.0


def test_answers_typed_in_row_by_row(school):
    store, year, ids = school
    entry = _template(store, QuestionnairePhase.ENTRY)
    codes = _codes(store, entry)
    who = {r.person_id: r for r in respondents(store, year.id, Audience.MENTEE)}
    assert set(who) == {ids["a"], ids["b"], ids["d"]}  # the disbanded pair's mentee is not there
    assert who[ids["a"]].form is SS and who[ids["a"]].group_id == ids["pair"]
    assert who[ids["a"]].label == "Аверин Т., обучающийся"
    mentors = respondents(store, year.id, Audience.MENTOR)
    assert {r.person_id for r in mentors} == {ids["yo"], ids["g"]}

    with pytest.raises(QuestionnaireError, match="пустая"):
        save_row(store, entry.id, ResponseRow(None))
    new = save_row(store, entry.id, ResponseRow(None, form=TT, values={codes["comfort"]: "9"}))
    assert set_answer(store, new, codes["support"], "10") == 10
    assert set_answer(store, new, codes["continue"], "да") == 1
    assert set_answer(store, new, codes["expect_text"], " Опыта ") == "Опыта"
    with pytest.raises(QuestionnaireError, match="вне шкалы"):
        set_answer(store, new, codes["support"], 11)
    assert set_answer(store, new, codes["comfort"], "") is None
    set_respondent(store, new, ids["v"], SS, None)
    row = template_responses(store, entry.id)[-1]
    assert (row.id, row.person_id, row.form) == (new, ids["v"], SS)
    assert row.values == {codes["support"]: 10, codes["continue"]: 1, codes["expect_text"]: "Опыта"}
    delete_response(store, new)
    assert len(template_responses(store, entry.id)) == 4


def test_curator_edits_questionnaires(school_store):
    store = school_store
    year = current_year(store)
    entry = _template(store, QuestionnairePhase.ENTRY)
    with store.session() as session:  # as the demo school has: only the entry questionnaires
        for t in year_templates(store, year.id):
            if t.phase is QuestionnairePhase.FINAL:
                session.delete(session.get(QuestionnaireTemplate, t.id))
        session.commit()
    own = add_own_item(
        store, entry.id, "Ждёте ли помощи с олимпиадой?", QuestionType.SCALE, both_phases=True
    )  # no final questionnaire yet: only here
    templates = add_missing_questionnaires(store, year.id)
    assert len(templates) == 4
    final = next(
        t
        for t in templates
        if t.phase is QuestionnairePhase.FINAL and t.audience is Audience.MENTEE
    )
    assert template_items(store, final.id)[-1].text == "Ждёте ли помощи с олимпиадой?"
    assert template_items(store, final.id)[-1].code == own.code

    both = add_own_item(
        store, final.id, "Помог ли наставник?", QuestionType.YES_NO, both_phases=True
    )
    twins = [i for i in template_items(store, entry.id) if i.code == both.code]
    assert [i.text for i in twins] == ["Помог ли наставник?"]

    first = template_items(store, entry.id)[0]
    assert rename_item(store, first.id, "  Насколько   полезной будет программа? ").text == (
        "Насколько полезной будет программа?"
    )
    with pytest.raises(QuestionnaireError, match="текст вопроса"):
        rename_item(store, first.id, " ")
    record_response(store, entry.id, {first.id: 7}, role=Role.MENTEE)
    assert answer_counts(store, entry.id) == {first.id: 1}
    with pytest.raises(QuestionnaireError, match="уже есть ответы"):
        remove_item(store, first.id)
    second = template_items(store, entry.id)[1]
    remove_item(store, second.id)
    positions = [i.position for i in template_items(store, entry.id)]
    assert positions == list(range(1, len(positions) + 1))


def test_growth_reads_in_words_before_the_final_questionnaire_exists(school_store):
    store = school_store
    year = current_year(store)
    entry = _template(store, QuestionnairePhase.ENTRY)
    with store.session() as session:
        for t in year_templates(store, year.id):
            if t.phase is QuestionnairePhase.FINAL:
                session.delete(session.get(QuestionnaireTemplate, t.id))
        session.commit()
    codes = _codes(store, entry)
    record_response(
        store, entry.id, {codes["comfort"]: 6, codes["efficiency"]: 8}, role=Role.MENTEE
    )
    found = participant_growth(store, year.id, Audience.MENTEE)
    assert [c.text for c in found.items] == [
        "Насколько эффективной вы ожидаете программу наставничества?",
        "Насколько комфортным вы ожидаете общение в паре / группе?",
    ]
    assert found.overall.final.respondents == 0 and found.overall.change is None


def test_satisfaction_agrees_with_the_indicators_on_the_demo_school(tmp_path):
    from nastavapp.services.demo import create_demo
    from nastavapp.services.indicators import compute_indicators
    from nastavapp.store import open_store

    path = tmp_path / "demo.sqlite"
    create_demo(path, today=date(2026, 6, 1))
    store = open_store(path, backups=False)
    try:
        year = current_year(store)
        found = compute_indicators(store, year.id, date(2026, 6, 1), 8.0)
        phases = satisfaction_by_phase(store, year.id, 8.0)
        for audience, expected in (
            (Audience.MENTEE, found.satisfaction_mentees),
            (Audience.MENTOR, found.satisfaction_mentors),
        ):
            final = phases[audience, QuestionnairePhase.FINAL]
            assert expected.phase is QuestionnairePhase.FINAL
            assert (final.average, final.satisfied_share, final.respondents) == (
                expected.average,
                expected.satisfied_share,
                expected.respondents,
            )
    finally:
        store.close()
