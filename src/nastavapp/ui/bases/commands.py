"""What the buttons of «Базы» do: open the dialog, call the service, show the outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog

from ...models import Person, TrainingEvent
from ...models.vocab import PersonCategory, Role
from ...services.bulk_text import BASES_GENITIVE as BASE_GENITIVE
from ...services.consents import ConsentError, record_consent, withdraw_consent
from ...services.deletion import DeletionError, delete_person, deletion_impact
from ...services.people import (
    PersonError,
    add_person,
    duplicate_question,
    find_duplicates,
    update_person,
)
from ...services.roles import (
    RoleError,
    add_training_event,
    mentee_role,
    mentor_role,
    set_mentee,
    set_mentor,
    training_events,
    unmark,
)
from .. import messages
from .columns import BaseKind
from .consent_dialog import ConsentDialog
from .person_dialog import PersonDialog
from .picker import PersonPicker
from .role_dialogs import MenteeDialog, MentorDialog
from .widgets import by_sex

if TYPE_CHECKING:
    from .screen import BasesScreen

D = TypeVar("D", bound=QDialog)
BASE_NAMES = {Role.MENTEE: "база наставляемых", Role.MENTOR: "база наставников"}
KIND_ROLES = {BaseKind.MENTEES: Role.MENTEE, BaseKind.MENTORS: Role.MENTOR}


class BaseCommands:
    def __init__(self, screen: BasesScreen) -> None:
        self.screen = screen
        self.store = screen.store
        self.today = screen.today

    def _open(self, dialog: D, on_accept: Callable[[D], None]) -> D:
        self.screen.adopt_dialog(dialog)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.open()
        return dialog

    def _done(self, select_id: int | None = None) -> None:
        self.screen.forget_undo()
        self.screen.changed(select_id)

    def _year_id(self) -> int:
        year = self.screen.year
        assert year is not None and year.id is not None
        return year.id

    # people -----------------------------------------------------------------------------------
    def add(self) -> None:
        kind = self.screen.current_kind()
        role = KIND_ROLES.get(kind)
        if role is None:
            self.new_person()
            return
        picker = PersonPicker(
            self.screen.views[BaseKind.ALL].model,
            f"Кого включить: {BASE_NAMES[role]}",
            self.screen,
        )

        def picked(dialog: PersonPicker) -> None:
            then = self.mentee_for if role is Role.MENTEE else self.mentor_for
            chosen = dialog.chosen()
            if dialog.action == "new":
                default = PersonCategory.TEACHER if role is Role.MENTOR else PersonCategory.STUDENT
                self.new_person(then, default)
            elif chosen is not None:
                then(chosen.person)

        self._open(picker, picked)

    def new_person(
        self,
        then: Callable[[Person], None] | None = None,
        category: PersonCategory = PersonCategory.STUDENT,
    ) -> None:
        def save(dialog: PersonDialog) -> None:
            fields = dialog.fields()
            same = find_duplicates(self.store, fields)
            if same and not messages.confirm(
                self.screen, duplicate_question(fields, same, "добавить ещё одного")
            ):
                return
            try:
                person = add_person(self.store, fields, today=self.today)
            except PersonError as exc:
                messages.error(self.screen, str(exc))
                return
            consent = dialog.consent_wanted()
            if consent is not None and person.id is not None:
                try:
                    record_consent(self.store, person.id, *consent, today=self.today)
                except ConsentError as exc:
                    messages.warning(self.screen, f"Участник добавлен, согласие — нет: {exc}")
            self._done(person.id)
            if then is not None:
                then(person)

        self._open(PersonDialog(self.today, None, category, self.screen), save)

    def edit(self) -> None:
        row = self.screen.selected()
        if row is None:
            return

        def save(dialog: PersonDialog) -> None:
            fields = dialog.fields()
            same = find_duplicates(self.store, fields, exclude_id=row.id)
            if same and not messages.confirm(
                self.screen, duplicate_question(fields, same, "сохранить")
            ):
                return
            try:
                update_person(self.store, row.id, fields, today=self.today)
            except (PersonError, LookupError) as exc:
                messages.error(self.screen, str(exc))
                return
            self._done(row.id)

        self._open(PersonDialog(self.today, row.person, parent=self.screen), save)

    def delete(self) -> None:
        """Delete the selected person (or take out of the base); several: all in one go."""
        rows = self.screen.selected_rows()
        role = KIND_ROLES.get(self.screen.current_kind())
        if len(rows) > 1:
            if role is None:
                self.screen.bulk.delete(rows)
            else:
                self.screen.bulk.take_out(rows, role)
            return
        row = self.screen.selected()
        if row is None:
            return
        if role is not None:
            self.take_out(row.person, role)
            return
        try:
            impact = deletion_impact(self.store, row.id)
            if not messages.confirm(self.screen, impact.text()):
                return
            snapshot = delete_person(self.store, row.id)
        except DeletionError as exc:
            messages.error(self.screen, str(exc))
            return
        self._done()
        removed = by_sex(row.person, "удалён", "удалена", "удалён(а)")
        self.screen.remember_undo(snapshot, f"«{snapshot.name}» {removed} из базы.")

    def take_out(self, person: Person, role: Role) -> None:
        """Take the person out of the year's base of ``role`` (can be undone at once)."""
        if role is Role.MENTEE:
            what = by_sex(person, "его запросы", "её запросы", "запросы наставляемого")
        else:
            what = by_sex(
                person,
                "его компетенции и отметки об обучении",
                "её компетенции и отметки об обучении",
                "компетенции и отметки об обучении наставника",
            )
        if not messages.confirm(
            self.screen,
            f"Исключить «{person.full_name}» из {BASE_GENITIVE[role]} этого года? "
            f"Вместе с этим будут удалены {what}. Это можно сразу отменить (Ctrl+Z).",
        ):
            return
        try:
            snapshot = unmark(self.store, int(person.id or 0), self._year_id(), role)
        except (RoleError, DeletionError) as exc:
            messages.error(self.screen, str(exc))
            return
        self._done(person.id)
        if snapshot is not None:
            self.screen.remember_undo(
                snapshot,
                f"«{snapshot.name}» {by_sex(person, 'исключён', 'исключена', 'исключён(а)')} "
                f"из {BASE_GENITIVE[role]}.",
            )

    # roles --------------------------------------------------------------------------------------
    def mentee(self) -> None:
        row = self.screen.selected()
        if row is not None:
            self.mentee_for(row.person)

    def mentor(self) -> None:
        row = self.screen.selected()
        if row is not None:
            self.mentor_for(row.person)

    def mentee_for(self, person: Person) -> None:
        year = self.screen.year
        if year is None or year.id is None or person.id is None:
            return
        pid, year_id = person.id, year.id

        def save(dialog: MenteeDialog) -> None:
            if dialog.action == "remove":
                self.take_out(person, Role.MENTEE)
                return
            try:
                set_mentee(self.store, pid, year_id, dialog.role(), today=self.today)
            except RoleError as exc:
                messages.error(self.screen, str(exc))
                return
            self._done(pid)

        current = mentee_role(self.store, pid, year_id)
        self._open(MenteeDialog(person, current, year.forms, self.today, self.screen), save)

    def mentor_for(self, person: Person) -> None:
        year = self.screen.year
        if year is None or year.id is None or person.id is None:
            return
        pid, year_id = person.id, year.id

        def new_event(title: str, day: date) -> TrainingEvent | None:
            try:
                return add_training_event(self.store, year_id, title, day)
            except RoleError as exc:
                messages.error(self.screen.dialog, str(exc))
                return None

        def save(dialog: MentorDialog) -> None:
            if dialog.action == "remove":
                self.take_out(person, Role.MENTOR)
                return
            try:
                set_mentor(self.store, pid, year_id, dialog.role(), today=self.today)
            except RoleError as exc:
                messages.error(self.screen, str(exc))
                return
            self._done(pid)

        dialog = MentorDialog(
            person,
            mentor_role(self.store, pid, year_id),
            year.forms,
            training_events(self.store, year_id),
            new_event,
            self.today,
            self.screen,
        )
        self._open(dialog, save)

    def consent(self) -> None:
        row = self.screen.selected()
        if row is None:
            return
        pid = row.id

        def save(dialog: ConsentDialog) -> None:
            try:
                if dialog.action == "withdraw":
                    withdrawn, note = dialog.withdrawal()
                    withdraw_consent(self.store, pid, withdrawn, note, today=self.today)
                else:
                    record_consent(self.store, pid, *dialog.recorded(), today=self.today)
            except ConsentError as exc:
                messages.error(self.screen, str(exc))
                return
            self._done(pid)

        self._open(ConsentDialog(row.person, row.consent, self.today, self.screen), save)
