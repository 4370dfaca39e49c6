"""Matching on small hand-made cases where the right answer is worked out by hand."""

from __future__ import annotations

from datetime import date

from nastavapp.models import (
    GroupMember,
    MatchPreference,
    MenteeRequest,
    MentorCompetence,
    MentoringGroup,
    Participation,
    Person,
)
from nastavapp.models.vocab import (
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    Role,
)
from nastavapp.services.matching import WEIGHTS, propose, propose_for_pool
from nastavapp.services.matching.assignment import assign
from nastavapp.services.matching.pool import Candidate, Pool
from nastavapp.services.years import current_year

TODAY = date(2025, 11, 20)
FORM = MentoringForm.STUDENT_STUDENT


def pupil(pid, name, born, class_name="5А", texts=(), status=None, free=0):
    return Candidate(
        pid, name, PersonCategory.STUDENT, born, class_name, "", tuple(texts), status, free
    )


def pool(mentees, mentors, preferences=()):
    return Pool(FORM, tuple(mentees), tuple(mentors), frozenset(preferences))


def pairs(result):
    return {p.mentee.name: p.mentor.name for p in result.proposals}


def test_assignment_beats_greedy():
    # greedy takes the best pair first (x–A, 50) and leaves y, who fits only A, alone
    chosen = assign([[50, 45], [40, None]], [1, 1])
    assert chosen == [1, 0]


def test_capacity_copies_and_the_count_first():
    # one mentor with two places, three mentees: two matched, never three
    chosen = assign([[5], [9], [7]], [2])
    assert sorted(i for i, j in enumerate(chosen) if j == 0) == [1, 2]
    assert chosen[0] is None
    assert assign([[5], [9]], [0]) == [None, None]


def test_optimal_pairs_on_candidates_where_greedy_fails():
    # Аня's request matches both Борис and Вера; Глеб's request matches only Вера's competence.
    anya = pupil(1, "Аня", date(2014, 3, 1), texts=["математика", "физика"])
    gleb = pupil(2, "Глеб", date(2014, 5, 1), texts=["русский язык"])
    boris = pupil(10, "Борис", date(2009, 1, 1), "10А", ["математика"], MentorStatus.ACTIVE, 1)
    vera = pupil(
        11, "Вера", date(2009, 2, 1), "10Б", ["математика", "русский язык"], MentorStatus.ACTIVE, 1
    )
    result = propose_for_pool(pool([anya, gleb], [boris, vera]), TODAY)
    assert pairs(result) == {"Аня": "Борис", "Глеб": "Вера"}
    assert result.unmatched == ()


def test_capacities_respected_and_the_unmatched_told_why():
    mentees = [pupil(i, f"Ученик{i}", date(2014, 1, i)) for i in range(1, 4)]
    mentor = pupil(10, "Наставник", date(2009, 1, 1), "10А", status=MentorStatus.ACTIVE, free=2)
    result = propose_for_pool(pool(mentees, [mentor]), TODAY)
    assert len(result.proposals) == 2
    assert [u.reason for u in result.unmatched] == ["все подходящие наставники заняты"]


def test_mutual_preference_wins():
    a = pupil(1, "Аня", date(2014, 3, 1))
    b = pupil(2, "Варя", date(2014, 3, 1))
    mentor = pupil(10, "Дима", date(2009, 1, 1), "10А", status=MentorStatus.ACTIVE, free=1)
    # Варя named Дима, and Дима named Варя; Аня named Дима only
    result = propose_for_pool(pool([a, b], [mentor], {(2, 10), (10, 2), (1, 10)}), TODAY)
    assert pairs(result) == {"Варя": "Дима"}
    proposal = result.proposals[0]
    assert "взаимный выбор после групповой встречи" in proposal.reasons
    assert proposal.score >= WEIGHTS["mutual_choice"].points


def test_reasons_in_words():
    mentee = pupil(1, "Аня", date(2014, 3, 1), texts=["низкие результаты по математике"])
    mentor = pupil(10, "Борис", date(2010, 10, 1), "9А", ["математика"], MentorStatus.TRAINED, 3)
    proposal = propose_for_pool(pool([mentee], [mentor]), TODAY).proposals[0]
    assert proposal.reasons == (
        "запрос «низкие результаты по математике» совпадает с компетенцией «математика»",
        "наставник прошёл обучение",
        "наставник старше на 4 года",
        "свободных мест у наставника: 3",
    )
    assert proposal.score == 30 + 8 + 10 + 2 * 2


def test_hard_rules_keep_unfit_pupil_mentors_out():
    mentee = pupil(1, "Аня", date(2011, 3, 1))  # 14
    too_young = pupil(10, "Костя", date(2011, 1, 1), "8А", status=MentorStatus.ACTIVE, free=1)
    younger = pupil(11, "Лена", date(2010, 1, 1), "9А", status=MentorStatus.ACTIVE, free=1)
    result = propose_for_pool(pool([mentee], [too_young, younger]), TODAY)
    assert pairs(result) == {"Аня": "Лена"}
    alone = propose_for_pool(pool([mentee], [too_young]), TODAY)
    assert [u.reason for u in alone.unmatched] == [
        "нет наставника, подходящего по форме и возрасту"
    ]


def _person(session, last, first, category, born, **extra):
    person = Person(category=category, last_name=last, first_name=first, birth_date=born, **extra)
    session.add(person)
    session.flush()
    return person


def _role(session, person, year_id, role, status, form=FORM, capacity=1, texts=()):
    part = Participation(
        person_id=person.id, year_id=year_id, role=role, status=status, form=form, capacity=capacity
    )
    session.add(part)
    session.flush()
    table = MenteeRequest if role is Role.MENTEE else MentorCompetence
    for text in texts:
        session.add(table(participation_id=part.id, text=text))
    return part


def test_propose_from_the_database_skips_paired_mentees_and_busy_places(school_store):
    year = current_year(school_store)
    with school_store.session() as session:
        s, t = PersonCategory.STUDENT, PersonCategory.TEACHER
        masha = _person(session, "Белых", "Маша", s, date(2013, 4, 1), class_name="6А")
        petya = _person(session, "Ёлкин", "Петя", s, date(2013, 6, 1), class_name="6Б")
        paired = _person(session, "Шевчук", "Оля", s, date(2013, 6, 1), class_name="6Б")
        senior = _person(session, "Соколов", "Иван", s, date(2008, 10, 1), class_name="11А")
        teacher = _person(session, "Иванова", "Анна", t, date(1980, 1, 1), subject="математика")
        for mentee, texts in ((masha, ["математика"]), (petya, ["адаптация"]), (paired, [])):
            _role(session, mentee, year.id, Role.MENTEE, MenteeStatus.IN_BASE.value, texts=texts)
        _role(
            session,
            senior,
            year.id,
            Role.MENTOR,
            MentorStatus.ACTIVE.value,
            capacity=2,
            texts=["математика"],
        )
        _role(
            session,
            teacher,
            year.id,
            Role.MENTOR,
            MentorStatus.ACTIVE.value,
            form=MentoringForm.TEACHER_TEACHER,
        )
        group = MentoringGroup(
            year_id=year.id, mentor_id=senior.id, form=FORM, status=GroupStatus.ACTIVE
        )
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=paired.id))
        session.add(MatchPreference(year_id=year.id, chooser_id=petya.id, chosen_id=senior.id))
        session.commit()
    result = propose(school_store, year.id, FORM, TODAY)
    assert {m.name for m in result.mentors} == {"Соколов Иван"}  # the teacher is another form
    assert result.mentors[0].free == 1  # one of two places taken by Оля
    # one place, two mentees: Петя named Иван (25) beats Маша's matching request (30)? no:
    # Маша: request 30 + ready 15 + older 10 = 55; Петя: named 25 + ready 15 + older 10 = 50
    assert pairs(result) == {"Белых Маша": "Соколов Иван"}
    assert [u.mentee.name for u in result.unmatched] == ["Ёлкин Петя"]
