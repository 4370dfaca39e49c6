"""The municipal summary: schools' report files read, checked, merged, stored, written out."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nastavapp.services.consolidation.centre import (
    CentreError,
    CentreProfile,
    get_centre,
    is_municipal,
    open_municipal_store,
    save_centre,
)
from nastavapp.services.consolidation.checks import ReportRejected, check_report
from nastavapp.services.consolidation.expected import (
    add_expected,
    add_expected_from_reports,
    import_expected,
    list_expected,
)
from nastavapp.services.consolidation.figures import INDICATORS, TARGETED, Ratio
from nastavapp.services.consolidation.reading import read_report, read_reports
from nastavapp.services.consolidation.store_reports import (
    add_reports,
    current_reports,
    duplicates,
    one_level,
    remove_report,
    report_years,
    stored_reports,
)
from nastavapp.services.consolidation.summary import build_summary, summary_from_store
from nastavapp.services.consolidation.summary_pdf import export_summary_pdf
from nastavapp.services.consolidation.summary_xlsx import export_summary_xlsx
from nastavapp.services.report_data import FORMAT_VERSION
from nastavapp.store import prepare_file
from tests.report_files import (
    MUNICIPALITY,
    TODAY,
    Rows,
    changed,
    edited,
    make_school,
    school_rows,
    write_data_sheet,
)

YEAR = "2025/2026"
BEFORE = "2024/2025"
PREVIOUS_DAY = date(2024, 11, 20)
CENTRE = CentreProfile(
    name="МБУ «Центр развития образования» Ольховского муниципального района",
    short_name="МБУ ЦРО",
    municipality=MUNICIPALITY,
    code="3600",
    coordinator="Смирнова Ольга Петровна",
)


@pytest.fixture(scope="session")
def school_rows_by_number(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Rows]:
    """The «data» rows of four demo schools (№ 1–4) for 2025/2026."""
    folder = tmp_path_factory.mktemp("schools")
    return {n: school_rows(make_school(folder, n)) for n in range(1, 5)}


@pytest.fixture(scope="session")
def earlier_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Rows]:
    """Schools № 1 and № 2 a year before (2024/2025), as other demo schools."""
    folder = tmp_path_factory.mktemp("schools-2024")
    return {
        n: school_rows(make_school(folder, n, seed=40 + n, today=PREVIOUS_DAY), PREVIOUS_DAY)
        for n in (1, 2)
    }


@pytest.fixture
def municipal(tmp_path: Path):
    store = open_municipal_store(tmp_path / "municipal.sqlite", backups=False)
    save_centre(store, CENTRE)
    yield store
    store.close()


def _value(rows: Rows, key: str) -> int:
    value = dict(rows)[key]
    assert isinstance(value, int)
    return value


def _impossible(rows: Rows) -> Rows:
    return changed(rows, indicators__share_students_involved=130.0)


def _newer(rows: Rows) -> Rows:
    return changed(rows, format_version=FORMAT_VERSION + 1)


def _later(rows: Rows) -> Rows:
    """The same school's corrected report, written later: one more mentee aged 10–19."""

    def edit(values: dict) -> None:
        values["generated_at"] = "2025-11-21T09:00:00"
        values["indicator_counts.mentees_10_19.numerator"] += 1
        numerator = values["indicator_counts.mentees_10_19.numerator"]
        denominator = values["indicator_counts.mentees_10_19.denominator"]
        values["indicators.share_mentees_10_19"] = round(100 * numerator / denominator, 1)

    return edited(rows, edit)


def _mixed_folder(folder: Path, rows: dict[int, Rows]) -> Path:
    """Four good reports, a later duplicate of № 1, and four files that must be skipped."""
    folder.mkdir()
    for number, school in rows.items():
        write_data_sheet(folder / f"Отчёт_СОШ_{number}.xlsx", school)
    write_data_sheet(folder / "Отчёт_СОШ_1_исправленный.xlsx", _later(rows[1]))
    good = (folder / "Отчёт_СОШ_2.xlsx").read_bytes()
    (folder / "повреждённый.xlsx").write_bytes(good[: len(good) // 2])  # a truncated zip
    book = Workbook()
    book.active["A1"] = "Список 7А класса"
    book.save(folder / "список_класса.xlsx")
    write_data_sheet(folder / "невозможная_доля.xlsx", _impossible(rows[3]))
    write_data_sheet(folder / "новый_формат.xlsx", _newer(rows[4]))
    (folder / "~$Отчёт_СОШ_2.xlsx").write_bytes(b"lock")  # Excel's lock file: not a report
    (folder / "письмо.txt").write_text("Направляем отчёт", encoding="utf-8")
    return folder


# reading and checks ---------------------------------------------------------------------------
def test_folder_is_read_good_reports_taken_others_skipped_with_reasons(
    tmp_path, school_rows_by_number
):
    folder = _mixed_folder(tmp_path / "reports", school_rows_by_number)
    progress: list[tuple[int, int]] = []
    result = read_reports([folder], progress=lambda done, total: progress.append((done, total)))

    taken = sorted(r.source for r in result.reports)
    assert taken == [
        "Отчёт_СОШ_1.xlsx",
        "Отчёт_СОШ_1_исправленный.xlsx",
        "Отчёт_СОШ_2.xlsx",
        "Отчёт_СОШ_3.xlsx",
        "Отчёт_СОШ_4.xlsx",
    ]
    reasons = {s.name: s.reason for s in result.skipped}
    assert set(reasons) == {
        "повреждённый.xlsx",
        "список_класса.xlsx",
        "невозможная_доля.xlsx",
        "новый_формат.xlsx",
    }
    assert "повреждён" in reasons["повреждённый.xlsx"]
    assert "нет листа «data»" in reasons["список_класса.xlsx"]
    assert "больше 100 %" in reasons["невозможная_доля.xlsx"]
    assert "130,0" in reasons["невозможная_доля.xlsx"]
    assert "более новой версией программы" in reasons["новый_формат.xlsx"]
    assert progress[-1] == (9, 9)  # every workbook, not the .txt nor Excel's «~$» lock file

    first = next(r for r in result.reports if r.source == "Отчёт_СОШ_1.xlsx")
    assert first.year == YEAR and first.code == "3600001" and first.key == "code:3600001"
    assert first.reference_date == TODAY
    assert first.generated_at == datetime(2025, 11, 20, 10, 0)
    numerator = _value(school_rows_by_number[1], "indicator_counts.students_involved.numerator")
    assert first.ratio("students_involved").numerator == numerator


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        ({"mentors": -3}, "отрицательное число «наставников» (−3)"),
        ({"persons__students": 10**20}, "слишком большое число «обучающихся»"),
        ({"persons__students": 12.5}, "не целое"),
        (
            {"indicator_counts__teachers_involved__numerator": 500},
            "числитель 500 больше знаменателя",
        ),
        ({"indicators__share_mentees_10_19": 55.0}, "не сходится с числами"),
        ({"indicators__satisfaction_mentors": 14.0}, "вне шкалы 1–10"),
        ({"format_version": None}, "нет версии формата"),
        ({"format_version": "первая"}, "неизвестная версия формата"),
        ({"school__full_name": None, "school__short_name": None}, "не указано наименование"),
        ({"year": None}, "не указан учебный год"),
        ({"year": "2025-2027"}, "записан неверно"),
        ({"persons__students": None}, "нет числа «обучающихся»"),
    ],
)
def test_figures_that_cannot_be_are_refused(school_rows_by_number, edit, reason):
    values = dict(changed(school_rows_by_number[2], **edit))
    with pytest.raises(ReportRejected) as caught:
        check_report(values, "отчёт.xlsx")
    assert reason in str(caught.value)


def test_values_come_back_from_calamine_as_written(tmp_path, school_rows_by_number):
    rows = school_rows_by_number[1]
    path = write_data_sheet(tmp_path / "r.xlsx", rows)
    report = read_report(path)
    for key, value in rows:
        got = report.figures[key]
        assert got == (value if value != "" else None), key
        assert isinstance(got, str) == isinstance(value, str), key  # «0123» stays text


# storing, replacing, history ------------------------------------------------------------------
def test_merge_totals_and_municipal_shares_come_from_sums(
    tmp_path, municipal, school_rows_by_number
):
    folder = _mixed_folder(tmp_path / "reports", school_rows_by_number)
    read = read_reports([folder])
    originals = [r for r in read.reports if "исправленный" not in r.source]
    corrected = [r for r in read.reports if "исправленный" in r.source]

    first = add_reports(municipal, originals)
    assert len(first.added) == 4 and not first.replaced and not first.not_added
    assert [r for r, _ in duplicates(municipal, corrected)] == corrected
    second = add_reports(municipal, corrected, replace=True)
    assert [r.source for r in second.replaced] == ["Отчёт_СОШ_1_исправленный.xlsx"]

    history = stored_reports(municipal, YEAR, history=True)
    assert len(history) == 5
    earlier = next(h for h in history if h.report.source == "Отчёт_СОШ_1.xlsx")
    newer = next(h for h in history if h.report.source == "Отчёт_СОШ_1_исправленный.xlsx")
    assert earlier.superseded and earlier.replaced_by_id == newer.id and not newer.superseded
    assert len(stored_reports(municipal, YEAR)) == 4

    summary = summary_from_store(municipal, YEAR, made_on=date(2025, 11, 25))
    rows = {**school_rows_by_number, 1: _later(school_rows_by_number[1])}
    assert [row.name for row in summary.rows] == [f"МБОУ СОШ № {n}" for n in range(1, 5)]
    for key in ("persons.students", "persons.teachers", "mentors", "mentees", "groups"):
        assert summary.totals.count(key) == sum(_value(r, key) for r in rows.values()), key
    for spec in INDICATORS:
        numerator = sum(_value(r, f"indicator_counts.{spec.key}.numerator") for r in rows.values())
        denominator = sum(
            _value(r, f"indicator_counts.{spec.key}.denominator") for r in rows.values()
        )
        assert summary.totals.ratio(spec.key) == Ratio(numerator, denominator)
        expected = round(100 * numerator / denominator, 1) if denominator else None
        assert summary.totals.share(spec.key) == expected, spec.key
    # the corrected report counts, not the replaced one
    assert summary.rows[0].ratio("mentees_10_19").numerator == _value(
        rows[1], "indicator_counts.mentees_10_19.numerator"
    )
    for spec in TARGETED:
        flagged = {row.name for row in summary.below(spec)}
        assert flagged == {row.name for row in summary.rows if (row.share(spec.key) or 100) < 70}


def test_municipal_share_is_not_an_average_of_shares(school_rows_by_number):
    big = changed(
        school_rows_by_number[1],
        indicator_counts__students_involved__numerator=900,
        indicator_counts__students_involved__denominator=1000,
        indicators__share_students_involved=90.0,
    )
    small = changed(
        school_rows_by_number[2],
        indicator_counts__students_involved__numerator=10,
        indicator_counts__students_involved__denominator=100,
        indicators__share_students_involved=10.0,
    )
    reports = [check_report(dict(rows), "f.xlsx") for rows in (big, small)]
    summary = build_summary(reports, YEAR)
    assert summary.totals.share("students_involved") == round(100 * 910 / 1100, 1)  # 82,7
    assert summary.totals.share("students_involved") != 50.0
    assert [row.is_below("students_involved") for row in summary.rows] == [False, True]


def test_a_declined_replacement_keeps_the_first_and_the_same_file_is_not_stored_twice(
    tmp_path, municipal, school_rows_by_number
):
    path = write_data_sheet(tmp_path / "a.xlsx", school_rows_by_number[1])
    later = write_data_sheet(tmp_path / "b.xlsx", _later(school_rows_by_number[1]))
    add_reports(municipal, [read_report(path)])
    again = add_reports(municipal, [read_report(path)])
    assert again.taken == [] and "уже принят" in again.not_added[0].reason
    declined = add_reports(municipal, [read_report(later)], replace=False)
    assert declined.taken == [] and "оставлен прежний" in declined.not_added[0].reason
    assert [r.source for r in current_reports(municipal, YEAR)] == ["a.xlsx"]
    assert len(stored_reports(municipal, YEAR, history=True)) == 1


def test_two_files_of_one_school_in_one_call_the_later_written_wins(
    tmp_path, municipal, school_rows_by_number
):
    older = read_report(write_data_sheet(tmp_path / "old.xlsx", school_rows_by_number[2]))
    newer = read_report(write_data_sheet(tmp_path / "new.xlsx", _later(school_rows_by_number[2])))
    result = add_reports(municipal, [newer, older], replace=False)
    assert [r.source for r in result.added] == ["new.xlsx"]
    assert [(o.source, n.source) for o, n in result.outdated] == [("old.xlsx", "new.xlsx")]
    assert [r.source for r in current_reports(municipal, YEAR)] == ["new.xlsx"]
    assert len(stored_reports(municipal, YEAR, history=True)) == 2


def test_removing_a_replacement_brings_the_earlier_report_back(
    tmp_path, municipal, school_rows_by_number
):
    add_reports(
        municipal, [read_report(write_data_sheet(tmp_path / "a.xlsx", school_rows_by_number[1]))]
    )
    add_reports(
        municipal,
        [read_report(write_data_sheet(tmp_path / "b.xlsx", _later(school_rows_by_number[1])))],
    )
    current = stored_reports(municipal, YEAR)[0]
    assert current.report.source == "b.xlsx"
    restored = remove_report(municipal, current.id)
    assert restored is not None and restored.source == "a.xlsx"
    assert [r.source for r in current_reports(municipal, YEAR)] == ["a.xlsx"]


# expected schools, previous year ---------------------------------------------------------------
def test_missing_schools_from_the_expected_list_and_an_imported_list(
    tmp_path, municipal, school_rows_by_number
):
    reports = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    add_reports(municipal, reports[:3])
    add_expected(municipal, "", "МБОУ СОШ № 1")  # matched by the short name
    book = Workbook()
    sheet = book.active
    sheet.append(["Список общеобразовательных организаций Ольховского района"])
    sheet.append([])
    sheet.append(["№ п/п", "Полное наименование", "Краткое наименование", "ИНН"])
    sheet.append([1, reports[1].full_name, "МБОУ СОШ № 2", 3600002])
    sheet.append([2, "МБОУ «Средняя общеобразовательная школа № 3»", "", "3600003"])  # by code
    sheet.append(
        [
            3,
            "Муниципальное казённое общеобразовательное учреждение «Ивановская ООШ»",
            "МКОУ «Ивановская ООШ»",
            "",
        ]
    )
    sheet.append([4, "", "", ""])
    sheet.append([5, "", "", "777"])
    sheet.append([6, "мбоу сош №1", "", ""])  # the same as one in the list already
    book.save(tmp_path / "список.xlsx")
    result = import_expected(municipal, tmp_path / "список.xlsx")
    assert (result.added, result.already) == (3, 1)
    assert result.rejected == ["строка 8: нет наименования школы"]
    assert len(list_expected(municipal)) == 4

    summary = summary_from_store(municipal, YEAR)
    assert summary.expected == 4
    assert [s.short_name for s in summary.missing] == ["МКОУ «Ивановская ООШ»"]
    assert add_expected_from_reports(municipal, reports) == 1  # school № 4


def test_comparison_with_the_previous_year(
    tmp_path, municipal, school_rows_by_number, earlier_rows
):
    this_year = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    last_year = [check_report(dict(r), f"{n}-old.xlsx") for n, r in earlier_rows.items()]
    add_reports(municipal, this_year + last_year)
    assert report_years(municipal) == [BEFORE, YEAR]
    summary = summary_from_store(municipal, YEAR)
    assert summary.previous is not None and summary.previous.schools == 2
    for spec in INDICATORS:
        numerator = sum(
            _value(r, f"indicator_counts.{spec.key}.numerator") for r in earlier_rows.values()
        )
        denominator = sum(
            _value(r, f"indicator_counts.{spec.key}.denominator") for r in earlier_rows.values()
        )
        assert summary.previous.ratio(spec.key) == Ratio(numerator, denominator)
    first = summary.rows[0]
    before = first.previous
    assert before is not None
    assert first.change("students_involved") == round(
        first.share("students_involved") - before["students_involved"].percent, 1
    )
    assert summary.rows[3].previous is None  # № 4 did not report a year before
    lines = {row.label: row for row in summary.comparison()}
    assert lines["Школ, приславших отчёт"].previous == 2
    assert lines["Школ, приславших отчёт"].current == 4
    assert summary_from_store(municipal, BEFORE).previous is None


# writing and reading back ----------------------------------------------------------------------
def test_summary_workbook_and_its_data_sheet_read_back_as_a_report(
    tmp_path, municipal, school_rows_by_number, earlier_rows
):
    reports = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    reports += [check_report(dict(r), f"{n}-old.xlsx") for n, r in earlier_rows.items()]
    add_reports(municipal, reports)
    add_expected(
        municipal, "Муниципальное бюджетное общеобразовательное учреждение «Ивановская ООШ»"
    )
    summary = summary_from_store(municipal, YEAR, made_on=date(2025, 11, 25))
    target = export_summary_xlsx(summary, tmp_path / "Сводка.xlsx")

    book = load_workbook(target)
    assert book.sheetnames == ["Сводка", "Показатели", "Сравнение", "Не прислали отчёт", "data"]
    sheet = book["Сводка"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "№ п/п")
    names = [row[1] for row in values[header + 1 : header + 6]]
    assert names == [*(f"МБОУ СОШ № {n}" for n in range(1, 5)), "Итого по муниципалитету"]
    column = values[header].index("Обучающиеся в наставничестве, %")
    total_cell = sheet.cell(row=header + 6, column=column + 1)
    assert total_cell.value == summary.totals.share("students_involved")
    assert total_cell.fill.fgColor.rgb.endswith("F4CCCC")  # under 70 %: highlighted
    missing = [c.value for c in book["Не прислали отчёт"]["B"] if c.value]
    assert missing[-2:] == [
        "Наименование",
        "Муниципальное бюджетное общеобразовательное учреждение «Ивановская ООШ»",
    ]

    back = read_report(target)  # the region reads a municipality as it were a school
    assert back.figures["level"] == "municipality"
    assert back.full_name == CENTRE.name and back.municipality == MUNICIPALITY
    assert back.code == "3600" and back.year == YEAR
    for spec in INDICATORS:
        assert back.ratio(spec.key) == summary.totals.ratio(spec.key)
        if spec.share_key:
            assert back.figures[spec.share_key] == summary.totals.share(spec.key)
    assert back.count("mentors") == summary.totals.count("mentors")

    # two municipalities merged one level up, the same way
    other = export_summary_xlsx(
        build_summary(
            [reports[0]],
            YEAR,
            centre=CentreProfile(
                name="Отдел образования Каменского района", municipality="Каменский"
            ),
        ),
        tmp_path / "Каменский.xlsx",
    )
    region = build_summary(read_reports([target, other]).reports, YEAR)
    assert region.totals.schools == 2
    assert region.totals.ratio("students_involved") == summary.totals.ratio(
        "students_involved"
    ) + reports[0].ratio("students_involved")


def test_municipal_summaries_do_not_mix_with_schools_reports(
    tmp_path, municipal, school_rows_by_number
):
    reports = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    summary = build_summary(reports, YEAR, centre=CENTRE)
    export_summary_xlsx(summary, tmp_path / "Сводка.xlsx")
    summary_report = read_report(tmp_path / "Сводка.xlsx")
    kept, skipped = one_level([*reports, summary_report])
    assert kept == reports and "сводка муниципалитета" in skipped[0].reason
    add_reports(municipal, reports)
    refused = add_reports(municipal, [summary_report])
    assert refused.taken == [] and "не смешивают" in refused.not_added[0].reason


def test_analytical_note_pdf(tmp_path, municipal, school_rows_by_number, earlier_rows):
    from pypdf import PdfReader

    reports = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    reports += [check_report(dict(r), f"{n}-old.xlsx") for n, r in earlier_rows.items()]
    add_reports(municipal, reports)
    add_expected(municipal, "МКОУ «Ивановская ООШ»")
    summary = summary_from_store(municipal, YEAR, made_on=date(2025, 11, 25))
    target = export_summary_pdf(summary, tmp_path / "Справка.pdf")

    pdf = PdfReader(str(target))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    assert "Аналитическая справка" in text
    assert "25 ноября 2025" in flat
    assert CENTRE.name in flat
    for spec in INDICATORS:
        share = summary.totals.share(spec.key)
        if share is not None:
            assert f"{share:.1f}".replace(".", ",") in flat
    assert "Сравнение с 2024/2025 учебным годом" in flat
    assert "Не представили отчёт (1): МКОУ «Ивановская ООШ»" in flat
    # four schools reported, none of them in the list of one: five are awaited, not «4 из 1»
    assert "Отчёты получены от 4 из 5 школ" in flat
    assert "Не представили отчёт 1 из 5 школ: их данные в сводку не вошли." in flat
    assert f"Страница 1 из {len(pdf.pages)}" in flat
    assert "Смирнова Ольга Петровна" in flat
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font_descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            else:
                font_descriptor = font["/FontDescriptor"]
            descriptor = font_descriptor.get_object()
            assert "/FontFile2" in descriptor  # embedded
            fonts.add(str(font["/BaseFont"]))
    assert all("LiberationSerif" in name for name in fonts)


# the data file ---------------------------------------------------------------------------------
def test_municipal_file_is_marked_and_refuses_a_schools_database(tmp_path, school_store):
    store = open_municipal_store(tmp_path / "m.sqlite", backups=False)
    try:
        assert is_municipal(store) and get_centre(store) == CentreProfile()
        assert save_centre(store, CENTRE) == CENTRE
        with pytest.raises(CentreError, match="Укажите наименование"):
            save_centre(store, CentreProfile(municipality="Х"))
    finally:
        store.close()
    school_store.close()
    with pytest.raises(CentreError, match="база школы"):
        open_municipal_store(school_store.path, backups=False)


def test_version_3_file_gains_the_municipal_tables(tmp_path):
    path = tmp_path / "old.sqlite"
    assert prepare_file(path, target=3) == [1, 2, 3]
    assert prepare_file(path) == [4]
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert {"municipal_report", "expected_school"} <= tables


# command line ----------------------------------------------------------------------------------
def _cli(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nastavapp", "consolidate", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_command_line_prints_each_file_and_the_totals(tmp_path, school_rows_by_number):
    folder = _mixed_folder(tmp_path / "reports", school_rows_by_number)
    out = tmp_path / "Сводка.xlsx"
    done = _cli(folder, "--out", out, "--year", "2025/2026")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for number in (2, 3, 4):
        assert f"Принят: Отчёт_СОШ_{number}.xlsx — МБОУ СОШ № {number}, 2025/2026" in lines
    assert "Принят: Отчёт_СОШ_1_исправленный.xlsx — МБОУ СОШ № 1, 2025/2026" in lines
    assert any(line.startswith("Заменён более новым: Отчёт_СОШ_1.xlsx") for line in lines), lines
    assert "Пропущен: повреждённый.xlsx: файл повреждён или это не книга Excel." in lines
    assert any(
        line.startswith("Пропущен: новый_формат.xlsx: отчёт сделан более новой") for line in lines
    )
    assert any(
        line.startswith("Пропущен: невозможная_доля.xlsx: невозможные числа") for line in lines
    )
    assert any(
        line.startswith("Пропущен: список_класса.xlsx: это не отчёт школы") for line in lines
    )
    assert "Сводка за 2025/2026 учебный год. Отчёты получены от 4 школ." in lines
    assert any(
        line.startswith("По муниципалитету: обучающиеся в наставничестве — ") for line in lines
    )
    assert lines[-1] == f"Сводка сохранена: {out}"
    assert read_report(out).count("persons.students") > 0

    pdf = _cli(folder / "Отчёт_СОШ_2.xlsx", "--out", tmp_path / "Справка.pdf")
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "Справка.pdf").read_bytes().startswith(b"%PDF")


def test_command_line_fails_only_when_nothing_could_be_read(tmp_path, school_rows_by_number):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"PK\x03\x04broken")
    write_data_sheet(folder / "b.xlsx", _newer(school_rows_by_number[1]))
    done = _cli(folder, "--out", tmp_path / "s.xlsx")
    assert done.returncode == 1
    assert "Пропущен: a.xlsx: файл повреждён" in done.stdout
    assert "Ошибка: не удалось прочитать ни одного отчёта школы." in done.stderr
    assert not (tmp_path / "s.xlsx").exists()

    wrong = _cli(folder, "--out", tmp_path / "s.docx")
    assert wrong.returncode == 1 and "s.docx" in wrong.stderr
    bad_year = _cli(folder, "--out", tmp_path / "s.xlsx", "--year", "2025")
    assert bad_year.returncode == 1 and "записан неверно" in bad_year.stderr


def test_command_line_with_a_municipal_file_keeps_the_reports(tmp_path, school_rows_by_number):
    first = write_data_sheet(tmp_path / "1.xlsx", school_rows_by_number[1])
    second = write_data_sheet(tmp_path / "2.xlsx", school_rows_by_number[2])
    db = tmp_path / "municipal.sqlite"
    assert _cli(first, "--out", tmp_path / "a.xlsx", "--db", db).returncode == 0
    done = _cli(second, "--out", tmp_path / "b.xlsx", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Отчёты получены от 2 школ" in done.stdout
    assert read_report(tmp_path / "b.xlsx").count("schools.reported") == 2


def _exporter_available() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "nastavapp", "export", "report", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode == 0


def test_the_schools_own_exporter_makes_a_file_the_centre_takes(tmp_path):
    if not _exporter_available():
        pytest.skip("«nastavapp export report» is not there yet (the school's report exporter)")
    db = make_school(tmp_path, 5)
    out = tmp_path / "Отчёт.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "nastavapp", "export", "report", "--db", str(db), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = read_report(out)
    assert report.name == "МБОУ СОШ № 5" and report.code == "3600005"
    assert report.ratio("students_involved").denominator > 0


def test_reading_is_fast(tmp_path, school_rows_by_number):
    import time

    for number in range(40):
        rows = changed(school_rows_by_number[1 + number % 4], school__code=f"9{number:04d}")
        write_data_sheet(tmp_path / f"{number}.xlsx", rows)
    started = time.perf_counter()
    result = read_reports([tmp_path])
    assert len(result.reports) == 40
    assert time.perf_counter() - started < 2.0  # 200 files must take under 10 s
    assert zipfile.is_zipfile(tmp_path / "0.xlsx")


def test_an_older_report_received_later_does_not_replace_the_newer_one(
    tmp_path, municipal, school_rows_by_number
):
    """A file sent again from an old e-mail used to push the newer figures into history."""
    older = write_data_sheet(tmp_path / "old.xlsx", school_rows_by_number[2])
    newer = write_data_sheet(tmp_path / "new.xlsx", _later(school_rows_by_number[2]))
    add_reports(municipal, [read_report(newer)])
    late = add_reports(municipal, [read_report(older)], replace=True)
    assert late.taken == []
    [skipped] = late.not_added
    assert skipped.reason.startswith("в программе уже есть более новый отчёт этой школы за ")
    assert skipped.reason.endswith(": оставлен он.")
    assert [r.source for r in current_reports(municipal, YEAR)] == ["new.xlsx"]


def test_the_summary_never_overwrites_a_school_report_given_as_input(
    tmp_path, school_rows_by_number
):
    report = write_data_sheet(tmp_path / "s1.xlsx", school_rows_by_number[1])
    before = report.read_bytes()
    done = _cli(report, "--out", report)
    assert done.returncode != 0
    assert "«s1.xlsx» — один из отчётов школ: сводку сохраните в другой файл." in done.stderr
    assert report.read_bytes() == before  # the school's report used to become the summary


def test_a_numbered_list_of_schools_without_a_header_takes_the_names(tmp_path, municipal):
    from nastavapp.services.consolidation.expected import read_expected_list

    book = Workbook()
    sheet = book.active
    for number, name in enumerate(("МБОУ СОШ № 1", "МБОУ «Ивановская ООШ»", "МКОУ СОШ № 3"), 1):
        sheet.append([number, name])
    book.save(tmp_path / "школы.xlsx")
    schools, rejected = read_expected_list(tmp_path / "школы.xlsx")
    # the numbers used to become the schools' names: «1», «2», «3»
    assert [s.full_name for s in schools] == [
        "МБОУ СОШ № 1",
        "МБОУ «Ивановская ООШ»",
        "МКОУ СОШ № 3",
    ]
    assert rejected == []


def test_analytical_note_counts_need_no_agreement_with_the_numbers(
    tmp_path, municipal, school_rows_by_number
):
    """«вовлечены 332 наставников» (and «1 наставляемых») read wrong: the counts stand after
    a dash, as the contingent's do, whatever the number."""
    from pypdf import PdfReader

    from nastavapp.services.consolidation.figures import count_text

    reports = [check_report(dict(r), f"{n}.xlsx") for n, r in school_rows_by_number.items()]
    add_reports(municipal, reports)
    summary = summary_from_store(municipal, YEAR, made_on=date(2025, 11, 25))
    target = export_summary_pdf(summary, tmp_path / "Справка.pdf")
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    totals = summary.totals
    expected = (
        f"наставников — {count_text(totals.count('mentors'))}, наставляемых — "
        f"{count_text(totals.count('mentees'))}, наставнических пар и групп — "
        f"{count_text(totals.count('groups'))}; наставляемых без пары — "
        f"{count_text(totals.count('unpaired_mentees'))}."
    )
    assert expected in flat
