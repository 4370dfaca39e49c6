"""«Приказы, Положение, программа, согласия и списки»: the orders (through :class:`OrderDialog`), the
Положение о наставничестве and the programme of the year as Word drafts, consent forms for a person or a whole class, and the
lists of the bases and of the pairs as PDF or Excel.

Every file is written off the GUI thread (:mod:`.background_save`, as the report) through the
services' safe writing: a busy bar and a status line meanwhile, the save buttons off; a locked
or read-only place gives the Russian message and the save dialog opens again, so the curator
can choose another one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import AcademicYear
from ...models.vocab import DocumentKind
from ...services.documents.consent_forms import class_pupils, school_classes
from ...services.documents.lists_pdf import ListKind
from ...services.documents.orders import ORDER_KINDS, kind_title
from ...services.documents.output import fit_file_name
from ...services.pair_rules import post_of
from ...services.people import list_persons
from ...services.school import get_school
from ...store import Store
from .. import messages
from ..bases.widgets import combo_line
from ..dialog_slot import replace_dialog
from ..elided_combo import ElidedComboBox
from .background_save import BackgroundSave, SaveRequest
from .order_dialog import OrderDialog

TITLE = "Приказы, Положение, программа, согласия и списки"
PDF_FILTER = "Документ PDF (*.pdf)"
XLSX_FILTER = "Книга Excel (*.xlsx)"
DOCX_FILTER = "Документ Word (*.docx)"
REGULATIONS_NOTE = "проект для правки в Word"
REGULATIONS_TIP = (
    "Проект Положения для правки в Word: данные школы, куратор, формы наставничества учебного "
    "года и гриф «УТВЕРЖДЕНО» с номером и датой приказа"
)
PROGRAMME_TIP = (
    "Проект программы наставничества на учебный год для правки в Word: формы наставничества и "
    "ролевые модели, участники, семь этапов со сроками из дорожной карты, показатели и гриф "
    "«УТВЕРЖДЕНО» с номером и датой приказа"
)
ABOUT = (
    "Приказы составляются по шаблону с данными школы и склонёнными именами; текст и имена "
    "можно поправить перед сохранением. Сохранённый приказ попадает в реестр, а мероприятие "
    "дорожной карты получает ссылку на него. В приказах и списках участники без согласия на "
    "обработку персональных данных не называются: вместо имени — «участник без согласия»."
)


# The grid's column of buttons, on the right: a row's combo or note spans the columns before it
# (only the list row has two buttons), so an order's long title gets the room, not an empty cell
BUTTONS = 3


def safe_name(text: str) -> str:
    kept = "".join(ch for ch in text if ch not in "«»\"'\\/:*?<>|").strip()
    return "_".join(kept.split())


def shrinkable(combo: QComboBox) -> None:
    """Long order titles must not widen the whole screen: the combo shows what fits."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)  # the grid fits a 1024 px window beside the navigation
    combo.currentTextChanged.connect(combo.setToolTip)  # the whole title of what is cut


def caption(text: str, tip: str = "", buddy: QWidget | None = None) -> QLabel:
    """A row's caption, short enough for a 1024 px window; the full wording in its tooltip;
    its Alt+letter goes to ``buddy``."""
    label = QLabel(text)
    label.setToolTip(tip)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class OrdersSection(QGroupBox):
    """Orders, consent forms and lists; ``saved(path)`` after each file written, ``save_done()``
    when a save of the section is over (written, or cancelled)."""

    saved = Signal(Path)
    save_done = Signal()

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self._store = store
        self._today = today
        self._year: AcademicYear | None = None
        self.dialog: OrderDialog | None = None
        self.last_saved: Path | None = None
        self.saving = BackgroundSave(self)
        self.saving.written.connect(self._saved)
        self.saving.busy.connect(self._enable)
        self.saving.done.connect(self.save_done)
        layout = QVBoxLayout(self)
        about = QLabel(ABOUT)
        about.setWordWrap(True)
        layout.addWidget(about)
        grid = QGridLayout()
        layout.addLayout(grid)

        self.order_kind = ElidedComboBox()
        shrinkable(self.order_kind)
        for kind in ORDER_KINDS:
            self.order_kind.addItem(kind_title(kind), kind.value)
        self.order_button = QPushButton("Составить &приказ…")
        self.order_button.clicked.connect(self.open_order)
        grid.addWidget(caption("Прика&з:", buddy=self.order_kind), 0, 0)
        grid.addWidget(self.order_kind, 0, 1, 1, 2)
        grid.addWidget(self.order_button, 0, BUTTONS)

        # the two «Сохранить Word…» are reached by their captions' letters
        regulations = caption("По&ложение:", "Положение о наставничестве")
        self.regulations_button = self._act_row(grid, 1, regulations, REGULATIONS_TIP)
        self.regulations_button.clicked.connect(self.save_regulations)
        programme = caption("Програ&мма:", "Программа наставничества на учебный год")
        self.programme_button = self._act_row(grid, 2, programme, PROGRAMME_TIP)
        self.programme_button.clicked.connect(self.save_programme)

        self.person = QComboBox()
        shrinkable(self.person)
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo_line(self.person).setPlaceholderText("ФИО, класс или должность")
        self.person_button = QPushButton("&Бланк согласия…")
        self.person_button.clicked.connect(self.save_person_consent)
        grid.addWidget(
            caption("Со&гласие:", "Согласие на обработку персональных данных", self.person), 3, 0
        )
        grid.addWidget(self.person, 3, 1, 1, 2)
        grid.addWidget(self.person_button, 3, BUTTONS)
        self.school_class = ElidedComboBox()
        shrinkable(self.school_class)
        self.class_button = QPushButton("Бланки на &весь класс…")
        self.class_button.clicked.connect(self.save_class_consents)
        grid.addWidget(caption("&Класс:", buddy=self.school_class), 4, 0)
        grid.addWidget(self.school_class, 4, 1, 1, 2)
        grid.addWidget(self.class_button, 4, BUTTONS)

        self.list_kind = ElidedComboBox()
        shrinkable(self.list_kind)
        for list_kind in ListKind:
            self.list_kind.addItem(list_kind.label, list_kind.value)
        self.list_pdf = QPushButton("Сохр&анить PDF…")
        self.list_xlsx = QPushButton("С&охранить Excel…")
        self.list_pdf.clicked.connect(lambda: self.save_list(".pdf"))
        self.list_xlsx.clicked.connect(lambda: self.save_list(".xlsx"))
        grid.addWidget(caption("Сп&исок:", buddy=self.list_kind), 5, 0)
        grid.addWidget(self.list_kind, 5, 1)
        grid.addWidget(self.list_pdf, 5, BUTTONS - 1)
        grid.addWidget(self.list_xlsx, 5, BUTTONS)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.saving.progress)
        layout.addWidget(self.saving.status)
        self.refresh()

    @staticmethod
    def _act_row(grid: QGridLayout, row: int, label: QLabel, tip: str) -> QPushButton:
        """A row of a Word draft (the Положение, the programme): caption, note, button."""
        note = QLabel(REGULATIONS_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        button = QPushButton("Сохранить Word…")
        button.setToolTip(tip)
        label.setBuddy(button)  # Alt+letter of the caption saves
        grid.addWidget(label, row, 0)
        grid.addWidget(note, row, 1, 1, 2)
        grid.addWidget(button, row, BUTTONS)
        return button

    def show_year(self, year: AcademicYear | None) -> None:
        self._year = year
        self.refresh()

    def _enable(self, _busy: bool = False) -> None:
        """The buttons that need a year want one; those that save wait for a running save."""
        free = not self.saving.running
        self.order_button.setEnabled(self._year is not None)
        year_saves = (self.regulations_button, self.programme_button, self.list_pdf, self.list_xlsx)
        for button in year_saves:
            button.setEnabled(free and self._year is not None)
        self.person_button.setEnabled(free and self.person.count() > 0)
        self.class_button.setEnabled(free and self.school_class.count() > 0)

    def refresh(self) -> None:
        """People and classes for the consent forms, read again (the bases may have changed)."""
        self.person.clear()
        for person in list_persons(self._store):
            self.person.addItem(f"{person.full_name} — {post_of(person)}", person.id)
        self.person.setCurrentIndex(-1)
        completer = QCompleter(self.person.model(), self.person)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCompleter(completer)
        self.school_class.clear()
        self.school_class.addItems(school_classes(self._store))
        self._enable()

    # --- orders -------------------------------------------------------------------------------
    def open_order(self) -> None:
        if self._year is None or self._year.id is None:
            return
        kind = DocumentKind(self.order_kind.currentData())
        dialog = OrderDialog(self._store, self._year.id, kind, self._today, self)
        dialog.saved.connect(self._saved)
        self.dialog = replace_dialog(self.dialog, dialog)  # a reference while open
        dialog.open()

    # --- the Положение and the programme ---------------------------------------------------
    def save_regulations(self) -> None:
        """«Положение о наставничестве» as a Word draft for the year shown."""
        from ...services.documents import regulations

        self._save_act(
            "Сохранить Положение о наставничестве",
            regulations.regulations_file_name,
            regulations.export_regulations,
        )

    def save_programme(self) -> None:
        """«Программа наставничества … на … учебный год» as a Word draft for the year shown."""
        from ...services.documents import programme

        self._save_act(
            "Сохранить программу наставничества",
            programme.programme_file_name,
            programme.export_programme,
        )

    def _save_act(
        self, title: str, file_name: Callable[[str, str], str], export: Callable[..., Path]
    ) -> None:
        year = self._year
        if year is None or year.id is None:
            return
        school = get_school(self._store)
        store, today, year_id = self._store, self._today, int(year.id)

        def write(target: Path) -> Path:  # in the pool: plain values and the store only
            return export(store, target, today=today, year_id=year_id)

        self._save(
            title, file_name(school.short_name if school else "", year.title), DOCX_FILTER, write
        )

    # --- consents and lists ---------------------------------------------------------------------
    def save_person_consent(self) -> None:
        index = self.person.findText(self.person.currentText())
        person_id = self.person.itemData(index) if index >= 0 else None
        if person_id is None:
            messages.warning(self, "Выберите человека из списка: начните вводить ФИО.")
            return
        name = self.person.itemText(index).split(" — ")[0]
        self._save(
            "Сохранить бланк согласия",
            f"Согласие_{safe_name(name)}.pdf",
            PDF_FILTER,
            self._consents([int(person_id)]),
        )

    def save_class_consents(self) -> None:
        name = self.school_class.currentText()
        ids = class_pupils(self._store, name)
        if not ids:
            messages.warning(self, "В этом классе нет обучающихся.")
            return
        self._save(
            "Сохранить бланки согласий класса",
            f"Согласия_{safe_name(name)}_класс.pdf",
            PDF_FILTER,
            self._consents(ids),
        )

    def _consents(self, ids: list[int]) -> Callable[[Path], Path]:
        """The write of consent forms for ``ids`` (it runs in the pool)."""
        from ...services.documents.consent_forms import export_consent_forms

        store, today = self._store, self._today
        return lambda target: export_consent_forms(store, ids, target, today=today)

    def save_list(self, suffix: str) -> None:
        year = self._year
        if year is None:
            return
        kind = ListKind(self.list_kind.currentData())
        school = get_school(self._store)
        name = safe_name(school.short_name) if school else ""
        stem = f"{safe_name(kind.label)}_{name}_{year.title.replace('/', '-')}"
        store, today = self._store, self._today

        def write(target: Path) -> Path:  # in the pool: reads through the store's own sessions
            from ...services.documents.lists_pdf import export_list

            return export_list(store, year, kind, target, today=today).path

        self._save(
            f"Сохранить «{kind.label}»",
            f"{stem}{suffix}",
            PDF_FILTER if suffix == ".pdf" else XLSX_FILTER,
            write,
        )

    def _save(
        self, caption: str, suggested: str, filters: str, write: Callable[[Path], Path]
    ) -> None:
        """Ask where, write in the background; a locked or read-only place says so, asks again.

        ``write`` runs in the pool: it gets only plain values and reads through the store.
        """
        folder = self.last_saved.parent if self.last_saved else Path.home()
        target = folder / fit_file_name(suggested)
        self.saving.save(SaveRequest(caption, target, filters, write))

    def finish(self) -> None:
        """The window is going: the section's and the order dialog's saves end first."""
        self.saving.finish()
        if self.dialog is not None:
            self.dialog.finish()

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self.saved.emit(path)
