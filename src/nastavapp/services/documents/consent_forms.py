"""Consent forms (согласие на обработку персональных данных, 152-ФЗ) filled with a person's data.

An adult signs his own form; for a minor pupil the form is a parent's (законный представитель),
with the pupil's name in the genitive («являясь родителем несовершеннолетней Ивановой Марии…»)
and the parent's name when a recorded consent has it. One page a person: the forms of a whole
class print as one PDF. The wording lives in ``resources/consents``; passport data and home
addresses stay blank — the program never stores them.

reportlab is imported only inside the functions: the command line starts without it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select

from ...models import Consent, Person
from ...models.vocab import ConsentGiver, PersonCategory, Sex
from ...resource_files import resource
from ...store import Store
from ...store.text import ru_sort_key
from ..consents import is_minor
from ..names import FullName, clean
from ..school import get_school
from . import pdf_styles as ps
from .dates import blank_date
from .declension import Case, decline_name, detect_sex, initials_first
from .errors import ExportError
from .fonts import SERIF, document_font
from .order_text import typeset
from .output import write_atomically
from .pdf_styles import MM

MARGINS_MM = {"left": 20, "right": 10, "top": 15, "bottom": 15}
FONT_SIZE = 12
LEADING = 14
FRAME_PADDING = 6  # reportlab's frame keeps 6 pt on each side


@dataclass(frozen=True)
class ConsentForm:
    """One filled form: what its page prints."""

    person_id: int
    for_parent: bool
    title: str
    subtitle: str
    fields: list[str]  # lines completed by hand; «…__» runs to the margin, «(…)» is a hint
    paragraphs: list[str]
    signer: str  # «И. О. Фамилия» under the signature, or "" for a parent not yet known


@cache
def _template(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("consents", f"{name}.json").read_text("utf-8"))
    return data


def _parent_name(store: Store, person_id: int) -> str:
    """The parent named by the person's latest consent, if any."""
    with store.session() as session:
        row = session.exec(
            select(Consent)
            .where(Consent.person_id == person_id, Consent.given_by == ConsentGiver.PARENT)
            .order_by(col(Consent.given_date).desc(), col(Consent.id).desc())
        ).first()
    return clean(row.representative_name) if row is not None else ""


def _full_name_note(short: str, full: str) -> str:
    """«полное наименование — …; » inside the operator's brackets, when the short name is not
    the full one: after «даю согласие МБОУ «…»» a full name in the nominative read as broken."""
    if not full or not short or full == short:
        return ""
    return f"полное наименование — {full}; "


def consent_form(store: Store, person_id: int, *, today: date) -> ConsentForm:
    """The form of ``person_id``: a parent's for a minor on ``today``, else his own.

    Raises:
        ExportError: no school profile or no such person (Russian).
    """
    school = get_school(store)
    if school is None:
        raise ExportError("Сначала укажите сведения о школе.")
    with store.session() as session:
        person = session.get(Person, person_id)
    if person is None:
        raise ExportError("Этого человека уже нет в базе.")
    name = FullName(person.last_name, person.first_name, person.middle_name)
    sex = person.sex or detect_sex(name)
    female = sex is Sex.FEMALE
    for_parent = is_minor(person, today)
    parent = _parent_name(store, person_id) if for_parent else ""
    values = {
        "name": name.full,
        "birth": f"{person.birth_date:%d.%m.%Y}" if person.birth_date else "____________",
        "living": "проживающая" if female else "проживающий",
        "acquainted": "ознакомлена" if female else "ознакомлен",
        "parent": parent,
        "minor": "несовершеннолетней" if female else "несовершеннолетнего",
        "child_genitive": decline_name(name, Case.GENITIVE, sex),
        "learner": "обучающейся" if female else "обучающегося",
        "class": f"{person.class_name} класса" if person.class_name else "",
        "school": school.short_name or school.full_name,
        "school_full": school.full_name,
        "school_full_note": _full_name_note(school.short_name, school.full_name),
        "address": school.address or "____________________",
    }
    data = _template("consent_parent" if for_parent else "consent_adult")
    signer = initials_first(parent) if parent else ("" if for_parent else initials_first(name))
    return ConsentForm(
        person_id=person_id,
        for_parent=for_parent,
        title=data["title"],
        subtitle=data["subtitle"],
        fields=[p.format_map(values).strip() for p in data["fields"]],
        paragraphs=[clean(p.format_map(values)) for p in data["paragraphs"]],
        signer=signer,
    )


def school_classes(store: Store) -> list[str]:
    """The classes of the school's current pupils («5А», «5Б», … «11А»), in school order."""
    with store.session() as session:
        names = session.exec(
            select(Person.class_name)
            .where(
                Person.category == PersonCategory.STUDENT,
                sa.not_(col(Person.archived)),
                Person.class_name != "",
            )
            .distinct()
        ).all()

    def key(text: str) -> tuple[int, Any]:
        digits = "".join(ch for ch in text if ch.isdigit())
        return (int(digits) if digits else 99, ru_sort_key(text))

    return sorted(names, key=key)


def class_pupils(store: Store, class_name: str) -> list[int]:
    """Ids of the current pupils of ``class_name``, by name."""
    with store.session() as session:
        people = session.exec(
            select(Person).where(
                Person.category == PersonCategory.STUDENT,
                Person.class_name == class_name,
                sa.not_(col(Person.archived)),
            )
        ).all()
    people = sorted(people, key=lambda p: ru_sort_key(p.full_name))
    return [int(p.id or 0) for p in people]


def _page(form: ConsentForm, styles: dict[str, Any], year: int) -> list[Any]:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    def para(value: str, style: str) -> Any:
        return Paragraph(escape(typeset(value)), styles[style])

    width = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
    flow = [para(form.title, "title"), para(form.subtitle, "subtitle")]
    for line in form.fields:
        if line.startswith("(") and line.endswith(")"):
            flow.append(para(line, "hint"))
        else:
            flow.append(para(_drawn_out(line, styles["field"], width * MM), "field"))
    flow += [para(p, "body") for p in form.paragraphs]
    rows = [
        [
            para(blank_date(year), "small"),
            para("_______________", "small"),
            para(form.signer or "_" * 24, "small"),
        ],
        ["", para("(подпись)", "hint"), para("(расшифровка подписи)", "hint")],
    ]
    font = document_font(SERIF)
    table = ps.plain_table(
        rows, ps.points((70, 45, width - 115)), font, (0, None, None, None), valign="BOTTOM"
    )
    table.setStyle([("TOPPADDING", (0, 0), (-1, 0), 18)])
    return [*flow, table]


def _drawn_out(line: str, style: Any, width: float) -> str:
    """A line ending in «__» with its underscores drawn out to the right margin."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not line.endswith("__"):
        return line
    text = line.rstrip("_")
    if text and text[-1].isalpha():
        return text  # «Я, Белых Тамара Владимировна»: the blank was filled in
    used = stringWidth(typeset(text), style.fontName, style.fontSize)
    room = width - FRAME_PADDING * 2 - used - 3
    return text + "_" * max(int(room / stringWidth("_", style.fontName, style.fontSize)), 3)


def _styles() -> dict[str, Any]:
    font = document_font(SERIF)
    body = ps.base_style(
        "body", font, FONT_SIZE, LEADING, "justify", firstLineIndent=12.5 * MM, spaceAfter=3
    )
    return {
        "body": body,
        "title": ps.bold_centred("title", body, font),
        "subtitle": ps.bold_centred("subtitle", body, font, spaceAfter=12),
        "small": ps.aligned("small", body, "left"),
        "field": ps.aligned("field", body, "left", spaceAfter=4),
        "hint": ps.centred("hint", body, fontSize=9, leading=10, spaceBefore=-3),
    }


def write_consent_pdf(forms: list[ConsentForm], path: Path, year: int) -> None:
    """The forms, a page each, to ``path`` directly (see :func:`export_consent_forms`)."""
    from reportlab.platypus import PageBreak

    styles = _styles()
    pdf = ps.pdf_document(
        path,
        document_font(SERIF),
        FONT_SIZE,
        margins_mm=MARGINS_MM,
        title="Согласие на обработку персональных данных",
    )
    story: list[Any] = []
    for index, form in enumerate(forms):
        if index:
            story.append(PageBreak())
        story += _page(form, styles, year)
    pdf.build(story)


def export_consent_forms(
    store: Store, person_ids: list[int], target: Path | str, *, today: date
) -> Path:
    """Write the forms of ``person_ids`` (a page each) as one PDF at ``target``.

    Raises:
        ExportError: nobody chosen, no school, or the target locked or read-only (Russian).
    """
    if not person_ids:
        raise ExportError("Не выбран ни один человек: согласия печатать не для кого.")
    forms = [consent_form(store, pid, today=today) for pid in person_ids]
    return write_atomically(Path(target), lambda p: write_consent_pdf(forms, p, today.year))
