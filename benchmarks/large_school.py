"""Shared by the benchmarks: the large demonstration school, cached, and timing helpers.

``large_school()`` is ``create_demo(size="large", today=TODAY)`` (2,000 pupils, 150 teachers,
600 pairs and groups, two academic years), made once per schema version and kept in
``$NASTAVAPP_BENCH_DIR`` (default: ``<temp>/nastavapp-bench``). ``crowded_school()`` is the same
file with pupils added by bulk inserts up to 20,000 people. Benchmarks work on copies.

Each benchmark prints its figures and, for ``run_all.py``, one machine line per figure:
``RESULT|<what>|<figure>|<goal>|<verdict>``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

TODAY = date(2025, 11, 20)
CROWD = 20_000
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

LAST = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
]
FIRST_M = ["Александр", "Максим", "Иван", "Артём", "Дмитрий", "Никита", "Михаил", "Егор"]
FIRST_F = ["Анастасия", "Мария", "Дарья", "Анна", "Елизавета", "Полина", "Виктория", "Ксения"]
FATHER = ["Александров", "Сергеев", "Андреев", "Николаев", "Владимиров", "Петров", "Юрьев"]


def bench_dir() -> Path:
    folder = Path(
        os.environ.get("NASTAVAPP_BENCH_DIR") or Path(tempfile.gettempdir()) / "nastavapp-bench"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _cached(name: str, make: Callable[[Path], None]) -> Path:
    from nastavapp.store import LATEST_VERSION

    path = bench_dir() / f"{name}-schema{LATEST_VERSION}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        make(partial)
        partial.rename(path)
        print(f"(made {path.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return path


def large_school() -> Path:
    """The cached large demo school (do not open it for writing: use ``copy_of``)."""
    from nastavapp.services.demo import create_demo

    return _cached("large-school", lambda p: create_demo(p, size="large", today=TODAY))


def crowded_school(people: int = CROWD) -> Path:
    """The large school plus pupils added by bulk inserts: ``people`` persons in all."""

    def make(path: Path) -> None:
        _copy_db(large_school(), path)
        _add_pupils(path, people)

    return _cached(f"crowded-{people}", make)


def copy_of(source: Path, folder: Path) -> Path:
    """A private copy of a cached file (the program writes backups and settings beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    _copy_db(source, target)
    return target


def _copy_db(source: Path, target: Path) -> None:
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _add_pupils(path: Path, people: int) -> None:
    import sqlalchemy as sa

    from nastavapp.models import Person
    from nastavapp.models.vocab import PersonCategory, Sex
    from nastavapp.store import open_store

    store = open_store(path)
    try:
        with store.session() as session:
            have = session.exec(sa.select(sa.func.count()).select_from(Person)).one()[0]
            rnd = random.Random(7)
            now = datetime.now(UTC)
            rows = []
            for _ in range(people - int(have)):
                female = rnd.random() < 0.5
                grade = rnd.randint(1, 11)
                rows.append(
                    {
                        "category": PersonCategory.STUDENT,
                        "last_name": rnd.choice(LAST) + ("а" if female else ""),
                        "first_name": rnd.choice(FIRST_F if female else FIRST_M),
                        "middle_name": rnd.choice(FATHER) + ("на" if female else "ич"),
                        "sex": Sex.FEMALE if female else Sex.MALE,
                        "birth_date": date(TODAY.year - 7 - grade, 1, 1)
                        + timedelta(days=rnd.randint(0, 364)),
                        "class_name": f"{grade}{rnd.choice('АБВГ')}",
                        "created_at": now,
                    }
                )
            session.execute(sa.insert(Person), rows)
            session.commit()
    finally:
        store.close()


# timing ----------------------------------------------------------------------------------------
def median_of(runs: int, step: Callable[[], object]) -> tuple[float, list[float]]:
    """Median seconds of ``runs`` calls of ``step`` (and every time)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def result(what: str, figure: str, goal: str = "", met: bool | None = None) -> None:
    """One figure: a readable line and the machine line ``run_all.py`` collects."""
    verdict = "" if met is None else ("goal met" if met else "GOAL MISSED")
    print(f"{what}: {figure}" + (f" (goal {goal}: {verdict})" if goal else ""))
    print(f"RESULT|{what}|{figure}|{goal}|{verdict}", flush=True)


def offscreen() -> None:
    """Benchmarks draw offscreen (no display needed, nothing appears)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


_QT_HANDLER: list[object] = []


def quiet_qt() -> None:
    """Drop the offscreen plugin's «does not support propagateSizeHints» notes; say the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    _QT_HANDLER.append(handler)  # referenced for the life of the process
    qInstallMessageHandler(handler)


def fresh_home(prefix: str) -> Path:
    """A new temporary data folder (settings, logs, backups) for one benchmark."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=bench_dir()))


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
