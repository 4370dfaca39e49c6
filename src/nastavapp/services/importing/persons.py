"""Import of pupils or teachers from a school's list: check every row, store all or none.

Two steps, so the user can correct the columns in between::

    preview = prepare_import(path)                    # reads the file, proposes a mapping
    result = import_persons(store, preview, PersonCategory.STUDENT, mapping)  # checks, stores

A dry run (``dry_run=True``) checks without storing: the preview dialog can show what would be
imported, rejected and skipped for the mapping the user is editing.

``import_persons`` is meant to run off the GUI thread: it reports ``progress(done, total)`` and
asks ``cancelled()`` as it goes; cancelling stores nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from ...models import Person
from ...models.columns import utc_now
from ...models.vocab import PersonCategory
from ...store import BackupKind, Store, StoreError, backup_before
from ...store.oserrors import store_error, with_note
from ..names import FullName
from ..people import existing_keys, key_of
from ..person_fields import PersonFields, check_person, normalized
from .header import Column, ColumnMapping, column_titles
from .preview import ImportPreview
from .reading import ImportFileError, Row
from .rows import (
    CellError,
    YearOnlyError,
    cell_text,
    parse_class,
    parse_date,
    parse_experience,
    parse_sex,
)
from .same_person import MetPeople

IMPORTABLE = (PersonCategory.STUDENT, PersonCategory.TEACHER)
CHUNK = 1000  # rows per INSERT batch (all in one transaction)
REPORT_EVERY = 500  # rows between progress reports while checking

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was stored."""


@dataclass(frozen=True)
class AcceptedRow:
    row_number: int
    person: PersonFields


@dataclass(frozen=True)
class DuplicateRow:
    """A person not created twice: ``existing_id`` already in the file, or ``same_as_row``."""

    row_number: int
    person: PersonFields
    existing_id: int | None = None
    same_as_row: int | None = None
    note: str = ""  # why a not quite equal entry is taken for the same person

    @property
    def reason(self) -> str:
        text = (
            f"Повторяет строку {self.same_as_row}"
            if self.same_as_row is not None
            else "Уже есть в базе"
        )
        return f"{text} ({self.note})." if self.note else f"{text}."


@dataclass(frozen=True)
class RejectedRow:
    """A row not imported, with every reason; ``cells`` are the row's cells as text."""

    row_number: int
    name: str
    reasons: tuple[str, ...]
    cells: tuple[str, ...]

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass
class ImportResult:
    """What an import did: accepted rows (stored unless a dry run), duplicates, rejections."""

    path: Path
    sheet: str
    category: PersonCategory
    titles: list[str]
    accepted: list[AcceptedRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    stored: bool = False  # False for a dry run
    years_only: list[int] = field(default_factory=list)  # teachers' rows with a birth year only

    def notes(self) -> list[str]:
        """What was taken as it could be, in Russian (shown beside the figures)."""
        if not self.years_only:
            return []
        rows = ", ".join(str(n) for n in self.years_only[:10])
        more = f" и ещё {len(self.years_only) - 10}" if len(self.years_only) > 10 else ""
        return [
            f"У педагогов в строках {rows}{more} указан только год рождения: дата рождения "
            "педагога необязательна, поэтому она оставлена пустой, а сами педагоги загружаются."
        ]

    @property
    def imported(self) -> int:
        """How many people were stored (0 for a dry run)."""
        return len(self.accepted) if self.stored else 0


def import_persons(
    store: Store,
    preview: ImportPreview,
    category: PersonCategory,
    mapping: ColumnMapping | None = None,
    *,
    today: date | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Check every data row and store the accepted people in one transaction (or none).

    Rows with an impossible or future birth date, an implausible age, class or experience, or
    without a surname or name are rejected with the reasons; people already in the file or met
    earlier in the file are listed as duplicates and not created again.

    Raises:
        ImportFileError: the mapping has no name columns.
        ImportCancelled: ``cancelled()`` said so; nothing was stored.
        StoreError: the backup made before storing (``BackupKind.BEFORE_IMPORT``) failed,
            or the database refused the rows; nothing was stored.
    """
    if category not in IMPORTABLE:
        raise ValueError("Загрузка списков возможна только для обучающихся и педагогов.")
    mapping = mapping or preview.mapping
    problem = mapping.problem()
    if problem:
        raise ImportFileError(problem)
    today = today or date.today()
    report = progress or (lambda _done, _total: None)
    stop = cancelled or (lambda: False)
    data = range(mapping.first_data_row, len(preview.rows))
    total = 2 * len(data)
    result = ImportResult(
        preview.path, preview.sheet, category, column_titles(preview.rows, mapping)
    )
    known = MetPeople(existing_keys(store))
    seen = MetPeople()
    header_name = _header_name(preview.rows, mapping)
    for done, index in enumerate(data):
        if done % REPORT_EVERY == 0:
            if stop():
                raise ImportCancelled
            report(done, total)
        row = preview.rows[index]
        number = index + 1
        outcome = _read_row(number, row, mapping, category, today)
        if outcome is None or _name_text(row, mapping).casefold() == header_name:
            continue  # an empty row, or the header repeated on the next printed page
        if isinstance(outcome, RejectedRow):
            result.rejected.append(outcome)
            continue
        key = key_of(outcome)
        if (found := known.find(key)) is not None:
            known.add(key, found.value)  # as written here too: a later row may match this one
            result.duplicates.append(
                DuplicateRow(number, outcome, existing_id=found.value, note=found.note)
            )
        elif (earlier := seen.find(key)) is not None:
            result.duplicates.append(
                DuplicateRow(number, outcome, same_as_row=earlier.value, note=earlier.note)
            )
        else:
            seen.add(key, number)
            result.accepted.append(AcceptedRow(number, outcome))
            if category is PersonCategory.TEACHER and _year_only(row, mapping, today):
                result.years_only.append(number)
    if not dry_run:
        if result.accepted:
            _back_up_first(store)
        checked = len(data)
        accepted = max(len(result.accepted), 1)
        _store_all(
            store,
            result.accepted,
            stop,
            lambda stored: report(checked + checked * stored // accepted, total),
        )
        result.stored = True
    report(total, total)
    return result


def _back_up_first(store: Store) -> None:
    """The backup «перед загрузкой списков»; without it nothing is stored."""
    try:
        backup_before(store.path, BackupKind.BEFORE_IMPORT)
    except StoreError as exc:
        raise with_note(
            exc, "Список не загружен: без резервной копии программа не меняет базу."
        ) from exc


def _cell(row: Row, mapping: ColumnMapping, column: Column) -> str | float | date:
    index = mapping.columns.get(column)
    if index is None or index >= len(row):
        return ""
    return row[index]


def _name_text(row: Row, mapping: ColumnMapping) -> str:
    if Column.LAST_NAME in mapping.columns and Column.FIRST_NAME in mapping.columns:
        parts = (Column.LAST_NAME, Column.FIRST_NAME, Column.MIDDLE_NAME)
        return " ".join(t for t in (cell_text(_cell(row, mapping, c)) for c in parts) if t)
    return cell_text(_cell(row, mapping, Column.FULL_NAME))


def _year_only(row: Row, mapping: ColumnMapping, today: date) -> bool:
    try:
        parse_date(_cell(row, mapping, Column.BIRTH_DATE), today)
    except YearOnlyError:
        return True
    except CellError:
        pass
    return False


def _header_name(rows: list[Row], mapping: ColumnMapping) -> str | None:
    if mapping.header_row is None:
        return None
    return _name_text(rows[mapping.header_row], mapping).casefold() or None


# a signature or a note under the list («Классный руководитель: ________ /Петрова А. И./»)
_NOT_A_NAME = re.compile(r"[:_/]|\b(?:подпись|итого|всего)\b", re.IGNORECASE)
NOT_A_PERSON = (
    "Похоже на подпись или примечание к списку, а не на ФИО: строка не загружена. Если это "
    "человек, исправьте ФИО в файле."
)


def _read_row(
    number: int, row: Row, mapping: ColumnMapping, category: PersonCategory, today: date
) -> PersonFields | RejectedRow | None:
    """The person of one row, a rejection with its reasons, or None for an empty row."""
    cells = {column: _cell(row, mapping, column) for column in mapping.columns}
    if not any(cell_text(cell) for cell in cells.values()):
        return None
    name = _name_text(row, mapping)
    if _NOT_A_NAME.search(name):  # one calm reason instead of «недопустимые знаки» twice
        return RejectedRow(number, name, (NOT_A_PERSON,), tuple(cell_text(c) for c in row))
    if Column.LAST_NAME in mapping.columns and Column.FIRST_NAME in mapping.columns:
        full = FullName(
            cell_text(cells[Column.LAST_NAME]),
            cell_text(cells[Column.FIRST_NAME]),
            cell_text(cells.get(Column.MIDDLE_NAME, "")),
        )
    else:
        full = FullName.parse(name)
    reasons: list[str] = []
    birth_date = experience = None
    teacher = category is PersonCategory.TEACHER
    try:
        birth_date = parse_date(cells.get(Column.BIRTH_DATE, ""), today)
    except YearOnlyError as exc:
        if not teacher:  # a teacher's birth date is optional: left empty, said apart
            reasons.append(str(exc))
    except CellError as exc:
        reasons.append(str(exc))
    if teacher:
        try:
            experience = parse_experience(cells.get(Column.EXPERIENCE, ""))
        except CellError as exc:
            reasons.append(str(exc))
    person = normalized(
        PersonFields(
            category=category,
            last_name=full.last,
            first_name=full.first,
            middle_name=full.middle,
            sex=parse_sex(cells.get(Column.SEX, "")),
            birth_date=birth_date,
            class_name="" if teacher else parse_class(cells.get(Column.CLASS_NAME, "")),
            position=cell_text(cells.get(Column.POSITION, "")) if teacher else "",
            subject=cell_text(cells.get(Column.SUBJECT, "")) if teacher else "",
            experience_years=experience,
        )
    )
    reasons.extend(p.message for p in check_person(person, today))
    if reasons:
        return RejectedRow(number, name, tuple(reasons), tuple(cell_text(c) for c in row))
    return person


def _store_all(
    store: Store,
    accepted: list[AcceptedRow],
    stop: CancelCheck,
    on_stored: Callable[[int], None],
) -> None:
    """Insert every accepted person in one transaction; cancel or failure rolls all back."""
    created = utc_now()
    with store.session() as session:
        try:
            for start in range(0, len(accepted), CHUNK):
                if stop():
                    session.rollback()
                    raise ImportCancelled
                chunk = accepted[start : start + CHUNK]
                values = [
                    {**a.person.values(), "created_at": created, "archived": False} for a in chunk
                ]
                session.execute(sa.insert(Person), values)
                on_stored(start + len(chunk))
            if stop():
                session.rollback()
                raise ImportCancelled
            session.commit()
        except sa.exc.SQLAlchemyError as exc:
            session.rollback()
            failed = store_error(exc, "Не удалось сохранить людей из файла", store.path)
            raise with_note(failed, "Ничего не сохранено.") from exc
