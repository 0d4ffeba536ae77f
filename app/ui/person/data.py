"""What the person workspace reads and writes, as plain values. Runs on the task runner's worker, never on the UI
thread; it hands the UI dictionaries and frozen rows, never live database objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.core.records import columns_of
from app.core.timeline import (
    HistoryRow,
    NoteRow,
    PersonHeader,
    TimelineEntry,
    history_rows,
    person_header,
    person_notes,
    person_timeline,
)
from app.models import AuditAction, JusticeContact, Person

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.models import Envelope

PERSON_FIELDS: tuple[str, ...] = tuple(columns_of(Person))
JUSTICE_FIELDS: tuple[str, ...] = tuple(columns_of(JusticeContact))


def _values(obj: Envelope, fields: tuple[str, ...]) -> dict[str, Any]:
    values = {name: getattr(obj, name) for name in fields}
    values["id"] = obj.id
    return values


@dataclass(frozen=True)
class PersonData:
    """Everything one person's workspace shows, read in one go."""

    person_id: str
    header: PersonHeader
    person: dict[str, Any]
    timeline: list[TimelineEntry] = field(default_factory=list)
    justice: list[dict[str, Any]] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)


def load_person(ws: Workspace, person_id: str, *, viewed: bool = False) -> PersonData:
    """Read one person's workspace. ``viewed``: this is an opening, so the audit trail says it was viewed."""
    person = ws.records.get("person", person_id)
    if viewed:
        ws.log_event(AuditAction.VIEW.value, record_type="person", record_id=person_id, person_id=person_id)
    justice = ws.records.list_for_person("justice_contact", person_id)
    justice.sort(key=lambda j: (j.created_at, j.id), reverse=True)
    return PersonData(
        person_id=person_id,
        header=person_header(ws, person_id),
        person=_values(person, PERSON_FIELDS),
        timeline=person_timeline(ws, person_id),
        justice=[_values(j, JUSTICE_FIELDS) for j in justice],
        notes=person_notes(ws, person_id),
        history=history_rows(ws, person_id),
    )


def save_person(ws: Workspace, person_id: str, changes: Mapping[str, Any]) -> None:
    if changes:
        ws.records.update("person", person_id, changes)


def save_justice(ws: Workspace, person_id: str, record_id: str | None, values: Mapping[str, Any]) -> str:
    """Create or change a justice contact; returns its id."""
    if record_id is None:
        return ws.records.create("justice_contact", values, person_id=person_id).id
    if values:
        ws.records.update("justice_contact", record_id, values)
    return record_id


def delete_justice(ws: Workspace, record_id: str) -> None:
    ws.records.delete("justice_contact", record_id)


def add_note(ws: Workspace, person_id: str, body: str) -> str:
    values = {"parent_type": "person", "parent_id": person_id, "body": body}
    return ws.records.create("note_entry", values, person_id=person_id).id


def edit_note(ws: Workspace, note_id: str, body: str) -> None:
    ws.records.update("note_entry", note_id, {"body": body})


def sign_note(ws: Workspace, note_id: str) -> None:
    ws.records.update(
        "note_entry", note_id, {"signed_at": dt.datetime.now(dt.UTC), "signed_by": ws.identity.user_id}
    )
