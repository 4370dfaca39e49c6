"""What a deletion touches, in the curator's words, for the confirmation before it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ..models.vocab import Role
from .names import FullName

if TYPE_CHECKING:
    from .deletion import DeletionSnapshot


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 пункт», «3 пункта», «5 пунктов»."""
    tail = n % 100
    if 11 <= tail <= 14:
        word = many
    elif n % 10 == 1:
        word = one
    elif 2 <= n % 10 <= 4:
        word = few
    else:
        word = many
    return f"{n} {word}"


@dataclass(frozen=True)
class DeletionImpact:
    """Counts and names of what goes with a person (see :func:`describe`)."""

    name: str
    roles: tuple[str, ...] = ()  # «наставник в 2025/2026 учебном году»
    groups_led: tuple[str, ...] = ()  # the mentees of each pair or group he leads
    memberships: int = 0  # pairs or groups he is a mentee in
    plan_items: int = 0
    meetings: int = 0
    requests: int = 0
    competences: int = 0
    consents: int = 0
    answers: int = 0  # questionnaires he filled in: kept without his name
    roadmap_events: int = 0  # roadmap events he was responsible for: kept, without him

    @property
    def touches_anything(self) -> bool:
        return bool(
            self.roles or self.groups_led or self.memberships or self.consents or self.answers
        )

    def text(self) -> str:
        """The Russian confirmation: what is deleted with the person and what stays."""
        lines = []
        for role in self.roles:
            lines.append(f"• роль: {role};")
        if self.requests:
            lines.append(f"• запросы наставляемого: {self.requests};")
        if self.competences:
            lines.append(f"• компетенции наставника: {self.competences};")
        for mentees in self.groups_led:
            lines.append(f"• пара (группа), которую ведёт участник, наставляемые: {mentees};")
        if self.memberships:
            lines.append(f"• участие как наставляемого в парах и группах: {self.memberships};")
        if self.plan_items:
            lines.append(f"• пункты индивидуальных планов: {self.plan_items};")
        if self.meetings:
            lines.append(f"• встречи пар и групп в журнале: {self.meetings};")
        if self.consents:
            lines.append("• согласие на обработку персональных данных;")
        head = f"Удалить «{self.name}» из базы?"
        body = ""
        if lines:
            body = "\n\nВместе с участником будет удалено:\n" + bullet_list(lines)
        kept = []
        if self.answers:
            kept.append(f"Ответы в анкетах ({self.answers}) останутся в итогах опроса без имени.")
        if self.roadmap_events:
            kept.append(
                "Участник указан ответственным за "
                f"{plural(self.roadmap_events, 'мероприятие', 'мероприятия', 'мероприятий')} "
                "дорожной карты: там ответственный станет не указан."
            )
        tail = ("\n\n" + "\n".join(kept)) if kept else ""
        return f"{head}{body}{tail}\n\nУдаление можно сразу отменить: Ctrl+Z или «Отменить»."


def bullet_list(lines: list[str]) -> str:
    """Lines «• …;» one under another, the last one ending with a full stop."""
    if not lines:
        return ""
    return "\n".join([*lines[:-1], lines[-1].rstrip(";") + "."])


def short_names(conn: sa.Connection, ids: list[int], limit: int = 5) -> str:
    """«Иванов И. И., Петрова А. С. и ещё 3» for the people ``ids``, in that order."""
    names = _names(conn, ids[:limit])
    shown = ", ".join(names.get(i, "?") for i in ids[:limit])
    rest = len(ids) - limit
    return f"{shown} и ещё {rest}" if rest > 0 else shown


def _names(conn: sa.Connection, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = conn.exec_driver_sql(
        f"SELECT id, last_name, first_name, middle_name FROM person WHERE id IN ({marks})",
        tuple(ids),
    )
    return {
        int(pid): FullName(last, first or "", middle or "").short
        for pid, last, first, middle in rows
    }


def describe(conn: sa.Connection, snapshot: DeletionSnapshot) -> DeletionImpact:
    """Turn the rows a deletion would take into the counts and names shown to the curator."""
    pid = snapshot.person_id
    years = {int(i): str(t) for i, t in conn.exec_driver_sql("SELECT id, title FROM academic_year")}
    roles = []
    for row in snapshot.rows.get("participation", []):
        role = Role(row["role"]).label
        roles.append(f"{role} в {years.get(int(row['year_id']), '?')} учебном году")
    led = [g for g in snapshot.rows.get("mentoring_group", []) if g["mentor_id"] == pid]
    members: dict[int, list[int]] = {}
    for m in snapshot.rows.get("group_member", []):
        if m["person_id"] != pid:
            members.setdefault(int(m["group_id"]), []).append(int(m["person_id"]))
    names = _names(conn, sorted({p for ids in members.values() for p in ids}))
    groups = tuple(
        ", ".join(names.get(p, "?") for p in members.get(int(g["id"]), [])) or "без наставляемых"
        for g in led
    )
    unlinked: dict[str, int] = {}
    for table, _where, column, value in snapshot.unlinked:
        if value == pid and column in ("person_id", "responsible_person_id"):
            unlinked[table] = unlinked.get(table, 0) + 1
    return DeletionImpact(
        name=snapshot.name,
        roles=tuple(roles),
        groups_led=groups,
        plan_items=snapshot.count("plan_item"),
        meetings=snapshot.count("meeting"),
        requests=snapshot.count("mentee_request"),
        competences=snapshot.count("mentor_competence"),
        consents=snapshot.count("consent"),
        answers=unlinked.get("questionnaire_response", 0),
        roadmap_events=unlinked.get("roadmap_event", 0),
        memberships=snapshot.count("group_member", person_id=pid),
    )
