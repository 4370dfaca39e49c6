"""The screens of the main window, built on first use and refreshed only when looked at.

Start-up builds and fills only the screen shown; a screen whose year changed while hidden is
marked stale and brought up to date when it is shown (or asked for) again. The big areas are
also imported on first use, so their modules cost nothing at start-up; the source lines PySide6's
import hook left in ``linecache`` meanwhile are dropped after each build (``source_cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import partial

from ..models.vocab import RoadmapStage
from ..store import Store
from .navigation import AREAS, HOME, stage_key
from .screens import PLACEHOLDERS, PlaceholderScreen, Screen
from .source_cache import forget_module_sources

Factory = Callable[[], Screen]


def _area_screen(key: str, store: Store, today: date) -> Screen:
    if key == "bases":
        from .bases import BasesScreen

        return BasesScreen(store, today)
    if key == "pairs":
        from .pairs import PairsScreen

        return PairsScreen(store, today)
    if key == "indicators":
        from .indicators import IndicatorsScreen

        return IndicatorsScreen(store, today)
    if key == "documents":
        from .documents_screen import DocumentsScreen

        return DocumentsScreen(store, today)
    return PlaceholderScreen(*PLACEHOLDERS[key])


def _home_screen(store: Store, today: date) -> Screen:
    from .home_screen import HomeScreen

    return HomeScreen(store, today)


def _stage_screen(stage: RoadmapStage, store: Store, today: date) -> Screen:
    from .stage_screen import StageScreen

    return StageScreen(store, stage, today)


def screen_factories(store: Store, today: date) -> dict[str, Factory]:
    """Every screen of the window by its navigation key, in navigation order."""
    factories: dict[str, Factory] = {HOME: lambda: _home_screen(store, today)}
    for stage in RoadmapStage:
        factories[stage_key(stage)] = partial(_stage_screen, stage, store, today)
    for key, _title in AREAS:
        factories[key] = partial(_area_screen, key, store, today)
    return factories


class ScreenSet(Mapping[str, Screen]):
    """``screens[key]`` builds the screen when first asked and refreshes it if it is stale."""

    def __init__(
        self,
        factories: dict[str, Factory],
        adopt: Callable[[str, Screen], None],
        refresh: Callable[[Screen], None],
    ) -> None:
        self._factories = factories
        self._adopt = adopt  # puts a new screen into the window (stack, signals)
        self._refresh = refresh  # shows the window's current year on a screen
        self._built: dict[str, Screen] = {}
        self._stale: set[str] = set()

    def __getitem__(self, key: str) -> Screen:
        screen = self._built.get(key)
        if screen is None:
            screen = self._factories[key]()
            self._built[key] = screen
            self._adopt(key, screen)
            self._refresh(screen)
            forget_module_sources()  # the sources PySide6 read while the screen's modules loaded
        elif key in self._stale:
            self._stale.discard(key)
            self._refresh(screen)
        return screen

    def __contains__(self, key: object) -> bool:
        return key in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def built(self) -> dict[str, Screen]:
        """The screens made so far (no screen is built by asking this)."""
        return dict(self._built)

    def mark_stale(self, *, except_key: str | None = None) -> None:
        self._stale = {key for key in self._built if key != except_key}

    def mark_one_stale(self, key: str) -> None:
        if key in self._built:
            self._stale.add(key)
