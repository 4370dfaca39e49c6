"""«2026/27», as schools often write the year, is read as 2026/2027 (the wizard no longer
refuses it with «записан неверно»)."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.services.years import YearError, parse_year_title


@pytest.mark.parametrize(
    ("text", "title"),
    [("2026/27", "2026/2027"), ("2026-27", "2026/2027"), (" 2099 / 00 ", "2099/2100")],
)
def test_two_digit_second_year(text, title):
    assert parse_year_title(text)[0] == title


def test_two_digit_second_year_gives_the_dates():
    assert parse_year_title("2026/27")[1:] == (date(2026, 9, 1), date(2027, 8, 31))


@pytest.mark.parametrize("text", ["2026/28", "2026/26", "2026/7", "26/27"])
def test_two_digit_second_year_must_follow(text):
    with pytest.raises(YearError):
        parse_year_title(text)
