"""The navigation column: «Главная», the seven roadmap stages with progress marks, work areas."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ..models.vocab import RoadmapStage
from ..services.progress import StageProgress

HOME = "home"
AREAS: tuple[tuple[str, str], ...] = (
    ("bases", "Базы"),
    ("pairs", "Пары и группы"),
    ("indicators", "Показатели"),
    ("documents", "Документы и отчёты"),
)
OVERDUE_COLOR = QColor("#c62828")
DONE_COLOR = QColor("#2e7d32")
KEY_ROLE = Qt.ItemDataRole.UserRole
SHORT_MARK = "8/8"  # room kept for the marks before they are known


STAGE_PREFIX = "stage:"


def stage_key(stage: RoadmapStage) -> str:
    return f"{STAGE_PREFIX}{stage.value}"


class NavigationPanel(QTreeWidget):
    """Emits ``screenChosen(key)`` when the user picks an item."""

    screenChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setStyleSheet(
            "QTreeWidget { border: none; border-right: 1px solid #d5dde6; background: #f7f9fb; }"
            "QTreeWidget::item { padding: 5px 2px; }"
            "QTreeWidget::item:selected { background: #1f6fb8; color: white; }"
        )
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.ensurePolished()  # the style sheet's paddings count in the widths below
        self._mark_padding = self.sizeHintForColumn(1)  # the marks are empty yet
        self.setMinimumWidth(self.content_width())
        self.currentItemChanged.connect(self._on_current)

    def content_width(self) -> int:
        """The width that shows every line and every progress mark («3/4», «✓») whole.

        Measured with the font in use (a larger system font widens it), so on a 1024 px screen
        the column takes no more than its longest line, «4. Отбор и обучение наставников».
        """
        short = self._mark_padding + self.fontMetrics().horizontalAdvance(SHORT_MARK)
        marks = max(self.sizeHintForColumn(1), short)
        return self.sizeHintForColumn(0) + marks + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(self.content_width(), super().sizeHint().height())

    def _leaf(self, parent: QTreeWidgetItem | None, key: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setData(0, KEY_ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[key] = item
        return item

    def _section(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setForeground(0, QBrush(QColor("#555555")))
        self.addTopLevelItem(item)
        return item

    def _build(self) -> None:
        self._leaf(None, HOME, "Главная")
        stages = self._section("Дорожная карта")
        for stage in RoadmapStage:
            item = self._leaf(stages, stage_key(stage), f"{stage.value}. {stage.short_label}")
            item.setToolTip(0, f"Этап {stage.value}. {stage.label}")
        work = self._section("Работа")
        for key, title in AREAS:
            self._leaf(work, key, title)
        self.expandAll()

    def keys(self) -> list[str]:
        return list(self._items)

    def select(self, key: str) -> bool:
        item = self._items.get(key)
        if item is None:
            return False
        self.setCurrentItem(item)
        return True

    def current_key(self) -> str:
        item = self.currentItem()
        return str(item.data(0, KEY_ROLE)) if item and item.data(0, KEY_ROLE) else HOME

    def set_progress(self, progress: dict[RoadmapStage, StageProgress]) -> None:
        """Show «3/5» per stage, green when complete, red when something is overdue."""
        for stage, figures in progress.items():
            item = self._items[stage_key(stage)]
            if figures.total == 0:
                item.setText(1, "")
                continue
            item.setText(1, "✓" if figures.complete else f"{figures.done}/{figures.total}")
            color = (
                OVERDUE_COLOR
                if figures.overdue
                else (DONE_COLOR if figures.complete else self.palette().text().color())
            )
            item.setForeground(1, QBrush(color))
            tip = f"Выполнено {figures.done} из {figures.total}"
            if figures.overdue:
                tip += f", просрочено: {figures.overdue}"
            item.setToolTip(1, tip)
        self.setMinimumWidth(self.content_width())  # «10/12» widens the column, not cuts a name

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and current.data(0, KEY_ROLE):
            self.screenChosen.emit(str(current.data(0, KEY_ROLE)))
