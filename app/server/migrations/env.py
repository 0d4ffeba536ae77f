"""Alembic environment for the office server's database (SQLite or PostgreSQL): handed a connection by app.server.db.

Its schema is the shared record tables of ``app.models`` (not the vault-only ones) plus ``app.server.models``.
"""

from __future__ import annotations

from alembic import context

from app.models.base import Base
from app.server.db import include_object
from app.server.models import ServerBase

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run the server's migrations through app.server.db, which opens the connection.")

context.configure(
    connection=connection,
    target_metadata=[Base.metadata, ServerBase.metadata],
    include_object=include_object,
    render_as_batch=True,
    compare_type=True,
    version_table="server_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
