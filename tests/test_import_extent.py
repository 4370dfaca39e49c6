"""School lists as Excel really makes them: a stray value far from the table is refused with a
Russian message (python-calamine used to abort the whole program), a formatted empty cell far
away is not, and a class merged down its column reaches every pupil it covers."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.consolidation.checks import ReportRejected
from nastavapp.services.consolidation.reading import read_values
from nastavapp.services.importing.persons import import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.services.importing.reading import ImportFileError

TODAY = date(2025, 10, 15)
PUPILS = [
    ["Иванов Иван Иванович", "7А"],
    ["Петрова Анна Сергеевна", None],
    ["Сидоров Олег Петрович", None],
    ["Кузнецова Мария Ильинична", "7Б"],
]


def _list(path: Path, far: str = "", far_formatted: str = "", merge: str = "") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["ФИО", "Класс"])
    for row in PUPILS:
        sheet.append(row)
    if far:
        sheet[far] = "x"
    if far_formatted:
        sheet[far_formatted].font = Font(bold=True)  # formatted, no value
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_a_stray_value_far_away_is_refused_without_killing_the_program(tmp_path):
    path = _list(tmp_path / "список.xlsx", far="XFD1048576")
    code = (
        "import sys\n"
        "from nastavapp.services.importing.preview import prepare_import\n"
        "from nastavapp.services.importing.reading import ImportFileError\n"
        "try:\n"
        "    prepare_import(sys.argv[1])\n"
        "except ImportFileError as exc:\n"
        "    print(exc)\n"
    )
    # in a process of its own: before the check this aborted the interpreter (exit 134)
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == (
        "В файле «список.xlsx» заполнены ячейки далеко от таблицы (до строки 1048576 и столбца "
        "16384, например XFD1048576): такой лист программа не прочитает. Откройте файл в Excel, "
        "нажмите Ctrl+End — курсор встанет на последнюю заполненную ячейку, — удалите лишние "
        "строки и столбцы и сохраните файл."
    )
    with pytest.raises(ReportRejected, match="далеко от данных \\(например, XFD1048576\\)"):
        read_values(path)  # the municipal centre reads schools' workbooks the same way


def test_a_formatted_empty_cell_far_away_does_not_stop_the_import(tmp_path, school_store):
    path = _list(tmp_path / "список.xlsx", far_formatted="XFD1048576")
    result = import_persons(
        school_store, prepare_import(path), PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [a.person.last_name for a in result.accepted] == [
        "Иванов",
        "Петрова",
        "Сидоров",
        "Кузнецова",
    ]


def test_a_class_merged_down_its_column_reaches_every_pupil(tmp_path, school_store):
    path = _list(tmp_path / "список.xlsx", merge="B2:B4")
    result = import_persons(
        school_store, prepare_import(path), PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    classes = {a.person.last_name: a.person.class_name for a in result.accepted}
    # the two pupils under the merged «7А» used to come in without a class, silently
    assert classes == {"Иванов": "7А", "Петрова": "7А", "Сидоров": "7А", "Кузнецова": "7Б"}


def test_a_title_merged_across_columns_stays_in_its_first_cell(tmp_path):
    from nastavapp.services.importing.reading import read_sheets

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Список 7А класса"
    sheet.merge_cells("A1:C1")
    sheet.append(["ФИО", "Класс", "Пол"])
    book.save(tmp_path / "t.xlsx")
    rows = read_sheets(tmp_path / "t.xlsx")[0].rows
    assert rows[0] == ["Список 7А класса", "", ""]
    with pytest.raises(ImportFileError):
        prepare_import(tmp_path / "нет.xlsx")


def test_the_same_pupil_written_a_little_differently_is_not_created_again(tmp_path, school_store):
    """The autumn's list without birth dates, the spring's with them; a patronymic left out."""

    def run(name: str, rows: list[list[object]]) -> object:
        book = Workbook()
        sheet = book.active
        sheet.append(["ФИО", "Дата рождения", "Класс"])
        for row in rows:
            sheet.append(row)
        book.save(tmp_path / name)
        return import_persons(
            school_store, prepare_import(tmp_path / name), PersonCategory.STUDENT, today=TODAY
        )

    autumn = run("осень.xlsx", [["Новикова Нина Олеговна", None, "7Б"]])
    assert autumn.imported == 1
    spring = run(
        "весна.xlsx",
        [
            ["Новикова Нина Олеговна", "03.04.2013", "7Б"],  # now with her birth date
            ["Новикова Нина", "03.04.2013", "7Б"],  # and once more without the patronymic
            ["Новикова Нина Ивановна", "05.06.2013", "7Б"],  # a namesake: another girl
        ],
    )
    assert [a.person.middle_name for a in spring.accepted] == ["Ивановна"]
    assert [d.reason for d in spring.duplicates] == [
        "Уже есть в базе (ФИО то же, дата рождения указана только в одном из списков).",
        "Уже есть в базе (фамилия, имя и дата рождения те же, отчество указано только в одном "
        "из списков).",
    ]
    # each of them used to be created again: three Нины Новиковы for one


def test_a_folder_given_for_a_list_or_a_report_is_said_in_russian(tmp_path):
    folder = tmp_path / "список.xlsx"
    folder.mkdir()
    with pytest.raises(ImportFileError) as caught:
        prepare_import(folder)
    assert str(caught.value).endswith(
        "по этому пути находится папка, а не файл. Укажите имя файла."
    )
    with pytest.raises(ReportRejected, match=r"^файл не читается: по этому пути находится папка"):
        read_values(folder)  # «Is a directory» came through in English
