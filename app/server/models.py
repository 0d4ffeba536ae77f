"""The office server's own tables, beside the record tables it shares with the desktop app (DESIGN.md 3-5).

The record types themselves (``person``, ``consent``, ``disclosure``...) are the models of :mod:`app.models`,
created on the server by its own migrations. The vault-only tables (outbox, local audit trail, drafts...) never
exist here. What the server adds:

- the office, its teams (each in one compartment), user accounts with roles, devices and one-time enrolment codes;
- the append-only server audit log (ids, counts and reason codes only: never content, never a person's name);
- access: ``consent_term`` (the live window of each consent record) and ``share_grant`` (a disclosure record made
  visible to one recipient team under one consent), which the ``visible_to`` predicate joins;
- the protocol's storage: ``record_head`` (one row per record of every type with its envelope, ``rev`` and
  ``server_seq``, so pull and reconciliation scan one indexed table), ``revision`` (each revision's full values,
  the base of three-way merges), ``mutation_result`` (idempotent ``mutation_id`` replies), ``conflict``,
  ``quarantine``, ``sync_counter`` (``server_seq`` assigned under a lock) and ``request_nonce`` (replay protection).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models import RECORD_TYPES
from app.models.base import NAMING_CONVENTION, UTCDateTime, utcnow, uuid7

__all__ = [
    "RECORD_TABLES",
    "AuditEntry",
    "Compartment",
    "Conflict",
    "ConsentTerm",
    "Delivery",
    "DeliveryPending",
    "Device",
    "DeviceStatus",
    "EnrolmentCode",
    "MutationResult",
    "Office",
    "Quarantine",
    "RecordHead",
    "RefusalCount",
    "RequestNonce",
    "Revision",
    "Role",
    "ServerBase",
    "ShareGrant",
    "SyncCounter",
    "Team",
    "UserAccount",
]

#: Names of the shared record tables the server holds (the vault-only tables are left out).
RECORD_TABLES = frozenset(cls.__tablename__ for cls in RECORD_TYPES.values())  # type: ignore[attr-defined]


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Compartment(enum.StrEnum):
    ADVOCACY = "advocacy"
    PROSECUTION = "prosecution"
    ADMINISTRATION = "administration"


class Role(enum.StrEnum):
    """DESIGN.md section 4. Each role belongs in one compartment (:data:`ROLE_COMPARTMENT`)."""

    ADVOCATE = "advocate"
    ADVOCATE_SUPERVISOR = "advocate_supervisor"
    PROSECUTOR = "prosecutor"
    PARALEGAL = "paralegal"
    PROSECUTION_SUPERVISOR = "prosecution_supervisor"
    ANALYST = "analyst"
    OFFICE_ADMIN = "office_admin"


ROLE_COMPARTMENT: dict[Role, frozenset[Compartment]] = {
    Role.ADVOCATE: frozenset({Compartment.ADVOCACY}),
    Role.ADVOCATE_SUPERVISOR: frozenset({Compartment.ADVOCACY}),
    Role.PROSECUTOR: frozenset({Compartment.PROSECUTION}),
    Role.PARALEGAL: frozenset({Compartment.PROSECUTION}),
    Role.PROSECUTION_SUPERVISOR: frozenset({Compartment.PROSECUTION}),
    # Aggregates only: an analyst may sit in any team, and reads no content wherever they sit.
    Role.ANALYST: frozenset(Compartment),
    Role.OFFICE_ADMIN: frozenset({Compartment.ADMINISTRATION}),
}


class DeviceStatus(enum.StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"


# --- the office, its people and their devices -----------------------------------------------------------------


class Office(ServerBase):
    """The one office this server serves. Its recovery *public* key only: the private half is printed, never kept."""

    __tablename__ = "office"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    #: Changes only when the server's history is re-baselined; a cursor from another epoch starts over.
    epoch: Mapped[str] = mapped_column(String(36), nullable=False, default=uuid7)
    #: X25519 public key (hex) that seals each vault's data key for office recovery.
    recovery_public_key: Mapped[str] = mapped_column(String(64), nullable=False)
    #: SHA-256 of the office CA's public key (SubjectPublicKeyInfo, DER), hex.
    ca_fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    #: Random key (hex) for HMACs the server makes: enrolment code hashes, cursors, session tokens.
    secret_key: Mapped[str] = mapped_column(String(64), nullable=False)
    #: The office policy (:class:`app.protocol.office_policy.OfficePolicy` as JSON): sent to every device at hello.
    #: Kept here, not in a host's config.json, so every server process sharing this database counts the same day.
    policy: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict, server_default="{}")


class Team(ServerBase):
    __tablename__ = "team"
    __table_args__ = (UniqueConstraint("office_id", "name", name="uq_team_office_id_name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    office_id: Mapped[str] = mapped_column(String(36), ForeignKey("office.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    compartment: Mapped[str] = mapped_column(String(20), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class UserAccount(ServerBase):
    """A member of staff. ``username`` is the short handle admins type; ``display_name`` is shown to colleagues."""

    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("office_id", "username", name="uq_user_account_office_id_username"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    office_id: Mapped[str] = mapped_column(String(36), ForeignKey("office.id"), nullable=False, index=True)
    team_id: Mapped[str] = mapped_column(String(36), ForeignKey("team.id"), nullable=False, index=True)
    username: Mapped[str] = mapped_column(String(80), nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(40), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class Device(ServerBase):
    """An enrolled laptop: its Ed25519 public key, who enrolled it and when, and whether it is still trusted."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("user_account.id"), nullable=False, index=True)
    #: Raw Ed25519 public key, hex (64 characters).
    public_key: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=DeviceStatus.ACTIVE.value)
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    #: Who issued the code this device enrolled with ("console" for the admin command on the server).
    enrolled_by: Mapped[str] = mapped_column(String(80), nullable=False)
    enrolment_code_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class EnrolmentCode(ServerBase):
    """A single-use code, stored only as an HMAC of its normalised text; valid 15 minutes."""

    __tablename__ = "enrolment_code"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("user_account.id"), nullable=False, index=True)
    code_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    issued_by: Mapped[str] = mapped_column(String(80), nullable=False)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class AuditEntry(ServerBase):
    """One server event. Append-only: the migration adds triggers that stop UPDATE and DELETE on both databases.

    ``detail`` holds ids, counts and reason codes only: never a value a person typed, never a name.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    action: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    #: "allowed" or "blocked".
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(80), nullable=True)
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    team_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    record_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    remote: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)


class RefusalCount(ServerBase):
    """How many times one refusal met one source in one five-minute window.

    A flood of bad signatures or enrolment tries is counted here, not written row by row into the audit log: the
    log gets one row per action, reason and source in a window, and one more at each tenfold count (1, 10, 100...).
    Enrolment's rate limit reads the same counts. It lives in the database so that several server processes on one
    PostgreSQL share it. ``source`` is a remote address, a device id or an enrolment code's id, never what was sent.
    """

    __tablename__ = "refusal_count"

    action: Mapped[str] = mapped_column(String(40), primary_key=True)
    reason: Mapped[str] = mapped_column(String(40), primary_key=True)
    source: Mapped[str] = mapped_column(String(80), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(UTCDateTime(), primary_key=True, index=True)
    count: Mapped[int] = mapped_column(Integer(), nullable=False, default=0)
    last_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class RequestNonce(ServerBase):
    """A signed request's nonce, kept for the replay window so the same request is never accepted twice."""

    __tablename__ = "request_nonce"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, index=True)


# --- access: consents and grants ----------------------------------------------------------------------------


class ConsentTerm(ServerBase):
    """The live window of one ``consent`` record, kept in step with it by the server's write path.

    A grant under this consent is live while ``starts_on <= today <= expires_on``, it is not withdrawn
    (``revoked_on``) and the consent record is not deleted.
    """

    __tablename__ = "consent_term"

    consent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date(), nullable=False)
    expires_on: Mapped[dt.date] = mapped_column(Date(), nullable=False)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date(), nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ShareGrant(ServerBase):
    """One disclosure record made visible to one recipient team, under one consent (DESIGN.md section 4)."""

    __tablename__ = "share_grant"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    consent_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    recipient_team_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    granted_by: Mapped[str] = mapped_column(String(36), nullable=False)
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


# --- the protocol's storage ---------------------------------------------------------------------------------


class RecordHead(ServerBase):
    """One row per record of any type: its envelope as the access predicate needs it, ``rev`` and ``server_seq``.

    Pull scans this table by ``server_seq`` under ``visible_to``; the content lives in the record's own table.
    """

    __tablename__ = "record_head"
    __table_args__ = (Index("ix_record_head_team_id_server_seq", "team_id", "server_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    schema_version: Mapped[int] = mapped_column(Integer(), nullable=False, default=1)
    person_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    owner_user_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    team_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    regime: Mapped[str] = mapped_column(String(20), nullable=False)
    visibility: Mapped[str] = mapped_column(String(32), nullable=False)
    privileged: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    consent_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    rev: Mapped[int] = mapped_column(Integer(), nullable=False)
    server_seq: Mapped[int] = mapped_column(BigInteger(), nullable=False, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class Revision(ServerBase):
    """Every revision of every record, with all its values then (the base of a three-way merge)."""

    __tablename__ = "revision"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer(), primary_key=True)
    server_seq: Mapped[int] = mapped_column(BigInteger(), nullable=False, index=True)
    mutation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    user_id: Mapped[str] = mapped_column(String(36), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    committed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    values: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)


class MutationResult(ServerBase):
    """The stored reply to one ``mutation_id``: a resent mutation gets this back and changes nothing."""

    __tablename__ = "mutation_result"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False)
    #: applied | merged | conflict | quarantined
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    rev: Mapped[int | None] = mapped_column(Integer(), nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)
    committed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class Conflict(ServerBase):
    """Two different new values for one field (or a delete against an edit), kept with every value until resolved."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    #: The field in conflict, or "" for delete-versus-edit.
    field: Mapped[str] = mapped_column(String(80), nullable=False)
    base_rev: Mapped[int | None] = mapped_column(Integer(), nullable=True)
    #: [{"value": ..., "user_id", "device_id", "edited_hlc", "rev"}, ...]
    values: Mapped[list[dict[str, Any]]] = mapped_column(JSON(), nullable=False, default=list)
    resolved_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    server_seq: Mapped[int] = mapped_column(BigInteger(), nullable=False, index=True)


class Quarantine(ServerBase):
    """A mutation the server could not apply (not allowed, unknown type, bad value), kept whole: nothing vanishes."""

    __tablename__ = "quarantine"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    mutation_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    user_id: Mapped[str] = mapped_column(String(36), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False)
    reason: Mapped[str] = mapped_column(String(40), nullable=False)
    mutation: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class SyncCounter(ServerBase):
    """Named counters; ``server_seq`` is taken under a lock so that sequence order is commit order."""

    __tablename__ = "sync_counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger(), nullable=False, default=0)


class Delivery(ServerBase):
    """A record a device holds, at which revision: what reconciliation compares against and what an exposure
    report of a revoked device reads. Written when the device confirms a pull page (its next cursor or ``done``) and
    when the office applies a device's push unchanged; removed only when the device confirms an eviction."""

    __tablename__ = "delivery"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer(), nullable=False)
    delivered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class DeliveryPending(ServerBase):
    """What one served pull page delivered (``rev``) or evicted (``rev`` is null), until the device confirms it."""

    __tablename__ = "delivery_pending"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    page_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int | None] = mapped_column(Integer(), nullable=True)
