"""Import of the lists schools already have: real-looking files in every format, every rejection."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from nastavapp.models import Person
from nastavapp.models.vocab import PersonCategory, Sex
from nastavapp.services.importing.header import Column, ColumnMapping, find_header, recognise
from nastavapp.services.importing.persons import NOT_A_PERSON, ImportCancelled, import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.services.importing.reading import ImportFileError, decode_text, sniff_delimiter
from nastavapp.services.importing.report import save_rejections
from nastavapp.services.importing.rows import (
    CellError,
    parse_date,
    parse_experience,
    parse_sex,
)
from nastavapp.services.people import add_person
from nastavapp.services.person_fields import PersonFields
from nastavapp.store import StoreError, open_store

from .conftest import TODAY
from .import_files import write_csv, write_ods, write_xls, write_xlsx

STUDENT = PersonCategory.STUDENT
TEACHER = PersonCategory.TEACHER
SRC = Path(__file__).resolve().parents[1] / "src"

# A class list as a class teacher keeps it: school and title above, merged across the table,
# «ФИО» in one cell, dates as real cells and as text, classes written every which way.
CLASS_LIST = [
    ["МБОУ «Сосновская СОШ»", None, None, None, None],
    ["Список обучающихся 7 «А» класса на 2025/2026 учебный год", None, None, None, None],
    [None, None, None, None, None],
    ["№ п/п", "ФИО обучающегося", "Дата рождения", "Класс", "Пол"],
    [1, "Абрамов Олег Ильич", date(2012, 3, 4), "7 а", None],
    [2, "  Ёлкина   Мария Петровна ", "05.06.2012", "7-А", "ж"],
    [3, "Жуков Антон", "1.2.13", "7A", "муж."],
    [4, "Мамедова Айгюн Рашид кызы", date(2012, 11, 30), "7А", None],
    [None, None, None, None, None],
    ["", "Классный руководитель: ____________ /Петрова А. И./", None, None, None],
]
CLASS_LIST_PEOPLE = [
    ("Абрамов", "Олег", "Ильич", date(2012, 3, 4), "7А", Sex.MALE),
    ("Ёлкина", "Мария", "Петровна", date(2012, 6, 5), "7А", Sex.FEMALE),
    ("Жуков", "Антон", "", date(2013, 2, 1), "7А", Sex.MALE),
    ("Мамедова", "Айгюн", "Рашид кызы", date(2012, 11, 30), "7А", Sex.FEMALE),
]
FOOTER_REJECTION = (  # a signature under the list: one calm reason, not «недопустимые знаки»
    10,
    "Классный руководитель: ____________ /Петрова А. И./",
    NOT_A_PERSON,
)

# Teachers as the school's HR system exports them: separate name columns, a cp1251 «;» CSV.
TEACHERS = [
    [
        "Фамилия",
        "Имя",
        "Отчество",
        "Дата рождения",
        "Должность",
        "Преподаваемый предмет",
        "Общий стаж",
        "Педагогический стаж",
        "Пол",
    ],
    ["Петрова", "Анна", "Ивановна", "12.04.1975", "учитель", "русский язык", "30", "28 лет", "Ж"],
    ["Сидоров", "Пётр", "Алексеевич", "03.09.98", "учитель", "физика", "3", "2,5", ""],
    ["Ёлкина ", "Наталья", "Викторовна", "", "педагог-психолог", "", "", "нет", "женский"],
]
TEACHER_PEOPLE = [
    ("Петрова", "Анна", "Ивановна", date(1975, 4, 12), "учитель", "русский язык", 28, Sex.FEMALE),
    ("Сидоров", "Пётр", "Алексеевич", date(1998, 9, 3), "учитель", "физика", 2, Sex.MALE),
    ("Ёлкина", "Наталья", "Викторовна", None, "педагог-психолог", "", 0, Sex.FEMALE),
]


def pupils_stored(store) -> list[tuple]:
    with store.session() as session:
        rows = session.exec(select(Person).order_by(col(Person.id))).all()
    return [
        (p.last_name, p.first_name, p.middle_name, p.birth_date, p.class_name, p.sex) for p in rows
    ]


def teachers_stored(store) -> list[tuple]:
    with store.session() as session:
        rows = session.exec(select(Person).order_by(col(Person.id))).all()
    return [
        (
            p.last_name,
            p.first_name,
            p.middle_name,
            p.birth_date,
            p.position,
            p.subject,
            p.experience_years,
            p.sex,
        )
        for p in rows
    ]


def run_import(store, path: Path, category=STUDENT, **options):
    return import_persons(store, prepare_import(path), category, today=TODAY, **options)


def rejections(result) -> list[tuple[int, str, str]]:
    return [(r.row_number, r.name, r.reason) for r in result.rejected]


# --- formats ------------------------------------------------------------------------------


def test_class_list_xlsx_with_titles_merged_cells_and_fio_in_one_cell(store, tmp_path):
    path = write_xlsx(tmp_path / "7А.xlsx", CLASS_LIST, merges=["A1:E1", "A2:E2"])
    preview = prepare_import(path)
    assert preview.mapping == ColumnMapping(
        3,
        {Column.FULL_NAME: 1, Column.BIRTH_DATE: 2, Column.CLASS_NAME: 3, Column.SEX: 4},
    )
    assert preview.titles == ["№ п/п", "ФИО обучающегося", "Дата рождения", "Класс", "Пол"]
    assert preview.sample(count=2) == [
        (5, ["1", "Абрамов Олег Ильич", "04.03.2012", "7 а", ""]),
        (6, ["2", "Ёлкина Мария Петровна", "05.06.2012", "7-А", "ж"]),
    ]
    result = import_persons(store, preview, STUDENT, today=TODAY)
    assert pupils_stored(store) == CLASS_LIST_PEOPLE
    assert result.imported == 4
    assert result.duplicates == []
    assert rejections(result) == [FOOTER_REJECTION]


def test_teachers_from_a_cp1251_csv_with_semicolons(store, tmp_path):
    path = write_csv(tmp_path / "кадры.csv", TEACHERS, encoding="cp1251", delimiter=";")
    assert path.read_bytes().decode("cp1251").startswith("Фамилия;Имя")
    result = run_import(store, path, TEACHER)
    assert teachers_stored(store) == TEACHER_PEOPLE  # the pedagogical experience column wins
    assert (result.imported, result.duplicates, result.rejected) == (3, [], [])


def test_utf8_bom_csv_with_commas(store, tmp_path):
    path = write_csv(tmp_path / "список.csv", CLASS_LIST, encoding="utf-8-sig", delimiter=",")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = run_import(store, path)
    assert pupils_stored(store) == CLASS_LIST_PEOPLE
    assert rejections(result) == [FOOTER_REJECTION]


def test_csv_stitched_from_utf8_and_cp1251_lines(store, tmp_path):
    """Two lists pasted into one file: each line is read in its own encoding."""
    utf8 = write_csv(tmp_path / "a.csv", CLASS_LIST, encoding="utf-8", delimiter=";")
    cp1251 = write_csv(tmp_path / "b.csv", CLASS_LIST, encoding="cp1251", delimiter=";")
    head_and_first = utf8.read_bytes().splitlines(keepends=True)
    rest = cp1251.read_bytes().splitlines(keepends=True)
    # the title, header and first two pupils in UTF-8, the other pupils and the footer in cp1251
    cut = next(i for i, line in enumerate(head_and_first) if "Ёлкина".encode() in line) + 1
    mixed = tmp_path / "сшитый.csv"
    mixed.write_bytes(b"".join(head_and_first[:cut] + rest[cut:]))
    with pytest.raises(UnicodeDecodeError):
        mixed.read_bytes().decode("utf-8")
    result = run_import(store, mixed)
    assert pupils_stored(store) == CLASS_LIST_PEOPLE
    assert rejections(result) == [FOOTER_REJECTION]


def test_xls(store, tmp_path):
    result = run_import(store, write_xls(tmp_path / "7А.xls", CLASS_LIST))
    assert pupils_stored(store) == CLASS_LIST_PEOPLE
    assert rejections(result) == [FOOTER_REJECTION]


def test_ods_with_a_merged_title(store, tmp_path):
    path = write_ods(tmp_path / "7А.ods", CLASS_LIST, merges=[(0, 0, 5), (1, 0, 5)])
    result = run_import(store, path)
    assert pupils_stored(store) == CLASS_LIST_PEOPLE
    assert rejections(result) == [FOOTER_REJECTION]


def test_the_sheet_with_the_list_is_found_behind_an_empty_one(store, tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", CLASS_LIST, sheet="Список", before=["Титул"])
    preview = prepare_import(path)
    assert (preview.sheet, preview.sheet_names) == ("Список", ["Титул", "Список"])
    assert prepare_import(path, sheet="Титул").mapping == ColumnMapping(None, {})
    with pytest.raises(ImportFileError) as caught:
        prepare_import(path, sheet="Лист9")
    assert str(caught.value) == "В файле «book.xlsx» нет листа «Лист9»."


def test_a_misnamed_xls_is_read_by_its_content(store, tmp_path):
    path = write_xls(tmp_path / "7А.xls", CLASS_LIST)
    misnamed = path.rename(tmp_path / "7А.xlsx")
    run_import(store, misnamed)
    assert len(pupils_stored(store)) == 4


# --- checks, duplicates -------------------------------------------------------------------

BAD_ROWS = [
    ["Список 5 «Б» класса"],
    ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"],
    ["Абрамов", "Олег", "Ильич", "04.03.2014", "5Б"],  # 3: fine
    ["Борисова", "Ольга", "", "31.02.2014", "5Б"],  # 4: impossible date
    ["Воронов", "Илья", "", "01.09.2026", "5Б"],  # 5: in the future
    ["Гусев", "Павел", "Андреевич", "10.10.1995", "5Б"],  # 6: aged 30
    ["", "Дарья", "", "01.01.2014", "5Б"],  # 7: no surname
    ["Егоров", "", "", "01.01.2014", "5Б"],  # 8: no name
    ["абрамов", "ОЛЕГ", "Ильич ", date(2014, 3, 4), "5 б"],  # 9: row 3 again
    ["Ёлкин", "Иван", "", "02.02.2014", "5Б"],  # 10: in the file already (as Елкин)
    ["Зайцев", "Игорь", "", "сорок второе", "15Б"],  # 11: unreadable date, bad class
    ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"],  # the header again: skipped
    ["Иванов", "Кирилл", "", "2014", "5Б"],  # 13: only the year
    ["", "", "", "", ""],  # empty: skipped
    ["Абрамов", "Олег", "Ильич", "04.03.2014", "5Б"],  # 15: row 3 once more
]


def test_bad_rows_are_rejected_with_reasons_and_duplicates_listed(store, tmp_path):
    existing = add_person(
        store,
        PersonFields(STUDENT, "Елкин", "Иван", birth_date=date(2014, 2, 2), class_name="5Б"),
        today=TODAY,
    )
    path = write_xlsx(tmp_path / "5Б.xlsx", BAD_ROWS)
    result = run_import(store, path)
    assert pupils_stored(store) == [
        ("Елкин", "Иван", "", date(2014, 2, 2), "5Б", None),
        ("Абрамов", "Олег", "Ильич", date(2014, 3, 4), "5Б", Sex.MALE),
    ]
    assert result.imported == 1
    assert rejections(result) == [
        (4, "Борисова Ольга", "Несуществующая дата «31.02.2014»."),
        (5, "Воронов Илья", "Дата рождения 01.09.2026 ещё не наступила."),
        (
            6,
            "Гусев Павел Андреевич",
            "Дата рождения 10.10.1995: возраст 30 лет невозможен для обучающегося "
            "(ожидается от 6 до 19 лет).",
        ),
        (7, "Дарья", "Не указана фамилия."),
        (8, "Егоров", "Не указано имя."),
        (
            11,
            "Зайцев Игорь",
            "Дата «сорок второе» не распознана: нужна запись вида 04.03.2012. "
            "Класс «15Б» записан неверно: нужен номер от 1 до 11 и буква, например «7А».",
        ),
        (13, "Иванов Кирилл", "Указан только год рождения «2014»: нужна полная дата."),
    ]
    assert [(d.row_number, d.person.full_name, d.reason) for d in result.duplicates] == [
        (9, "Абрамов ОЛЕГ Ильич", "Повторяет строку 3."),  # «абрамов» got its capital
        (10, "Ёлкин Иван", "Уже есть в базе."),
        (15, "Абрамов Олег Ильич", "Повторяет строку 3."),
    ]
    assert result.duplicates[1].existing_id == existing.id
    assert result.rejected[0].cells == ("Борисова", "Ольга", "", "31.02.2014", "5Б")


def test_importing_the_same_file_twice_creates_nobody_twice(store, tmp_path):
    path = write_xlsx(tmp_path / "7А.xlsx", CLASS_LIST)
    run_import(store, path)
    again = run_import(store, path)
    assert again.imported == 0
    assert [d.row_number for d in again.duplicates] == [5, 6, 7, 8]
    assert len(pupils_stored(store)) == 4


def test_the_user_can_fix_the_mapping(store, tmp_path):
    rows = [
        ["Ученик", "Д/р", "Группа", "Примечание"],
        ["Абрамов Олег Ильич", "04.03.2012", "7А", "x"],
    ]
    path = write_xlsx(tmp_path / "odd.xlsx", rows)
    preview = prepare_import(path)
    assert preview.mapping == ColumnMapping(None, {})
    assert preview.titles == ["Столбец A", "Столбец B", "Столбец C", "Столбец D"]
    with pytest.raises(ImportFileError, match="нужен столбец «ФИО»"):
        import_persons(store, preview, STUDENT, today=TODAY)
    mapping = ColumnMapping(0, {Column.FULL_NAME: 0, Column.BIRTH_DATE: 1, Column.CLASS_NAME: 2})
    result = import_persons(store, preview, STUDENT, mapping, today=TODAY)
    assert result.imported == 1
    assert result.titles == ["Ученик", "Д/р", "Группа", "Примечание"]
    assert pupils_stored(store) == [("Абрамов", "Олег", "Ильич", date(2012, 3, 4), "7А", Sex.MALE)]


def test_a_dry_run_stores_nothing(store, tmp_path):
    result = run_import(store, write_xlsx(tmp_path / "7А.xlsx", CLASS_LIST), dry_run=True)
    assert (len(result.accepted), result.imported, result.stored) == (4, 0, False)
    assert pupils_stored(store) == []


# --- files that are not lists -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("пусто.xlsx", b"", "Файл «пусто.xlsx» пуст: в нём нет ни одной строки."),
        ("пусто.csv", b"\r\n  \r\n", "Файл «пусто.csv» пуст: в нём нет ни одной строки."),
        ("шум.xlsx", os.urandom(2048).replace(b"PK", b"pk"), "не удалось прочитать как таблицу"),
        ("письмо.xlsx", "Уважаемые коллеги!".encode(), "не удалось прочитать как таблицу"),
        ("битый.xlsx", b"PK\x03\x04" + b"\x00" * 200, "файл повреждён или это не таблица"),
        ("шум.csv", b"\x00\x01\x02\x03" * 200, "это не текстовый файл"),
        ("сайт.xls", b"<html><table><tr><td>1</td></tr></table></html>", "веб-страница"),
    ],
)
def test_files_that_are_not_tables_get_a_russian_message(store, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        prepare_import(path)
    assert message in str(caught.value)


def test_a_workbook_with_only_empty_sheets(tmp_path):
    path = write_xlsx(tmp_path / "пустая.xlsx", [])
    with pytest.raises(ImportFileError) as caught:
        prepare_import(path)
    assert str(caught.value) == "В файле «пустая.xlsx» нет данных: все листы пусты."


def test_a_missing_file(tmp_path):
    with pytest.raises(ImportFileError, match="не найден"):
        prepare_import(tmp_path / "нет.xlsx")


# --- all or nothing, progress, cancel -----------------------------------------------------


def many_pupils(count: int) -> list[list]:
    rows: list[list] = [["ФИО", "Дата рождения", "Класс"]]
    for n in range(count):
        rows.append(
            [
                f"Ученик{'аб'[n % 2]}{chr(ord('а') + n % 30)} Иван{n // 30 % 20 * 'а'}",
                date(2012, 1, 1 + n % 28),
                "7А",
            ]
        )
    return rows


def test_a_failure_in_the_middle_stores_nothing(store, tmp_path):
    rows = many_pupils(2500)
    rows.insert(2200, ["Сбой Иван", date(2012, 5, 5), "7А"])
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER fail_on_row BEFORE INSERT ON person WHEN NEW.last_name = 'Сбой' "
            "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
        )
    with pytest.raises(StoreError) as caught:
        run_import(store, path)
    assert str(caught.value) == (
        "Не удалось сохранить людей из файла: непредвиденная ошибка базы данных. "
        "Ничего не сохранено."
    )
    assert pupils_stored(store) == []


def test_cancelling_while_storing_stores_nothing(store, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", many_pupils(2500))
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))

    def cancelled() -> bool:  # once the first thousand rows went into the transaction
        return any(done > total // 2 for done, total in reports)

    with pytest.raises(ImportCancelled):
        run_import(store, path, progress=progress, cancelled=cancelled)
    assert pupils_stored(store) == []
    assert reports[-1][0] > reports[-1][1] // 2  # it got as far as storing


def test_cancelling_while_checking_stores_nothing(store, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", many_pupils(1200))
    calls = iter([False, False, True])
    with pytest.raises(ImportCancelled):
        run_import(store, path, cancelled=lambda: next(calls))
    assert pupils_stored(store) == []


def test_progress_goes_up_to_the_total(store, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", many_pupils(2500))
    reports: list[tuple[int, int]] = []
    result = run_import(store, path, progress=lambda d, t: reports.append((d, t)))
    assert result.imported == 2500
    done = [d for d, _ in reports]
    assert done == sorted(done)
    assert reports[0] == (0, 5000) and reports[-1] == (5000, 5000)
    assert len(reports) >= 8


# --- the report of rejected rows -----------------------------------------------------------


def test_rejected_rows_report_can_be_fixed_and_imported_again(store, tmp_path):
    from openpyxl import load_workbook

    result = run_import(store, write_xlsx(tmp_path / "5Б.xlsx", BAD_ROWS))
    report = save_rejections(result, tmp_path / "отклонено.xlsx")
    book = load_workbook(report)
    assert book.sheetnames == ["Отклонённые", "Повторы"]
    rejected = [list(r) for r in book["Отклонённые"].iter_rows(values_only=True)]
    assert rejected[0] == [
        "Строка в файле",
        "Причина",
        "Фамилия",
        "Имя",
        "Отчество",
        "Дата рождения",
        "Класс",
    ]
    assert rejected[1] == [
        4,
        "Несуществующая дата «31.02.2014».",
        "Борисова",
        "Ольга",
        None,
        "31.02.2014",
        "5Б",
    ]
    assert [r[0] for r in rejected[1:]] == [4, 5, 6, 7, 8, 11, 13]
    doubles = [list(r) for r in book["Повторы"].iter_rows(values_only=True)]
    assert doubles == [
        ["Строка в файле", "ФИО", "Дата рождения", "Причина"],
        [9, "Абрамов ОЛЕГ Ильич", "04.03.2014", "Повторяет строку 3."],
        [15, "Абрамов Олег Ильич", "04.03.2014", "Повторяет строку 3."],
    ]
    # the curator corrects Борисова's date in the report and imports the report itself
    sheet = book["Отклонённые"]
    sheet["F2"] = "28.02.2014"
    book.save(report)
    again = run_import(store, report)
    assert again.imported == 1
    assert pupils_stored(store)[-1] == ("Борисова", "Ольга", "", date(2014, 2, 28), "5Б", None)


# --- cells and headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (date(2012, 3, 4), date(2012, 3, 4)),
        ("04.03.2012", date(2012, 3, 4)),
        (" 4.3.12 ", date(2012, 3, 4)),
        ("4/3/2012", date(2012, 3, 4)),
        ("04-03-2012", date(2012, 3, 4)),
        ("04.03.75", date(1975, 3, 4)),
        ("04.03.25", date(2025, 3, 4)),
        ("04.03.2012 0:00:00", date(2012, 3, 4)),
        ("04.03.2012 г.", date(2012, 3, 4)),
        ("2012-03-04", date(2012, 3, 4)),
        ("4 марта 2012 г.", date(2012, 3, 4)),
        ("15 мая 2012", date(2012, 5, 15)),
        (40972.0, date(2012, 3, 4)),  # an Excel day number
        ("", None),
        ("   ", None),
    ],
)
def test_dates(cell, expected):
    assert parse_date(cell, TODAY) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31.02.2012", "Несуществующая дата «31.02.2012»."),
        ("29.02.2013", "Несуществующая дата «29.02.2013»."),
        ("12.13.2012", "Несуществующая дата «12.13.2012»."),
        ("весной", "Дата «весной» не распознана: нужна запись вида 04.03.2012."),
        (2012.0, "Указан только год рождения «2012»: нужна полная дата."),
        (12.5, "Дата «12,5» не распознана: нужна запись вида 04.03.2012."),
    ],
)
def test_dates_that_cannot_be(cell, message):
    with pytest.raises(CellError) as caught:
        parse_date(cell, TODAY)
    assert str(caught.value) == message


def test_experience_and_sex_cells():
    cells = (12.0, 12.7, "12", "12,5", "12 лет", "3 г. 2 мес.", "нет", "", "—")
    assert [parse_experience(c) for c in cells] == [12, 12, 12, 12, 12, 3, 0, None, None]
    assert parse_experience("12 л. 3 мес.") == 12
    with pytest.raises(CellError, match="Стаж «много» не распознан"):
        parse_experience("много")
    assert [
        parse_sex(c) for c in ("м", "М.", "муж", "Мужской", "ж", "жен.", "Женский", "", "?")
    ] == [Sex.MALE, Sex.MALE, Sex.MALE, Sex.MALE, Sex.FEMALE, Sex.FEMALE, Sex.FEMALE, None, None]


@pytest.mark.parametrize(
    ("cell", "years"),
    [
        ("12 лет 3 месяца", 12),
        ("12 Лет, 3 мес", 12),
        ("12 лет и 3 месяца", 12),
        ("12 г.", 12),
        ("12 года", 12),
        ("1 год", 1),
        ("12лет", 12),
        ("12,5 лет", 12),
        ("12.5", 12),
        ("Без стажа", 0),
        ("6 мес.", 0),  # months alone: not a full year (was read as 6)
        ("11 месяцев", 0),
    ],
)
def test_experience_written_in_words(cell, years):
    assert parse_experience(cell) == years


@pytest.mark.parametrize(
    "cell",
    # «1е3» with a Cyrillic «е», «5a» with a Latin «a»: they were read as 1 and 5
    ["1е3", "1e3", "5a", "12 3", "12 лет 3", "12,5,3", "12-15", "12 лет стажа", "1e400", "12 годы"],
)
def test_a_number_followed_by_something_else_is_not_an_experience(cell):
    with pytest.raises(CellError) as caught:
        parse_experience(cell)
    assert str(caught.value) == f"Стаж «{cell}» не распознан: нужно число лет."


def test_teachers_whose_experience_is_not_a_number_of_years_are_rejected(store, tmp_path):
    rows = [
        ["ФИО", "Должность", "Педагогический стаж"],
        ["Петрова Анна Ивановна", "учитель", "12 лет 3 месяца"],
        ["Сидоров Пётр Алексеевич", "учитель", "1е3"],
        ["Ёлкина Наталья Викторовна", "педагог-психолог", "5a"],
    ]
    result = run_import(store, write_csv(tmp_path / "кадры.csv", rows), TEACHER)
    assert [(a.person.last_name, a.person.experience_years) for a in result.accepted] == [
        ("Петрова", 12)
    ]
    assert [(r.row_number, r.reason) for r in result.rejected] == [
        (3, "Стаж «1е3» не распознан: нужно число лет."),
        (4, "Стаж «5a» не распознан: нужно число лет."),
    ]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("ФИО", Column.FULL_NAME),
        ("Ф.И.О. обучающегося", Column.FULL_NAME),
        ("Фамилия, имя, отчество", Column.FULL_NAME),
        ("Фамилия", Column.LAST_NAME),
        ("Фамилия ученика", Column.LAST_NAME),
        ("Имя", Column.FIRST_NAME),
        ("Отчество (при наличии)", Column.MIDDLE_NAME),
        ("Дата рождения", Column.BIRTH_DATE),
        ("Дата\nрожд.", Column.BIRTH_DATE),
        ("Класс", Column.CLASS_NAME),
        ("Должность", Column.POSITION),
        ("Занимаемая должность", Column.POSITION),
        ("Предмет", Column.SUBJECT),
        ("Стаж", Column.EXPERIENCE),
        ("Пол", Column.SEX),
        ("Место рождения", None),
        ("Классный руководитель", None),
        ("№ п/п", None),
        ("", None),
    ],
)
def test_header_names(header, column):
    assert recognise(header) is column


def test_the_header_is_the_row_naming_most_fields():
    rows = [["Класс: 7А"], ["ФИО"], [], ["ФИО", "Дата рождения", "Пол"]]
    assert find_header(rows) == ColumnMapping(
        3, {Column.FULL_NAME: 0, Column.BIRTH_DATE: 1, Column.SEX: 2}
    )


def test_csv_encoding_and_delimiter():
    assert decode_text("Иванов;7А".encode("cp1251")) == "Иванов;7А"
    assert decode_text("\ufeffИванов,7А".encode()) == "Иванов,7А"
    assert sniff_delimiter("ФИО;Стаж\nИванов;5,5\nПетров;3,0\n") == ";"
    assert sniff_delimiter("ФИО,Класс\nИванов,7А\n") == ","
    assert sniff_delimiter("ФИО\tКласс\nИванов\t7А\n") == "\t"


# --- the command line ----------------------------------------------------------------------


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NASTAVAPP_HOME=str(home), PYTHONPATH=str(SRC), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "nastavapp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


CLI_LIST = [
    ["Список 5 «Б» класса"],
    ["ФИО", "Дата рождения", "Класс"],
    ["Абрамов Олег Ильич", "04.03.2016", "5Б"],
    ["Борисова Ольга", "31.02.2016", "5Б"],
    ["Абрамов Олег Ильич", "04.03.2016", "5 б"],
    ["Воронова Ирина Олеговна", "01.01.2099", "5Б"],
    ["Гусева Нина", "07.07.2016", "5Б"],
    [" ", "01.01.2016", "5Б"],
]


def test_cli_imports_and_reports(db_path, tmp_path, data_home):
    open_store(db_path).close()
    path = write_xlsx(tmp_path / "5Б.xlsx", CLI_LIST)
    result = run_cli(
        "import", "persons", str(path), "--db", str(db_path), "--kind", "student", home=data_home
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Файл «5Б.xlsx», лист «Лист1», заголовки в строке 2.",
        "Загружено обучающихся: 2.",
        "Повторов (не созданы повторно): 1.",
        "  Строка 5: Абрамов Олег Ильич, 04.03.2016 — повторяет строку 3.",
        "Отклонено строк: 3.",
        "  Строка 4: Борисова Ольга — несуществующая дата «31.02.2016».",
        "  Строка 6: Воронова Ирина Олеговна — дата рождения 01.01.2099 ещё не наступила.",
        "  Строка 8: Не указана фамилия. Не указано имя.",
    ]
    store = open_store(db_path)
    try:
        assert [p[:2] for p in pupils_stored(store)] == [("Абрамов", "Олег"), ("Гусева", "Нина")]
    finally:
        store.close()


def test_cli_dry_run_and_report(db_path, tmp_path, data_home):
    open_store(db_path).close()
    path = write_xlsx(tmp_path / "5Б.xlsx", CLI_LIST)
    report = tmp_path / "отклонено.xlsx"
    result = run_cli(
        "import",
        "persons",
        str(path),
        "--db",
        str(db_path),
        "--kind",
        "student",
        "--dry-run",
        "--report",
        str(report),
        home=data_home,
    )
    assert result.returncode == 0, result.stderr
    assert "Пробный запуск, база не изменена. Будет загружено обучающихся: 2." in result.stdout
    assert f"Отчёт об отклонённых строках: {report}" in result.stdout
    assert report.exists()
    store = open_store(db_path)
    try:
        assert pupils_stored(store) == []
    finally:
        store.close()


def test_cli_unreadable_file_fails_in_russian(db_path, tmp_path, data_home):
    open_store(db_path).close()
    path = tmp_path / "список.xlsx"
    path.write_text("это не таблица", encoding="utf-8")
    result = run_cli(
        "import", "persons", str(path), "--db", str(db_path), "--kind", "teacher", home=data_home
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Ошибка: Файл «список.xlsx» не удалось прочитать как таблицу")


def test_cli_file_without_a_header_fails(db_path, tmp_path, data_home):
    open_store(db_path).close()
    path = write_csv(tmp_path / "x.csv", [["a", "b"], ["1", "2"]])
    result = run_cli(
        "import", "persons", str(path), "--db", str(db_path), "--kind", "student", home=data_home
    )
    assert result.returncode == 1
    assert "не найдена строка заголовков" in result.stderr


def test_cli_wrong_kind_is_refused(db_path, tmp_path, data_home):
    result = run_cli(
        "import", "persons", "x.xlsx", "--db", str(db_path), "--kind", "parent", home=data_home
    )
    assert result.returncode == 2
    assert "недопустимое значение" in result.stderr


def test_the_import_code_loads_no_spreadsheet_library_until_it_reads():
    code = (
        "import sys, nastavapp.cli, nastavapp.services.importing.persons, "
        "nastavapp.services.importing.report; nastavapp.cli.build_parser(); "
        "print(sorted(m for m in ('openpyxl', 'python_calamine', 'PySide6') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


# --- the backup before storing --------------------------------------------------------------


def test_an_import_first_makes_a_backup_of_the_state_before(store, tmp_path):
    from nastavapp.store import BackupKind, list_backups

    from .db_rows import dump

    path = write_xlsx(tmp_path / "7А.xlsx", CLASS_LIST)
    run_import(store, path, dry_run=True)
    assert list_backups(store.path) == []  # a dry run changes nothing, so it backs up nothing
    before = dump(store.path)
    run_import(store, path)
    [backup] = list_backups(store.path)
    assert backup.kind is BackupKind.BEFORE_IMPORT
    assert dump(backup.path) == before  # the people are not in it: the state before the import
    assert len(pupils_stored(store)) == 4


def test_an_import_stops_when_its_backup_cannot_be_made(store, tmp_path, monkeypatch):
    import nastavapp.store.backup as backup_module
    from nastavapp.store import DiskFullError

    def no_space(source, target):
        raise DiskFullError(f"Не удалось записать копию в «{target}»", target)

    monkeypatch.setattr(backup_module, "write_copy", no_space)
    with pytest.raises(DiskFullError) as caught:
        run_import(store, write_xlsx(tmp_path / "7А.xlsx", CLASS_LIST))
    assert "закончилось свободное место" in str(caught.value)
    assert "Список не загружен" in str(caught.value)
    assert pupils_stored(store) == []


def test_notes_under_a_list_are_told_apart_from_people(tmp_path, school_store):
    path = tmp_path / "7А.csv"
    path.write_text(
        "ФИО;Класс\nПетрова Анна Сергеевна;7А\nВсего учеников 1;\n"
        "Исполнитель: Соколова Н. В.;\nподпись ______;\n",
        encoding="utf-8",
    )
    result = import_persons(
        school_store, prepare_import(path), PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [a.person.full_name for a in result.accepted] == ["Петрова Анна Сергеевна"]
    assert [(r.row_number, r.reasons) for r in result.rejected] == [
        (3, (NOT_A_PERSON,)),
        (4, (NOT_A_PERSON,)),
        (5, (NOT_A_PERSON,)),
    ]


def test_a_teachers_birth_year_alone_is_left_out_and_said(tmp_path, school_store):
    """A teacher's birth date is optional: «1990» no longer rejects the row; a pupil's is not."""
    path = tmp_path / "педагоги.csv"
    path.write_text(
        "ФИО;Дата рождения;Должность\nСоколова Нина Петровна;1978;учитель математики\n"
        "Орлов Пётр Ильич;12.05.1990;учитель истории\nЗайцева Ольга;1985 г.;педагог-психолог\n",
        encoding="utf-8",
    )
    result = import_persons(
        school_store, prepare_import(path), PersonCategory.TEACHER, today=TODAY, dry_run=True
    )
    assert not result.rejected
    assert [(a.person.last_name, a.person.birth_date) for a in result.accepted] == [
        ("Соколова", None),
        ("Орлов", date(1990, 5, 12)),
        ("Зайцева", None),
    ]
    assert result.years_only == [2, 4]
    assert result.notes() == [
        "У педагогов в строках 2, 4 указан только год рождения: дата рождения педагога "
        "необязательна, поэтому она оставлена пустой, а сами педагоги загружаются."
    ]
    pupils = tmp_path / "5Б.csv"
    pupils.write_text("ФИО;Дата рождения;Класс\nИванов Кирилл;2014;5Б\n", encoding="utf-8")
    as_pupils = import_persons(
        school_store, prepare_import(pupils), PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [r.reasons for r in as_pupils.rejected] == [
        ("Указан только год рождения «2014»: нужна полная дата.",)
    ]
    assert as_pupils.notes() == []


def test_the_import_dialog_says_the_teachers_birth_years_were_left_out(
    qtbot, tmp_path, school_store
):
    from nastavapp.ui.bases.import_dialog import ImportDialog

    path = tmp_path / "педагоги.csv"
    path.write_text(
        "ФИО;Дата рождения;Должность\nСоколова Нина Петровна;1978;учитель математики\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(school_store, prepare_import(path), TODAY)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(PersonCategory.TEACHER.value))
    dialog.check()
    text = dialog.summary.text()
    assert "Будут загружены: <b>1</b>" in text
    assert "<br>У педагогов в строках 2 указан только год рождения" in text
