"""Qt's own dialogs speak Russian: every label and button of the file dialog the program opens."""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from nastavapp.ui.app import install_russian

LATIN = re.compile(r"[A-Za-z]{2,}")


def test_the_save_dialog_has_no_english_word(qapp, tmp_path):
    install_russian(qapp)
    # the dialog keeps its state in Qt's own user settings: here, not in the tester's home
    scope, native = QSettings.Scope.UserScope, QSettings.Format.NativeFormat
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(native, scope, str(tmp_path))
    dialog = QFileDialog(None, "Сохранить отчёт", str(tmp_path), "Книга Excel (*.xlsx)")
    try:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Linux users see
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.show()
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        texts |= {button.text() for button in dialog.findChildren(QAbstractButton)}
        texts |= {button.toolTip() for button in dialog.findChildren(QAbstractButton)}
    finally:
        dialog.close()
        shiboken6.delete(dialog)  # it writes its settings as it goes
        QSettings.setPath(native, scope, home)
    # qtbase_ru.qm of Qt 6.11 lacks «&Look in:» and «Files of &type:» (new mnemonics)
    assert {"&Перейти к:", "&Типы файлов:", "&Имя файла:"} <= texts
    assert [text for text in texts if LATIN.search(text)] == []


def test_message_box_buttons_are_russian_and_ok_is_cyrillic(qapp):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    install_russian(qapp)
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Наставничество",
        "Вопрос",
        buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Save | buttons.Close,
    )
    try:
        texts = {button.text().replace("&", "") for button in box.findChildren(QPushButton)}
    finally:
        shiboken6.delete(box)
    assert texts == {"ОК", "Отмена", "Да", "Нет", "Сохранить", "Закрыть"}
    assert "ОК" in texts and "OK" not in texts  # Cyrillic О and К, as Russian Windows
    assert [text for text in texts if LATIN.search(text)] == []
