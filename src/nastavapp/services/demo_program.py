"""Who takes part in a year of the demonstration school and who is matched with whom.

``select_year`` drafts the pairs and groups of a year (mentor, mentees, form, topic) within the
rules of the forms: pupil mentors of ученик – ученик are 15–19 and at least a year older than
their mentees, teachers mentor teachers with ten years of experience or more, students and
employers' staff take pupils of the upper classes. Nothing is written here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from ..models.vocab import ExternalKind, MentoringForm, MentorStatus
from .demo_calendar import YearCalendar
from .demo_people import SUPPORT_STAFF, DemoPerson
from .demo_texts import SUBJECTS
from .demo_topics import TOPICS, Topic

F = MentoringForm
WORK, FORMING, DISBAND, STALL = "work", "forming", "disband", "stall"


@dataclass(frozen=True)
class YearConfig:
    """How many pairs and groups a year has, by form: (form, pairs, groups, group size)."""

    work: tuple[tuple[MentoringForm, int, int, tuple[int, int]], ...]
    forming: tuple[MentoringForm, ...] = ()
    disband: tuple[MentoringForm, ...] = ()
    stalled: int = 0
    unpaired: int = 0
    extras: tuple[int, int, int] = (0, 0, 0)  # candidates, interviewed, trained (not paired)
    teacher_load: int = 1  # pairs/groups a teacher may lead
    pupil_load: int = 1  # pairs/groups a pupil mentor may lead


CONFIGS: dict[tuple[str, int], YearConfig] = {
    ("small", 0): YearConfig(
        work=(
            (F.STUDENT_STUDENT, 7, 2, (3, 4)),
            (F.TEACHER_TEACHER, 5, 0, (2, 2)),
            (F.TEACHER_STUDENT, 2, 1, (3, 4)),
            (F.UNISTUDENT_STUDENT, 1, 1, (3, 3)),
            (F.EMPLOYER_STUDENT, 0, 1, (3, 4)),
        ),
        forming=(F.STUDENT_STUDENT, F.TEACHER_STUDENT),
        disband=(F.STUDENT_STUDENT,),
        stalled=2,
        unpaired=3,
        extras=(2, 1, 1),
    ),
    ("large", 0): YearConfig(
        work=(
            (F.STUDENT_STUDENT, 255, 50, (3, 4)),
            (F.TEACHER_TEACHER, 45, 0, (2, 2)),
            (F.TEACHER_STUDENT, 130, 50, (3, 5)),
            (F.UNISTUDENT_STUDENT, 24, 6, (3, 3)),
            (F.EMPLOYER_STUDENT, 0, 16, (3, 5)),
        ),
        forming=(F.STUDENT_STUDENT,) * 8 + (F.TEACHER_STUDENT,) * 6,
        disband=(F.STUDENT_STUDENT,) * 6 + (F.TEACHER_STUDENT,) * 4,
        stalled=12,
        unpaired=20,
        extras=(8, 5, 6),
        teacher_load=4,
        pupil_load=3,
    ),
    ("large", 1): YearConfig(
        work=(
            (F.STUDENT_STUDENT, 170, 30, (3, 4)),
            (F.TEACHER_TEACHER, 40, 0, (2, 2)),
            (F.TEACHER_STUDENT, 120, 40, (3, 5)),
            (F.UNISTUDENT_STUDENT, 20, 4, (3, 3)),
            (F.EMPLOYER_STUDENT, 0, 12, (3, 5)),
        ),
        disband=(F.STUDENT_STUDENT,) * 5 + (F.TEACHER_STUDENT,) * 3,
        unpaired=6,
        extras=(0, 0, 4),
        teacher_load=4,
        pupil_load=3,
    ),
}


@dataclass
class Draft:
    """A pair or group before it is played out over the year."""

    form: MentoringForm
    topic: Topic
    mentor: DemoPerson
    mentees: list[DemoPerson]
    fate: str
    dat: str = ""  # the mentor's subject in the dative, for «по {dat}»

    def text(self, template: str) -> str:
        return template.format(dat=self.dat)


@dataclass
class Selection:
    drafts: list[Draft] = field(default_factory=list)
    unpaired: list[tuple[DemoPerson, MentoringForm, Topic, bool]] = field(default_factory=list)
    extras: list[tuple[DemoPerson, MentoringForm, MentorStatus]] = field(default_factory=list)


class Matcher:
    """Picks people for a year; each person is a mentor or a mentee in it, not both."""

    def __init__(
        self,
        cal: YearCalendar,
        pupils: list[DemoPerson],
        teachers: list[DemoPerson],
        externals: list[DemoPerson],
    ) -> None:
        self.cal = cal
        self.rng = cal.rng
        self.sept1 = cal.start
        self.by_grade: dict[int, list[DemoPerson]] = {}
        for pupil in pupils:
            grade = pupil.grade - cal.offset
            if grade >= 1:
                self.by_grade.setdefault(grade, []).append(pupil)
        for bucket in self.by_grade.values():
            self.rng.shuffle(bucket)
        self.teachers = [t for t in teachers if (t.experience or 0) - cal.offset >= 0]
        self.rng.shuffle(self.teachers)
        self.externals = list(externals)
        self.mentees: set[int] = set()
        self.load: dict[int, int] = {}  # mentor id → groups led
        self.pupil_mentors: list[DemoPerson] = []

    def experience(self, teacher: DemoPerson) -> int:
        return (teacher.experience or 0) - self.cal.offset

    def free(self, person: DemoPerson) -> bool:
        return person.id not in self.mentees and person.id not in self.load

    def pupils(
        self, n: int, grades: tuple[int, int], accept: Callable[[DemoPerson], bool] = bool
    ) -> list[DemoPerson]:
        """Up to ``n`` free pupils of the classes in ``grades`` that ``accept`` admits."""
        found: list[DemoPerson] = []
        order = list(range(grades[0], grades[1] + 1))
        self.rng.shuffle(order)
        for grade in order:
            for pupil in self.by_grade.get(grade, ()):
                if len(found) == n:
                    return found
                if self.free(pupil) and pupil not in found and accept(pupil):
                    found.append(pupil)
        return found

    def mentor(
        self, pool: list[DemoPerson], limit: int, accept: Callable[[DemoPerson], bool]
    ) -> DemoPerson | None:
        """The least loaded person of ``pool`` that ``accept`` admits, or None."""
        best = None
        for person in pool:
            load = self.load.get(person.id, 0)
            if person.id in self.mentees or load >= limit or not accept(person):
                continue
            if best is None or load < self.load.get(best.id, 0):
                best = person
                if load == 0:
                    break
        return best

    def pupil_mentor(self, load: int = 1) -> DemoPerson | None:
        """A pupil of 15–19 from classes 9–11; with ``load`` > 1 now and then one who leads."""
        leading = [p for p in self.pupil_mentors if self.load[p.id] < load]
        if leading and self.rng.random() < 0.5:
            return self.rng.choice(leading)
        found = self.pupils(1, (9, 11), lambda p: 15 <= p.age_on(self.sept1) <= 19)
        if found:
            return found[0]
        return self.rng.choice(leading) if leading else None

    def draft(self, form: MentoringForm, n: int, fate: str, config: YearConfig) -> Draft | None:
        topics = list(TOPICS[form])
        self.rng.shuffle(topics)
        if form is F.TEACHER_TEACHER:  # young specialists come first
            topics.sort(key=lambda t: not t.role_model.endswith("молодой специалист"))
        for topic in topics:
            made = self._draft(form, topic, n, fate, config)
            if made is not None:
                return made
        return None

    def _draft(
        self, form: MentoringForm, topic: Topic, n: int, fate: str, config: YearConfig
    ) -> Draft | None:
        dat, load = "", config.teacher_load
        if form is F.STUDENT_STUDENT:
            mentor = self.pupil_mentor(config.pupil_load)
            if mentor is None:
                return None
            limit = mentor.birth + timedelta(days=365)
            mentees = self.pupils(n, topic.grades, lambda p: p.birth > limit)
        elif form is F.TEACHER_TEACHER:
            young = topic.role_model.endswith("молодой специалист")
            mentees = [
                t
                for t in self.teachers
                if self.free(t)
                and (self.experience(t) <= 3) == young
                and t.position not in SUPPORT_STAFF
            ][:1]
            if not mentees:
                return None
            mentee = mentees[0]

            def senior(t: DemoPerson) -> bool:
                return (
                    t is not mentee and self.experience(t) >= 10 and t.position not in SUPPORT_STAFF
                )

            mentor = self.mentor(
                self.teachers, load, lambda t: senior(t) and t.position == mentee.position
            ) or self.mentor(self.teachers, load, senior)
        elif form is F.TEACHER_STUDENT:
            subject_topic = "{dat}" in topic.goal
            mentor = self.mentor(
                self.teachers,
                load,
                lambda t: self.experience(t) >= 4 and (t.position in SUBJECTS) == subject_topic,
            )
            if mentor is not None and subject_topic:
                dat = SUBJECTS[mentor.position][1]
            mentees = self.pupils(n, topic.grades)
        else:
            kind = ExternalKind.STUDENT if form is F.UNISTUDENT_STUDENT else ExternalKind.EMPLOYEE
            mentor = self.mentor(self.externals, 10**6, lambda e: e.external_kind is kind)
            mentees = self.pupils(n, topic.grades)
        if mentor is None or not mentees:
            return None
        if form is F.STUDENT_STUDENT and mentor.id not in self.load:
            self.pupil_mentors.append(mentor)
        self.load[mentor.id] = self.load.get(mentor.id, 0) + 1
        self.mentees.update(m.id for m in mentees)
        return Draft(form, topic, mentor, mentees, fate, dat)


def select_year(
    cal: YearCalendar,
    config: YearConfig,
    pupils: list[DemoPerson],
    teachers: list[DemoPerson],
    externals: list[DemoPerson],
) -> Selection:
    """Draft the pairs/groups of a year, the mentees left without a pair and spare mentors."""
    rng = cal.rng
    matcher = Matcher(cal, pupils, teachers, externals)
    plan: list[tuple[MentoringForm, int, str]] = []
    # Teachers' pairs first: young specialists must not be left without a mentor.
    for form, pairs, groups, (low, high) in sorted(
        config.work, key=lambda w: w[0] is not F.TEACHER_TEACHER
    ):
        plan += [(form, 1, WORK)] * pairs
        plan += [(form, rng.randint(low, high), WORK) for _ in range(groups)]
    plan += [(form, 1, DISBAND) for form in config.disband]
    plan += [(form, 1, FORMING) for form in config.forming]
    teachers_first = sum(w[1] for w in config.work if w[0] is F.TEACHER_TEACHER)
    rest = plan[teachers_first:]
    rng.shuffle(rest)  # no form may starve the others of pupils
    plan[teachers_first:] = rest
    selection = Selection()
    for form, n, fate in plan:
        draft = matcher.draft(form, n, fate, config)
        if draft is not None:
            selection.drafts.append(draft)
    stallable = [
        d
        for d in selection.drafts
        if d.fate == WORK
        and len(d.mentees) == 1
        and d.form in (F.STUDENT_STUDENT, F.TEACHER_STUDENT)
    ]
    for draft in rng.sample(stallable, min(config.stalled, len(stallable))):
        draft.fate = STALL
    for i in range(config.unpaired):
        form = F.STUDENT_STUDENT if i % 2 == 0 else F.TEACHER_STUDENT
        topic = rng.choice([t for t in TOPICS[form] if "{dat}" not in t.goal])
        found = matcher.pupils(1, topic.grades if i else (6, 9))
        if found:
            matcher.mentees.add(found[0].id)
            selection.unpaired.append((found[0], form, topic, i == 0))
    statuses = (MentorStatus.CANDIDATE, MentorStatus.INTERVIEWED, MentorStatus.TRAINED)
    for status, count in zip(statuses, config.extras, strict=True):
        for i in range(count):
            if i % 2 == 0:
                person = matcher.pupil_mentor()
                form = F.STUDENT_STUDENT
            else:
                person = matcher.mentor(
                    matcher.teachers, 1, lambda t: matcher.free(t) and matcher.experience(t) >= 4
                )
                form = F.TEACHER_STUDENT
            if person is not None:
                matcher.load[person.id] = 0
                selection.extras.append((person, form, status))
    return selection
