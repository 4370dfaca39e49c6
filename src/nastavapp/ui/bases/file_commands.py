"""Loading lists into the bases and saving the bases to Excel, from the screen's buttons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...models.vocab import Role
from ...services.bases_export import export_base
from ...services.documents.errors import ExportError
from ...services.importing import ImportFileError, prepare_import
from .. import messages
from .columns import BaseKind
from .import_dialog import ImportDialog

if TYPE_CHECKING:
    from .screen import BasesScreen

IMPORT_FILTER = "Таблицы (*.xlsx *.xls *.ods *.csv);;Все файлы (*)"
EXPORT_FILTER = "Книга Excel (*.xlsx)"
FILE_NAMES = {Role.MENTEE: "База наставляемых", Role.MENTOR: "База наставников"}
KIND_ROLES = {BaseKind.MENTEES: Role.MENTEE, BaseKind.MENTORS: Role.MENTOR}


class FileCommands:
    def __init__(self, screen: BasesScreen) -> None:
        self.screen = screen
        self.store = screen.store
        self.today = screen.today
        self.folder = Path.home()

    def import_list(self) -> None:
        path = messages.open_file(self.screen, "Загрузить список", self.folder, IMPORT_FILTER)
        if path is None:
            return
        self.folder = path.parent
        try:
            preview = prepare_import(path)
        except ImportFileError as exc:
            messages.error(self.screen, str(exc))
            return
        dialog = ImportDialog(self.store, preview, self.today, self.screen)
        self.screen.adopt_dialog(dialog)

        def finished(_code: int) -> None:
            if dialog.outcome is not None and dialog.outcome.imported:
                self.screen.forget_undo()
                self.screen.changed()

        dialog.finished.connect(finished)
        dialog.open()

    def export(self) -> None:
        role = KIND_ROLES.get(self.screen.current_kind())
        year = self.screen.year
        if role is None or year is None:
            return
        name = f"{FILE_NAMES[role]} {year.title.replace('/', '-')}.xlsx"
        target = messages.save_file(
            self.screen, "Сохранить в Excel", self.folder / name, EXPORT_FILTER
        )
        if target is None:
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        self.folder = target.parent
        try:
            made = export_base(self.store, year, role, target, today=self.today)
        except ExportError as exc:
            messages.error(self.screen, str(exc))
            return
        hidden = (
            f" Без ФИО (нет согласия на обработку персональных данных): {made.without_consent}."
            if made.without_consent
            else ""
        )
        messages.info(self.screen, f"Сохранено: {made.path}\nВ списке: {made.people}.{hidden}")
