"""«План мероприятий (дорожная карта)» as PDF and xlsx: read back with pypdf and openpyxl."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from nastavapp.models import AcademicYear, IssuedDocument, Person, RoadmapEvent
from nastavapp.models.vocab import DocumentKind, PersonCategory, RoadmapStage
from nastavapp.services.demo import create_demo
from nastavapp.services.documents import output
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.roadmap_export import export_roadmap
from nastavapp.services.documents.roadmap_rows import (
    EventRow,
    StageRow,
    build_roadmap_document,
    period_text,
)
from nastavapp.store import Store, open_store

from .test_cli import run_cli

DEMO_TODAY = date(2025, 11, 20)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[Store]:
    opened = open_store(demo_path, create=False)
    yield opened
    opened.close()


def squeeze(text: str) -> str:
    """Text with every kind of white space removed: line breaks inside cells do not matter."""
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def stage_events(store: Store, stage: RoadmapStage) -> list[RoadmapEvent]:
    with store.session() as session:
        return list(
            session.exec(
                select(RoadmapEvent)
                .where(RoadmapEvent.stage == stage.value)
                .order_by(col(RoadmapEvent.position))
            ).all()
        )


def regulations_order(store: Store) -> IssuedDocument:
    with store.session() as session:
        return session.exec(
            select(IssuedDocument).where(IssuedDocument.kind == DocumentKind.ORDER_REGULATIONS)
        ).one()


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_holds_school_stamp_title_events_and_page_numbers(demo_store, tmp_path):
    target = tmp_path / "дорожная карта.pdf"
    written = export_roadmap(demo_store, target)
    assert written == target.absolute()
    text = pdf_text(target)
    flat = squeeze(text)
    school = build_roadmap_document(demo_store)
    assert squeeze(school.school_full_name) in flat
    assert "УТВЕРЖДАЮ" in text
    assert squeeze("План мероприятий (дорожная карта)") in flat
    assert squeeze("внедрения целевой модели наставничества") in flat
    assert squeeze("на 2025/2026 учебный год") in flat
    assert squeeze("Этап 1. Подготовка условий для запуска программы") in flat
    events = stage_events(demo_store, RoadmapStage.PREPARATION)
    assert len(events) >= 5
    for event in events:
        assert squeeze(event.name) in flat, event.name
    assert "Страница 1 из" in text
    pages = int(re.search(r"Страница 1 из (\d+)", text).group(1))
    assert pages > 1
    assert f"Страница {pages} из {pages}" in text
    order = regulations_order(demo_store)
    assert squeeze(f"Приказ от {order.issued_on:%d.%m.%Y} № {order.number}") in flat
    assert "■" not in text


def test_pdf_is_a4_landscape_with_embedded_fonts_and_no_helvetica(demo_store, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "roadmap.pdf"
    export_roadmap(demo_store, target)
    reader = PdfReader(target)
    fonts: set[str] = set()
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
        resources = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            fonts.add(name)
            descendant = font.get("/DescendantFonts")
            descriptor = (
                descendant[0].get_object()["/FontDescriptor"]
                if descendant
                else font["/FontDescriptor"]
            ).get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert any("LiberationSerif" in f or "PTSerif" in f for f in fonts), fonts
    assert not any("Helvetica" in f or "Times" in f for f in fonts), fonts


def test_pdf_of_a_new_school_leaves_the_order_blank_and_escapes_text(school_store, tmp_path):
    with school_store.session() as session:
        event = session.exec(select(RoadmapEvent).where(RoadmapEvent.stage == 1)).first()
        event.name = "Совещание <рабочей группы> & педсовет"
        event.content = "1. Проверка «A < B & C»\n\n2. Итоги"
        session.add(event)
        session.commit()
    target = tmp_path / "roadmap.pdf"
    export_roadmap(school_store, target)
    flat = squeeze(pdf_text(target))
    assert squeeze("Приказ от «___» ____________ 20___ г. № _____") in flat
    assert squeeze("Совещание <рабочей группы> & педсовет") in flat
    assert squeeze("Проверка «A < B & C»") in flat
    assert squeeze("Директор МБОУ «Сосновская СОШ»") in flat
    assert squeeze("Н. В. Ёлкина") in flat


# --- rows --------------------------------------------------------------------------------


def test_rows_number_events_within_stages_and_name_the_responsible(school_store):
    with school_store.session() as session:
        teacher = Person(
            category=PersonCategory.TEACHER,
            last_name="Смирнова",
            first_name="Ольга",
            middle_name="Павловна",
        )
        session.add(teacher)
        session.flush()
        event = session.exec(
            select(RoadmapEvent).where(RoadmapEvent.stage == 2, RoadmapEvent.position == 1)
        ).one()
        event.responsible_person_id = teacher.id
        session.add(event)
        session.commit()
    document = build_roadmap_document(school_store)
    assert document.year_title == "2025/2026"
    stages = [r for r in document.rows if isinstance(r, StageRow)]
    assert [s.text for s in stages][:2] == [
        "Этап 1. Подготовка условий для запуска программы",
        "Этап 2. Формирование базы наставляемых",
    ]
    assert len(stages) == 7
    numbers = [r.number for r in document.rows if isinstance(r, EventRow)]
    assert numbers[:3] == ["1.1", "1.2", "1.3"]
    assert "2.1" in numbers and "7.1" in numbers
    first_of_stage_2 = next(r for r in document.events if r.number == "2.1")
    assert "Смирнова\u00a0О.\u00a0П." in first_of_stage_2.responsible
    curator_event = next(r for r in document.events if r.responsible.startswith("Куратор"))
    assert "Петров\u00a0И.\u00a0С." in curator_event.responsible
    assert all(line[0].isdigit() for r in document.events for line in r.content)


def test_unknown_year_and_missing_school_are_refused_in_russian(school_store, store):
    with pytest.raises(ExportError, match="Учебного года 2030/2031 нет в базе"):
        build_roadmap_document(school_store, "2030/2031")
    assert build_roadmap_document(school_store, "2025/2026").year_title == "2025/2026"


def test_a_file_without_a_school_is_refused(store):
    with pytest.raises(ExportError, match="нет сведений о школе"):
        build_roadmap_document(store)


@pytest.mark.parametrize(
    ("label", "start", "end", "expected"),
    [
        ("Сентябрь", date(2025, 9, 1), date(2025, 9, 30), "Сентябрь 2025"),
        ("Октябрь–ноябрь", date(2025, 10, 1), date(2025, 11, 30), "Октябрь–ноябрь 2025"),
        (
            "Декабрь–январь",
            date(2025, 12, 1),
            date(2026, 1, 31),
            "Декабрь 2025 – январь 2026",
        ),
        ("В течение года", date(2025, 9, 1), date(2026, 8, 31), "В течение года"),
        ("", date(2025, 9, 1), date(2026, 8, 31), "В течение года"),
        ("Сентябрь", date(2025, 9, 15), date(2025, 10, 10), "15.09.2025 – 10.10.2025"),
        ("Май", date(2026, 5, 25), date(2026, 5, 25), "25.05.2026"),
        (
            "По графику",
            date(2025, 11, 1),
            date(2025, 11, 30),
            "По графику\n01.11.2025 – 30.11.2025",
        ),
        ("Ежемесячно", None, None, "Ежемесячно"),
        ("", None, date(2025, 10, 1), "до 01.10.2025"),
    ],
)
def test_period_text(label, start, end, expected):
    year = AcademicYear(title="2025/2026", start_date=date(2025, 9, 1), end_date=date(2026, 8, 31))
    assert period_text(label, start, end, year) == expected


# --- xlsx --------------------------------------------------------------------------------


def test_xlsx_holds_the_same_table_frozen_and_printable(demo_store, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "roadmap.xlsx"
    export_roadmap(demo_store, target)
    sheet = load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(values, start=1) if row[0] == "№ п/п")
    assert values[header - 1][1:] == (
        "Мероприятие",
        "Содержание деятельности",
        "Сроки",
        "Ответственные",
        "Результат",
    )
    body = values[header:]
    assert body[0][0] == "Этап 1. Подготовка условий для запуска программы"
    events = stage_events(demo_store, RoadmapStage.PREPARATION)
    first_stage = body[1 : 1 + len(events)]
    assert [row[0] for row in first_stage] == [f"1.{i}" for i in range(1, len(events) + 1)]
    assert [row[1] for row in first_stage] == [e.name for e in events]
    assert first_stage[0][2].startswith("1. ")
    assert first_stage[0][3] == "Сентябрь 2025"
    assert body[1 + len(events)][0] == "Этап 2. Формирование базы наставляемых"
    flat = "\n".join(str(v) for row in values for v in row if v)
    assert "УТВЕРЖДАЮ" in flat
    assert "План мероприятий (дорожная карта)" in flat
    # stage rows merged across the table and bold
    stage_ref = f"A{header + 1}:F{header + 1}"
    assert stage_ref in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(row=header + 1, column=1).font.bold
    assert sheet.cell(row=header + 2, column=3).alignment.wrap_text
    # frozen header, landscape A4 fitted to the width, header row repeated when printed
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)  # 9 = A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(sheet.page_setup.fitToWidth) == 1
    assert sheet.print_title_rows.replace("$", "") == f"{header}:{header}"
    assert "Страница &P из &N" in sheet.oddFooter.center.text


# --- safe writing ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_locked_target_keeps_the_earlier_file(demo_store, tmp_path, monkeypatch, suffix):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"roadmap{suffix}"
    target.write_bytes(b"the earlier file")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(output.os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_roadmap(demo_store, target)
    message = str(caught.value)
    assert "roadmap" in message and "открыт в Excel или другой программе" in message
    assert "Закройте файл" in message and "другое имя" in message
    assert target.read_bytes() == b"the earlier file"
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_a_failure_while_writing_leaves_no_temporary_file(demo_store, tmp_path, monkeypatch):
    from nastavapp.services.documents import roadmap_pdf

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "roadmap.pdf"

    def broken(document, path):
        Path(path).write_bytes(b"half")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(roadmap_pdf, "write_roadmap_pdf", broken)
    with pytest.raises(RuntimeError):
        export_roadmap(demo_store, target)
    assert list(folder.iterdir()) == []


def test_an_unknown_extension_is_refused(demo_store, tmp_path):
    with pytest.raises(ExportError, match=r"PDF \(\.pdf\) или в Excel \(\.xlsx\)"):
        export_roadmap(demo_store, tmp_path / "roadmap.docx")
    assert not (tmp_path / "roadmap.docx").exists()


def test_a_read_only_folder_is_refused_in_russian(demo_store, tmp_path, monkeypatch):
    def no_right(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", no_right)
    with pytest.raises(ExportError, match="Нет права записывать файлы в папку"):
        export_roadmap(demo_store, tmp_path / "roadmap.pdf")
    assert not (tmp_path / "roadmap.pdf").exists()


# --- command line ------------------------------------------------------------------------


def test_cli_writes_both_formats_and_refuses_docx(demo_path, tmp_path, data_home):
    from openpyxl import load_workbook

    for name in ("roadmap.pdf", "roadmap.xlsx"):
        out = tmp_path / name
        result = run_cli(
            "export", "roadmap", "--db", str(demo_path), "--out", str(out), home=data_home
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out.absolute())
    assert "УТВЕРЖДАЮ" in pdf_text(tmp_path / "roadmap.pdf")
    assert load_workbook(tmp_path / "roadmap.xlsx").active.freeze_panes
    docx = str(tmp_path / "r.docx")
    refused = run_cli("export", "roadmap", "--db", str(demo_path), "--out", docx, home=data_home)
    assert refused.returncode == 2
    assert "Ошибка" in refused.stderr and ".pdf" in refused.stderr and ".xlsx" in refused.stderr
    assert not (tmp_path / "r.docx").exists()
    args = ("--db", str(demo_path), "--out", str(tmp_path / "x.pdf"), "--year", "2019/2020")
    unknown = run_cli("export", "roadmap", *args, home=data_home)
    assert unknown.returncode == 1
    assert "Учебного года 2019/2020 нет в базе" in unknown.stderr


# --- fonts -------------------------------------------------------------------------------


def test_bundled_fonts_ship_with_their_licences_and_register_once():
    from nastavapp.resource_files import resource
    from nastavapp.services.documents.fonts import font_path_names, register_fonts

    names = font_path_names()
    assert "LiberationSerif-Regular.ttf" in names and "PTSans-Bold.ttf" in names
    assert not any("times" in n.lower() for n in names)
    for name in names:
        assert resource("fonts", name).is_file(), name
    assert "SIL OPEN FONT LICENSE" in resource("fonts", "LICENSE-LiberationSerif.txt").read_text(
        encoding="utf-8"
    )
    assert "ParaType" in resource("fonts", "LICENSE-PTSans-PTSerif.txt").read_text(encoding="utf-8")
    first = register_fonts()
    assert register_fonts() == first
    assert first["LiberationSerif"].bold == "LiberationSerif-Bold"
