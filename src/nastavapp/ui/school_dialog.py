"""«Сведения о школе…»: the school's names, director, curator and the current year's forms,
as the first-run wizard asked them, edited afterwards (a new director, a typo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..models import AcademicYear, School
from ..models.vocab import MentoringForm
from ..services.names import FullName, clean
from ..services.school_profile import FormUse, SchoolProfile, profile_of
from .first_run import FORM_HINTS, SexChoice


def _line(text: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setCursorPosition(0)  # a long name shows its beginning
    return edit


class SchoolDialog(QDialog):
    """``profile()`` and ``forms()`` to save: ``save(dialog)`` does it when «Сохранить» is
    pressed, and the dialog closes only if it says True (a refused save keeps what was typed)."""

    def __init__(
        self,
        school: School,
        year: AcademicYear | None,
        used: dict[MentoringForm, FormUse],
        save: Callable[[SchoolDialog], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Сведения о школе")
        self._save = save
        self._school = profile_of(school)
        layout = QVBoxLayout(self)
        layout.addWidget(self._school_box())
        layout.addWidget(self._people_box())
        self.form_boxes: dict[MentoringForm, QCheckBox] = {}
        if year is not None:
            layout.addWidget(self._forms_box(year, used))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.full_name, self.short_name, self.director, self.curator):
            edit.textChanged.connect(self._check)
        for box in self.form_boxes.values():
            box.toggled.connect(self._check)
        self.setMinimumWidth(760)  # the forms' hints whole on one line each
        self._check()

    def _school_box(self) -> QGroupBox:
        school = self._school
        box = QGroupBox("Школа")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.full_name = _line(school.full_name, "Муниципальное бюджетное …")
        self.short_name = _line(school.short_name, "МБОУ «… СОШ»")
        self.municipality = _line(school.municipality, "например, Кызылский кожуун")
        self.address = _line(school.address, "индекс, район, село, улица, дом")
        self.code = _line(school.code, "необязательно")
        self.code.setToolTip(
            "По этому коду муниципальный центр отличает отчёты школ с похожими названиями."
        )
        form.addRow("&Полное наименование*:", self.full_name)
        form.addRow("&Краткое наименование*:", self.short_name)
        form.addRow("&Муниципалитет:", self.municipality)
        form.addRow("&Адрес:", self.address)
        form.addRow("&ИНН или код школы:", self.code)
        return box

    def _people_box(self) -> QGroupBox:
        school = self._school
        box = QGroupBox("Руководитель и куратор")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.director = _line(school.director.full, "Фамилия Имя Отчество")
        self.director_sex = SexChoice()
        self.director_sex.set_value(school.director_sex)
        self.curator = _line(school.curator.full, "Фамилия Имя Отчество")
        self.curator_sex = SexChoice()
        self.curator_sex.set_value(school.curator_sex)
        self.curator_position = _line(school.curator_position, "должность куратора")
        form.addRow("&Директор*:", self.director)
        form.addRow("Пол директора:", self.director_sex)
        form.addRow("К&уратор наставничества*:", self.curator)
        form.addRow("Пол куратора:", self.curator_sex)
        form.addRow("Дол&жность куратора:", self.curator_position)
        # a new name brings its sex along (patronymic), as in the first-run wizard
        self.director.textChanged.connect(self.director_sex.follow_name)
        self.curator.textChanged.connect(self.curator_sex.follow_name)
        return box

    def _forms_box(self, year: AcademicYear, used: dict[MentoringForm, FormUse]) -> QGroupBox:
        box = QGroupBox(f"Формы наставничества в {year.title} учебном году")
        column = QVBoxLayout(box)
        locked = 0
        for mentoring_form in MentoringForm:
            check = QCheckBox(f"{mentoring_form.label} — {FORM_HINTS[mentoring_form]}")
            check.setChecked(mentoring_form.value in year.forms)
            use = used.get(mentoring_form)
            if use is not None and check.isChecked():  # pairs or people in it: it stays
                check.setEnabled(False)
                locked += 1
                check.setToolTip(
                    "Форму нельзя убрать: в ней уже есть пары, группы или участники этого года "
                    f"({use.text()}). Её можно убрать, когда в ней не останется ни пар и групп, "
                    "ни участников."
                )
            self.form_boxes[mentoring_form] = check
            column.addWidget(check)
        if locked:
            note = QLabel(
                "Форма, в которой уже есть пары, группы или участники этого года, остаётся "
                "отмеченной: её нельзя убрать."
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #555555;")
            column.addWidget(note)
        return box

    def profile(self) -> SchoolProfile:
        return SchoolProfile(
            full_name=clean(self.full_name.text()),
            short_name=clean(self.short_name.text()),
            municipality=clean(self.municipality.text()),
            address=clean(self.address.text()),
            code=clean(self.code.text()),
            director=FullName.parse(self.director.text()),
            director_sex=self.director_sex.value(),
            curator=FullName.parse(self.curator.text()),
            curator_sex=self.curator_sex.value(),
            curator_position=clean(self.curator_position.text()),
        )

    def forms(self) -> list[MentoringForm]:
        """The year's forms as ticked; empty when the dialog has no year."""
        return [form for form, box in self.form_boxes.items() if box.isChecked()]

    def accept(self) -> None:
        if self._save(self):
            super().accept()

    def _check(self) -> None:
        problems = self.profile().problems()
        if self.form_boxes and not self.forms():
            problems.append("Выберите хотя бы одну форму наставничества.")
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problems)
