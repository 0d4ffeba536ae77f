"""Alembic environment for the vault and the office server: always handed a live connection by app.storage.migrate."""

from __future__ import annotations

from typing import Any

from alembic import context

import app.models  # noqa: F401 - registers every table on the metadata
from app.models.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through app.storage.migrate, which opens the keyed connection.")

# FTS5 virtual tables and their shadow tables are managed by hand in the revisions.
FTS_PREFIXES = ("person_fts",)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
