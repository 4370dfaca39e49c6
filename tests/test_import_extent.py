"""School lists as Excel really makes them: a stray value far from the table is refused with a
Russian message (python-calamine used to abort the whole program), a formatted empty cell far
away is not, and a class merged down its column reaches every pupil it covers. The same for
.ods, whose runs of equal rows and cells are written once."""

from __future__ import annotations

import subprocess
import sys
import zipfile
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
from tests.import_files import refusals

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


# --- .ods: rows and cells written once with a repeat count ---------------------------------

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _cell(value: str | None = None, repeated: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    if value is None:
        return f"<table:table-cell{times}/>"
    return (
        f'<table:table-cell{times} office:value-type="string"><text:p>{value}</text:p>'
        "</table:table-cell>"
    )


def _row(*cells: str, repeated: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def _ods(path: Path, *sheets: tuple[str, str]) -> Path:
    """An .ods as LibreOffice lays it out: (sheet name, its rows' XML) each."""
    tables = "".join(
        f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in sheets
    )
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME)  # first and stored, as the format says
        book.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", ODS_HEAD + tables + ODS_TAIL, zipfile.ZIP_DEFLATED)
    return path


ODS_PUPILS = _row(_cell("ФИО"), _cell("Класс")) + "".join(
    _row(_cell(name), _cell(group or "")) for name, group in PUPILS
)


def test_an_ods_with_values_far_apart_is_refused_before_calamine_lays_it_out(tmp_path):
    # 900 bytes: a note in CQ1 and a value in A1048576, the rest runs of empty rows and cells
    apart = _ods(
        tmp_path / "список.ods",
        ("Титул", _row(_cell("Список 7А"))),
        (
            "Лист1",
            _row(_cell("ФИО"), _cell(repeated=93), _cell("примечание"))
            + ODS_PUPILS.split("</table:table-row>", 1)[1]
            + _row(_cell(), repeated=1_048_570)
            + _row(_cell("x")),
        ),
    )
    # one value written once for 16 384 columns of 1 000 rows (2.1 GB: aborted under 2 GB)
    repeated = _ods(
        tmp_path / "повтор.ods",
        ("Лист1", ODS_PUPILS + _row(_cell("7А", repeated=16_384), repeated=1_000)),
    )
    # XFD1048576: calamine refused it itself, and the user read «файл повреждён»
    corner = _ods(
        tmp_path / "угол.ods",
        (
            "Лист1",
            ODS_PUPILS + _row(_cell(), repeated=1_048_570) + _row(_cell(), _cell("x", 16_383)),
        ),
    )
    advice = (
        "такой лист программа не прочитает. Откройте файл в LibreOffice Calc или Excel, нажмите "
        "Ctrl+End — курсор встанет на последнюю заполненную ячейку, — удалите лишние строки и "
        "столбцы и сохраните файл."
    )
    # before the check calamine took 7 GB for the first one
    assert refusals(apart, repeated, corner, memory_mb=2048) == [
        "В файле «список.ods» заполнены ячейки далеко от таблицы (до строки 1048576 и столбца 95, "
        f"например A1048576): {advice}",
        "в книге заполнены ячейки далеко от данных (например, A1048576): откройте файл в Excel "
        "или LibreOffice Calc, удалите их и сохраните файл снова.",
        "В файле «повтор.ods» заполнены ячейки далеко от таблицы (до строки 1005 и столбца 16384, "
        f"например XFD1005): {advice}",
        "в книге заполнены ячейки далеко от данных (например, XFD1005): откройте файл в Excel "
        "или LibreOffice Calc, удалите их и сохраните файл снова.",
        "В файле «угол.ods» заполнены ячейки далеко от таблицы (до строки 1048576 и столбца "
        f"16384, например XFD1048576): {advice}",
        "в книге заполнены ячейки далеко от данных (например, XFD1048576): откройте файл в Excel "
        "или LibreOffice Calc, удалите их и сохраните файл снова.",
    ]


def test_an_ods_with_the_empty_runs_libreoffice_writes_is_read_as_it_is(tmp_path, school_store):
    path = _ods(
        tmp_path / "список.ods",
        (
            "Лист1",
            _row(_cell(), repeated=2)  # two empty rows above the list
            + ODS_PUPILS.replace(_cell("7Б"), _cell("7Б") + _cell(repeated=16_382))
            + _row(_cell(repeated=16_384), repeated=1_048_570),  # the rest of the sheet
        ),
    )
    preview = prepare_import(path)
    assert preview.rows[:3] == [["", ""], ["", ""], ["ФИО", "Класс"]]
    assert len(preview.rows) == 7
    result = import_persons(
        school_store, preview, PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [(a.row_number, a.person.last_name) for a in result.accepted] == [
        (4, "Иванов"),
        (5, "Петрова"),
        (6, "Сидоров"),
        (7, "Кузнецова"),
    ]
