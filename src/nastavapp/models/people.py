"""People of the school (the whole contingent) and their consents. People persist across years."""

from datetime import date, datetime

from sqlmodel import Field

from .base import Table
from .columns import enum_field, utc_now
from .vocab import ConsentGiver, ExternalKind, PersonCategory, Sex


class Person(Table, table=True):
    """Участник: обучающийся, педагог или внешний наставник (студент, работодатель)."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    category: PersonCategory = enum_field(PersonCategory, index=True)
    last_name: str = Field(index=True)
    first_name: str
    middle_name: str = ""
    sex: Sex | None = enum_field(Sex, nullable=True)
    birth_date: date | None = None
    # pupils
    class_name: str = ""  # "7А"
    # teachers
    position: str = ""
    subject: str = ""
    experience_years: int | None = None  # teaching experience (педагогический стаж)
    # externals
    external_kind: ExternalKind | None = enum_field(ExternalKind, nullable=True)
    organization: str = ""  # college/university or employer
    organization_position: str = ""  # course ("2 курс") or the employee's position
    # everyone
    phone: str = ""
    email: str = ""
    notes: str = ""
    archived: bool = False  # left the school; kept for earlier years' records
    created_at: datetime = Field(default_factory=utc_now)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def short_name(self) -> str:
        """«Иванова М. П.»"""
        initials = " ".join(f"{p[0].upper()}." for p in (self.first_name, self.middle_name) if p)
        return f"{self.last_name} {initials}".strip()


class Consent(Table, table=True):
    """Согласие на обработку персональных данных (152-ФЗ)."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    given_by: ConsentGiver = enum_field(ConsentGiver, default=ConsentGiver.SELF)
    representative_name: str = ""  # parent's ФИО when a parent gave it
    given_date: date
    withdrawn_date: date | None = None
    note: str = ""
