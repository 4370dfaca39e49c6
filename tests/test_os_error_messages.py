"""Errors of the disk and folders are said in Russian with the advice that fits them, never with
the system's English (``strerror`` is English on Linux); suggested file names fit the disk."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from sqlmodel import select

from nastavapp import cli
from nastavapp.models import School
from nastavapp.models.vocab import PersonCategory
from nastavapp.services.documents import output
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.output import fit_file_name, write_atomically
from nastavapp.services.documents.regulations import regulations_file_name
from nastavapp.services.documents.report_export import export_report, report_file_name
from nastavapp.services.importing.persons import ImportResult, import_persons
from nastavapp.services.importing.preview import prepare_import
from nastavapp.services.importing.report import ReportError, save_rejections
from nastavapp.store import Store
from nastavapp.store.oserrors import os_error_reason

from .conftest import DEMO_DAY, TODAY
from .test_database_errors_ru import pupils_list

ENGLISH = re.compile(r"\b(?!Excel\b|Word\b)[A-Za-z]+")  # the programs named stay
LONG_SCHOOL = "МБОУ «" + "Очень длинное наименование школы " * 6 + "»"
NOT_FOUND = (
    "папка или файл не найдены: возможно, их переименовали или удалили либо отключена "
    "флешка или сетевой диск. Проверьте путь или выберите другую папку."
)
NO_RIGHTS = (
    "нет прав на доступ к этому файлу или папке. Попросите администратора компьютера "
    "дать права или выберите другую папку."
)
READ_ONLY = (
    "папка или диск доступны только для чтения (например, флешка с защитой от записи). "
    "Снимите защиту или выберите другую папку."
)
A_FOLDER = "по этому пути находится папка, а не файл. Укажите имя файла."
NOT_A_FOLDER = "часть пути — файл, а не папка. Проверьте путь или выберите другую папку."
FULL = (
    "на диске закончилось свободное место. Удалите ненужные файлы или очистите корзину и повторите."
)
TOO_LONG = (
    "слишком длинное имя файла или путь к нему. Сократите имя файла или выберите папку "
    "ближе к началу диска."
)
EXISTS = "файл или папка с таким именем уже есть. Выберите другое имя."
IN_USE = (
    "файл открыт в другой программе (например, в Excel или Word). Закройте его там "
    "и повторите или выберите другое имя."
)
OTHER = (
    "не удалось обратиться к диску или папке. Проверьте, что диск или флешка подключены, "
    "и повторите или выберите другую папку."
)


def os_error(code: int) -> OSError:
    """The error the system raises, with its own (English) words."""
    return OSError(code, os.strerror(code))


def windows_error(winerror: int) -> OSError:
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (os_error(errno.ENOENT), NOT_FOUND),
        (os_error(errno.EACCES), NO_RIGHTS),
        (os_error(errno.EPERM), NO_RIGHTS),
        (os_error(errno.EROFS), READ_ONLY),
        (os_error(errno.EISDIR), A_FOLDER),
        (os_error(errno.ENOTDIR), NOT_A_FOLDER),
        (os_error(errno.ENOSPC), FULL),
        (os_error(errno.ENAMETOOLONG), TOO_LONG),
        (os_error(errno.EEXIST), EXISTS),
        (os_error(errno.EBUSY), IN_USE),
        (os_error(errno.ETXTBSY), IN_USE),
        (windows_error(32), IN_USE),  # ERROR_SHARING_VIOLATION: open in Excel
        (windows_error(33), IN_USE),  # ERROR_LOCK_VIOLATION
        (os_error(errno.EIO), OTHER),
        (OSError("something"), OTHER),
    ],
)
def test_each_os_error_has_its_russian_reason(error, said):
    assert os_error_reason(error) == said
    assert not ENGLISH.search(said)


# --- documents --------------------------------------------------------------------------------


def write_text(path: Path) -> None:
    path.write_text("документ", encoding="utf-8")


def test_a_name_that_only_just_fits_is_written(tmp_path):
    """The temporary file beside it once got 11 bytes more than the disk takes."""
    name = "я" * 125 + ".xlsx"  # 255 bytes
    assert len(name.encode()) == 255
    written = write_atomically(tmp_path / name, write_text)
    assert written.read_text(encoding="utf-8") == "документ"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_name_too_long_for_the_disk_is_said_in_russian(tmp_path):
    name = "я" * 130 + ".xlsx"  # 265 bytes
    with pytest.raises(ExportError) as caught:
        write_atomically(tmp_path / name, write_text)
    assert str(caught.value) == f"Не удалось записать файл «{name}»: {TOO_LONG}"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_instead_of_a_file(tmp_path):
    folder = tmp_path / "отчёт.xlsx"
    folder.mkdir()
    with pytest.raises(ExportError) as caught:
        write_atomically(folder, write_text)
    assert str(caught.value) == f"Не удалось записать файл «отчёт.xlsx»: {A_FOLDER}"
    assert "Excel" not in str(caught.value)


def test_a_full_disk_keeps_the_earlier_file_and_says_so(tmp_path):
    target = tmp_path / "отчёт.xlsx"
    target.write_bytes(b"the earlier file")

    def full(path: Path) -> None:
        path.write_bytes(b"half")
        raise os_error(errno.ENOSPC)

    with pytest.raises(ExportError) as caught:
        write_atomically(target, full)
    assert str(caught.value) == f"Не удалось записать файл «отчёт.xlsx»: {FULL}"
    assert target.read_bytes() == b"the earlier file"
    assert [p.name for p in tmp_path.iterdir()] == ["отчёт.xlsx"]


def test_a_write_protected_stick_refuses_the_temporary_file(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise os_error(errno.EROFS)

    monkeypatch.setattr(output.tempfile, "mkstemp", refused)
    with pytest.raises(ExportError) as caught:
        write_atomically(tmp_path / "отчёт.pdf", write_text)
    assert str(caught.value) == f"Не удалось создать файл в папке «{tmp_path}»: {READ_ONLY}"


# --- suggested names --------------------------------------------------------------------------


def test_long_suggested_names_are_cut_keeping_the_extension():
    for name in (
        report_file_name(LONG_SCHOOL, "2025/2026"),
        report_file_name(LONG_SCHOOL, "2025/2026", ".pdf"),
        regulations_file_name(LONG_SCHOOL, "2025/2026"),
        fit_file_name("Согласие_" + "Жанна-" * 60 + ".pdf"),
    ):
        assert len(name.encode()) <= 255, name
        assert name.rsplit(".", 1)[1] in ("xlsx", "pdf", "docx")
        assert not name.rsplit(".", 1)[0].endswith(("_", " ", "."))
    assert report_file_name(LONG_SCHOOL, "2025/2026").startswith("Наставничество_МБОУ_Очень")
    assert fit_file_name("Отчёт.xlsx") == "Отчёт.xlsx"
    assert fit_file_name("аб" * 10 + ".pdf", limit=15) == "абаба.pdf"  # no half letter


def test_the_report_of_a_school_with_a_long_name_is_saved_under_its_suggested_name(demo, tmp_path):
    with demo.session() as session:
        school = session.exec(select(School)).one()
        school.short_name = LONG_SCHOOL
        session.add(school)
        session.commit()
    name = report_file_name(LONG_SCHOOL, "2025/2026")
    written = export_report(demo, tmp_path / name, DEMO_DAY)
    assert written.name == name and written.stat().st_size > 0


# --- the report of rejected rows and the command line -----------------------------------------


def rejected_rows(store: Store, tmp_path: Path) -> ImportResult:
    """A list of two pupils and one without a first name (rejected)."""
    rows = pupils_list(tmp_path, 2)
    rows.write_bytes(rows.read_bytes() + "Петров;;;;\r\n".encode("cp1251"))
    result = import_persons(store, prepare_import(rows), PersonCategory.STUDENT, today=TODAY)
    assert len(result.rejected) == 1
    return result


def test_the_rejected_rows_report_to_a_folder_says_so_without_excel_advice(store, tmp_path):
    result = rejected_rows(store, tmp_path)
    folder = tmp_path / "отклонено.xlsx"
    folder.mkdir()
    with pytest.raises(ReportError) as caught:
        save_rejections(result, folder)
    assert str(caught.value) == f"Не удалось записать файл «отклонено.xlsx»: {A_FOLDER}"


def test_the_command_line_says_an_os_error_in_russian(tmp_path, capsys):
    plain = tmp_path / "файл"
    plain.write_text("не папка", encoding="utf-8")
    target = plain / "демо.sqlite"
    assert cli.main(["demo", "--db", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"Ошибка: не удалось открыть или записать «{target}»: {NOT_A_FOLDER}\n"
    )
