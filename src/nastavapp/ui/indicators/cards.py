"""An indicator as a large number with the target beside it and its definition under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...services.indicators import Ratio
from .definitions import IndicatorSpec
from .formatting import NBSP, number, of, percent

COUNTED, EVERYONE = "counted", "all"
CARD_STYLE = (
    "#indicatorCard { background: white; border: 1px solid #d5dde6; border-radius: 6px; }"
    "#value { font-size: 26pt; font-weight: bold; color: #1f3f66; border: none;"
    " text-align: left; padding: 0px; }"
    "#value:hover { color: #0b5cad; text-decoration: underline; }"
    "#value:disabled { color: #777777; }"
    "#counts { border: none; color: #0b5cad; text-align: left; padding: 0px;"
    " text-decoration: underline; }"
    "#counts:disabled { color: #777777; text-decoration: none; }"
)


class IndicatorCard(QFrame):
    """``openRequested(key, which)``: the value opens who is counted, «N из M» everyone."""

    openRequested = Signal(str, str)

    def __init__(self, spec: IndicatorSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("indicatorCard")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        self.title = QLabel(spec.title)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(14)
        self.value = QPushButton(NBSP)
        self.value.setObjectName("value")
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.setFlat(True)
        self.value.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never cut
        self.value.clicked.connect(lambda: self.openRequested.emit(spec.key, COUNTED))
        row.addWidget(self.value)
        side = QVBoxLayout()
        side.setSpacing(0)
        goal = spec.target
        target = f"цель — {number(goal)}{NBSP}%" if goal is not None else "цель не установлена"
        self.target = QLabel(target)
        self.target.setStyleSheet("color: #444444;")
        self.target.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        side.addStretch(1)
        side.addWidget(self.target)
        side.addWidget(self.verdict)
        side.addStretch(1)
        row.addLayout(side)
        row.addStretch(1)
        layout.addLayout(row)
        self.counts = QPushButton()
        self.counts.setObjectName("counts")
        self.counts.setFlat(True)
        self.counts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.counts.clicked.connect(lambda: self.openRequested.emit(spec.key, EVERYONE))
        layout.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignLeft)
        self.definition = QLabel(f"= {spec.numerator} ÷ {spec.denominator}")
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #555555; font-size: 8.5pt;")
        layout.addWidget(self.definition)
        layout.addStretch(1)
        self.setToolTip(spec.definition)

    def set_ratio(self, ratio: Ratio) -> None:
        shown, goal = ratio.percent, self.spec.target
        counted, total = len(ratio.numerator), len(ratio.denominator)
        self.value.setText(percent(shown))
        self.value.setEnabled(total > 0)
        self.value.setToolTip(f"Кто учтён в показателе: список ({counted})" if total else "")
        self.counts.setText(of(counted, total) if total else "некого считать: 0 человек")
        self.counts.setEnabled(total > 0)
        self.counts.setToolTip(f"Все, из кого считается доля: список ({total})" if total else "")
        if shown is None:
            self.verdict.setText("нет данных")
        elif goal is None:
            self.verdict.setText("")
        elif shown >= goal:
            self.verdict.setText("цель достигнута")
        else:
            self.verdict.setText(f"до цели {number(goal - shown)}{NBSP}п.{NBSP}п.")
        reached = shown is not None and goal is not None and shown >= goal
        self.verdict.setStyleSheet("color: #2e7d32;" if reached else "color: #444444;")
