"""A list whose cells are formulas never calculated (a book written by a script and never
opened in Excel): calamine reads them as empty, and the preview now says so, with how many
and where, instead of importing a column of full names as empty without a word."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from nastavapp.models.vocab import PersonCategory
from nastavapp.services.importing.persons import import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.ui.bases.import_dialog import ImportDialog

from .conftest import TODAY
from .test_import_extent import _cell, _ods, _row

PUPILS = [
    ("Иванов", "Иван", "Иванович"),
    ("Петрова", "Анна", "Сергеевна"),
    ("Сидоров", "Олег", "Петрович"),
]


def _note(count: str, address: str) -> str:
    return (
        f"В файле есть формулы без сохранённых значений ({count}, например {address}): такие "
        "ячейки прочитаны пустыми. Откройте файл в Excel или LibreOffice, сохраните его и "
        "загрузите снова."
    )


def _list_by_formulas(path: Path, pupils=PUPILS, title_formula: bool = False) -> Path:
    """As a script writes it with openpyxl: «ФИО» is =A2&" "&B2&" "&C2 in every row."""
    book = Workbook()
    title = book.active
    title.title = "Титул"
    title["A1"] = "Список 7А класса"
    if title_formula:
        title["A2"] = "=COUNTA(Список!A:A)-1"
    sheet = book.create_sheet("Список")
    sheet.append(["Фамилия", "Имя", "Отчество", "ФИО", "Класс"])
    for number, person in enumerate(pupils, start=2):
        sheet.append([*person, f'=A{number}&" "&B{number}&" "&C{number}', "7А"])
    book.save(path)
    return path


def _as_saved_by_excel(path: Path) -> Path:
    """The same book after Excel calculated and saved it: each formula keeps its result, and a
    formula giving an empty text has ``t="str"`` and an empty ``<v>``."""
    with zipfile.ZipFile(path) as book:
        members = {name: book.read(name) for name in book.namelist()}
    for name, data in members.items():
        if name.startswith("xl/worksheets/"):
            text = data.decode()
            text = re.sub(
                r'<c r="D(\d+)"><f>([^<]*)</f><v></v></c>',
                lambda m: f'<c r="D{m[1]}" t="str"><f>{m[2]}</f><v>ФИО {m[1]}</v></c>',
                text,
            )
            text = re.sub(
                r'<c r="A2"><f>[^<]*</f><v></v></c>',
                '<c r="A2" t="str"><f>IF(1,"","")</f><v></v></c>',
                text,
            )
            members[name] = text.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in members.items():
            book.writestr(name, data)
    return path


def test_formulas_without_their_values_are_named_in_the_preview(tmp_path, school_store):
    preview = prepare_import(_list_by_formulas(tmp_path / "список.xlsx"))
    assert preview.sheet == "Список"
    assert [row[3] for row in preview.rows] == ["ФИО", "", "", ""]  # what calamine gives
    assert preview.notes == (_note("3 ячейки", "D2"),)
    # the names still come from the three columns: nothing is lost, but the user is told
    result = import_persons(
        school_store, preview, PersonCategory.STUDENT, today=TODAY, dry_run=True
    )
    assert [a.person.last_name for a in result.accepted] == ["Иванов", "Петрова", "Сидоров"]


def test_the_note_counts_every_cell_of_a_long_list_once_and_belongs_to_its_sheet(tmp_path):
    many = [(f"Иванов{n}", "Иван", "Иванович") for n in range(25_000)]  # sheet XML over 5 MB
    path = _list_by_formulas(tmp_path / "список.xlsx", many, title_formula=True)
    assert prepare_import(path).notes == (_note("25000 ячеек", "D2"),)
    assert prepare_import(path, sheet="Титул").notes == (_note("1 ячейка", "A2"),)


def test_a_book_saved_by_excel_has_no_note(tmp_path):
    path = _as_saved_by_excel(_list_by_formulas(tmp_path / "список.xlsx", title_formula=True))
    preview = prepare_import(path)
    assert [row[3] for row in preview.rows] == ["ФИО", "ФИО 2", "ФИО 3", "ФИО 4"]
    assert preview.notes == ()
    assert prepare_import(path, sheet="Титул").notes == ()  # ="" saved as an empty text


def test_an_ods_formula_without_its_value_is_named_too(tmp_path):
    formula = '<table:table-cell table:formula="of:=[.A2]&amp;&quot; &quot;&amp;[.B2]"/>'
    saved = (
        '<table:table-cell table:formula="of:=[.A2]" office:value-type="string" '
        'office:string-value="Иванов"><text:p>Иванов</text:p></table:table-cell>'
    )
    path = _ods(
        tmp_path / "список.ods",
        (
            "Лист1",
            _row(_cell("Фамилия"), _cell("Имя"), _cell("ФИО"), _cell("Копия"))
            + _row(_cell("Иванов"), _cell("Иван"), formula, saved, repeated=2),
        ),
    )
    assert prepare_import(path).notes == (_note("2 ячейки", "C2"),)


def test_the_import_dialog_shows_the_note(qtbot, school_store, tmp_path):
    dialog = ImportDialog(
        school_store, prepare_import(_list_by_formulas(tmp_path / "список.xlsx")), TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.notes.isVisible()
    assert dialog.notes.text() == _note("3 ячейки", "D2")
    dialog.sheet.setCurrentText("Титул")  # a sheet without formulas: the note goes
    assert not dialog.notes.isVisible()
    dialog.close()


def test_the_command_line_import_says_it_too(tmp_path, db_path, data_home):
    from nastavapp.store import open_store

    from .test_import import run_cli

    open_store(db_path).close()
    path = _list_by_formulas(tmp_path / "список.xlsx")
    result = run_cli(
        "import", "persons", str(path), "--db", str(db_path), "--kind", "student", home=data_home
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "Внимание: " + _note("3 ячейки", "D2")
    assert "Загружено обучающихся: 3." in lines
