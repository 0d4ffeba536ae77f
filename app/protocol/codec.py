"""Record values as they travel: JSON in the protocol, Python in the models. Used by the client and the server.

Dates and timestamps travel as ISO text, bytes as ``{"base64": ...}`` (``{"$b64": ...}``, the outbox's spelling, is
read too). :func:`decode_values` turns a JSON mapping back into column values for one record type and keeps the
fields this version does not know apart (``unknown``), so a newer client's fields are stored in ``extra`` and never
erased.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sqlalchemy import Boolean, Date, Integer, LargeBinary, inspect

from app.models.base import Envelope, UTCDateTime


class BadValue(ValueError):
    """A value that does not fit its column; ``field`` names it (never the value)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def encode_record(record: Envelope) -> dict[str, Any]:
    """Every column of ``record`` as JSON values."""
    mapper = inspect(type(record))
    return {attr.key: encode(getattr(record, attr.key)) for attr in mapper.column_attrs}


_COLUMNS: dict[type, Mapping[str, Any]] = {}
_KINDS: dict[Any, str] = {}


def column_types(cls: type[Envelope]) -> Mapping[str, Any]:
    """Each column of a record type by its attribute's name (worked out once per type; read-only)."""
    known = _COLUMNS.get(cls)
    if known is None:
        mapper = inspect(cls)
        known = _COLUMNS[cls] = MappingProxyType({attr.key: attr.columns[0] for attr in mapper.column_attrs})
    return known


def _kind(column: Any) -> str:
    """What a column holds, asked of its type once: a sync page decodes 35 columns of hundreds of records."""
    kind = _KINDS.get(column)
    if kind is None:
        ctype = column.type
        if isinstance(ctype, UTCDateTime):
            kind = "timestamp"
        elif isinstance(ctype, Date):
            kind = "date"
        elif isinstance(ctype, LargeBinary):
            kind = "bytes"
        elif isinstance(ctype, Boolean):
            kind = "bool"
        elif isinstance(ctype, Integer):
            kind = "int"
        else:
            try:
                kind = "text" if ctype.python_type is str else "as sent"
            except NotImplementedError:
                kind = "as sent"
        _KINDS[column] = kind
    return kind


def decode_value(column: Any, value: Any) -> Any:
    if value is None:
        if not column.nullable and column.default is None and not column.primary_key:
            raise BadValue(column.key)
        return None
    kind = _kind(column)
    if kind == "as sent":
        return value  # JSON columns and anything else: as sent
    if kind == "text":
        length = getattr(column.type, "length", None)
        if not isinstance(value, str) or (length is not None and len(value) > length):
            raise BadValue(column.key)
        return value
    try:
        if kind == "timestamp":
            if isinstance(value, dt.datetime):
                parsed = value
            elif isinstance(value, str):
                parsed = dt.datetime.fromisoformat(value)
            else:
                raise BadValue(column.key)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        if kind == "date":
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            if isinstance(value, str):
                return dt.date.fromisoformat(value[:10])
            raise BadValue(column.key)
        if kind == "bytes":
            if isinstance(value, bytes | bytearray):
                return bytes(value)
            if isinstance(value, dict):
                text = value.get("base64", value.get("$b64"))
                if isinstance(text, str):
                    return base64.b64decode(text.encode("ascii"), validate=True)
            raise BadValue(column.key)
        if kind == "bool":
            if not isinstance(value, bool):
                raise BadValue(column.key)
            return value
        if isinstance(value, bool) or not isinstance(value, int):  # int
            raise BadValue(column.key)
        return value
    except (ValueError, binascii.Error, NotImplementedError):
        raise BadValue(column.key) from None


def decode_values(cls: type[Envelope], values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(known, unknown)``: known fields as column values; unknown ones kept as sent (for ``extra``)."""
    columns = column_types(cls)
    known: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in values.items():
        column = columns.get(key)
        if column is None:
            unknown[key] = value
        else:
            known[key] = decode_value(column, value)
    return known, unknown
