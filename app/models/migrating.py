"""Running Alembic on one of Offramp's databases: the vault (``app.storage.migrate``) and the office server's
(``app.server.db``), each with its own folder of revisions.

SQLite's batch mode recreates a table (create copy, copy rows, drop old, rename). With ``foreign_keys = ON`` the drop
deletes every child row through ``ON DELETE CASCADE``, so on SQLite a migration runs with foreign keys off (a pragma
that only takes effect outside a transaction), in one transaction, and ``foreign_key_check`` must come back empty
before the commit; otherwise nothing is changed and the caller's error says so. PostgreSQL keeps its foreign keys.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine


class Migrations:
    """One database's revisions (in ``folder``), recorded in ``version_table`` (Alembic's own name when None);
    ``broken(count)`` is the error when a migration would leave ``count`` links between rows broken."""

    def __init__(self, folder: Path, broken: Callable[[int], Exception], version_table: str | None = None) -> None:
        self.folder = folder
        self.broken = broken
        self.version_table = version_table

    def config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(self.folder))
        return cfg

    def head(self) -> str:
        head = ScriptDirectory.from_config(self.config()).get_current_head()
        assert head is not None
        return head

    def current(self, engine: Engine) -> str | None:
        opts = {"version_table": self.version_table} if self.version_table else {}
        with engine.connect() as conn:
            return MigrationContext.configure(conn, opts=opts).get_current_revision()

    def upgrade(self, engine: Engine, target: str = "head") -> None:
        """Bring the schema to ``target`` in one transaction, with foreign keys off while it runs (SQLite)."""
        self.run(engine, lambda cfg: command.upgrade(cfg, target))

    def downgrade(self, engine: Engine, target: str) -> None:
        """Step the schema back (for tests that build old databases, and for IT staff undoing a failed rollout)."""
        self.run(engine, lambda cfg: command.downgrade(cfg, target))

    def run(self, engine: Engine, step: Callable[[Config], None]) -> None:
        """Run ``step`` (an Alembic command on the config it is given, bound to one connection) in one transaction;
        on SQLite with foreign keys off, raising ``broken(count)`` if it left links between rows broken."""
        with engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            dbapi = conn.connection.dbapi_connection
            if sqlite:
                assert dbapi is not None
                dbapi.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    cfg = self.config()
                    cfg.attributes["connection"] = conn
                    step(cfg)
                    if sqlite:
                        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if problems:
                            raise self.broken(len(problems))
            finally:
                if sqlite and dbapi is not None:
                    dbapi.execute("PRAGMA foreign_keys = ON")


__all__ = ["Migrations"]
