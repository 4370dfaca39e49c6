"""The «data» sheet format shared by the school's report and the municipal summary."""

from __future__ import annotations

from datetime import date, datetime

from nastavapp.services.report_data import (
    FORMAT_VERSION,
    IDENTITY_KEYS,
    data_rows,
    flatten,
    report_figures,
    unflatten,
)
from nastavapp.services.stats import collect_stats


def test_flatten_and_back():
    nested = {"a": 1, "persons": {"students": 3, "teachers": 0}, "x": {"y": {"z": None}}}
    rows = flatten(nested)
    assert rows == [("a", 1), ("persons.students", 3), ("persons.teachers", 0), ("x.y.z", None)]
    assert unflatten(rows) == nested


def test_rows_hold_identity_version_and_every_stats_figure(school_store):
    day = date(2025, 10, 15)
    rows = dict(data_rows(school_store, day, now=datetime(2025, 10, 15, 9, 30)))
    assert rows["format_version"] == FORMAT_VERSION
    assert rows["generated_at"] == "2025-10-15T09:30:00"
    assert all(key in rows for key in IDENTITY_KEYS)
    assert rows["school.short_name"] == "МБОУ «Сосновская СОШ»"
    stats = dict(flatten(collect_stats(school_store, today=day)))
    del stats["school"]
    for key, value in stats.items():
        assert rows[key] == value, key
    assert rows["indicator_counts.teachers_involved.denominator"] == 0
    assert unflatten(list(rows.items()))["persons"] == report_figures(school_store, day)["persons"]
