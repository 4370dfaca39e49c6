"""Qt's own dialogs speak Russian: every label and button of the file dialog the program opens."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from nastavapp.ui.app import install_russian

LATIN = re.compile(r"[A-Za-z]{2,}")


def test_the_save_dialog_has_no_english_word(qtbot, qapp, tmp_path):
    install_russian(qapp)
    dialog = QFileDialog(None, "Сохранить отчёт", str(tmp_path), "Книга Excel (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Linux users see
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    texts |= {button.text() for button in dialog.findChildren(QAbstractButton)}
    texts |= {button.toolTip() for button in dialog.findChildren(QAbstractButton)}
    # qtbase_ru.qm of Qt 6.11 lacks «&Look in:» and «Files of &type:» (new mnemonics)
    assert {"&Перейти к:", "&Типы файлов:", "&Имя файла:"} <= texts
    assert [text for text in texts if LATIN.search(text)] == []
