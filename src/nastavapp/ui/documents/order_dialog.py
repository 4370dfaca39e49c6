"""The order dialog: number and date, what the kind needs, the text and the declined names —
all editable — then «Сохранить PDF…» / «Сохранить Word…».

The draft comes from :func:`services.documents.orders.new_draft`; the curator edits the title,
the preamble and the points (numbered «1.», «3.1.» — renumbered when the order is drawn) and
corrects any declined name in the table, which changes it wherever the text has it. Saving
writes the file and records the order in the register (and links the roadmap event), both off
the GUI thread (:mod:`.background_save`, as the report): the dialog stays open and disabled,
with a busy bar, until the register has the order; it cannot be closed meanwhile.
Participants without a consent to the processing of personal data are not named in the order;
a line under the number says how many, so the curator knows whose consents to collect.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...models.vocab import DocumentKind
from ...services.documents.errors import ExportError
from ...services.documents.order_register import save_order
from ...services.documents.order_text import (
    OrderDraft,
    parse_points,
    points_text,
    with_name_form,
)
from ...services.documents.orders import (
    kind_title,
    new_draft,
    unnamed_note,
)
from ...services.documents.output import fit_file_name
from ...store import Store, StoreError
from .. import messages
from ..bases.widgets import date_edit, set_date, to_date
from ..screen_fit import resize_remembered
from .background_save import BackgroundSave, SaveRequest
from .declined_names import DeclinedNames
from .order_kind_fields import OrderKindFields

PDF_FILTER = "Документ PDF (*.pdf)"
DOCX_FILTER = "Документ Word (*.docx)"
HINT = (
    "Пункты нумеруются «1.», подпункты — «1.1.»; номера расставляются заново при сохранении. "
    "Склонённые имена можно исправить на вкладке «Имена в падежах» — исправление попадёт во "
    "весь текст."
)


def _written_path(result: object) -> Path:
    assert isinstance(result, tuple)
    path, _registered = result
    assert isinstance(path, Path)
    return path


def _nothing_to_change(message: str) -> bool:
    """The number or the template is at fault: another place would not help."""
    return "номер" in message or "шаблон" in message


def file_stem(draft: OrderDraft) -> str:
    """«Приказ_115-о_от_06.10.2025» (characters Windows refuses left out)."""
    number = "".join(ch for ch in draft.number if ch not in '\\/:*?"<>|«» ').strip() or "б-н"
    return f"Приказ_{number}_от_{draft.issued_on:%d.%m.%Y}"


class OrderDialog(QDialog):
    """Drafts an order of ``kind`` for ``year_id``; ``saved(path)`` after each file written and
    registered, ``save_done()`` when a save is over (written, or cancelled)."""

    saved = Signal(Path)
    save_done = Signal()

    def __init__(
        self,
        store: Store,
        year_id: int,
        kind: DocumentKind,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._year_id, self._kind, self._today = store, year_id, kind, today
        self._edited = False
        self._loading = False
        self.draft: OrderDraft | None = None
        self.last_saved: Path | None = None
        self._saving_draft: OrderDraft | None = None
        self._enabled_before: dict[QWidget, bool] = {}
        self.saving = BackgroundSave(self)
        self.saving.busy.connect(self._busy)
        self.saving.written.connect(self._written)
        self.saving.done.connect(self.save_done)
        self.setWindowTitle(f"Приказ «{kind_title(kind)}»")
        resize_remembered(self, "order", 900, 760)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText("например, 115-о")
        self.day = date_edit(today, today)
        form.addRow("&Номер приказа:", self.number)
        form.addRow("&Дата приказа:", self.day)
        self.kind_fields = OrderKindFields(store, year_id, kind, today, form, self)
        self.kind_fields.changed.connect(self._options_changed)
        self.reward, self.people = self.kind_fields.reward, self.kind_fields.people
        self.title_edit = QLineEdit()
        form.addRow("&Заголовок:", self.title_edit)
        signer = QHBoxLayout()
        self.signer_post = QLineEdit()
        self.signer_post.setToolTip("Например, «И. о. директора»")
        self.signer_name = QLineEdit()
        signer.addWidget(self.signer_post, 1)
        signer.addWidget(self.signer_name, 1)
        signer_label = QLabel("Подпи&сывает:")
        signer_label.setBuddy(self.signer_post)
        form.addRow(signer_label, signer)
        layout.addLayout(form)
        self.unnamed = QLabel()
        self.unnamed.setWordWrap(True)
        self.unnamed.setStyleSheet("color: #555555;")
        self.unnamed.setVisible(False)
        layout.addWidget(self.unnamed)
        # the text, whom (a reward) and the declined names take turns: at 1024×700 each of
        # them stacked got a strip of a few lines
        self.tabs = QTabWidget()
        self.tabs.addTab(self._text_page(), "&Текст приказа")
        if self.reward is not None:
            self.tabs.addTab(self.reward, "")
            self.reward.changed.connect(self._people_changed_title)
            self._people_changed_title()
        self.names = DeclinedNames()
        self.names.formEdited.connect(self._name_changed)
        self.tabs.addTab(self.names, "Имена в &падежах")
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.refill = QPushButton("Запо&лнить заново")
        self.refill.setToolTip("Составить текст по шаблону заново (правки текста пропадут)")
        self.save_pdf = QPushButton("Со&хранить PDF…")
        self.save_docx = QPushButton("Сохран&ить Word…")
        close = QPushButton("Закрыть")
        self.refill.clicked.connect(self._refill)
        self.save_pdf.clicked.connect(lambda: self.save(".pdf"))
        self.save_docx.clicked.connect(lambda: self.save(".docx"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.refill)
        buttons.addWidget(self.saving.progress, 1)
        buttons.addStretch(1)
        for button in (self.save_pdf, self.save_docx, close):
            buttons.addWidget(button)
        # Enter in a field (the number, the title) must not press a button: «Заполнить заново»,
        # the default one, threw the curator's edits of the text away
        for button in (self.refill, self.save_pdf, self.save_docx, close):
            button.setAutoDefault(False)
        layout.addWidget(self.saving.status)
        layout.addLayout(buttons)
        for edit in (self.preamble, self.points):
            edit.textChanged.connect(self._text_edited)
        self.title_edit.textEdited.connect(self._text_edited)
        self.rebuild(force=True)
        self.day.dateChanged.connect(lambda _d: self.rebuild())

    def _text_page(self) -> QWidget:
        page = QWidget()
        text = QVBoxLayout(page)
        text.setContentsMargins(6, 6, 6, 6)
        preamble_label = QLabel("П&реамбула (основание):")
        self.preamble = QPlainTextEdit()
        self.preamble.setMaximumHeight(90)
        self.preamble.setTabChangesFocus(True)  # Tab goes on to the points, as it reads
        preamble_label.setBuddy(self.preamble)
        text.addWidget(preamble_label)
        text.addWidget(self.preamble)
        points_label = QLabel("ПРИКАЗЫ&ВАЮ:")
        self.points = QPlainTextEdit()
        points_label.setBuddy(self.points)
        self.points.setTabChangesFocus(True)  # the points are numbered, not indented
        text.addWidget(points_label)
        text.addWidget(self.points, 1)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        text.addWidget(hint)
        return page

    # --- the draft ----------------------------------------------------------------------------
    def _people_changed_title(self) -> None:
        assert self.reward is not None
        ticked, total = len(self.reward.checked_ids()), self.reward.list.count()
        self.tabs.setTabText(1, f"Кому благодарность ({ticked} из {total})")

    def _options_changed(self, keep_header: bool = True) -> None:
        """A new text for the order chosen, the people ticked, the event; the curator's own
        edits of the text go only when she agrees."""
        if self._loading or not self._may_drop_edits(
            "Составить его заново по новым данным? Ваши правки текста пропадут.\n\n"
            "Если нет, текст останется как есть: поправьте его сами."
        ):
            return
        self.rebuild(force=True, keep_header=keep_header)

    def _refill(self) -> None:
        if self._may_drop_edits("Составить его заново по шаблону? Ваши правки текста пропадут."):
            self.rebuild(force=True)

    def _may_drop_edits(self, question: str) -> bool:
        """True when the text has no edits of the curator's, or she lets them go."""
        return not self._edited or messages.confirm_action(
            self, f"Текст приказа изменён вручную. {question}", "Составить заново"
        )

    def rebuild(self, force: bool = False, keep_header: bool = True) -> None:
        """The text from the template again (for the number and date shown, unless
        ``keep_header`` is False); a date change alone keeps the curator's own edits."""
        if self._loading or (self._edited and not force):
            return
        keep = self.draft is not None and keep_header and not self._locked(self.draft)
        try:
            draft = new_draft(
                self._store,
                self._kind,
                today=self._today,
                year_id=self._year_id,
                options=self.kind_fields.options(),
                number=self.number.text().strip() if keep else None,
                issued_on=to_date(self.day) if keep else None,
            )
        except (ExportError, StoreError) as exc:
            messages.error(self, str(exc))
            self._enable(False)
            return
        self._show(draft)

    @staticmethod
    def _locked(draft: OrderDraft) -> bool:
        """An approved pairs order keeps the number and date it approved the pairs with."""
        return draft.kind is DocumentKind.ORDER_PAIRS and draft.document_id is not None

    def _show(self, draft: OrderDraft) -> None:
        self._loading = True
        self.draft = draft
        self.number.setText(draft.number)
        set_date(self.day, draft.issued_on)
        locked = self._locked(draft)
        self.number.setReadOnly(locked)
        self.day.setEnabled(not locked)
        self.title_edit.setText(draft.title)
        self.signer_post.setText(draft.signer_post)
        self.signer_name.setText(draft.signer_name)
        for edit in (self.title_edit, self.signer_post, self.signer_name):
            edit.setCursorPosition(0)  # a long title shows its beginning, not its end
        self.unnamed.setText(unnamed_note(draft.unnamed))
        self.unnamed.setVisible(draft.unnamed > 0)
        self.preamble.setPlainText(draft.preamble)
        self.points.setPlainText(points_text(draft.points))
        self.names.show_names(draft.names)
        self._loading = False
        self._edited = False
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for button in (self.save_pdf, self.save_docx):
            button.setEnabled(on)

    def _text_edited(self) -> None:
        if not self._loading:
            self._edited = True

    def current(self) -> OrderDraft | None:
        """The draft as the dialog shows it now."""
        if self.draft is None:
            return None
        return replace(
            self.draft,
            number=self.number.text().strip(),
            issued_on=to_date(self.day),
            title=self.title_edit.text().strip(),
            signer_post=self.signer_post.text().strip(),
            signer_name=self.signer_name.text().strip(),
            preamble=self.preamble.toPlainText().strip(),
            points=parse_points(self.points.toPlainText()),
        )

    def _name_changed(self, row: int, text: str) -> None:
        if self._loading:
            return
        draft = self.current()
        if draft is None:
            return
        edited = self._edited
        self._show(with_name_form(draft, row, text))
        self._edited = edited

    # --- saving -------------------------------------------------------------------------------
    def save(self, suffix: str) -> None:
        """Ask where, write and register in the background; a locked place says so and asks
        for another one."""
        draft = self.current()
        if draft is None or self.saving.running:
            return
        folder = self.last_saved.parent if self.last_saved else Path.home()
        store = self._store
        self._saving_draft = draft  # plain data: the worker gets it, the form is disabled

        def write(target: Path) -> tuple[Path, OrderDraft]:  # in the pool
            return save_order(store, draft, target)

        self.saving.save(
            SaveRequest(
                "Сохранить приказ",
                folder / fit_file_name(f"{file_stem(draft)}{suffix}"),
                PDF_FILTER if suffix == ".pdf" else DOCX_FILTER,
                write,
                path_of=_written_path,
                final=_nothing_to_change,
                saved_text="Приказ сохранён",
            )
        )

    def _written(self, result: object) -> None:
        assert isinstance(result, tuple)
        written, registered = result
        draft = self._saving_draft
        assert isinstance(written, Path) and isinstance(registered, OrderDraft) and draft
        self.last_saved = written
        self.draft = replace(registered, points=draft.points, preamble=draft.preamble)
        self.saved.emit(written)

    def _busy(self, busy: bool) -> None:
        """Everything but the busy bar and its line off while a save runs, then as it was."""
        if busy:
            kept = (self.saving.progress, self.saving.status)
            children = self.findChildren(QWidget, "", Qt.FindChildOption.FindDirectChildrenOnly)
            self._enabled_before = {w: w.isEnabled() for w in children if w not in kept}
            for widget in self._enabled_before:
                widget.setEnabled(False)
            return
        for widget, enabled in self._enabled_before.items():
            widget.setEnabled(enabled)
        self._enabled_before = {}

    def reject(self) -> None:
        """«Закрыть», Esc and the window's cross wait until the order is saved and registered."""
        if self.saving.running:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.saving.running:
            event.ignore()
            return
        super().closeEvent(event)

    def finish(self) -> None:
        """The window is going: a save in the pool ends first (GUIDE trap 13)."""
        self.saving.finish()
