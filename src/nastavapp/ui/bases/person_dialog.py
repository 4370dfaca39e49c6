"""Adding or editing a person: the fields of his category, checked as they are typed.

The checks are the importer's (``check_person`` and the cell parsers), so a person typed here
and a person read from a school's list meet the same rules and the same Russian messages.
A new person's consent can be recorded in the same dialog.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...models import Person
from ...models.vocab import ConsentGiver, ExternalKind, PersonCategory, Sex
from ...services.consents import check_consent, is_minor
from ...services.importing.rows import CellError, parse_date, parse_experience
from ...services.person_fields import PersonFields, check_person, normalized
from .widgets import combo_with, date_edit, mark_invalid, problems_label, show_problems, to_date

FIELD_ROWS = {
    PersonCategory.STUDENT: ("class_name",),
    PersonCategory.TEACHER: ("position", "subject", "experience_years"),
    PersonCategory.EXTERNAL: ("external_kind", "organization", "organization_position"),
}
YOUNG_HINT = "молодой специалист (стаж до 3 лет)"


class ConsentFields(QGroupBox):
    """«Согласие получено» with its date, who gave it and the parent's ФИО."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Согласие на о&бработку персональных данных", parent)
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.given_date = date_edit(today, today)
        self.giver = combo_with([(g.value, g.label) for g in ConsentGiver])
        self.representative = QLineEdit()
        self.representative.setPlaceholderText("Фамилия Имя Отчество родителя")
        form.addRow("Д&ата:", self.given_date)
        form.addRow("&Кто дал:", self.giver)
        form.addRow("ФИО &родителя:", self.representative)
        self.giver.currentIndexChanged.connect(self._sync)
        self._sync()

    def giver_value(self) -> ConsentGiver:
        return ConsentGiver(self.giver.currentData())

    def _sync(self) -> None:
        self.representative.setEnabled(self.giver_value() is ConsentGiver.PARENT)

    def suit(self, minor: bool) -> None:
        """Propose a parent for a minor and the person himself for an adult."""
        wanted = ConsentGiver.PARENT if minor else ConsentGiver.SELF
        self.giver.setCurrentIndex(self.giver.findData(wanted.value))


class PersonDialog(QDialog):
    """``fields()`` gives the checked PersonFields; ``consent_wanted()`` the consent to record."""

    def __init__(
        self,
        today: date,
        person: Person | None = None,
        category: PersonCategory = PersonCategory.STUDENT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._minor: bool | None = None
        self.setWindowTitle("Изменить участника" if person else "Новый участник")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form = form
        category = person.category if person else category
        self.category = combo_with([(c.value, c.label) for c in PersonCategory], category.value)
        self.last_name, self.first_name, self.middle_name = QLineEdit(), QLineEdit(), QLineEdit()
        self.sex = combo_with([("", "определить по отчеству"), *((s.value, s.label) for s in Sex)])
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText("дд.мм.гггг")
        self.class_name = QLineEdit()
        self.class_name.setPlaceholderText("например, 7А")
        self.position, self.subject = QLineEdit(), QLineEdit()
        self.experience_years = QLineEdit()
        self.experience_years.setPlaceholderText("полных лет")
        self.young = QLabel(YOUNG_HINT)
        self.young.setStyleSheet("color: #1f6fb8;")
        self.external_kind = combo_with([(k.value, k.label) for k in ExternalKind])
        self.organization, self.organization_position = QLineEdit(), QLineEdit()
        self.phone, self.email, self.notes = QLineEdit(), QLineEdit(), QLineEdit()
        rows = (
            ("Кате&гория:", self.category),
            ("&Фамилия*:", self.last_name),
            ("&Имя*:", self.first_name),
            ("&Отчество:", self.middle_name),
            ("&Пол:", self.sex),
            ("&Дата рождения:", self.birth_date),
            ("К&ласс:", self.class_name),
            ("Дол&жность:", self.position),
            ("Пр&едмет:", self.subject),
            ("Педагогический &стаж, лет:", self.experience_years),
            ("", self.young),
            ("Кто о&н:", self.external_kind),
            ("Органи&зация:", self.organization),
            ("К&урс или должность:", self.organization_position),
            ("&Телефон:", self.phone),
            ("Эл. по&чта:", self.email),
            ("При&мечание:", self.notes),
        )
        for text, widget in rows:
            form.addRow(text, widget)
        layout.addLayout(form)
        self.consent = ConsentFields(today)
        self.consent.setVisible(person is None)
        layout.addWidget(self.consent)
        self.problems = problems_label()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if person is not None:
            self._fill(person)
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self.check)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.check)
        self.consent.toggled.connect(self.check)
        self.consent.given_date.dateChanged.connect(self.check)
        self.check()
        # the category comes chosen from the tab the curator is on: the surname is typed first
        self.last_name.setFocus()

    def _fill(self, p: Person) -> None:
        for name in (
            "last_name",
            "first_name",
            "middle_name",
            "class_name",
            "position",
            "subject",
            "organization",
            "organization_position",
            "phone",
            "email",
            "notes",
        ):
            getattr(self, name).setText(getattr(p, name) or "")
        self.birth_date.setText(p.birth_date.strftime("%d.%m.%Y") if p.birth_date else "")
        if p.experience_years is not None:
            self.experience_years.setText(str(p.experience_years))
        self.sex.setCurrentIndex(max(self.sex.findData(p.sex.value if p.sex else ""), 0))
        if p.external_kind is not None:
            self.external_kind.setCurrentIndex(self.external_kind.findData(p.external_kind.value))

    def category_value(self) -> PersonCategory:
        return PersonCategory(self.category.currentData())

    def _parsed(self) -> tuple[PersonFields, list[tuple[str, str]]]:
        """The fields as typed and the problems of reading them: (field name, message)."""
        problems: list[tuple[str, str]] = []
        born = experience = None
        try:
            born = parse_date(self.birth_date.text(), self._today)
        except CellError as exc:
            problems.append(("birth_date", str(exc)))
        category = self.category_value()
        if category is PersonCategory.TEACHER:
            try:
                experience = parse_experience(self.experience_years.text())
            except CellError as exc:
                problems.append(("experience_years", str(exc)))
        sex = self.sex.currentData()
        kind = self.external_kind.currentData()
        fields = PersonFields(
            category=category,
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            middle_name=self.middle_name.text(),
            sex=Sex(sex) if sex else None,
            birth_date=born,
            class_name=self.class_name.text() if category is PersonCategory.STUDENT else "",
            position=self.position.text() if category is PersonCategory.TEACHER else "",
            subject=self.subject.text() if category is PersonCategory.TEACHER else "",
            experience_years=experience,
            external_kind=ExternalKind(kind) if category is PersonCategory.EXTERNAL else None,
            organization=self.organization.text() if category is PersonCategory.EXTERNAL else "",
            organization_position=self.organization_position.text()
            if category is PersonCategory.EXTERNAL
            else "",
            phone=self.phone.text(),
            email=self.email.text(),
            notes=self.notes.text(),
        )
        fields = normalized(fields)
        problems += [(p.field, p.message) for p in check_person(fields, self._today)]
        return fields, problems

    def fields(self) -> PersonFields:
        return self._parsed()[0]

    def consent_wanted(self) -> tuple[date, ConsentGiver, str] | None:
        if self.consent.isHidden() or not self.consent.isChecked():
            return None
        return (
            to_date(self.consent.given_date),
            self.consent.giver_value(),
            self.consent.representative.text(),
        )

    def check(self) -> list[str]:
        """Show the rows of the category and every problem; Save only when there are none."""
        category = self.category_value()
        for rows_category, names in FIELD_ROWS.items():
            for name in names:
                self.form.setRowVisible(getattr(self, name), rows_category is category)
        fields, problems = self._parsed()
        self._suggest_giver(fields)
        self.form.setRowVisible(self.young, category is PersonCategory.TEACHER)
        young = fields.experience_years is not None and fields.experience_years <= 3
        self.young.setText(YOUNG_HINT if young else "")
        bad = {name for name, _message in problems}
        for name in ("last_name", "first_name", "middle_name", "birth_date", "class_name"):
            mark_invalid(getattr(self, name), name in bad)
        mark_invalid(self.experience_years, "experience_years" in bad)
        mark_invalid(self.email, "email" in bad)
        messages = [message for _name, message in problems]
        messages += self._consent_problems(fields)
        show_problems(self.problems, messages)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not messages)
        return messages

    def _suggest_giver(self, fields: PersonFields) -> None:
        """When the person turns out a minor or an adult, propose who gives the consent."""
        probe = Person(**fields.values())
        minor = is_minor(probe, to_date(self.consent.given_date))
        if minor != self._minor:
            self._minor = minor
            self.consent.suit(minor)

    def _consent_problems(self, fields: PersonFields) -> list[str]:
        wanted = self.consent_wanted()
        if wanted is None:
            return []
        probe = Person(**fields.values())
        return check_consent(probe, wanted[0], wanted[1], wanted[2], self._today)

    def accept(self) -> None:
        if not self.check():
            super().accept()
