"""Writing a record on the server and reading it back as JSON: the one write step the sync protocol builds on.

:func:`store` puts one record (any type of :mod:`app.models`) in its table and, in the same transaction, takes the
next ``server_seq`` under the lock, bumps ``rev``, updates ``record_head``, appends a ``revision`` with every value,
and keeps the access tables in step: a ``consent`` record refreshes its ``consent_term``; an allowed ``disclosure``
with a recipient team and a consent gets a ``share_grant`` (a blocked or deleted one loses it).
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.models import Consent, Disclosure, Envelope
from app.models.base import utcnow
from app.server import db
from app.server.models import ConsentTerm, RecordHead, Revision, ShareGrant

HEAD_FIELDS = (
    "type",
    "schema_version",
    "person_id",
    "owner_user_id",
    "team_id",
    "regime",
    "visibility",
    "privileged",
    "consent_id",
    "deleted",
    "deleted_at",
)


def to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def values_of(record: Envelope) -> dict[str, Any]:
    """Every column of the record, as JSON values (dates as ISO text, bytes as base64)."""
    mapper = inspect(type(record))
    return {attr.key: to_json(getattr(record, attr.key)) for attr in mapper.column_attrs}


def store(s: Session, record: Envelope, *, user_id: str, device_id: str, mutation_id: str | None = None) -> RecordHead:
    """Write ``record`` (new or changed) as the next revision. Call inside a transaction."""
    seq = db.next_seq(s)
    record = s.merge(record)
    s.flush()
    head = s.get(RecordHead, record.id)
    rev = 1 if head is None else head.rev + 1
    if head is None:
        head = RecordHead(id=record.id, rev=rev, server_seq=seq)
        s.add(head)
    head.rev = rev
    head.server_seq = seq
    head.updated_at = utcnow()
    for name in HEAD_FIELDS:
        setattr(head, name, getattr(record, name))
    record.rev = rev
    s.flush()
    s.add(
        Revision(
            record_id=record.id,
            rev=rev,
            server_seq=seq,
            mutation_id=mutation_id,
            user_id=user_id,
            device_id=device_id,
            deleted=record.deleted,
            values=values_of(record),
        )
    )
    if isinstance(record, Consent):
        term = s.get(ConsentTerm, record.id) or ConsentTerm(consent_id=record.id)
        term.person_id = record.person_id
        term.starts_on = record.starts_on
        term.expires_on = record.expires_on
        term.revoked_on = record.revoked_on
        term.deleted = record.deleted
        term.updated_at = utcnow()
        s.add(term)
    if isinstance(record, Disclosure):
        grant = s.get(ShareGrant, record.id)
        if record.allowed and not record.deleted and record.recipient_team_id and record.consent_id:
            grant = grant or ShareGrant(record_id=record.id, granted_by=user_id)
            grant.consent_id = record.consent_id
            grant.recipient_team_id = record.recipient_team_id
            grant.person_id = record.person_id
            s.add(grant)
        elif grant is not None:
            s.delete(grant)
    s.flush()
    return head
