"""First-run wizard: the school, its director and curator, the academic year and the forms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..models.vocab import MentoringForm, Sex
from ..services.names import FullName, clean
from ..services.school import SchoolSetup
from ..services.years import YearError, parse_year_title, year_title_for

FORM_HINTS = {
    MentoringForm.STUDENT_STUDENT: "старшеклассник помогает младшему или сверстнику",
    MentoringForm.TEACHER_TEACHER: "опытный педагог сопровождает молодого специалиста или коллегу",
    MentoringForm.TEACHER_STUDENT: "педагог ведёт ученика: проекты, олимпиады, адаптация",
    MentoringForm.UNISTUDENT_STUDENT: "студент колледжа или вуза помогает школьнику",
    MentoringForm.EMPLOYER_STUDENT: "специалист предприятия-партнёра — профориентация ученика",
}
# The two forms nearly every school starts with (seeds 000, 004).
DEFAULT_FORMS = (MentoringForm.STUDENT_STUDENT, MentoringForm.TEACHER_TEACHER)
DEFAULT_CURATOR_POSITION = "заместитель директора по учебно-воспитательной работе"


def guess_sex(name: FullName) -> Sex | None:
    """Sex from the patronymic (…вна/…чна → female, …ич → male), else None."""
    middle = name.middle.casefold()
    if middle.endswith(("вна", "чна", "кызы")):
        return Sex.FEMALE
    if middle.endswith(("ич", "оглы")):
        return Sex.MALE
    return None


class SexChoice(QWidget):
    """Two radio buttons «мужской / женский»."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self.female = QRadioButton("женский")
        self.male = QRadioButton("мужской")
        self.female.setChecked(True)
        for button in (self.female, self.male):
            self._group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self._label: QLabel | None = None
        self.female.toggled.connect(self._follow)

    def labelled_by(self, label: QLabel) -> None:
        """Alt+letter of ``label`` goes to the sex chosen (arrows then change it)."""
        self._label = label
        self._follow()

    def _follow(self, *_args: object) -> None:
        if self._label is not None:
            self._label.setBuddy(self.male if self.male.isChecked() else self.female)

    def value(self) -> Sex:
        return Sex.MALE if self.male.isChecked() else Sex.FEMALE

    def set_value(self, sex: Sex) -> None:
        (self.male if sex is Sex.MALE else self.female).setChecked(True)

    def follow_name(self, text: str) -> None:
        """The sex the patronymic of ``text`` tells (…вна, …ич); none told: left as it is."""
        sex = guess_sex(FullName.parse(text))
        if sex is not None:
            self.set_value(sex)


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


class SchoolPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Школа")
        self.setSubTitle(
            "Как называется образовательная организация. "
            "Эти сведения попадут в шапку приказов и в отчёт."
        )
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.full_name = _line("Муниципальное бюджетное общеобразовательное учреждение …")
        self.short_name = _line("МБОУ «… СОШ»")
        self.municipality = _line("например, Кызылский кожуун")
        self.address = _line("индекс, район, село, улица, дом")
        form.addRow("&Полное наименование*:", self.full_name)
        form.addRow("&Краткое наименование*:", self.short_name)
        form.addRow("&Муниципалитет:", self.municipality)
        form.addRow("&Адрес:", self.address)
        self.municipal_button = QPushButton(
            "Я координатор муниципального &центра: собирать отчёты школ…"
        )
        self.municipal_button.setToolTip(
            "Режим муниципального центра: сводка отчётов школ, «Аналитическая справка». "
            "Данные центра хранятся в отдельном файле."
        )
        form.addRow(QLabel(""))
        form.addRow(self.municipal_button)
        self.registerField("full_name*", self.full_name)
        self.registerField("short_name*", self.short_name)
        self.registerField("municipality", self.municipality)
        self.registerField("address", self.address)


class PeoplePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Руководитель и куратор")
        self.setSubTitle(
            "ФИО полностью: фамилия, имя, отчество. Пол нужен, чтобы "
            "правильно склонять имена в приказах."
        )
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.director = _line("Фамилия Имя Отчество")
        self.director_sex = SexChoice()
        self.curator = _line("Фамилия Имя Отчество")
        self.curator_sex = SexChoice()
        self.curator_position = _line("должность куратора")
        self.curator_position.setText(DEFAULT_CURATOR_POSITION)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        # «&Директор» would take Alt+Д from «&Далее >»
        form.addRow("Д&иректор*:", self.director)
        form.addRow(self._sex_label("По&л директора:", self.director_sex), self.director_sex)
        form.addRow(QLabel(""))
        form.addRow("&Куратор наставничества*:", self.curator)
        form.addRow(self._sex_label("Пол ку&ратора:", self.curator_sex), self.curator_sex)
        form.addRow("Дол&жность куратора:", self.curator_position)
        form.addRow(self.problem)
        for edit, choice in ((self.director, self.director_sex), (self.curator, self.curator_sex)):
            edit.textChanged.connect(choice.follow_name)
            edit.textChanged.connect(self.completeChanged)

    @staticmethod
    def _sex_label(text: str, choice: SexChoice) -> QLabel:
        label = QLabel(text)
        choice.labelled_by(label)
        return label

    def isComplete(self) -> bool:
        missing = [
            label
            for label, edit in (("директора", self.director), ("куратора", self.curator))
            if not FullName.parse(edit.text()).is_complete
        ]
        self.problem.setText(
            "Укажите хотя бы фамилию и имя " + " и ".join(missing) + "." if missing else ""
        )
        return not missing


class YearPage(QWizardPage):
    def __init__(self, today: date) -> None:
        super().__init__()
        self.setTitle("Учебный год и формы наставничества")
        self.setSubTitle(
            "Год, с которого начинается работа, и формы, которые школа будет "
            "использовать. Их можно изменить позже: «Файл → Сведения о школе…»."
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year = QComboBox()
        self.year.setEditable(True)
        current = year_title_for(today)
        first = int(current[:4])
        for start in (first - 1, first, first + 1):
            self.year.addItem(f"{start}/{start + 1}")
        self.year.setCurrentText(current)
        self.year_dates = QLabel()
        form.addRow("&Учебный год*:", self.year)
        form.addRow("", self.year_dates)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Формы наставничества</b> (хотя бы одна):"))
        self.form_boxes: dict[MentoringForm, QCheckBox] = {}
        for mentoring_form in MentoringForm:
            box = QCheckBox(f"{mentoring_form.label} — {FORM_HINTS[mentoring_form]}")
            box.setChecked(mentoring_form in DEFAULT_FORMS)
            box.toggled.connect(self.completeChanged)
            self.form_boxes[mentoring_form] = box
            layout.addWidget(box)
        layout.addStretch(1)
        self.year.currentTextChanged.connect(self._show_dates)
        self.year.currentTextChanged.connect(self.completeChanged)
        self._show_dates(self.year.currentText())

    def _show_dates(self, text: str) -> None:
        try:
            _, start, end = parse_year_title(text)
        except YearError as exc:
            self.year_dates.setText(f"<span style='color:#b00020'>{exc}</span>")
            return
        self.year_dates.setText(f"с {start:%d.%m.%Y} по {end:%d.%m.%Y}")

    def chosen_forms(self) -> list[MentoringForm]:
        return [f for f, box in self.form_boxes.items() if box.isChecked()]

    def isComplete(self) -> bool:
        try:
            parse_year_title(self.year.currentText())
        except YearError:
            return False
        return bool(self.chosen_forms())


class FirstRunWizard(QWizard):
    """Asks what a new database needs; ``setup()`` returns it once the wizard is accepted.

    ``municipalChosen`` : the user is the municipal centre's coordinator, not a school.
    """

    municipalChosen = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Новая школа — первый запуск")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Russian whether or not Qt's translation was found; Alt+letters in Cyrillic
        for which, text in (
            (QWizard.WizardButton.BackButton, "< &Назад"),
            (QWizard.WizardButton.NextButton, "&Далее >"),
            (QWizard.WizardButton.FinishButton, "&Завершить"),
            (QWizard.WizardButton.CancelButton, "Отмена"),
        ):
            self.setButtonText(which, text)
        self.school_page = SchoolPage()
        self.school_page.municipal_button.clicked.connect(self.municipalChosen.emit)
        self.people_page = PeoplePage()
        self.year_page = YearPage(today or date.today())
        for page in (self.school_page, self.people_page, self.year_page):
            self.addPage(page)
        self.resize(760, 560)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def setup(self) -> SchoolSetup:
        school, people, year = self.school_page, self.people_page, self.year_page
        return SchoolSetup(
            full_name=clean(school.full_name.text()),
            short_name=clean(school.short_name.text()),
            municipality=clean(school.municipality.text()),
            address=clean(school.address.text()),
            director=FullName.parse(people.director.text()),
            director_sex=people.director_sex.value(),
            curator=FullName.parse(people.curator.text()),
            curator_sex=people.curator_sex.value(),
            curator_position=clean(people.curator_position.text()),
            year_title=year.year.currentText(),
            forms=year.chosen_forms(),
        )
