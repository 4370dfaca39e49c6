"""The one seam for message boxes and file dialogs, so tests patch or observe a single place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_TITLE = "Наставничество в школе"


def info(parent: QWidget | None, text: str, title: str = _TITLE) -> None:
    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, text: str, title: str = _TITLE) -> None:
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, text: str, title: str = _TITLE) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, text: str, title: str = _TITLE) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_action(parent: QWidget | None, text: str, action: str, title: str = _TITLE) -> bool:
    """A question whose yes-button names the action («Восстановить»); «Отмена» is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


DB_FILTER = "База наставничества (*.sqlite *.db);;Все файлы (*)"


def open_file(parent: QWidget | None, caption: str, folder: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    return Path(name) if name else None


def open_files(parent: QWidget | None, caption: str, folder: Path, filters: str) -> list[Path]:
    """Several files at once (empty when the user cancels)."""
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(folder), filters)
    return [Path(name) for name in names]


def choose_folder(parent: QWidget | None, caption: str, folder: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, caption, str(folder))
    return Path(name) if name else None
