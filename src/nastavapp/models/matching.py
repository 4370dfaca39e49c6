"""Preferences named after the group meeting of mentors and mentees (stage 5 of the roadmap)."""

import sqlalchemy as sa
from sqlmodel import Field

from .base import Table


class MatchPreference(Table, table=True):
    """«Кого бы вы хотели видеть своим наставником / наставляемым»: ``chooser`` named ``chosen``.

    Either side may name the other; a choice made by both sides is a mutual one.
    """

    __tablename__ = "match_preference"
    __table_args__ = (sa.UniqueConstraint("year_id", "chooser_id", "chosen_id"),)

    id: int | None = Field(default=None, primary_key=True)
    year_id: int = Field(foreign_key="academic_year.id", ondelete="CASCADE", index=True)
    chooser_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    chosen_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    rank: int = 1  # 1 = first choice
