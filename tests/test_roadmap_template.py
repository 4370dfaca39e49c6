"""The standard roadmap template (resources/roadmap/template.json) and a year's roadmap from it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from sqlmodel import select

from nastavapp.models import AcademicYear
from nastavapp.models.roadmap import RoadmapEvent
from nastavapp.models.vocab import EventStatus, ResponsibleRole, RoadmapStage
from nastavapp.services.roadmap import (
    AUTO_RULES,
    RoadmapTemplate,
    TemplateError,
    create_year_roadmap,
    load_template,
    parse_template,
    period_dates,
)
from nastavapp.store import open_store

# Seed 004 (school roadmap, 2024–2025): every event of the table, column «Мероприятия».
SEED_004_EVENTS = [
    "Изучение и систематизация имеющихся материалов по внедрению программы наставничества",
    "Информирование родителей, педагогов, обучающихся, выпускников, работодателей и др. "
    "о возможностях и целях целевой модели наставничества",
    "Подготовка нормативной базы реализации целевой модели наставничества",
    "Выбор форм и программ наставничества исходя из потребностей",
    "Сбор данных о наставляемых",
    "Формирование базы наставляемых",
    "Сбор данных о наставниках",
    "Формирование базы наставников",
    "Выявление наставников, входящих в базу потенциальных наставников",
    "Обучение наставников для работы с наставляемыми",
    "Отбор наставников и наставляемых",
    "Закрепление наставнических пар / групп",
    "Организация комплекса последовательных встреч наставников и наставляемых",
    "Организация текущего контроля достижения планируемых результатов наставниками",
    "Отчеты по итогам наставнической программы",
    "Мотивация и поощрения наставников",
]

# Seed 004: sub-steps that the template keeps as events of their own.
SEED_004_SUBSTEPS = [
    "Назначение куратора внедрения целевой модели наставничества (издание приказа)",
    "Составление планов индивидуального развития наставляемых, индивидуальные траектории обучения",
    "Проведение заключительной встречи наставника и наставляемого",
    "Публикация результатов программы наставничества, лучших наставников, информации на сайтах",
    "Внесение данных об итогах реализации программы наставничества в базу наставников "
    "и базу наставляемых",
    "Формирование долгосрочной базы наставников",
]

# Seed 000 (municipal roadmap, 2023–2024), section 2 «Организационная поддержка участников».
SEED_000_SECTION_2 = [
    "2.1 Выбор форм и программ Наставничества исходя из потребностей школы",
    "2.2 Информирование родителей, педагогов, обучающихся о возможностях и целях "
    "целевой модели наставничества",
    "2.3 Формирование базы наставляемых (обновление, пополнение)",
    "2.4 Формирование базы наставников (обновление, пополнение ежегодно)",
    "2.5 Формирование наставнических пар /групп",
    "2.6 Закрепление наставнических пар/групп",
    "2.7 Организация комплекса последовательных встреч наставников и наставляемых",
    "2.8 Организация текущего контроля достижения планируемых результатов наставниками",
    "2.9 Отчет по итогам наставнической программы",
    "2.10 Мотивация и поощрение наставников",
]

# Seed 000: items of other sections that a school (not the municipal centre) carries out.
SEED_000_SCHOOL_ITEMS = [
    "1.2 Разработка и утверждение распорядительных актов образовательных организаций "
    "о системе наставничества",
    "1.3 Назначение кураторов внедрения целевой модели наставничества в ОО",
    "3.2 Обучение наставников (Школа Наставников)",
    "6.1 Организация персонифицированного учета наставников и наставляемых",
    "6.2 Проведение внутреннего мониторинга образовательных организаций по реализации "
    "и эффективности программ наставничества",
]

# Seed 003 (teachers' mentoring): the stages of its table and the steps inside them.
SEED_003_EVENTS = [
    "Подготовка условий для реализации системы наставничества",
    "Приказ «Об утверждении положения о системе наставничества педагогических работников "
    "в образовательной организации»",
    "Приказ(ы) о закреплении наставнических пар/групп с письменного согласия их участников",
    "Подготовка персонализированных программ наставничества",
    "Формирование банка наставляемых",
    "Сбор информации о профессиональных запросах педагогов",
    "Формирование банка данных наставляемых, обеспечение согласий на сбор и обработку "
    "персональных данных",
    "Формирование банка наставников",
    "Проведение анкетирования среди потенциальных наставников",
    "Формирование банка данных наставников, обеспечение согласий на сбор и обработку "
    "персональных данных",
    "Отбор и обучение",
    "Анализ банка наставников и выбор подходящих для конкретной персонализированной "
    "программы наставничества",
    "Подготовка методических материалов для сопровождения наставнической деятельности",
    "Проведение консультаций, организация обмена опытом среди наставников – "
    "«установочные сессии» наставников",
    "Организация и осуществление работы наставнических пар/групп",
    "Формирование наставнических пар/групп",
    "Разработка персонализированных программ наставничества для каждой пары/группы",
    "Организация психолого-педагогической поддержки сопровождения наставляемых, "
    "не сформировавших пару или группу",
    "Завершение персонализированных программ наставничества",
    "Проведение мониторинга качества реализации персонализированных программ "
    "наставничества (анкетирование)",
    "Проведение школьной конференции или семинара",
    "Проведение итогового мероприятия (круглого стола) по выявлению лучших практик наставничества",
    "Информационная поддержка системы наставничества",
]


def normal(text: str) -> str:
    """Lower case, ё → е, punctuation, quotes and dashes dropped, spaces folded."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower().replace("ё", "е")).split())


def missing(seed: str, names: list[str], template: RoadmapTemplate) -> list[str]:
    """The ``names`` of seed ``seed`` that no template event names in its ``sources``."""
    have = set()
    for event in template.events:
        for source in event.sources:
            number, _, name = source.partition(":")
            if number.strip() == seed:
                have.add(normal(name))
    return [name for name in names if normal(name) not in have]


@pytest.mark.parametrize(
    ("seed", "names"),
    [
        ("004", SEED_004_EVENTS),
        ("004", SEED_004_SUBSTEPS),
        ("000", SEED_000_SECTION_2),
        ("000", SEED_000_SCHOOL_ITEMS),
        ("003", SEED_003_EVENTS),
    ],
)
def test_every_seed_event_has_a_place(seed: str, names: list[str]) -> None:
    lost = missing(seed, names, load_template())
    assert not lost, f"seed {seed}: not in any event's sources: {lost}"


def test_coverage_check_fails_when_an_event_is_removed() -> None:
    template = load_template()
    cases = [
        ("s2_mentee_data", "004", SEED_004_EVENTS),
        ("s5_approve_pairs", "000", SEED_000_SECTION_2),
        ("s7_reward", "004", SEED_004_EVENTS),
        ("s6_info_support", "003", SEED_003_EVENTS),
    ]
    for code, seed, names in cases:
        without = replace(template, events=tuple(e for e in template.events if e.code != code))
        assert missing(seed, names, without), code


def test_sources_are_well_formed() -> None:
    for event in load_template().events:
        for source in event.sources:
            assert re.fullmatch(r"00[0-4]: \S.*", source), (event.code, source)


def test_template_shape() -> None:
    template = load_template()
    assert template.format_version == 1
    assert [s.number for s in template.stages] == [1, 2, 3, 4, 5, 6, 7]
    assert all(s.task and s.result and s.title for s in template.stages)
    assert 25 <= len(template.events) <= 40
    stages = [e.stage for e in template.events]
    assert stages == sorted(stages), "events must be listed stage by stage"
    for number in RoadmapStage:
        assert template.stage_events(number.value), f"stage {number.value} has no events"
    codes = [e.code for e in template.events]
    assert len(codes) == len(set(codes))
    for event in template.events:
        assert isinstance(event.responsible, ResponsibleRole)
        assert event.auto is None or event.auto in AUTO_RULES
        assert 2 <= len(event.content) <= 6, event.code
        assert not any(re.match(r"\s*\d+[.)]", line) for line in event.content), event.code
        assert event.name and event.result, event.code
        start, end = period_dates(event.period, date(2025, 9, 1))
        assert start and end, f"{event.code}: period {event.period!r} not understood"
        assert date(2025, 9, 1) <= start <= end <= date(2026, 8, 31), event.code
        for text in (event.name, event.result, *event.content):
            assert '"' not in text, f"{event.code}: use « » quotes"


def test_auto_rules_are_all_used_where_expected() -> None:
    template = load_template()
    by_rule = {e.auto: e for e in template.events if e.auto}
    assert set(by_rule) == AUTO_RULES
    expected_stage = {
        "mentees_exist": 2,
        "mentors_exist": 3,
        "mentors_trained": 4,
        "pairs_approved": 5,
        "meetings_held": 6,
        "final_questionnaires": 7,
    }
    assert {rule: e.stage for rule, e in by_rule.items()} == expected_stage
    assert by_rule["pairs_approved"].name == "Закрепление наставнических пар / групп"


def test_key_events_exist() -> None:
    template = load_template()
    stage1 = " ".join(e.name + " " + " ".join(e.content) for e in template.stage_events(1))
    assert "куратора" in stage1 and "Положения" in stage1 and "дорожной карты" in stage1
    assert "родительских собраний" in stage1
    stage7 = " ".join(e.name + " " + " ".join(e.content) for e in template.stage_events(7))
    for words in ("итогового мероприятия", "о поощрении", "Отчёт", "базу наставников"):
        assert words in stage7, words


def test_bad_template_is_rejected() -> None:
    good = {"code": "a", "stage": 1, "name": "x", "responsible": "curator"}
    for bad in (
        {**good, "responsible": "janitor"},
        {**good, "stage": 8},
        {**good, "auto": "magic"},
    ):
        with pytest.raises(TemplateError):
            parse_template({"format_version": 1, "stages": [], "events": [bad]})
    with pytest.raises(TemplateError):
        parse_template({"format_version": 1, "stages": [], "events": [good, good]})


Y = date(2025, 9, 1)


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("Сентябрь", date(2025, 9, 1), date(2025, 9, 30)),
        ("Май", date(2026, 5, 1), date(2026, 5, 31)),
        ("Октябрь–ноябрь", date(2025, 10, 1), date(2025, 11, 30)),
        ("Сентябрь–октябрь", date(2025, 9, 1), date(2025, 10, 31)),
        ("Май–июнь", date(2026, 5, 1), date(2026, 6, 30)),
        ("Декабрь–январь", date(2025, 12, 1), date(2026, 1, 31)),
        ("Февраль", date(2026, 2, 1), date(2026, 2, 28)),
        ("Август", date(2026, 8, 1), date(2026, 8, 31)),
        ("В течение года", date(2025, 9, 1), date(2026, 8, 31)),
        ("в  течение   года", date(2025, 9, 1), date(2026, 8, 31)),
        ("Октябрь-ноябрь, ежегодно", date(2025, 10, 1), date(2025, 11, 30)),
        ("Сентябрь ежегодно", date(2025, 9, 1), date(2025, 9, 30)),
        ("  октябрь — НОЯБРЬ ", date(2025, 10, 1), date(2025, 11, 30)),
        ("Сентябрь - октябрь", date(2025, 9, 1), date(2025, 10, 31)),
        ("Сентябрь 2023 (ежегодно)", date(2025, 9, 1), date(2025, 9, 30)),
        ("Ноябрь 2024г.", date(2025, 11, 1), date(2025, 11, 30)),
        ("Август- сентябрь", date(2025, 8, 1), date(2025, 9, 30)),
    ],
)
def test_period_dates(label: str, start: date, end: date) -> None:
    assert period_dates(label, Y) == (start, end)


def test_period_dates_leap_february() -> None:
    assert period_dates("Февраль", date(2027, 9, 1)) == (date(2028, 2, 1), date(2028, 2, 29))


@pytest.mark.parametrize("label", ["По плану", "По графику", "", "ежегодно", "Сентябрь–лето", "13"])
def test_period_dates_unknown(label: str) -> None:
    assert period_dates(label, Y) == (None, None)


def test_period_dates_never_raises_on_garbage() -> None:
    assert period_dates(None, Y) == (None, None)  # type: ignore[arg-type]


def test_create_year_roadmap_in_a_real_file(tmp_path) -> None:
    template = load_template()
    store = open_store(tmp_path / "db.sqlite")
    try:
        with store.session() as s:
            year = AcademicYear(
                title="2025/2026",
                start_date=date(2025, 9, 1),
                end_date=date(2026, 8, 31),
                forms=["student_student"],
            )
            s.add(year)
            s.flush()
            made = create_year_roadmap(s, year)
            s.commit()
            year_id = year.id
        assert len(made) == len(template.events)
        with store.session() as s:
            rows = list(
                s.exec(
                    select(RoadmapEvent)
                    .where(RoadmapEvent.year_id == year_id)
                    .order_by(RoadmapEvent.stage, RoadmapEvent.position)
                ).all()
            )
    finally:
        store.close()

    assert len(rows) == len(template.events)
    assert {r.stage for r in rows} == {1, 2, 3, 4, 5, 6, 7}
    assert [r.template_code for r in rows] == [e.code for e in template.events]
    for stage in range(1, 8):
        positions = [r.position for r in rows if r.stage == stage]
        assert positions == list(range(1, len(positions) + 1)), stage
    for row in rows:
        item = template.event(row.template_code)
        assert item is not None and item.stage == row.stage
        assert row.status == EventStatus.NOT_STARTED
        assert row.responsible_role == item.responsible
        assert row.period_label == item.period and row.name == item.name
        lines = row.content.split("\n")
        assert lines == [f"{i}. {text}" for i, text in enumerate(item.content, start=1)]
        assert row.start_date is not None and row.end_date is not None
    september = next(r for r in rows if r.period_label == "Сентябрь")
    assert (september.start_date, september.end_date) == (date(2025, 9, 1), date(2025, 9, 30))
    pairs = next(r for r in rows if r.template_code == "s5_approve_pairs")
    assert pairs.stage == 5 and "Об утверждении наставнических пар/групп" in pairs.content
