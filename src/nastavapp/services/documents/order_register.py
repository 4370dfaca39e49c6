"""Issuing an order: the file (PDF or DOCX), the register of issued documents, the roadmap link.

:func:`save_order` writes the (possibly edited) draft through ``write_atomically`` — a locked
target leaves the old file intact and raises the Russian ``ExportError`` — and only then records
the order in the register (``IssuedDocument``: kind, number, date, title, file) and links the
roadmap event that produces it (``s1_appoint_curator`` → «о внедрении…», ``s5_approve_pairs`` →
«об утверждении пар/групп» …) through ``set_event_order``, so the stage shows its evidence.
A new «пары/группы» order approves the pairs it lists (``approve_by_order``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlmodel import col, select

from ...models import IssuedDocument, RoadmapEvent
from ...models.vocab import DocumentKind
from ...store import Store
from ..names import clean
from ..pair_orders import approve_by_order
from ..pair_rules import PairError
from ..roadmap_edit import EVENT_ORDER_KINDS, EventChanges, set_event_order, update_event
from .errors import ExportError
from .order_text import OrderDraft, OrderError, draft_problems
from .output import write_atomically

ORDER_SUFFIXES = (".pdf", ".docx")


def order_event(store: Store, year_id: int, kind: DocumentKind) -> RoadmapEvent | None:
    """The year's roadmap event whose result is an order of ``kind`` (the first by place)."""
    codes = [code for code, k in EVENT_ORDER_KINDS.items() if k is kind]
    if not codes:
        return None
    with store.session() as session:
        return session.exec(
            select(RoadmapEvent)
            .where(RoadmapEvent.year_id == year_id, col(RoadmapEvent.template_code).in_(codes))
            .order_by(col(RoadmapEvent.stage), col(RoadmapEvent.position))
        ).first()


def _same_order(store: Store, draft: OrderDraft, number: str) -> int | None:
    """The register row this draft is: its own, else one of the same kind, number and date."""
    if draft.document_id is not None:
        return draft.document_id
    with store.session() as session:
        found = session.exec(
            select(IssuedDocument.id).where(
                IssuedDocument.year_id == draft.year_id,
                IssuedDocument.kind == draft.kind,
                IssuedDocument.number == number,
                IssuedDocument.issued_on == draft.issued_on,
            )
        ).first()
    return found


def _linked(store: Store, event_id: int) -> int | None:
    with store.session() as session:
        event = session.get(RoadmapEvent, event_id)
        return event.document_id if event is not None else None


def register_order(store: Store, draft: OrderDraft, file_path: Path | str = "") -> int:
    """Record the order in the register and link its roadmap event; returns the register id.

    Raises:
        OrderError: the draft lacks a number (or title, points, signer), or a new «пары/группы»
            order cannot approve its pairs (Russian).
    """
    problems = draft_problems(draft)
    if problems:
        raise OrderError(" ".join(problems))
    number = clean(draft.number)
    doc_id = _same_order(store, draft, number)
    if doc_id is None and draft.kind is DocumentKind.ORDER_PAIRS:
        try:
            doc_id = approve_by_order(
                store, list(draft.group_ids), number, draft.issued_on, title=draft.title
            ).id
        except PairError as exc:
            raise OrderError(str(exc)) from exc
    event = order_event(store, draft.year_id, draft.kind)
    event_id = event.id if event is not None else None
    if event_id is not None and doc_id is None and _linked(store, event_id) is None:
        # the event makes the register row, of the kind its template says
        set_event_order(store, event_id, number, draft.issued_on)
        doc_id = _linked(store, event_id)
    with store.session() as session:
        doc = session.get(IssuedDocument, doc_id) if doc_id is not None else None
        if doc is None:
            doc = IssuedDocument(year_id=draft.year_id, kind=draft.kind)
        doc.number, doc.issued_on = number, draft.issued_on
        doc.title = clean(draft.title)
        doc.file_path = str(file_path)
        session.add(doc)
        session.commit()
        session.refresh(doc)
        doc_id = int(doc.id or 0)
    if event_id is not None and _linked(store, event_id) != doc_id:
        # an order the event did not know yet, or a newer one: the roadmap shows this one
        update_event(store, event_id, EventChanges(document_id=doc_id))
    return doc_id


def write_order(draft: OrderDraft, target: Path | str) -> Path:
    """Write the draft as PDF or DOCX (by the extension) without registering it.

    Raises:
        ExportError: another extension, or the target locked or read-only (Russian).
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        from .order_pdf import write_order_pdf

        return write_atomically(target, lambda path: write_order_pdf(draft, path))
    if suffix == ".docx":
        from .order_docx import write_order_docx

        return write_atomically(target, lambda path: write_order_docx(draft, path))
    raise ExportError(
        f"Неизвестный формат файла «{suffix or 'без расширения'}»: приказ можно сохранить "
        "в PDF (.pdf) или в Word (.docx)."
    )


def save_order(store: Store, draft: OrderDraft, target: Path | str) -> tuple[Path, OrderDraft]:
    """Write the order to ``target`` (.pdf or .docx), then register it and link the roadmap.

    Returns:
        The path written and the draft as registered (``document_id`` set), so that saving
        it again — in the other format — updates the same register row.

    Raises:
        OrderError: the draft is incomplete (nothing is written).
        ExportError: the target is locked, read-only or of another format (nothing registered).
    """
    problems = draft_problems(draft)
    if problems:
        raise OrderError(" ".join(problems))
    written = write_order(draft, target)
    doc_id = register_order(store, draft, written)
    return written, replace(draft, document_id=doc_id, group_ids=())
