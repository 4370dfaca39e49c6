"""Shared fixtures: an isolated data folder, a fresh data file, a school set up through services."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from nastavapp.models.vocab import MentoringForm, Sex
from nastavapp.services.names import FullName
from nastavapp.services.school import SchoolSetup, setup_school
from nastavapp.store import Store, open_store

TODAY = date(2025, 10, 15)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: settings and default database never leak."""
    home = tmp_path / "home"
    monkeypatch.setenv("NASTAVAPP_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "school.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


def sample_setup(**changes: object) -> SchoolSetup:
    values: dict[str, object] = dict(
        full_name="Муниципальное бюджетное общеобразовательное учреждение "
        "«Сосновская средняя общеобразовательная школа»",
        short_name="МБОУ «Сосновская СОШ»",
        municipality="Усть-Таркский район",
        address="632160, с. Сосновка, ул. Школьная, 1",
        director=FullName("Ёлкина", "Наталья", "Викторовна"),
        director_sex=Sex.FEMALE,
        curator=FullName("Петров", "Илья", "Сергеевич"),
        curator_sex=Sex.MALE,
        curator_position="заместитель директора по УВР",
        year_title="2025/2026",
        forms=[MentoringForm.STUDENT_STUDENT, MentoringForm.TEACHER_TEACHER],
    )
    values.update(changes)
    return SchoolSetup(**values)  # type: ignore[arg-type]


DEMO_DAY = date(2025, 11, 20)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo school as of 20.11.2025, built once per test run; never opened directly."""
    from nastavapp.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    create_demo(path, today=DEMO_DAY)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the demo school for one test (changes never leak to another)."""
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    opened = open_store(copy, backups=False)
    yield opened
    opened.close()


@pytest.fixture
def school_store(store: Store) -> Store:
    """A data file with a school and its first academic year 2025/2026."""
    setup_school(store, sample_setup())
    return store


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every message box text, by kind, instead of showing it; confirmations answer «Да»."""
    seen: dict[str, list[str]] = {"confirm": [], "info": [], "error": [], "warning": []}

    def keep(kind: str, answer: object = None):  # type: ignore[no-untyped-def]
        def show(_parent, text, *_args):  # type: ignore[no-untyped-def]
            seen[kind].append(text)
            return answer

        return show

    monkeypatch.setattr("nastavapp.ui.messages.confirm", keep("confirm", True))
    for kind in ("info", "error", "warning"):
        monkeypatch.setattr(f"nastavapp.ui.messages.{kind}", keep(kind))
    return seen


@pytest.fixture
def controller(qtbot):  # type: ignore[no-untyped-def]
    """Makes program controllers; every window and file they opened is closed afterwards."""
    from .ui_helpers import Controllers

    made = Controllers()
    yield made
    made.close_all()


@pytest.fixture
def opened(controller, demo_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A controller with a copy of the demo school opened in its window."""
    path = tmp_path / "school.sqlite"
    shutil.copyfile(demo_file, path)
    ctl = controller()
    assert ctl.start(path)
    return ctl
