"""The school, its academic years and per-file settings."""

from datetime import date, datetime

from sqlmodel import Field

from .base import Table
from .columns import enum_field, json_field, utc_now
from .vocab import Sex


class School(Table, table=True):
    """Профиль образовательной организации. One row per database file."""

    __tablename__ = "school"

    id: int | None = Field(default=None, primary_key=True)
    full_name: str
    short_name: str
    municipality: str = ""
    address: str = ""
    code: str = ""  # ИНН or a municipal code, optional; identifies the school in reports
    director_last_name: str = ""
    director_first_name: str = ""
    director_middle_name: str = ""
    director_sex: Sex = enum_field(Sex, default=Sex.FEMALE)
    curator_last_name: str = ""
    curator_first_name: str = ""
    curator_middle_name: str = ""
    curator_sex: Sex = enum_field(Sex, default=Sex.FEMALE)
    curator_position: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class AcademicYear(Table, table=True):
    """Учебный год: 1 September to 31 August; roles, pairs, roadmap and answers belong to one."""

    __tablename__ = "academic_year"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(unique=True)  # "2025/2026"
    start_date: date
    end_date: date
    is_current: bool = False
    forms: list[str] = json_field()  # MentoringForm codes the school uses this year


class AppSetting(Table, table=True):
    """Key/value settings that belong to the data file (e.g. the satisfaction threshold)."""

    __tablename__ = "app_setting"

    key: str = Field(primary_key=True)
    value: str = ""
