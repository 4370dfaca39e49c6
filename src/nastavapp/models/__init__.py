"""SQLModel tables and fixed vocabularies of the domain. No Qt, no I/O beyond SQL."""

from .documents import IssuedDocument
from .groups import (
    GroupMember,
    GroupStatusChange,
    Meeting,
    MeetingAttendance,
    MentoringGroup,
    PlanItem,
)
from .matching import MatchPreference
from .municipal import ExpectedSchool, MunicipalReport
from .participation import (
    MenteeRequest,
    MentorCompetence,
    Participation,
    TrainingAttendance,
    TrainingEvent,
)
from .people import Consent, Person
from .questionnaires import Answer, QuestionItem, QuestionnaireResponse, QuestionnaireTemplate
from .roadmap import RoadmapEvent
from .school import AcademicYear, AppSetting, School

__all__ = [
    "AcademicYear",
    "Answer",
    "AppSetting",
    "Consent",
    "ExpectedSchool",
    "GroupMember",
    "GroupStatusChange",
    "IssuedDocument",
    "MatchPreference",
    "Meeting",
    "MeetingAttendance",
    "MenteeRequest",
    "MentorCompetence",
    "MentoringGroup",
    "MunicipalReport",
    "Participation",
    "Person",
    "PlanItem",
    "QuestionItem",
    "QuestionnaireResponse",
    "QuestionnaireTemplate",
    "RoadmapEvent",
    "School",
    "TrainingAttendance",
    "TrainingEvent",
]
