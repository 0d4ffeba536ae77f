"""The sync protocol on the server (DESIGN.md section 3): push, pull with reconciliation, done, tombstone purge.

Push: one transaction per batch, a savepoint per mutation; the batch works under stand-in sequence numbers and takes
the ``server_seq`` lock only at its end (:func:`app.server.records.assign_sequence`), so batches of different
devices run side by side and still commit in sequence order. A known ``mutation_id`` gets its stored result back
and changes nothing. Otherwise the mutation is authorised, merged field by field against its base revision
(:mod:`app.protocol.merge`) and written with :func:`app.server.records.store`; what cannot be applied is kept whole in
``quarantine``, what two people changed differently is kept with every value in ``conflict``. Each mutation
ends in exactly one ``mutation_result``.

Pull: the cursor is opaque and HMAC-signed over ``(epoch, seq, device, page, baseline, principal)``. A page holds the
records above the cursor's ``seq`` (and at most the sequence number read when the page began, so a page never skips
a number committed later) that the device may see through :func:`app.server.access.visible_to`, plus evictions of
records it holds (``delivery``) but may no longer see. The last page ends with reconciliation: disclosures whose
grant or consent lapsed are evicted, and records the device may now see below its cursor are sent. What a page
delivered is *pending* until the device confirms it by sending that page's cursor back (next pull or ``done``), so
a page lost on the way is simply served again; until then it still counts as possibly held for evictions, and no
request (a fresh copy asked for, an older cursor replayed) makes the office forget a delivery: only a confirmed
eviction ends one. What a device pushed and the office applied unchanged is held there at the new revision and is
not sent back (no echo): the page carries only the office's stamps for it (``stamps``).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, exists, false, insert, literal, or_, select, text, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import RECORD_TYPES, Base
from app.models.base import ENVELOPE_FIELDS, Envelope, Regime, Visibility, utcnow, uuid7
from app.protocol import codec, merge
from app.protocol.schemas import (
    MAX_PAGE_BYTES,
    Mutation,
    MutationOutcome,
    Outcome,
    PulledRecord,
    PullIn,
    PullOut,
    PushIn,
    PushOut,
    Stamp,
)
from app.server import admin, db
from app.server.access import Principal, visible_to
from app.server.models import (
    RECORD_TABLES,
    AuditEntry,
    Conflict,
    Delivery,
    DeliveryPending,
    MutationResult,
    Quarantine,
    RecordHead,
    Revision,
    ShareGrant,
    SyncCounter,
)
from app.server.records import (
    LAZY_FLUSH,
    assign_sequence,
    created_in_batch,
    defer_sequence,
    json_columns,
    sequence_for,
    store,
    to_json,
    track,
    values_of,
)

#: The delivery tables as Core tables: a page's hundreds of rows go in one statement, not as ORM objects.
_DELIVERY = cast(Table, Delivery.__table__)
_PENDING = cast(Table, DeliveryPending.__table__)

#: Tombstones are kept this long; a cursor from before the oldest purged one must re-baseline (410).
TOMBSTONE_DAYS = 548
PURGED = "purged_seq"
SETTABLE = frozenset({"visibility", "privileged", "consent_id"})
CLOSURE_ROUNDS = 4
#: A record whose link (its person, a plan or case it belongs to) is not at the office, or one sent without the
#: values it needs: the device keeps it and sends it again with what it lacks (never removed for this).
MISSING_LINK = "missing_link"
#: A record type kept by some regimes only (its ``REGIMES``) pushed by a device of another regime.
WRONG_REGIME = "wrong_regime"
#: First key of the two-key PostgreSQL advisory locks that keep one device's batches one at a time.
PUSH_LOCK_SPACE = 0x0FF2


class Refusal(Exception):
    """A refusal of the whole request, turned into ``{"error", "message"}`` JSON by the app."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


BAD_CURSOR = Refusal(400, "bad_cursor", "The sync position this device sent is not one the server gave it.")
EMPTY_CURSOR = Refusal(
    422,
    "bad_cursor",
    "The sync position this device sent is empty. A device that wants a fresh copy sends no position at all.",
)
REBASELINE = Refusal(
    410,
    "rebaseline",
    "This device has been away long enough that the office must send it a fresh copy of what it may see.",
)


def regime_of(principal: Principal) -> str:
    return Regime.PROSECUTION.value if principal.is_prosecution else Regime.ADVOCACY.value


# --- cursors --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    epoch: str
    seq: int
    device: str
    page: str
    baseline: bool
    principal: str
    #: Records up to this sequence number are sent whole even at a revision the device is known to hold: after a
    #: fresh copy was asked for, or a cursor older than the last one it confirmed (a vault restored from a backup).
    copy_to: int = 0


def principal_tag(principal: Principal) -> str:
    raw = "|".join([principal.user_id, principal.team_id, principal.role, principal.compartment])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def make_cursor(secret_key: str, cursor: Cursor) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(asdict(cursor), separators=(",", ":")).encode()).decode()
    mac = hmac.new(bytes.fromhex(secret_key), payload.encode("ascii"), hashlib.sha256).hexdigest()
    return f"{payload}.{mac}"


def read_cursor(secret_key: str, token: str, device_id: str) -> Cursor:
    payload, _, mac = token.partition(".")
    if not (payload.isascii() and mac.isascii()):
        raise BAD_CURSOR
    want = hmac.new(bytes.fromhex(secret_key), payload.encode("ascii"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, mac):
        raise BAD_CURSOR
    try:
        data = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
        cursor = Cursor(**data)
    except (ValueError, TypeError):
        raise BAD_CURSOR from None
    if cursor.device != device_id:
        raise BAD_CURSOR
    return cursor


# --- push -----------------------------------------------------------------------------------------------------


def push(s: Session, principal: Principal, body: PushIn) -> PushOut:
    """Apply one batch inside the caller's transaction; its sequence numbers are taken last (see below).

    The batch first runs under one savepoint for all its mutations (two statements, not two per mutation: they were
    a third of a batch's round trips). Should any mutation fail in a way its own savepoint would have caught (a value
    that does not decode, a missing link), that savepoint is rolled back and the batch runs again with a savepoint
    for each mutation, so the failing one is set aside and the rest applied, as before.
    """
    batch = begin_batch(s, principal, body)
    heads = set(batch.heads)
    batch.careful = False
    s.info[LAZY_FLUSH] = True
    try:
        with s.begin_nested():
            results = [_one(s, principal, m, batch) for m in body.mutations]
            try:
                s.flush()
            except (IntegrityError, codec.BadValue) as exc:
                raise _Retry from exc
    except _Retry:
        s.info.pop(LAZY_FLUSH, None)
        batch = Batch(known=batch.known, heads=heads)
        s.info[_BATCH] = batch
        defer_sequence(s)
        results = [_one(s, principal, m, batch) for m in body.mutations]
    finally:
        s.info.pop(LAZY_FLUSH, None)
    end_batch(s, batch)
    hold_pushed(s, principal, results)
    admin.audit(
        s,
        "push",
        "allowed",
        user_id=principal.user_id,
        device_id=principal.device_id,
        team_id=principal.team_id,
        detail={"batch_id": body.batch_id, "outcomes": dict(Counter(r.outcome for r in results))},
    )
    return PushOut(batch_id=body.batch_id, results=results)


@dataclass
class Batch:
    """What one push knows up front (read in one query each) and the rows it writes at the end in one go."""

    known: dict[str, MutationResult]
    heads: set[str]
    done: dict[str, MutationOutcome] = dc_field(default_factory=dict)
    #: Rows written at the end, per table, as plain rows (one statement a table, no ORM objects).
    later: dict[Table, list[dict[str, Any]]] = dc_field(default_factory=dict)
    #: Each mutation under its own savepoint (a failing one is set aside alone); off for :func:`push`'s first try.
    careful: bool = True


class _Retry(Exception):
    """A mutation of a batch running without savepoints of its own failed: the batch runs again, carefully."""


_BATCH = "offramp_push_batch"


def begin_batch(s: Session, principal: Principal, body: PushIn) -> Batch:
    """Take what a batch must hold while it works, short of the sequence lock, and read what it needs up front.

    SQLite's ``BEGIN IMMEDIATE`` already holds everything. On PostgreSQL: one batch at a time per device (a resent
    batch waits for its first copy, then finds the stored results), and the heads of the records the batch touches,
    locked in id order so that two batches never deadlock. Batches of different devices on different records run
    side by side; the ``server_seq`` lock is taken only by :func:`end_batch`, so sequence order stays commit order.
    """
    postgres = s.get_bind().dialect.name == "postgresql"
    if postgres:
        s.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:device))"),
            {"space": PUSH_LOCK_SPACE, "device": principal.device_id},
        )
    record_ids = sorted({m.record_id for m in body.mutations})
    heads = select(RecordHead).where(RecordHead.id.in_(record_ids)).order_by(RecordHead.id)
    found = s.scalars(heads.with_for_update() if postgres else heads).all()
    known = s.scalars(
        select(MutationResult).where(MutationResult.mutation_id.in_({m.mutation_id for m in body.mutations}))
    )
    batch = Batch(known={r.mutation_id: r for r in known}, heads={h.id for h in found})
    s.info[_BATCH] = batch
    defer_sequence(s)
    return batch


def end_batch(s: Session, batch: Batch) -> None:
    """Write the batch's results and audit entries in one go, then take its sequence numbers (held to commit)."""
    s.flush()
    for table, rows in batch.later.items():
        s.execute(insert(table), rows)
    batch.later.clear()
    s.info.pop(_BATCH, None)
    assign_sequence(s)


def _later(s: Session, model: type[Any], row: dict[str, Any]) -> None:
    """Write ``row`` of ``model`` with the batch's other rows at its end (at once when no batch is running)."""
    batch = s.info.get(_BATCH)
    if batch is None:
        s.add(model(**row))
    else:
        batch.later.setdefault(cast(Table, model.__table__), []).append(row)


def _one(s: Session, principal: Principal, m: Mutation, batch: Batch) -> MutationOutcome:
    earlier = batch.done.get(m.mutation_id)
    if earlier is not None:  # the same mutation twice in one batch: done once
        return earlier
    known = batch.known.get(m.mutation_id)
    if known is not None:
        if known.device_id != principal.device_id:
            # Another device's id: never reveal its result; keep this one whole under a fresh id.
            return MutationOutcome(
                mutation_id=m.mutation_id, record_id=m.record_id, outcome="quarantined", reason="mutation_id_taken"
            )
        return MutationOutcome.model_validate(known.result)
    try:
        if batch.careful:
            with s.begin_nested():
                outcome = _apply(s, principal, m, batch)
        else:
            outcome = _apply(s, principal, m, batch)
    except codec.BadValue as exc:
        if not batch.careful:
            raise _Retry from exc
        outcome = _quarantine(s, principal, m, "bad_value", field=exc.field)
    except IntegrityError as exc:
        if not batch.careful:
            raise _Retry from exc
        outcome = _quarantine(s, principal, m, MISSING_LINK)
    if outcome.outcome != "quarantined":
        _remember(s, principal, m, outcome)
    batch.done[m.mutation_id] = outcome
    _later(
        s,
        AuditEntry,
        {
            "occurred_at": utcnow(),
            "action": "mutation",
            "outcome": "blocked" if outcome.outcome == "quarantined" else "allowed",
            "actor": None,
            "user_id": principal.user_id,
            "device_id": principal.device_id,
            "team_id": principal.team_id,
            "record_type": m.type[:40],
            "record_id": m.record_id,
            "remote": None,
            "detail": {"outcome": outcome.outcome, "rev": outcome.rev, "reason": outcome.reason},
        },
    )
    return outcome


class _Quarantined(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _remember(s: Session, principal: Principal, m: Mutation, outcome: MutationOutcome) -> None:
    _later(
        s,
        MutationResult,
        {
            "mutation_id": m.mutation_id,
            "device_id": principal.device_id,
            "record_id": m.record_id,
            "outcome": outcome.outcome,
            "rev": outcome.rev,
            "result": outcome.model_dump(),
            "committed_at": utcnow(),
        },
    )


def _quarantine(
    s: Session, principal: Principal, m: Mutation, reason: str, field: str | None = None
) -> MutationOutcome:
    outcome = MutationOutcome(mutation_id=m.mutation_id, record_id=m.record_id, outcome="quarantined", reason=reason)
    s.add(
        Quarantine(
            mutation_id=m.mutation_id,
            device_id=principal.device_id,
            user_id=principal.user_id,
            record_id=m.record_id,
            reason=reason if field is None else f"{reason}:{field}"[:40],
            mutation=m.model_dump(),
        )
    )
    _remember(s, principal, m, outcome)
    return outcome


def _apply(s: Session, principal: Principal, m: Mutation, batch: Batch) -> MutationOutcome:
    def refuse(reason: str) -> MutationOutcome:
        return _quarantine(s, principal, m, reason)

    cls = RECORD_TYPES.get(m.type)
    if cls is None:
        return refuse("unknown_type")
    if not principal.reads_content:
        return refuse("not_allowed")
    regimes = getattr(cls, "REGIMES", None)
    if regimes and regime_of(principal) not in regimes:
        return refuse(WRONG_REGIME)  # e.g. a charging decision is the prosecution's only
    if m.record_id in created_in_batch(s):
        # Made earlier in this batch, its head not written yet: the batch runs again the careful way, which writes
        # each record as it goes, so this change is merged onto it as on any other.
        raise _Retry
    head = s.get(RecordHead, m.record_id) if m.record_id in batch.heads else None
    patch, unknown = _clean_patch(cls, m.patch)
    if head is None:
        if m.deleted or m.base_rev is not None:
            return refuse("unknown_record")
        outcome = _create(s, principal, m, cls, patch, unknown)
        if outcome.outcome != "quarantined":
            batch.heads.add(m.record_id)
        return outcome
    if head.type != m.type:
        return refuse("type_mismatch")
    allowed = s.scalar(select(literal(True)).where(RecordHead.id == head.id, visible_to(principal, RecordHead)))
    if not allowed or head.regime != regime_of(principal):
        return refuse("not_allowed")
    return _update(s, principal, m, cls, head, patch, unknown)


def _clean_patch(cls: type[Envelope], raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The patch as stored JSON (so it compares with revisions), without envelope fields a device may not set."""
    wanted = {k: v for k, v in raw.items() if k not in ENVELOPE_FIELDS or k in SETTABLE}
    known, unknown = codec.decode_values(cls, wanted)
    return {k: to_json(v) for k, v in known.items()}, unknown


def _person_of_new(s: Session, principal: Principal, m: Mutation, cls: type[Envelope]) -> str | MutationOutcome | None:
    """The person a new record belongs to (None for a record of no one), or why it is set aside."""
    if m.type == "person":
        return m.record_id
    if not cls.PERSONAL:
        return None
    if not m.person_id:
        return _quarantine(s, principal, m, "no_person")
    # Why the person is not there decides what the device does (MISSING_LINK waits, the others go to the author's
    # "not accepted" list), so each case has its own code; none of them says more than the device knew.
    made_here = created_in_batch(s).get(m.person_id)
    if made_here is not None:
        # The person came in earlier in this batch, from this device: theirs to see, and not deleted.
        if made_here != "person":
            return _quarantine(s, principal, m, MISSING_LINK)
        s.flush()  # the person's row first: this record's row refers to it
        return m.person_id
    person = s.scalar(select(RecordHead).where(RecordHead.id == m.person_id, RecordHead.type == "person"))
    if person is None:
        return _quarantine(s, principal, m, MISSING_LINK)
    may_see = s.scalar(select(literal(True)).where(RecordHead.id == person.id, visible_to(principal, RecordHead)))
    if not may_see:
        return _quarantine(s, principal, m, "not_allowed")
    if person.deleted:
        return _quarantine(s, principal, m, "person_deleted")
    return m.person_id


def _create(
    s: Session,
    principal: Principal,
    m: Mutation,
    cls: type[Envelope],
    patch: dict[str, Any],
    unknown: dict[str, Any],
) -> MutationOutcome:
    person_id = _person_of_new(s, principal, m, cls)
    if isinstance(person_id, MutationOutcome):
        return person_id
    values, _ = codec.decode_values(cls, patch)
    regime = regime_of(principal)
    maker: Any = cls
    obj = maker(
        **{k: v for k, v in values.items() if k not in SETTABLE},
        id=m.record_id,
        type=m.type,
        schema_version=m.schema_version,
        person_id=person_id,
        owner_user_id=principal.user_id,
        team_id=principal.team_id,
        regime=regime,
        visibility=values.get("visibility") or Visibility.MY_TEAM.value,
        privileged=values.get("privileged", regime == Regime.ADVOCACY.value and cls.PERSONAL),
        consent_id=values.get("consent_id"),
        created_at=utcnow(),
        edited_hlc=m.edited_hlc,
        edited_by=principal.user_id,
        edited_device=principal.device_id,
        extra=unknown,
        deleted=False,
    )
    if obj.visibility not in {v.value for v in Visibility}:
        raise codec.BadValue("visibility")
    rev = store(s, obj, user_id=principal.user_id, device_id=principal.device_id, mutation_id=m.mutation_id, new=True)
    return MutationOutcome(mutation_id=m.mutation_id, record_id=m.record_id, outcome="applied", rev=rev)


def _update(
    s: Session,
    principal: Principal,
    m: Mutation,
    cls: type[Envelope],
    head: RecordHead,
    patch: dict[str, Any],
    unknown: dict[str, Any],
) -> MutationOutcome:
    obj = s.get(cls, head.id)
    if obj is None:
        return _quarantine(s, principal, m, "unknown_record")
    current = values_of(obj)
    if head.owner_user_id != principal.user_id and any(patch[k] != current.get(k) for k in SETTABLE & patch.keys()):
        # Who may see a record is decided by whoever made it (a supervisor's override is another path).
        return _quarantine(s, principal, m, "not_owner")
    if m.base_rev is None:
        base: dict[str, Any] = {}
        after = 0
    else:
        if m.base_rev > head.rev:
            return _quarantine(s, principal, m, "unknown_base")
        base_row = s.get(Revision, (head.id, m.base_rev))
        if base_row is None:
            return _quarantine(s, principal, m, "unknown_base")
        base = dict(base_row.values)
        after = m.base_rev
    steps = [
        merge.Step(device_id=r.device_id, deleted=r.deleted, values=r.values)
        for r in s.scalars(
            select(Revision).where(Revision.record_id == head.id, Revision.rev > after).order_by(Revision.rev)
        )
    ]
    conflict_row: Conflict | None = None
    if m.resolves:
        conflict_row = s.get(Conflict, m.resolves)
        if conflict_row is None or conflict_row.record_id != head.id:
            return _quarantine(s, principal, m, "unknown_conflict")
    result = merge.three_way(base, current, steps, device_id=principal.device_id, patch=patch, deletes=m.deleted)
    if conflict_row is not None:
        result = _decision(result, conflict_row, m, base, current, patch)
    new_extra = {**(obj.extra or {}), **unknown}
    changed = result.changes_anything or new_extra != (obj.extra or {})
    rev = head.rev
    if changed:
        decoded, _ = codec.decode_values(cls, result.apply)
        for key, value in decoded.items():
            setattr(obj, key, value)
        obj.extra = new_extra
        if result.delete:
            obj.deleted = True
            obj.deleted_at = utcnow()
            obj.deleted_by = principal.user_id
        obj.edited_hlc = max(obj.edited_hlc or "", m.edited_hlc)
        obj.edited_by = principal.user_id
        obj.edited_device = principal.device_id
        rev = store(s, obj, user_id=principal.user_id, device_id=principal.device_id, mutation_id=m.mutation_id)
    conflict_ids = [
        _record_conflict(s, principal, m, head, field, base, current, patch, earlier=conflict_row)
        for field in result.conflicts
    ]
    if conflict_row is not None and conflict_row.resolved_by is None:
        carried = conflict_row.field in result.conflicts  # its values went into the new conflict
        if carried or not result.conflicts:
            conflict_row.resolved_by = m.mutation_id
    outcome: Outcome
    if conflict_ids:
        outcome = "conflict"
    elif not changed:
        outcome = "unchanged"
    elif all(step.device_id == principal.device_id for step in steps):
        outcome = "applied"  # on its base, or on this device's own earlier changes: what the device holds
    else:
        outcome = "merged"
    return MutationOutcome(
        mutation_id=m.mutation_id, record_id=m.record_id, outcome=outcome, rev=rev, conflicts=conflict_ids
    )


def _decision(
    result: merge.Merge,
    conflict: Conflict,
    m: Mutation,
    base: dict[str, Any],
    current: dict[str, Any],
    patch: dict[str, Any],
) -> merge.Merge:
    """A person's decision on ``conflict`` is an ordinary change made on the revision they saw (``base_rev``):
    merged like any other (``result``), so a later edit of the same field by someone else makes a new conflict
    instead of being overwritten. Two things more:

    - a decision never brings a deleted record back: "keep it as the office has it now" (nothing chosen to set)
      on a record deleted when the person decided closes the conflict and changes nothing;
    - once someone else decided the conflict, a decision that would change the record is a new conflict holding
      both decisions, even when the first one kept the value as it was (and so made no revision).
    """
    if not m.deleted and not patch and _deleted(current) and _deleted(base):
        return merge.Merge()
    decided_elsewhere = conflict.resolved_by is not None and conflict.resolved_by != m.mutation_id
    if decided_elsewhere and result.changes_anything:
        again = [*result.conflicts]
        again += [name for name in result.apply if name in patch and name not in again]
        if result.delete and merge.WHOLE_RECORD not in again:
            again.append(merge.WHOLE_RECORD)
        return merge.Merge(
            apply={k: v for k, v in result.apply.items() if k not in again}, conflicts=again, same=result.same
        )
    return result


def _deleted(values: dict[str, Any]) -> bool:
    return bool(values.get("deleted"))


def _record_conflict(
    s: Session,
    principal: Principal,
    m: Mutation,
    head: RecordHead,
    field: str,
    base: dict[str, Any],
    current: dict[str, Any],
    patch: dict[str, Any],
    *,
    earlier: Conflict | None = None,
) -> str:
    """Keep every value of one conflicting field. A decision that became a conflict also carries the values of the
    conflict it decided (side ``earlier``), so the next person to decide sees all of them; values that were
    someone's decision say so (``decision``), which the app shows as "decided differently"."""
    last = s.scalar(select(Revision).where(Revision.record_id == head.id).order_by(Revision.rev.desc()).limit(1))
    kept_was_decision = bool(
        last is not None
        and last.mutation_id
        and s.scalar(select(literal(True)).where(Conflict.resolved_by == last.mutation_id).limit(1))
    )
    kept: Any
    theirs: Any
    base_value: Any
    if field == merge.WHOLE_RECORD:
        kept = {"deleted": bool(current.get("deleted"))}
        theirs = {"deleted": m.deleted, "patch": patch}
        base_value = {"deleted": bool(base.get("deleted"))}
    else:
        kept, theirs, base_value = current.get(field), patch.get(field), base.get(field)
    row = Conflict(
        id=uuid7(),
        record_id=head.id,
        field=field,
        base_rev=m.base_rev,
        values=[
            {"side": "base", "value": base_value, "rev": m.base_rev},
            {
                "side": "kept",
                "value": kept,
                "rev": head.rev,
                "user_id": last.user_id if last else None,
                "device_id": last.device_id if last else None,
                "edited_hlc": current.get("edited_hlc"),
                "committed_at": last.committed_at.isoformat() if last else None,
                "decision": kept_was_decision,
            },
            {
                "side": "incoming",
                "value": theirs,
                "mutation_id": m.mutation_id,
                "user_id": principal.user_id,
                "device_id": principal.device_id,
                "edited_hlc": m.edited_hlc,
                "committed_at": utcnow().isoformat(),
                "decision": m.resolves is not None,
            },
        ],
        created_at=utcnow(),
        server_seq=sequence_for(s),
    )
    if earlier is not None and earlier.field == field:
        for value in earlier.values or []:
            same = any(
                v.get("value") == value.get("value") and v.get("user_id") == value.get("user_id") for v in row.values
            )
            if value.get("side") != "base" and not same:
                row.values.append({**value, "side": "earlier"})
    s.add(row)
    track(s, row)
    s.flush()
    return row.id


# --- pull -----------------------------------------------------------------------------------------------------


def purged_seq(s: Session) -> int:
    return int(s.scalar(select(SyncCounter.value).where(SyncCounter.name == PURGED)) or 0)


def _position_name(device_id: str) -> str:
    return f"at:{device_id}"[:40]


def _position(s: Session, device_id: str) -> int | None:
    """The sequence number of the last cursor this device confirmed (``None``: it never confirmed one)."""
    value = s.scalar(select(SyncCounter.value).where(SyncCounter.name == _position_name(device_id)))
    return None if value is None else int(value)


def _set_position(s: Session, device_id: str, seq: int) -> None:
    name = _position_name(device_id)
    row = s.get(SyncCounter, name)
    if row is not None:
        row.value = seq
        return
    try:
        with s.begin_nested():
            s.add(SyncCounter(name=name, value=seq))
    except IntegrityError:  # the same device's other request wrote it meanwhile
        s.execute(update(SyncCounter).where(SyncCounter.name == name).values(value=seq))


def possibly_held(device_id: str) -> Any:
    """The ids of every record this device may hold: what it confirmed, and what a page it never confirmed delivered
    (its confirmation may have been lost, or a crafted request came in between). Evictions and the exposure report
    count both; only a confirmed delivery ever spares the device a record."""
    return union(
        select(Delivery.record_id).where(Delivery.device_id == device_id),
        select(DeliveryPending.record_id).where(
            DeliveryPending.device_id == device_id, DeliveryPending.rev.is_not(None)
        ),
    )


def _hold(s: Session, device_id: str, revs: dict[str, int]) -> None:
    """Record that the device holds these records at (at least) these revisions."""
    if not revs:
        return
    existing: dict[str, int] = {}
    for chunk in _chunks(list(revs), 500):
        found = select(Delivery.record_id, Delivery.rev).where(
            Delivery.device_id == device_id, Delivery.record_id.in_(chunk)
        )
        existing.update({record_id: rev for record_id, rev in s.execute(found)})
    now = utcnow()
    fresh = [
        {"device_id": device_id, "record_id": record_id, "rev": rev, "delivered_at": now}
        for record_id, rev in revs.items()
        if record_id not in existing
    ]
    # a later revision, pushed by the device itself, is never undone
    later = [
        {"d": device_id, "r": record_id, "rev": rev, "at": now}
        for record_id, rev in revs.items()
        if record_id in existing and existing[record_id] < rev
    ]
    s.flush()  # rows added through the session before this go first, as they would have with the adds
    if fresh:
        s.execute(insert(_DELIVERY), fresh)
    if later:
        table = _DELIVERY
        s.execute(
            update(table)
            .where(table.c.device_id == bindparam("d"), table.c.record_id == bindparam("r"))
            .values(rev=bindparam("rev"), delivered_at=bindparam("at")),
            later,
        )


def hold_pushed(s: Session, principal: Principal, results: list[MutationOutcome]) -> None:
    """What a device pushed and the office applied unchanged is held on that device at the new revision: pull does
    not send it back (no echo), and eviction and the exposure report count it. A merged or conflicting change is
    not held as the office has it, so it comes back."""
    revs: dict[str, int] = {}
    for result in results:
        if result.outcome == "applied" and result.rev is not None:
            revs[result.record_id] = max(result.rev, revs.get(result.record_id, 0))
    _hold(s, principal.device_id, revs)
    s.flush()


def finalize(s: Session, device_id: str, cursor: Cursor) -> None:
    """The device committed the page of ``cursor``: what it delivered is now held there, what it evicted is gone.

    What other pages delivered stays pending, counted as possibly held, until a page the device confirms delivers or
    evicts the same record: a fresh copy asked for, or an older cursor replayed, never makes the office forget what
    the device may hold. Pending evictions of earlier pages go (the delivery they would end is still known, so they
    are worked out again).
    """
    page = cursor.page
    rows = s.execute(
        select(_PENDING.c.record_id, _PENDING.c.rev).where(
            _PENDING.c.device_id == device_id, _PENDING.c.page_id == page
        )
    ).all()
    gone = [r.record_id for r in rows if r.rev is None]
    for chunk in _chunks(gone, 500):
        s.execute(delete(Delivery).where(Delivery.device_id == device_id, Delivery.record_id.in_(chunk)))
    _hold(s, device_id, {r.record_id: r.rev for r in rows if r.rev is not None})
    mine = DeliveryPending.device_id == device_id
    s.execute(delete(DeliveryPending).where(mine, DeliveryPending.page_id == page))
    for chunk in _chunks([r.record_id for r in rows], 500):
        s.execute(
            delete(DeliveryPending).where(mine, DeliveryPending.page_id < page, DeliveryPending.record_id.in_(chunk))
        )
    s.execute(delete(DeliveryPending).where(mine, DeliveryPending.page_id < page, DeliveryPending.rev.is_(None)))
    _set_position(s, device_id, cursor.seq)
    s.flush()


def pull(s: Session, principal: Principal, body: PullIn, *, epoch: str, secret_key: str) -> PullOut:
    device = principal.device_id
    tag = principal_tag(principal)
    if body.cursor is not None and not body.cursor:
        raise EMPTY_CURSOR
    ceiling = db.current_seq(s)
    if body.cursor:
        cursor: Cursor | None = read_cursor(secret_key, body.cursor, device)
        assert cursor is not None
        if cursor.epoch != epoch or cursor.seq < purged_seq(s):
            raise REBASELINE
        confirmed = _position(s, device)
        went_back = confirmed is not None and cursor.seq < confirmed
        finalize(s, device, cursor)
        since, baseline, full_check = cursor.seq, cursor.baseline, cursor.principal != tag
        copy_to = ceiling if went_back else cursor.copy_to
    else:
        # A fresh copy: everything the device may see comes, and everything it may hold but no longer see is evicted.
        # What it was delivered before is not forgotten: only a confirmed eviction ends a delivery. A device that
        # confirmed a pull before (a server or vault restored from a backup, a cursor too old) gets every record
        # whole; on its very first pull it holds only what it pushed, and that is not sent back.
        s.execute(delete(DeliveryPending).where(DeliveryPending.device_id == device, DeliveryPending.rev.is_(None)))
        cursor = None
        since, baseline, full_check = 0, True, False
        copy_to = 0 if _position(s, device) is None else ceiling
    visible = visible_to(principal, RecordHead)
    held_rev = (
        select(Delivery.rev).where(Delivery.device_id == device, Delivery.record_id == RecordHead.id).scalar_subquery()
    )
    rows = s.execute(
        select(RecordHead, visible if principal.reads_content else false(), held_rev)
        .where(
            RecordHead.server_seq > since,
            RecordHead.server_seq <= ceiling,
            or_(visible, RecordHead.id.in_(possibly_held(device))),
        )
        .order_by(RecordHead.server_seq)
        .limit(body.limit)
    ).all()
    full = len(rows) == body.limit
    send: dict[str, RecordHead] = {}
    stamp: dict[str, RecordHead] = {}
    evict: set[str] = set()
    for head, may_see, rev_held in rows:
        if not may_see:
            evict.add(head.id)
        elif rev_held == head.rev and head.server_seq > copy_to:
            stamp[head.id] = head  # the device sent this very revision: no echo
        else:
            send[head.id] = head
    next_seq_value = rows[-1][0].server_seq if full else ceiling
    more = full
    if not full:
        room = max(0, body.limit - len(send))
        more = _reconcile(s, principal, since, send, evict, room, full_check)
    for record_id in body.refresh:
        if record_id in send or record_id in evict:
            continue
        if record_id in stamp:  # the device asks for the office's version: it comes whole
            send[record_id] = stamp.pop(record_id)
            continue
        found = s.scalar(select(RecordHead).where(RecordHead.id == record_id, visible))
        if found is not None:
            send[found.id] = found
        else:
            evict.add(record_id)
    _closure(s, principal, send)
    records = _load(s, send)
    scanned = {head.id for head, may_see, _rev in rows if may_see}
    records, cut = _fit(records, scanned)
    if cut is not None:  # the page was over its byte size: the rest of the scan comes on the next page
        more = True
        next_seq_value = cut
        stamp = {k: h for k, h in stamp.items() if h.server_seq <= cut}
    page = uuid7()
    pending = [{"device_id": device, "page_id": page, "record_id": rec.values["id"], "rev": rec.rev} for rec in records]
    pending += [{"device_id": device, "page_id": page, "record_id": record_id, "rev": None} for record_id in evict]
    s.flush()
    if pending:
        s.execute(insert(_PENDING), pending)
    manifest: list[str] | None = None
    if baseline and not more:
        held_ids = set(s.scalars(select(Delivery.record_id).where(Delivery.device_id == device)))
        manifest = sorted((held_ids | {rec.values["id"] for rec in records}) - evict)
    next_cursor = Cursor(
        epoch=epoch,
        seq=next_seq_value,
        device=device,
        page=page,
        baseline=baseline and more,
        # A full check that did not fit in this page goes on in the next: the cursor keeps the old principal.
        principal=cursor.principal if full_check and more and cursor is not None else tag,
        copy_to=copy_to if copy_to > next_seq_value else 0,
    )
    admin.audit(
        s,
        "records_served",
        "allowed",
        user_id=principal.user_id,
        device_id=device,
        team_id=principal.team_id,
        detail={"ids": [rec.values["id"] for rec in records], "evicted": sorted(evict), "seq": next_seq_value},
    )
    return PullOut(
        records=records,
        stamps=_stamps(s, stamp),
        evict=sorted(evict),
        cursor=make_cursor(secret_key, next_cursor),
        more=more,
        manifest=manifest,
    )


def _stamps(s: Session, heads: dict[str, RecordHead]) -> list[Stamp]:
    """The times the office stamped on records the device already holds (its clock, not the device's)."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for head in heads.values():
        by_type[head.type].append(head.id)
    out: list[Stamp] = []
    for type_name, ids in by_type.items():
        cls = RECORD_TYPES.get(type_name)
        if cls is None:
            continue
        for chunk in _chunks(ids, 500):
            for record_id, created_at, deleted_at in s.execute(
                select(cls.id, cls.created_at, cls.deleted_at).where(cls.id.in_(chunk))
            ):
                out.append(
                    Stamp(
                        type=type_name,
                        id=record_id,
                        rev=heads[record_id].rev,
                        created_at=to_json(created_at),
                        deleted_at=to_json(deleted_at),
                    )
                )
    return out


def _reconcile(
    s: Session,
    principal: Principal,
    since: int,
    send: dict[str, RecordHead],
    evict: set[str],
    room: int,
    full_check: bool,
) -> bool:
    """Evict what the device may hold but may no longer see; send what it may now see below its cursor.

    Access changes without a new revision only through consents and grants (withdrawn, expired, deleted) or a change
    of the person's team or role; so, unless the principal changed, only disclosures and granted records are checked.
    """
    device = principal.device_id
    visible = visible_to(principal, RecordHead)
    held_q = select(RecordHead.id).where(RecordHead.id.in_(possibly_held(device)), ~visible)
    if not full_check:
        held_q = held_q.where(RecordHead.type == "disclosure")
    evict.update(rid for rid in s.scalars(held_q) if rid not in send)
    if not principal.reads_content:
        return False
    not_held = ~exists(
        select(Delivery.record_id).where(Delivery.device_id == device, Delivery.record_id == RecordHead.id)
    )
    new_q = select(RecordHead).where(RecordHead.server_seq <= since, visible, not_held)
    if not full_check:
        new_q = new_q.where(
            exists(
                select(ShareGrant.record_id).where(
                    ShareGrant.record_id == RecordHead.id, ShareGrant.recipient_team_id == principal.team_id
                )
            )
        )
    found = s.scalars(new_q.order_by(RecordHead.server_seq).limit(room + 1)).all()
    for head in found[:room]:
        send.setdefault(head.id, head)
    return len(found) > room


def _fit(records: list[PulledRecord], scanned: set[str]) -> tuple[list[PulledRecord], int | None]:
    """Keep a page within about :data:`MAX_PAGE_BYTES` by leaving out the scan's highest-numbered records (never
    the first, so a page always moves on; never a record a kept one points at or one the device asked for again).
    Returns the page and, when something was left out, the sequence number the next page goes on from."""
    dumps = functools.partial(json.dumps, default=str, separators=(",", ":"))
    if len(dumps([r.values for r in records])) + 120 * len(records) <= MAX_PAGE_BYTES:
        return records, None  # the usual page: one pass to size it, not one per record
    sizes = [len(dumps(r.values)) + 120 for r in records]
    total = sum(sizes)
    pointed_at = {
        r.values.get(column) for r in records if r.type in RECORD_TYPES for column in _ref_columns(RECORD_TYPES[r.type])
    }
    order = sorted(
        (i for i, r in enumerate(records) if r.values["id"] in scanned and r.values["id"] not in pointed_at),
        key=lambda i: records[i].server_seq,
    )
    dropped: set[int] = set()
    while total > MAX_PAGE_BYTES and len(order) > 1:
        i = order.pop()
        dropped.add(i)
        total -= sizes[i]
    if not dropped:
        return records, None
    return [r for i, r in enumerate(records) if i not in dropped], records[order[-1]].server_seq


def _ref_columns(cls: type[Envelope]) -> list[str]:
    table = cls.__table__  # type: ignore[attr-defined]
    return [fk.parent.key for fk in table.foreign_keys if fk.column.table.name in RECORD_TABLES]


def _closure(s: Session, principal: Principal, send: dict[str, RecordHead]) -> None:
    """Add the records a page's records point at (person, plan, case...) that the device may see but does not hold,
    so the device can store every record with its links intact."""
    checked: set[str] = set()
    for _ in range(CLOSURE_ROUNDS):
        wanted: set[str] = set()
        by_type: dict[str, list[str]] = defaultdict(list)
        for head in send.values():
            if head.id not in checked:
                by_type[head.type].append(head.id)
                checked.add(head.id)
        for type_name, ids in by_type.items():
            cls = RECORD_TYPES.get(type_name)
            if cls is None:
                continue
            cols = _ref_columns(cls)
            if not cols:
                continue
            for row in s.execute(select(*[getattr(cls, c) for c in cols]).where(cls.id.in_(ids))):
                wanted.update(v for v in row if v)
        wanted -= set(send)
        if not wanted:
            return
        held = set(
            s.scalars(
                select(Delivery.record_id).where(
                    Delivery.device_id == principal.device_id, Delivery.record_id.in_(list(wanted))
                )
            )
        )
        wanted -= held
        if not wanted:
            return
        for head in s.scalars(
            select(RecordHead).where(RecordHead.id.in_(list(wanted)), visible_to(principal, RecordHead))
        ):
            send[head.id] = head


def _load(s: Session, heads: dict[str, RecordHead]) -> list[PulledRecord]:
    by_type: dict[str, list[str]] = defaultdict(list)
    for head in heads.values():
        by_type[head.type].append(head.id)
    out: list[PulledRecord] = []
    for type_name, ids in by_type.items():
        cls = RECORD_TYPES.get(type_name)
        if cls is None:
            continue
        columns = json_columns(cls)
        table = cls.__table__  # type: ignore[attr-defined]
        for chunk in _chunks(ids, 500):
            # the columns as rows, not objects: a page is read, never changed, and building 200 objects to read
            # them back was most of a page's time
            for row in s.execute(select(*(c for _k, c, _f in columns)).where(table.c.id.in_(chunk))):
                values = {key: (value if convert is None or value is None else convert(value))
                          for (key, _c, convert), value in zip(columns, row, strict=True)}  # fmt: skip
                head = heads[values["id"]]
                out.append(
                    PulledRecord(
                        type=type_name,
                        rev=head.rev,
                        server_seq=head.server_seq,
                        deleted=head.deleted,
                        values=values,
                    )
                )
    out.sort(key=lambda r: r.server_seq)
    return out


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


# --- done and tombstones --------------------------------------------------------------------------------------


def done(s: Session, principal: Principal, token: str, *, secret_key: str) -> None:
    cursor = read_cursor(secret_key, token, principal.device_id)
    finalize(s, principal.device_id, cursor)
    admin.audit(s, "sync_done", "allowed", user_id=principal.user_id, device_id=principal.device_id)


def purge_tombstones(s: Session, *, before: dt.datetime | None = None) -> int:
    """Forget tombstones older than 18 months (records nothing points at); cursors from before must re-baseline."""
    cutoff = before or utcnow() - dt.timedelta(days=TOMBSTONE_DAYS)
    heads = s.scalars(
        select(RecordHead)
        .where(RecordHead.deleted.is_(True), RecordHead.deleted_at < cutoff)
        .order_by(RecordHead.server_seq.desc())
    ).all()
    purged = 0
    highest = purged_seq(s)
    for head in heads:
        cls = RECORD_TYPES.get(head.type)
        if cls is None or _referenced(s, cls, head.id):
            continue
        obj = s.get(cls, head.id)
        if obj is not None:
            s.delete(obj)
        s.execute(delete(Revision).where(Revision.record_id == head.id))
        s.execute(delete(Delivery).where(Delivery.record_id == head.id))
        highest = max(highest, head.server_seq)
        s.delete(head)
        s.flush()
        purged += 1
    if purged:
        row = s.get(SyncCounter, PURGED)
        if row is None:
            s.add(SyncCounter(name=PURGED, value=highest))
        else:
            row.value = max(row.value, highest)
        admin.audit(s, "tombstones_purged", "allowed", actor=admin.CONSOLE, detail={"count": purged})
    return purged


def _referenced(s: Session, cls: type[Envelope], record_id: str) -> bool:
    table = cls.__table__  # type: ignore[attr-defined]
    for other in Base.metadata.sorted_tables:
        if other.name not in RECORD_TABLES:
            continue
        for fk in other.foreign_keys:
            if fk.column.table is table and other is not table:
                found = s.execute(select(literal(1)).select_from(other).where(fk.parent == record_id).limit(1))
                if found.first() is not None:
                    return True
    return False
