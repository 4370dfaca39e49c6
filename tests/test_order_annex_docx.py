"""The Word order approving the pairs of a large school: written in seconds, groups merged."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

from docx import Document

from nastavapp.models.vocab import DocumentKind
from nastavapp.services.documents.order_docx import ANNEX_WIDTHS_MM, write_order_docx
from nastavapp.services.documents.order_text import typeset
from nastavapp.services.documents.orders import new_draft

DAY = date(2025, 11, 20)
ROWS = 400  # the large demo school approves 586 pairs and groups by one order


def test_a_long_annex_is_written_quickly_with_its_groups_merged(demo, tmp_path):
    draft = new_draft(demo, DocumentKind.ORDER_PAIRS, today=DAY)
    annex = draft.annex
    assert annex is not None and annex.member_columns
    rows = (annex.rows * (ROWS // len(annex.rows) + 1))[:ROWS]
    draft = replace(draft, annex=replace(annex, rows=rows))
    path = tmp_path / "пары.docx"
    started = time.perf_counter()
    write_order_docx(draft, path)
    # python-docx laid the whole table out again for every merged cell: ~30 s here, 88 s for
    # the large demo school, all that time with the program frozen
    assert time.perf_counter() - started < 5

    table = Document(str(path)).tables[-1]
    blocks = draft.annex.blocks()
    assert len(table.rows) == 1 + sum(len(block) for block in blocks)
    first, groups = 1, 0
    for block in blocks:
        lines = [table.rows[first + k].cells for k in range(len(block))]
        for column, value in enumerate(block[0]):
            tcs = {id(cells[column]._tc) for cells in lines}
            merged = column not in annex.member_columns
            assert len(tcs) == (1 if merged else len(block)), (first, column)
            assert lines[0][column].text == typeset(value)
        groups += len(block) > 1
        first += len(block)
    assert groups > 10
    for tr in table._tbl.tr_lst:  # every cell, the merged-away ones too, as wide as its column
        assert [round(tc.width.mm, 1) for tc in tr.tc_lst] == list(ANNEX_WIDTHS_MM)
