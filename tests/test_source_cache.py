"""The source lines PySide6's import hook leaves in ``linecache`` are dropped, and come back."""

from __future__ import annotations

import linecache
from pathlib import Path

from nastavapp.ui.source_cache import forget_module_sources


def test_file_lines_are_dropped_and_read_again(tmp_path: Path) -> None:
    source = tmp_path / "some_module.py"
    source.write_text("first = 1\nsecond = 2\n", encoding="utf-8")
    generated = "<generated nastavapp test>"
    linecache.cache[generated] = (10, None, ["made = 1\n"], generated)
    try:
        assert linecache.getline(str(source), 2) == "second = 2\n"
        assert str(source) in linecache.cache

        assert forget_module_sources() >= 1

        assert str(source) not in linecache.cache
        assert linecache.cache[generated][2] == ["made = 1\n"]  # nothing could read it again
        assert linecache.getline(str(source), 1) == "first = 1\n"  # a traceback still gets it
    finally:
        linecache.cache.pop(generated, None)
        linecache.cache.pop(str(source), None)


def test_building_a_screen_forgets_the_sources(qapp) -> None:  # type: ignore[no-untyped-def]
    from nastavapp.ui.screen_set import ScreenSet
    from nastavapp.ui.screens import PlaceholderScreen

    linecache.getline(__file__, 1)
    assert __file__ in linecache.cache
    screens = ScreenSet(
        {"x": lambda: PlaceholderScreen("Раздел", "Текст")},
        adopt=lambda _key, _screen: None,
        refresh=lambda _screen: None,
    )
    screens["x"]
    assert __file__ not in linecache.cache
