"""«Программа наставничества <школа> на <год> учебный год»: the second act of the Положение's
engine, read back from Word: the school, the forms of the year, the seven stages with the
roadmap's dates, the participants, the indicators; a locked target; saving it from the screen."""

from __future__ import annotations

import re
from datetime import date

import pytest

from nastavapp.models.vocab import STAGE_TITLES, MentoringForm
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.programme import (
    build_programme,
    export_programme,
    programme_file_name,
)
from nastavapp.services.documents.regulations import RegulationsError
from nastavapp.services.years import current_year

from . import test_regulations as regulations_tests
from .conftest import DEMO_DAY
from .test_regulations import _set_forms, answers, read_docx, squeeze

screen = regulations_tests.screen  # the documents screen of the demo school

SECTIONS = (
    "1. Пояснительная записка",
    "2. Цель и задачи Программы",
    "3. Формы наставничества",
    "4. Участники Программы",
    "5. Содержание и этапы реализации Программы",
    "6. Ожидаемые результаты и показатели",
    "7. Мониторинг реализации Программы",
    "8. Ресурсное обеспечение Программы",
)


def test_demo_school_programme_read_back(demo, tmp_path):
    path = export_programme(demo, tmp_path / "программа.docx", today=DEMO_DAY)
    paragraphs, cells = read_docx(path)
    text = " ".join(paragraphs)
    assert paragraphs[0].startswith("Муниципальное бюджетное общеобразовательное учреждение")
    assert paragraphs[1:3] == [
        "ПРОГРАММА НАСТАВНИЧЕСТВА",
        "МБОУ «Сосновская СОШ» на 2025/2026 учебный год",
    ]
    places = [paragraphs.index(title) for title in SECTIONS]
    assert places == sorted(places)
    # the same order «Об утверждении Положения…, программы…» approves it
    agreed, _gap, approved = cells
    assert approved == "УТВЕРЖДЕНО приказом МБОУ «Сосновская СОШ» от 03.09.2025 № 102-о"
    assert agreed.startswith("СОГЛАСОВАНО педагогическим советом МБОУ «Сосновская СОШ»")
    # the school's people and the year
    assert "(далее — Программа) реализует в МБОУ «Сосновская СОШ» (далее — Школа)" in text
    assert "директор Школы Антонова Инна Геннадьевна" in text
    assert "куратор — заместитель директора по УВР Попова Анна Игоревна, назначенная" in text
    assert "(с 01.09.2025 по 31.08.2026)" in text
    for act in ("№ 273-ФЗ", "№ Р-145", "№ 3273-р", "от 21.05.2025 № 1264-р"):
        assert act in text
    # the forms of the year with their role models
    year = current_year(demo)
    assert year is not None and len(year.forms) == 5
    for code in year.forms:
        assert f"— «{MentoringForm(code).label}» (ролевые модели: «" in text
    assert "«успевающий – неуспевающий»" in text
    # the participants: the bases and the live pairs by form
    assert re.search(r"в базе наставников — \d+, в базе наставляемых — \d+\.", text)
    assert re.search(r"— «ученик – ученик»: наставников — \d+, наставляемых — \d+", text)
    # the seven stages by their names, with the roadmap's dates
    for number, title in enumerate(STAGE_TITLES.values(), start=1):
        assert f"Этап {number} «{title}»" in text
    assert "Этап 1 «Подготовка условий для запуска программы» (сентябрь 2025): " in text
    assert "Результат: приказ, Положение, Программа, дорожная карта." in text
    # the indicators with the 70 % target, the satisfaction threshold
    assert (
        "доля педагогических работников, вовлечённых в различные формы наставничества "
        "(целевое значение — не менее 70 %);" in text
    )
    assert "доля обучающихся в возрасте от 10 до 19 лет" in text
    assert "средний балл которого не ниже 7." in text
    from docx import Document

    properties = Document(str(path)).core_properties
    assert (
        properties.title
        == "Программа наставничества МБОУ «Сосновская СОШ» на 2025/2026 учебный год"
    )


def assert_reads(lines: list[str]) -> None:
    """No None, nan or unfilled placeholder; «», — and dd.mm.yyyy; lists end with a full stop."""
    for line in lines:
        assert not re.search(r"\bNone\b|\bnan\b|[{}]|\s[.,;:]|\(\s*\)|\.\.", line), line
        assert '"' not in line and " - " not in line, line
        assert not re.search(r"\w*(?:[а-яё][a-z]|[a-z][а-яё])\w*", line, re.I), line
    dates = re.findall(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", " ".join(lines))
    assert dates and all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", d) for d in dates)
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("— "):
            assert line.endswith(";" if after.startswith("— ") else "."), line


def test_word_file_reads_clean(demo, tmp_path):
    paragraphs, cells = read_docx(export_programme(demo, tmp_path / "п.docx", today=DEMO_DAY))
    assert_reads(cells + paragraphs)
    assert [c for c in cells if "___" in c] == [cells[0]]  # only the protocol's blanks
    assert not any("___" in p for p in paragraphs)


def test_sample_school_forms_no_pairs_blank_approval(school_store):
    """Two forms, no pairs yet, no order registered: the text still reads."""
    draft = build_programme(school_store, today=date(2025, 9, 1))
    assert draft.forms == (MentoringForm.STUDENT_STUDENT, MentoringForm.TEACHER_TEACHER)
    assert draft.title == "Программа наставничества МБОУ «Сосновская СОШ» на 2025/2026 учебный год"
    text = squeeze(" ".join(draft.lines()))
    assert "— «ученик – ученик» (ролевые модели:" in text
    assert "«работодатель – ученик» (ролевые" not in text
    assert "студенты профессиональных образовательных организаций" not in text
    assert "в базе наставников — 0, в базе наставляемых — 0." in text
    assert "Наставнические пары и группы формируются на пятом этапе Программы" in text
    assert "работают наставнические пары и группы" not in text
    assert draft.approved[-1] == "от ___________ № ______"
    for number in range(1, 8):
        assert f"Этап {number} «" in text
    assert_reads(draft.lines())


def test_no_forms_yet(school_store):
    _set_forms(school_store, [])
    text = squeeze(" ".join(build_programme(school_store, today=DEMO_DAY).lines()))
    assert "Формы наставничества на 2025/2026 учебный год определяются куратором" in text
    assert "реализуются следующие формы наставничества" not in text
    assert "— работники организаций-партнёров (работодателей)" in text  # every form's people


def test_no_school_no_programme(store, tmp_path):
    with pytest.raises(RegulationsError, match="сведения о школе"):
        export_programme(store, tmp_path / "п.docx", today=DEMO_DAY)
    assert list(tmp_path.glob("*.docx")) == []


def test_only_word(school_store, tmp_path):
    with pytest.raises(
        ExportError, match=r"Программа наставничества сохраняется в Word \(\.docx\)"
    ):
        export_programme(school_store, tmp_path / "программа.pdf", today=DEMO_DAY)


def locked(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_locked_target_russian_error_old_file_kept(school_store, tmp_path, monkeypatch):
    (target := tmp_path / "программа.docx").write_bytes(b"old version")
    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт в Excel или другой программе"):
        export_programme(school_store, target, today=DEMO_DAY)
    assert target.read_bytes() == b"old version"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == [target.name]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]  # no half file


def test_file_name():
    assert (
        programme_file_name("МБОУ «Сосновская СОШ»", "2025/2026")
        == "Программа_наставничества_МБОУ_Сосновская_СОШ_2025-2026.docx"
    )


# --- the documents screen -------------------------------------------------------------------
def test_screen_saves_the_programme(screen, qtbot, said, tmp_path, monkeypatch):
    """A locked file: the Russian message and the dialog again; then another place works."""
    button = screen.orders.programme_button
    assert button.isEnabled() and button.text() == "Сохранить Word…"
    assert "программы наставничества" in button.toolTip()
    (busy := tmp_path / "занят.docx").write_bytes(b"old version")
    with monkeypatch.context() as patch:
        patch.setattr("os.replace", locked)
        asked = answers(patch, busy)  # then the curator cancels
        with qtbot.waitSignal(screen.orders.save_done, timeout=30_000):
            button.click()
    assert [p.name for p in asked] == [
        programme_file_name("МБОУ «Сосновская СОШ»", "2025/2026")
    ] * 2
    assert "«занят.docx»" in said["error"][0] and "открыт в Excel" in said["error"][0]
    assert busy.read_bytes() == b"old version" and said["confirm"] == []
    answers(monkeypatch, tmp_path / "программа")  # typed without an extension
    with qtbot.waitSignal(screen.orders.save_done, timeout=30_000):
        button.click()
    written = tmp_path / "программа.docx"
    paragraphs, cells = read_docx(written)
    assert paragraphs[1] == "ПРОГРАММА НАСТАВНИЧЕСТВА" and cells[2].endswith(
        "от 03.09.2025 № 102-о"
    )
    assert said["confirm"] == [f"Файл сохранён:\n{written}\n\nОткрыть файл?"]
    assert (screen.orders.last_saved, screen.opened) == (written, [str(written)])


def test_no_year_no_programme_button(qtbot, school_store):
    from nastavapp.ui.documents_screen import DocumentsScreen

    widget = DocumentsScreen(school_store, DEMO_DAY)
    qtbot.addWidget(widget)
    widget.show_year(None)
    assert not widget.orders.programme_button.isEnabled()
