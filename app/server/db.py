"""The office server's database: SQLite by default, PostgreSQL (psycopg 3) by URL; its migrations; ``server_seq``.

``OFFRAMP_DATABASE_URL`` picks the database; without it the server keeps ``server.db`` in its data folder. SQLite runs
in WAL mode with every transaction started as ``BEGIN IMMEDIATE``, so writers are serialised from their first
statement (no lock upgrades that fail half-way). On PostgreSQL, ``server_seq`` is taken under a transaction-scoped
advisory lock, so sequence order is commit order on both.

The SQLite database is encrypted at rest with SQLCipher (as the vaults are) under a random 32-byte key kept apart
from the data folder, so a copy of the folder, or a stolen disk without the key, holds nothing readable. Where the
key is (``key_path``): the file named by ``OFFRAMP_DATABASE_KEY_FILE``; else the systemd credential
``offramp-database-key`` (``LoadCredentialEncrypted=``, sealed to the host's TPM where it has one); else a file beside
the data folder, never inside it (``/var/lib/offramp-server`` -> ``/var/lib/offramp-server.database-key``).
``offramp-server init`` makes the key; ``offramp-server upgrade`` encrypts a database made before encryption.
PostgreSQL keeps its own storage: ``deploy/POSTGRESQL.md`` requires encrypted storage and TLS to it, and
``offramp-server check`` reports what it can see of both.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event, select, text, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import OfframpError
from app.models.migrating import Migrations
from app.server.models import RECORD_TABLES, ServerBase, SyncCounter

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DB_FILE = "server.db"
VERSION_TABLE = "server_alembic_version"
#: Expression indexes SQLite's reflection cannot read back; made by hand in the revisions.
EXPRESSION_INDEXES = frozenset({"ix_person_caseload"})
SEQ = "server_seq"
#: Connections one server process keeps to PostgreSQL, and how many more it may open at busy moments. A process
#: runs at most this many requests' database work at once (:func:`app.server.app.create_app`), so no request
#: waits on the pool and times out there.
POOL_SIZE = 5
POOL_OVERFLOW = 10
#: Key of the PostgreSQL advisory lock held while a ``server_seq`` is taken (any fixed 64-bit number).
SEQ_LOCK_KEY = 0x0FF2A3_5E0


class ServerDatabaseError(OfframpError):
    code = "server_database"


class DatabaseKeyError(ServerDatabaseError):
    """The SQLite database's key is missing, unreadable or not the one that opens it."""

    code = "server_database_key"


def database_url(data_dir: Path) -> str:
    url = os.environ.get("OFFRAMP_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{Path(data_dir) / DB_FILE}"


# --- the SQLite database's key -----------------------------------------------------------------------------------

#: Names the key file (the systemd unit sets it, or /etc/offramp-server/env does).
KEY_ENV = "OFFRAMP_DATABASE_KEY_FILE"
#: The systemd credential's name, as ``LoadCredentialEncrypted=offramp-database-key:...`` gives it.
CREDENTIAL = "offramp-database-key"
KEY_SUFFIX = ".database-key"
KEY_BYTES = 32
#: What every unencrypted SQLite file begins with (a SQLCipher file begins with random salt).
PLAIN_HEADER = b"SQLite format 3\x00"


def key_path(data_dir: Path) -> Path:
    """Where the key of the SQLite database in ``data_dir`` is kept: never inside that folder.

    A copy of the data folder (a disk image, a careless archive) then never carries the key with the data.
    """
    named = os.environ.get(KEY_ENV, "").strip()
    if named:
        return Path(named)
    credentials = os.environ.get("CREDENTIALS_DIRECTORY", "").strip()
    if credentials and (Path(credentials) / CREDENTIAL).is_file():
        return Path(credentials) / CREDENTIAL
    folder = Path(os.path.abspath(data_dir))
    return folder.with_name(folder.name + KEY_SUFFIX)


def read_key(path: Path) -> bytearray:
    """The key in ``path`` (64 hex characters), or one sentence saying why it cannot be used."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise DatabaseKeyError(
            f"The key to the server's database is missing (it is looked for at {path}); set {KEY_ENV} to where "
            "this office's key is kept."
        ) from None
    except (OSError, UnicodeDecodeError):
        raise DatabaseKeyError(f"The key to the server's database at {path} could not be read.") from None
    try:
        key = bytearray.fromhex(text)
    except ValueError:
        key = bytearray()
    if len(key) != KEY_BYTES:
        raise DatabaseKeyError(f"The file at {path} is not a key to an Offramp server database.")
    return key


def create_key(path: Path) -> bytearray:
    """A new random key in a new file, 0600 before the first byte (its folder made 0700 if missing)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = bytearray(secrets.token_bytes(KEY_BYTES))
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise DatabaseKeyError(f"A file already exists at {path}; nothing was changed.") from None
    except OSError:
        raise DatabaseKeyError(f"The key to the server's database could not be written at {path}.") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return key


def sqlite_file(url: str) -> Path | None:
    """The database file a SQLite address names; None for PostgreSQL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # make_engine says what is wrong with it
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


def ensure_key(url: str) -> Path | None:
    """For a new SQLite database: make its key where ``key_path`` looks, unless one is there (a key the admin put
    there first, as a systemd credential). Returns the file made, so a failed set-up can remove it again."""
    path = sqlite_file(url)
    if path is None:
        return None
    where = key_path(path.parent)
    if where.exists():
        read_key(where)  # refuses a file that is not a key before anything is made with it
        return None
    create_key(where)
    return where


def is_plaintext(path: Path) -> bool:
    """An SQLite file made before the server encrypted its database."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def _key_pragma(key: bytes | bytearray) -> str:
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


WRONG_KEY = (
    f"The key to the server's database does not open it; check that {KEY_ENV} names this office's key, or restore "
    "the key that was kept with it."
)
NOT_ENCRYPTED = "The server's database is not encrypted yet; run 'offramp-server upgrade' once to encrypt it."


def _private_file(path: Path) -> None:
    """Make an empty database file 0600 before SQLite does (SQLite gives its -wal and -shm files the same mode)."""
    if path.parent.is_dir() and not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(url: str, *, key: bytes | bytearray | None = None, reader: bool = False) -> Engine:
    """An engine on the server's database. SQLite: SQLCipher, keyed with ``key`` or the key ``key_path`` finds.

    ``reader``: transactions start as a plain (deferred) ``BEGIN`` and the connection is query-only, so a long read
    (a backup) sees one committed state without holding the write lock.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ServerDatabaseError(
            "OFFRAMP_DATABASE_URL is not a database address this server understands. Check how it is written."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise ServerDatabaseError("The office server keeps its SQLite database in a file.")
        path = Path(parsed.database)
        if is_plaintext(path):
            raise ServerDatabaseError(NOT_ENCRYPTED)
        pragma = _key_pragma(key if key is not None else read_key(key_path(path.parent)))
        _private_file(path)
        engine = create_engine(
            parsed.set(drivername="sqlite"),
            module=sqlcipher,
            connect_args={"check_same_thread": False, "timeout": 30},
        )

        @event.listens_for(engine, "connect", insert=True)
        def _settings(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            try:
                cur.execute("PRAGMA cipher_log_level = NONE")
                cur.execute(pragma)
                try:
                    cur.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
                except sqlcipher.DatabaseError:
                    raise ServerDatabaseError(WRONG_KEY) from None
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA foreign_keys = ON")
                cur.execute("PRAGMA synchronous = NORMAL")
                cur.execute("PRAGMA temp_store = MEMORY")  # sorts and temporary tables never reach the disk
                cur.execute("PRAGMA busy_timeout = 30000")
                if reader:
                    cur.execute("PRAGMA query_only = ON")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")

        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        # Many rows given to one INSERT (a push batch's heads, revisions, results) go as multi-row VALUES statements,
        # as psycopg2's dialect does: psycopg 3 would otherwise send one statement per row.
        engine.dialect.use_insertmanyvalues_wo_returning = True
        return engine
    raise ServerDatabaseError("The office server keeps its data in SQLite or PostgreSQL; that address is neither.")


def encrypt_plaintext(path: Path, key_file: Path) -> bool:
    """Encrypt a SQLite database made before the server encrypted its own (``offramp-server upgrade`` does this).

    The key is made at ``key_file`` if there is none. The encrypted copy is written beside the file (0600), checked,
    and renamed over it, so an interruption leaves the old file whole. Returns False when there was nothing to do.
    Only the live file is replaced: blocks of the disk it used, and older backups, may still hold the plaintext.
    """
    if not is_plaintext(path):
        return False
    key = read_key(key_file) if key_file.exists() else create_key(key_file)
    target = path.with_name(path.name + ".encrypting")
    for leftover in (target, Path(f"{target}-journal")):
        leftover.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        plain = sqlcipher.connect(str(path), isolation_level=None)
        try:
            plain.execute("PRAGMA cipher_log_level = NONE")
            if plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] != 0:
                raise ServerDatabaseError(
                    "The server's database is in use; stop the server, then run 'offramp-server upgrade' again."
                )
            version = int(plain.execute("PRAGMA user_version").fetchone()[0])
            plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{bytes(key).hex()}'"))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute(f"PRAGMA encrypted.user_version = {version}")
            plain.execute("DETACH DATABASE encrypted")
        finally:
            plain.close()
        check = sqlcipher.connect(str(target), isolation_level=None)
        try:
            check.execute("PRAGMA cipher_log_level = NONE")
            check.execute(_key_pragma(key))
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise ServerDatabaseError(
                    "The encrypted copy of the server's database did not check out; nothing was changed."
                )
        finally:
            check.close()
        with open(target, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(target, path)
        for old in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            old.unlink(missing_ok=True)  # the plaintext file's, folded in by the checkpoint above
    finally:
        target.unlink(missing_ok=True)
        for i in range(len(key)):
            key[i] = 0
    return True


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


BROKEN_LINKS = "Updating the server's database would have broken links between records, so nothing was changed."
MIGRATIONS = Migrations(MIGRATIONS_DIR, lambda _count: ServerDatabaseError(BROKEN_LINKS), VERSION_TABLE)
alembic_config = MIGRATIONS.config
head_revision = MIGRATIONS.head
current_revision = MIGRATIONS.current
upgrade = MIGRATIONS.upgrade
downgrade = MIGRATIONS.downgrade


def require_current(engine: Engine) -> None:
    """Refuse to serve a database that was never set up, or whose layout is older or newer than this server's."""
    try:
        current = current_revision(engine)
    except ServerDatabaseError:
        raise
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
