"""«Файл → Резервные копии»: the backups of the open data file, what each holds, restore one.

The dialog lists and makes backups itself; putting one back needs the data file closed and the
window rebuilt, so it asks the question and then emits ``restoreRequested`` for the controller.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import BackupInfo, BackupKind, StoreError, backups_dir, create_backup, list_backups
from ..store.fileinfo import read_summary
from ..store.rotation import RETENTION
from . import messages

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, SCHOOL, YEAR, PERSONS, GROUPS, SIZE = range(7)
HEADERS = (
    "Дата и время",
    "Почему сделана",
    "Школа",
    "Учебный год",
    "Людей",
    "Пар и групп",
    "Размер",
)
RIGHT = (PERSONS, GROUPS, SIZE)

EXPLANATION = (
    "Программа сама делает копию базы при запуске (одну в день), перед обновлением версии, "
    "перед загрузкой списков, удалением и восстановлением. Хранятся последние "
    f"{RETENTION[BackupKind.DAILY]} ежедневных и {RETENTION[BackupKind.WEEKLY]} еженедельные "
    f"копии, по {RETENTION[BackupKind.BEFORE_IMPORT]} перед загрузкой, удалением "
    f"и восстановлением, {RETENTION[BackupKind.MANUAL]} сделанных вручную; более старые "
    "удаляются. Для переноса на другой компьютер используйте «Файл → Сохранить копию как…»."
)


def format_size(size: int) -> str:
    """«840 КБ», «12,4 МБ»: Russian units and a decimal comma."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} КБ"
    return f"{size / (1024 * 1024):.1f} МБ".replace(".", ",")


class BackupsModel(QAbstractTableModel):
    """The backups of one data file, newest first."""

    def __init__(self, backups: list[BackupInfo] | None = None) -> None:
        super().__init__()
        self.backups: list[BackupInfo] = list(backups or [])

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.backups):
            return None
        backup = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(backup, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{backup.describe()}\n{backup.path}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not backup.readable:
            return QColor(Qt.GlobalColor.darkRed)
        return None

    @staticmethod
    def _text(backup: BackupInfo, column: int) -> str:
        summary = backup.summary
        if column == DATE:
            return f"{backup.created:%d.%m.%Y %H:%M}"
        if column == KIND:
            return backup.kind.label.capitalize()
        if column == SIZE:
            return format_size(backup.size)
        if summary is None:
            return "файл не читается" if column == SCHOOL else "—"
        values = {
            SCHOOL: summary.school or "не указана",
            YEAR: summary.year or "—",
            PERSONS: str(summary.persons),
            GROUPS: str(summary.groups),
        }
        return values.get(column, "")


class BackupsDialog(QDialog):
    """The list of backups with «Сделать копию сейчас» and «Восстановить…»."""

    restoreRequested = Signal(object)  # BackupInfo, after the user said yes

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle("Резервные копии")
        self.resize(900, 460)
        layout = QVBoxLayout(self)
        text = QLabel(EXPLANATION)
        text.setWordWrap(True)
        layout.addWidget(text)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(f"Папка с копиями: {backups_dir(self.db_path)}")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton("Открыть &папку")
        self.folder_button.clicked.connect(self._open_folder)
        self.folder_button.setAutoDefault(False)  # Enter must not open a file manager
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        layout.addLayout(folder_row)

        self.model = BackupsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCHOOL, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("Резервных копий пока нет.")
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox()
        self.make_button = buttons.addButton(
            "&Сделать копию сейчас", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button = buttons.addButton(
            "&Восстановить…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.make_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.restore_selected)
        self.refresh()
        self.table.setFocus()  # the list first: arrows pick a copy; the folder button had it

    # list -------------------------------------------------------------------------------------
    def refresh(self, select: Path | None = None) -> None:
        """Read the backups folder again; select ``select`` (or the newest)."""
        self.model.set_backups(list_backups(self.db_path))
        rows = [b.path for b in self.model.backups]
        row = rows.index(select) if select in rows else 0
        if rows:
            self.table.selectRow(row)
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and backup.readable)

    def _open_folder(self) -> None:
        folder = backups_dir(self.db_path)
        if not folder.is_dir():
            messages.info(self, "Резервных копий пока нет: папка ещё не создана.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # actions ----------------------------------------------------------------------------------
    def make_backup(self) -> None:
        try:
            made = create_backup(self.db_path, BackupKind.MANUAL)
        except StoreError as exc:
            messages.error(self, str(exc))
            return
        self.refresh(select=made.path)

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not backup.readable:
            return
        if messages.confirm_action(self, restore_question(self.db_path, backup), "Восстановить"):
            self.restoreRequested.emit(backup)


def restore_question(db_path: Path, backup: BackupInfo) -> str:
    """The question before a restore: what comes back, what goes, and that nothing is lost."""
    held = backup.summary.describe() if backup.summary else "—"
    try:
        now = read_summary(db_path).describe()
    except StoreError:
        now = "—"
    return (
        f"Восстановить базу из резервной копии от {backup.created:%d.%m.%Y %H:%M} "
        f"({backup.kind.label})?\n\n"
        f"В копии: {held}.\n"
        f"Сейчас в базе: {now}.\n\n"
        "Всё, что внесено после этой копии, из базы пропадёт. Но сначала программа сохранит "
        "нынешнее состояние базы как ещё одну резервную копию («перед восстановлением»), "
        "и к нему можно будет вернуться так же."
    )


__all__ = ["BackupsDialog", "BackupsModel", "format_size", "restore_question"]
