"""«Утвердить приказом»: the number and the date of the order for the chosen pairs and groups."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.pairs import GroupCard
from ..bases.widgets import date_edit, to_date
from .widgets import muted_label


class ApproveDialog(QDialog):
    """``number()`` and ``day()`` once accepted."""

    def __init__(
        self,
        cards: Sequence[GroupCard],
        today: date,
        skipped: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cards = list(cards)
        self.setWindowTitle("Утвердить приказом")
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        count = len(self.cards)
        layout.addWidget(
            QLabel(f"Приказ «Об утверждении наставнических пар/групп» — выбрано: {count}")
        )
        names = QListWidget()
        names.addItems([f"{c.title} ({c.form.label})" for c in self.cards])
        layout.addWidget(names, 1)
        if skipped:
            layout.addWidget(
                muted_label(
                    f"Не включены: {skipped} — уже утверждены, работают, завершены или "
                    "расформированы. Приказом утверждаются только формирующиеся пары и группы."
                )
            )
        form = QFormLayout()
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("например, 112-о")
        self.date_edit = date_edit(today, today)
        form.addRow("&Номер приказа:", self.number_edit)
        form.addRow("&Дата приказа:", self.date_edit)
        layout.addLayout(form)
        layout.addWidget(
            muted_label(
                "После утверждения пары получат статус «утверждена приказом», номер и дата "
                "приказа появятся в карточке каждой."
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Утвердить")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.number_edit.textChanged.connect(self._sync)
        self._sync()
        self.number_edit.setFocus()

    def number(self) -> str:
        return self.number_edit.text().strip()

    def day(self) -> date:
        return to_date(self.date_edit)

    def group_ids(self) -> list[int]:
        return [c.id for c in self.cards]

    def _sync(self) -> None:
        self.ok_button.setEnabled(bool(self.number()) and bool(self.cards))
