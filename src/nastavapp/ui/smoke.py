"""``nastavapp --smoke``: the real start-up, run once headless, for a built (frozen) program.

It checks what a broken bundle gets wrong: bundled resources, migrations on a new file, the
log in a windowed build (``sys.stdout`` is None there), fonts for documents, Qt's Russian
translations, the main window on a demonstration school (created offscreen and closed), one
declension (pytrovich) and dates in words (Babel) when they are installed, one export (the
roadmap as PDF), an xlsx written and read back, the report (PDF and xlsx) and the Положение
(.docx), and a small matching: the libraries the bundle trims (see build_installer.spec) are
all exercised. Everything happens in a new temporary folder inside ``$NASTAVAPP_HOME`` (or the
system's temporary folder), which is removed afterwards: the user's data are never touched.

Each check prints one line; the same lines go to ``nastavapp-smoke.log`` in ``$NASTAVAPP_HOME``
(or the temporary folder), which is where to read them when the build has no console. The exit
status is 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .. import APP_NAME, __version__
from ..store.paths import HOME_ENV

REPORT_NAME = "nastavapp-smoke.log"


@dataclass
class SmokeRun:
    """The checks done so far and where their lines go."""

    report: TextIO
    work: Path
    failures: int = 0
    qt_messages: list[str] = field(default_factory=list)
    shown_messages: list[str] = field(default_factory=list)
    keep: dict[str, Any] = field(default_factory=dict)  # objects the later checks need

    def say(self, line: str) -> None:
        self.report.write(line + "\n")
        self.report.flush()
        if sys.stdout is not None:
            with contextlib.suppress(OSError, ValueError):
                print(line, flush=True)

    def check(self, title: str, step: Callable[[SmokeRun], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = step(self)
        except Exception as exc:  # every failure is reported, then the next check runs
            self.failures += 1
            self.say(f"FAIL {title}: {type(exc).__name__}: {exc}")
            for line in traceback.format_exc().rstrip().splitlines():
                self.say(f"     {line}")
            return False
        self.say(f"ok   {title} ({time.perf_counter() - started:.2f} s): {detail}")
        return True


def report_path() -> Path:
    """Where the lines of the last smoke run are written."""
    base = os.environ.get(HOME_ENV) or tempfile.gettempdir()
    return Path(base).expanduser() / REPORT_NAME


def run() -> int:
    """Run every check; 0 when all passed, 1 otherwise (the lines say which failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # created offscreen, also on a desktop
    path = report_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nastavapp-smoke-", dir=path.parent))
    previous_home = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = str(work / "home")  # settings, logs, backups: all in the temp folder
    started = time.perf_counter()
    with path.open("w", encoding="utf-8") as report:
        smoke = SmokeRun(report, work)
        frozen = "frozen" if getattr(sys, "frozen", False) else "not frozen"
        smoke.say(f"{APP_NAME} {__version__} smoke run ({frozen}, Python {sys.version.split()[0]})")
        try:
            for title, step in CHECKS:
                smoke.check(title, step)
        finally:
            _cleanup(smoke)
            if previous_home is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = previous_home
        verdict = "passed" if smoke.failures == 0 else f"FAILED ({smoke.failures} checks)"
        smoke.say(f"smoke {verdict} in {time.perf_counter() - started:.1f} s; report: {path}")
    return 0 if smoke.failures == 0 else 1


# the checks ---------------------------------------------------------------------------------
def _resources(_smoke: SmokeRun) -> str:
    from ..resource_files import resource

    wanted = [
        ("roadmap", "template.json"),
        ("plans", "templates.json"),
        ("questionnaires", "templates.json"),
        ("fonts", "LiberationSerif-Regular.ttf"),
        ("icons", "nastavapp.png"),
    ]
    missing = [
        "/".join(p) for p in wanted if not resource(*p).is_file() or not resource(*p).read_bytes()
    ]
    if missing:
        raise FileNotFoundError(f"not bundled: {', '.join(missing)}")
    return f"{len(wanted)} files found via {resource().__class__.__name__}"


def _logging(smoke: SmokeRun) -> str:
    import logging

    from ..logging_setup import flush_log, log_path, setup_logging

    written = setup_logging(smoke.work / "home")
    logging.getLogger("nastavapp.smoke").info("smoke run: the log works")
    flush_log()
    if written is None or "the log works" not in written.read_text(encoding="utf-8"):
        raise RuntimeError(f"nothing written to the log ({log_path()})")
    streams = "stdout is None" if sys.stdout is None else "stdout present"
    return f"{written.name} written ({streams})"


def _migrations(smoke: SmokeRun) -> str:
    from ..store import LATEST_VERSION, open_store

    store = open_store(smoke.work / "empty.sqlite")
    try:
        version = store.schema_version()
    finally:
        store.close()
    if version != LATEST_VERSION:
        raise RuntimeError(f"schema version {version}, expected {LATEST_VERSION}")
    return f"new file migrated to schema version {version}"


def _fonts(_smoke: SmokeRun) -> str:
    from ..services.documents.fonts import register_fonts

    families = register_fonts()
    return f"registered with reportlab: {', '.join(families)}"


def _qt(smoke: SmokeRun) -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def collect(_kind: object, _context: object, message: str) -> None:
        smoke.qt_messages.append(message)

    smoke.keep["qt_handler"] = collect  # referenced while installed
    smoke.keep["qt_previous_handler"] = qInstallMessageHandler(collect)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    smoke.keep["app"] = app
    from .app import install_russian

    install_russian(app)  # as the program does: Qt's own qtbase_ru.qm
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel == "Cancel":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        raise RuntimeError(f"qtbase_ru.qm not loaded from {folder}")
    platform = QApplication.platformName()
    return f"Qt {QLibraryInfo.version().toString()} on «{platform}», «Cancel» → «{cancel}»"


def _demo(smoke: SmokeRun) -> str:
    from ..services.demo import create_demo

    summary = create_demo(smoke.work / "demo.sqlite", size="small")
    smoke.keep["demo"] = summary.path
    return f"small demo school: {summary.students} pupils, {summary.groups} pairs and groups"


def _main_window(smoke: SmokeRun) -> str:
    from PySide6.QtWidgets import QApplication

    from .app import AppController
    from .settings import UiSettings

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication (the Qt check failed)")
    with _quiet_message_boxes(smoke):
        controller = AppController(UiSettings(smoke.work / "home" / "settings.ini"))
        smoke.keep["controller"] = controller
        if not controller.start(Path(smoke.keep["demo"])):
            raise RuntimeError("the demo file was not opened")
        window = controller.window
        if window is None:
            raise RuntimeError("no main window (the first-run wizard came instead?)")
        app.processEvents()
        for key in list(window.screens):
            window.show_screen(key)
            app.processEvents()
        title = window.windowTitle()
        screens = len(window.screens)
        window.close()
        app.processEvents()
    if smoke.shown_messages:
        raise RuntimeError("message boxes shown: " + " | ".join(smoke.shown_messages))
    return f"«{title}», {screens} screens shown, closed"


def _declension(_smoke: SmokeRun) -> str:
    try:
        from pytrovich.enums import Case, Gender, NamePart
        from pytrovich.maker import PetrovichDeclinationMaker
    except ImportError:
        return "skipped: pytrovich is not installed"
    maker = PetrovichDeclinationMaker()
    parts = (
        (NamePart.LASTNAME, "Иванов"),
        (NamePart.FIRSTNAME, "Пётр"),
        (NamePart.MIDDLENAME, "Сергеевич"),
    )
    declined = " ".join(maker.make(part, Gender.MALE, Case.DATIVE, word) for part, word in parts)
    if declined != "Иванову Петру Сергеевичу":
        raise RuntimeError(f"«Иванов Пётр Сергеевич» in the dative gave «{declined}»")
    return f"dative: «{declined}»"


def _dates(_smoke: SmokeRun) -> str:
    try:
        from babel.dates import format_date
    except ImportError:
        return "skipped: Babel is not installed"
    text = format_date(date(2025, 9, 25), "long", locale="ru")
    if " ".join(text.split()) != "25 сентября 2025 г.":  # Babel puts a no-break space before «г.»
        raise RuntimeError(f"25.09.2025 in words gave «{text}»")
    return f"«{text}»"


def _export(smoke: SmokeRun) -> str:
    from ..services.documents.roadmap_export import export_roadmap
    from ..store import open_store

    out = smoke.work / "out"
    out.mkdir()
    store = open_store(Path(smoke.keep["demo"]))
    try:
        written = export_roadmap(store, out / "roadmap.pdf")
    finally:
        store.close()
    data = written.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 5_000:
        raise RuntimeError(f"{written} is not a PDF ({len(data)} bytes)")
    return f"roadmap PDF, {len(data) // 1024} KB"


def _spreadsheet(smoke: SmokeRun) -> str:
    from ..services.documents.roadmap_export import export_roadmap
    from ..services.importing.reading import read_sheets
    from ..store import open_store

    store = open_store(Path(smoke.keep["demo"]))
    try:
        written = export_roadmap(store, smoke.work / "out" / "roadmap.xlsx")  # openpyxl
    finally:
        store.close()
    sheets = read_sheets(written)  # python-calamine, as lists are read for import
    rows = sum(len(sheet.rows) for sheet in sheets)
    if rows < 10:
        raise RuntimeError(f"{written.name} read back with {rows} rows")
    return f"roadmap xlsx written and read back: {len(sheets)} sheets, {rows} rows"


def _documents(smoke: SmokeRun) -> str:
    """The report (charts, tables) as PDF and xlsx, and the Положение as an editable .docx."""
    from ..services.documents.regulations import export_regulations
    from ..services.documents.report_export import export_report
    from ..services.importing.reading import read_sheets
    from ..store import open_store

    out = smoke.work / "out"
    store = open_store(Path(smoke.keep["demo"]))
    try:
        pdf = export_report(store, out / "report.pdf", with_lists=True).read_bytes()
        workbook = export_report(store, out / "report.xlsx", with_lists=True)
        docx = export_regulations(store, out / "polozhenie.docx", today=date.today())
    finally:
        store.close()
    if not pdf.startswith(b"%PDF") or len(pdf) < 20_000:
        raise RuntimeError(f"the report PDF is not one ({len(pdf)} bytes)")
    sheets = [sheet.name for sheet in read_sheets(workbook)]
    from docx import Document  # python-docx, as the curator's Word would read it back

    text = " ".join(paragraph.text for paragraph in Document(str(docx)).paragraphs)
    if "ПОЛОЖЕНИЕ" not in text.upper():
        raise RuntimeError("the Положение has no title")
    return f"report PDF {len(pdf) // 1024} KB, xlsx sheets {sheets}, Положение {len(text)} chars"


def _matching(_smoke: SmokeRun) -> str:
    from ..models.vocab import MentoringForm, MentorStatus, PersonCategory
    from ..services.matching import propose_for_pool
    from ..services.matching.pool import Candidate, Pool

    today = date(2025, 11, 20)
    pupils = tuple(
        Candidate(i, f"Ученик {i}", PersonCategory.STUDENT, date(2013, 3, 1), "6А", "", ("физика",))
        for i in range(1, 5)
    )
    seniors = tuple(
        Candidate(
            100 + j,
            f"Наставник {j}",
            PersonCategory.STUDENT,
            date(2009, 5, 1),
            "10Б",
            "",
            ("физика", "математика"),
            MentorStatus.TRAINED,
            2,
        )
        for j in range(1, 3)
    )
    pool = Pool(MentoringForm.STUDENT_STUDENT, pupils, seniors, frozenset())
    result = propose_for_pool(pool, today)
    if len(result.proposals) != 4:
        raise RuntimeError(f"4 pupils, 2 mentors × 2 places: {len(result.proposals)} proposed")
    return "4 pupils matched with 2 mentors"


CHECKS: list[tuple[str, Callable[[SmokeRun], str]]] = [
    ("resources", _resources),
    ("log file", _logging),
    ("migrations", _migrations),
    ("document fonts", _fonts),
    ("Qt and Russian translations", _qt),
    ("demo school", _demo),
    ("main window", _main_window),
    ("declension", _declension),
    ("dates in words", _dates),
    ("roadmap export", _export),
    ("spreadsheet", _spreadsheet),
    ("documents", _documents),
    ("matching", _matching),
]


# helpers ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _quiet_message_boxes(smoke: SmokeRun) -> Iterator[None]:
    """A modal box would wait forever offscreen: record its text instead (and fail the check)."""
    from . import messages

    def record(*args: Any, **_kwargs: Any) -> bool:
        texts = [a for a in args if isinstance(a, str)]
        smoke.shown_messages.append(texts[0] if texts else "?")
        return False

    names = ("info", "warning", "error", "confirm", "confirm_action", "about")
    saved = {name: getattr(messages, name) for name in names}
    try:
        for name in names:
            setattr(messages, name, record)
        yield
    finally:
        for name, function in saved.items():
            setattr(messages, name, function)


def _cleanup(smoke: SmokeRun) -> None:
    controller = smoke.keep.pop("controller", None)
    if controller is not None:
        with contextlib.suppress(Exception):
            controller.shutdown()
    from ..logging_setup import shutdown_logging

    shutdown_logging()
    if "qt_handler" in smoke.keep:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(smoke.keep.pop("qt_previous_handler", None))
    if smoke.qt_messages:
        smoke.say(f"Qt said: {' | '.join(dict.fromkeys(smoke.qt_messages))}")
    shutil.rmtree(smoke.work, ignore_errors=True)
