"""``offramp-server backup FILE`` and ``restore FILE``: the whole office server in one file, and back.

A backup is a gzip tar, written ``0600`` to a new file, holding:

- ``manifest.json``: format, Offramp version, database revision, where it came from, the row count of every table
  and the SHA-256 of every other member (checked before anything is restored);
- the database, taken consistently while the server keeps running:
  - SQLite: ``database/server.db``, a snapshot by SQLite's online backup API (a page-by-page copy that restarts if
    a writer changes the file mid-way, so it is one committed state, WAL included);
  - PostgreSQL: ``database/tables/<table>.jsonl``, a logical export through SQLAlchemy inside one
    ``REPEATABLE READ, READ ONLY`` transaction (one snapshot of every table). Not ``pg_dump``: it must be at least
    the server's major version and is often missing, or another version, on the machine that runs Offramp; its
    dump restores only into PostgreSQL; and a plain-SQL dump would bypass the checks below. The export restores
    into PostgreSQL *or* SQLite (and a SQLite snapshot into either), which is also how an office moves from SQLite
    to PostgreSQL. A database administrator's own ``pg_dump`` schedule can sit beside it.
- ``home/``: ``config.json`` and the ``tls`` folder (the office CA and the server's certificate and keys). Devices
  trust only that CA, so a server rebuilt without it could not talk to any of them.

Restore goes only into an empty place: a data folder with no database (or an empty PostgreSQL database named by
``OFFRAMP_DATABASE_URL``), and ``config.json``/``tls`` either absent or identical. The database is built and filled
in one transaction (PostgreSQL) or in a temporary file renamed into place at the end (SQLite): a failure leaves
nothing half-restored. Every table's row count is checked against the manifest.

The restored office gets a **new server epoch** (DESIGN.md section 3). A device's pull cursor names the epoch it
was made in, so every device's next sync starts over from the beginning (the server answers its old cursor with
410) instead of trusting a position in a history the restore has rewound. Records keep their ids and
``mutation_id`` replies are restored with them, so nothing is doubled. What a device sent *after* the backup was
taken is not on the restored server; for it to come back, the device must send it again when it sees the new
epoch rather than drop it at the fresh copy (the sync client's part: tests/server/test_backup.py shows where it
stands).

The file holds everything the server holds, its private keys included: keep it as safely as the server itself.
Audit events record each backup and restore (counts only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Column, Table, create_engine, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import sort_tables
from sqlalchemy.types import TypeDecorator

from app import __version__
from app.errors import OfframpError
from app.models.base import Base, utcnow, uuid7
from app.server import db
from app.server.admin import CONSOLE, ServerHome
from app.server.models import RECORD_TABLES, AuditEntry, Office, ServerBase

FORMAT = 1
KIND = "offramp-server-backup"
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/server.db"
TABLES_PREFIX = "database/tables/"
HOME_PREFIX = "home/"
#: The server's own files that travel with the database (relative to its data folder).
HOME_FILES = ("config.json", "tls/ca.pem", "tls/ca-key.pem", "tls/server.pem", "tls/server-key.pem")
BATCH = 500


class BackupError(OfframpError):
    code = "server_backup"


@dataclass
class Summary:
    path: Path
    backend: str
    revision: str
    tables: dict[str, int] = field(default_factory=dict)
    epoch: str = ""

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    @property
    def records(self) -> int:
        """Rows of the shared record tables (people, consents, notes...): what staff would call records."""
        return sum(n for name, n in self.tables.items() if name in RECORD_TABLES)


# --- the server's tables ----------------------------------------------------------------------------------------


def server_tables() -> list[Table]:
    """Every table of the server's schema, parents before children."""
    tables = [t for t in Base.metadata.sorted_tables if t.name in RECORD_TABLES]
    tables += list(ServerBase.metadata.sorted_tables)
    return list(sort_tables(tables))


def _kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UTCDateTime: its python_type says object; its impl says datetime
        kind = kind.impl_instance
    try:
        python_type = kind.python_type
    except NotImplementedError:
        return "plain"
    if issubclass(python_type, dt.datetime):
        return "datetime"
    if issubclass(python_type, dt.date):
        return "date"
    if issubclass(python_type, bytes | bytearray):
        return "bytes"
    return "plain"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def _decoder(table: Table) -> Any:
    kinds = {c.name: _kind(c) for c in table.columns}

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in row.items():
            kind = kinds.get(name)
            if kind is None:
                raise BackupError(
                    "This backup holds a column this version of Offramp does not know; restore it with the version "
                    "that made it.",
                    detail=f"{table.name}.{name}",
                )
            if value is None or kind == "plain":
                out[name] = value
            elif kind == "datetime":
                out[name] = dt.datetime.fromisoformat(value)
            elif kind == "date":
                out[name] = dt.date.fromisoformat(value)
            else:
                out[name] = bytes.fromhex(value)
        return out

    return decode


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(table).order_by(*order))
    for row in result.mappings():
        yield dict(row)


def _counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in server_tables()}


# --- backup -----------------------------------------------------------------------------------------------------


def backup(home: ServerHome, out: Path) -> Summary:
    """Write the office server (database, config and TLS files) to the new file ``out``."""
    home.config()  # refuses a folder with no server
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise BackupError("A file already exists there; choose a new name for the backup.")
    if not out.parent.is_dir():
        raise BackupError("The folder for the backup does not exist.")
    for name in HOME_FILES:
        if not (home.root / name).is_file():
            raise BackupError(
                "The server's config.json or a file of its tls folder is missing, so a backup would not bring it "
                "back. Restore that folder first."
            )

    engine = db.make_engine(home.database_url())
    try:
        backend = engine.dialect.name
        if backend != "sqlite":
            db.require_current(engine)  # SQLite: checked on the snapshot, which waits for no writer
        with _private_dir(home.root) as work:
            if backend == "sqlite":
                tables, epoch = _snapshot_sqlite(engine, work / SQLITE_MEMBER)
            else:
                tables, epoch = _export_logical(engine, work)
            members = _home_members(home, work)
            members += sorted(p.relative_to(work).as_posix() for p in (work / "database").rglob("*") if p.is_file())
            manifest = {
                "kind": KIND,
                "format": FORMAT,
                "offramp": __version__,
                "revision": db.head_revision(),
                "backend": backend,
                "database": "sqlite" if backend == "sqlite" else "jsonl",
                "made_at": utcnow().isoformat(),
                "epoch": epoch,
                "tables": tables,
                "files": {name: _sha256(work / name) for name in members},
            }
            _write_archive(out, work, manifest, members)
        with engine.begin() as conn:
            _audit(conn, "server_backup", {"backend": backend, "rows": sum(tables.values())})
    finally:
        engine.dispose()
    return Summary(out, backend, str(manifest["revision"]), tables, epoch)


def _snapshot_sqlite(engine: Engine, target: Path) -> tuple[dict[str, int], str]:
    database = make_url(str(engine.url)).database
    if not database:
        raise BackupError("The server's SQLite database has no file to back up.")
    target.parent.mkdir(parents=True)
    source = sqlite3.connect(f"file:{Path(database).as_posix()}?mode=ro", uri=True)
    snapshot = sqlite3.connect(target)
    try:
        source.backup(snapshot, pages=1024)
        snapshot.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        if snapshot.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("The server's database did not copy cleanly; nothing was written. Try again.")
    finally:
        source.close()
        snapshot.close()
    copy = _reader(target)
    try:
        db.require_current(copy)
        with copy.connect() as conn:
            epoch = str(conn.scalar(select(Office.epoch)) or "")
            counts = _counts(conn)
    finally:
        copy.dispose()
    return counts, epoch


def _export_logical(engine: Engine, work: Path) -> tuple[dict[str, int], str]:
    folder = work / TABLES_PREFIX
    folder.mkdir(parents=True)
    counts: dict[str, int] = {}
    options: dict[str, Any] = {"isolation_level": "REPEATABLE READ"}
    if engine.dialect.name == "postgresql":
        options["postgresql_readonly"] = True
    with engine.connect().execution_options(**options) as conn, conn.begin():
        epoch = str(conn.scalar(select(Office.epoch)) or "")
        for table in server_tables():
            n = 0
            with open(folder / f"{table.name}.jsonl", "w", encoding="utf-8", newline="\n") as fh:
                for row in _rows(conn, table):
                    fh.write(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True))
                    fh.write("\n")
                    n += 1
            counts[table.name] = n
    return counts, epoch


def _home_members(home: ServerHome, work: Path) -> list[str]:
    names = []
    for name in HOME_FILES:
        target = work / HOME_PREFIX / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(home.root / name, target)
        names.append(f"{HOME_PREFIX}{name}")
    return names


def _write_archive(out: Path, work: Path, manifest: dict[str, Any], members: list[str]) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            with tarfile.open(fileobj=fh, mode="w:gz", compresslevel=6) as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
                for name in members:
                    info = tar.gettarinfo(str(work / name), arcname=name)
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    info.mode = 0o600
                    with open(work / name, "rb") as src:
                        tar.addfile(info, src)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()
        raise


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(utcnow().timestamp())
    tar.addfile(info, io.BytesIO(data))


# --- restore ----------------------------------------------------------------------------------------------------


def restore(home: ServerHome, source: Path) -> Summary:
    """Bring a backup back into an empty data folder (and empty database); the office gets a new epoch."""
    source = Path(source)
    if not source.is_file():
        raise BackupError("There is no backup file there.")
    home.root.mkdir(parents=True, exist_ok=True)
    home.root.chmod(0o700)
    with _private_dir(home.root) as work:
        manifest = _unpack(source, work)
        if manifest["revision"] != db.head_revision():
            raise BackupError(
                "This backup was made by a different version of Offramp. Restore it with that version, then run "
                "'offramp-server upgrade'.",
                detail=f"backup {manifest['revision']}, this server {db.head_revision()}",
            )
        _check_home_is_free(home, work)
        url = home.database_url()
        sqlite_file = Path(make_url(url).database or "") if make_url(url).get_backend_name() == "sqlite" else None
        if sqlite_file is not None:
            if _has_content(sqlite_file):
                raise BackupError(
                    "This data folder already holds a server database; nothing was changed. Restore into an empty "
                    "folder."
                )
        else:
            engine = db.make_engine(url)
            try:
                _check_database_is_empty(engine)
            finally:
                engine.dispose()
        _place_home_files(home, work)
        new_epoch = uuid7()
        detail = {"backend": str(manifest["backend"]), "rows": sum(manifest["tables"].values())}
        if sqlite_file is not None:
            counts = _restore_sqlite(url, work, manifest, new_epoch, detail)
        else:
            counts = _restore_into(url, work, manifest, new_epoch, detail)
    return Summary(source, str(manifest["backend"]), str(manifest["revision"]), counts, new_epoch)


def _unpack(source: Path, work: Path) -> dict[str, Any]:
    """Read the manifest and every member it names into ``work``, checking each checksum. Nothing else is read."""
    damaged = BackupError("That file is not an Offramp server backup, or it is damaged; nothing was changed.")
    try:
        with tarfile.open(source, mode="r:gz") as tar:
            manifest = json.loads(_member(tar, MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
                raise damaged
            if manifest.get("format") != FORMAT:
                raise BackupError("This backup was written in a format this version of Offramp does not read.")
            files = manifest.get("files")
            if not isinstance(files, dict) or not isinstance(manifest.get("tables"), dict):
                raise damaged
            for name, digest in files.items():
                if not _safe_member(name):
                    raise damaged
                data = _member(tar, name)
                if hashlib.sha256(data).hexdigest() != digest:
                    raise damaged
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
    except (tarfile.TarError, OSError, EOFError, ValueError, KeyError):
        raise damaged from None
    for name in HOME_FILES:
        if not (work / HOME_PREFIX / name).is_file():
            raise damaged
    has_db = (work / SQLITE_MEMBER).is_file() or (work / TABLES_PREFIX).is_dir()
    if not has_db:
        raise damaged
    return manifest


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "\\" not in name


def _member(tar: tarfile.TarFile, name: str) -> bytes:
    info = tar.getmember(name)
    if not info.isfile():
        raise ValueError(name)
    fh = tar.extractfile(info)
    if fh is None:
        raise ValueError(name)
    return fh.read()


def _check_home_is_free(home: ServerHome, work: Path) -> None:
    for name in HOME_FILES:
        there = home.root / name
        if there.exists() and there.read_bytes() != (work / HOME_PREFIX / name).read_bytes():
            raise BackupError(
                "This data folder already holds a different office server; nothing was changed. Restore into an "
                "empty folder."
            )


def _check_database_is_empty(engine: Engine) -> None:
    try:
        names = set(inspect(engine).get_table_names())
    except Exception as exc:
        raise BackupError(
            "The database to restore into could not be reached. Check OFFRAMP_DATABASE_URL and that it is running.",
            detail=type(exc).__name__,
        ) from None
    ours = {t.name for t in server_tables()} | {db.VERSION_TABLE}
    if names & ours:
        raise BackupError(
            "The database to restore into already holds an office server; nothing was changed. Restore into an "
            "empty database."
        )


def _has_content(path: Path) -> bool:
    """A SQLite file with anything in it (an empty file is what a mistyped path or an earlier probe leaves)."""
    return path.exists() and path.stat().st_size > 0


def _place_home_files(home: ServerHome, work: Path) -> None:
    home.tls.mkdir(mode=0o700, exist_ok=True)
    for name in HOME_FILES:
        there = home.root / name
        if there.exists():
            continue  # identical, checked above
        fd = os.open(there, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write((work / HOME_PREFIX / name).read_bytes())
            fh.flush()
            os.fsync(fh.fileno())


def _restore_sqlite(
    url: str, work: Path, manifest: dict[str, Any], epoch: str, detail: dict[str, Any]
) -> dict[str, int]:
    """Build the database in a temporary file beside the target, check it, then rename it into place."""
    target = Path(make_url(url).database or "")
    partial = target.with_name(target.name + ".restoring")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        if (work / SQLITE_MEMBER).is_file():
            shutil.copyfile(work / SQLITE_MEMBER, partial)
            partial.chmod(0o600)
            engine = db.make_engine(f"sqlite:///{partial}")
            try:
                with engine.connect() as conn:
                    if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
                        raise BackupError("The database in this backup is damaged; nothing was changed.")
                db.require_current(engine)
                with engine.begin() as conn:
                    counts = _finish(conn, manifest, epoch, detail)
            finally:
                engine.dispose()
        else:
            counts = _restore_into(f"sqlite:///{partial}", work, manifest, epoch, detail)
            partial.chmod(0o600)
        _checkpoint(partial)
        if _has_content(target):
            raise BackupError("A database appeared in the data folder during the restore; nothing was replaced.")
        os.replace(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    return counts


def _restore_into(url: str, work: Path, manifest: dict[str, Any], epoch: str, detail: dict[str, Any]) -> dict[str, int]:
    """Create the schema and load every row in one transaction (PostgreSQL rolls the schema back with it)."""
    engine = db.make_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            db.upgrade(engine)  # a temporary file, renamed into place only when everything below succeeded
            with engine.begin() as conn:
                _load(conn, work)
                return _finish(conn, manifest, epoch, detail)
        with engine.connect() as conn, conn.begin():
            cfg = db.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            _load(conn, work)
            _reset_sequences(conn)
            return _finish(conn, manifest, epoch, detail)
    finally:
        engine.dispose()


def _source_rows(work: Path, table: Table) -> Iterator[dict[str, Any]]:
    jsonl = work / TABLES_PREFIX / f"{table.name}.jsonl"
    if jsonl.is_file():
        decode = _decoder(table)
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield decode(json.loads(line))
        return
    snapshot = work / SQLITE_MEMBER
    if snapshot.is_file():
        engine = _reader(snapshot)
        try:
            with engine.connect() as conn:
                yield from _rows(conn, table)
        finally:
            engine.dispose()


def _load(conn: Connection, work: Path) -> None:
    for table in server_tables():
        # The first migration seeds a row or two (the server_seq counter); the backup's rows replace them.
        if table.name != AuditEntry.__tablename__ and conn.scalar(select(func.count()).select_from(table)):
            conn.execute(table.delete())
        for batch in _batches(_source_rows(work, table)):
            conn.execute(insert(table), batch)


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL: serial columns continue after the restored rows (the audit log's id)."""
    for table in server_tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (column.autoincrement == "auto" and _kind(column) == "plain"):
                sequence = conn.scalar(
                    text("SELECT pg_get_serial_sequence(:table, :column)"),
                    {"table": table.name, "column": column.name},
                )
                if sequence:
                    highest = conn.scalar(select(func.max(table.c[column.name])))
                    conn.execute(
                        text("SELECT setval(:seq, :value, :called)"),
                        {"seq": sequence, "value": highest or 1, "called": highest is not None},
                    )


def _finish(conn: Connection, manifest: dict[str, Any], epoch: str, detail: dict[str, Any]) -> dict[str, int]:
    """Check every table's count against the manifest, give the office its new epoch, audit the restore."""
    counts = _counts(conn)
    expected = {name: int(n) for name, n in manifest["tables"].items()}
    if any(counts.get(name, 0) != n for name, n in expected.items()):
        raise BackupError(
            "The restored database does not hold what the backup lists, so nothing was kept. The file may be damaged.",
            detail=",".join(sorted(n for n in expected if counts.get(n, 0) != expected[n])),
        )
    if conn.execute(update(Office).values(epoch=epoch)).rowcount != 1:
        raise BackupError("This backup holds no office; nothing was changed.")
    _audit(conn, "server_restored", {**detail, "previous_epoch": str(manifest.get("epoch", ""))})
    counts[AuditEntry.__tablename__] += 1
    return counts


def _audit(conn: Connection, action: str, detail: dict[str, Any]) -> None:
    conn.execute(
        insert(AuditEntry.__table__),  # type: ignore[arg-type]
        [{"occurred_at": utcnow(), "action": action, "outcome": "allowed", "actor": CONSOLE, "detail": detail}],
    )


# --- helpers ----------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _private_dir(parent: Path) -> Iterator[Path]:
    """A temporary folder (0700) inside the server's own data folder, so the data never leaves its protection."""
    path = Path(tempfile.mkdtemp(prefix=".backup-", dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _reader(path: Path) -> Engine:
    """A plain engine on a SQLite file in the working folder (no WAL switch, no write lock)."""
    return create_engine(f"sqlite:///{path}", poolclass=NullPool)


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so renaming the file moves the whole database."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
