"""School names typed with straight quotes are stored with «ёлочки», as orders print them."""

from __future__ import annotations

import pytest

from nastavapp.services.names import russian_quotes
from nastavapp.services.school import get_school, setup_school
from nastavapp.store import Store

from .conftest import sample_setup


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ('МБОУ "Кедровская СОШ"', "МБОУ «Кедровская СОШ»"),
        ('"Школа №1"', "«Школа №1»"),
        ("МБОУ “Кедровская СОШ”", "МБОУ «Кедровская СОШ»"),
        ("МБОУ „Кедровская СОШ“", "МБОУ «Кедровская СОШ»"),
        ('МАОУ "СОШ "Лидер""', "МАОУ «СОШ «Лидер»»"),
        ("МБОУ «Кедровская СОШ»", "МБОУ «Кедровская СОШ»"),
        ("МБОУ Кедровская СОШ", "МБОУ Кедровская СОШ"),
    ],
)
def test_russian_quotes(typed, stored):
    assert russian_quotes(typed) == stored


def test_setup_stores_school_names_with_russian_quotes(store: Store):
    setup_school(
        store,
        sample_setup(
            full_name='Муниципальное бюджетное общеобразовательное учреждение "Кедровская '
            'средняя общеобразовательная школа"',
            short_name='МБОУ "Кедровская СОШ"',
        ),
    )
    school = get_school(store)
    assert school is not None
    assert school.short_name == "МБОУ «Кедровская СОШ»"
    assert school.full_name.endswith("учреждение «Кедровская средняя общеобразовательная школа»")
