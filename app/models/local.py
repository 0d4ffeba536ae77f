"""Device-local tables: never synced as records, never sent to the office server as rows.

- :class:`OutboxEntry` holds local mutations waiting to be pushed (DESIGN.md section 3).
- :class:`AuditEvent` records who did what to which record, with field *names* only: never a name, a note or
  any other value a person typed.
- :class:`VaultMeta` holds a few key/value facts about this vault (its id, the local user, the device, the
  last HLC).
- :class:`ReceivedShareLink` holds, on a prosecution vault, which of its people a share received from an advocate is
  about, and, once the share is withdrawn, when (never what it said).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow, uuid7

__all__ = ["AuditAction", "AuditEvent", "MetaKey", "OutboxEntry", "ReceivedShareLink", "VaultMeta"]


class OutboxEntry(Base):
    """One local mutation waiting to be pushed.

    Once ``batch_id`` is assigned the entry belongs to that batch for good, and the batch is resent with the
    same bytes on every retry (the server answers a known ``mutation_id`` with its stored result).
    """

    __tablename__ = "outbox"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    record_type: Mapped[str] = mapped_column(String(40), nullable=False)
    #: The person the record belongs to, so "has unsynced changes" is one indexed lookup (no FK: kept on eviction).
    person_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    #: The record type's schema version the patch was written against (sent with each mutation).
    schema_version: Mapped[int] = mapped_column(Integer(), nullable=False, default=1)
    base_rev: Mapped[int | None] = mapped_column(Integer(), nullable=True)
    #: Only the changed fields, attribute name -> new value.
    patch: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    #: The id of the conflict this mutation resolves, when it is a merge decision.
    resolves: Mapped[str | None] = mapped_column(String(36), nullable=True)
    edited_hlc: Mapped[str] = mapped_column(String(40), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    batch_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuditAction(enum.StrEnum):
    """Known audit actions. The column is plain text so a newer version can add actions."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    UNLOCK = "unlock"
    LOCK = "lock"
    EXPORT = "export"
    BACKUP = "backup"
    RESTORE = "restore"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 - an action name, not a secret
    RECOVERED = "recovered"
    DEMO_GENERATED = "demo_generated"
    DISCLOSURE_ALLOWED = "disclosure_allowed"
    DISCLOSURE_BLOCKED = "disclosure_blocked"
    RECEIVED_SHARE_LINKED = "received_share_linked"


class AuditEvent(Base):
    """Who did what, when, to which record. Ids and field names only: never a name or any typed text."""

    __tablename__ = "audit_event"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    hlc: Mapped[str] = mapped_column(String(40), nullable=False)
    user_id: Mapped[str] = mapped_column(String(36), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    record_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    # No foreign key: the audit trail outlives records evicted from this device.
    person_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    #: Names of the fields changed, never their values.
    fields: Mapped[list[str]] = mapped_column(JSON(), nullable=False, default=list)


class MetaKey(enum.StrEnum):
    """Keys of :class:`VaultMeta`."""

    VAULT_ID = "vault_id"
    LOCAL_USER_ID = "local_user_id"
    DEVICE_ID = "device_id"
    LAST_HLC = "last_hlc"


class VaultMeta(Base):
    """Key/value facts about this vault."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text(), nullable=False)


class Draft(Base):
    """Unsaved typing kept through a lock: form contents, encrypted in the vault like everything else."""

    __tablename__ = "draft"

    slot: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class TemplateVersion(Base):
    """A checklist or screening template version an office imported, kept as the exact text it was given.

    Versions are never edited in place once a response uses them: an edited template is a new version, and old
    responses always render with the version they were made with.
    """

    __tablename__ = "template_version"

    template_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(Text(), nullable=False)
    source_text: Mapped[str] = mapped_column(Text(), nullable=False)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ReceivedShareLink(Base):
    """On a prosecution vault: which of this vault's people a share received from an advocate is about.

    A received share is the advocate's ``disclosure`` record; its ``person_id`` is the advocacy vault's person,
    whom a prosecution vault does not hold. The prosecutor says which of their own people it is about, and that
    reading is kept here, beside the share rather than in it.

    Why this is local, not a synced record: the link exists only while this computer holds the share, and it
    carries nothing the office does not already know (the share is the advocate's record, granted under the
    person's release). A synced link would be a prosecution record pointing at an advocacy record by id, which
    would outlive the release on the office server and on every prosecution computer: a standing trace, under the
    prosecution's own regime, that this person's advocate shared with the office, after the person withdrew
    their consent to that share. Kept here, it is one prosecutor's reading on one computer, and a colleague who
    receives the same share links it on theirs.

    When the share leaves this computer (its release lapsed or was withdrawn), the sync client sets
    ``withdrawn_at`` and the row keeps only what the page needs to say so: when it was shared, until when,
    the kinds of information (``kinds``: "Name", "Court dates"), never the facts themselves.
    """

    __tablename__ = "received_share_link"

    #: The advocate's disclosure record (no foreign key: it is evicted when the release lapses; this row stays).
    disclosure_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: This vault's person the share is about (no foreign key, like the audit trail's).
    person_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    linked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    #: The local user who said whom it is about.
    linked_by: Mapped[str] = mapped_column(String(36), nullable=False)
    #: The kinds of information shared, in order ("Name", "Court dates"): never the values.
    kinds: Mapped[list[str]] = mapped_column(JSON(), nullable=False, default=list)
    shared_on: Mapped[dt.date | None] = mapped_column(Date(), nullable=True)
    #: The last day of the release the share was made under, as this computer knew it when linking.
    until: Mapped[dt.date | None] = mapped_column(Date(), nullable=True)
    #: The office's day the share left this computer; None while it is here.
    withdrawn_at: Mapped[dt.date | None] = mapped_column(Date(), nullable=True)
