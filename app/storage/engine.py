"""The SQLCipher engine, exactly as DESIGN.md section 2 says, and the checks that tell damage apart.

``sqlite:///`` with ``module=sqlcipher3.dbapi2`` and a ``connect`` listener inserted first that keys the connection
with the raw data key before anything else touches the file. The key lives only in the caller's ``bytearray``;
zeroing it makes every later connection fail instead of opening with a stale key.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from app.core.i18n import N_, _, ngettext
from app.errors import (
    DISK_FULL,
    READ_ONLY,
    DatabaseDamaged,
    DatabaseTruncated,
    StorageFull,
    StorageReadOnly,
    VaultLocked,
    storage_problem,
)
from app.memory import wipe, wipe_str

PAGE_SIZE = 4096
#: FULL: under WAL, every commit is synced to the log before it returns, so a power cut never takes back a save
#: the window showed as done (NORMAL could lose the last few). bench/durability.py measures what it costs.
SYNCHRONOUS = "FULL"

TRUNCATED = N_(
    "The vault's database file is incomplete: it looks cut short, perhaps by an interrupted copy or a full disk. "
    "Nothing was changed. Restore the vault from its latest backup."
)


def damaged_message(pages: list[int]) -> str:
    """What the person reads about a damaged database, with how many damaged parts were found when that is known."""
    if not pages:
        return _(
            "Part of the vault's database is damaged (damaged parts found). Nothing was changed. "
            "Restore the vault from its latest backup; your IT contact can run 'offramp vault check' for details."
        )
    return ngettext(
        "Part of the vault's database is damaged ({n} damaged part found). Nothing was changed. "
        "Restore the vault from its latest backup; your IT contact can run 'offramp vault check' for details.",
        "Part of the vault's database is damaged ({n} damaged parts found). Nothing was changed. "
        "Restore the vault from its latest backup; your IT contact can run 'offramp vault check' for details.",
        len(pages),
    ).format(n=len(pages))


_KEY_PREFIX = b"PRAGMA key = \"x'"
_KEY_SUFFIX = b"'\""
_HEX_DIGITS = b"0123456789abcdef"


def _key_statement(dk: bytearray) -> bytearray:
    """``PRAGMA key = "x'<hex>'"`` built in one buffer the caller zeroes: no immutable copy of the hex is made."""
    if len(dk) != 32 or not any(dk):
        raise VaultLocked(_("The vault is locked. Unlock it again to go on."))
    out = bytearray(len(_KEY_PREFIX) + 2 * len(dk) + len(_KEY_SUFFIX))
    out[: len(_KEY_PREFIX)] = _KEY_PREFIX
    pos = len(_KEY_PREFIX)
    for byte in dk:
        out[pos] = _HEX_DIGITS[byte >> 4]
        out[pos + 1] = _HEX_DIGITS[byte & 15]
        pos += 2
    out[pos:] = _KEY_SUFFIX
    return out


def _apply_key(dbapi_conn: Any, dk: bytearray) -> None:
    """Key a connection, leaving no copy of the key's hex in this process's memory (issue 16, item 2).

    The DB-API takes SQL only as a str, which Python cannot zero; so the one str made here is zeroed in place
    (app.memory.wipe_str) once SQLCipher has it. ``executescript`` runs it without the statement cache, which would
    otherwise keep that str (and SQLite's copy of it) for the connection's lifetime.
    """
    statement = _key_statement(dk)
    try:
        text = statement.decode("ascii")
        try:
            dbapi_conn.executescript(text)
        finally:
            wipe_str(text)
    finally:
        wipe(statement)


def raw_connect(path: Path, dk: bytearray) -> Any:
    """A bare keyed DB-API connection (checks, backups). Closing it is the caller's job."""
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        _apply_key(conn, dk)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_connection_settings(cur: Any) -> None:
    """What every vault connection runs after its key (the benchmark's plain-SQLite side runs it too)."""
    # A wrong key fails here, as "file is not a database", before any other statement.
    cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
    cur.execute("PRAGMA journal_mode = WAL").fetchone()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA temp_store = MEMORY")  # no temporary files on disk, where they would be plaintext
    cur.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    cur.execute("PRAGMA busy_timeout = 5000")


def install_transaction_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # pysqlite's implicit transactions skip DDL; we open them ourselves so migrations are transactional.
        conn.exec_driver_sql("BEGIN")


def make_engine(
    path: Path, dk: bytearray, *, pool_size: int = 4, on_damage: Callable[[], None] | None = None
) -> Engine:
    """The vault's engine. ``on_damage`` is called when damage is met mid-work (a page the unlock's quick check did
    not read), before the DatabaseDamaged is raised: the vault then checks every page at its next unlock."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect", insert=True)
    def _key_connection(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA cipher_log_level = NONE")
            _apply_key(dbapi_conn, dk)
            apply_connection_settings(cur)
        finally:
            cur.close()

    @event.listens_for(engine, "handle_error")
    def _humanise(context: Any) -> None:
        # Damage met mid-work (a bad page the unlock checks did not read) becomes our human error everywhere.
        text = str(context.original_exception).lower()
        if "malformed" in text or "not a database" in text or "hmac" in text:
            if on_damage is not None:
                on_damage()
            raise DatabaseDamaged(damaged_message([]), detail=type(context.original_exception).__name__)
        # A full disk or a read-only folder: one human sentence, not "an unexpected problem" (issue 16, item 9).
        problem = storage_problem_at(context.original_exception, path)
        if problem is not None:
            raise problem

    install_transaction_listeners(engine)
    return engine


#: Below this much free space, SQLite's "disk I/O error" (it could not grow the shared-memory or journal file) is a
#: full disk, not damage.
NEARLY_FULL_BYTES = 4 << 20


def storage_problem_at(exc: BaseException | None, path: Path) -> Exception | None:
    """:func:`app.errors.storage_problem`, and for SQLite's vaguer "disk I/O error" a look at the folder itself:
    a read-only file system or (almost) no free space is said as such."""
    problem = storage_problem(exc)
    if problem is not None or "disk i/o error" not in str(exc).lower():
        return problem
    try:
        stat = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return None
    if stat.f_flag & getattr(os, "ST_RDONLY", 1):
        return StorageReadOnly(_(READ_ONLY), detail="disk I/O error on a read-only file system")
    if stat.f_bavail * stat.f_frsize < NEARLY_FULL_BYTES:
        return StorageFull(_(DISK_FULL), detail="disk I/O error with no free space")
    return None


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn sqlcipher3's errors (which do not subclass sqlite3's) into our human ones."""
    try:
        yield
    except DBAPIError as exc:
        raise map_dbapi_error(exc.orig) from None
    except sqlcipher.DatabaseError as exc:
        raise map_dbapi_error(exc) from None


def map_dbapi_error(exc: BaseException | None) -> Exception:
    problem = storage_problem(exc)
    if problem is not None:
        return problem
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return DatabaseDamaged(damaged_message([]), detail=type(exc).__name__)
    if isinstance(exc, Exception):
        return exc
    return RuntimeError("database error")


@dataclass
class DatabaseHealth:
    damaged_pages: list[int] = field(default_factory=list)
    truncated: bool = False
    problems: list[str] = field(default_factory=list)
    #: What is wrong with the key file although the passphrase opened it (a damaged recovery wrap, a checksum that
    #: does not match), one sentence each; filled by ``Vault.check``.
    key_file: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.damaged_pages or self.truncated or self.problems)

    def raise_if_bad(self) -> None:
        if self.damaged_pages or self.problems:
            raise DatabaseDamaged(damaged_message(self.damaged_pages), detail="; ".join(self.problems)[:500])
        if self.truncated:
            raise DatabaseTruncated(_(TRUNCATED))


def _parse_page(row: str) -> int | None:
    digits = "".join(ch if ch.isdigit() else " " for ch in row).split()
    return int(digits[-1]) if digits else None


def inspect_database(path: Path, dk: bytearray, *, full: bool) -> DatabaseHealth:
    """Tell a healthy file from a truncated or damaged one, reading only (nothing on disk changes).

    ``full`` verifies every page's HMAC (``cipher_integrity_check``) and runs ``quick_check``; without it only the
    cheap signs are read: the file's size, page 1 and the page count.
    """
    health = DatabaseHealth()
    size = os.path.getsize(path)
    if size == 0 or size % PAGE_SIZE:
        health.truncated = size > 0
        if size == 0:
            health.problems.append("empty file")
        return health
    try:
        conn = raw_connect(path, dk)
    except sqlcipher.DatabaseError as exc:
        raise storage_problem_at(exc, path) or exc from None
    try:
        if full:
            rows = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            pages = sorted({p for p in (_parse_page(r) for r in rows) if p is not None})
            if rows:
                health.damaged_pages = pages
                if not pages:
                    health.problems.extend(rows[:5])
                return health
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        except sqlcipher.DatabaseError as exc:
            problem = storage_problem_at(exc, path)
            if problem is not None:
                # A full disk (no room for the shared-memory file) or a read-only folder: not damage, and
                # looking closer cannot help; it once sent this check round in circles for ever.
                raise problem from None
            text = str(exc).lower()
            if "malformed" in text and full:
                # Every page present verifies, yet pages are missing: the file was cut short.
                health.truncated = True
            elif "not a database" in text:
                health.damaged_pages = [1]
            elif not full:
                # Without the page-by-page check we cannot tell missing pages from bad ones: look closer (once).
                conn.close()
                return inspect_database(path, dk, full=True)
            else:
                health.problems.append(f"{type(exc).__name__}: {exc}")
            return health
        wal = Path(f"{path}-wal")
        wal_pending = wal.exists() and wal.stat().st_size > 0
        if page_count * PAGE_SIZE > size and not wal_pending:
            health.truncated = True
            return health
        if full:
            result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if result != ["ok"]:
                health.problems.extend(result[:5])
    finally:
        conn.close()
    return health
