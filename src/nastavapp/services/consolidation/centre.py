"""The municipal data file and the centre's own profile (who makes the summary).

The coordinator's file is an ordinary data file of the program (same schema and migrations,
same backups) marked as municipal in its settings; it never holds a school. The centre's name,
municipality and code go into the summary and into its «data» sheet, so that a region merges
municipalities the way a municipality merges schools.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from ...models import AppSetting, School
from ...store import Store, StoreError, data_dir, open_store

MODE_KEY = "mode"
MUNICIPAL_MODE = "municipal"
MUNICIPAL_FILE_NAME = "municipal.sqlite"
_PREFIX = "centre."
_FIELDS = ("name", "short_name", "municipality", "code", "coordinator")


class CentreError(ValueError):
    """The municipal file or profile cannot be used; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class CentreProfile:
    """«МБУ „Центр развития образования“», its municipality, an optional code, the coordinator."""

    name: str = ""
    short_name: str = ""
    municipality: str = ""
    code: str = ""
    coordinator: str = ""  # ФИО of the coordinator, printed under the analytical note

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip() and self.municipality.strip())

    def problems(self) -> list[str]:
        found = []
        if not self.name.strip():
            found.append("Укажите наименование муниципального центра (органа управления).")
        if not self.municipality.strip():
            found.append("Укажите муниципальное образование.")
        return found


def municipal_db_path() -> Path:
    """The default municipal file, in the data folder beside the school's one."""
    return data_dir() / MUNICIPAL_FILE_NAME


def _settings(store: Store) -> dict[str, str]:
    with store.session() as session:
        rows = session.exec(select(AppSetting)).all()
    return {row.key: row.value for row in rows}


def is_municipal(store: Store) -> bool:
    return _settings(store).get(MODE_KEY) == MUNICIPAL_MODE


def get_centre(store: Store) -> CentreProfile:
    values = _settings(store)
    return CentreProfile(**{name: values.get(_PREFIX + name, "") for name in _FIELDS})


def save_centre(store: Store, profile: CentreProfile) -> CentreProfile:
    """Save the centre's profile (names tidied).

    Raises:
        CentreError: the name or the municipality is missing.
    """
    problems = profile.problems()
    if problems:
        raise CentreError(" ".join(problems))
    tidy = CentreProfile(**{name: " ".join(getattr(profile, name).split()) for name in _FIELDS})
    with store.session() as session:
        for name in _FIELDS:
            session.merge(AppSetting(key=_PREFIX + name, value=getattr(tidy, name)))
        session.commit()
    return tidy


def open_municipal_store(path: Path | str, *, backups: bool = True) -> Store:
    """Open (creating if needed) the municipal data file at ``path`` and mark it municipal.

    Raises:
        CentreError: the file is a school's database.
        StoreError: the file cannot be opened (damaged, newer, foreign, locked …).
    """
    store = open_store(path, backups=backups)
    try:
        with store.session() as session:
            has_school = session.exec(select(col(School.id))).first() is not None
            if has_school:
                raise CentreError(
                    f"Файл «{store.path.name}» — база школы, а не муниципального центра. "
                    "Для сводки выберите отдельный файл."
                )
            session.merge(AppSetting(key=MODE_KEY, value=MUNICIPAL_MODE))
            session.commit()
    except (CentreError, StoreError):
        store.close()
        raise
    return store
