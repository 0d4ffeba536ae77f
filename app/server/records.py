"""Writing a record on the server and reading it back as JSON: the one write step the sync protocol builds on.

:func:`store` puts one record (any type of :mod:`app.models`) in its table and, in the same transaction, takes the
next ``server_seq`` under the lock, bumps ``rev``, updates ``record_head``, appends a ``revision`` with every value,
and keeps the access tables in step: a ``consent`` record refreshes its ``consent_term``; an allowed ``disclosure``
with a recipient team and a consent gets a ``share_grant`` (a blocked or deleted one loses it).

A push batch defers its sequence numbers (:func:`defer_sequence`): rows are written with unique negative stand-ins,
and :func:`assign_sequence`, called as the last step before commit, takes the ``server_seq`` lock once and puts the
real numbers in, in the order they were asked for. The lock is then held only from that step to the commit, so
batches of different devices do their work side by side, and sequence order is still commit order.

The new records of a batch that runs under one savepoint (``LAZY_FLUSH``) go further: their heads and first
revisions are never ORM objects. They wait as plain rows, and :func:`assign_sequence` inserts them with their real
numbers, a statement per table, instead of inserting them with stand-ins and updating every one afterwards (the
update and the objects' bookkeeping were a third of a batch's time). :func:`created_in_batch` tells the push which
records those are, since no query finds them before then.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, insert, inspect, select
from sqlalchemy.orm import Session

from app.models import Consent, Disclosure, Envelope
from app.models.base import utcnow
from app.server import access, db
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


JsonColumns = tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]
_JSON_COLUMNS: dict[type, JsonColumns] = {}


def json_columns(cls: type[Envelope]) -> JsonColumns:
    """Each column of a record type as ``(key, column, convert)``, in :func:`values_of`'s order: ``convert`` turns
    a value read from the database into its JSON form, or is ``None`` where the value is already JSON (text, numbers,
    JSON columns). Worked out once per type, so a page of rows is converted without asking each value its type."""
    known = _JSON_COLUMNS.get(cls)
    if known is not None:
        return known
    out: list[tuple[str, Any, Callable[[Any], Any] | None]] = []
    for attr in inspect(cls).column_attrs:
        column = attr.columns[0]
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = None
        plain = python_type in (str, int, bool, float, dict, list)
        out.append((attr.key, column, None if plain else to_json))
    _JSON_COLUMNS[cls] = tuple(out)
    return _JSON_COLUMNS[cls]


_DEFERRED = "offramp_deferred_seq"
#: Set in a session's ``info`` while :func:`store` may leave new records unflushed (see there).
LAZY_FLUSH = "offramp_lazy_flush"

_HEADS = cast(Table, RecordHead.__table__)
_REVISIONS = cast(Table, Revision.__table__)


@dataclass
class _Deferred:
    """What a transaction that defers its sequence numbers has handed out and still has to write."""

    #: Stand-ins in the order they were handed out (the real numbers follow this order).
    order: list[int] = field(default_factory=list)
    #: ORM rows carrying a stand-in.
    objects: list[Any] = field(default_factory=list)
    #: Heads and first revisions of new records, as rows not yet inserted (see the module's docstring).
    heads: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    #: Their record ids, with each record's type.
    created: dict[str, str] = field(default_factory=dict)


def defer_sequence(s: Session) -> None:
    """From now until :func:`assign_sequence`, rows of this transaction get stand-in sequence numbers."""
    s.info[_DEFERRED] = _Deferred()


def sequence_for(s: Session) -> int:
    """The next ``server_seq``, or a stand-in for it while the session defers its numbers."""
    deferred: _Deferred | None = s.info.get(_DEFERRED)
    if deferred is None:
        return db.next_seq(s)
    stand_in = -1 - secrets.randbits(62)  # unique among concurrent transactions (record_head.server_seq is unique)
    deferred.order.append(stand_in)
    return stand_in


def track(s: Session, obj: Any) -> None:
    """Remember a row carrying a stand-in, so :func:`assign_sequence` can give it its real number."""
    deferred: _Deferred | None = s.info.get(_DEFERRED)
    if deferred is not None:
        deferred.objects.append(obj)


def created_in_batch(s: Session) -> dict[str, str]:
    """The records this transaction made whose heads are not in the database yet (id to type): no query finds them
    until :func:`assign_sequence` has run."""
    deferred: _Deferred | None = s.info.get(_DEFERRED)
    return {} if deferred is None else deferred.created


def assign_sequence(s: Session) -> int:
    """Take the ``server_seq`` lock (held until commit) and replace every stand-in still in use, in the order
    they were handed out; then insert the new records' heads and revisions that were waiting for their numbers.
    Returns how many numbers were taken. Call as the transaction's last write."""
    deferred: _Deferred | None = s.info.pop(_DEFERRED, None)
    if deferred is None:
        return 0
    s.flush()
    live = [obj for obj in {id(o): o for o in deferred.objects}.values() if obj in s]
    in_use = {obj.server_seq for obj in live if obj.server_seq is not None and obj.server_seq < 0}
    in_use.update(head["server_seq"] for head in deferred.heads)
    wanted = [v for v in deferred.order if v in in_use]
    if not wanted:
        return 0
    first = db.next_seq(s, len(wanted))
    real = {stand_in: first + i for i, stand_in in enumerate(wanted)}
    for obj in live:
        if obj.server_seq in real:
            obj.server_seq = real[obj.server_seq]
    s.flush()
    if deferred.heads:
        for row in (*deferred.heads, *deferred.revisions):
            row["server_seq"] = real[row["server_seq"]]
        s.execute(insert(_HEADS), deferred.heads)
        s.execute(insert(_REVISIONS), deferred.revisions)
    return len(wanted)


def store(
    s: Session,
    record: Envelope,
    *,
    user_id: str,
    device_id: str,
    mutation_id: str | None = None,
    new: bool = False,
) -> int:
    """Write ``record`` (new or changed) as the next revision and return its ``rev``. Call inside a transaction.
    ``new`` says the caller knows the record has never been stored (it is added, not looked up)."""
    seq = sequence_for(s)
    # A new record of a batch that runs under one savepoint is not flushed here: the batch's new rows then go to the
    # database together, a few statements per table instead of three per record (a query flushes them first). Its
    # head and revision wait as plain rows for their real sequence number (see the module's docstring).
    deferred: _Deferred | None = s.info.get(_DEFERRED)
    lazy = (
        new
        and deferred is not None
        and s.info.get(LAZY_FLUSH, False)
        and not isinstance(record, Consent | Disclosure)
    )
    if lazy:
        assert deferred is not None
        record.rev = 1
        s.add(record)
        now = utcnow()
        head_row = {name: getattr(record, name) for name in HEAD_FIELDS}
        head_row.update(id=record.id, rev=1, server_seq=seq, updated_at=now)
        deferred.heads.append(head_row)
        deferred.revisions.append(
            {
                "record_id": record.id,
                "rev": 1,
                "server_seq": seq,
                "mutation_id": mutation_id,
                "user_id": user_id,
                "device_id": device_id,
                "deleted": bool(record.deleted),
                "committed_at": now,
                "values": values_of(record),
            }
        )
        deferred.created[record.id] = record.type
        return 1
    if new:
        record.rev = 1  # known before the insert: no UPDATE of the record row afterwards
        s.add(record)
    else:
        record = s.merge(record)
    s.flush()
    head = None if new else s.get(RecordHead, record.id)
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
    revision = Revision(
        record_id=record.id,
        rev=rev,
        server_seq=seq,
        mutation_id=mutation_id,
        user_id=user_id,
        device_id=device_id,
        deleted=record.deleted,
        values=values_of(record),
    )
    s.add(revision)
    track(s, head)
    track(s, revision)
    if isinstance(record, Consent):
        term = s.get(ConsentTerm, record.id) or ConsentTerm(consent_id=record.id)
        term.person_id = record.person_id
        term.starts_on = record.starts_on
        term.expires_on = record.expires_on
        term.revoked_on = record.revoked_on
        term.deleted = record.deleted
        term.updated_at = utcnow()
        s.add(term)
        # A changed consent (narrowed, another recipient, another person) re-decides every share made under it.
        s.flush()
        for shared in s.scalars(select(Disclosure).where(Disclosure.consent_id == record.id)).all():
            refresh_grant(s, shared, user_id)
    if isinstance(record, Disclosure):
        refresh_grant(s, record, user_id)
    s.flush()
    return rev


def refresh_grant(s: Session, record: Disclosure, user_id: str) -> None:
    """Grant the disclosure to its recipient team while it is allowed and in scope; take the grant away otherwise."""
    grant = s.get(ShareGrant, record.id)
    consent = s.get(Consent, record.consent_id) if record.consent_id else None
    if (
        record.allowed
        and not record.deleted
        and record.recipient_team_id
        and record.consent_id
        and access.share_in_scope(s, record, consent)
    ):
        grant = grant or ShareGrant(record_id=record.id, granted_by=user_id)
        grant.consent_id = record.consent_id
        grant.recipient_team_id = record.recipient_team_id
        grant.person_id = record.person_id
        s.add(grant)
    elif grant is not None:
        s.delete(grant)
