"""Questionnaires of a demo year (entry, and final once May has come) and the answers to them."""

from __future__ import annotations

from datetime import date, timedelta

from ..models import Answer, QuestionItem, QuestionnaireResponse, QuestionnaireTemplate
from ..models.vocab import Audience, GroupStatus, QuestionnairePhase, QuestionType, Role
from .demo_calendar import YearCalendar, weekday
from .demo_pairs import Outcome
from .demo_rows import Rows
from .demo_texts import OPEN_ANSWERS

INSTRUCTION = (
    "Оцените по шкале от 1 до 10, где 1 — самый низший балл, а 10 — самый высокий. "
    "Ответьте на вопросы «да» или «нет» и, если хотите, напишите свои пожелания."
)
# (code, text for mentees, text for mentors, type); the codes pair entry and final items.
ITEMS: tuple[tuple[str, str, str, QuestionType], ...] = (
    ("efficiency", "Эффективность программы наставничества", "", QuestionType.SCALE),
    (
        "comfort",
        "Комфортность общения с наставником",
        "Комфортность общения с наставляемым",
        QuestionType.SCALE,
    ),
    ("usefulness", "Полезность встреч", "", QuestionType.SCALE),
    ("support", "Ощущение поддержки", "", QuestionType.SCALE),
    ("clarity", "Понятность поставленных задач", "", QuestionType.SCALE),
    ("expectations", "Насколько оправдались ожидания", "", QuestionType.SCALE),
    ("continue", "Хотели бы вы продолжить работу в программе?", "", QuestionType.YES_NO),
    ("wishes", "Что бы вы хотели изменить в работе программы?", "", QuestionType.OPEN),
)
TITLES = {
    (QuestionnairePhase.ENTRY, Audience.MENTEE): "Входная анкета наставляемого",
    (QuestionnairePhase.ENTRY, Audience.MENTOR): "Входная анкета наставника",
    (QuestionnairePhase.FINAL, Audience.MENTEE): "Итоговая анкета наставляемого",
    (QuestionnairePhase.FINAL, Audience.MENTOR): "Итоговая анкета наставника",
}


class FeedbackWriter:
    def __init__(self, rows: Rows, cal: YearCalendar) -> None:
        self.rows = rows
        self.cal = cal
        self.rng = cal.rng
        self.items: dict[int, list[tuple[int, QuestionType]]] = {}
        self.responses: list[int] = []

    def template(self, phase: QuestionnairePhase, audience: Audience) -> int:
        template_id = self.rows.add(
            QuestionnaireTemplate,
            year_id=self.cal.year_id,
            title=TITLES[phase, audience],
            audience=audience,
            phase=phase,
            instruction=INSTRUCTION,
        )
        items = []
        for position, (code, text, mentor_text, kind) in enumerate(ITEMS, start=1):
            wording = mentor_text if audience is Audience.MENTOR and mentor_text else text
            item_id = self.rows.add(
                QuestionItem,
                template_id=template_id,
                position=position,
                code=code,
                text=wording,
                type=kind,
            )
            items.append((item_id, kind))
        self.items[template_id] = items
        return template_id

    def answer(
        self, template_id: int, role: Role, outcome: Outcome, person_id: int, day: date, lift: int
    ) -> None:
        rng = self.rng
        response_id = self.rows.add(
            QuestionnaireResponse,
            template_id=template_id,
            person_id=person_id,
            role=role,
            form=outcome.draft.form,
            group_id=outcome.group_id,
            answered_on=day,
        )
        self.responses.append(response_id)
        mood = min(10, rng.choice((6, 7, 7, 8, 8, 8, 9, 9, 9, 10)) + lift)
        for item_id, kind in self.items[template_id]:
            value, text = None, ""
            if kind is QuestionType.SCALE:
                value = max(5, min(10, mood + rng.choice((-1, 0, 0, 0, 1))))
            elif kind is QuestionType.YES_NO:
                value = int(rng.random() < (0.95 if mood >= 8 else 0.7))
            else:
                text = rng.choice(OPEN_ANSWERS) if rng.random() < 0.5 else ""
                if not text:
                    continue
            self.rows.add(
                Answer, response_id=response_id, item_id=item_id, value_int=value, value_text=text
            )

    def round(
        self, phase: QuestionnairePhase, outcomes: list[Outcome], window: tuple[date, date] | None
    ) -> None:
        """One questionnaire round for mentees and mentors (each mentor answers once)."""
        cal, rng = self.cal, self.rng
        mentee_form = self.template(phase, Audience.MENTEE)
        mentor_form = self.template(phase, Audience.MENTOR)
        lift = 1 if phase is QuestionnairePhase.FINAL else 0
        mentors_done: set[int] = set()
        for outcome in outcomes:
            if not outcome.meetings or outcome.group_id is None:
                continue
            if window is None:  # entry: within a few weeks of the first meeting
                first = outcome.meetings[0] + timedelta(days=3)
                span = (first, first + timedelta(days=18))
            elif outcome.status is GroupStatus.COMPLETED:
                span = window
            else:
                continue
            people = [(m.id, Role.MENTEE, mentee_form) for m in outcome.draft.mentees]
            if outcome.draft.mentor.id not in mentors_done:
                mentors_done.add(outcome.draft.mentor.id)
                people.append((outcome.draft.mentor.id, Role.MENTOR, mentor_form))
            for person_id, role, template_id in people:
                day = weekday(cal.pick(*span))
                if (
                    rng.random() < 0.85
                    and cal.happened(day)
                    and (outcome.end is None or day <= outcome.end)
                ):
                    self.answer(template_id, role, outcome, person_id, day, lift)


def write_feedback(rows: Rows, cal: YearCalendar, outcomes: list[Outcome]) -> None:
    """Entry questionnaires; final ones when the year has reached May; a few anonymous answers."""
    writer = FeedbackWriter(rows, cal)
    writer.round(QuestionnairePhase.ENTRY, outcomes, None)
    if cal.happened(cal.final_answers_window[0]):
        writer.round(QuestionnairePhase.FINAL, outcomes, cal.final_answers_window)
    chosen = set(
        cal.rng.sample(
            writer.responses, min(len(writer.responses), max(2, len(writer.responses) // 80))
        )
    )
    for row in rows.rows(QuestionnaireResponse):
        if row["id"] in chosen:
            row["person_id"] = None
            row["group_id"] = None
