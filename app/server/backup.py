"""``offramp-server backup FILE`` and ``restore FILE``: the whole office server in one sealed file, and back.

A backup is sealed to the office recovery public key, whose private half exists only in the printed Office
Recovery Kit: a stolen backup, or one copied off the machine as the nightly timer asks, is useless without the
kit, and restoring needs it. The server can write backups but never read them. The file, written ``0600`` to a new
path and never held whole in memory, is:

- ``MAGIC``, then a 4-byte length and a JSON header: the format, the recipient public key, the per-backup random
  file key sealed to it (a PyNaCl sealed box: X25519 and XSalsa20-Poly1305), and the header of the stream;
- the content in chunks of ``CHUNK`` bytes, each with a 4-byte length, encrypted and authenticated by libsodium's
  ``secretstream`` (XChaCha20-Poly1305) under the file key, every chunk bound to the header (associated data: its
  SHA-256) and the last one marked final, so reordering, cutting short or changing any byte is caught.

The content is a zlib-compressed stream of JSON lines: a manifest (format, Offramp version, database revision,
backend, the office's epoch), ``config.json`` and the ``tls`` folder (the office CA and the server's certificate and
keys: devices trust only that CA, so a server rebuilt without it could not talk to any of them; the private keys
travel only inside this envelope), every row of every server table in dependency order, and a trailer with the row
count of every table. Nothing of it is written to disk in plaintext on the way in or out.

The rows are read inside one transaction that sees one committed state while the server keeps serving: on SQLite a
deferred read transaction on a query-only SQLCipher connection (WAL: writers go on, the reader keeps its snapshot),
on PostgreSQL ``REPEATABLE READ, READ ONLY``. Not ``pg_dump``: it must be at least the server's major version and is
often missing, or another version, on the machine that runs Offramp, and its dump restores only into PostgreSQL.
This export restores into PostgreSQL *or* SQLite, which is also how an office moves from SQLite to PostgreSQL.

Restore goes only into an empty place: a data folder with no database (or an empty PostgreSQL database named by
``OFFRAMP_DATABASE_URL``), and ``config.json``/``tls`` either absent or identical. A restored SQLite database is
encrypted under the key ``app.server.db.key_path`` finds for the new folder (made if there is none). The database is
built and filled in one transaction (PostgreSQL) or in a temporary file renamed into place at the end (SQLite), and
only after the stream's final chunk has been authenticated and every table's row count checked: a failure leaves
nothing half-restored.

The restored office gets a **new server epoch** (DESIGN.md section 3). A device's pull cursor names the epoch it
was made in, so every device's next sync starts over from the beginning (the server answers its old cursor with
410) instead of trusting a position in a history the restore has rewound. Records keep their ids and
``mutation_id`` replies are restored with them, so nothing is doubled. What a device sent after the backup was
taken goes back to the restored server at the device's next sync (tests/server/test_backup.py).

Backups written before they were sealed (format 1, a gzip tar) are refused with a sentence: they hold the office's
records and keys in the clear and should be destroyed. Audit events record each backup and restore (counts only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
import os
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from alembic import command
from nacl import bindings as sodium
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from sqlalchemy import Column, Table, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import sort_tables
from sqlalchemy.types import TypeDecorator

from app import __version__
from app.errors import OfframpError
from app.models.base import Base, utcnow, uuid7
from app.server import db, kit
from app.server.admin import CONSOLE, ServerHome
from app.server.models import RECORD_TABLES, AuditEntry, Office, ServerBase

FORMAT = 2
KIND = "offramp-server-backup"
MAGIC = b"OFFRAMP-SERVER-BACKUP\n"
#: Plaintext bytes per encrypted chunk: memory use is a few of these, whatever the size of the database.
CHUNK = 1 << 16
MAX_HEADER = 1 << 14
_LENGTH = struct.Struct(">I")
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
#: The server's own files that travel with the database (relative to its data folder).
HOME_FILES = ("config.json", "tls/ca.pem", "tls/ca-key.pem", "tls/server.pem", "tls/server-key.pem")
BATCH = 500
#: Rows are read and inserted a few at a time, and a batch also ends at this many bytes of text and data, so one
#: table of large records (consent scans) never sits in memory whole.
READ_AHEAD = 50
BATCH_BYTES = 2 << 20


class BackupError(OfframpError):
    code = "server_backup"


DAMAGED = "That file is not an Offramp server backup, or it is damaged; nothing was changed."


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


# --- the sealed envelope ----------------------------------------------------------------------------------------


class SealedWriter:
    """Encrypts what is written to it, in chunks, to the holder of ``public_key``'s private half."""

    def __init__(self, fh: IO[bytes], public_key: bytes) -> None:
        self._fh = fh
        file_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, file_key)
        header = json.dumps(
            {
                "kind": KIND,
                "format": FORMAT,
                "recipient": public_key.hex(),
                "sealed_key": SealedBox(PublicKey(public_key)).encrypt(file_key).hex(),
                "stream": stream.hex(),
            },
            sort_keys=True,
        ).encode("ascii")
        prefix = MAGIC + _LENGTH.pack(len(header)) + header
        self._ad = hashlib.sha256(prefix).digest()
        fh.write(prefix)
        self._buffer = bytearray()

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._push(bytes(self._buffer[:CHUNK]), _TAG_MESSAGE)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        self._push(bytes(self._buffer), _TAG_FINAL)
        self._buffer.clear()

    def _push(self, chunk: bytes, tag: int) -> None:
        sealed = sodium.crypto_secretstream_xchacha20poly1305_push(self._state, chunk, self._ad, tag)
        self._fh.write(_LENGTH.pack(len(sealed)) + sealed)


def _read_exact(fh: IO[bytes], size: int) -> bytes:
    data = fh.read(size)
    if len(data) != size:
        raise BackupError(DAMAGED)
    return data


def opened_chunks(fh: IO[bytes], private_key: bytes | bytearray) -> Iterator[bytes]:
    """The plaintext of a sealed file, chunk by chunk; raises at the first changed byte, or if it was cut short."""
    start = fh.read(len(MAGIC))
    if start[:2] == b"\x1f\x8b":
        raise BackupError(
            "This backup was made by an earlier version of Offramp, before backups were sealed, and this version "
            "does not restore it; it holds the office's records in the clear, so destroy it once a new backup exists."
        )
    if start != MAGIC:
        raise BackupError(DAMAGED)
    (size,) = _LENGTH.unpack(_read_exact(fh, _LENGTH.size))
    if size > MAX_HEADER:
        raise BackupError(DAMAGED)
    raw = _read_exact(fh, size)
    try:
        header = json.loads(raw)
        if header.get("kind") != KIND:
            raise ValueError
        if header.get("format") != FORMAT:
            raise BackupError("This backup was written in a format this version of Offramp does not read.")
        recipient = bytes.fromhex(header["recipient"])
        sealed_key = bytes.fromhex(header["sealed_key"])
        stream = bytes.fromhex(header["stream"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupError(DAMAGED) from None
    secret = PrivateKey(bytes(private_key))
    if bytes(secret.public_key) != recipient:
        raise BackupError(
            "That office recovery key does not open this backup: it was sealed to the kit whose public key check is "
            f"{kit.public_check(recipient)}."
        )
    try:
        file_key = SealedBox(secret).decrypt(sealed_key)
    except CryptoError:
        raise BackupError(DAMAGED) from None
    ad = hashlib.sha256(MAGIC + _LENGTH.pack(size) + raw).digest()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream, file_key)
    except (CryptoError, ValueError, TypeError):
        raise BackupError(DAMAGED) from None
    while True:
        head = fh.read(_LENGTH.size)
        if len(head) != _LENGTH.size:
            raise BackupError(DAMAGED)  # cut short: the final chunk never came
        (length,) = _LENGTH.unpack(head)
        if length < _ABYTES or length > CHUNK + _ABYTES:
            raise BackupError(DAMAGED)
        try:
            chunk, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, _read_exact(fh, length), ad)
        except CryptoError:
            raise BackupError(DAMAGED) from None
        yield chunk
        if tag == _TAG_FINAL:
            if fh.read(1):
                raise BackupError(DAMAGED)
            return


def _items(chunks: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """The JSON lines inside the envelope, one object at a time."""
    inflate = zlib.decompressobj()
    pending = b""
    try:
        for chunk in chunks:
            pending += inflate.decompress(chunk)
            *lines, pending = pending.split(b"\n")
            for line in lines:
                yield _item(line)
        pending += inflate.flush()
    except zlib.error:
        raise BackupError(DAMAGED) from None
    if pending.strip() or not inflate.eof:
        raise BackupError(DAMAGED)


def _item(line: bytes) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError:
        raise BackupError(DAMAGED) from None
    if not isinstance(item, dict):
        raise BackupError(DAMAGED)
    return item


class _ItemWriter:
    """JSON lines, compressed, into a ``SealedWriter``."""

    def __init__(self, sealed: SealedWriter) -> None:
        self._sealed = sealed
        self._deflate = zlib.compressobj(6)

    def put(self, item: dict[str, Any]) -> None:
        line = json.dumps(item, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        self._sealed.write(self._deflate.compress(line))

    def close(self) -> None:
        self._sealed.write(self._deflate.flush())
        self._sealed.close()


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
    result = conn.execution_options(stream_results=True, yield_per=READ_AHEAD).execute(select(table).order_by(*order))
    for row in result.mappings():
        yield dict(row)


def _counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in server_tables()}


# --- backup -----------------------------------------------------------------------------------------------------


def backup(home: ServerHome, out: Path) -> Summary:
    """Write the office server (database, config and TLS files), sealed to the office recovery key, to ``out``."""
    home.config()  # refuses a folder with no server
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise BackupError("A file already exists there; choose a new name for the backup.")
    if not out.parent.is_dir():
        raise BackupError("The folder for the backup does not exist.")
    files: dict[str, bytes] = {}
    for name in HOME_FILES:
        try:
            files[name] = (home.root / name).read_bytes()
        except OSError:
            raise BackupError(
                "The server's config.json or a file of its tls folder is missing, so a backup would not bring it "
                "back. Restore that folder first."
            ) from None

    url = home.database_url()
    sqlite = db.sqlite_file(url) is not None
    engine = db.make_engine(url)
    reader = db.make_engine(url, reader=True) if sqlite else engine
    try:
        db.require_current(reader)
        backend = engine.dialect.name
        options: dict[str, Any] = {}
        if backend == "postgresql":
            options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        with reader.connect().execution_options(**options) as conn, conn.begin():
            office = conn.execute(select(Office.epoch, Office.recovery_public_key)).first()
            if office is None:
                raise BackupError("This server has no office yet, so there is nothing to back up.")
            epoch, public_hex = str(office.epoch or ""), str(office.recovery_public_key)
            try:
                public_key = bytes.fromhex(public_hex)
                PublicKey(public_key)
            except (ValueError, TypeError, CryptoError):
                raise BackupError(
                    "The office's recovery public key is not readable, so no backup could be sealed to it."
                ) from None
            manifest = {
                "kind": KIND,
                "format": FORMAT,
                "offramp": __version__,
                "revision": db.head_revision(),
                "backend": backend,
                "made_at": utcnow().isoformat(),
                "epoch": epoch,
            }
            tables = _write_sealed(out, public_key, manifest, files, conn)
        with engine.begin() as conn:
            _audit(conn, "server_backup", {"backend": backend, "rows": sum(tables.values())})
    finally:
        if reader is not engine:
            reader.dispose()
        engine.dispose()
    return Summary(out, backend, str(manifest["revision"]), tables, epoch)


def _write_sealed(
    out: Path, public_key: bytes, manifest: dict[str, Any], files: dict[str, bytes], conn: Connection
) -> dict[str, int]:
    counts: dict[str, int] = {}
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            items = _ItemWriter(SealedWriter(fh, public_key))
            items.put({"manifest": manifest})
            for name, data in files.items():
                items.put({"file": name, "data": data.hex()})
            for table in server_tables():
                n = 0
                for row in _rows(conn, table):
                    items.put({"table": table.name, "row": {k: _encode(v) for k, v in row.items()}})
                    n += 1
                counts[table.name] = n
            items.put({"end": {"tables": counts}})
            items.close()
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()
        raise
    return counts


# --- restore ----------------------------------------------------------------------------------------------------


def restore(home: ServerHome, source: Path, recovery_key: bytes | bytearray) -> Summary:
    """Bring a backup back into an empty data folder (and empty database) with the office recovery key from the
    kit; the office gets a new epoch."""
    source = Path(source)
    if not source.is_file():
        raise BackupError("There is no backup file there.")
    try:
        with open(source, "rb") as fh:
            return _restore(home, source, _items(opened_chunks(fh, recovery_key)))
    except OSError:
        raise BackupError("The backup file could not be read.") from None


def _restore(home: ServerHome, source: Path, items: Iterator[dict[str, Any]]) -> Summary:
    manifest = next(items, {}).get("manifest")
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
        raise BackupError(DAMAGED)
    if manifest.get("revision") != db.head_revision():
        raise BackupError(
            "This backup was made by a different version of Offramp. Restore it with that version, then run "
            "'offramp-server upgrade'.",
            detail=f"backup {manifest.get('revision')}, this server {db.head_revision()}",
        )
    files: dict[str, bytes] = {}
    first: dict[str, Any] = {}
    for item in items:
        if "file" not in item:
            first = item
            break
        name = item.get("file")
        if name not in HOME_FILES or name in files:
            raise BackupError(DAMAGED)
        try:
            files[str(name)] = bytes.fromhex(str(item.get("data")))
        except ValueError:
            raise BackupError(DAMAGED) from None
    if set(files) != set(HOME_FILES) or not first:
        raise BackupError(DAMAGED)
    rest = itertools.chain([first], items)

    home.root.mkdir(parents=True, exist_ok=True)
    home.root.chmod(0o700)
    _check_home_is_free(home, files)
    url = home.database_url()
    sqlite_file = db.sqlite_file(url)
    if sqlite_file is not None:
        if _has_content(sqlite_file):
            raise BackupError(
                "This data folder already holds a server database; nothing was changed. Restore into an empty folder."
            )
    else:
        engine = db.make_engine(url)
        try:
            _check_database_is_empty(engine)
        finally:
            engine.dispose()
    new_epoch = uuid7()
    if sqlite_file is not None:
        counts = _restore_sqlite(home, sqlite_file, rest, manifest, files, new_epoch)
    else:
        counts = _restore_into(url, None, rest, manifest, home, files, new_epoch)
    return Summary(source, str(manifest.get("backend", "")), str(manifest["revision"]), counts, new_epoch)


def _check_home_is_free(home: ServerHome, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        there = home.root / name
        if there.exists() and there.read_bytes() != data:
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


def _place_home_files(home: ServerHome, files: dict[str, bytes]) -> None:
    home.tls.mkdir(mode=0o700, exist_ok=True)
    for name, data in files.items():
        there = home.root / name
        if there.exists():
            continue  # identical, checked above
        fd = os.open(there, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def _restore_sqlite(
    home: ServerHome,
    target: Path,
    items: Iterator[dict[str, Any]],
    manifest: dict[str, Any],
    files: dict[str, bytes],
    epoch: str,
) -> dict[str, int]:
    """Build the encrypted database in a temporary file beside the target, check it, then rename it into place.

    Its key is the one ``db.key_path`` finds for this folder, made (outside the folder) if there is none yet.
    """
    key_file = db.key_path(target.parent)
    made_key = not key_file.exists()
    key = db.create_key(key_file) if made_key else db.read_key(key_file)
    partial = target.with_name(target.name + ".restoring")
    done = False
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        counts = _restore_into(f"sqlite:///{partial}", key, items, manifest, home, files, epoch)
        engine = db.make_engine(f"sqlite:///{partial}", key=key)
        try:
            raw = engine.raw_connection()  # outside any transaction, which a checkpoint cannot run in
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole database in the one file
            finally:
                raw.close()
        finally:
            engine.dispose()
        if _has_content(target):
            raise BackupError("A database appeared in the data folder during the restore; nothing was replaced.")
        os.replace(partial, target)
        done = True
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        if made_key and not done:
            key_file.unlink(missing_ok=True)
        for i in range(len(key)):
            key[i] = 0
    return counts


def _restore_into(
    url: str,
    key: bytearray | None,
    items: Iterator[dict[str, Any]],
    manifest: dict[str, Any],
    home: ServerHome,
    files: dict[str, bytes],
    epoch: str,
) -> dict[str, int]:
    """Create the schema and load every row in one transaction (PostgreSQL rolls the schema back with it)."""
    engine = db.make_engine(url, key=key)
    try:
        if engine.dialect.name == "sqlite":
            db.upgrade(engine)  # a temporary file, renamed into place only when everything below succeeded
            with engine.begin() as conn:
                expected = _load(conn, items)
                counts = _finish(conn, expected, manifest, epoch)
                _place_home_files(home, files)
                return counts
        with engine.connect() as conn, conn.begin():
            cfg = db.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            expected = _load(conn, items)
            _reset_sequences(conn)
            counts = _finish(conn, expected, manifest, epoch)
            # Statistics for the planner now, not when autovacuum gets round to it: the first office report or pull
            # after a restore would otherwise be planned as if every table were empty (on 100,000 people, seconds).
            conn.exec_driver_sql("ANALYZE")
            _place_home_files(home, files)
            return counts
    finally:
        engine.dispose()


def _load(conn: Connection, items: Iterator[dict[str, Any]]) -> dict[str, int]:
    """Insert the streamed rows, in the order written (parents first); returns the trailer's row counts once the
    stream has ended as a sealed backup must (its final chunk authenticated)."""
    tables = {t.name: t for t in server_tables()}
    # The first migration seeds a row or two (the server_seq counter); the backup's rows replace them.
    for table in reversed(server_tables()):
        if table.name != AuditEntry.__tablename__:
            conn.execute(table.delete())
    expected: dict[str, int] | None = None
    for name, group in itertools.groupby(items, key=lambda item: item.get("table")):
        if name is None:
            for item in group:
                end = item.get("end")
                if expected is not None or not isinstance(end, dict) or not isinstance(end.get("tables"), dict):
                    raise BackupError(DAMAGED)
                expected = {str(k): int(v) for k, v in end["tables"].items()}
            continue
        table = tables.get(str(name))
        if table is None or expected is not None:
            raise BackupError(
                "This backup holds a table this version of Offramp does not know; restore it with the version "
                "that made it.",
                detail=str(name),
            )
        decode = _decoder(table)
        try:
            for batch in _batches(decode(item["row"]) for item in group):
                conn.execute(insert(table), batch)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BackupError(DAMAGED) from None
    if expected is None:
        raise BackupError(DAMAGED)
    return expected


def _size(value: Any) -> int:
    """Roughly how much memory a value of a row takes: its length for text and data, its JSON for a structure (a
    revision's snapshot of a record)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict | list):
        return len(json.dumps(value, default=str))
    return 8


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        batch.append(row)
        size += sum(_size(v) for v in row.values())
        if len(batch) >= BATCH or size >= BATCH_BYTES:
            yield batch
            batch = []
            size = 0
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


def _finish(conn: Connection, expected: dict[str, int], manifest: dict[str, Any], epoch: str) -> dict[str, int]:
    """Check every table's count against the backup's, give the office its new epoch, audit the restore."""
    counts = _counts(conn)
    if any(counts.get(name, 0) != n for name, n in expected.items()):
        raise BackupError(
            "The restored database does not hold what the backup lists, so nothing was kept. The file may be damaged.",
            detail=",".join(sorted(n for n in expected if counts.get(n, 0) != expected[n])),
        )
    if conn.execute(update(Office).values(epoch=epoch)).rowcount != 1:
        raise BackupError("This backup holds no office; nothing was changed.")
    detail = {
        "backend": str(manifest.get("backend", "")),
        "rows": sum(expected.values()),
        "previous_epoch": str(manifest.get("epoch", "")),
    }
    _audit(conn, "server_restored", detail)
    counts[AuditEntry.__tablename__] += 1
    return counts


def _audit(conn: Connection, action: str, detail: dict[str, Any]) -> None:
    conn.execute(
        insert(AuditEntry.__table__),  # type: ignore[arg-type]
        [{"occurred_at": utcnow(), "action": action, "outcome": "allowed", "actor": CONSOLE, "detail": detail}],
    )
