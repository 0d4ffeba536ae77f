"""Alembic environment for the vault and the office server: always handed a live connection by app.storage.migrate."""

from __future__ import annotations

from alembic import context

import app.models  # noqa: F401 - registers every table on the metadata
from app.models.base import Base
from app.storage.migrate import include_object

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through app.storage.migrate, which opens the keyed connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
