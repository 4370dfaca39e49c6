"""Fixed vocabularies of the domain and their Russian labels, kept in this one place.

Values stored in the database are stable English codes; what the user sees comes from
``label()``. Adding a member here is the only step needed to show it everywhere.
"""

from __future__ import annotations

from enum import Enum


class Vocab(str, Enum):
    """A string enum whose members carry a Russian label (see ``LABELS``)."""

    @property
    def label(self) -> str:
        return LABELS[(type(self), self.value)]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, Russian label) pairs in declaration order, for combo boxes and exports."""
        return [(m.value, m.label) for m in cls]


class Sex(Vocab):
    MALE = "male"
    FEMALE = "female"


class PersonCategory(Vocab):
    """Обучающийся, педагог или внешний наставник."""

    STUDENT = "student"
    TEACHER = "teacher"
    EXTERNAL = "external"


class ExternalKind(Vocab):
    """Kind of an external mentor: a college/university student or an employer's employee."""

    STUDENT = "student"
    EMPLOYEE = "employee"


class MentoringForm(Vocab):
    """Форма наставничества."""

    STUDENT_STUDENT = "student_student"
    TEACHER_TEACHER = "teacher_teacher"
    TEACHER_STUDENT = "teacher_student"
    UNISTUDENT_STUDENT = "unistudent_student"
    EMPLOYER_STUDENT = "employer_student"


class MentoringKind(Vocab):
    """Вид наставничества."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    COLLECTIVE_INDIVIDUAL = "collective_individual"


class MentoringFormat(Vocab):
    """Формат наставничества."""

    CLASSIC = "classic"
    PARTNER = "partner"
    VIRTUAL = "virtual"
    REVERSE = "reverse"
    SITUATIONAL = "situational"
    SPEED = "speed"
    FLASH = "flash"
    TEAM = "team"


class Role(Vocab):
    """Роль участника в учебном году."""

    MENTOR = "mentor"
    MENTEE = "mentee"


class MentorStatus(Vocab):
    """Selection pipeline of a mentor (этап отбора наставника)."""

    CANDIDATE = "candidate"
    INTERVIEWED = "interviewed"
    TRAINED = "trained"
    ACTIVE = "active"


class MenteeStatus(Vocab):
    IN_BASE = "in_base"
    PAIRED = "paired"
    COMPLETED = "completed"


class RequestSource(Vocab):
    """Who named a mentee's request (кто выявил запрос)."""

    SELF = "self"
    CLASS_TEACHER = "class_teacher"
    PSYCHOLOGIST = "psychologist"
    SOCIAL_PEDAGOGUE = "social_pedagogue"
    PARENTS = "parents"
    METHODICAL_ANALYSIS = "methodical_analysis"
    ATTESTATION = "attestation"
    SELF_ANALYSIS = "self_analysis"


class ConsentGiver(Vocab):
    SELF = "self"
    PARENT = "parent"


class GroupStatus(Vocab):
    """Status of a pair or group (статус пары/группы)."""

    FORMING = "forming"
    APPROVED = "approved"
    ACTIVE = "active"
    COMPLETED = "completed"
    DISBANDED = "disbanded"


class MeetingType(Vocab):
    ORGANIZATIONAL = "organizational"
    TRIAL = "trial"
    PLANNING = "planning"
    REGULAR = "regular"
    FINAL = "final"


class EventStatus(Vocab):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_REQUIRED = "not_required"


class ResponsibleRole(Vocab):
    DIRECTOR = "director"
    CURATOR = "curator"
    DEPUTY_DIRECTOR = "deputy_director"
    PSYCHOLOGIST = "psychologist"
    CLASS_TEACHERS = "class_teachers"
    MENTORS = "mentors"
    WORKING_GROUP = "working_group"


class Audience(Vocab):
    """Who answers a questionnaire."""

    MENTEE = "mentee"
    MENTOR = "mentor"


class QuestionnairePhase(Vocab):
    ENTRY = "entry"
    FINAL = "final"


class QuestionType(Vocab):
    SCALE = "scale"
    YES_NO = "yes_no"
    OPEN = "open"


class DocumentKind(Vocab):
    ORDER_INTRODUCTION = "order_introduction"
    ORDER_REGULATIONS = "order_regulations"
    ORDER_PAIRS = "order_pairs"
    ORDER_REWARD = "order_reward"
    ORDER_FINAL_EVENT = "order_final_event"
    ROADMAP = "roadmap"
    REPORT = "report"
    OTHER = "other"


class RoadmapStage(int, Enum):
    """The seven stages of the target model's roadmap (этапы дорожной карты)."""

    PREPARATION = 1
    MENTEE_BASE = 2
    MENTOR_BASE = 3
    MENTOR_SELECTION = 4
    MATCHING = 5
    PAIRS_WORK = 6
    COMPLETION = 7

    @property
    def label(self) -> str:
        return STAGE_TITLES[self]

    @property
    def short_label(self) -> str:
        return STAGE_SHORT_TITLES[self]


STAGE_TITLES: dict[RoadmapStage, str] = {
    RoadmapStage.PREPARATION: "Подготовка условий для запуска программы",
    RoadmapStage.MENTEE_BASE: "Формирование базы наставляемых",
    RoadmapStage.MENTOR_BASE: "Формирование базы наставников",
    RoadmapStage.MENTOR_SELECTION: "Отбор и обучение наставников",
    RoadmapStage.MATCHING: "Формирование наставнических пар / групп",
    RoadmapStage.PAIRS_WORK: "Организация работы наставнических пар / групп",
    RoadmapStage.COMPLETION: "Завершение программы наставничества",
}

# Short titles for the navigation column; the full ones above go on the screens and documents.
STAGE_SHORT_TITLES: dict[RoadmapStage, str] = {
    RoadmapStage.PREPARATION: "Подготовка условий",
    RoadmapStage.MENTEE_BASE: "База наставляемых",
    RoadmapStage.MENTOR_BASE: "База наставников",
    RoadmapStage.MENTOR_SELECTION: "Отбор и обучение наставников",
    RoadmapStage.MATCHING: "Формирование пар и групп",
    RoadmapStage.PAIRS_WORK: "Работа пар и групп",
    RoadmapStage.COMPLETION: "Завершение программы",
}

# Keyed by (enum class, code): members of different enums share codes («student», «mentor»,
# «active») and, being str enums, compare equal, so a dict keyed by member would mix them up.
_LABEL_PAIRS: tuple[tuple[Enum, str], ...] = (
    (Sex.MALE, "мужской"),
    (Sex.FEMALE, "женский"),
    (PersonCategory.STUDENT, "обучающийся"),
    (PersonCategory.TEACHER, "педагог"),
    (PersonCategory.EXTERNAL, "внешний наставник"),
    (ExternalKind.STUDENT, "студент"),
    (ExternalKind.EMPLOYEE, "представитель работодателя"),
    (MentoringForm.STUDENT_STUDENT, "ученик – ученик"),
    (MentoringForm.TEACHER_TEACHER, "учитель – учитель"),
    (MentoringForm.TEACHER_STUDENT, "учитель – ученик"),
    (MentoringForm.UNISTUDENT_STUDENT, "студент – ученик"),
    (MentoringForm.EMPLOYER_STUDENT, "работодатель – ученик"),
    (MentoringKind.INDIVIDUAL, "индивидуальное"),
    (MentoringKind.GROUP, "групповое"),
    (MentoringKind.COLLECTIVE_INDIVIDUAL, "коллективно-индивидуальное"),
    (MentoringFormat.CLASSIC, "классическое"),
    (MentoringFormat.PARTNER, "партнёрское"),
    (MentoringFormat.VIRTUAL, "виртуальное"),
    (MentoringFormat.REVERSE, "реверсивное"),
    (MentoringFormat.SITUATIONAL, "ситуационное"),
    (MentoringFormat.SPEED, "скоростное"),
    (MentoringFormat.FLASH, "флеш-наставничество"),
    (MentoringFormat.TEAM, "командное"),
    (Role.MENTOR, "наставник"),
    (Role.MENTEE, "наставляемый"),
    (MentorStatus.CANDIDATE, "кандидат"),
    (MentorStatus.INTERVIEWED, "собеседование пройдено"),
    (MentorStatus.TRAINED, "обучение пройдено"),
    (MentorStatus.ACTIVE, "готов к работе"),
    (MenteeStatus.IN_BASE, "в базе"),
    (MenteeStatus.PAIRED, "в паре / группе"),
    (MenteeStatus.COMPLETED, "программа завершена"),
    (RequestSource.SELF, "сам"),
    (RequestSource.CLASS_TEACHER, "классный руководитель"),
    (RequestSource.PSYCHOLOGIST, "педагог-психолог"),
    (RequestSource.SOCIAL_PEDAGOGUE, "социальный педагог"),
    (RequestSource.PARENTS, "родители"),
    (RequestSource.METHODICAL_ANALYSIS, "анализ методической работы"),
    (RequestSource.ATTESTATION, "аттестация"),
    (RequestSource.SELF_ANALYSIS, "самоанализ"),
    (ConsentGiver.SELF, "сам"),
    (ConsentGiver.PARENT, "родитель (законный представитель)"),
    (GroupStatus.FORMING, "формируется"),
    (GroupStatus.APPROVED, "утверждена приказом"),
    (GroupStatus.ACTIVE, "работает"),
    (GroupStatus.COMPLETED, "завершена"),
    (GroupStatus.DISBANDED, "расформирована"),
    (MeetingType.ORGANIZATIONAL, "организационная"),
    (MeetingType.TRIAL, "пробная рабочая"),
    (MeetingType.PLANNING, "встреча-планирование"),
    (MeetingType.REGULAR, "регулярная"),
    (MeetingType.FINAL, "заключительная"),
    (EventStatus.NOT_STARTED, "не начато"),
    (EventStatus.IN_PROGRESS, "в работе"),
    (EventStatus.DONE, "выполнено"),
    (EventStatus.NOT_REQUIRED, "не требуется"),
    (ResponsibleRole.DIRECTOR, "руководитель ОО"),
    (ResponsibleRole.CURATOR, "куратор"),
    (ResponsibleRole.DEPUTY_DIRECTOR, "заместитель директора по УВР"),
    (ResponsibleRole.PSYCHOLOGIST, "педагог-психолог"),
    (ResponsibleRole.CLASS_TEACHERS, "классные руководители"),
    (ResponsibleRole.MENTORS, "наставники"),
    (ResponsibleRole.WORKING_GROUP, "рабочая группа"),
    (Audience.MENTEE, "наставляемые"),
    (Audience.MENTOR, "наставники"),
    (QuestionnairePhase.ENTRY, "входная"),
    (QuestionnairePhase.FINAL, "итоговая"),
    (QuestionType.SCALE, "шкала 1–10"),
    (QuestionType.YES_NO, "да / нет"),
    (QuestionType.OPEN, "открытый вопрос"),
    (DocumentKind.ORDER_INTRODUCTION, "Приказ о внедрении целевой модели наставничества"),
    (DocumentKind.ORDER_REGULATIONS, "Приказ об утверждении Положения, программы и дорожной карты"),
    (DocumentKind.ORDER_PAIRS, "Приказ об утверждении наставнических пар/групп"),
    (DocumentKind.ORDER_REWARD, "Приказ о поощрении участников наставнической деятельности"),
    (DocumentKind.ORDER_FINAL_EVENT, "Приказ о проведении итогового мероприятия"),
    (DocumentKind.ROADMAP, "Дорожная карта"),
    (DocumentKind.REPORT, "Отчёт в муниципальный центр"),
    (DocumentKind.OTHER, "Другой документ"),
)
LABELS: dict[tuple[type[Enum], str], str] = {(type(m), m.value): t for m, t in _LABEL_PAIRS}

# Which person categories may stand on each side of a form: (mentor, mentee).
FORM_SIDES: dict[MentoringForm, tuple[PersonCategory, PersonCategory]] = {
    MentoringForm.STUDENT_STUDENT: (PersonCategory.STUDENT, PersonCategory.STUDENT),
    MentoringForm.TEACHER_TEACHER: (PersonCategory.TEACHER, PersonCategory.TEACHER),
    MentoringForm.TEACHER_STUDENT: (PersonCategory.TEACHER, PersonCategory.STUDENT),
    MentoringForm.UNISTUDENT_STUDENT: (PersonCategory.EXTERNAL, PersonCategory.STUDENT),
    MentoringForm.EMPLOYER_STUDENT: (PersonCategory.EXTERNAL, PersonCategory.STUDENT),
}

# Typical role models (ролевые модели) per form, from DOMAIN.md.
ROLE_MODELS: dict[MentoringForm, tuple[str, ...]] = {
    MentoringForm.STUDENT_STUDENT: (
        "успевающий – неуспевающий",
        "лидер – пассивный",
        "равный – равному",
        "адаптированный – неадаптированный",
    ),
    MentoringForm.TEACHER_TEACHER: (
        "опытный педагог – молодой специалист",
        "опытный классный руководитель – молодой специалист",
        "лидер педагогического сообщества – педагог, испытывающий проблемы",
        "педагог-новатор – консервативный педагог",
    ),
    MentoringForm.TEACHER_STUDENT: (
        "педагог – автор проекта",
        "педагог – участник олимпиады",
        "педагог – ученик, испытывающий трудности адаптации",
    ),
    MentoringForm.UNISTUDENT_STUDENT: (
        "успешный студент – ученик с низкими результатами",
        "студент-лидер – равнодушный ученик",
        "студент – ученик с особыми образовательными потребностями",
    ),
    MentoringForm.EMPLOYER_STUDENT: (
        "активный профессионал – равнодушный потребитель",
        "работодатель – будущий сотрудник",
    ),
}

# Age bands and experience limits that drive the indicators.
YOUNG_SPECIALIST_MAX_EXPERIENCE = 3
MENTEE_AGE_BAND = (10, 19)
MENTOR_AGE_BAND = (15, 19)
