"""«Базы»: after a load the column ranks are worked out while the GUI is idle, so that the first
header click only sorts; a new load or a closed tab never lets old work through."""

from __future__ import annotations

from itertools import pairwise

import shiboken6
from PySide6.QtCore import QPoint, Qt

import nastavapp.ui.bases.column_ranks as column_ranks_module
import nastavapp.ui.bases.table_model as table_model_module
from nastavapp.models import Person
from nastavapp.models.vocab import MenteeStatus, MentoringForm, PersonCategory, RequestSource
from nastavapp.services.bases_rows import BaseRow, MenteeInfo
from nastavapp.services.consents import state_of
from nastavapp.services.role_rules import RequestEntry
from nastavapp.ui.bases.base_view import BaseView
from nastavapp.ui.bases.columns import BaseKind
from nastavapp.ui.bases.table_model import russian_collator

MENTOR = 4  # «Наставник» in the mentees' base
FORMS = list(MentoringForm)


def mentee(pid: int, last_name: str, class_name: str, mentor: int, request: str) -> BaseRow:
    person = Person(
        id=pid,
        category=PersonCategory.STUDENT,
        last_name=last_name,
        first_name="Ян",
        class_name=class_name,
    )
    info = MenteeInfo(
        MenteeStatus.PAIRED,
        FORMS[pid % len(FORMS)],
        (RequestEntry(request, RequestSource.CLASS_TEACHER),),
        False,
        (mentor,),
    )
    return BaseRow(person, state_of(None), info, None, None)


def column_texts(view: BaseView, column: int) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def in_russian_order(texts: list[str]) -> bool:
    collator = russian_collator()
    return all(collator.compare(a, b) <= 0 for a, b in pairwise(texts))


def shown_view(qtbot) -> BaseView:
    view = BaseView(BaseKind.MENTEES)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_after_a_load_every_column_is_ranked_without_a_click(qtbot, monkeypatch):
    mentors = {101: "Жуков В. В.", 102: "Ёлкин Б. Б.", 103: "Егоров А. А.", 104: "Абрамов Г. Г."}
    rows = [
        mentee(1, "Петров", "10А", 101, "математика"),
        mentee(2, "Сидоров", "9Б", 102, "чтение"),
        mentee(3, "Иванов", "2В", 103, "английский язык"),
        mentee(4, "Орлов", "11А", 104, "физика"),
    ]
    view = shown_view(qtbot)
    model = view.model
    view.set_rows(rows, mentors)
    assert model.unranked_columns() == [1, 2, 3, 4, 5]  # all but ФИО, none computed yet
    qtbot.waitUntil(lambda: not model.warm_up.busy)
    assert model.unranked_columns() == []

    def no_work_at_a_click(*_args):
        raise AssertionError("the ranks should be ready")

    monkeypatch.setattr(table_model_module, "column_ranks", no_work_at_a_click)
    header = view.table.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(MENTOR) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    # «Ё» beside «Е», not before «А» as code points would put it
    assert column_texts(view, MENTOR) == [
        "Абрамов Г. Г.",
        "Егоров А. А.",
        "Ёлкин Б. Б.",
        "Жуков В. В.",
    ]
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert column_texts(view, 1) == ["2В", "9Б", "10А", "11А"]
    view.table.sortByColumn(MENTOR, Qt.SortOrder.DescendingOrder)
    assert column_texts(view, 0) == ["Петров Ян", "Сидоров Ян", "Иванов Ян", "Орлов Ян"]


def test_a_new_load_during_the_warm_up_never_sorts_with_stale_ranks(qtbot, monkeypatch):
    monkeypatch.setattr(column_ranks_module, "CHUNK", 1)  # a step per row
    count = 12
    # the same people twice; every sortable text comes in the opposite order the second time
    surnames = ["Абрамов", "Белов", "Волков", "Егоров", "Ёлкин", "Жуков"] * 2
    first = [mentee(i, f"Ученик{i:02}", f"{i + 1}А", 100 + i, surnames[i]) for i in range(count)]
    second = [
        mentee(i, f"Ученик{i:02}", f"{count - i}А", 100 + i, surnames[count - 1 - i])
        for i in range(count)
    ]
    names_first = {100 + i: f"{surnames[i]} А. А." for i in range(count)}
    names_second = {100 + i: f"{surnames[count - 1 - i]} А. А." for i in range(count)}
    view = shown_view(qtbot)
    model = view.model
    model.warm_up.slice_seconds = 0  # one step per slice: the test drives the slices
    view.set_rows(first, names_first)
    while len(model.unranked_columns()) > 2:
        model.warm_up.run_slice()
    for _ in range(count // 2):  # half-way through the mentors' column
        model.warm_up.run_slice()
    assert model.warm_up.busy and model.unranked_columns() == [MENTOR, 5]

    view.set_rows(second, names_second)
    assert model.unranked_columns() == [1, 2, 3, 4, 5]  # nothing of the first load kept
    qtbot.waitUntil(lambda: not model.warm_up.busy)
    assert model.unranked_columns() == []
    for column in (1, 2, 3, 4, 5):
        view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        texts = column_texts(view, column)
        if column == 1:  # classes: numbers as numbers
            assert texts == [f"{n}А" for n in range(1, count + 1)]
        else:
            assert in_russian_order(texts), (column, texts)
    view.table.sortByColumn(MENTOR, Qt.SortOrder.AscendingOrder)
    mentors = column_texts(view, MENTOR)
    assert mentors[6:10] == ["Егоров А. А.", "Егоров А. А.", "Ёлкин А. А.", "Ёлкин А. А."]
    assert column_texts(view, 0)[6:8] == ["Ученик02 Ян", "Ученик08 Ян"]  # ties in ФИО order


def test_closing_the_tab_during_the_warm_up_stops_it(qtbot, monkeypatch):
    monkeypatch.setattr(column_ranks_module, "CHUNK", 1)
    steps = []
    real = table_model_module.rank_steps

    def counting(*args):
        generator = real(*args)
        while True:
            try:
                next(generator)
            except StopIteration as done:
                return done.value
            steps.append(1)
            yield

    monkeypatch.setattr(table_model_module, "rank_steps", counting)
    rows = [mentee(i, f"Ученик{i:04}", f"{i % 11 + 1}А", 10_000 + i, "чтение") for i in range(2000)]
    view = BaseView(BaseKind.MENTEES)
    view.set_rows(rows, {10_000 + i: f"Наставник{i:04}" for i in range(2000)})
    warm_up = view.model.warm_up
    warm_up.slice_seconds = 0
    qtbot.waitUntil(lambda: len(steps) > 10)
    assert warm_up.busy
    shiboken6.delete(view)  # the tab, its model and the model's warm-up go
    assert not shiboken6.isValid(warm_up)
    done = len(steps)
    qtbot.wait(50)
    assert len(steps) == done
