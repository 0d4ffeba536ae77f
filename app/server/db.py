"""The office server's database: SQLite by default, PostgreSQL (psycopg 3) by URL; its migrations; ``server_seq``.

``OFFRAMP_DATABASE_URL`` picks the database; without it the server keeps ``server.db`` in its data folder. SQLite runs
in WAL mode with every transaction started as ``BEGIN IMMEDIATE``, so writers are serialised from their first
statement (no lock upgrades that fail half-way). On PostgreSQL, ``server_seq`` is taken under a transaction-scoped
advisory lock, so sequence order is commit order on both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, select, text, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import OfframpError
from app.server.models import RECORD_TABLES, ServerBase, SyncCounter

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DB_FILE = "server.db"
VERSION_TABLE = "server_alembic_version"
#: Expression indexes SQLite's reflection cannot read back; made by hand in the revisions.
EXPRESSION_INDEXES = frozenset({"ix_person_caseload"})
SEQ = "server_seq"
#: Key of the PostgreSQL advisory lock held while a ``server_seq`` is taken (any fixed 64-bit number).
SEQ_LOCK_KEY = 0x0FF2A3_5E0


class ServerDatabaseError(OfframpError):
    code = "server_database"


def database_url(data_dir: Path) -> str:
    url = os.environ.get("OFFRAMP_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{Path(data_dir) / DB_FILE}"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ServerDatabaseError(
            "OFFRAMP_DATABASE_URL is not a database address this server understands. Check how it is written."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect", insert=True)
        def _settings(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10)
    raise ServerDatabaseError("The office server keeps its data in SQLite or PostgreSQL; that address is neither.")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# --- migrations -----------------------------------------------------------------------------------------------


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """The server's schema: the shared record tables and the server's own, never the vault-only tables."""
    if type_ == "table":
        return name in RECORD_TABLES or name in ServerBase.metadata.tables
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    table = getattr(obj, "table", None)
    if table is not None:
        return table.name in RECORD_TABLES or table.name in ServerBase.metadata.tables
    return True


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
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    _migrate(engine, lambda cfg: command.upgrade(cfg, target))


def downgrade(engine: Engine, target: str) -> None:
    _migrate(engine, lambda cfg: command.downgrade(cfg, target))


def _migrate(engine: Engine, step: Callable[[Config], None]) -> None:
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        dbapi = conn.connection.dbapi_connection
        if sqlite:
            assert dbapi is not None
            dbapi.execute("PRAGMA foreign_keys = OFF")  # batch mode recreates tables; see app.storage.migrate
        try:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                step(cfg)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                    raise ServerDatabaseError(
                        "Updating the server's database would have broken links between records, so nothing "
                        "was changed."
                    )
        finally:
            if sqlite and dbapi is not None:
                dbapi.execute("PRAGMA foreign_keys = ON")


def require_current(engine: Engine) -> None:
    """Refuse to serve a database that was never set up, or whose layout is older or newer than this server's."""
    try:
        current = current_revision(engine)
    except Exception as exc:
        raise ServerDatabaseError(
            "The server's database could not be reached. Check OFFRAMP_DATABASE_URL and that the database is running.",
            detail=type(exc).__name__,
        ) from None
    if current is None:
        raise ServerDatabaseError("This server has not been set up yet. Run 'offramp-server init' first.")
    if current != head_revision():
        raise ServerDatabaseError(
            "The server's database was made by a different version of Offramp. Run 'offramp-server upgrade' "
            "with this version, or use the version that made it."
        )


# --- server_seq -----------------------------------------------------------------------------------------------


def next_seq(s: Session, count: int = 1) -> int:
    """Reserve ``count`` sequence numbers and return the first. Call inside the transaction that uses them.

    The lock is held until commit, so a later ``server_seq`` is never committed before an earlier one: a pull that
    has seen ``n`` can never miss a record committed later with a number below ``n``.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SEQ_LOCK_KEY})
    value = s.execute(
        update(SyncCounter)
        .where(SyncCounter.name == SEQ)
        .values(value=SyncCounter.value + count)
        .returning(SyncCounter.value)
    ).scalar_one_or_none()
    if value is None:  # the row is made by the first migration; this only guards a hand-edited database
        s.add(SyncCounter(name=SEQ, value=count))
        s.flush()
        value = count
    return int(value) - count + 1


def current_seq(s: Session) -> int:
    return int(s.scalar(select(SyncCounter.value).where(SyncCounter.name == SEQ)) or 0)
