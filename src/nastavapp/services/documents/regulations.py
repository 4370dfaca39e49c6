"""The school's local acts as drafts from data: the Положение о наставничестве and the engine.

Stage 1 of the roadmap asks the school to adopt the Положение by order (with the programme and
the roadmap). The text of each act is a template in ``resources/regulations/`` (the Положение
``polozhenie.json``; the programme ``programma.json``, see :mod:`.programme`) that
:func:`build_draft` fills; :func:`build_regulations` fills the text of ``polozhenie.json``
with the school's data: its full and short names, the director, the curator with the position,
the academic year, the forms of mentoring the year uses (with their role models), the legal bases
schools cite (the Концепция 1264-р for a Положение dated from 21.05.2025), the indicators with the
70 % target, the satisfaction threshold of the data file. The approval stamp (гриф) «УТВЕРЖДЕНО приказом … от …
№ …» takes the date and number of the year's order «Об утверждении Положения…» when the register
has it, else blanks the director fills in by hand.

The result is plain data; :mod:`.regulations_docx` writes it as an editable Word document and
:func:`export_draft` does so safely (a locked target: the Russian error, no half file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ...models import AcademicYear, IssuedDocument
from ...models.vocab import (
    FORM_SIDES,
    MENTEE_AGE_BAND,
    MENTOR_AGE_BAND,
    ROLE_MODELS,
    STAGE_TITLES,
    YOUNG_SPECIALIST_MAX_EXPERIENCE,
    DocumentKind,
    MentoringForm,
    MentoringFormat,
    MentoringKind,
    PersonCategory,
    Sex,
)
from ...resource_files import resource
from ...store import Store
from ..indicators import TARGET_SHARE
from ..names import clean
from ..school import curator_name, director_name, get_school
from ..settings import satisfied_threshold
from ..years import year_or_current
from .errors import ExportError
from .orders import ORDER_KINDS, kind_title, latest_order
from .output import fit_file_name, write_atomically
from .report_content import indicator_rows

NBSP = "\u00a0"
BLANK_DATE = "___________"
BLANK_NUMBER = "№ ______"
_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:])")


POLOZHENIE = "polozhenie"
Lists = dict[str, list[str]]


class RegulationsError(ExportError):
    """The Положение (or the programme) cannot be drafted; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class Clause:
    """A numbered clause («3.2.») and the list under it («— …;» or «1) …;»)."""

    number: str
    text: str
    items: tuple[str, ...] = ()
    numbered_items: bool = False

    def item_lines(self) -> list[str]:
        """The items as printed: «— …;», the last one ending with a full stop."""
        lines = []
        for index, item in enumerate(self.items, start=1):
            end = "." if index == len(self.items) else ";"
            mark = f"{index})" if self.numbered_items else "—"
            lines.append(f"{mark} {item.rstrip('.;,')}{end}")
        return lines


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class RegulationsDraft:
    """Everything the Положение (or the programme) prints, with no database behind it."""

    title: str
    organisation: str  # the school's full name
    school_short: str
    year_title: str
    agreed: tuple[str, ...]  # «СОГЛАСОВАНО педагогическим советом …»
    approved: tuple[str, ...]  # «УТВЕРЖДЕНО приказом … от … № …»
    heading: tuple[str, ...]  # «ПОЛОЖЕНИЕ», «о системе наставничества …»
    sections: tuple[Section, ...]
    forms: tuple[MentoringForm, ...]
    approval_order: str  # «от 03.09.2025 № 102-о», "" when the register has no such order

    def lines(self) -> list[str]:
        """The whole text in reading order (the stamps first), one paragraph a line."""
        lines = [*self.agreed, *self.approved, self.organisation, *self.heading]
        for section in self.sections:
            lines.append(f"{section.number}. {section.title}")
            for clause in section.clauses:
                lines.append(f"{clause.number} {clause.text}")
                lines += clause.item_lines()
        return lines


@cache
def template(name: str = POLOZHENIE) -> dict[str, Any]:
    """The text of an act (``resources/regulations/<name>.json``), the Положение by default."""
    data: dict[str, Any] = json.loads(resource("regulations", f"{name}.json").read_text("utf-8"))
    return data


def _fill(text: str, values: Mapping[str, Any]) -> str:
    try:
        filled = clean(text.format_map(values))
    except (KeyError, ValueError, IndexError) as exc:
        what = values.get("_of", "Положения")
        raise RegulationsError(f"Ошибка в шаблоне {what}: {exc}.") from exc
    return _BEFORE_PUNCTUATION.sub(r"\1", filled)  # an empty value leaves no «директор Школы .»


def order_reference(order: IssuedDocument | None) -> str:
    """«от 03.09.2025 № 102-о»; blanks for what the register does not know."""
    day = f"{order.issued_on:%d.%m.%Y}" if order is not None and order.issued_on else BLANK_DATE
    number = clean(order.number) if order is not None else ""
    return f"от {day} {f'№ {number}' if number else BLANK_NUMBER}"


def _year(store: Store, year_id: int | None) -> AcademicYear:
    year = year_or_current(store, year_id)
    if year is None:
        raise RegulationsError("Учебный год не выбран: заведите учебный год.")
    return year


def _chosen_forms(year: AcademicYear) -> tuple[MentoringForm, ...]:
    codes = set(year.forms or [])
    return tuple(form for form in MentoringForm if form.value in codes)


def _form_line(form: MentoringForm) -> str:
    models = ", ".join(f"«{model}»" for model in ROLE_MODELS.get(form, ()))
    return f"«{form.label}» (ролевые модели: {models})" if models else f"«{form.label}»"


def _by_form(texts: Mapping[str, str], forms: tuple[MentoringForm, ...], values: Any) -> list[str]:
    """The texts of the forms, each once, in the order of the forms."""
    found = [_fill(texts[f.value], values) for f in forms if f.value in texts]
    return list(dict.fromkeys(found))


def _share(value: float) -> str:
    return f"{value:g}".replace(".", ",") + f"{NBSP}%"


def _lists(data: dict[str, Any], day: date, forms: tuple[MentoringForm, ...], values: Any) -> Lists:
    """The lists the code makes (the legal bases by date, the forms chosen …)."""
    bases = [
        _fill(b["text"], values)
        for b in data["legal_bases"]
        if "from" not in b or day >= date.fromisoformat(b["from"])
    ]
    indicators = [
        row.title[0].lower()
        + row.title[1:]
        + (f" (целевое значение — не менее {_share(row.target)})" if row.target else "")
        for row in indicator_rows({})
    ]
    indicators += [_fill(line, values) for line in data.get("counts", [])]
    stages = [title[0].lower() + title[1:].replace(" / ", " и ") for title in STAGE_TITLES.values()]
    orders = [f"приказ «{kind_title(kind)}»" for kind in ORDER_KINDS]
    # the bases name the people of every form when the year has none chosen yet
    every = forms or tuple(MentoringForm)
    return {
        "legal_bases": bases,
        "forms": [_form_line(form) for form in forms],
        "mentees": _by_form(data.get("mentees_by_form", {}), every, values),
        "mentors": _by_form(data.get("mentors_by_form", {}), every, values),
        "stages": stages,
        "indicators": indicators,
        "documents": orders + [_fill(line, values) for line in data.get("documents", [])],
    }


def _flags(forms: tuple[MentoringForm, ...]) -> set[str]:
    every = forms or tuple(MentoringForm)
    pupils = any(FORM_SIDES[f][1] is PersonCategory.STUDENT for f in every)
    teachers = any(FORM_SIDES[f][1] is PersonCategory.TEACHER for f in every)
    flags = {"forms" if forms else "no_forms"}
    if pupils and teachers:
        flags.add("pupils_and_teachers")
    elif pupils:
        flags.add("pupils_only")
    else:
        flags.add("teachers_only")
    return flags


def _section(
    number: int,
    raw: dict[str, Any],
    values: Any,
    lists: Lists,
    flags: set[str],
) -> Section:
    clauses: list[Clause] = []
    for item in raw["clauses"]:
        spec = {"text": item} if isinstance(item, str) else item
        if spec.get("if") and spec["if"] not in flags:
            continue
        if spec.get("each"):  # a clause for every line of a list the code makes
            for line in lists[spec["each"]]:
                clauses.append(Clause(f"{number}.{len(clauses) + 1}.", line))
            continue
        items = [_fill(i, values) for i in spec.get("items", [])]
        if spec.get("list"):
            items += lists[spec["list"]]
        numbered = bool(spec.get("numbered", spec.get("list") == "stages"))
        clause_number = f"{number}.{len(clauses) + 1}."
        text = _fill(spec["text"], values)
        clauses.append(Clause(clause_number, text, tuple(items), numbered))
    return Section(number, _fill(raw["title"], values), tuple(clauses))


Extra = Callable[[AcademicYear, dict[str, Any]], tuple[Lists, set[str]]]


def build_draft(
    store: Store,
    name: str,
    *,
    today: date,
    year_id: int | None = None,
    extra: Extra | None = None,
) -> RegulationsDraft:
    """The act ``resources/regulations/<name>.json`` filled for the school and the year.

    ``extra(year, values)`` adds the lists and flags only that act uses (the programme's dated
    stages, its participants); the values hold the placeholders already filled.

    Raises:
        RegulationsError: no school or no academic year (Russian).
    """
    school = get_school(store)
    if school is None:
        raise RegulationsError("Сначала укажите сведения о школе.")
    year = _year(store, year_id)
    data = template(name)
    approval = latest_order(store, int(year.id or 0), DocumentKind.ORDER_REGULATIONS)
    appointment = latest_order(store, int(year.id or 0), DocumentKind.ORDER_INTRODUCTION)
    day = approval.issued_on if approval is not None and approval.issued_on else today
    forms = _chosen_forms(year)
    curator = curator_name(school)
    female = school.curator_sex is Sex.FEMALE
    appointed = "назначенная" if female else "назначенный"
    if appointment is not None and (appointment.issued_on or clean(appointment.number)):
        appointed += f" приказом директора Школы {order_reference(appointment)}"
    else:
        appointed += " приказом директора Школы"
    short = clean(school.short_name)
    values: dict[str, Any] = {
        "_of": data.get("genitive", "Положения"),  # for the messages, not the text
        # the full name would need declining («в Муниципальном бюджетном …»): without the short
        # one (indeclinable «МБОУ …») the text says «образовательной организации»
        "school": short or "образовательной организации",
        "school_full": clean(school.full_name),
        "year": year.title,
        "year_start": f"{year.start_date:%d.%m.%Y}",
        "year_end": f"{year.end_date:%d.%m.%Y}",
        "director": director_name(school).full,
        # a school without the curator's name yet still gets a sentence that reads
        "curator": " ".join(p for p in (clean(school.curator_position), curator.full) if p)
        or "работник Школы",
        "curator_appointed": appointed,
        "approval": order_reference(approval),
        "young_max": YOUNG_SPECIALIST_MAX_EXPERIENCE,
        "mentee_from": MENTEE_AGE_BAND[0],
        "mentee_to": MENTEE_AGE_BAND[1],
        "mentor_from": MENTOR_AGE_BAND[0],
        "mentor_to": MENTOR_AGE_BAND[1],
        "target": _share(TARGET_SHARE),
        "threshold": f"{satisfied_threshold(store):g}".replace(".", ","),
        "kinds": ", ".join(kind.label for kind in MentoringKind),
        "formats": ", ".join(fmt.label for fmt in MentoringFormat),
    }
    lists = _lists(data, day, forms, values)
    flags = _flags(forms)
    if extra is not None:
        more_lists, more_flags = extra(year, values)
        lists.update(more_lists)
        flags |= more_flags
    sections = tuple(
        _section(number, raw, values, lists, flags)
        for number, raw in enumerate(data["sections"], start=1)
    )
    return RegulationsDraft(
        title=_fill(data["title"], values),
        organisation=clean(school.full_name),
        school_short=short or clean(school.full_name),
        year_title=year.title,
        agreed=tuple(_fill(line, values) for line in data["agreed"]),
        approved=tuple(_fill(line, values) for line in data["approved"]),
        heading=tuple(_fill(line, values) for line in data["heading"]),
        sections=sections,
        forms=forms,
        approval_order=order_reference(approval) if approval is not None else "",
    )


def build_regulations(store: Store, *, today: date, year_id: int | None = None) -> RegulationsDraft:
    """The Положение of the school for the year (the current one by default).

    Raises:
        RegulationsError: no school or no academic year (Russian).
    """
    return build_draft(store, POLOZHENIE, today=today, year_id=year_id)


def draft_file_name(prefix: str, school_short: str, year_title: str) -> str:
    """«<prefix>_МБОУ_Сосновская_СОШ_2025-2026.docx»"""
    kept = "".join(ch for ch in school_short if ch not in "«»\"'\\/:*?<>|").strip()
    parts = [prefix, "_".join(kept.split()), year_title.replace("/", "-")]
    return fit_file_name("_".join(p for p in parts if p) + ".docx")


def regulations_file_name(school_short: str, year_title: str) -> str:
    """«Положение_о_наставничестве_МБОУ_Сосновская_СОШ_2025-2026.docx»"""
    return draft_file_name("Положение_о_наставничестве", school_short, year_title)


def export_draft(target: Path | str, name: str, build: Callable[[], RegulationsDraft]) -> Path:
    """Write the act ``build()`` makes to ``target`` (.docx) safely; the path written.

    Raises:
        ExportError: another extension, what ``build`` raises, or the target locked or
            read-only (Russian; the file at ``target``, if any, is left as it was).
    """
    target = Path(target)
    if target.suffix.lower() != ".docx":
        raise RegulationsError(
            f"Неизвестный формат файла «{target.suffix or 'без расширения'}»: "
            f"{template(name).get('name', 'Положение')} сохраняется в Word (.docx)."
        )
    draft = build()
    from .regulations_docx import write_regulations_docx

    return write_atomically(target, lambda path: write_regulations_docx(draft, path))


def export_regulations(
    store: Store, target: Path | str, *, today: date, year_id: int | None = None
) -> Path:
    """Write the Положение to ``target`` (.docx) safely; the path written.

    Raises:
        ExportError: no school or year, another extension, or the target locked or read-only
            (Russian; the file at ``target``, if any, is left as it was).
    """
    return export_draft(
        target, POLOZHENIE, lambda: build_regulations(store, today=today, year_id=year_id)
    )
