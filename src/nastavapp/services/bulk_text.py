"""What deleting many people at once touches, in the curator's words: one confirmation.

The counts are those of :mod:`.deletion_text` for one person, added up over everyone chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..models.vocab import Role
from .cascade import Cascade
from .deletion_text import bullet_list, plural, short_names

UNDO_HINT = "Это можно сразу отменить: Ctrl+Z или «Отменить»."
BASES_GENITIVE = {Role.MENTEE: "базы наставляемых", Role.MENTOR: "базы наставников"}


def people(n: int) -> str:
    """«21 человека», «37 человек»: how many people an action takes (accusative)."""
    return plural(n, "человека", "человека", "человек")


@dataclass(frozen=True)
class BatchImpact:
    """What goes with the chosen people; ``names``: the first few of them, «и ещё N»."""

    people: int
    names: str
    mentee_roles: int = 0
    mentor_roles: int = 0
    requests: int = 0
    competences: int = 0
    training_marks: int = 0
    groups_led: int = 0  # pairs and groups led by the people deleted
    mentees_left: int = 0  # mentees of those pairs who are not deleted themselves
    memberships: int = 0  # places of the people as mentees in pairs that stay
    plan_items: int = 0
    meetings: int = 0
    consents: int = 0
    answers: int = 0  # questionnaires they filled in: kept without a name
    roadmap_events: int = 0  # roadmap events they were responsible for: kept, without them

    def text(self) -> str:
        """The Russian confirmation before deleting everyone chosen from the school."""
        lines = []
        roles = [
            f"{label} — {n}"
            for label, n in (
                ("наставляемых", self.mentee_roles),
                ("наставников", self.mentor_roles),
            )
            if n
        ]
        if roles:
            lines.append(f"• роли в учебных годах: {', '.join(roles)};")
        if self.requests:
            lines.append(f"• запросы наставляемых: {self.requests};")
        if self.competences:
            lines.append(f"• компетенции наставников: {self.competences};")
        if self.groups_led:
            line = f"• пары и группы, которые ведут удаляемые наставники: {self.groups_led}"
            if self.mentees_left:
                line += f" (наставляемые в них останутся в базе без пары: {self.mentees_left})"
            lines.append(line + ";")
        if self.memberships:
            lines.append(
                f"• участие удаляемых как наставляемых в других парах: {self.memberships};"
            )
        if self.plan_items:
            lines.append(f"• пункты индивидуальных планов: {self.plan_items};")
        if self.meetings:
            lines.append(f"• встречи пар и групп в журнале: {self.meetings};")
        if self.consents:
            lines.append(f"• согласия на обработку персональных данных: {self.consents};")
        head = f"Удалить из базы {people(self.people)}?\n{_sentence(self.names)}"
        body = f"\n\nВместе с ними будут удалены:\n{bullet_list(lines)}" if lines else ""
        kept = []
        if self.answers:
            kept.append(f"Ответы в анкетах ({self.answers}) останутся в итогах опроса без имени.")
        if self.roadmap_events:
            events = plural(self.roadmap_events, "мероприятие", "мероприятия", "мероприятий")
            kept.append(
                f"Среди них есть ответственные за {events} дорожной карты: "
                "там ответственный станет не указан."
            )
        tail = ("\n\n" + "\n".join(kept)) if kept else ""
        return f"{head}{body}{tail}\n\n{UNDO_HINT}"

    def unmark_text(self, role: Role) -> str:
        """The Russian confirmation before taking everyone chosen out of a year's base."""
        if role is Role.MENTEE:
            goes = [("их запросы", self.requests)]
        else:
            goes = [
                ("их компетенции", self.competences),
                ("отметки об обучении", self.training_marks),
            ]
        what = " и ".join(f"{label} ({n})" for label, n in goes if n)
        also = f"\n\nВместе с этим будут удалены {what}." if what else ""
        return (
            f"Исключить из {BASES_GENITIVE[role]} этого года {people(self.people)}?\n"
            f"{_sentence(self.names)}{also}\n\n"
            "Участники останутся в списке «Все участники». " + UNDO_HINT
        )


def _sentence(text: str) -> str:
    """End with a full stop, not two («…, Орлов П. И.»)."""
    return text if text.endswith(".") else f"{text}."


def describe_batch(conn: sa.Connection, cascade: Cascade, person_ids: list[int]) -> BatchImpact:
    """Turn the rows a batch would take into the counts shown to the curator."""
    ids = set(person_ids)
    roles = [r["role"] for r in cascade.rows.get("participation", [])]
    groups = {int(g["id"]) for g in cascade.rows.get("mentoring_group", [])}
    members = cascade.rows.get("group_member", [])
    unlinked: dict[str, int] = {}
    for table, _where, column, value in cascade.unlinked:
        if value in ids and column in ("person_id", "responsible_person_id"):
            unlinked[table] = unlinked.get(table, 0) + 1
    return BatchImpact(
        people=len(person_ids),
        names=short_names(conn, person_ids),
        mentee_roles=roles.count(Role.MENTEE.value),
        mentor_roles=roles.count(Role.MENTOR.value),
        requests=cascade.count("mentee_request"),
        competences=cascade.count("mentor_competence"),
        training_marks=cascade.count("training_attendance"),
        groups_led=len(groups),
        mentees_left=len({m["person_id"] for m in members if m["group_id"] in groups} - ids),
        memberships=sum(
            1 for m in members if m["person_id"] in ids and m["group_id"] not in groups
        ),
        plan_items=cascade.count("plan_item"),
        meetings=cascade.count("meeting"),
        consents=cascade.count("consent"),
        answers=unlinked.get("questionnaire_response", 0),
        roadmap_events=unlinked.get("roadmap_event", 0),
    )
