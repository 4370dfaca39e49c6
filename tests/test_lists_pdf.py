"""The lists («База наставляемых», «База наставников», «Наставнические пары/группы») as PDF and
xlsx: the rows read back, and nobody without a consent named anywhere."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nastavapp.services.bases_export import NO_CONSENT
from nastavapp.services.consents import withdraw_consent, without_consent
from nastavapp.services.demo import create_demo
from nastavapp.services.documents.errors import ExportError
from nastavapp.services.documents.lists_pdf import ListKind, export_list, list_rows
from nastavapp.services.documents.pairs_list import pairs_rows
from nastavapp.services.people import get_person
from nastavapp.services.years import current_year
from nastavapp.store import Store, open_store

DAY = date(2025, 11, 20)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    parts = [page.extract_text() for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    return squeeze(" ".join(parts))


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    texts = [str(book.properties.title or "")]
    for sheet in book.worksheets:
        texts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            texts.extend(str(v) for v in row if v is not None)
    return squeeze(" ".join(texts))


def _first(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=DAY)
    store = open_store(path, create=False)
    # a paired mentee of a group, and the mentor of another pair, withdraw their consent
    mentee = _first(
        path,
        "SELECT person_id FROM group_member WHERE group_id IN (SELECT group_id FROM group_member"
        " GROUP BY group_id HAVING count(*) > 1) LIMIT 1",
    )
    mentor = _first(
        path,
        "SELECT mentor_id FROM mentoring_group WHERE status != 'disbanded' ORDER BY id DESC LIMIT 1",
    )
    for pid in (mentee, mentor):
        withdraw_consent(store, pid, DAY, today=DAY)
    yield store
    store.close()


def _hidden_names(store: Store) -> list[str]:
    names = []
    for pid in without_consent(store):
        person = get_person(store, pid)
        assert person is not None
        names += [person.full_name, person.short_name]
    return names


@pytest.mark.parametrize("kind", list(ListKind), ids=[k.value for k in ListKind])
@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_no_unconsented_name_anywhere(demo, tmp_path, kind, suffix):
    year = current_year(demo)
    result = export_list(demo, year, kind, tmp_path / f"список{suffix}", today=DAY)
    text = pdf_text(result.path) if suffix == ".pdf" else xlsx_text(result.path)
    hidden = _hidden_names(demo)
    assert len(hidden) >= 4
    for name in hidden:
        assert squeeze(name) not in text, name
    assert kind.label in text
    assert "Участники без согласия" in text
    assert result.rows == len(list_rows(demo, year, kind, DAY))
    if kind is not ListKind.MENTORS:  # the withdrawn mentee is in both, the mentor in pairs
        assert result.without_consent >= 1
        assert NO_CONSENT in text


def test_pairs_rows_hide_the_unconsented_mentor_and_mentee(demo):
    year = current_year(demo)
    rows = pairs_rows(demo, int(year.id or 0))
    hidden_rows = [r for r in rows if NO_CONSENT in str(r[1]) or NO_CONSENT in str(r[3])]
    assert len(hidden_rows) == 2
    for row in hidden_rows:
        if row[1] == NO_CONSENT:
            assert row[2] == ""
        lines = str(row[3]).split("\n")
        posts = str(row[4]).split("\n")
        for name, post in zip(lines, posts, strict=True):
            if name == NO_CONSENT:
                assert post == ""
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))


def test_the_pdf_lists_every_pair_with_its_order(demo, tmp_path):
    year = current_year(demo)
    result = export_list(demo, year, ListKind.PAIRS, tmp_path / "пары.pdf", today=DAY)
    text = pdf_text(result.path)
    rows = pairs_rows(demo, int(year.id or 0))
    for row in rows:
        if row[1] != NO_CONSENT:
            assert squeeze(row[1]) in text
    assert "от 06.10.2025 № 115-о" in text
    assert "Страница 1 из" in text


def test_bases_pdf_holds_the_same_rows_as_the_xlsx(demo, tmp_path):
    year = current_year(demo)
    pdf = pdf_text(export_list(demo, year, ListKind.MENTEES, tmp_path / "б.pdf", today=DAY).path)
    xlsx = xlsx_text(export_list(demo, year, ListKind.MENTEES, tmp_path / "б.xlsx", today=DAY).path)
    for row in list_rows(demo, year, ListKind.MENTEES, DAY):
        assert squeeze(str(row[1])) in pdf and squeeze(str(row[1])) in xlsx


def test_unknown_format_and_locked_target(demo, tmp_path, monkeypatch):
    year = current_year(demo)
    with pytest.raises(ExportError, match=r"PDF .* Excel"):
        export_list(demo, year, ListKind.PAIRS, tmp_path / "пары.docx", today=DAY)
    target = tmp_path / "пары.pdf"
    target.write_bytes(b"old version")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(ExportError, match="открыт"):
        export_list(demo, year, ListKind.PAIRS, target, today=DAY)
    assert target.read_bytes() == b"old version"
