"""Every document the program writes, made from the demo school and compared with an earlier set.

For refactoring the document code: make a reference set before the change, another after, and
compare them — PDF pages pixel by pixel (rendered with ``pdftoppm`` from poppler-utils), the
workbooks cell by cell (values, styles, merged cells, row heights). Same data, same clock: two
sets made from the same code are identical.

    python scripts/document_snapshots.py make /tmp/ref        # before the change
    python scripts/document_snapshots.py make /tmp/new        # after it
    python scripts/document_snapshots.py compare /tmp/ref /tmp/new

The demo data files are kept in ``OUTDIR/../document-snapshots-cache`` between runs (they do not
depend on the document code). Exit status of ``compare``: 0 when nothing differs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.conftest, tests.report_files: the tests' sample data

from nastavapp.models.vocab import GroupStatus, PersonCategory, Role  # noqa: E402
from nastavapp.services.consents import withdraw_consent  # noqa: E402
from nastavapp.services.demo import create_demo  # noqa: E402
from nastavapp.services.documents.consent_forms import (  # noqa: E402
    class_pupils,
    export_consent_forms,
    school_classes,
)
from nastavapp.services.documents.lists_pdf import ListKind, export_list  # noqa: E402
from nastavapp.services.documents.order_register import write_order  # noqa: E402
from nastavapp.services.documents.orders import ORDER_KINDS, new_draft  # noqa: E402
from nastavapp.services.documents.plan_pdf import export_plan_pdf  # noqa: E402
from nastavapp.services.documents.report_export import export_report  # noqa: E402
from nastavapp.services.documents.roadmap_export import export_roadmap  # noqa: E402
from nastavapp.services.pairs import list_groups  # noqa: E402
from nastavapp.services.people import list_persons  # noqa: E402
from nastavapp.services.school import setup_school  # noqa: E402
from nastavapp.services.years import current_year  # noqa: E402
from nastavapp.store import Store, open_store  # noqa: E402

DAY = date(2025, 11, 20)
NOW = datetime(2025, 11, 22, 10, 0)
_CACHE: list[Path] = []


def _cache() -> Path:
    folder = _CACHE[0]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cached_demo() -> Path:
    path = _cache() / "demo.sqlite"
    if not path.exists():
        create_demo(path, today=DAY)
    return path


def fresh(work: Path, name: str) -> Store:
    copy = work / name
    shutil.copy(cached_demo(), copy)
    return open_store(copy, create=False, backups=False)


def school_documents(out: Path, work: Path) -> None:
    store = fresh(work, "demo1.sqlite")
    try:
        # orders, every kind
        for kind in ORDER_KINDS:
            draft = new_draft(store, kind, today=DAY)
            if not draft.number:
                draft.number = "140-о"
            write_order(draft, out / f"order_{kind.value}.pdf")
        # consent forms: a class and some teachers
        classes = school_classes(store)
        export_consent_forms(store, class_pupils(store, "7А"), out / "consent_7A.pdf", today=DAY)
        export_consent_forms(
            store, class_pupils(store, classes[0]), out / "consent_1.pdf", today=DAY
        )
        teachers = [int(p.id or 0) for p in list_persons(store, PersonCategory.TEACHER)][:4]
        export_consent_forms(store, teachers, out / "consent_teachers.pdf", today=DAY)
        # report with and without lists
        export_report(store, out / "report.pdf", DAY, now=NOW)
        export_report(store, out / "report_lists.pdf", DAY, with_lists=True, now=NOW)
        # roadmap
        export_roadmap(store, out / "roadmap.pdf")
        # plans of every live group
        year = current_year(store)
        assert year is not None
        for card in list_groups(store, year.id):
            export_plan_pdf(store, card.id, out / f"plan_{card.id}.pdf", today=DAY)
        # lists
        for kind in ListKind:
            export_list(store, year, kind, out / f"list_{kind.value}.pdf", today=DAY)
    finally:
        store.close()

    # the same with two consents withdrawn (placeholders instead of names)
    store = fresh(work, "demo2.sqlite")
    try:
        year = current_year(store)
        assert year is not None
        cards = [c for c in list_groups(store, year.id) if c.status is not GroupStatus.DISBANDED]
        withdraw_consent(store, cards[0].mentor.id, DAY, today=DAY)
        withdraw_consent(store, cards[-1].mentees[0].id, DAY, today=DAY)
        export_report(store, out / "report_lists_withdrawn.pdf", DAY, with_lists=True, now=NOW)
        export_plan_pdf(store, cards[0].id, out / "plan_withdrawn.pdf", today=DAY)
        for kind in ListKind:
            export_list(store, year, kind, out / f"list_{kind.value}_withdrawn.pdf", today=DAY)
        draft = new_draft(store, ORDER_KINDS[2], today=DAY)
        draft.number = draft.number or "141-о"
        write_order(draft, out / "order_pairs_withdrawn.pdf")
    finally:
        store.close()


def empty_school(out: Path, work: Path) -> None:
    from tests.conftest import sample_setup

    store = open_store(work / "empty.sqlite")
    try:
        setup_school(store, sample_setup())
        export_report(store, out / "report_empty.pdf", DAY, now=NOW)
        export_roadmap(store, out / "roadmap_empty.pdf")
        draft = new_draft(store, ORDER_KINDS[0], today=DAY)
        draft.number = "1-о"
        write_order(draft, out / "order_empty.pdf")
    finally:
        store.close()


def municipal(out: Path, work: Path) -> None:
    from tests.report_files import MUNICIPALITY, make_school, school_rows

    from nastavapp.services.consolidation.centre import (
        CentreProfile,
        open_municipal_store,
        save_centre,
    )
    from nastavapp.services.consolidation.checks import check_report
    from nastavapp.services.consolidation.expected import add_expected
    from nastavapp.services.consolidation.store_reports import add_reports
    from nastavapp.services.consolidation.summary import summary_from_store
    from nastavapp.services.consolidation.summary_pdf import export_summary_pdf

    folder = _cache() / "schools"
    folder.mkdir(parents=True, exist_ok=True)
    previous = date(2024, 11, 20)
    rows = {}
    for n in range(1, 5):
        path = folder / f"school{n}-2025.sqlite"
        rows[n] = school_rows(path if path.exists() else make_school(folder, n))
    old = {}
    for n in (1, 2):
        path = folder / f"school{n}-2024.sqlite"
        if not path.exists():
            path = make_school(folder, n, seed=40 + n, today=previous)
        old[n] = school_rows(path, previous)
    store = open_municipal_store(work / "municipal.sqlite", backups=False)
    try:
        save_centre(
            store,
            CentreProfile(
                name="МБУ «Центр развития образования» Ольховского муниципального района",
                short_name="МБУ ЦРО",
                municipality=MUNICIPALITY,
                code="3600",
                coordinator="Смирнова Ольга Петровна",
            ),
        )
        reports = [check_report(dict(r), f"{n}.xlsx") for n, r in rows.items()]
        reports += [check_report(dict(r), f"{n}-old.xlsx") for n, r in old.items()]
        add_reports(store, reports)
        add_expected(store, "МКОУ «Ивановская ООШ»")
        summary = summary_from_store(store, "2025/2026", made_on=date(2025, 11, 25))
        export_summary_pdf(summary, out / "summary.pdf")
        from nastavapp.services.consolidation.summary_xlsx import export_summary_xlsx

        export_summary_xlsx(summary, out / "summary.xlsx", now=NOW)
        summary_old = summary_from_store(store, "2024/2025", made_on=date(2025, 11, 25))
        export_summary_pdf(summary_old, out / "summary_2024.pdf")
    finally:
        store.close()


def workbooks(out: Path, work: Path) -> None:
    from nastavapp.services.bases_export import export_base

    store = fresh(work, "demo3.sqlite")
    try:
        export_report(store, out / "report.xlsx", DAY, now=NOW)
        export_report(store, out / "report_lists.xlsx", DAY, with_lists=True, now=NOW)
        export_roadmap(store, out / "roadmap.xlsx")
        year = current_year(store)
        assert year is not None
        for role in Role:
            export_base(store, year, role, out / f"base_{role.value}.xlsx", today=DAY)
    finally:
        store.close()


def make(root: Path) -> None:
    _CACHE.append(root.parent / "document-snapshots-cache")
    if root.exists():
        shutil.rmtree(root)
    files, pages, work = root / "files", root / "png", root / "work"
    for folder in (files, pages, work):
        folder.mkdir(parents=True)
    school_documents(files, work)
    empty_school(files, work)
    municipal(files, work)
    workbooks(files, work)
    shutil.rmtree(work)
    for pdf in sorted(files.glob("*.pdf")):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(pages / pdf.stem)], check=True
        )
    print(
        f"{len(list(files.glob('*.pdf')))} PDF ({len(list(pages.glob('*.png')))} pages), "
        f"{len(list(files.glob('*.xlsx')))} xlsx in {root}"
    )


def _compare_pages(ref: Path, new: Path) -> list[str]:
    from PIL import Image, ImageChops

    found = []
    a, b = ({p.name for p in (d / "png").glob("*.png")} for d in (ref, new))
    if a != b:
        found.append(f"pages: only in ref {sorted(a - b)}, only in new {sorted(b - a)}")
    for name in sorted(a & b):
        x = Image.open(ref / "png" / name).convert("RGB")
        y = Image.open(new / "png" / name).convert("RGB")
        if x.size != y.size:
            found.append(f"{name}: size {x.size} → {y.size}")
        elif (box := ImageChops.difference(x, y).getbbox()) is not None:
            found.append(f"{name}: pixels differ in {box}")
    return found


def _compare_book(ref: Path, new: Path) -> list[str]:
    from openpyxl import load_workbook

    a, b = (load_workbook(p, rich_text=True) for p in (ref, new))
    if a.sheetnames != b.sheetnames:
        return [f"{ref.name}: sheets {a.sheetnames} → {b.sheetnames}"]
    found = []
    for name in a.sheetnames:
        x, y = a[name], b[name]
        where = f"{ref.name}/{name}"
        if (x.max_row, x.max_column) != (y.max_row, y.max_column):
            found.append(f"{where}: size {x.max_row}×{x.max_column} → {y.max_row}×{y.max_column}")
        if sorted(map(str, x.merged_cells.ranges)) != sorted(map(str, y.merged_cells.ranges)):
            found.append(f"{where}: merged cells differ")
        for r in range(1, x.max_row + 1):
            if x.row_dimensions[r].height != y.row_dimensions[r].height:
                found.append(f"{where}: height of row {r}")
            for c in range(1, x.max_column + 1):
                p, q = x.cell(r, c), y.cell(r, c)
                if str(p.value) != str(q.value) or p._style != q._style:
                    found.append(
                        f"{where}!{p.coordinate}: {str(p.value)[:40]!r} → {str(q.value)[:40]!r}"
                    )
    return found


def compare(ref: Path, new: Path) -> int:
    found = _compare_pages(ref, new)
    books = sorted(p.name for p in (ref / "files").glob("*.xlsx"))
    for name in books:
        if not (new / "files" / name).exists():
            found.append(f"{name}: missing in {new}")
            continue
        found += _compare_book(ref / "files" / name, new / "files" / name)
    pages = len(list((ref / "png").glob("*.png")))
    for line in found:
        print(line)
    print(f"{pages} pages and {len(books)} workbooks compared: {len(found)} differences")
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("make").add_argument("outdir", type=Path)
    both = commands.add_parser("compare")
    both.add_argument("ref", type=Path)
    both.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "make":
        make(args.outdir.resolve())
        return 0
    return compare(args.ref.resolve(), args.new.resolve())


if __name__ == "__main__":
    sys.exit(main())
