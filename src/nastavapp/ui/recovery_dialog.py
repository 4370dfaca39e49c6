"""The offer made when a data file failed the start-up check: restore, start afresh or leave.

Nothing is done here: the dialog says what was found and emits the user's choice
(``RecoveryChoice``); the controller carries it out. The damaged file is never deleted.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..store import Health
from ..store.health import DAMAGED_MARK


class RecoveryChoice(Enum):
    RESTORE = "restore"  # the offered (newest good) backup
    RESTORE_FILE = "restore-file"  # a copy the user picks (a USB stick, e-mail)
    SET_ASIDE = "set-aside"  # rename the damaged file and start a new one
    LEAVE = "leave"  # quit (at start) or keep the file that is open now


class RecoveryDialog(QDialog):
    """What to do with a damaged data file. ``at_start`` False: chosen with «Открыть базу…»."""

    chosen = Signal(object)  # RecoveryChoice

    def __init__(self, health: Health, parent: QWidget | None = None, *, at_start: bool = True):
        super().__init__(parent)
        self.health = health
        self.choice: RecoveryChoice | None = None
        self.setWindowTitle("Файл базы повреждён")
        self.setFixedWidth(640)  # word-wrapped text: a known width gives the right height
        layout = QVBoxLayout(self)
        layout.setSpacing(4)

        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        self.text = QLabel(explanation(health, at_start=at_start))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.text, 1)
        layout.addLayout(top)
        layout.addSpacing(8)

        self.buttons: dict[RecoveryChoice, QPushButton] = {}
        offer = health.offer
        if offer is not None:
            self._add(
                layout,
                RecoveryChoice.RESTORE,
                f"Восстановить из копии от {offer.created:%d.%m.%Y %H:%M}",
                "Данные, внесённые после этого времени, придётся внести заново.",
            )
        self._add(
            layout,
            RecoveryChoice.RESTORE_FILE,
            "Восстановить из другого файла копии…",
            "Например, из копии на флешке, сохранённой командой «Сохранить копию как…».",
        )
        if at_start:
            self._add(
                layout,
                RecoveryChoice.SET_ASIDE,
                "Отложить повреждённый файл и начать заново",
                "Файл будет переименован (не удалён); программа создаст новую пустую базу "
                "и запустит мастер первого запуска.",
            )
            self._add(
                layout,
                RecoveryChoice.LEAVE,
                "Выйти",
                "Ничего не менять. Файл можно показать специалисту.",
            )
        else:
            self._add(
                layout,
                RecoveryChoice.LEAVE,
                "Не открывать",
                "Файл не изменится; открытой останется текущая база.",
            )
        layout.addStretch(1)
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        first.setFocus()
        self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def _add(self, layout: QVBoxLayout, choice: RecoveryChoice, text: str, note: str) -> None:
        """A choice: a wide button saying what it does, a grey line below saying what follows."""
        button = QPushButton(text)
        button.setStyleSheet("QPushButton { text-align: left; padding: 7px 12px; }")
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        button.clicked.connect(lambda: self._choose(choice))
        explanation_label = QLabel(note)
        explanation_label.setWordWrap(True)
        explanation_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        explanation_label.setContentsMargins(13, 0, 0, 6)
        explanation_label.setStyleSheet("color: #555;")
        layout.addWidget(button)
        layout.addWidget(explanation_label)
        self.buttons[choice] = button

    def _choose(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        self.chosen.emit(choice)
        self.accept()

    def reject(self) -> None:
        """Escape or the window's close button: the same as «Выйти» / «Не открывать»."""
        if self.choice is None:
            self.choice = RecoveryChoice.LEAVE
            self.chosen.emit(RecoveryChoice.LEAVE)
        super().reject()


def explanation(health: Health, *, at_start: bool = True) -> str:
    """The dialog's text (rich text: the file name in bold, the rest calm)."""
    name = _escape(health.path.name)
    parts = [
        f"<p><b>Файл базы «{name}» повреждён</b>: он не прошёл проверку целостности. "
        "Программа не открыла его для записи и ничего в нём не изменила.</p>",
        f"<p>Папка: {_escape(str(health.path.parent))}</p>",
    ]
    offer = health.offer
    if offer is not None:
        held = offer.summary.describe() if offer.summary else "—"
        parts.append(
            f"<p>Последняя исправная резервная копия — от "
            f"<b>{offer.created:%d.%m.%Y %H:%M}</b> ({offer.kind.label}).<br>"
            f"В ней: {_escape(held)}.</p>"
        )
    else:
        parts.append(
            "<p>Исправных резервных копий рядом с файлом нет. Если у вас есть копия базы "
            "на флешке или в почте, восстановите базу из неё.</p>"
        )
    when = "при восстановлении или новом начале" if at_start else "при восстановлении"
    parts.append(
        f"<p>Повреждённый файл не удаляется ни при каком выборе: {when} он останется "
        f"в той же папке под именем «{name}.{DAMAGED_MARK}-…».</p>"
    )
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["RecoveryChoice", "RecoveryDialog", "explanation"]
