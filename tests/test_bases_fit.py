"""«Базы» in a 1024 px window (an old school PC's 1024×768 screen) and a 1280 px one: every
command of the tool bar in sight on every tab, none behind the tool bar's » menu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

from nastavapp.ui.bases import BasesScreen
from nastavapp.ui.bases.columns import BaseKind
from nastavapp.ui.main_window import MainWindow
from nastavapp.ui.settings import UiSettings

from .conftest import DEMO_DAY

COMMANDS = {
    BaseKind.ALL: [
        "Добавить…",
        "Изменить…",
        "Удалить…",
        "Наставляемый…",
        "Наставник…",
        "Согласие…",
        "Загрузить список…",
    ],
    BaseKind.MENTEES: [
        "Добавить…",
        "Изменить…",
        "Исключить…",
        "Наставляемый…",
        "Наставник…",
        "Согласие…",
        "Загрузить список…",
        "В Excel…",
    ],
}
COMMANDS[BaseKind.MENTORS] = COMMANDS[BaseKind.MENTEES]


@pytest.fixture
def bases_in_window(qtbot, demo) -> Iterator:
    made: list[MainWindow] = []

    def make(width: int) -> BasesScreen:
        window = MainWindow(demo, UiSettings(), today=DEMO_DAY)
        qtbot.addWidget(window)
        window.resize(width, 700)
        window.show()
        window.show_screen("bases")
        qtbot.waitExposed(window)
        made.append(window)
        screen = window.screens["bases"]
        assert isinstance(screen, BasesScreen)
        return screen

    yield make
    for window in made:
        window.close()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def commands_in_sight(screen: BasesScreen) -> list[str]:
    """The commands whose buttons are shown whole on the screen, left to right."""
    shown = []
    for bar in (screen.toolbar, screen.file_bar):
        overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert overflow is None or not overflow.isVisible(), "the tool bar's » is shown"
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            button = bar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            assert button.isVisible(), f"«{action.text()}» is behind the »"
            assert screen.rect().contains(_rect_in(button, screen)), action.text()
            assert bar.rect().contains(button.geometry()), action.text()
            shown.append(action.text())
    return shown


@pytest.mark.parametrize("width", [1024, 1280])
def test_every_command_is_in_sight_on_every_tab(bases_in_window, qtbot, width):
    screen = bases_in_window(width)
    for kind in BaseKind:
        screen.show_tab(kind)
        qtbot.wait(10)
        assert commands_in_sight(screen) == COMMANDS[kind], (width, kind)
    # the file commands sit beside the tabs, on the right, above the tab's search field
    file_bar = _rect_in(screen.file_bar, screen)
    tab_bar = _rect_in(screen.tabs.tabBar(), screen)
    assert file_bar.left() > tab_bar.right()
    assert file_bar.top() < _rect_in(screen.current_view().filters, screen).top()


def test_a_long_command_name_is_whole_in_its_tooltip(bases_in_window):
    screen = bases_in_window(1024)
    screen.show_tab(BaseKind.MENTORS)
    assert screen.delete_action.toolTip() == (
        "Исключить из базы наставников этого года (среди всех участников человек остаётся)"
    )
    assert screen.import_action.toolTip() == "Загрузить обучающихся или педагогов из файла"
    assert screen.export_action.toolTip() == "Сохранить базу в файл Excel для печати"
    assert isinstance(screen.file_bar, QToolBar)
