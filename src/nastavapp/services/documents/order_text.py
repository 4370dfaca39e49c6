"""The editable draft of an order (проект приказа) and the template language that fills it.

A draft is plain data: header fields, the preamble, numbered points with sub-points, the
«С приказом ознакомлены» list, an annex table, and every declined name it holds
(:class:`NameForm`), so the curator can correct «Попову Анну Игоревну» before saving; the same
draft, edited or not, is what the PDF and the DOCX print. Participants without a valid consent
(152-ФЗ) are never in a draft: ``unnamed`` counts those it leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ...models.vocab import DocumentKind, Sex
from ..names import FullName, clean
from .dates import date_words
from .declension import Case, decline_name, decline_position, decline_short
from .errors import ExportError

CASE_CODES = {
    "nom": Case.NOMINATIVE,
    "gen": Case.GENITIVE,
    "dat": Case.DATIVE,
    "acc": Case.ACCUSATIVE,
    "ins": Case.INSTRUMENTAL,
}
_POINT = re.compile(r"^\s*(\d+)\.\s+(.*)$")
_DOUBLE_PERIOD = re.compile(r"(?<=\w)\.\.(?!\.)")
_SUB_POINT = re.compile(r"^\s*(\d+)\.(\d+)\.?\s+(.*)$")


class OrderError(ExportError):
    """An order cannot be drafted or issued; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class NameForm:
    """A name (with the position, when the text has it) declined for the order's text."""

    label: str  # «Куратор», «Объявить благодарность»
    nominative: str  # «заместитель директора по УВР Попова Анна Игоревна»
    case: Case
    form: str  # «заместителя директора по УВР Попову Анну Игоревну»


@dataclass
class OrderPoint:
    """A point of «ПРИКАЗЫВАЮ:»; ``subs`` are its sub-points (3.1., 3.2. …)."""

    text: str
    subs: list[str] = field(default_factory=list)


@dataclass
class OrderAnnex:
    """Приложение к приказу: a table (the pairs and groups the order approves)."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    # columns holding one line per member of a group (the mentees and their classes): a group
    # prints as several rows with the other cells merged
    member_columns: tuple[int, ...] = ()

    def blocks(self) -> list[list[list[str]]]:
        """Each row as the table rows it prints as (a group: one per member)."""
        return [member_lines(row, self.member_columns) for row in self.rows]


def member_lines(row: Sequence[Any], member_columns: Sequence[int]) -> list[list[Any]]:
    """A row whose ``member_columns`` hold a line per member, as one row per member: the other
    cells in the first one only (the table merges them)."""
    count = max((len(str(row[c]).split("\n")) for c in member_columns), default=1)
    lines = []
    for k in range(count):
        line = []
        for index, value in enumerate(row):
            if index in member_columns:
                parts = str(value).split("\n")
                line.append(parts[k] if k < len(parts) else "")
            else:
                line.append(value if k == 0 else "")
        lines.append(line)
    return lines


@dataclass
class OrderDraft:
    """Проект приказа: everything the document prints, editable before saving."""

    kind: DocumentKind
    year_id: int
    year_title: str
    number: str
    issued_on: date
    organisation: str  # the school's full name, the header of the order
    school_short: str
    place: str  # «с. Сосновка»
    title: str
    preamble: str
    points: list[OrderPoint]
    signer_post: str
    signer_name: str  # «И. Г. Антонова»
    acquainted_heading: str
    acquainted: list[str]
    names: list[NameForm] = field(default_factory=list)
    annex: OrderAnnex | None = None
    document_id: int | None = None  # the register row this draft re-issues
    group_ids: tuple[int, ...] = ()  # pairs a new «пары/группы» order approves
    unnamed: int = 0  # participants left unnamed for lack of consent

    @property
    def date_text(self) -> str:
        return date_words(self.issued_on)

    @property
    def number_text(self) -> str:
        return f"№ {clean(self.number)}" if clean(self.number) else "№ ______"

    @property
    def reference(self) -> str:
        """«от 6 октября 2025 г. № 115-о»"""
        return f"от {self.date_text} {self.number_text}"


# --- the people a template names ------------------------------------------------------------
@dataclass
class Named:
    """A person a template names: ``{curator:acc post}`` asks for his forms through format()."""

    label: str
    name: FullName
    sex: Sex | None
    post: str = ""
    post_dative: str = ""  # when the position is not a plain phrase («обучающемуся 7А класса»)
    staff: bool = True  # an employee of the school: signs «С приказом ознакомлены»
    found: list[NameForm] = field(default_factory=list)

    def __format__(self, spec: str) -> str:
        if "/" in spec:  # a word by the person's sex: «ответственным/ответственной»
            male, female = spec.split("/", 1)
            return female if self.sex is Sex.FEMALE else male
        words = spec.split()
        case = CASE_CODES.get(words[0], Case.NOMINATIVE) if words else Case.NOMINATIVE
        if "postonly" in words:
            if case is Case.DATIVE and self.post_dative:
                return self.post_dative
            return decline_position(self.post, case)
        if "short" in words:
            nominative, form = self.name.short, decline_short(self.name, case, self.sex)
        else:
            nominative, form = self.name.full, decline_name(self.name, case, self.sex)
        if "post" in words and clean(self.post):
            nominative = f"{clean(self.post)} {nominative}"
            form = f"{decline_position(self.post, case)} {form}"
        entry = NameForm(self.label, nominative, case, form)
        if case is not Case.NOMINATIVE and entry not in self.found:
            self.found.append(entry)
        return form


def fill(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with its placeholders filled; an unknown one is an error of the template."""
    try:
        filled = clean(text.format_map(values))
    except (KeyError, ValueError, IndexError) as exc:
        raise OrderError(f"Ошибка в шаблоне приказа: {exc}.") from exc
    return _DOUBLE_PERIOD.sub(".", filled)  # «… Попова А. И.» at the end of a sentence


def fill_points(
    items: list[Any],
    values: Mapping[str, Any],
    lists: Mapping[str, list[Named]],
    tails: Mapping[str, str] | None = None,
) -> list[OrderPoint]:
    """The template's points filled; ``{"each": name, "item": …}`` gives a sub-point a person,
    and ``tails[name]``, when there is one, a last sub-point after them («и ещё 2 участника без
    согласия…»)."""
    tails = tails or {}
    points = []
    for item in items:
        if isinstance(item, str):
            points.append(OrderPoint(fill(item, values)))
            continue
        subs = [fill(s, values) for s in item.get("subs", [])]
        for person in lists.get(item.get("each", ""), []):
            subs.append(fill(item["item"], {**values, "person": person}))
        if clean(tails.get(item.get("each", ""), "")):
            subs.append(clean(tails[item["each"]]))
        if subs and item.get("each"):
            subs[-1] = subs[-1].rstrip(";,") + "."
        points.append(OrderPoint(fill(item["text"], values), subs))
    return points


# --- editing --------------------------------------------------------------------------------
def points_text(points: list[OrderPoint]) -> str:
    """The points as the curator edits them: «1. …», «3.1. …», one per line."""
    lines = []
    for number, point in enumerate(points, start=1):
        lines.append(f"{number}. {point.text}")
        lines += [f"{number}.{index}. {sub}" for index, sub in enumerate(point.subs, start=1)]
    return "\n".join(lines)


def parse_points(text: str) -> list[OrderPoint]:
    """Points back from the edited text: «N.» starts a point, «N.M.» a sub-point, any other
    line continues the one before (numbers are given anew when the order is drawn)."""
    points: list[OrderPoint] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        sub = _SUB_POINT.match(line)
        point = _POINT.match(line) if sub is None else None
        if sub is not None and points:
            points[-1].subs.append(clean(sub.group(3)))
        elif point is not None:
            points.append(OrderPoint(clean(point.group(2))))
        elif points and points[-1].subs:
            points[-1].subs[-1] = f"{points[-1].subs[-1]} {clean(line)}"
        elif points:
            points[-1].text = f"{points[-1].text} {clean(line)}"
        else:
            points.append(OrderPoint(clean(line)))
    return points


def _replace_words(text: str, old: str, new: str) -> str:
    if not old:
        return text
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    return pattern.sub(lambda _m: new, text)


def with_name_form(draft: OrderDraft, index: int, form: str) -> OrderDraft:
    """The draft with the declined name ``index`` corrected to ``form`` wherever the text has it."""
    entry = draft.names[index]
    form = clean(form)
    if not form or form == entry.form:
        return draft
    names = list(draft.names)
    names[index] = replace(entry, form=form)
    points = [
        OrderPoint(
            _replace_words(p.text, entry.form, form),
            [_replace_words(s, entry.form, form) for s in p.subs],
        )
        for p in draft.points
    ]
    return replace(
        draft,
        names=names,
        preamble=_replace_words(draft.preamble, entry.form, form),
        points=points,
    )


def draft_problems(draft: OrderDraft) -> list[str]:
    """What stops the draft from being issued, in Russian; empty when nothing does."""
    problems = []
    if not clean(draft.number):
        problems.append("Укажите номер приказа.")
    if not clean(draft.title):
        problems.append("Укажите заголовок приказа.")
    if not any(clean(p.text) for p in draft.points):
        problems.append("В приказе нет ни одного пункта.")
    if not clean(draft.signer_name):
        problems.append("Укажите, кто подписывает приказ.")
    return problems


_INITIAL = re.compile(r"(?<![\w-])([А-ЯЁA-Z])\. (?=[А-ЯЁA-Z])")
_YEAR = re.compile(r"(\d{4}) г\.")
_BEFORE_INITIALS = re.compile(r"(?<=[а-яё]) (?=[А-ЯЁ]\.\u00a0?[А-ЯЁ]\.)")
_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_DAY_MONTH = re.compile(rf"(?<![\d.])(\d{{1,2}}) (?=(?:{_MONTHS})\b)")
# «приложение 1», «пункт 3.2», «с. Сосновка», «ул. Молодёжная», «д. 2», «г. Воронеж» (not the
# «г.» of a year: «2025\u00a0г. В соответствии…»)
_BEFORE_NUMBER = re.compile(r"(?<!\w)((?:[Пп]риложени|[Пп]ункт|[Рр]аздел)\w*) (?=\d)")
_PLACE = re.compile(r"(?<![\w.-])(с|д|ул|пос|пгт|кв|корп|пер|(?<!\d\u00a0)г)\. (?=[А-ЯЁ\d])")


def typeset(text: str) -> str:
    """No-break spaces where Russian typography wants them: «№ 115», «21 мая», «2025 г.»,
    «А. И. Попова», «— », «приложение 1», «с. Сосновка»."""
    text = text.replace("№ ", "№\u00a0").replace(" — ", "\u00a0— ").replace(" – ", "\u00a0– ")
    text = _YEAR.sub("\\1\u00a0г.", text)
    text = _DAY_MONTH.sub("\\1\u00a0", text)
    text = _BEFORE_NUMBER.sub("\\1\u00a0", text)
    text = _PLACE.sub("\\1.\u00a0", text)
    text = _INITIAL.sub("\\1.\u00a0", text)
    return _BEFORE_INITIALS.sub("\u00a0", text)
