"""The ranks every table sorts by (ui/sort_ranks.py): Russian order whatever the system locale,
case ignored, class names with their numbers as numbers, empty values after every value."""

from __future__ import annotations

import math
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from nastavapp.ui.sort_ranks import (
    run_steps,
    russian_collator,
    text_rank_steps,
    text_ranks,
    value_ranks,
)


def in_rank_order(texts: list[str]) -> list[str]:
    ranks, _empty = text_ranks(texts, russian_collator())
    return [text for _rank, text in sorted(zip(ranks, texts, strict=True))]


def test_yo_sorts_beside_ye_not_before_a():
    names = ["Жуков", "Ёлкин", "Егоров", "Абрамов", "Елкин", "Яковлев", "Ежов"]
    assert in_rank_order(names) == [
        "Абрамов",
        "Егоров",
        "Ежов",
        "Елкин",
        "Ёлкин",
        "Жуков",
        "Яковлев",
    ]


def test_the_order_does_not_follow_the_system_locale():
    saved = QLocale()
    QLocale.setDefault(QLocale.c())  # on a C locale a locale-aware sort puts «Ё» first
    try:
        assert in_rank_order(["Ёлкин", "Абрамов", "Жуков"]) == ["Абрамов", "Ёлкин", "Жуков"]
    finally:
        QLocale.setDefault(saved)


def test_case_is_ignored_and_equal_texts_share_a_rank():
    ranks, empty = text_ranks(
        ["иванов", "Петров", "ИВАНОВ", "Иванов", "петров"], russian_collator()
    )
    assert ranks == [0, 1, 0, 0, 1]
    assert empty == 2


def test_class_names_have_their_numbers_as_numbers():
    classes = ["10А", "9Б", "11А", "1А", "9А", "2В", "10Б"]
    assert in_rank_order(classes) == ["1А", "2В", "9А", "9Б", "10А", "10Б", "11А"]


def test_empty_texts_share_the_last_rank():
    ranks, empty = text_ranks(["Петров", "", "Абрамов", "", "абрамов"], russian_collator())
    assert ranks == [1, 2, 0, 2, 0]
    assert empty == 2
    assert text_ranks(["", ""], russian_collator()) == ([0, 0], 0)
    assert text_ranks([], russian_collator()) == ([], 0)


def test_values_in_their_own_order_with_none_last():
    assert value_ranks([3.5, None, 1, 3.5, 0.25]) == ([2, 3, 1, 2, 0], 3)
    days = [date(2025, 9, 1), None, date(2024, 12, 31)]
    assert value_ranks(days) == ([1, 2, 0], 2)
    assert value_ranks([None]) == ([0], 0)
    assert value_ranks([]) == ([], 0)


@pytest.mark.parametrize("chunk", [1, 2, 500])
def test_the_steps_give_the_same_ranks_a_chunk_of_texts_at_a_time(chunk):
    texts = ["Ёлкин", "", "10А", "9Б", "егоров", "Егоров", "Жуков", "Ёлкин"]
    steps = text_rank_steps(texts, russian_collator(), chunk)
    taken = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            ranks = done.value
            break
        taken += 1
    distinct = len({"Ёлкин", "10А", "9Б", "егоров", "Егоров", "Жуков"})
    assert taken == math.ceil(distinct / chunk)
    assert ranks == text_ranks(texts, russian_collator())
    assert ranks == ([3, 5, 1, 0, 2, 2, 4, 3], 5)
    assert run_steps(text_rank_steps(texts, russian_collator(), chunk)) == ranks
