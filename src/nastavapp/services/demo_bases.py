"""The bases of a demo year: mentees with requests, mentors with competences, their training."""

from __future__ import annotations

from datetime import date, timedelta

from ..models import (
    MenteeRequest,
    MentorCompetence,
    Participation,
    TrainingAttendance,
    TrainingEvent,
)
from ..models.vocab import (
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    MentorStatus,
    PersonCategory,
    RequestSource,
    Role,
)
from .demo_calendar import YearCalendar
from .demo_pairs import Outcome
from .demo_people import DemoPerson
from .demo_program import Selection
from .demo_rows import Rows
from .demo_texts import (
    ADULT_INTERESTS,
    PUPIL_INTERESTS,
    SUPPORT_NOTE,
    SUPPORT_REQUEST,
    TRAINING_TITLES,
)
from .demo_topics import Topic


class BaseWriter:
    """Writes the participations of one year; each mentor in one row, whatever he leads."""

    def __init__(self, rows: Rows, cal: YearCalendar) -> None:
        self.rows = rows
        self.cal = cal
        self.rng = cal.rng
        self.trained: list[tuple[int, bool]] = []  # (participation id, came to the first lesson)

    # --- mentors ----------------------------------------------------------------------

    def mentor(
        self,
        person: DemoPerson,
        form: MentoringForm,
        target: MentorStatus,
        competences: list[str],
        mentees: int = 0,
    ) -> None:
        cal, rng = self.cal, self.rng
        if target is MentorStatus.CANDIDATE:
            joined = cal.pick_until_today(
                cal.start + timedelta(days=40), cal.start + timedelta(days=75)
            )
            joined = joined or cal.pick_until_today(*cal.mentor_window)
        else:
            joined = cal.pick_until_today(*cal.mentor_window)
        if joined is None:
            return
        interview = trained = ready = None
        if target is MentorStatus.INTERVIEWED:
            interview = cal.pick_until_today(
                cal.start + timedelta(days=45), cal.start + timedelta(days=75)
            )
        elif target in (MentorStatus.TRAINED, MentorStatus.ACTIVE):
            interview = cal.pick(
                max(joined + timedelta(days=1), cal.interview_window[0]), cal.interview_window[1]
            )
            trained = cal.training[1]
            ready = cal.ready if target is MentorStatus.ACTIVE else None
        status = MentorStatus.CANDIDATE
        for day, reached in (
            (interview, MentorStatus.INTERVIEWED),
            (trained, MentorStatus.TRAINED),
            (ready, MentorStatus.ACTIVE),
        ):
            if cal.happened(day):
                status = reached
        pupil = person.category is PersonCategory.STUDENT
        interests = rng.sample(PUPIL_INTERESTS if pupil else ADULT_INTERESTS, 2)
        participation_id = self.rows.add(
            Participation,
            person_id=person.id,
            year_id=cal.year_id,
            role=Role.MENTOR,
            status=status.value,
            form=form,
            capacity=max(mentees, rng.randint(1, 2 if pupil else 3)),
            interests=", ".join(interests),
            interview_date=interview if cal.happened(interview) else None,
            training_date=trained if cal.happened(trained) else None,
            ready_date=ready if cal.happened(ready) else None,
            joined_date=joined,
        )
        if trained is not None:
            self.trained.append((participation_id, rng.random() < 0.9))
        seen: list[str] = []
        for text in [*competences, person.subject]:
            if text and text not in seen:
                seen.append(text)
                self.rows.add(MentorCompetence, participation_id=participation_id, text=text)

    def training(self) -> None:
        """The «Школа наставников» lessons that have taken place and who came to them."""
        for number, (title, day) in enumerate(zip(TRAINING_TITLES, self.cal.training, strict=True)):
            if not self.cal.happened(day):
                return
            event_id = self.rows.add(
                TrainingEvent, year_id=self.cal.year_id, title=title, event_date=day
            )
            for participation_id, came_first in self.trained:
                if number == 1 or came_first:
                    self.rows.add(
                        TrainingAttendance, event_id=event_id, participation_id=participation_id
                    )

    # --- mentees ----------------------------------------------------------------------

    def mentee(
        self,
        person: DemoPerson,
        form: MentoringForm,
        requests: list[tuple[str, RequestSource]],
        status: MenteeStatus,
        *,
        joined: date | None,
        note: str = "",
        support: bool = False,
    ) -> None:
        if joined is None:
            return
        participation_id = self.rows.add(
            Participation,
            person_id=person.id,
            year_id=self.cal.year_id,
            role=Role.MENTEE,
            status=status.value,
            form=form,
            needs_support=support,
            note=note,
            joined_date=joined,
        )
        for text, source in requests:
            self.rows.add(
                MenteeRequest, participation_id=participation_id, text=text, source=source
            )

    def requests(
        self, topic: Topic, person: DemoPerson, dat: str
    ) -> list[tuple[str, RequestSource]]:
        teacher = person.category is PersonCategory.TEACHER
        count = self.rng.randint(1, min(2, len(topic.requests))) if teacher else 1
        texts = self.rng.sample(topic.requests, count)
        return [(t.format(dat=dat), self.rng.choice(topic.sources)) for t in texts]


def write_bases(
    rows: Rows, cal: YearCalendar, selection: Selection, outcomes: list[Outcome]
) -> None:
    """Participation rows of the year (mentors, mentees), requests, competences, training."""
    writer = BaseWriter(rows, cal)
    led: dict[int, list[Outcome]] = {}
    for outcome in outcomes:
        led.setdefault(outcome.draft.mentor.id, []).append(outcome)
    for group in led.values():
        draft = group[0].draft
        competences = [o.draft.text(o.draft.topic.competence) for o in group]
        mentees = sum(len(o.draft.mentees) for o in group)
        writer.mentor(draft.mentor, draft.form, MentorStatus.ACTIVE, competences, mentees)
    for person, form, stage in selection.extras:
        writer.mentor(person, form, stage, [])
    writer.training()
    for outcome in outcomes:
        draft = outcome.draft
        teacher = draft.form is MentoringForm.TEACHER_TEACHER
        window = (
            (cal.start + timedelta(days=1), cal.start + timedelta(days=14))
            if teacher
            else cal.mentee_window
        )
        status, note = MenteeStatus.IN_BASE, ""
        if outcome.status is GroupStatus.DISBANDED and outcome.end is not None:
            note = f"Пара расформирована {outcome.end:%d.%m.%Y}: {outcome.reason}"
        elif outcome.status is GroupStatus.COMPLETED:
            status = MenteeStatus.COMPLETED
        elif outcome.status is not None:
            status = MenteeStatus.PAIRED
        for mentee in draft.mentees:
            writer.mentee(
                mentee,
                draft.form,
                writer.requests(draft.topic, mentee, draft.dat),
                status,
                joined=cal.pick_until_today(*window),
                note=note,
            )
    for person, form, topic, support in selection.unpaired:
        joined = cal.pick_until_today(
            cal.start + timedelta(days=19), cal.start + timedelta(days=70)
        )
        if support:
            requests = [(SUPPORT_REQUEST, RequestSource.SOCIAL_PEDAGOGUE)]
            note = SUPPORT_NOTE
        else:
            requests = writer.requests(topic, person, "")
            note = "Наставник подбирается."
        writer.mentee(
            person, form, requests, MenteeStatus.IN_BASE, joined=joined, note=note, support=support
        )
