"""Answers from online forms' exports: Google Forms xlsx and a Yandex Forms csv from Russian Excel,
columns matched by question text, bad rows listed and skipped, names found among the year's people."""

from __future__ import annotations

from datetime import date

import pytest

from nastavapp.models import GroupMember, MentoringGroup, Participation, Person
from nastavapp.models.vocab import (
    Audience,
    GroupStatus,
    MenteeStatus,
    MentoringForm,
    PersonCategory,
    QuestionnairePhase,
    Role,
)
from nastavapp.services.answers_import import (
    ImportFileError,
    Special,
    import_answers,
    match_columns,
    normalise,
    preview_answers,
    preview_file,
    similarity,
)
from nastavapp.services.answers_matching import special_kind
from nastavapp.services.questionnaires import create_year_questionnaires, template_items
from nastavapp.services.responses import template_responses
from nastavapp.services.years import current_year

from .import_files import write_csv, write_xlsx

TODAY = date(2025, 11, 20)


@pytest.fixture
def school(school_store):
    """The sample school with its questionnaires, a mentee in a pair and one only in the base."""
    year = current_year(school_store)
    templates = create_year_questionnaires(school_store, year.id)
    with school_store.session() as session:
        mentor = Person(category=PersonCategory.STUDENT, last_name="Орлова", first_name="Дарья")
        paired = Person(
            category=PersonCategory.STUDENT,
            last_name="Ёжиков",
            first_name="Пётр",
            middle_name="Ильич",
            class_name="7А",
        )
        waiting = Person(category=PersonCategory.STUDENT, last_name="Белых", first_name="Аня")
        session.add_all([mentor, paired, waiting])
        session.flush()
        group = MentoringGroup(
            year_id=year.id,
            mentor_id=mentor.id,
            form=MentoringForm.STUDENT_STUDENT,
            status=GroupStatus.ACTIVE,
        )
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=paired.id))
        session.add(
            Participation(
                person_id=waiting.id,
                year_id=year.id,
                role=Role.MENTEE,
                status=MenteeStatus.IN_BASE.value,
                form=MentoringForm.TEACHER_STUDENT,
            )
        )
        session.commit()
        ids = {"paired": paired.id, "waiting": waiting.id, "group": group.id}
    entry = next(
        t
        for t in templates
        if t.audience is Audience.MENTEE and t.phase is QuestionnairePhase.ENTRY
    )
    return school_store, entry, ids


def _items(store, template):
    return {i.code: i for i in template_items(store, template.id)}


def test_normalising_and_similarity_of_headers():
    assert normalise("1. Насколько ПОНЯТНЫ вам задачи программы? *") == (
        "насколько понятны вам задачи программы"
    )
    assert normalise("Ёлка «да»") == "елка да"
    text = "Насколько полезными вы ожидаете встречи?"
    assert similarity("Насколько полезными вы ожидаете встречи", text) == 1.0
    assert similarity("Оцените ожидания [Насколько полезными вы ожидаете встречи?]", text) > 0.9
    assert similarity("Насколько полезными будут встречи?", text) > 0.78  # a close wording
    assert similarity("Класс", text) < 0.5


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("ФИО", Special.RESPONDENT),
        ("Ваше ФИО (полностью)", Special.RESPONDENT),
        ("Укажите ваши фамилию, имя", Special.RESPONDENT),
        ("Фамилия и имя респондента *", Special.RESPONDENT),
        ("ФИО наставника", None),  # another person's name, not the respondent's
        ("Оцените работу наставника (ФИО не указывайте)", None),  # a question
        ("Отметка времени", Special.DATE),
        ("Дата (дд.мм.гггг)", Special.DATE),
        ("Форма наставничества (выберите одну)", Special.FORM),
        ("Насколько понятны вам задачи программы?", None),
    ],
)
def test_special_columns_by_their_headers(header, kind):
    assert special_kind(header) is kind


def test_a_respondent_header_with_a_remark_is_found(school):
    store, template, _ids = school
    items = list(_items(store, template).values())
    header = ["Отметка времени", "Ваше ФИО (полностью)", "ФИО наставника", items[0].text]
    mapping = match_columns(header, items)
    assert mapping.special == {Special.DATE: 0, Special.RESPONDENT: 1}
    assert mapping.items == {3: items[0].id}


def test_google_forms_xlsx_matched_by_text_bad_rows_skipped(school, tmp_path):
    store, entry, ids = school
    items = _items(store, entry)
    header = [
        "Отметка времени",
        "Ваше ФИО",
        "1. Насколько эффективной вы ожидаете программу наставничества? *",
        "Насколько комфортным вы ожидаете общение в паре/группе?",
        "Ожидания [Насколько полезными вы ожидаете встречи?]",
        "Хотели бы вы продолжить работу в программе наставничества?",
        "Чего вы ждёте от участия в программе?",
        "Адрес электронной почты",
    ]
    rows = [
        header,
        ["20.11.2025 14:03:11", "Ёжиков Пётр Ильич", 8, 9, 7, "Да", "Помощи с физикой", "a@b.ru"],
        ["21.11.2025 09:10:00", "Белых Аня", 12, 9, 7, "Нет", "", ""],  # 12: out of the scale
        ["21.11.2025 10:00:00", "Петров Вася", 5, "6", "7 баллов", "нет", "", ""],  # unknown name
        [None, None, None, None, None, None, None, None],  # empty line
        ["22.11.2025 11:00:00", "", 10, 10, 10, "да", "Всё", ""],  # anonymous
        ["22.11.2025 12:00:00", "", "семь", 3, 3, "может быть", "", ""],  # two problems
    ]
    path = write_xlsx(tmp_path / "Анкета (Ответы).xlsx", rows)
    preview = preview_file(store, entry.id, path, today=TODAY)

    mapping = preview.mapping
    assert mapping.header_row == 0
    assert mapping.special == {Special.DATE: 0, Special.RESPONDENT: 1}
    assert mapping.items == {
        2: items["efficiency"].id,
        3: items["comfort"].id,
        4: items["usefulness"].id,
        5: items["continue"].id,
        6: items["expect_text"].id,
    }
    assert mapping.target(7) is None  # the e-mail column is ignored
    assert "Насколько понятны вам задачи программы?" in preview.unmatched_items
    assert [r.row_number for r in preview.responses] == [2, 4, 6]
    assert [s.row_number for s in preview.skipped] == [3, 7]
    assert preview.skipped[0].text == (
        "Строка 3: «Насколько эффективной вы ожидаете программу наставничества?»: "
        "оценка 12 вне шкалы от 1 до 10."
    )
    assert len(preview.skipped[1].reasons) == 2
    assert "«да» или «нет»" in preview.skipped[1].text
    assert preview.notes == [
        "Строка 4: «Петров Вася» нет среди участников года (наставляемые) — ответ будет "
        "записан анонимно."
    ]
    first = preview.responses[0]
    assert (first.person_id, first.form, first.group_id) == (
        ids["paired"],
        MentoringForm.STUDENT_STUDENT,
        ids["group"],
    )
    assert first.answered_on == date(2025, 11, 20)
    assert preview.problem is None

    assert import_answers(store, preview) == 3
    stored = template_responses(store, entry.id)
    assert [r.person_id for r in stored] == [ids["paired"], None, None]
    assert stored[0].values[items["efficiency"].id] == 8
    assert stored[0].values[items["continue"].id] == 1
    assert stored[0].values[items["expect_text"].id] == "Помощи с физикой"
    assert stored[1].values[items["usefulness"].id] == 7  # «7 баллов»
    assert stored[2].answered_on == date(2025, 11, 22)

    again = preview_file(store, entry.id, path, today=TODAY)  # the same file once more
    assert "эта анкета уже есть" in next(s.text for s in again.skipped if s.row_number == 2)


def test_yandex_csv_in_cp1251_with_a_form_column_and_a_title_row(school, tmp_path):
    store, entry, _ids = school
    items = _items(store, entry)
    rows = [
        ["Ответы на анкету наставляемого", "", "", ""],
        ["ID", "Время создания", "Форма наставничества", "Насколько понятны вам задачи программы?"],
        ["101", "2025-11-20 10:00:00", "учитель - ученик", "6"],
        ["102", "2025/11/21 2:03:11 PM GMT+3", "", "9"],
    ]
    path = write_csv(tmp_path / "yandex.csv", rows)
    preview = preview_file(store, entry.id, path, today=TODAY)
    assert preview.mapping.header_row == 1
    assert preview.mapping.items == {3: items["clarity"].id}
    assert preview.mapping.special[Special.FORM] == 2
    assert [(r.form, r.answered_on) for r in preview.responses] == [
        (MentoringForm.TEACHER_STUDENT, date(2025, 11, 20)),
        (None, date(2025, 11, 21)),
    ]


def test_the_curator_changes_the_matching(school):
    store, entry, _ids = school
    items = _items(store, entry)
    rows = [["Вопрос А", "Вопрос Б"], [4, 5]]
    preview = preview_answers(store, entry.id, rows, today=TODAY)
    assert preview.mapping.items == {}
    assert "Ни один столбец" in (preview.problem or "")
    mapping = preview.mapping.with_target(0, items["support"].id)
    mapping = mapping.with_target(1, items["support"].id)  # moved: column 0 is free again
    assert mapping.items == {1: items["support"].id}
    mapping = mapping.with_target(0, items["clarity"].id)
    preview = preview_answers(store, entry.id, rows, mapping, today=TODAY)
    assert preview.responses[0].answers == {items["clarity"].id: "4", items["support"].id: "5"}
    assert preview.mapping.with_target(0, None).items == {1: items["support"].id}
    assert match_columns(["ФИО", "Форма"], []).special == {
        Special.RESPONDENT: 0,
        Special.FORM: 1,
    }


def test_a_file_that_is_not_a_table_says_so(school, tmp_path):
    store, entry, _ids = school
    bad = tmp_path / "ответы.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError, match="не удалось прочитать"):
        preview_file(store, entry.id, bad, today=TODAY)


def test_a_later_download_of_the_form_adds_only_its_new_anonymous_answers(school, tmp_path):
    """Each weekly download holds the earlier rows again: they must not count twice, while two
    respondents who answered alike on the same day are both kept."""
    store, entry, _ids = school
    header = [
        "Отметка времени",
        "1. Насколько эффективной вы ожидаете программу наставничества?",
        "Насколько комфортным вы ожидаете общение в паре/группе?",
    ]
    week1 = [
        ["20.11.2025 14:03:11", 10, 10],
        ["20.11.2025 15:00:00", 7, 8],
    ]
    week2 = [
        *week1,
        ["20.11.2025 18:30:00", 10, 10],  # new, but alike the first one of that day
        ["27.11.2025 09:00:00", 6, 9],  # new
    ]
    first = preview_file(
        store, entry.id, write_xlsx(tmp_path / "1.xlsx", [header, *week1]), today=TODAY
    )
    assert import_answers(store, first) == 2
    again = preview_file(
        store, entry.id, write_xlsx(tmp_path / "2.xlsx", [header, *week2]), today=TODAY
    )
    assert [r.row_number for r in again.responses] == [4, 5]
    assert [s.row_number for s in again.skipped] == [2, 3]
    assert "уже загружен раньше" in again.skipped[0].text
    assert import_answers(store, again) == 2
    stored = template_responses(store, entry.id)
    assert len(stored) == 4  # was 6: the first week's two counted twice
    same_file = preview_file(store, entry.id, tmp_path / "2.xlsx", today=TODAY)
    assert same_file.responses == [] and len(same_file.skipped) == 4


def test_an_impossible_answer_date_is_said_and_today_written(school, tmp_path):
    store, entry, _ids = school
    header = ["Отметка времени", "1. Насколько эффективной вы ожидаете программу наставничества?"]
    rows = [header, ["20.11.2099 10:00:00", 8], ["вчера", 7], ["20.11.1900", 9], ["20.11.2025", 6]]
    preview = preview_file(store, entry.id, write_xlsx(tmp_path / "даты.xlsx", rows), today=TODAY)
    assert [r.answered_on for r in preview.responses] == [TODAY, TODAY, TODAY, date(2025, 11, 20)]
    assert preview.notes == [
        f"Строка {n}: дата ответа «{text}» не распознана или невозможна — записана сегодняшняя, "
        f"{TODAY:%d.%m.%Y}."
        for n, text in ((2, "20.11.2099 10:00:00"), (3, "вчера"), (4, "20.11.1900"))
    ]
