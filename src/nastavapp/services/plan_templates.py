"""Templates of individual plans to start from, per form, the fitting ones first.

The templates are data: ``resources/plans/templates.json`` (teachers: the young specialist's
lessons, classroom management, work with parents, attestation …; pupils: by request topic).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..models.vocab import MentoringForm
from ..resource_files import resource
from ..store.text import ru_fold


class PlanError(ValueError):
    """A plan item cannot be saved; ``str()`` is the Russian message."""


@dataclass(frozen=True)
class TemplateItem:
    direction: str
    task: str


@dataclass(frozen=True)
class PlanTemplate:
    code: str
    title: str
    forms: tuple[MentoringForm, ...]
    keywords: tuple[str, ...]  # word beginnings matched against the mentee's requests
    items: tuple[TemplateItem, ...]


@cache
def plan_templates() -> tuple[PlanTemplate, ...]:
    data = json.loads(resource("plans", "templates.json").read_text("utf-8"))
    return tuple(
        PlanTemplate(
            t["code"],
            t["title"],
            tuple(MentoringForm(f) for f in t["forms"]),
            tuple(ru_fold(k) for k in t.get("keywords", [])),
            tuple(TemplateItem(i.get("direction", ""), i["task"]) for i in t["items"]),
        )
        for t in data["templates"]
    )


def templates_for(form: MentoringForm, requests: Iterable[str] = ()) -> list[PlanTemplate]:
    """Templates of ``form``; those whose keywords meet the mentee's requests first."""
    words = [w for text in requests for w in ru_fold(text).replace("/", " ").split()]

    def hits(t: PlanTemplate) -> int:
        return sum(any(w.startswith(k) for w in words) for k in t.keywords)

    fitting = [t for t in plan_templates() if form in t.forms]
    return sorted(fitting, key=lambda t: (-hits(t), -hits(t) / max(1, len(t.keywords))))


def get_template(code: str) -> PlanTemplate:
    found = next((t for t in plan_templates() if t.code == code), None)
    if found is None:
        raise PlanError(f"Шаблона плана «{code}» нет.")
    return found
