"""The declarative base, the record envelope every synced record carries, and column helpers.

Every synced record type mixes in :class:`Envelope` (DESIGN.md section 3). Enumerated values are stored as
plain strings with their allowed values in ``Column.info["choices"]``: validation happens in ``app.core`` for
local edits, and the database never refuses a value a newer client or the server sent (an old client must keep
what it does not know, not crash on it).
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import time
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def uuid7() -> str:
    """A UUIDv7 (RFC 9562) as text: 48 bits of Unix milliseconds, then randomness. Made on the device."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC timestamp on every backend (SQLite forgets the zone; this puts it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


# --- column helpers -----------------------------------------------------------------------------------------
# ``info`` keys: label (human name used in messages),
# kind (text|choice|ref|date|datetime|bool|int|list|json|blob), choices (allowed values),
# required (must be given on create).


def N_(message: str) -> str:
    """Mark a column's label for the core's message catalogue (``make translations-core`` extracts ``N_``); it stays
    English here and is translated where a sentence shows it (app.core.i18n, which the models do not import)."""
    return message


def text(label: str, *, length: int | None = None, required: bool = False, long: bool = False) -> Any:
    """Free text typed by a person. ``long`` text belongs in note entries, except short summaries."""
    col_type = Text() if (long or length is None) else String(length)
    return mapped_column(
        col_type,
        nullable=not required,
        info={"label": label, "kind": "text", "required": required, "max_length": length},
    )


def choice(label: str, choices: type[enum.Enum], *, required: bool = False, default: enum.Enum | None = None) -> Any:
    values = tuple(str(m.value) for m in choices)
    return mapped_column(
        String(40),
        nullable=not required and default is None,
        default=None if default is None else str(default.value),
        info={"label": label, "kind": "choice", "choices": values, "required": required},
    )


def ref(label: str, target: str, *, required: bool = False, cascade: bool = True, index: bool = True) -> Any:
    """A reference to another record. ``cascade``: evicting the parent from this device evicts this too. ``index``
    off only where a wider index leads with this column."""
    return mapped_column(
        String(36),
        ForeignKey(target, ondelete="CASCADE" if cascade else "SET NULL"),
        nullable=not required,
        index=index or None,
        info={"label": label, "kind": "ref", "required": required},
    )


def date(label: str, *, required: bool = False, index: bool = False) -> Any:
    """A calendar date. ``index``: the outcome measures select by it (DOMAIN.md section 6)."""
    return mapped_column(
        Date(), nullable=not required, index=index or None,
        info={"label": label, "kind": "date", "required": required},
    )  # fmt: skip


def timestamp(label: str, *, required: bool = False, index: bool = False) -> Any:
    return mapped_column(
        UTCDateTime(), nullable=not required, index=index or None,
        info={"label": label, "kind": "datetime", "required": required},
    )  # fmt: skip


def flag(label: str, *, default: bool | None = None) -> Any:
    """A yes/no answer. ``None`` means nobody has asked yet, which is different from no."""
    return mapped_column(Boolean(), nullable=default is None, default=default, info={"label": label, "kind": "bool"})


def number(label: str, *, required: bool = False) -> Any:
    return mapped_column(Integer(), nullable=not required, info={"label": label, "kind": "int", "required": required})


def text_list(label: str) -> Any:
    """A list of short texts (aliases, languages, categories)."""
    return mapped_column(JSON(), nullable=False, default=list, info={"label": label, "kind": "list"})


def structured(label: str, *, default: Any = dict) -> Any:
    """Structured answers (checklist and screening responses, charges): JSON whose strings are typed text."""
    return mapped_column(JSON(), nullable=False, default=default, info={"label": label, "kind": "json"})


# --- the envelope -------------------------------------------------------------------------------------------


class Regime(enum.StrEnum):
    """Whose confidentiality rules govern a record, fixed by the role that created it (DOMAIN.md 4)."""

    PROSECUTION = "prosecution"
    ADVOCACY = "advocacy"


class Visibility(enum.StrEnum):
    ONLY_ME = "only_me"
    MY_TEAM = "my_team"
    SHARED_WITH_PROSECUTION = "shared_with_prosecution"


ENVELOPE_FIELDS = frozenset(
    {
        "id",
        "type",
        "schema_version",
        "person_id",
        "owner_user_id",
        "team_id",
        "regime",
        "visibility",
        "privileged",
        "consent_id",
        "rev",
        "deleted",
        "deleted_at",
        "deleted_by",
        "created_at",
        "edited_hlc",
        "edited_by",
        "edited_device",
        "extra",
    }
)


class Envelope:
    """Columns every synced record carries (DESIGN.md section 3).

    ``rev`` is assigned by the office server and is ``None`` until the record has been synced. ``extra`` keeps
    fields this version does not know (sent by a newer client), so saving never erases them.
    """

    RECORD_TYPE: str = ""
    SCHEMA_VERSION: int = 1
    #: The record belongs to a person (nearly all do; a provider does not).
    PERSONAL: bool = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    schema_version: Mapped[int] = mapped_column(Integer(), nullable=False, default=1)
    owner_user_id: Mapped[str] = mapped_column(String(36), nullable=False)
    team_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    regime: Mapped[str] = mapped_column(
        String(20), nullable=False, info={"kind": "choice", "choices": tuple(r.value for r in Regime)}
    )
    visibility: Mapped[str] = mapped_column(
        String(32),
        nullable=False,
        default=Visibility.MY_TEAM.value,
        info={"kind": "choice", "choices": tuple(v.value for v in Visibility)},
    )
    privileged: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    consent_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    rev: Mapped[int | None] = mapped_column(Integer(), nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean(), nullable=False, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    deleted_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    edited_hlc: Mapped[str] = mapped_column(String(40), nullable=False)
    edited_by: Mapped[str] = mapped_column(String(36), nullable=False)
    edited_device: Mapped[str] = mapped_column(String(36), nullable=False)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON(), nullable=False, default=dict)

    @declared_attr
    def type(cls) -> Mapped[str]:  # declared_attr receives the class
        return mapped_column(String(40), nullable=False, default=cls.RECORD_TYPE)

    @declared_attr
    def person_id(cls) -> Mapped[str | None]:
        if cls.__tablename__ == "person":  # type: ignore[attr-defined]
            # A person's person_id is its own id; no foreign key to itself.
            return mapped_column(String(36), nullable=True, index=True)
        return mapped_column(String(36), ForeignKey("person.id", ondelete="CASCADE"), nullable=True, index=True)
