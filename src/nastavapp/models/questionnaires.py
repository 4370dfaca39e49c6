"""Feedback questionnaires: templates with items, and respondents' answers."""

from datetime import date

from sqlmodel import Field

from .base import Table
from .columns import enum_field
from .vocab import Audience, MentoringForm, QuestionnairePhase, QuestionType, Role


class QuestionnaireTemplate(Table, table=True):
    """Анкета обратной связи (entry or final, for mentees or mentors)."""

    __tablename__ = "questionnaire_template"

    id: int | None = Field(default=None, primary_key=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    title: str
    audience: Audience = enum_field(Audience)
    phase: QuestionnairePhase = enum_field(QuestionnairePhase)
    form: MentoringForm | None = enum_field(MentoringForm, nullable=True)  # form-specific block
    instruction: str = ""


class QuestionItem(Table, table=True):
    """Вопрос анкеты. ``code`` pairs the same item in the entry and the final version."""

    __tablename__ = "question_item"

    id: int | None = Field(default=None, primary_key=True)
    template_id: int = Field(
        foreign_key="questionnaire_template.id", ondelete="CASCADE", index=True
    )
    position: int = 0
    code: str = ""
    text: str
    type: QuestionType = enum_field(QuestionType, default=QuestionType.SCALE)


class QuestionnaireResponse(Table, table=True):
    """One respondent's filled questionnaire; ``person_id`` is empty for anonymous answers."""

    __tablename__ = "questionnaire_response"

    id: int | None = Field(default=None, primary_key=True)
    template_id: int = Field(
        foreign_key="questionnaire_template.id", ondelete="CASCADE", index=True
    )
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    role: Role = enum_field(Role)
    form: MentoringForm | None = enum_field(MentoringForm, nullable=True)
    group_id: int | None = Field(
        default=None, foreign_key="mentoring_group.id", ondelete="SET NULL"
    )
    answered_on: date | None = None


class Answer(Table, table=True):
    __tablename__ = "answer"

    response_id: int = Field(
        foreign_key="questionnaire_response.id", ondelete="CASCADE", primary_key=True
    )
    item_id: int = Field(foreign_key="question_item.id", ondelete="CASCADE", primary_key=True)
    value_int: int | None = None  # 1–10 for scale items, 1/0 for yes/no
    value_text: str = ""
