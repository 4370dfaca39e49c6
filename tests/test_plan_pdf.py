"""The individual plan (ИОМ / персонализированная программа наставничества) as a PDF to sign:
a page per mentee of the demo school's groups, names hidden without a consent, a locked target,
and the «Печать плана (PDF)…» button of the card's plan tab."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from nastavapp.models.vocab import GroupStatus, MentoringForm
from nastavapp.services.consents import withdraw_consent
from nastavapp.services.documents import output
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.plan_pdf import (
    NO_CONSENT,
    TEACHER_TITLE,
    TITLE,
    export_plan_pdf,
    plan_file_name,
)
from nastavapp.services.pairs import GroupCard, group_card, list_groups
from nastavapp.services.plans import PlanItemDraft, add_item, mentee_progress, plan_of
from nastavapp.services.school import get_school
from nastavapp.services.years import current_year
from nastavapp.store import Store
from nastavapp.ui.pairs.plan_editor import PlanEditor

from .conftest import DEMO_DAY
from .ui_helpers import record_messages


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_texts(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]


def cards(store: Store) -> list[GroupCard]:
    year = current_year(store)
    assert year is not None
    return [c for c in list_groups(store, year.id) if c.status is not GroupStatus.DISBANDED]


def big_group(store: Store) -> GroupCard:
    """The live group with the most mentees, every one of them with a plan."""
    groups = [
        c
        for c in cards(store)
        if len(c.mentees) > 2 and all(p.total for p in mentee_progress(store, c.id).values())
    ]
    assert groups, "the demo school has a group with several planned mentees"
    return max(groups, key=lambda c: len(c.mentees))


def teacher_pair(store: Store) -> GroupCard:
    return next(
        c
        for c in cards(store)
        if c.form is MentoringForm.TEACHER_TEACHER and plan_of(store, c.id) and len(c.mentees) == 1
    )


def test_every_mentee_of_a_group_has_his_own_page(demo, tmp_path):
    card = big_group(demo)
    written = export_plan_pdf(demo, card.id, tmp_path / "план.pdf", today=DEMO_DAY)
    assert written == (tmp_path / "план.pdf").absolute()
    pages = page_texts(written)
    assert len(pages) >= len(card.mentees)
    progress = mentee_progress(demo, card.id)
    first_pages = []
    for mentee in card.mentees:
        found = [i for i, page in enumerate(pages) if mentee.name in page]
        assert len(found) == 1, mentee.name  # a short plan: one page, nobody else's
        page = pages[found[0]]
        first_pages.append(found[0])
        assert f"Наставляемый: {mentee.name}, {mentee.post}" in page
        assert f"Наставник: {card.mentor.name}, {card.mentor.post}" in page
        for entry in plan_of(demo, card.id, mentee.id):
            assert squeeze(entry.task) in page
            if entry.done_date:
                assert f"{entry.done_date:%d.%m.%Y}" in page
        done = progress[mentee.id]
        assert f"Выполнено {done.done} из {done.total}." in page
        initials = f"{mentee.short_name.split(' ', 1)[1]} {mentee.short_name.split(' ')[0]}"
        assert f"/ {initials}" in page  # «/ Н. В. Калинин» under his signature
        # the others' tasks are not here: nobody else's name on the page
        assert not [m.name for m in card.mentees if m is not mentee and m.name in page]
    assert first_pages == sorted(set(first_pages))  # in the card's order, a page each
    school = get_school(demo)
    assert school is not None
    for page in pages:
        assert page.startswith(f"{school.short_name} {TITLE} на 2025/2026 учебный год")
        assert TITLE in page
        assert "№ п/п Направление Задача Срок (план) Отметка о выполнении Результат" in page
        assert "Наставник" in page and "Наставляемый" in page
        assert "Куратор" in page  # pupils are minors: the curator signs too
        assert "Ролевая модель:" in page and "Срок реализации:" in page and "Цель:" in page
        assert re.search(r"Страница 1 из 1$", page)
    assert plan_file_name(demo, card.id) == f"Планы_группы_{card.mentor.name.split()[0]}_2025.pdf"


def test_a4_portrait_with_embedded_fonts_only(demo, tmp_path):
    target = export_plan_pdf(demo, big_group(demo).id, tmp_path / "plan.pdf", today=DEMO_DAY)
    reader = PdfReader(target)
    fonts: set[str] = set()
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595,
            842,
        )
        for ref in page["/Resources"].get_object()["/Font"].get_object().values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font.get("/DescendantFonts")
            descriptor = (
                descendant[0].get_object()["/FontDescriptor"]
                if descendant
                else font["/FontDescriptor"]
            ).get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
    assert any("LiberationSerif" in f for f in fonts), fonts
    assert not any("Helvetica" in f or "Times" in f for f in fonts), fonts
    assert reader.metadata is not None and reader.metadata.title == TITLE


def test_a_teacher_pair_prints_the_personalised_programme_without_a_curator(demo, tmp_path):
    card = teacher_pair(demo)
    target = export_plan_pdf(demo, card.id, tmp_path / "plan.pdf", today=DEMO_DAY)
    (page,) = page_texts(target)
    assert TEACHER_TITLE in page and TITLE not in page
    assert card.mentees[0].name in page and card.mentor.name in page
    assert "Форма наставничества: учитель – учитель" in page
    assert "Куратор" not in page  # two adults sign
    surname = card.mentees[0].name.split()[0]
    assert plan_file_name(demo, card.id) == f"План_{surname}_2025.pdf"


def test_nobody_without_a_consent_is_named(demo, tmp_path):
    card = big_group(demo)
    hidden = card.mentees[1]
    withdraw_consent(demo, hidden.id, DEMO_DAY, today=DEMO_DAY)
    target = export_plan_pdf(demo, card.id, tmp_path / "plan.pdf", today=DEMO_DAY)
    pages = page_texts(target)
    text = " ".join(pages)
    assert hidden.name not in text and hidden.name.split()[0] not in text
    assert f"Наставляемый: {NO_CONSENT} Наставник:" in pages[1]  # no class either
    # his tasks are still there, and the others keep their names
    assert squeeze(plan_of(demo, card.id, hidden.id)[0].task) in pages[1]
    assert all(m.name in text for m in card.mentees if m is not hidden)
    # a mentor without consent: hidden everywhere, the file name leaves him out
    withdraw_consent(demo, card.mentor.id, DEMO_DAY, today=DEMO_DAY)
    target = export_plan_pdf(demo, card.id, tmp_path / "plan.pdf", today=DEMO_DAY)
    text = " ".join(page_texts(target))
    assert card.mentor.name.split()[0] not in text
    assert f"Наставник: {NO_CONSENT}" in text
    assert plan_file_name(demo, card.id) == "Планы_группы_2025.pdf"


def test_a_long_plan_runs_over_pages_numbered_for_its_mentee(demo, tmp_path):
    card = big_group(demo)
    mentee = card.mentees[0]
    before = mentee_progress(demo, card.id)[mentee.id]
    for number in range(1, 26):
        task = f"Дополнительное задание {number}: разобрать типичные ошибки в задачах на проценты"
        draft = PlanItemDraft(task, "Учебная деятельность", date(2026, 1, number))
        add_item(demo, card.id, mentee.id, draft, today=DEMO_DAY)
    target = export_plan_pdf(
        demo, card.id, tmp_path / "plan.pdf", mentee_ids=[mentee.id, card.mentees[1].id]
    )
    pages = page_texts(target)
    assert len(pages) >= 3
    own, other = pages[:-1], pages[-1]
    assert mentee.name in own[0] and card.mentees[1].name in other
    assert card.mentees[2].name not in " ".join(pages)  # not chosen
    for index, page in enumerate(own, start=1):
        assert page.endswith(f"Страница {index} из {len(own)}")
        assert "№ п/п Направление Задача" in page  # the header row repeats
    assert (
        "Дополнительное задание 25:" in own[-1]
        and f"Выполнено {before.done} из {before.total + 25}." in own[-1]
    )
    assert "Наставник" in own[-1].split("Выполнено")[1]  # the signatures close his plan
    assert other.endswith("Страница 1 из 1")


def test_wrong_choices_and_a_locked_target(demo, tmp_path, monkeypatch):
    card = big_group(demo)
    other = teacher_pair(demo).mentees[0].id
    with pytest.raises(ExportError, match="только для наставляемых этой пары"):
        export_plan_pdf(demo, card.id, tmp_path / "p.pdf", mentee_ids=[other])
    with pytest.raises(ExportError, match="Не выбран ни один наставляемый"):
        export_plan_pdf(demo, card.id, tmp_path / "p.pdf", mentee_ids=[])
    with pytest.raises(ExportError, match="уже нет в базе"):
        export_plan_pdf(demo, 9999, tmp_path / "p.pdf")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "План.pdf"
    target.write_bytes(b"the earlier plan")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(output.os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_plan_pdf(demo, card.id, target, today=DEMO_DAY)
    assert "«План.pdf»" in str(caught.value) and "открыт" in str(caught.value)
    assert target.read_bytes() == b"the earlier plan"
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


# --- the button -------------------------------------------------------------------------------
def open_editor(qtbot, store: Store, card: GroupCard) -> PlanEditor:
    editor = PlanEditor(store, DEMO_DAY)
    qtbot.addWidget(editor)
    editor.show_card(card)
    editor.show()
    return editor


def test_the_button_saves_the_plan_where_the_dialog_says(qtbot, demo, tmp_path, monkeypatch):
    said = record_messages(monkeypatch)
    said.answer = False  # «Открыть файл?» — no
    card = teacher_pair(demo)
    asked: list[tuple[str, Path, str]] = []

    def save_file(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return tmp_path / "мой план"  # typed without the extension

    monkeypatch.setattr("nastavapp.ui.messages.save_file", save_file)
    editor = open_editor(qtbot, demo, card)
    assert editor.print_button.text() == "Печа&ть плана (PDF)…"
    assert editor.print_button.isEnabled()
    editor.print_button.click()
    ((caption, suggested, filters),) = asked
    assert suggested.name == f"План_{card.mentees[0].name.split()[0]}_2025.pdf"
    assert "PDF" in caption and "*.pdf" in filters
    assert editor.last_pdf == (tmp_path / "мой план.pdf").absolute()
    assert TEACHER_TITLE in page_texts(editor.last_pdf)[0]
    assert said.error == [] and len(said.questions) == 1 and "План сохранён" in said.questions[0]


def test_the_button_shows_why_the_file_was_not_written(qtbot, demo, tmp_path, monkeypatch):
    said = record_messages(monkeypatch)
    target = tmp_path / "план.pdf"
    target.write_bytes(b"open in a viewer")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(output.os, "replace", locked)
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: target)
    editor = open_editor(qtbot, demo, big_group(demo))
    editor.print_button.click()
    (message,) = said.error
    assert "«план.pdf»" in message and "Закройте файл" in message
    assert said.questions == [] and editor.last_pdf is None
    assert target.read_bytes() == b"open in a viewer"
    # the user cancels the dialog: nothing happens
    monkeypatch.setattr("nastavapp.ui.messages.save_file", lambda *a: None)
    assert editor.print_plan() is None and said.error == [message]


def test_a_disbanded_pair_still_prints(demo, tmp_path):
    year = current_year(demo)
    assert year is not None
    disbanded = [c for c in list_groups(demo, year.id) if c.status is GroupStatus.DISBANDED]
    card = group_card(demo, disbanded[0].id)
    assert card is not None
    target = export_plan_pdf(demo, card.id, tmp_path / "plan.pdf", today=DEMO_DAY)
    assert card.mentees[0].name in page_texts(target)[0]
