"""«Положение о системе наставничества обучающихся и педагогических работников»: the Word draft
filled from the school's data and read back, the forms of the year, the approval stamp from the
register, the layout of the orders; a locked target; saving it from the documents screen."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from nastavapp.models import AcademicYear
from nastavapp.models.vocab import MentoringForm
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.regulations import (
    RegulationsError,
    build_regulations,
    export_regulations,
    regulations_file_name,
)
from nastavapp.services.years import current_year
from nastavapp.store import Store

from .conftest import DEMO_DAY

SECTIONS = (
    "1. Общие положения",
    "2. Цели и задачи наставничества",
    "3. Организационные основы наставничества",
    "4. Права и обязанности наставника и наставляемого",
    "5. Формирование наставнических пар и групп, индивидуальные планы",
    "6. Мониторинг и оценка результатов",
    "7. Мотивация наставников",
    "8. Документы, регламентирующие наставничество",
)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def read_docx(path: Path) -> tuple[list[str], list[str]]:
    """(the paragraphs, the table cells) of a Word file, white space squeezed."""
    from docx import Document

    document = Document(str(path))
    paragraphs = [squeeze(p.text) for p in document.paragraphs if p.text.strip()]
    cells = [squeeze(c.text) for t in document.tables for r in t.rows for c in r.cells]
    return paragraphs, cells


def _set_forms(store: Store, forms: list[MentoringForm]) -> None:
    year = current_year(store)
    assert year is not None
    with store.session() as session:
        row = session.get(AcademicYear, year.id)
        assert row is not None
        row.forms = [f.value for f in forms]
        session.add(row)
        session.commit()


def test_demo_school_regulations_read_back(demo, tmp_path):
    path = export_regulations(demo, tmp_path / "положение.docx", today=DEMO_DAY)
    paragraphs, cells = read_docx(path)
    text = " ".join(paragraphs)
    # the school, its people and the year
    assert paragraphs[0] == (
        "Муниципальное бюджетное общеобразовательное учреждение "
        "«Сосновская средняя общеобразовательная школа»"
    )
    assert paragraphs[1:3] == [
        "ПОЛОЖЕНИЕ",
        "о системе наставничества обучающихся и педагогических работников",
    ]
    assert "в МБОУ «Сосновская СОШ» (далее — Школа)" in text
    assert "директор Школы Антонова Инна Геннадьевна" in text
    assert (
        "куратор — заместитель директора по УВР Попова Анна Игоревна, назначенная приказом "
        "директора Школы от 01.09.2025 № 99-о" in text
    )
    assert "в 2025/2026 учебном году" in text
    # the stamps: the register's order «Об утверждении Положения…» fills «УТВЕРЖДЕНО»
    agreed, _gap, approved = cells
    assert approved == "УТВЕРЖДЕНО приказом МБОУ «Сосновская СОШ» от 03.09.2025 № 102-о"
    assert agreed.startswith("СОГЛАСОВАНО педагогическим советом МБОУ «Сосновская СОШ»")
    # the forms the year uses, with their role models
    year = current_year(demo)
    assert year is not None and len(year.forms) == 5
    for code in year.forms:
        assert f"— «{MentoringForm(code).label}» (ролевые модели: «" in text
    assert "«опытный педагог – молодой специалист»" in text
    # the sections, in order, as paragraphs of their own
    places = [paragraphs.index(title) for title in SECTIONS]
    assert places == sorted(places)
    # the legal bases schools cite (the Концепция: the Положение is approved after 21.05.2025)
    for act in (
        "№ 273-ФЗ",
        "№ 152-ФЗ",
        "от 25.12.2019 № Р-145",
        "№ 3273-р",
        "от 21.05.2025 № 1264-р",
    ):
        assert act in text
    # the indicators with the 70 % target, the satisfaction threshold of the data file
    assert (
        "доля педагогических работников, вовлечённых в различные формы наставничества "
        "(целевое значение — не менее 70 %);" in text
    )
    assert "доля обучающихся в возрасте от 10 до 19 лет" in text
    assert "средний балл которого не ниже 7." in text
    # the documents
    for document in (
        "приказ «О внедрении целевой модели наставничества и назначении куратора»",
        "приказ «Об утверждении наставнических пар/групп»",
        "база наставляемых (с их запросами) и база наставников",
        "отчёт о реализации целевой модели наставничества, представляемый в муниципальный центр.",
    ):
        assert document in text


def test_nothing_left_unfilled_and_typography(demo, tmp_path):
    paragraphs, cells = read_docx(export_regulations(demo, tmp_path / "п.docx", today=DEMO_DAY))
    everything = paragraphs + cells
    for line in everything:
        assert not re.search(r"\bNone\b|\bnan\b|[{}]|\s[.,;:]", line), line
        assert '"' not in line and " - " not in line, line  # «», — only
        assert not re.search(r"\w*(?:[а-яё][a-z]|[a-z][а-яё])\w*", line, re.I), line
    # the deliberate blanks are the protocol's in the stamp, nothing else
    assert [c for c in cells if "___" in c] == [cells[0]]
    assert not any("___" in p for p in paragraphs)
    # dates are dd.mm.yyyy
    dates = re.findall(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", " ".join(everything))
    assert dates and all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", d) for d in dates)
    # every list ends with a full stop, its other items with «;»
    for index, line in enumerate(paragraphs[:-1]):
        if line.startswith("— ") and not paragraphs[index + 1].startswith("— "):
            assert line.endswith("."), line
        elif line.startswith("— "):
            assert line.endswith(";"), line


def test_layout_of_the_word_orders(demo, tmp_path):
    from docx import Document
    from docx.shared import Cm, Mm, Pt

    document = Document(str(export_regulations(demo, tmp_path / "п.docx", today=DEMO_DAY)))
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin]
    sizes += [section.top_margin, section.bottom_margin]
    for size, expected in zip(sizes, (210, 297, 20, 10, 20, 20), strict=True):
        assert abs(size - Mm(expected)) < Mm(0.1)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    clauses = [p for p in document.paragraphs if re.match(r"^\d+\.\d+\. ", p.text)]
    assert len(clauses) > 30
    for paragraph in clauses:
        assert abs(paragraph.paragraph_format.first_line_indent - Cm(1.25)) < Mm(0.1)
        assert paragraph.alignment == 3  # justified
    assert document.core_properties.title == (
        "Положение о системе наставничества обучающихся и педагогических работников"
    )


def test_forms_of_the_year_and_blank_approval(school_store, tmp_path):
    """The sample school: two forms, no order registered, a male curator."""
    draft = build_regulations(school_store, today=date(2025, 9, 1))
    assert draft.forms == (MentoringForm.STUDENT_STUDENT, MentoringForm.TEACHER_TEACHER)
    text = squeeze(" ".join(draft.lines()))
    assert "«ученик – ученик» (ролевые модели:" in text
    assert "«учитель – учитель» (ролевые модели:" in text
    assert "«работодатель – ученик» (ролевые" not in text
    assert "студентов профессиональных образовательных организаций" not in text
    assert draft.approved[-1] == "от ___________ № ______"
    assert draft.approval_order == ""
    assert (
        "куратор — заместитель директора по УВР Петров Илья Сергеевич, назначенный приказом "
        "директора Школы. Куратор:" in text
    )
    assert "директор Школы Ёлкина Наталья Викторовна" in text


def test_only_teachers_and_the_concept_by_date(school_store):
    _set_forms(school_store, [MentoringForm.TEACHER_TEACHER])
    before = build_regulations(school_store, today=date(2025, 5, 20))
    text = squeeze(" ".join(before.lines()))
    assert "обучающихся Школы в возрасте от 10 до 19 лет" not in text
    assert "— педагогических работников Школы: молодых специалистов" in text
    assert "В базу наставляемых включаются педагогические работники" in text
    assert "1264-р" not in text and "Р-145" in text
    after = build_regulations(school_store, today=date(2025, 5, 21))
    assert "от 21.05.2025 № 1264-р" in squeeze(" ".join(after.lines()))


def test_missing_details_still_read(school_store):
    """No forms chosen yet, no curator, no director, no short name: sentences still read."""
    from nastavapp.models import School

    _set_forms(school_store, [])
    with school_store.session() as session:
        school = session.get(School, 1)
        assert school is not None
        school.short_name = ""
        for field in ("curator", "director"):
            for part in ("last_name", "first_name", "middle_name"):
                setattr(school, f"{field}_{part}", "")
        school.curator_position = ""
        session.add(school)
        session.commit()
    draft = build_regulations(school_store, today=DEMO_DAY)
    assert draft.forms == ()
    text = squeeze(" ".join(draft.lines()))
    assert "Формы наставничества на учебный год определяются программой наставничества" in text
    assert "куратор — работник Школы, назначенный приказом директора Школы. Куратор:" in text
    assert "осуществляет директор Школы. Директор Школы" in text
    assert "УТВЕРЖДЕНО приказом образовательной организации от" in text
    assert "наставничества в образовательной организации (далее — Школа)" in text
    # the bases name the people of every form
    assert "студентов профессиональных образовательных организаций" in text
    assert "— педагогических работников Школы: молодых специалистов" in text
    for line in draft.lines():
        assert not re.search(r"\bNone\b|[{}]|\s[.,;:]|—\s*[,.]", line), line


def test_no_school_no_regulations(store, tmp_path):
    with pytest.raises(RegulationsError, match="сведения о школе"):
        export_regulations(store, tmp_path / "п.docx", today=DEMO_DAY)
    assert list(tmp_path.glob("*.docx")) == []


def test_only_word(school_store, tmp_path):
    with pytest.raises(ExportError, match=r"Word \(\.docx\)"):
        export_regulations(school_store, tmp_path / "положение.pdf", today=DEMO_DAY)


def test_locked_target_says_so_and_keeps_the_old_file(school_store, tmp_path, monkeypatch):
    target = tmp_path / "положение.docx"
    target.write_bytes(b"old version")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт в Excel или другой программе"):
        export_regulations(school_store, target, today=DEMO_DAY)
    assert target.read_bytes() == b"old version"
    assert [p.name for p in tmp_path.glob("*.docx")] == ["положение.docx"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []  # no half file


def test_file_name():
    assert (
        regulations_file_name("МБОУ «Сосновская СОШ»", "2025/2026")
        == "Положение_о_наставничестве_МБОУ_Сосновская_СОШ_2025-2026.docx"
    )
    assert regulations_file_name("", "") == "Положение_о_наставничестве.docx"


# --- the documents screen -------------------------------------------------------------------
@pytest.fixture
def screen(qtbot, demo, monkeypatch):
    from nastavapp.ui.documents_screen import DocumentsScreen

    opened: list[str] = []
    monkeypatch.setattr(
        "nastavapp.ui.documents.background_save.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    widget = DocumentsScreen(demo, DEMO_DAY)
    qtbot.addWidget(widget)
    widget.show_year(current_year(demo))
    widget.opened = opened  # type: ignore[attr-defined]
    yield widget
    widget.finish_work()  # the saves run in a pool (GUIDE trap 13)


def answers(monkeypatch, *paths):
    """messages.save_file answers these paths in turn, then None (the user cancels)."""
    queue = list(paths)
    asked: list[Path] = []

    def save_file(parent, caption, suggested, filters):
        asked.append(suggested)
        return queue.pop(0) if queue else None

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    return asked


def test_screen_saves_the_regulations(screen, qtbot, said, tmp_path, monkeypatch):
    button = screen.orders.regulations_button
    assert button.isEnabled() and button.text() == "Сохранить Word…"
    asked = answers(monkeypatch, tmp_path / "положение")  # typed without an extension
    with qtbot.waitSignal(screen.orders.save_done, timeout=30_000):
        button.click()
    assert asked[0].name == "Положение_о_наставничестве_МБОУ_Сосновская_СОШ_2025-2026.docx"
    target = tmp_path / "положение.docx"
    paragraphs, cells = read_docx(target)
    assert "ПОЛОЖЕНИЕ" in paragraphs and "от 03.09.2025 № 102-о" in cells[2]
    assert said["confirm"] == [f"Файл сохранён:\n{target}\n\nОткрыть файл?"]
    assert said["error"] == []
    assert screen.orders.last_saved == target
    assert screen.opened == [str(target)]


def test_screen_locked_target_asks_again(screen, qtbot, said, tmp_path, monkeypatch):
    target = tmp_path / "положение.docx"
    target.write_bytes(b"old version")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    asked = answers(monkeypatch, target)  # then the curator cancels
    with qtbot.waitSignal(screen.orders.save_done, timeout=30_000):
        screen.orders.regulations_button.click()
    assert len(asked) == 2
    [problem] = said["error"]
    assert "«положение.docx»" in problem and "открыт в Excel или другой программе" in problem
    assert target.read_bytes() == b"old version"
    assert said["confirm"] == []


def test_no_year_no_button(qtbot, school_store):
    from nastavapp.ui.documents_screen import DocumentsScreen

    widget = DocumentsScreen(school_store, DEMO_DAY)
    qtbot.addWidget(widget)
    widget.show_year(None)
    assert not widget.orders.regulations_button.isEnabled()
