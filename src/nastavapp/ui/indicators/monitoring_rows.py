"""Rows of the monitoring tables from the domain's figures (no widgets here)."""

from __future__ import annotations

from ...models.vocab import QuestionType
from ...services.monitoring import FormGrowth, FormKey, Growth, Quality, ScoreSummary
from ...services.pair_activity import FormActivity, PairActivity
from .formatting import DASH, average, change, day, number, of, percent
from .rows_model import Cell, Row

NO_FORM = "форма не указана"


def form_title(form: FormKey) -> str:
    return form.label if form is not None else NO_FORM


def score(value: float | None) -> Cell:
    return Cell(average(value), key=value, number=True)


def quality_titles(found: Quality) -> list[str]:
    # «ученик –\nученик»: two lines in the header, so that the questions keep their width
    return ["Вопрос", "Все\nформы"] + [form_title(f).replace(" – ", " –\n") for f in found.forms]


def quality_rows(found: Quality, threshold: float) -> list[Row]:
    forms = found.forms
    rows = []
    for item in found.items:
        if item.kind is QuestionType.YES_NO:
            title = f"{item.text} — доля ответов «да»"
            cells = [Cell(title), Cell(percent(item.average), number=True)]
            cells += [Cell(percent(item.by_form.get(f)), number=True) for f in forms]
        else:
            cells = [Cell(item.text), score(item.average)]
            cells += [score(item.by_form.get(f)) for f in forms]
        rows.append(Row(tuple(cells)))
    summaries = [found.overall] + [found.by_form.get(f, ScoreSummary(None, 0, 0)) for f in forms]
    rows.append(
        Row((Cell("Средний балл по анкете"), *(score(s.average) for s in summaries)), pinned=True)
    )
    rows.append(
        Row(
            (
                Cell(
                    f"Доля удовлетворённых (балл ≥ {number(threshold)})",
                    tip=f"Средний балл респондента по вопросам со шкалой не ниже "
                    f"{number(threshold)}",
                ),
                *(Cell(percent(s.satisfied_share), number=True) for s in summaries),
            ),
            pinned=True,
        )
    )
    rows.append(
        Row(
            (Cell("Ответили"), *(Cell(str(s.respondents), number=True) for s in summaries)),
            pinned=True,
        )
    )
    return rows


def quality_caption(found: Quality) -> str:
    o = found.overall
    if not o.respondents:
        return f"{found.title}: ответов пока нет."
    return (
        f"{found.title}: ответов {o.respondents}, средний балл {average(o.average)}, "
        f"удовлетворены {percent(o.satisfied_share)} ({of(o.satisfied, o.respondents)})."
    )


# Long titles on two lines, so that on a 1024 px window the questions and the forms keep
# their width (a table's columns are never narrower than their titles)
GROWTH_ITEM_TITLES = [
    "Вопрос",
    "Входная",
    "Итоговая",
    "Изменение",
    "Ответили\nоба раза",
    "Улучшили",
]
GROWTH_FORM_TITLES = [
    "Форма",
    "Входная",
    "Итоговая",
    "Изменение",
    "Ответили\nоба раза",
    "Улучшили\nсредний балл",
]


def growth_item_rows(found: Growth) -> list[Row]:
    return [
        Row(
            (
                Cell(c.text),
                score(c.entry_mean),
                score(c.final_mean),
                Cell(change(c.change), key=c.change, number=True),
                Cell(str(c.paired), key=c.paired, number=True),
                Cell(str(c.improved), key=c.improved, number=True),
            )
        )
        for c in found.items
    ]


def _growth_row(g: FormGrowth, title: str, pinned: bool = False) -> Row:
    return Row(
        (
            Cell(title),
            score(g.entry.average),
            score(g.final.average),
            Cell(change(g.change), key=g.change, number=True),
            Cell(str(g.paired), number=True),
            Cell(str(g.improved), number=True),
        ),
        pinned=pinned,
    )


def growth_form_rows(found: Growth) -> list[Row]:
    rows = [_growth_row(g, form_title(g.form)) for g in found.by_form]
    return [*rows, _growth_row(found.overall, "Все формы", pinned=True)]


def growth_caption(found: Growth) -> str:
    o = found.overall
    entry, final = o.entry, o.final
    if not entry.respondents and not final.respondents:
        return "Ответов на входную и итоговую анкеты пока нет."
    if not final.respondents:
        return (
            f"Итоговых ответов пока нет. Входная анкета: средний балл {average(entry.average)} "
            f"(ответов {entry.respondents}); рост будет виден после итоговой анкеты."
        )
    if not entry.respondents:
        return (
            f"Входных ответов нет. Итоговая анкета: средний балл {average(final.average)} "
            f"(ответов {final.respondents})."
        )
    return (
        f"Средний балл {average(entry.average)} → {average(final.average)} ({change(o.change)}); "
        f"ответили оба раза {o.paired}, из них повысили средний балл {o.improved}. "
        "Изменение по человеку считается только для названных респондентов."
    )


ACTIVITY_FORM_TITLES = [
    "Форма",
    "Пар\nи групп",
    "Встреч",
    "Встреч\nна пару",
    "План:\nвыполнено",
    "Выпол-\nнено, %",
    "Без встреч\n> 30 дней",
]
PAIR_TITLES = ["Пара / группа", "Форма", "Статус", "Встреч", "Последняя\nвстреча", "План"]


def activity_form_rows(totals: list[FormActivity]) -> list[Row]:
    rows = []
    for t in totals:
        done = 100.0 * t.plan.done / t.plan.total if t.plan.total else None
        rows.append(
            Row(
                (
                    Cell(form_title(t.form) if t.form else "Все формы"),
                    Cell(str(t.groups), number=True),
                    Cell(str(t.meetings), number=True),
                    score(t.meetings_per_group),
                    Cell(t.plan.text if t.plan.total else DASH, number=True),
                    Cell(percent(done), number=True),
                    Cell(str(t.stale), number=True),
                ),
                pinned=t.form is None,
            )
        )
    return rows


def pair_rows(pairs: list[PairActivity]) -> list[Row]:
    return [
        Row(
            (
                Cell(p.title),
                Cell(p.form.label),
                Cell(p.status.label),
                Cell(str(p.meetings), key=p.meetings, number=True),
                Cell(
                    day(p.last_meeting),
                    key=p.last_meeting.toordinal() if p.last_meeting else None,
                    tip="Нет встреч больше 30 дней" if p.stale else "",
                    number=True,
                    alert=p.stale,
                ),
                Cell(
                    p.plan.text if p.plan.total else "нет плана",
                    key=p.plan.percent if p.plan.total else None,
                    number=True,
                ),
            ),
            p.group_id,
        )
        for p in pairs
    ]
