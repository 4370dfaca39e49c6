"""«Отчёт в муниципальный центр»: the xlsx and the PDF read back, personal data, the CLI."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from nastavapp.models import GroupMember, MentoringGroup, Person, School
from nastavapp.models.vocab import GroupStatus
from nastavapp.services.consents import withdraw_consent, without_consent
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.report_content import build_report_content
from nastavapp.services.documents.report_export import (
    export_report,
    report_file_name,
    safe_name_part,
)
from nastavapp.services.documents.report_lists import NO_CONSENT, ReportLists
from nastavapp.services.documents.report_xlsx import PAIRS_SHEET, PEOPLE_SHEET, REPORT_SHEET
from nastavapp.services.report_data import DATA_SHEET, FORMAT_VERSION, HEADER, flatten
from nastavapp.store import Store

from .test_cli import run_cli

DAY = date(2025, 11, 20)
NOW = datetime(2025, 11, 22, 10, 0)
SCHOOL = "Сосновская средняя общеобразовательная школа"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def xlsx_strings(path: Path) -> list[str]:
    """Every cell of every sheet as text (rich text too)."""
    book = load_workbook(path, rich_text=True)
    return [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@pytest.fixture
def demo_store(demo):
    """A fresh copy of the demo school (conftest's ``demo``), by this module's name."""
    return demo


def paired_people(store: Store) -> tuple[list[Person], list[Person]]:
    """(mentors, mentees) of live pairs and groups."""
    with store.session() as session:
        groups = session.exec(
            select(MentoringGroup).where(MentoringGroup.status != GroupStatus.DISBANDED)
        ).all()
        mentors = [session.get(Person, g.mentor_id) for g in groups]
        members = session.exec(
            select(GroupMember).where(GroupMember.group_id.in_([g.id for g in groups]))
        ).all()
        mentees = [session.get(Person, m.person_id) for m in members]
    return [m for m in mentors if m], [m for m in mentees if m]


@pytest.fixture
def withdrawn(demo_store: Store) -> list[Person]:
    """Three mentees and a mentor of live pairs whose consents are withdrawn."""
    mentors, mentees = paired_people(demo_store)
    chosen = [*mentees[:3], mentors[-1]]
    hidden = without_consent(demo_store)
    for person in chosen:
        if person.id not in hidden:
            withdraw_consent(demo_store, person.id, DAY, today=DAY)
    return chosen


def unconsented_names(store: Store) -> list[str]:
    hidden = without_consent(store)
    with store.session() as session:
        people = session.exec(select(Person)).all()
    named = {p.full_name for p in people if p.id not in hidden}
    found = []
    for p in people:
        if p.id in hidden:
            found += [p.full_name, f"{p.last_name} {p.first_name}"]
            if p.short_name not in {q.short_name for q in people if q.id not in hidden}:
                found.append(p.short_name)
    assert not set(found) & named
    return found


# --- names and formats ---------------------------------------------------------------------------


def test_file_name_is_fit_for_e_mail():
    assert (
        report_file_name("МБОУ «Сосновская СОШ»", "2025/2026")
        == "Наставничество_МБОУ_Сосновская_СОШ_2025-2026.xlsx"
    )
    assert (
        report_file_name('МКОУ "Школа: №1" <село>', "2025/2026", ".pdf")
        == "Наставничество_МКОУ_Школа_№1_село_2025-2026.pdf"
    )
    assert safe_name_part(' «/:*?"<>|» ') == ""
    assert report_file_name("", "2025/2026") == "Наставничество_2025-2026.xlsx"


def test_other_extension_is_refused(demo_store, tmp_path):
    with pytest.raises(ExportError, match=r"Excel .*PDF"):
        export_report(demo_store, tmp_path / "отчёт.docx", DAY)
    assert not list(tmp_path.glob("отчёт*"))


def test_hidden_participants_are_counted_in_russian():
    def text(n: int) -> str:
        return ReportLists((), (), n, 0).hidden_text

    assert text(0) == ""
    assert text(1) == "ещё 1 участник без согласия не назван"
    assert text(3) == "ещё 3 участника без согласия не названы"
    assert text(11) == "ещё 11 участников без согласия не названы"
    assert text(21) == "ещё 21 участник без согласия не назван"
    assert text(38) == "ещё 38 участников без согласия не названы"


# --- xlsx -------------------------------------------------------------------------------------------


def test_data_sheet_matches_stats_json_key_by_key(demo_store, tmp_path, data_home):
    target = tmp_path / "отчёт.xlsx"
    export_report(demo_store, target, DAY, now=NOW)
    book = load_workbook(target)
    assert book.sheetnames == [REPORT_SHEET, DATA_SHEET]  # no lists unless asked for
    rows = list(book[DATA_SHEET].iter_rows(values_only=True))
    assert rows[0] == HEADER
    data = {key: value for key, value in rows[1:]}
    assert len(data) == len(rows) - 1  # every key once

    result = run_cli(
        "stats", "--db", str(demo_store.path), "--json", "--date", DAY.isoformat(), home=data_home
    )
    assert result.returncode == 0, result.stderr
    stats = dict(flatten(json.loads(result.stdout)))
    school = stats.pop("school")
    assert data["school.full_name"] == school
    for key, value in stats.items():
        assert key in data, key
        assert data[key] == value, key
    assert data["format_version"] == FORMAT_VERSION
    assert data["school.short_name"] == "МБОУ «Сосновская СОШ»"
    assert data["generated_at"] == "2025-11-22T10:00:00"
    assert set(data) - set(stats) == {
        "format_version",
        "program_version",
        "generated_at",
        "school.full_name",
        "school.short_name",
        "school.municipality",
        "school.code",
    }


def test_report_sheet_is_tidy_and_printable(demo_store, tmp_path):
    target = tmp_path / "отчёт.xlsx"
    export_report(demo_store, target, DAY, now=NOW)
    sheet = load_workbook(target)[REPORT_SHEET]
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9  # A4
    assert setup.orientation == "portrait"
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_area == f"'{REPORT_SHEET}'!$A$1:$G${sheet.max_row}"
    assert sheet.freeze_panes == "A4"  # title, school and year stay in sight
    assert "Страница &P из &N" in sheet.oddFooter.center.text
    assert all(sheet.column_dimensions[c].width >= 5 for c in "ABCDEFG")

    cells = {str(c.value): c for row in sheet.iter_rows() for c in row if c.value is not None}
    texts = list(cells)
    assert texts[0] == "Отчёт о реализации целевой модели наставничества"
    assert any(SCHOOL in t for t in texts)
    assert "за 2025/2026 учебный год" in texts
    assert "20.11.2025" in texts and "22.11.2025" in texts
    assert any(t.startswith("Доля обучающихся в возрасте от 10 до 19 лет") for t in texts)
    assert any("Как он считается".casefold() in t.casefold() for t in texts)
    assert "не менее 70" in texts
    assert "ученик – ученик" in texts
    assert any(t.startswith("Формирование базы наставляемых") for t in texts)
    assert "Наставляемые" in texts and "Наставники" in texts
    # an indicator: its title and, in italics below, how it is counted; wrapped, row tall enough
    indicator = next(c for t, c in cells.items() if t.startswith("Доля педагогических"))
    assert "от всех педагогов школы" in str(indicator.value)
    assert indicator.alignment.wrap_text
    assert sheet.row_dimensions[indicator.row].height >= 4 * 11
    # numbers stay numbers (a share with one decimal), a missing target is «—»
    share = sheet.cell(row=indicator.row, column=5)
    assert isinstance(share.value, float) and share.number_format == "0.0"
    mentors_row = next(
        c for t, c in cells.items() if t.startswith("Доля обучающихся в возрасте от 15")
    )
    assert sheet.cell(row=mentors_row.row, column=6).value == "—"


def test_report_of_a_school_without_pupils_shows_dashes(school_store, tmp_path):
    target = tmp_path / "отчёт.xlsx"
    export_report(school_store, target, DAY)
    texts = xlsx_strings(target)
    sheet = load_workbook(target)[REPORT_SHEET]
    first = next(
        c
        for row in sheet.iter_rows()
        for c in row
        if str(c.value).startswith("Доля обучающихся в возрасте от 10")
    )
    assert sheet.cell(row=first.row, column=5).value == "—"
    assert "Отчёт содержит только обобщённые сведения, без персональных данных участников." in texts
    pdf = tmp_path / "отчёт.pdf"
    export_report(school_store, pdf, DAY)
    assert "нет данных" in pdf_text(pdf)


def test_lists_sheets_have_frozen_header_and_print_setup(demo_store, withdrawn, tmp_path):
    target = tmp_path / "отчёт.xlsx"
    export_report(demo_store, target, DAY, with_lists=True)
    book = load_workbook(target)
    assert book.sheetnames == [REPORT_SHEET, PAIRS_SHEET, PEOPLE_SHEET, DATA_SHEET]
    for name in (PAIRS_SHEET, PEOPLE_SHEET):
        sheet = book[name]
        assert sheet.freeze_panes == "A4"
        assert sheet.print_title_rows == "$3:$3"
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.print_options.gridLines
        assert sheet.cell(row=3, column=1).value == "№"
        assert sheet.cell(row=3, column=1).font.b
    pairs = book[PAIRS_SHEET]
    content = build_report_content(demo_store, DAY, with_lists=True)
    assert pairs.max_row == 3 + len(content.lists.pairs)
    assert pairs.cell(row=4, column=1).value == 1
    people = book[PEOPLE_SHEET]
    assert people.cell(row=people.max_row, column=1).value == (
        f"{content.lists.hidden_text.capitalize()}."
    )


# --- personal data ---------------------------------------------------------------------------------


def test_lists_name_only_people_with_a_consent(demo_store, withdrawn, tmp_path):
    forbidden = unconsented_names(demo_store)
    assert {p.full_name for p in withdrawn} <= set(forbidden)
    xlsx, pdf = tmp_path / "отчёт.xlsx", tmp_path / "отчёт.pdf"
    export_report(demo_store, xlsx, DAY, with_lists=True)
    export_report(demo_store, pdf, DAY, with_lists=True)

    cells = xlsx_strings(xlsx)
    flat_cells = squeeze(" ".join(cells))
    text = pdf_text(pdf)
    flat_text = squeeze(text)
    for name in forbidden:
        assert not any(name in c for c in cells), name
        assert squeeze(name) not in flat_cells, name
        assert squeeze(name) not in flat_text, name

    content = build_report_content(demo_store, DAY, with_lists=True)
    lists = content.lists
    assert lists.hidden_participants == len(
        {p.id for p in withdrawn}
    )  # the demo's others without consent take no part
    assert lists.unnamed_in_pairs == len(withdrawn)
    hidden = lists.hidden_text
    assert hidden == "ещё 4 участника без согласия не названы"
    assert any(hidden.capitalize() in c for c in cells)
    assert squeeze(hidden.capitalize()) in flat_text
    assert NO_CONSENT in "\n".join(cells) and NO_CONSENT in text
    # the consented are there by name
    mentors, _mentees = paired_people(demo_store)
    assert mentors[0].full_name in cells
    assert squeeze(mentors[0].full_name) in flat_text


def test_without_lists_nobody_is_named(demo_store, tmp_path):
    mentors, mentees = paired_people(demo_store)
    xlsx, pdf = tmp_path / "отчёт.xlsx", tmp_path / "отчёт.pdf"
    export_report(demo_store, xlsx, DAY)
    export_report(demo_store, pdf, DAY)
    everything = squeeze(" ".join(xlsx_strings(xlsx))) + squeeze(pdf_text(pdf))
    with demo_store.session() as session:
        school = session.exec(select(School)).one()
    staff = {school.curator_last_name, school.director_last_name}
    for person in [*mentors, *mentees]:
        if person.last_name in staff:
            continue
        assert squeeze(person.full_name) not in everything


# --- PDF ----------------------------------------------------------------------------------------------


def test_pdf_holds_school_indicators_charts_and_page_numbers(demo_store, tmp_path):
    target = tmp_path / "отчёт.pdf"
    export_report(demo_store, target, DAY, now=NOW)
    reader = PdfReader(target)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = squeeze(text)
    assert squeeze(SCHOOL) in flat
    assert squeeze("Отчёт о реализации целевой модели наставничества") in flat
    assert squeeze("Доля обучающихся в возрасте от 10 до 19 лет") in flat
    assert squeeze("Доля педагогических работников") in flat
    assert squeeze("Доля молодых специалистов") in flat
    assert squeeze("целевое значение 70 %") in flat  # the chart's target line
    for figure in ("Рисунок 1.", "Рисунок 2.", "Рисунок 3."):
        assert squeeze(figure) in flat
    assert "Страница 1 из" in text
    total = len(reader.pages)
    assert f"Страница {total} из {total}" in text
    assert "21,8" in text  # the demo's share of pupils 10–19 as mentees, with a decimal comma
    assert "■" not in text
    assert reader.metadata.title.startswith("Отчёт о реализации целевой модели")


def test_pdf_fonts_are_embedded_and_pages_are_a4(demo_store, withdrawn, tmp_path):
    target = tmp_path / "отчёт.pdf"
    export_report(demo_store, target, DAY, with_lists=True)
    reader = PdfReader(target)
    sizes, fonts = [], set()
    for page in reader.pages:
        sizes.append((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        resources = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font.get("/DescendantFonts")
            descriptor = (
                descendant[0].get_object()["/FontDescriptor"]
                if descendant
                else font["/FontDescriptor"]
            ).get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
    assert sizes[0] == (595, 842)  # the report: A4 portrait
    assert sizes[-1] == (842, 595)  # the annexes: A4 landscape
    assert any("LiberationSerif" in f for f in fonts) and any("PTSans" in f for f in fonts)
    assert not any("Helvetica" in f or "Times" in f for f in fonts), fonts


def test_pdf_escapes_markup_in_names(demo_store, tmp_path):
    with demo_store.session() as session:
        school = session.exec(select(School)).one()
        school.full_name = "МБОУ «Школа <№ 1> & Co»"
        session.add(school)
        session.commit()
    target = tmp_path / "отчёт.pdf"
    export_report(demo_store, target, DAY)
    assert "МБОУ «Школа <№ 1> & Co»" in pdf_text(target).replace("\u00a0", " ")


# --- safety and progress ------------------------------------------------------------------------------


def test_locked_target_gets_the_message_and_keeps_the_old_file(demo_store, tmp_path, monkeypatch):
    target = tmp_path / "отчёт.xlsx"
    target.write_bytes(b"old version")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт в Excel или другой программе"):
        export_report(demo_store, target, DAY)
    assert target.read_bytes() == b"old version"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_read_only_folder_gets_the_message(demo_store, tmp_path, monkeypatch):
    # (chmod cannot make a folder read-only for root, who runs CI: refuse the temporary file)
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(ExportError, match="Нет права записывать файлы в папку"):
        export_report(demo_store, tmp_path / "отчёт.pdf", DAY)
    assert not list(tmp_path.glob("*отчёт*"))


def test_missing_folder_is_said_in_russian(demo_store, tmp_path):
    with pytest.raises(ExportError, match="не найдена"):
        export_report(demo_store, tmp_path / "нет" / "отчёт.pdf", DAY)


def test_progress_goes_up_to_the_end(demo_store, tmp_path):
    for suffix in (".xlsx", ".pdf"):
        seen: list[tuple[int, int]] = []
        export_report(
            demo_store,
            tmp_path / f"отчёт{suffix}",
            DAY,
            with_lists=True,
            progress=lambda done, total, seen=seen: seen.append((done, total)),
        )
        values = [done for done, _ in seen]
        assert len(values) > 3
        assert values == sorted(values)
        assert seen[-1] == (100, 100)


def test_content_agrees_with_the_figures(demo_store):
    content = build_report_content(demo_store, DAY, now=NOW)
    data = dict(content.data)
    for form in content.forms:
        assert form.total == data[f"groups_by_form.{form.form.value}"]
    for row in content.indicators:
        assert row.percent == data[f"indicators.{row.key}"]
        assert row.numerator == data[f"indicator_counts.{row.key[6:]}.numerator"]
    assert content.roadmap_total.events == data["roadmap.events"]
    assert content.roadmap_total.done == data["roadmap.done"]
    assert content.current_stage.startswith(f"{data['roadmap.current_stage']}. ")
    assert content.lists is None


def test_the_municipal_reader_reads_the_data_sheet(demo_store, tmp_path):
    reading = pytest.importorskip("nastavapp.services.consolidation.reading")
    target = tmp_path / "отчёт.xlsx"
    export_report(demo_store, target, DAY, with_lists=True, now=NOW)
    values = reading.read_values(target)
    content = build_report_content(demo_store, DAY, now=NOW)
    for key, value in content.data:
        assert values[key] == (None if value == "" else value), key  # the reader reads '' as None


# --- the command line ----------------------------------------------------------------------------------


def test_cli_writes_both_formats_and_refuses_another(demo_store, tmp_path, data_home):
    db = str(demo_store.path)
    for name in ("отчёт.xlsx", "отчёт.pdf"):
        out = tmp_path / name
        result = run_cli(
            "export",
            "report",
            "--db",
            db,
            "--out",
            str(out),
            "--date",
            "2025-11-20",
            "--with-lists",
            home=data_home,
        )
        assert result.returncode == 0, result.stderr
        assert Path(result.stdout.strip()) == out
    assert load_workbook(tmp_path / "отчёт.xlsx").sheetnames[-1] == DATA_SHEET
    assert PdfReader(tmp_path / "отчёт.pdf").pages
    refused = run_cli(
        "export", "report", "--db", db, "--out", str(tmp_path / "отчёт.docx"), home=data_home
    )
    assert refused.returncode == 2
    assert "Ошибка: файл «отчёт.docx»" in refused.stderr and "Excel (.xlsx)" in refused.stderr
    assert not (tmp_path / "отчёт.docx").exists()
    wrong_date = run_cli(
        "export",
        "report",
        "--db",
        db,
        "--out",
        str(tmp_path / "x.pdf"),
        "--date",
        "20.11.2025",
        home=data_home,
    )
    assert wrong_date.returncode == 2 and "ГГГГ-ММ-ДД" in wrong_date.stderr
