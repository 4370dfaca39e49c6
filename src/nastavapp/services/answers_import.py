"""Answers from an online form's export (Google Forms, Yandex Forms; xlsx, xls, ods or csv).

Such a table has one header row that repeats each question's text, then one row per
respondent; its columns are matched to the items by ``answers_matching``. The curator sees the
matching before anything is stored and can change it. Rows with a value out of range are listed
with the reason and skipped; the others are stored together, in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import col, select

from ..models import Answer, QuestionnaireResponse, QuestionnaireTemplate
from ..models.vocab import MentoringForm, QuestionType
from ..store import Store
from .answers_matching import (
    AnswersMapping,
    Special,
    find_header,
    match_columns,
    normalise,
    similarity,
)
from .answers_repeats import REPEATED, fingerprint, stored_anonymous
from .importing.reading import Cell, ImportFileError, Row, read_sheets
from .importing.rows import CellError, cell_text, parse_date
from .questionnaires import QuestionnaireError, check_value, template_items
from .responses import Respondent, respondents, role_of

__all__ = [
    "AnswersMapping",
    "AnswersPreview",
    "ImportFileError",
    "ImportedResponse",
    "SkippedRow",
    "Special",
    "import_answers",
    "match_columns",
    "normalise",
    "preview_answers",
    "preview_file",
    "read_answer_rows",
    "similarity",
]

_SCORE = re.compile(r"^\s*(\d{1,3})(?:[.,]0+)?(?:\s*[^\d\s.,].*)?$")  # «8», «8,0», «8 баллов»
ANSWERS_AGE_DAYS = 3 * 366  # the oldest answer worth loading: the programme's years back
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")


@dataclass(frozen=True)
class ImportedResponse:
    row_number: int  # as Excel shows it (1-based)
    answers: dict[int, object]  # item id → value, as ``check_value`` accepts it
    person_id: int | None
    name: str  # as written in the file («» when anonymous)
    form: MentoringForm | None
    group_id: int | None
    answered_on: date | None


@dataclass(frozen=True)
class SkippedRow:
    row_number: int
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"Строка {self.row_number}: " + " ".join(self.reasons)


@dataclass(frozen=True)
class AnswersPreview:
    template_id: int
    header: list[str]
    mapping: AnswersMapping
    responses: list[ImportedResponse]
    skipped: list[SkippedRow]
    notes: list[str]  # names not found (answers stored as anonymous) and the like
    unmatched_items: list[str]  # texts of the questions no column answers

    @property
    def problem(self) -> str | None:
        """Why nothing can be imported (Russian), or None."""
        if not self.mapping.items:
            return (
                "Ни один столбец файла не совпал с вопросами анкеты. Проверьте, что выбрана "
                "нужная анкета, или сопоставьте столбцы вручную."
            )
        if not self.responses:
            return "В файле нет ни одной строки с ответами, которую можно загрузить."
        return None


def _score(cell: Cell) -> object:
    """A scale cell as ``check_value`` wants it: «8» for 8.0, «8 баллов» or «8,0»."""
    if isinstance(cell, float):
        return str(int(cell)) if cell == int(cell) else cell_text(cell)
    match = _SCORE.match(cell_text(cell))
    return match.group(1) if match else cell_text(cell)


def _day(cell: Cell, today: date) -> date | None:
    try:
        return parse_date(cell, today)
    except CellError:
        match = _SLASHED.match(cell_text(cell))  # Google in English: «2025/11/20 2:03:11 PM»
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                return None
        return None


def _plausible(day: date, today: date) -> bool:
    """An answer given by now (a week's leeway for a school PC's clock), and not years before
    (20.11.2099 and 20.11.1900 used to be stored as they were)."""
    return today - timedelta(days=ANSWERS_AGE_DAYS) <= day <= today + timedelta(days=7)


def _form(text: str) -> MentoringForm | None:
    wanted = normalise(text)
    return next((f for f in MentoringForm if normalise(f.label) == wanted), None)


def _who(name: str, people: list[Respondent]) -> Respondent | None:
    """The respondent whose full name (or «Фамилия Имя») is written in the cell."""
    wanted = normalise(name)
    for person in people:
        full = normalise(person.name)
        if wanted in (full, " ".join(full.split()[:2]), normalise(person.short_name)):
            return person
    return None


def preview_answers(
    store: Store,
    template_id: int,
    rows: list[Row],
    mapping: AnswersMapping | None = None,
    *,
    today: date,
) -> AnswersPreview:
    """What would be stored from ``rows`` (nothing is stored)."""
    items = template_items(store, template_id)
    by_id = {i.id: i for i in items}
    with store.session() as session:
        template = session.get(QuestionnaireTemplate, template_id)
    if template is None:
        raise QuestionnaireError("Этой анкеты уже нет в базе: обновите список.")
    mapping = mapping or find_header(rows, items)
    header = [cell_text(c) for c in rows[mapping.header_row]] if rows else []
    people = respondents(store, template.year_id, template.audience)
    named = set(_already_named(store, template_id))
    repeats = stored_anonymous(store, template_id)
    found, skipped, notes = [], [], []
    for number, row in enumerate(rows[mapping.header_row + 1 :], start=mapping.header_row + 2):

        def cell(column: int, row: Row = row) -> Cell:
            return row[column] if column < len(row) else ""

        answers: dict[int, object] = {}
        reasons = []
        for column, item_id in mapping.items.items():
            item = by_id.get(item_id)
            raw = cell(column)
            if item is None or cell_text(raw) == "":
                continue
            value = _score(raw) if item.type is QuestionType.SCALE else cell_text(raw)
            try:
                check_value(item, value)
            except QuestionnaireError as exc:
                reasons.append(str(exc))
            answers[item_id] = value
        if not answers:
            continue  # an empty line, or a line without any answer to these questions
        name = (
            cell_text(cell(mapping.special[Special.RESPONDENT]))
            if Special.RESPONDENT in mapping.special
            else ""
        )
        who = _who(name, people) if name else None
        if who is not None and who.person_id in named:
            reasons.append(f"У «{who.short_name}» эта анкета уже есть в программе.")
        day = None
        if Special.DATE in mapping.special:
            written = cell(mapping.special[Special.DATE])
            day = _day(written, today)
            unreadable = day is None and bool(cell_text(written))
            if unreadable or (day is not None and not _plausible(day, today)):
                notes.append(
                    f"Строка {number}: дата ответа «{cell_text(written)}» не распознана или "
                    f"невозможна — записана сегодняшняя, {today:%d.%m.%Y}."
                )
                day = None
        if who is None and not reasons:
            checked = {i: check_value(by_id[i], v) for i, v in answers.items()}
            seen = fingerprint(day or today, checked)
            if repeats[seen] > 0:  # this row of a previous download is in the program
                repeats[seen] -= 1
                reasons.append(REPEATED)
        if reasons:
            skipped.append(SkippedRow(number, tuple(reasons)))
            continue
        if name and who is None:
            notes.append(
                f"Строка {number}: «{name}» нет среди участников года "
                f"({template.audience.label}) — ответ будет записан анонимно."
            )
        form_text = (
            cell_text(cell(mapping.special[Special.FORM]))
            if Special.FORM in mapping.special
            else ""
        )
        form = who.form if who and who.form else _form(form_text) if form_text else None
        if who is not None:
            named.add(who.person_id)
        found.append(
            ImportedResponse(
                number,
                answers,
                who.person_id if who else None,
                name,
                form,
                who.group_id if who else None,
                day or today,
            )
        )
    answered = set(mapping.items.values())
    missing = [i.text for i in items if i.id not in answered and i.type is not QuestionType.OPEN]
    return AnswersPreview(template_id, header, mapping, found, skipped, notes, missing)


def _already_named(store: Store, template_id: int) -> list[int]:
    with store.session() as session:
        rows = session.exec(
            select(QuestionnaireResponse.person_id).where(
                QuestionnaireResponse.template_id == template_id,
                col(QuestionnaireResponse.person_id).is_not(None),
            )
        ).all()
    return [p for p in rows if p is not None]


def read_answer_rows(path: Path | str) -> list[Row]:
    """The rows of the file's first sheet with data.

    Raises:
        ImportFileError: the file cannot be read as a table.
    """
    return next(s for s in read_sheets(path) if not s.is_empty).rows


def preview_file(
    store: Store, template_id: int, path: Path | str, *, today: date
) -> AnswersPreview:
    """Read the first sheet with data and match its columns (nothing is stored).

    Raises:
        ImportFileError: the file cannot be read as a table.
    """
    return preview_answers(store, template_id, read_answer_rows(path), today=today)


def import_answers(store: Store, preview: AnswersPreview) -> int:
    """Store every response of the preview in one transaction; how many were stored."""
    items = {i.id: i for i in template_items(store, preview.template_id)}
    with store.session() as session:
        template = session.get(QuestionnaireTemplate, preview.template_id)
        if template is None:
            raise QuestionnaireError("Этой анкеты уже нет в базе: обновите список.")
        role = role_of(template.audience)
        for imported in preview.responses:
            response = QuestionnaireResponse(
                template_id=preview.template_id,
                person_id=imported.person_id,
                role=role,
                form=imported.form,
                group_id=imported.group_id,
                answered_on=imported.answered_on,
            )
            session.add(response)
            session.flush()
            for item_id, value in imported.answers.items():
                number, text = check_value(items[item_id], value)
                if number is not None or text:
                    session.add(
                        Answer(
                            response_id=response.id,
                            item_id=item_id,
                            value_int=number,
                            value_text=text,
                        )
                    )
        session.commit()
    return len(preview.responses)
