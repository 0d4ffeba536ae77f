"""``offramp-server backup`` / ``restore``: a real office (CA, database, records, an enrolled device) is backed up
and restored into an empty folder or database, on SQLite and PostgreSQL and across them; every row comes back, the
office gets a new server epoch (DESIGN.md section 3) that the enrolled device is told at its next hello, and bad
input changes nothing. Backups are sealed to the office recovery key: each restore here types the key read off the
printed kit PDF, and one without it, or with another office's, is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from nacl.public import PrivateKey
from sqlalchemy.engine import Engine, make_url

from app.models import RECORD_TYPES, Consent, NoteEntry, Person
from app.models.base import utcnow, uuid7
from app.protocol import signing
from app.server import admin, db, records
from app.server.app import create_app
from app.server.backup import (
    HOME_FILES,
    MAGIC,
    BackupError,
    SealedWriter,
    _items,
    _ItemWriter,
    backup,
    opened_chunks,
    restore,
    server_tables,
)
from app.server.models import AuditEntry, Office, RecordHead, Revision, SyncCounter
from tests.conftest import _admin_engine
from tests.server.conftest import kit_key, kit_key_file

ROOT = Path(__file__).resolve().parents[2]
OWNER = "user-fictional-owner"


# --- an office with something in it ---------------------------------------------------------------------------


def _make_office(root: Path, kit_dir: Path) -> admin.ServerHome:
    home = admin.ServerHome(root)
    admin.init_office(
        home, office_name="Fictional Office", hosts=["localhost"], kit_path=kit_dir / "kit.pdf", port=8443
    )
    engine = home.engine()
    try:
        admin.add_team(engine, "Advocacy A", "advocacy")
        admin.add_user(engine, "advocate-one", team="Advocacy A", role="advocate")
        with admin.session_for(engine) as s:
            for n in range(3):
                person = Person(
                    id=uuid7(),
                    owner_user_id=OWNER,
                    team_id="team-a",
                    regime="advocacy",
                    visibility="my_team",
                    privileged=False,
                    edited_hlc="1",
                    edited_by=OWNER,
                    edited_device="d",
                    preferred_name=f"Fictional Person {n}",
                )
                person.person_id = person.id
                records.store(s, person, user_id=OWNER, device_id="d")
                consent = Consent(
                    id=uuid7(),
                    person_id=person.id,
                    owner_user_id=OWNER,
                    team_id="team-a",
                    regime="advocacy",
                    visibility="my_team",
                    privileged=False,
                    edited_hlc="1",
                    edited_by=OWNER,
                    edited_device="d",
                    recipient="Prosecution office",
                    purpose="Court preparation",
                    starts_on=dt.date(2026, 1, 1),
                    expires_on=dt.date(2027, 1, 1),
                )
                records.store(s, consent, user_id=OWNER, device_id="d")
                note = NoteEntry(
                    id=uuid7(),
                    person_id=person.id,
                    owner_user_id=OWNER,
                    team_id="team-a",
                    regime="advocacy",
                    visibility="my_team",
                    privileged=n == 2,
                    edited_hlc="1",
                    edited_by=OWNER,
                    edited_device="d",
                    body="A fictional note — with a dash and ünïcode",
                )
                records.store(s, note, user_id=OWNER, device_id="d")
                note.body = "A fictional note, changed"  # a second revision of the same record
                records.store(s, note, user_id=OWNER, device_id="d")
    finally:
        engine.dispose()
    return home


class DeviceKey:
    """A device enrolled through the real enrolment endpoint, signing its requests as a laptop would."""

    def __init__(self, home: admin.ServerHome) -> None:
        self.key = Ed25519PrivateKey.generate()
        engine = home.engine()
        try:
            code = admin.issue_code(home, engine, "advocate-one").code
            with TestClient(create_app(engine)) as client:
                reply = client.post("/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(self.key)})
        finally:
            engine.dispose()
        assert reply.status_code == 200, reply.text
        self.id = str(reply.json()["device_id"])

    def hello(self, home: admin.ServerHome) -> dict[str, Any]:
        body = json.dumps(
            {
                "protocol": 1,
                "schema_versions": {name: cls.SCHEMA_VERSION for name, cls in RECORD_TYPES.items()},
                "client_time": utcnow().isoformat(),
            }
        ).encode()
        headers = signing.sign_headers(self.key, self.id, "POST", "/v1/sync/hello", body)
        headers["Content-Type"] = "application/json"
        engine = home.engine()
        try:
            with TestClient(create_app(engine)) as client:
                reply = client.post("/v1/sync/hello", content=body, headers=headers)
        finally:
            engine.dispose()
        assert reply.status_code == 200, reply.text
        return dict(reply.json())


def _note(body: str, *, privileged: bool = False) -> NoteEntry:
    return NoteEntry(
        id=uuid7(),
        person_id=None,
        owner_user_id=OWNER,
        team_id="team-a",
        regime="advocacy",
        visibility="my_team",
        privileged=privileged,
        edited_hlc="1",
        edited_by=OWNER,
        edited_device="d",
        body=body,
    )


def _value(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).isoformat()
    return v


def dump(home: admin.ServerHome) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every server table, in primary-key order, comparable across SQLite and PostgreSQL."""
    engine = db.make_engine(home.database_url())
    try:
        with engine.connect() as conn:
            out = {}
            for table in server_tables():
                order = list(table.primary_key.columns)
                rows = conn.execute(sa.select(table).order_by(*order)).all()
                out[table.name] = [tuple(_value(v) for v in row) for row in rows]
            return out
    finally:
        engine.dispose()


def _epoch(home: admin.ServerHome) -> str:
    engine = home.engine()
    try:
        with engine.connect() as conn:
            return str(conn.scalar(sa.select(Office.epoch)))
    finally:
        engine.dispose()


def _audit_actions(home: admin.ServerHome) -> list[tuple[str, dict[str, Any]]]:
    engine = home.engine()
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.select(AuditEntry.action, AuditEntry.detail).order_by(AuditEntry.id)).all()
            return [(a, dict(d)) for a, d in rows]
    finally:
        engine.dispose()


def _check_restored(source: dict[str, list[tuple[Any, ...]]], restored: dict[str, list[tuple[Any, ...]]]) -> None:
    """Equal row for row, but for the office's epoch and the restore's own audit event at the end."""
    for name, rows in source.items():
        got = restored[name]
        if name == "office":
            epoch_at = [c.name for c in Office.__table__.columns].index("epoch")
            assert len(got) == len(rows) == 1
            assert [v for i, v in enumerate(got[0]) if i != epoch_at] == [
                v for i, v in enumerate(rows[0]) if i != epoch_at
            ]
            assert got[0][epoch_at] != rows[0][epoch_at]
        elif name == "audit_log":
            assert got[: len(rows)] == rows
            assert [row[2] for row in got[len(rows) :]] == ["server_restored"]
        else:
            assert got == rows, name
    assert len(source["record_head"]) == 9 and len(source["revision"]) == 12


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> admin.ServerHome:
    monkeypatch.delenv("OFFRAMP_DATABASE_URL", raising=False)
    return _make_office(tmp_path / "server", tmp_path)


# --- SQLite ----------------------------------------------------------------------------------------------------


def test_a_sqlite_backup_restores_into_an_empty_folder_and_the_device_hears_a_new_epoch(
    office: admin.ServerHome, tmp_path: Path
) -> None:
    device = DeviceKey(office)
    before_epoch = office.root and _epoch(office)
    assert device.hello(office)["server_epoch"] == before_epoch
    source = dump(office)

    out = tmp_path / "office.backup"
    before = sorted(p.name for p in office.root.iterdir())
    made = backup(office, out)
    assert made.backend == "sqlite" and made.records == 9
    assert out.stat().st_mode & 0o777 == 0o600
    sealed = out.read_bytes()
    assert sealed.startswith(MAGIC)
    assert b"PRIVATE KEY" not in sealed and b"Fictional" not in sealed  # the CA key and the records: sealed
    assert sorted(p.name for p in office.root.iterdir()) == before  # no working copy left behind
    assert _audit_actions(office)[-1] == ("server_backup", {"backend": "sqlite", "rows": made.rows})

    new = admin.ServerHome(tmp_path / "rebuilt")
    restored = restore(new, out, kit_key(tmp_path / "kit.pdf"))
    assert restored.records == 9 and restored.epoch != before_epoch
    _check_restored(source, dump(new))
    for name in HOME_FILES:  # the CA and keys devices trust came back, for the server's account only
        assert (new.root / name).read_bytes() == (office.root / name).read_bytes()
        assert (new.root / name).stat().st_mode & 0o777 == 0o600
    assert new.root.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in new.root.iterdir()) == ["config.json", "server.db", "tls"]
    assert not (new.root / "server.db").read_bytes().startswith(db.PLAIN_HEADER)  # encrypted again
    new_key = db.key_path(new.root)
    assert new_key.parent == new.root.parent and new_key.stat().st_mode & 0o777 == 0o600  # its own key, apart
    action, detail = _audit_actions(new)[-1]
    assert action == "server_restored" and detail["previous_epoch"] == before_epoch and detail["rows"] == made.rows

    # The device enrolled before the backup is still known, and is told the history it holds a cursor into is gone.
    hello = device.hello(new)
    assert hello["server_epoch"] == restored.epoch != before_epoch
    # New writes continue the sequence after everything restored: no server_seq is handed out twice.
    engine = new.engine()
    try:
        with admin.session_for(engine) as s:
            highest = s.scalar(sa.select(sa.func.max(RecordHead.server_seq)))
            person = Person(
                id=uuid7(),
                owner_user_id=OWNER,
                team_id="team-a",
                regime="advocacy",
                visibility="my_team",
                privileged=False,
                edited_hlc="2",
                edited_by=OWNER,
                edited_device="d",
                preferred_name="Fictional Newcomer",
            )
            person.person_id = person.id
            records.store(s, person, user_id=OWNER, device_id="d")
            head = s.get(RecordHead, person.id)
            assert head is not None and head.server_seq == highest + 1
    finally:
        engine.dispose()


def test_a_backup_taken_while_records_are_written_is_one_committed_state(
    office: admin.ServerHome, tmp_path: Path
) -> None:
    """A writer stores records as fast as it can during the backup; the restored copy is a state some commit left:
    the counter is the highest ``server_seq``, and every revision a head counts is there."""
    engine = office.engine()
    stop = threading.Event()
    written: list[int] = []
    problems: list[BaseException] = []

    def writer() -> None:
        try:
            while not stop.is_set():
                with admin.session_for(engine) as s:
                    records.store(s, _note(f"Written during the backup {len(written)}"), user_id=OWNER, device_id="d")
                written.append(1)
        except BaseException as exc:  # surfaced below
            problems.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            time.sleep(0.01)
        made = backup(office, tmp_path / "during.backup")
        while len(written) < made.tables["record_head"] - 9 + 5:  # the writer carried on while the copy was made
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(timeout=30)
        engine.dispose()
    assert not problems
    assert 9 < made.tables["record_head"] < 9 + len(written) + 1

    new = admin.ServerHome(tmp_path / "rebuilt")
    restore(new, tmp_path / "during.backup", kit_key(tmp_path / "kit.pdf"))
    rebuilt = new.engine()
    try:
        with rebuilt.connect() as conn:
            counter = conn.scalar(sa.select(SyncCounter.value).where(SyncCounter.name == db.SEQ))
            assert counter == conn.scalar(sa.select(sa.func.max(RecordHead.server_seq)))
            assert conn.scalar(sa.select(sa.func.sum(RecordHead.rev))) == conn.scalar(
                sa.select(sa.func.count()).select_from(Revision)
            )
    finally:
        rebuilt.dispose()


def reseal(source: Path, target: Path, private_key: bytes, change: Any) -> None:
    """Open a backup with the kit and seal it again to the same office with ``change`` applied to each item: what
    someone holding the public key (it is not secret) could make."""
    public = bytes(PrivateKey(private_key).public_key)
    with open(source, "rb") as src, open(target, "wb") as dst:
        items = _ItemWriter(SealedWriter(dst, public))
        for item in _items(opened_chunks(src, private_key)):
            items.put(change(item))
        items.close()


def _claim_one_more(table: str) -> Any:
    def change(item: dict[str, Any]) -> dict[str, Any]:
        if "end" in item:
            item["end"]["tables"][table] += 1
        return item

    return change


def test_restore_refuses_a_damaged_file_or_a_folder_that_holds_a_server_and_changes_nothing(
    office: admin.ServerHome, tmp_path: Path
) -> None:
    key = kit_key(tmp_path / "kit.pdf")
    out = tmp_path / "office.backup"
    backup(office, out)
    with pytest.raises(BackupError, match="already exists"):
        backup(office, out)

    before = dump(office)
    with pytest.raises(BackupError, match="already holds"):
        restore(office, out, key)  # onto the live server: never
    assert dump(office) == before

    empty = admin.ServerHome(tmp_path / "empty")
    data = out.read_bytes()
    for name, damaged_bytes in (
        ("flipped", data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 0xFF]) + data[len(data) // 2 + 1 :]),
        ("cut-short", data[: len(data) - 40]),
        ("not-a-backup", b"PK\x03\x04 some other file"),
    ):
        damaged = tmp_path / f"{name}.backup"
        damaged.write_bytes(damaged_bytes)
        with pytest.raises(BackupError, match="damaged"):
            restore(empty, damaged, key)
        assert not empty.root.exists() or not any(p for p in empty.root.iterdir() if not p.name.startswith("."))
        assert not db.key_path(empty.root).exists()

    # Another office's kit does not open it, and says whose kit it needs.
    other_kit = PrivateKey.generate()
    with pytest.raises(BackupError, match="sealed to the kit whose public key check is"):
        restore(empty, out, bytes(other_kit))

    # A backup claiming another row is caught by the count check, and the database is never put in place.
    tampered = tmp_path / "tampered.backup"
    reseal(out, tampered, key, _claim_one_more("person"))
    other = admin.ServerHome(tmp_path / "other")
    with pytest.raises(BackupError, match="does not hold what the backup lists"):
        restore(other, tampered, key)
    assert not (other.root / "server.db").exists()
    assert not [p for p in other.root.iterdir() if p.name.startswith("server.db")]
    assert not db.key_path(other.root).exists()  # the key made for it went with it

    # A backup from before backups were sealed (a gzip tar) is refused with a sentence, not restored.
    old = tmp_path / "old.backup"
    with tarfile.open(old, "w:gz"):
        pass
    with pytest.raises(BackupError, match="before backups were sealed"):
        restore(empty, old, key)


def test_backup_and_restore_stream_a_database_larger_than_the_memory_they_use(
    office: admin.ServerHome, tmp_path: Path
) -> None:
    """About 17 MB of (fictional) notes, each kept twice (record and revision): neither the backup nor the restore
    ever holds more than a fraction of it in Python's memory."""
    import tracemalloc

    engine = office.engine()
    try:
        for n in range(12):
            with admin.session_for(engine) as s:
                for m in range(25):
                    body = f"Fictional note {n}-{m}. " + "".join(f"line {i} of a long entry; " for i in range(2000))
                    records.store(s, _note(body), user_id=OWNER, device_id="d")
    finally:
        engine.dispose()
    database = (office.root / "server.db").stat().st_size
    assert database > 30 << 20
    bound = 12 << 20

    out = tmp_path / "large.backup"
    tracemalloc.start()
    try:
        made = backup(office, out)
        _, backup_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        restore(admin.ServerHome(tmp_path / "rebuilt"), out, kit_key(tmp_path / "kit.pdf"))
        _, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert made.tables["note_entry"] == 3 + 300
    assert backup_peak < bound, f"backup peaked at {backup_peak / 2**20:.1f} MiB"
    assert restore_peak < bound, f"restore peaked at {restore_peak / 2**20:.1f} MiB"


def test_the_admin_command_backs_up_and_restores_plainly(office: admin.ServerHome, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OFFRAMP_DATABASE_URL"}
    cmd = [sys.executable, "-m", "app.server.cli"]
    out = tmp_path / "cli.backup"
    typed = kit_key_file(tmp_path / "kit.pdf", tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cmd, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
        )

    made = run("backup", str(out), "--data-dir", str(office.root))
    assert made.returncode == 0, made.stderr
    assert "9 records" in made.stdout and "only the printed Office Recovery Kit can restore it" in made.stdout

    again = run("backup", str(out), "--data-dir", str(office.root))
    assert again.returncode == 1 and again.stderr.strip().endswith("choose a new name for the backup.")
    assert "Traceback" not in again.stderr

    without_kit = run("restore", str(out), "--data-dir", str(tmp_path / "rebuilt"))
    assert without_kit.returncode == 1 and "Traceback" not in without_kit.stderr
    assert without_kit.stderr.strip() == (
        "Restoring a backup needs the office recovery key from the printed Office Recovery Kit: type it when "
        "asked, or give a file holding it with --recovery-key-file."
    )
    assert not (tmp_path / "rebuilt").exists()

    mistyped = tmp_path / "mistyped.txt"
    text = typed.read_text(encoding="utf-8")
    mistyped.write_text(text[:6] + ("Z" if text[6] != "Z" else "Y") + text[7:], encoding="utf-8")
    wrong = run("restore", str(out), "--data-dir", str(tmp_path / "rebuilt"), "--recovery-key-file", str(mistyped))
    assert wrong.returncode == 1 and wrong.stderr.strip() == "Group 2 of the office recovery key does not look right."

    back = run("restore", str(out), "--data-dir", str(tmp_path / "rebuilt"), "--recovery-key-file", str(typed))
    assert back.returncode == 0, back.stderr
    assert "9 records" in back.stdout and "a new sync epoch" in back.stdout

    refused = run("restore", str(out), "--data-dir", str(office.root), "--recovery-key-file", str(typed))
    assert refused.returncode == 1 and "already holds" in refused.stderr and "Traceback" not in refused.stderr
    assert run("restore", "--data-dir", str(tmp_path)).returncode == 2


# --- PostgreSQL, and across the two ----------------------------------------------------------------------------


@pytest.fixture
def second_pg_database(postgres_url: str) -> Iterator[str]:
    server = make_url(postgres_url)
    name = f"offramp_test_{uuid.uuid4().hex[:16]}"
    engine = _admin_engine(server)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def _pg_engine_count(url: str) -> list[str]:
    engine: Engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        return sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_backups_restore_into_postgresql_and_sqlite_and_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_database: str, second_pg_database: str
) -> None:
    monkeypatch.setenv("OFFRAMP_DATABASE_URL", pg_database)
    office = _make_office(tmp_path / "pg-office", tmp_path)
    device = DeviceKey(office)
    source = dump(office)
    out = tmp_path / "pg.backup"
    made = backup(office, out)
    assert made.backend == "postgresql" and made.records == 9
    assert out.read_bytes().startswith(MAGIC) and b"Fictional" not in out.read_bytes()
    key = kit_key(tmp_path / "kit.pdf")

    # Into another, empty PostgreSQL database: one transaction, the audit log's ids continue after the restored ones.
    monkeypatch.setenv("OFFRAMP_DATABASE_URL", second_pg_database)
    into_pg = admin.ServerHome(tmp_path / "pg-rebuilt")
    restored = restore(into_pg, out, key)
    _check_restored(source, dump(into_pg))
    assert device.hello(into_pg)["server_epoch"] == restored.epoch
    ids = [row[0] for row in dump(into_pg)["audit_log"]]
    assert ids == sorted(set(ids))
    # The planner has the restored tables' statistics at once (an office report after a restore is planned well).
    engine = sa.create_engine(second_pg_database.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            analyzed = conn.execute(
                sa.text("SELECT relname FROM pg_stat_user_tables WHERE analyze_count > 0 OR last_analyze IS NOT NULL")
            ).scalars()
            assert {"record_head", "revision", "person", "audit_log"} <= set(analyzed)
    finally:
        engine.dispose()

    # Into SQLite (how an office would move between the two), and that SQLite backup into PostgreSQL again.
    monkeypatch.delenv("OFFRAMP_DATABASE_URL")
    into_sqlite = admin.ServerHome(tmp_path / "sqlite-rebuilt")
    restore(into_sqlite, out, key)
    _check_restored(source, dump(into_sqlite))

    sqlite_backup = tmp_path / "sqlite.backup"
    backup(into_sqlite, sqlite_backup)
    monkeypatch.setenv("OFFRAMP_DATABASE_URL", pg_database)
    with pytest.raises(BackupError, match="already holds"):
        restore(admin.ServerHome(tmp_path / "third"), sqlite_backup, key)  # the first database is not empty


@pytest.mark.postgres
def test_a_failed_postgresql_restore_leaves_the_database_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_database: str, office: admin.ServerHome
) -> None:
    out = tmp_path / "office.backup"
    backup(office, out)
    tampered = tmp_path / "tampered.backup"
    key = kit_key(tmp_path / "kit.pdf")
    reseal(out, tampered, key, _claim_one_more("revision"))
    monkeypatch.setenv("OFFRAMP_DATABASE_URL", pg_database)
    with pytest.raises(BackupError, match="does not hold what the backup lists"):
        restore(admin.ServerHome(tmp_path / "pg-rebuilt"), tampered, key)
    assert _pg_engine_count(pg_database) == []  # schema and rows rolled back together


@pytest.mark.postgres
def test_an_office_moves_from_sqlite_to_postgresql_in_its_own_folder(
    office: admin.ServerHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_database: str
) -> None:
    """deploy/POSTGRESQL.md: back up on SQLite, point OFFRAMP_DATABASE_URL at an empty database, restore in place."""
    source = dump(office)
    out = tmp_path / "before-postgresql.backup"
    backup(office, out)
    monkeypatch.setenv("OFFRAMP_DATABASE_URL", pg_database)
    restore(office, out, kit_key(tmp_path / "kit.pdf"))  # the same config.json and tls/ are accepted as they are
    _check_restored(source, dump(office))
    assert (office.root / "server.db").exists()  # kept, never touched


# --- a device syncs against the restored server (DESIGN.md section 3, the server-epoch path) ----------------------


def _people(laptop: Any) -> dict[str, tuple[str, str | None]]:
    return {pid: (p.preferred_name, p.safe_times) for pid, p in laptop.records("person").items()}


def test_devices_sync_against_a_restored_server_without_losing_or_doubling_a_record(tmp_path: Path) -> None:
    """A real server process and two real vaults. After the backup, laptop A adds two people and changes one; then the
    server is lost and rebuilt from the backup in a new folder. The next syncs must leave both laptops and the server
    with every person exactly once, A's later change included."""
    from tests.server.conftest import Office, _start, run_cli
    from tests.sync.conftest import make_laptop, stop

    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(tmp_path / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Fictional Office", "--host", "localhost,127.0.0.1",
            "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    office = Office(backend="sqlite", home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=tmp_path)
    office.teams["Advocacy A"] = admin.add_team(engine, "Advocacy A", "advocacy").id
    _start(office)
    laptops = []
    try:
        a = make_laptop(office, tmp_path / "a", "Advocacy A", "advocate")
        b = make_laptop(office, tmp_path / "b", "Advocacy A", "advocate")
        laptops += [a, b]
        for name in ("Example One", "Example Two", "Example Three"):
            a.ws.records.create("person", {"preferred_name": name})
        a.sync()
        b.sync()
        assert len(_people(b)) == 3

        run_cli("backup", str(tmp_path / "office.backup"), "--data-dir", str(home.root), env=env)

        one = next(pid for pid, (name, _) in _people(a).items() if name == "Example One")
        a.ws.records.update("person", one, {"safe_times": "Mornings only"})
        for name in ("Example Four", "Example Five"):
            a.ws.records.create("person", {"preferred_name": name})
        a.sync()
        b.sync()
        expected = _people(a)
        assert len(expected) == 5 and _people(b) == expected

        # The server is lost; a new one is built from the backup, in a new folder, and serves on a new port.
        stop(office)
        engine.dispose()
        rebuilt = admin.ServerHome(tmp_path / "rebuilt")
        typed = kit_key_file(tmp_path / "kit.pdf", tmp_path)
        run_cli("restore", str(tmp_path / "office.backup"), "--data-dir", str(rebuilt.root),
                "--recovery-key-file", str(typed), env=env)  # fmt: skip
        office.home = rebuilt
        office.engine = engine = db.make_engine(db.database_url(rebuilt.root))
        _start(office)

        a.sync()
        b.sync()
        a.sync()
        with engine.connect() as conn:
            rows = conn.execute(sa.select(Person.id, Person.preferred_name, Person.safe_times)).all()
        on_server = {pid: (name, times) for pid, name, times in rows}
        # Nothing doubled anywhere, and everything the backup held is on every side again.
        assert len(rows) == len(on_server)
        in_backup = {
            pid for pid, (name, _) in expected.items() if name in {"Example One", "Example Two", "Example Three"}
        }
        for side in (_people(a), _people(b), on_server):
            assert in_backup <= side.keys() <= expected.keys()
        assert not a.outbox() and not b.outbox()
        # What a device sent after the backup was taken (new people, newer revisions) goes back to the restored
        # server at the device's next sync, and from there to everyone.
        assert _people(a) == expected
        assert _people(b) == expected
        assert on_server == expected
    finally:
        for laptop in laptops:
            laptop.close()
        stop(office)
        engine.dispose()
