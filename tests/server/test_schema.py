"""The server's migrations on SQLite and real PostgreSQL: they make exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models import Base
from app.models.base import utcnow
from app.server import db
from app.server.models import RECORD_TABLES, AuditEntry, ServerBase
from tests.server.conftest import DB_KEY

pytestmark = [
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index"),
    pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index"),
]

VAULT_ONLY = {"outbox", "audit_event", "vault_meta", "draft", "template_version", "received_share_link"}


def _check_schema(url: str) -> None:
    engine = db.make_engine(url, key=DB_KEY)
    try:
        db.upgrade(engine)
        assert db.current_revision(engine) == db.head_revision()
        db.require_current(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={
                    "include_object": db.include_object,
                    "compare_type": True,
                    "version_table": db.VERSION_TABLE,
                },
            )
            diff = compare_metadata(ctx, [Base.metadata, ServerBase.metadata])
            tables = set(sa.inspect(conn).get_table_names())
            indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("person")}
        assert diff == [], diff
        assert tables >= RECORD_TABLES
        assert set(ServerBase.metadata.tables) <= tables
        assert not (VAULT_ONLY & tables), "vault-only tables never exist on the server"
        if engine.dialect.name == "postgresql":  # SQLite cannot reflect expression indexes
            assert "ix_person_caseload" in indexes
        with engine.begin() as conn:
            assert conn.scalar(sa.text("SELECT value FROM sync_counter WHERE name = 'server_seq'")) == 0
        # The audit log is append-only in the database itself, whatever the code above it does.
        with engine.begin() as conn:
            conn.execute(
                sa.insert(AuditEntry).values(occurred_at=utcnow(), action="test", outcome="allowed", detail={})
            )
        for statement in ("UPDATE audit_log SET action = 'changed'", "DELETE FROM audit_log"):
            with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
                conn.execute(sa.text(statement))
        with engine.connect() as conn:
            assert conn.scalar(sa.text("SELECT action FROM audit_log")) == "test"
        db.downgrade(engine, "base")
        with engine.connect() as conn:
            assert not (set(ServerBase.metadata.tables) & set(sa.inspect(conn).get_table_names()))
    finally:
        engine.dispose()


def test_migrations_make_the_models_schema_on_sqlite(tmp_path: Path) -> None:
    _check_schema(f"sqlite:///{tmp_path / 'server.db'}")


@pytest.mark.postgres
def test_migrations_make_the_models_schema_on_postgresql(pg_database: str) -> None:
    _check_schema(pg_database)


def test_an_unset_database_is_named_plainly(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'empty.db'}", key=DB_KEY)
    with pytest.raises(db.ServerDatabaseError, match="offramp-server init"):
        db.require_current(engine)
    engine.dispose()
