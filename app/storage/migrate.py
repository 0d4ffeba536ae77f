"""Running Alembic on a keyed vault: foreign keys off outside the transaction, a check before commit.

SQLite's batch mode recreates a table (create copy, copy rows, drop old, rename). With ``foreign_keys = ON`` the
drop deletes every child row through ``ON DELETE CASCADE``, so migrations run with foreign keys off (a pragma that
only takes effect outside a transaction), then ``foreign_key_check`` must come back empty before the commit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from app.errors import MigrationFailed

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# FTS5 virtual tables and their shadow tables are managed by hand in the revisions.
FTS_PREFIXES = ("person_fts",)
# Expression indexes, which SQLite's reflection cannot read back; written by hand in their revisions.
EXPRESSION_INDEXES = frozenset({"ix_person_caseload"})


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """What Alembic's comparison looks at: everything but the hand-made full-text index."""
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` in one transaction (SQLite) with foreign keys off while it runs."""
    _migrate(engine, lambda conn: _run(conn, "upgrade", target))


def downgrade(engine: Engine, target: str) -> None:
    """Step the schema back (for tests that build old vaults, and for IT staff undoing a failed rollout)."""
    _migrate(engine, lambda conn: _run(conn, "downgrade", target))


def _migrate(engine: Engine, step: Callable[[Connection], None]) -> None:
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        dbapi = conn.connection.dbapi_connection
        if sqlite:
            assert dbapi is not None
            dbapi.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                step(conn)
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise MigrationFailed(
                            "Updating the vault's layout would have broken links between records, so nothing was "
                            "changed. Please report this to your IT contact.",
                            detail=f"{len(problems)} foreign key problems",
                        )
        finally:
            if sqlite and dbapi is not None:
                dbapi.execute("PRAGMA foreign_keys = ON")


def _run(conn: Connection, direction: str, target: str) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    if direction == "upgrade":
        command.upgrade(cfg, target)
    else:
        command.downgrade(cfg, target)
