"""Property-based tests of the import: hostile tables never crash it, never leave a half-import.

Hypothesis builds school lists the way they arrive in real life and worse: real Russian column
names mixed with junk, huge cells, formulas, control characters, zero-width and direction marks,
emoji, numbers of every kind (NaN and infinity too), dates in every format (impossible and future
ones too), thousands of columns, CSV in every encoding and in none. Each table is written to a
real file and imported into a real SQLite data file with a school set up. The properties:

* the importer raises nothing but its documented Russian errors;
* the database gains exactly ``result.imported`` people (all accepted rows), and none at all when
  the insert fails or is cancelled in the middle;
* what is stored is clean: names without control or invisible characters, birth dates that exist
  and are neither in the future nor implausible;
* every rejected row says why in Russian, and the report of rejected rows can always be written.
"""

from __future__ import annotations

import csv
import io
import re
import reprlib
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, col, select

from nastavapp.models import Person
from nastavapp.models.vocab import PersonCategory
from nastavapp.services.importing import (
    ImportCancelled,
    ImportFileError,
    ImportResult,
    ReportError,
    import_persons,
    prepare_import,
    save_rejections,
)
from nastavapp.services.importing import persons as persons_module
from nastavapp.services.importing.header import Column
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import AGE_LIMITS, PersonFields, age_on
from nastavapp.services.school import setup_school
from nastavapp.store import Store, StoreError, open_store

from .conftest import TODAY, sample_setup
from .import_files import write_ods, write_xls

STUDENT = PersonCategory.STUDENT
TEACHER = PersonCategory.TEACHER
CYRILLIC = re.compile("[А-Яа-яЁё]")
EXCEL_EPOCH = date(1899, 12, 30)
# The importer's documented failures; each one carries a Russian message.
RUSSIAN_ERRORS = (ImportFileError, StoreError)

SETTINGS = dict(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# --- the data file ----------------------------------------------------------------------------

PEOPLE_ALREADY_THERE = [
    PersonFields(
        STUDENT, "Иванов", "Иван", "Петрович", birth_date=date(2012, 3, 4), class_name="7А"
    ),
    PersonFields(TEACHER, "Петрова", "Анна", "Ивановна", birth_date=date(1975, 4, 12)),
]


@contextmanager
def school_file() -> Iterator[tuple[Store, Path]]:
    """A fresh data file with a school and two people, in its own folder (one per example)."""
    with tempfile.TemporaryDirectory(prefix="import-prop-") as folder:
        tmp = Path(folder)
        store = open_store(tmp / "db.sqlite")
        try:
            setup_school(store, sample_setup())
            for person in PEOPLE_ALREADY_THERE:
                add_person(store, person, today=TODAY)
            yield store, tmp
        finally:
            store.close()


def count_people(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM person")).scalar_one())


def stored_people(store: Store) -> list[Person]:
    with store.session() as session:
        return list(session.exec(select(Person).order_by(col(Person.id))).all())


# --- cells --------------------------------------------------------------------------------------

LAST_NAMES = ["Абрамов", "Ёлкина", "Петрова", "Сидоров", "Мамедова", "Ким", "Салтыков-Щедрин"]
FIRST_NAMES = ["Олег", "Мария", "Пётр", "Айгюн", "Анна", "Илья"]
MIDDLE_NAMES = ["Ильич", "Петровна", "Рашид кызы", "Алексеевич", ""]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066"]
INVISIBLE += ["\u2069", "\ufeff", "\u00ad", "\u2060", "\u2028", "\x85"]
CONTROL = [chr(c) for c in range(32)] + ["\x7f", *INVISIBLE]
EMOJI = ["😀", "👩‍🏫", "🇷🇺", "👍🏽", "🧑‍🤝‍🧑", "\U0001f9d1\u200d\U0001f393"]
FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://example.com";"Иванов Иван")',
    '=HYPERLINK("http://example.com","Иванов Иван")',
    "=A1&B1",
    "=СУММ(A1:A3)",
    "=1/0",
    "=DATE(2012;3;4)",
    "+7(913)000-00-00",
    "@SUM(A1)",
    "-2+3",
    "=cmd|' /C calc'!A0",
]
MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]

junk_text = st.text(max_size=25)
control_text = st.lists(
    st.one_of(st.sampled_from(CONTROL), st.text(max_size=4)), min_size=1, max_size=8
).map("".join)
huge_text = st.builds(
    lambda piece, size: (piece * (size // len(piece) + 1))[:size],
    st.sampled_from(["Ж", "a", "Иванов Иван ", "9", '"', ";", "😀", "\x01", " "]),
    st.integers(90_000, 160_000),
)
numbers = st.one_of(
    st.integers(-(10**6), 10**6),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 100),
)
booleans = st.booleans()
empty = st.sampled_from([None, "", " ", "\t", "\n", "\u00a0"])


def decorated(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A good name spoiled as files spoil it: spaces, case, an invisible or control character."""

    def spoil(text: str, how: int, junk: str, where: int) -> str:
        if how == 0:
            return f"  {text.upper()}  "
        if how == 1:
            cut = where % (len(text) + 1)
            return text[:cut] + junk + text[cut:]
        if how == 2:
            return f"{junk}{text}{junk}"
        return text.replace(" ", "   ")

    return st.builds(
        spoil, names, st.integers(0, 3), st.sampled_from(CONTROL + EMOJI), st.integers(0, 50)
    )


last_names = st.sampled_from(LAST_NAMES)
first_names = st.sampled_from(FIRST_NAMES)
middle_names = st.sampled_from(MIDDLE_NAMES)
full_names = st.builds(
    lambda a, b, c: f"{a} {b} {c}".strip(), last_names, first_names, middle_names
)

birth_days = st.one_of(
    st.dates(date(2005, 1, 1), date(2019, 12, 31)),  # pupils' ages
    st.dates(date(1945, 1, 1), date(2007, 12, 31)),  # teachers' ages
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),  # anything, the future too
)


def text_date(day: date, style: int) -> str:
    """One of the ways a date is typed in a Russian school list."""
    d, m, y = day.day, day.month, day.year
    return [
        f"{d:02}.{m:02}.{y}",
        f"{d}.{m}.{y % 100:02}",
        f"{y}-{m:02}-{d:02}",
        f"{d:02}/{m:02}/{y}",
        f"{d} {MONTHS[m - 1]} {y}",
        f"{d} {MONTHS[m - 1]} {y} г.",
        f"{d:02}.{m:02}.{y} 0:00:00",
        f"{d:02}-{m:02}-{y}",
        f"{y}-{m:02}-{d:02}T00:00:00",
        f" {d:02} . {m:02} . {y} года",
        f"{m:02}/{d:02}/{y}",  # American order: often impossible, sometimes silently wrong
    ][style]


date_cells = st.one_of(
    birth_days,
    birth_days.map(lambda d: datetime(d.year, d.month, d.day, 13, 45)),
    st.builds(text_date, birth_days, st.integers(0, 10)),
    birth_days.map(lambda d: float((d - EXCEL_EPOCH).days)),  # an Excel day number
    birth_days.map(lambda d: (d - EXCEL_EPOCH).days + 0.5),
    st.sampled_from(
        [
            "31.02.2010",
            "29.02.2013",
            "00.00.0000",
            "32.13.2010",
            "31.04.2012",
            "2010",
            "2010 г.",
            "1 февраля",
            "01.02.0000",
            "99.99.99",
            "весной 2012",
            "31 февраля 2012",
            "１２.０３.２０１２",  # full-width digits
            "٠١.٠٢.٢٠١٠",  # Arabic-Indic digits
            "01.02.2010\u200b",
            "\u202e01.02.2010",
        ]
    ),
    st.integers(1900, 2100),
    st.floats(-1e6, 1e6),
)
class_cells = st.one_of(
    st.sampled_from(["7А", "7 а", "7-A", "11Б", "5", "07а", "7 «А» класс", "12А", "0", "7АБ"]),
    st.integers(0, 15),
)
experience_cells = st.one_of(
    st.integers(-5, 100),
    st.sampled_from(["12 лет", "2,5", "нет", "—", "3 г. 2 мес.", "много", "9" * 400, "1e400"]),
    st.floats(allow_nan=True, allow_infinity=True),
)
sex_cells = st.sampled_from(["м", "ж", "муж.", "Женский", "М", "?", "female", "1"])

any_cell = st.one_of(
    empty,
    junk_text,
    control_text,
    st.sampled_from(FORMULAS),
    st.sampled_from(EMOJI),
    numbers,
    booleans,
    date_cells,
    huge_text,
)


def sometimes(good: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly plausible cells of a column, some spoiled, some anything at all."""
    return st.one_of(good, good, decorated(good.map(str)), any_cell)


COLUMN_CELLS: dict[str, st.SearchStrategy] = {
    "fio": sometimes(full_names),
    "last": sometimes(last_names),
    "first": sometimes(first_names),
    "middle": sometimes(middle_names),
    "birth": st.one_of(date_cells, date_cells, any_cell),
    "class": st.one_of(class_cells, class_cells, any_cell),
    "experience": st.one_of(experience_cells, any_cell),
    "sex": st.one_of(sex_cells, any_cell),
    "position": st.one_of(st.sampled_from(["учитель", "педагог-психолог"]), any_cell),
    "other": any_cell,
}
HEADERS = {
    "fio": ["ФИО", "Ф.И.О. обучающегося", "Фамилия, имя, отчество", "фио"],
    "last": ["Фамилия", "Фамилия ученика", "ФАМИЛИЯ"],
    "first": ["Имя", "имя "],
    "middle": ["Отчество", "Отчество (при наличии)"],
    "birth": ["Дата рождения", "Дата\nрожд.", "ДР"],
    "class": ["Класс", "кл."],
    "experience": ["Стаж", "Педагогический стаж", "Общий стаж"],
    "sex": ["Пол"],
    "position": ["Должность", "Занимаемая должность"],
}
OPTIONAL_KINDS = ["birth", "class", "experience", "sex", "position", "middle"]


CATEGORY = st.shared(st.sampled_from([STUDENT, TEACHER]), key="category")


def invisibly_spoiled(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A good name with spaces, case or characters nobody sees (the import must still take it)."""

    def spoil(text: str, junk: str, where: int, upper: bool) -> str:
        if not upper:
            return f"  {junk}{text}  "
        cut = where % (len(text) + 1)
        return (text[:cut] + junk + text[cut:]).upper()

    return st.builds(spoil, names, st.sampled_from(CONTROL), st.integers(0, 50), st.booleans())


def good_cells(category: PersonCategory) -> dict[str, st.SearchStrategy]:
    """Cells a careful secretary would type for a person of ``category``."""
    low, high = AGE_LIMITS[category]
    born = st.dates(
        date(TODAY.year - high, TODAY.month, TODAY.day) + timedelta(days=1),
        date(TODAY.year - low, TODAY.month, TODAY.day),
    )
    return {
        "fio": st.one_of(full_names, invisibly_spoiled(full_names)),
        "last": st.one_of(last_names, invisibly_spoiled(last_names)),
        "first": first_names,
        "middle": middle_names,
        "birth": st.one_of(
            born,
            born.map(lambda d: datetime(d.year, d.month, d.day)),
            st.builds(text_date, born, st.sampled_from([0, 2, 3, 4, 5, 6, 7, 8, 9])),
            born.map(lambda d: float((d - EXCEL_EPOCH).days)),
            empty,
        ),
        "class": st.sampled_from(["7А", "7 а", "7-A", "11Б", "5", "07а", "7 «А» класс", ""]),
        "experience": st.one_of(st.integers(0, 60), st.sampled_from(["12 лет", "2,5", "нет", ""])),
        "sex": st.one_of(sex_cells, empty),
        "position": st.sampled_from(["учитель", "педагог-психолог", ""]),
        "other": any_cell,
    }


@st.composite
def header_rows(draw: st.DrawFn) -> tuple[list[object], list[str]]:
    """A header row (real names, junk, spoiled names) and the kind of each of its columns."""
    names = draw(st.sampled_from(["fio", "fio", "split", "split", "none"]))
    kinds = {"fio": ["fio"], "split": ["last", "first"], "none": []}[names]
    kinds += draw(st.lists(st.sampled_from(OPTIONAL_KINDS), unique=True, max_size=5))
    kinds += ["other"] * draw(st.integers(0, 3))
    kinds = draw(st.permutations(kinds))
    header: list[object] = []
    for kind in kinds:
        if kind == "other":
            header.append(draw(st.one_of(junk_text, st.sampled_from(["№ п/п", "Адрес"]), any_cell)))
        else:
            title = st.sampled_from(HEADERS[kind])
            header.append(draw(st.one_of(title, title, title, decorated(title))))
    return header, kinds


@st.composite
def tables(draw: st.DrawFn, max_rows: int = 10) -> list[list[object]]:
    """A school list: titles above, a header, rows of people (good, ragged, spoiled), a footer."""
    header, kinds = draw(header_rows())
    good = good_cells(draw(CATEGORY))
    table: list[list[object]] = draw(st.lists(st.lists(any_cell, max_size=3), max_size=3))
    table.append(header)
    for _ in range(draw(st.integers(0, max_rows))):
        shape = draw(st.integers(0, 7))
        if shape <= 3:  # a good row, or one with a single spoiled cell
            row = [draw(good[kind]) for kind in kinds]
            if shape == 3 and row:
                row[draw(st.integers(0, len(row) - 1))] = draw(any_cell)
        else:
            row = [draw(COLUMN_CELLS[kind]) for kind in kinds]
        if shape == 4:
            row = row[: draw(st.integers(0, len(row)))]  # cut short
        elif shape == 5:
            row += draw(st.lists(any_cell, max_size=4))  # longer than the header
        elif shape == 6:
            row = list(header)  # the header again (a new printed page)
        table.append(row)
    table += draw(st.lists(st.lists(any_cell, max_size=3), max_size=2))
    return table


# --- files --------------------------------------------------------------------------------------

# Characters an .xlsx keeps only escaped (Excel writes them as _x0001_; calamine decodes them back).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xlsx_escaped(text: str) -> str:
    return XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def write_hostile_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Лист1"
    for row in rows:
        cells: list[object] = []
        for value in row:
            if isinstance(value, str):
                value = xlsx_escaped(value)
            elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
                value = float(value)  # Excel keeps numbers as doubles
            cells.append(value)
        sheet.append(cells)
    book.save(path)
    return path


def for_legacy(value: object, limit: int) -> object:
    """A cell as xlwt / odfpy can write it: no XML-illegal characters, text up to ``limit``."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)[:limit]
    if isinstance(value, bool):
        return "ИСТИНА" if value else "ЛОЖЬ"
    if isinstance(value, int):
        return float(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def csv_text(value: object, style: int) -> str:
    """A cell as it appears in a CSV file: numbers, dates and booleans as some program wrote them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ["ИСТИНА", "TRUE", "1"][style % 3] if value else ["ЛОЖЬ", "FALSE", "0"][style % 3]
    if isinstance(value, datetime):
        return value.strftime(["%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S"][style % 2])
    if isinstance(value, date):
        return text_date(value, style % 11)
    if isinstance(value, float):
        return str(value).replace(".", ",") if style % 2 else repr(value)
    return str(value)


@st.composite
def csv_files(draw: st.DrawFn, rows: list[list[object]]) -> bytes:
    """The bytes of a CSV of ``rows``: any delimiter, quoted or naively joined, any encoding."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    style = draw(st.integers(0, 10))
    texts = [[csv_text(v, style) for v in row] for row in rows]
    if draw(st.booleans()):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(texts)
        lines = buffer.getvalue().splitlines(keepends=True)
    else:  # a hand-made «CSV»: no quoting at all, stray quotes and delimiters inside cells
        lines = [delimiter.join(row) + draw(st.sampled_from(["\r\n", "\n", "\r"])) for row in texts]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "mixed", "broken"]))
    if encoding in ("utf-8", "cp1251"):
        return "".join(lines).encode(encoding, errors="replace")
    if encoding == "utf-8-sig":
        return "".join(lines).encode("utf-8-sig")
    chunks = []
    for line in lines:  # line by line in different encodings, or with bytes no encoding has
        chunk = line.encode(draw(st.sampled_from(["utf-8", "cp1251"])), errors="replace")
        if encoding == "broken" and draw(st.booleans()):
            chunk = draw(st.sampled_from([b"\x98", b"\xff\xfe", b"\xc3\x28", b"\x98\xc0"])) + chunk
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class HostileFile:
    """A generated table and the format to write it in (shown shortened when a test fails)."""

    kind: str
    rows: list[list[object]]
    csv_bytes: bytes = b""

    def write(self, folder: Path) -> Path:
        path = folder / f"список.{self.kind}"
        if self.kind == "xlsx":
            return write_hostile_xlsx(path, self.rows)
        if self.kind == "csv":
            path.write_bytes(self.csv_bytes)
            return path
        if self.kind == "xls":  # xlwt: 256 columns, 32 K characters in a cell
            return write_xls(
                path, [[for_legacy(v, 30_000) for v in row[:256]] for row in self.rows]
            )
        return write_ods(path, [[for_legacy(v, 200_000) for v in row] for row in self.rows])

    def __repr__(self) -> str:
        short = reprlib.Repr()
        short.maxstring = short.maxother = 60
        short.maxlist, short.maxlevel = 12, 3
        tail = f", csv_bytes={short.repr(self.csv_bytes)}" if self.csv_bytes else ""
        return f"HostileFile({self.kind!r}, rows={short.repr(self.rows)}{tail})"


@st.composite
def files(draw: st.DrawFn, max_rows: int = 10) -> HostileFile:
    """A hostile table in some format."""
    rows = draw(tables(max_rows=max_rows))
    kind = draw(st.sampled_from(["xlsx", "xlsx", "csv", "csv", "xls", "ods"]))
    return HostileFile(kind, rows, draw(csv_files(rows)) if kind == "csv" else b"")


# --- the properties --------------------------------------------------------------------------


def assert_russian(error: BaseException) -> None:
    assert isinstance(error, RUSSIAN_ERRORS), f"{type(error).__name__}: {error}"
    assert CYRILLIC.search(str(error)), f"not Russian: {error!r}"


def clean_text(text: str) -> bool:
    """No control or invisible (format) characters, no line breaks or tabs, not padded."""
    return text == text.strip() and not any(
        unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in text
    )


def check_stored(new: list[Person], result: ImportResult, category: PersonCategory) -> None:
    """What the import stored is what it accepted, and it is clean."""
    assert [(p.last_name, p.first_name, p.middle_name, p.birth_date) for p in new] == [
        (a.person.last_name, a.person.first_name, a.person.middle_name, a.person.birth_date)
        for a in result.accepted
    ]
    low, high = AGE_LIMITS[category]
    for person in new:
        assert person.category is category
        for name in (person.last_name, person.first_name, person.middle_name):
            assert isinstance(name, str)
            assert clean_text(name), repr(name)
        assert person.last_name and person.first_name
        for text in (person.class_name, person.position, person.subject):
            assert isinstance(text, str) and clean_text(text), repr(text)
        if person.birth_date is not None:
            assert isinstance(person.birth_date, date)
            assert person.birth_date <= TODAY
            assert low <= age_on(person.birth_date, TODAY) <= high
        if person.experience_years is not None:
            assert 0 <= person.experience_years <= 60


def check_rejected(result: ImportResult, rows: int) -> None:
    for row in result.rejected:
        assert 1 <= row.row_number <= rows
        assert row.reasons
        for reason in row.reasons:
            assert CYRILLIC.search(reason), repr(reason)
    for dup in result.duplicates:
        assert CYRILLIC.search(dup.reason)


def import_and_check(store: Store, tmp: Path, path: Path, category: PersonCategory) -> None:
    before = count_people(store)
    try:
        preview = prepare_import(path)
    except Exception as exc:
        assert_russian(exc)
        event("the file is refused")
        return
    old_ids = {p.id for p in stored_people(store)}
    try:
        dry = import_persons(store, preview, category, today=TODAY, dry_run=True)
    except Exception as exc:
        assert_russian(exc)
        assert count_people(store) == before
        event("no name columns")
        return
    assert (dry.stored, dry.imported) == (False, 0)
    assert count_people(store) == before
    result = import_persons(store, preview, category, today=TODAY)
    assert result.stored
    assert result.imported == len(result.accepted) == len(dry.accepted)
    assert result.rejected == dry.rejected and result.duplicates == dry.duplicates
    assert count_people(store) == before + result.imported
    event("people stored" if result.imported else "nobody stored")
    event("rows rejected" if result.rejected else "no row rejected")
    check_stored([p for p in stored_people(store) if p.id not in old_ids], result, category)
    check_rejected(result, len(preview.rows))
    try:
        report = save_rejections(result, tmp / "отклонено.xlsx")
    except ReportError as exc:
        assert_russian(exc)
    else:
        prepare_import(report)  # the report is a readable table itself


@settings(max_examples=70, **SETTINGS)
@given(file=files(), category=CATEGORY)
def test_hostile_tables_import_all_or_nothing_and_store_only_clean_people(file, category):
    event(file.kind)
    with school_file() as (store, tmp):
        import_and_check(store, tmp, file.write(tmp), category)


@settings(max_examples=4, **SETTINGS)
@given(
    kind=st.sampled_from(["xlsx", "csv"]),
    place=st.integers(0, 9_990),
    rows=st.lists(st.tuples(full_names, birth_days), min_size=1, max_size=4),
)
def test_ten_thousand_columns(kind, place, rows):
    """The names and dates sit somewhere among 10,000 columns (a list exported «as is»)."""
    width = 10_000
    table: list[list[object]] = [[f"Колонка {n}" for n in range(width)]]
    table[0][place : place + 3] = ["ФИО", "Дата рождения", "Класс"]
    for n, (name, born) in enumerate(rows):
        row: list[object] = [n] * width
        row[place : place + 3] = [name, born, "7А"]
        table.append(row)
    with school_file() as (store, tmp):
        if kind == "xlsx":
            path = write_hostile_xlsx(tmp / "широкий.xlsx", table)
        else:
            buffer = io.StringIO(newline="")
            csv.writer(buffer, delimiter=";").writerows(
                [[csv_text(v, 0) for v in row] for row in table]
            )
            path = tmp / "широкий.csv"
            path.write_bytes(buffer.getvalue().encode("cp1251"))
        preview = prepare_import(path)
        assert preview.mapping.columns[Column.FULL_NAME] == place
        assert len(preview.titles) == width
        import_and_check(store, tmp, path, STUDENT)


@settings(max_examples=40, **SETTINGS)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=60),
            st.text(max_size=40).map(lambda t: t.encode("utf-8", errors="replace")),
            st.sampled_from(
                [
                    "ФИО;Дата рождения;Класс".encode("cp1251"),
                    "ФИО,Дата рождения,Класс".encode(),
                    "\ufeffФамилия;Имя".encode(),
                    "Иванов Иван;01.02.2014;5А".encode("cp1251"),
                    "Петрова Анна,1.2.14,5 б".encode(),
                    b"\x98\x98\x98;\xff\xfe;\xc3\x28",
                    b'"\xd0\x98\xd0\xb2;\x00',
                    "Ёлкина Мария;\u202e01.02.2014;5А".encode("utf-16"),
                ]
            ),
        ),
        min_size=1,
        max_size=12,
    ),
    newline=st.sampled_from([b"\r\n", b"\n", b"\r"]),
    category=st.sampled_from([STUDENT, TEACHER]),
)
def test_any_bytes_in_a_csv(lines, newline, category):
    """Bytes in several encodings at once, and bytes invalid in every encoding."""
    with school_file() as (store, tmp):
        path = tmp / "список.csv"
        path.write_bytes(newline.join(lines))
        import_and_check(store, tmp, path, category)


@settings(max_examples=30, **SETTINGS)
@given(
    cut=st.integers(0, 10_000),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 255)), max_size=6),
)
def test_a_damaged_workbook_gets_a_russian_message(cut, flips):
    """An .xlsx cut short or with flipped bytes (a broken download, a bad flash drive)."""
    rows = [["ФИО", "Дата рождения", "Класс"]] + [
        [f"{LAST_NAMES[n % 7]} {FIRST_NAMES[n % 6]}", date(2012, 1, 1 + n), "7А"] for n in range(20)
    ]
    with school_file() as (store, tmp):
        data = bytearray(write_hostile_xlsx(tmp / "x.xlsx", rows).read_bytes())
        for where, mask in flips:
            data[where % len(data)] ^= mask
        path = tmp / "повреждён.xlsx"
        path.write_bytes(bytes(data[: max(cut, 4) if cut < len(data) else len(data)]))
        import_and_check(store, tmp, path, STUDENT)


# --- all or none: failures and cancelling in the middle of storing -----------------------------


@st.composite
def people_lists(draw: st.DrawFn) -> list[list[object]]:
    """A list where many rows are good, so an import has a middle to fail in."""
    rows: list[list[object]] = [["ФИО", "Дата рождения", "Класс"]]
    for _ in range(draw(st.integers(1, 30))):
        rows.append(
            [
                draw(st.one_of(full_names, full_names, decorated(full_names))),
                draw(st.one_of(st.dates(date(2008, 1, 1), date(2018, 12, 31)), date_cells)),
                draw(st.one_of(st.just("7А"), class_cells)),
            ]
        )
    return rows


def prepared(store: Store, tmp: Path, rows: list[list[object]]):
    path = write_hostile_xlsx(tmp / "список.xlsx", rows)
    preview = prepare_import(path)
    accepted = len(import_persons(store, preview, STUDENT, today=TODAY, dry_run=True).accepted)
    assume(accepted >= 1)
    return preview, accepted


@settings(max_examples=25, **SETTINGS)
@given(rows=people_lists(), data=st.data(), chunk=st.integers(1, 7))
def test_a_database_failure_on_the_nth_insert_stores_nothing(rows, data, chunk):
    """SQLite refuses the Nth new person (a trigger), in any chunk: not one person is stored."""
    with school_file() as (store, tmp):
        preview, accepted = prepared(store, tmp, rows)
        before = count_people(store)
        nth = data.draw(st.integers(1, accepted), label="failing insert")
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TRIGGER fail_on_nth BEFORE INSERT ON person "
                f"WHEN (SELECT count(*) FROM person) >= {before + nth - 1} "
                "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
            )
        with mock.patch.object(persons_module, "CHUNK", chunk), pytest.raises(StoreError) as caught:
            import_persons(store, preview, STUDENT, today=TODAY)
        assert_russian(caught.value)
        assert str(caught.value).endswith("Ничего не сохранено.")
        assert count_people(store) == before


@settings(max_examples=25, **SETTINGS)
@given(rows=people_lists(), data=st.data(), chunk=st.integers(1, 7))
def test_a_driver_error_on_the_nth_chunk_stores_nothing(rows, data, chunk):
    """The disk fails while the Nth batch of people is written: the transaction is rolled back."""
    with school_file() as (store, tmp):
        preview, accepted = prepared(store, tmp, rows)
        before = count_people(store)
        chunks = -(-accepted // chunk)
        nth = data.draw(st.integers(1, chunks), label="failing chunk")
        inserts = 0
        real_execute = Session.execute

        def failing_execute(self, statement, *args, **kwargs):
            nonlocal inserts
            if isinstance(statement, sa.Insert):
                inserts += 1
                if inserts == nth:
                    raise sa.exc.OperationalError(
                        "INSERT INTO person", {}, sqlite3.OperationalError("disk I/O error")
                    )
            return real_execute(self, statement, *args, **kwargs)

        with (
            mock.patch.object(persons_module, "CHUNK", chunk),
            mock.patch.object(Session, "execute", failing_execute),
            pytest.raises(StoreError) as caught,
        ):
            import_persons(store, preview, STUDENT, today=TODAY)
        assert inserts == nth
        assert_russian(caught.value)
        assert count_people(store) == before


@settings(max_examples=25, **SETTINGS)
@given(rows=people_lists(), data=st.data(), chunk=st.integers(1, 7))
def test_cancelling_at_any_moment_stores_nothing(rows, data, chunk):
    """The user presses «Отмена» at any of the moments the import asks: nothing is stored."""
    with school_file() as (store, tmp):
        preview, _accepted = prepared(store, tmp, rows)
        before = count_people(store)
        asked: list[int] = []

        def never() -> bool:  # counts how often the import asks
            asked.append(1)
            return False

        with mock.patch.object(persons_module, "CHUNK", chunk):
            import_persons(store, preview, STUDENT, today=TODAY, cancelled=never)
        assert count_people(store) > before
        with school_file() as (store2, _tmp2):
            before2 = count_people(store2)
            stop_at = data.draw(st.integers(1, len(asked)), label="cancel on question")
            questions = iter(range(1, len(asked) + 1))
            with (
                mock.patch.object(persons_module, "CHUNK", chunk),
                pytest.raises(ImportCancelled),
            ):
                import_persons(
                    store2,
                    preview,
                    STUDENT,
                    today=TODAY,
                    cancelled=lambda: next(questions) == stop_at,
                )
            assert count_people(store2) == before2


# --- the bugs these properties found, pinned ----------------------------------------------------


def test_control_and_invisible_characters_never_reach_the_file_or_the_report():
    """Excel keeps \\x01 as _x0001_; a zero-width space or RTL mark is invisible in a name."""
    rows = [
        ["Фамилия", "Имя", "Должность", "Предмет", "Стаж"],
        ["Ива\u200bнов", "\u202eИван", "учи\x0bтель\x01", "физ\u00adика\ufeff", "5"],
        ["Пет\x02ров", "Пётр\x1f", "учитель", "", "3"],
        ["Сидоров", "\x01", "", "", "4"],
    ]
    with school_file() as (store, tmp):
        result = import_persons(
            store, prepare_import(write_hostile_xlsx(tmp / "x.xlsx", rows)), TEACHER, today=TODAY
        )
        new = stored_people(store)[len(PEOPLE_ALREADY_THERE) :]
        assert [(p.last_name, p.first_name, p.position, p.subject) for p in new] == [
            ("Иванов", "Иван", "учи тель", "физика"),
            ("Петров", "Пётр", "учитель", ""),
        ]
        assert [(r.row_number, r.reasons) for r in result.rejected] == [(4, ("Не указано имя.",))]
        save_rejections(result, tmp / "отклонено.xlsx")


@pytest.mark.parametrize("writer", [write_xls, write_ods])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_cells_are_rejected_in_russian(writer, value):
    rows = [["ФИО", "Дата рождения", "Стаж"], ["Петрова Анна Ивановна", value, value]]
    with school_file() as (store, tmp):
        path = writer(tmp / f"x.{'xls' if writer is write_xls else 'ods'}", rows)
        result = import_persons(store, prepare_import(path), TEACHER, today=TODAY)
        [row] = result.rejected
        text = str(value)
        assert row.reasons == (
            f"Дата «{text}» не распознана: нужна запись вида 04.03.2012.",
            f"Стаж «{text}» не распознан: нужно число лет.",
        )
        assert result.imported == 0


def test_an_experience_of_four_hundred_digits_is_rejected():
    rows = [["ФИО", "Стаж"], ["Петрова Анна Ивановна", "9" * 400], ["Ким Олег", "9" * 20]]
    with school_file() as (store, tmp):
        path = tmp / "кадры.csv"
        path.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
        result = import_persons(store, prepare_import(path), TEACHER, today=TODAY)
        hundreds, twenty = (r.reason for r in result.rejected)
        assert hundreds == f"Стаж «{'9' * 400}» не распознан: нужно число лет."
        assert twenty.endswith("лет вне допустимых пределов (от 0 до 60 лет).")


def test_a_csv_cell_too_long_for_the_csv_module_is_a_russian_error(tmp_path):
    path = tmp_path / "список.csv"
    path.write_text('ФИО;Класс\n"Иванов Иван;' + "ж" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        prepare_import(path)
    assert "в строке 2 ячейка длиннее 131072 знаков — возможно, не закрыта кавычка" in str(
        caught.value
    )


def test_no_break_spaces_do_not_make_a_csv_binary(tmp_path):
    """Russian Excel's CSV (cp1251) keeps no-break spaces copied from Word: it is still text."""
    rows = "".join(f"Иванов\xa0Иван{'а' * n};7\xa0А\r\n" for n in range(12))
    path = tmp_path / "список.csv"
    path.write_bytes(f"ФИО;Класс\r\n{rows}".encode("cp1251"))
    preview = prepare_import(path)
    assert len(preview.rows) == 13


def test_the_report_of_a_csv_wider_than_excel_keeps_the_columns_that_fit():
    with school_file() as (store, tmp):
        path = tmp / "широкий.csv"
        path.write_text("ФИО;Дата рождения\nИванов Иван;весной" + ";" * 20_000, encoding="utf-8")
        result = import_persons(store, prepare_import(path), STUDENT, today=TODAY)
        assert len(result.titles) == 20_002
        report = save_rejections(result, tmp / "отклонено.xlsx")
        assert len(prepare_import(report).rows[0]) == 16_384
