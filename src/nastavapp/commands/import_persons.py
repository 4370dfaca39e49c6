"""``nastavapp import persons FILE``: pupils or teachers from a school's list (xlsx, xls, ods, csv).

Exit code 0 when the file was read (even with rejected rows), 1 with a Russian message when it
could not be read or its columns not recognised, 2 for wrong parameters (argparse, a report
named other than .xlsx).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import fail

NAME = "import"
KINDS = {"student": "обучающихся", "teacher": "педагогов"}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(NAME, help="загрузить списки из таблиц школы")
    what = parser.add_subparsers(dest="import_what", metavar="ЧТО", required=True)
    persons = what.add_parser(
        "persons",
        help="обучающихся или педагогов из файла xlsx, xls, ods или csv",
        description="Загрузить обучающихся или педагогов из таблицы (xlsx, xls, ods, csv).",
    )
    persons.add_argument("file", type=Path, metavar="ФАЙЛ", help="таблица со списком")
    persons.add_argument("--db", type=Path, required=True, help="файл базы")
    persons.add_argument(
        "--kind",
        choices=sorted(KINDS),
        required=True,
        help="student — обучающиеся, teacher — педагоги",
    )
    persons.add_argument(
        "--dry-run", action="store_true", help="только проверить файл, ничего не сохранять"
    )
    persons.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="ОТЧЁТ.xlsx",
        help="сохранить отклонённые строки и повторы в файл .xlsx",
    )


def run(args: argparse.Namespace) -> int:
    from ..models.vocab import PersonCategory
    from ..services.importing import (
        ImportFileError,
        ReportError,
        check_report_path,
        import_persons,
        prepare_import,
    )
    from ..store import open_store

    if args.report is not None:
        try:
            check_report_path(args.report)  # before anything is stored
        except ReportError as exc:
            return fail(str(exc), code=2)
    try:
        preview = prepare_import(args.file)
    except ImportFileError as exc:
        return fail(str(exc))
    if not preview.mapping.has_names:
        return fail(
            f"В файле «{args.file.name}» не найдена строка заголовков: нужен столбец «ФИО» "
            "или столбцы «Фамилия» и «Имя»."
        )
    store = open_store(args.db, create=False)
    try:
        result = import_persons(store, preview, PersonCategory(args.kind), dry_run=args.dry_run)
    finally:
        store.close()
    header = preview.mapping.header_row
    print(
        f"Файл «{args.file.name}», лист «{result.sheet}»"
        + (f", заголовки в строке {header + 1}." if header is not None else ".")
    )
    for note in preview.notes:  # e.g. formulas read as empty: said before the figures
        print(f"Внимание: {note}")
    if args.dry_run:
        print(
            f"Пробный запуск, база не изменена. Будет загружено {KINDS[args.kind]}: "
            f"{len(result.accepted)}."
        )
    else:
        print(f"Загружено {KINDS[args.kind]}: {result.imported}.")
    for note in result.notes():
        print(note)
    print(f"Повторов (не созданы повторно): {len(result.duplicates)}.")
    for dup in result.duplicates:
        born = dup.person.birth_date
        when = f", {born:%d.%m.%Y}" if born else ""
        print(
            f"  Строка {dup.row_number}: {dup.person.full_name}{when} — {_after_dash(dup.reason)}"
        )
    print(f"Отклонено строк: {len(result.rejected)}.")
    for row in result.rejected:
        text = f"{row.name} — {_after_dash(row.reason)}" if row.name else row.reason
        print(f"  Строка {row.row_number}: {text}")
    if args.report is not None and (result.rejected or result.duplicates):
        from ..services.importing import save_rejections

        try:
            save_rejections(result, args.report)
        except ReportError as exc:
            return fail(str(exc))
        print(f"Отчёт об отклонённых строках: {args.report}")
    return 0


def _after_dash(sentence: str) -> str:
    """«Повторяет строку 3.» → «повторяет строку 3.» (but «ФИО …» keeps its capitals)."""
    if len(sentence) > 1 and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence
