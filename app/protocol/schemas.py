"""The sync protocol's bodies (DESIGN.md section 3), shared by the client session and the office server.

Limits are part of the schema, so a malformed or oversized body is refused before any work: at most
:data:`MAX_MUTATIONS` mutations or :data:`MAX_BATCH_BYTES` in a push; a pull page holds at most
:data:`MAX_PAGE_RECORDS` records or about :data:`MAX_PAGE_BYTES`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL = 1
MAX_MUTATIONS = 100
MAX_BATCH_BYTES = 1024 * 1024
#: DESIGN.md section 3 said 200; a page's fixed cost (a signed request, a transaction on each side, a commit on the
#: laptop's disk) then made most of a first sync's time (issue 20). The byte limit still bounds a page's memory.
MAX_PAGE_RECORDS = 1000
MAX_PAGE_BYTES = 2 * 1024 * 1024
MAX_REFRESH = 1000

Id = Annotated[str, Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z-]+$")]
Outcome = Literal["applied", "merged", "conflict", "quarantined", "unchanged"]


class Mutation(BaseModel):
    """One local change: only the changed fields (``patch``), the revision it was made on, and who/when."""

    model_config = ConfigDict(extra="forbid")
    mutation_id: Id
    record_id: Id
    type: str = Field(min_length=1, max_length=40)
    schema_version: int = Field(ge=0, le=1_000_000)
    base_rev: int | None = Field(default=None, ge=0)
    #: The person the record belongs to; read only when the record is new (an envelope field, not in ``patch``).
    person_id: Id | None = None
    patch: dict[Annotated[str, Field(max_length=80)], Any] = Field(default_factory=dict, max_length=400)
    deleted: bool = False
    resolves: Id | None = None
    edited_hlc: str = Field(min_length=1, max_length=40)


class PushIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    batch_id: Id
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_MUTATIONS)


class MutationOutcome(BaseModel):
    mutation_id: str
    record_id: str
    outcome: Outcome
    rev: int | None = None
    #: Conflict ids this mutation produced (kept on the server with every value).
    conflicts: list[str] = Field(default_factory=list)
    #: Why a mutation was quarantined (a stable code, never a value).
    reason: str | None = None


class PushOut(BaseModel):
    batch_id: str
    results: list[MutationOutcome]


class PullIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: The opaque cursor of the last page committed on the device; none for a first (or re-baselining) pull.
    cursor: str | None = Field(default=None, max_length=600)
    #: Records whose push did not simply apply: the server sends its current version (or an eviction).
    refresh: list[Id] = Field(default_factory=list, max_length=MAX_REFRESH)
    limit: int = Field(default=MAX_PAGE_RECORDS, ge=1, le=MAX_PAGE_RECORDS)


class PulledRecord(BaseModel):
    type: str
    rev: int
    server_seq: int
    deleted: bool
    values: dict[str, Any]


class Stamp(BaseModel):
    """A record this device sent and the office applied unchanged: it is not sent back (the device holds it), only
    the times the office stamped on it with its own clock, so every copy of the record agrees."""

    type: str
    id: str
    rev: int
    created_at: str | None = None
    deleted_at: str | None = None


class PullOut(BaseModel):
    records: list[PulledRecord]
    #: Records of this page the device already holds at this revision (it sent them): only the office's stamps.
    stamps: list[Stamp] = Field(default_factory=list)
    #: Record ids this device may no longer hold: delete them here (the office keeps them).
    evict: list[str]
    cursor: str
    more: bool
    #: On the last page of a baseline pull: every record id the device may hold. Anything else synced goes.
    manifest: list[str] | None = None


class DoneIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cursor: str = Field(max_length=600)


class DoneOut(BaseModel):
    ok: bool
