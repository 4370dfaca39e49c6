"""Orders (приказы): drafts from the templates, the PDF and the DOCX read back, the register and
the roadmap link, an edited draft, a locked target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from nastavapp.models import IssuedDocument, MentoringGroup, RoadmapEvent
from nastavapp.models.vocab import DocumentKind, GroupStatus, MentoringForm
from nastavapp.services.consents import record_consent
from nastavapp.services.demo import create_demo
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.order_register import save_order, write_order
from nastavapp.services.documents.order_text import (
    OrderError,
    OrderPoint,
    parse_points,
    points_text,
    with_name_form,
)
from nastavapp.services.documents.orders import (
    ORDER_KINDS,
    OrderOptions,
    kind_title,
    legal_basis,
    new_draft,
    place_of,
)
from nastavapp.services.pairs import PairDraft, confirm_groups
from nastavapp.store import Store, open_store

from .pair_school import TODAY, School, build_school

DEMO_TODAY = date(2025, 11, 20)
K = DocumentKind


def squeeze(text: str) -> str:
    """Text with runs of white space (no-break spaces, line breaks) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return squeeze(" ".join(page.extract_text() for page in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return squeeze(" ".join(parts))


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DEMO_TODAY)
    opened = open_store(path, create=False)
    yield opened
    opened.close()


@pytest.fixture
def school(school_store) -> School:
    """The small school, everybody with a consent (orders name only such people)."""
    built = build_school(school_store)
    for person_id in built.ids.values():
        record_consent(
            school_store,
            person_id,
            date(2025, 9, 1),
            representative_name="Белова Ирина Петровна",
            today=TODAY,
        )
    return built


def _pairs(school: School) -> list[int]:
    return confirm_groups(
        school.store,
        school.year_id,
        [
            PairDraft(
                school["teacher_mentor"], (school["young_teacher"],), MentoringForm.TEACHER_TEACHER
            ),
            PairDraft(
                school["pupil_mentor"],
                (school["pupil_a"], school["pupil_b"]),
                MentoringForm.STUDENT_STUDENT,
            ),
        ],
        today=date(2025, 10, 1),
    )


def _registered(store: Store) -> list[IssuedDocument]:
    with store.session() as session:
        return list(session.exec(select(IssuedDocument)).all())


def _event(store: Store, code: str) -> RoadmapEvent:
    with store.session() as session:
        return session.exec(select(RoadmapEvent).where(RoadmapEvent.template_code == code)).one()


# --- every kind on a realistic school -------------------------------------------------------
@pytest.mark.parametrize("kind", ORDER_KINDS, ids=[k.value for k in ORDER_KINDS])
def test_each_kind_prints_as_pdf_and_docx(demo_store, tmp_path, kind):
    draft = new_draft(demo_store, kind, today=DEMO_TODAY)
    if not draft.number:
        draft.number = "140-о"
    pdf, draft = save_order(demo_store, draft, tmp_path / "приказ.pdf")
    docx, _ = save_order(demo_store, draft, tmp_path / "приказ.docx")
    day = squeeze(draft.date_text)
    expected = [
        "ПРИКАЗ",
        "ПРИКАЗЫВАЮ:",
        f"№ {draft.number}",
        day,
        "Р-145",
        "1264-р",
        "Контроль за исполнением настоящего приказа оставляю за собой.",
        "Директор",
        "И. Г. Антонова",
        "Муниципальное бюджетное общеобразовательное учреждение",
    ]
    expected += [squeeze(n.form) for n in draft.names]
    for text in (pdf_text(pdf), docx_text(docx)):
        for piece in expected:
            assert piece in text, piece
    assert re.fullmatch(r"\d{1,2} [а-я]+ 2025 г\.", day)


def test_pairs_order_has_the_annex_of_pairs(demo_store, tmp_path):
    draft = new_draft(demo_store, K.ORDER_PAIRS, today=DEMO_TODAY)
    assert draft.annex is not None and draft.annex.rows
    pdf = write_order(draft, tmp_path / "пары.pdf")
    docx = write_order(draft, tmp_path / "пары.docx")
    first = draft.annex.rows[0]
    for text in (pdf_text(pdf), docx_text(docx)):
        assert f"Приложение к приказу МБОУ «Сосновская СОШ» от {squeeze(draft.date_text)}" in text
        assert "Состав наставнических пар и групп" in text
        for cell in (first[1], first[3].split("\n")[0], first[5]):
            assert squeeze(cell) in text


# --- exact text on a small school -----------------------------------------------------------
def test_curator_order_declines_the_curator(school_store, tmp_path):
    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    draft.number = "99-о"
    text = points_text(draft.points)
    assert (
        "Назначить куратором внедрения целевой модели наставничества в МБОУ «Сосновская СОШ» "
        "заместителя директора по УВР Петрова Илью Сергеевича." in text
    )
    assert "Куратору Петрову И. С.:" in text
    assert draft.acquainted == ["И. С. Петров"]
    assert draft.acquainted_heading == "С приказом ознакомлен:"
    assert draft.signer_name == "Н. В. Ёлкина"
    assert draft.place == "с. Сосновка"
    pdf, _ = save_order(school_store, draft, tmp_path / "о куратор.pdf")
    assert "заместителя директора по УВР Петрова Илью Сергеевича" in pdf_text(pdf)
    assert "1 сентября 2025 г." in pdf_text(pdf)


def test_concept_is_cited_from_its_adoption_on():
    assert "1264-р" in legal_basis(date(2025, 9, 1))
    assert "1264-р" not in legal_basis(date(2024, 9, 2))
    assert "Р-145" in legal_basis(date(2024, 9, 2))


def test_reward_order_thanks_mentors_in_the_dative(school, tmp_path):
    ids = _pairs(school)
    from nastavapp.services.pairs import approve_by_order

    approve_by_order(school.store, ids, "112-о", date(2025, 10, 6), today=TODAY)
    draft = new_draft(school.store, K.ORDER_REWARD, today=date(2026, 5, 25))
    subs = draft.points[0].subs
    assert subs == [
        "Ивановой Марии Петровне, учителю математики;",
        "Орлову Дмитрию Андреевичу, обучающемуся 10А класса.",
    ]
    assert draft.acquainted == ["М. П. Иванова", "И. С. Петров"]  # no pupil signs
    only = new_draft(
        school.store,
        K.ORDER_REWARD,
        today=date(2026, 5, 25),
        options=OrderOptions(people=(school["pupil_mentor"],)),
    )
    assert only.points[0].subs == ["Орлову Дмитрию Андреевичу, обучающемуся 10А класса."]


def test_final_event_order_words_by_sex_and_dates(school_store):
    draft = new_draft(
        school_store,
        K.ORDER_FINAL_EVENT,
        today=date(2026, 5, 4),
        options=OrderOptions(event_date=date(2026, 5, 20), event_title="Вместе к успеху"),
    )
    text = squeeze(points_text(draft.points))
    assert "Провести 20 мая 2026 г. итоговое мероприятие" in text
    assert "«Вместе к успеху»" in text
    assert "Назначить ответственным за подготовку" in text  # the curator is a man
    assert "в срок до 13 мая 2026 г." in text


def test_kind_titles_for_the_chooser():
    assert [kind_title(k) for k in ORDER_KINDS] == [
        "О внедрении целевой модели наставничества и назначении куратора",
        "Об утверждении Положения о наставничестве, программы наставничества и дорожной карты",
        "Об утверждении наставнических пар/групп",
        "О поощрении участников наставнической деятельности",
        "О проведении итогового мероприятия программы наставничества",
    ]


def test_place_of_the_school():
    assert place_of("397184, Воронежская область, с. Сосновка, ул. Молодёжная, д. 2") == (
        "с. Сосновка"
    )
    assert place_of("г. Калуга, ул. Ленина, д. 5") == "г. Калуга"
    assert place_of("ул. Ленина, д. 5") == ""


# --- editing --------------------------------------------------------------------------------
def test_points_text_round_trip_and_renumbering():
    points = [OrderPoint("Утвердить:", ["положение;", "программу."]), OrderPoint("Контроль.")]
    text = points_text(points)
    assert text == "1. Утвердить:\n1.1. положение;\n1.2. программу.\n2. Контроль."
    assert parse_points(text) == points
    edited = "1. Утвердить:\n1.1. положение;\n  и ещё\n5. Новый пункт\n7. Контроль."
    assert parse_points(edited) == [
        OrderPoint("Утвердить:", ["положение; и ещё"]),
        OrderPoint("Новый пункт"),
        OrderPoint("Контроль."),
    ]


def test_an_edited_draft_is_rendered_as_edited(school_store, tmp_path):
    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    draft.number = "7-о"
    index = next(i for i, n in enumerate(draft.names) if n.form.endswith("Илью Сергеевича"))
    draft = with_name_form(draft, index, "заместителя директора по УВР Петрова Илью Сергеича")
    draft.points = [*draft.points[:1], OrderPoint("Пункт, вписанный куратором.")]
    draft.title = "О назначении куратора"
    pdf = write_order(draft, tmp_path / "правка.pdf")
    docx = write_order(draft, tmp_path / "правка.docx")
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "2. Пункт, вписанный куратором." in text
        assert "О назначении куратора" in text
        assert "Назначить куратором" not in text  # the point was removed
    draft2 = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    index = next(i for i, n in enumerate(draft2.names) if n.form.endswith("Илью Сергеевича"))
    fixed = with_name_form(draft2, index, "заместителя директора по УВР Петрова Илью Сергеича")
    assert "Петрова Илью Сергеича." in fixed.points[1].text
    assert "Сергеевича" not in points_text(fixed.points)


# --- the register and the roadmap -----------------------------------------------------------
def test_issuing_registers_the_order_and_links_the_roadmap(school_store, tmp_path):
    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    with pytest.raises(OrderError, match="номер приказа"):
        save_order(school_store, draft, tmp_path / "без номера.pdf")
    assert not (tmp_path / "без номера.pdf").exists()
    draft.number = "99-о"
    path, issued = save_order(school_store, draft, tmp_path / "приказ.pdf")
    docs = _registered(school_store)
    assert [(d.kind, d.number, d.issued_on, d.title, d.file_path) for d in docs] == [
        (
            K.ORDER_INTRODUCTION,
            "99-о",
            date(2025, 9, 1),
            "О внедрении целевой модели наставничества и назначении куратора",
            str(path),
        )
    ]
    assert _event(school_store, "s1_appoint_curator").document_id == docs[0].id
    # the same order saved again (as Word) stays one row; a corrected number updates it
    issued.number = "100-о"
    save_order(school_store, issued, tmp_path / "приказ.docx")
    docs = _registered(school_store)
    assert [(d.number, d.file_path) for d in docs] == [("100-о", str(tmp_path / "приказ.docx"))]
    # the next draft of the kind re-issues the registered order
    again = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 12, 1))
    assert (again.number, again.issued_on, again.document_id) == (
        "100-о",
        date(2025, 9, 1),
        docs[0].id,
    )


def test_a_new_pairs_order_approves_the_forming_pairs(school, tmp_path):
    ids = _pairs(school)
    draft = new_draft(school.store, K.ORDER_PAIRS, today=date(2025, 10, 6))
    assert draft.document_id is None and set(draft.group_ids) == set(ids)
    assert [row[1] for row in draft.annex.rows] == [  # by form, then by the mentor's name
        "Орлов Дмитрий Андреевич",
        "Иванова Мария Петровна",
    ]
    assert draft.annex.rows[0][3] == "Белов Иван Сергеевич\nВасина Ольга Игоревна"
    assert draft.acquainted == ["И. С. Петров", "М. П. Иванова"]
    draft.number = "115-о"
    save_order(school.store, draft, tmp_path / "пары.pdf")
    docs = _registered(school.store)
    assert [(d.kind, d.number, d.issued_on) for d in docs] == [
        (K.ORDER_PAIRS, "115-о", date(2025, 10, 6))
    ]
    with school.store.session() as session:
        groups = session.exec(select(MentoringGroup)).all()
    assert {(g.status, g.order_id) for g in groups} == {(GroupStatus.APPROVED, docs[0].id)}
    assert _event(school.store, "s5_approve_pairs").document_id == docs[0].id
    # printing it again: the same order, its annex from the register
    again = new_draft(school.store, K.ORDER_PAIRS, today=TODAY)
    assert (again.number, again.document_id, again.group_ids) == ("115-о", docs[0].id, ())
    assert len(again.annex.rows) == 2


def test_no_pairs_no_pairs_order(school_store):
    with pytest.raises(OrderError, match="Нет пар и групп"):
        new_draft(school_store, K.ORDER_PAIRS, today=TODAY)


def test_demo_orders_update_the_register_rows_the_roadmap_links(demo_store, tmp_path):
    before = {d.kind: d.id for d in _registered(demo_store)}
    draft = new_draft(demo_store, K.ORDER_REGULATIONS, today=DEMO_TODAY)
    assert draft.document_id == before[K.ORDER_REGULATIONS]
    save_order(demo_store, draft, tmp_path / "положение.docx")
    after = _registered(demo_store)
    assert len(after) == len(before)
    assert _event(demo_store, "s1_regulations").document_id == before[K.ORDER_REGULATIONS]
    # an order the demo has not issued yet: a new row, linked to its event
    final = new_draft(demo_store, K.ORDER_FINAL_EVENT, today=DEMO_TODAY)
    final.number = "150-о"
    _path, issued = save_order(demo_store, final, tmp_path / "итоговое.pdf")
    assert _event(demo_store, "s7_final_event").document_id == issued.document_id
    assert len(_registered(demo_store)) == len(before) + 1


# --- DOCX layout ------------------------------------------------------------------------------
def test_docx_page_margins_indent_and_font(school_store, tmp_path):
    from docx import Document
    from docx.shared import Cm, Mm, Pt

    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    draft.number = "99-о"
    document = Document(str(write_order(draft, tmp_path / "приказ.docx")))
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin]
    sizes += [section.top_margin, section.bottom_margin]
    for size, expected in zip(sizes, (210, 297, 20, 10, 20, 20), strict=True):
        assert abs(size - Mm(expected)) < Mm(0.1)  # Word keeps twentieths of a point
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    points = [p for p in document.paragraphs if re.match(r"^\d+\.", p.text)]
    assert len(points) >= 8
    for paragraph in points:
        assert abs(paragraph.paragraph_format.first_line_indent - Cm(1.25)) < Mm(0.1)
        assert paragraph.alignment == 3  # justified
        sizes = {run.font.size for run in paragraph.runs}
        assert sizes <= {None, Pt(14)}
    assert any(p.text == "ПРИКАЗ" for p in document.paragraphs)
    assert any(p.text == "ПРИКАЗЫВАЮ:" for p in document.paragraphs)


def test_pdf_is_a4_with_the_bundled_font(school_store, tmp_path):
    from pypdf import PdfReader

    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    draft.number = "99-о"
    reader = PdfReader(write_order(draft, tmp_path / "приказ.pdf"))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].get_object().values()
    }
    assert all("LiberationSerif" in f for f in fonts)


# --- a locked target --------------------------------------------------------------------------
def test_locked_target_says_so_keeps_the_old_file_and_registers_nothing(
    school_store, tmp_path, monkeypatch
):
    target = tmp_path / "приказ.docx"
    target.write_bytes(b"old version")
    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    draft.number = "99-о"

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт в Excel или другой программе"):
        save_order(school_store, draft, target)
    assert target.read_bytes() == b"old version"
    assert _registered(school_store) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~")) == []


def test_unknown_format_is_refused(school_store, tmp_path):
    draft = new_draft(school_store, K.ORDER_INTRODUCTION, today=date(2025, 9, 1))
    with pytest.raises(ExportError, match=r"PDF .* Word"):
        write_order(draft, tmp_path / "приказ.odt")
