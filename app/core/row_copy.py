"""A plain result row copied from a stored record: every field of the row's dataclass read from the record's
attribute of the same name, so a service says only what differs (a computed name, ``None`` made ``""``) instead of
copying each field by hand, and a field added to both cannot be forgotten in between."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def copied(cls: type[T], record: Any, **given: Any) -> T:
    """``cls`` with each init field from ``given`` when named there, otherwise from ``record``'s attribute."""
    values = {
        f.name: given[f.name] if f.name in given else getattr(record, f.name) for f in dataclasses.fields(cls) if f.init
    }
    return cls(**values)


__all__ = ["copied"]
