"""Sync against its baselines, on real server processes over TLS on loopback, in the same run.

a. first sync: a new enrolled vault pulls N records (``--people``, default 10,000) through ``SyncSession``; the
   baseline is the same records' JSON sent raw over a TLS socket with the office's certificate, decoded and
   bulk-inserted into a fresh vault (what sync cannot avoid doing). Target <= 3x.
b. no-op sync: a synced device syncs again with nothing new, on a server holding 10 x N records of another team and
   on one holding N / 10 (default 100,000 against 1,000). Target <= 1.5x: cost follows changes, not size.
c. push under load on PostgreSQL (``OFFRAMP_BENCH_POSTGRES_URL``, default the local server): 200 devices push
   batches of 25 new people at once to ``offramp-server serve --workers 4``: p50, p95 and p99 batch latency, errors,
   and records/s beside the same rows (each record's row, its head and its first revision, 25 records a transaction,
   on as many connections as there are workers) inserted by plain SQL into the same database in the same run.
   Targets: no errors, p95 <= 1 s, at least 25% of the plain-SQL rate (time for the same records <= 4x). Skipped
   with a note when PostgreSQL cannot be reached. ``python -m bench.sync`` runs this measure alone.

The servers are seeded with bulk SQL (the records, their heads and first revisions) so that setting up 100,000
records does not dominate the run; everything measured goes through the real protocol.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.pool import NullPool

from app.core.workspace import Workspace
from app.models import Person
from app.models.base import utcnow, uuid7
from app.protocol import certs, codec, signing
from app.server import admin, db
from app.server.models import RecordHead, Revision, SyncCounter
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync.client import SyncSession
from app.sync.enrol import enrol
from bench import Options, Report, Row, best_of

PEOPLE = 10_000
QUICK_PEOPLE = 1_000
COLUMNS = ("baseline", "Offramp sync")
PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 - throwaway vaults in a temporary folder
ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 200
BATCHES = 4
PER_BATCH = 25
WORKERS = 4
#: Push targets (issue 20): batch latency at the 95th percentile, and the share of the plain-SQL insert rate.
P95_TARGET = 1.0
RATE_SHARE = 0.25


@dataclass
class Server:
    home: admin.ServerHome
    engine: sa.Engine
    url: str
    process: subprocess.Popen[bytes]
    teams: dict[str, str]
    env: dict[str, str]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.engine.dispose()


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def office(folder: Path, database_url: str | None = None, *, workers: int = 1) -> Iterator[Server]:
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    if database_url:
        env["OFFRAMP_DATABASE_URL"] = database_url
        os.environ["OFFRAMP_DATABASE_URL"] = database_url
    folder.mkdir(parents=True, exist_ok=True)
    try:
        home = admin.ServerHome(folder / "server")
        port = _port()
        admin.init_office(home, office_name="Bench Office", hosts=["localhost"], kit_path=folder / "kit.pdf", port=port)
    finally:
        os.environ.pop("OFFRAMP_DATABASE_URL", None)
    engine = db.make_engine(database_url or db.database_url(home.root))
    teams = {
        name: admin.add_team(engine, name, comp).id for name, comp in (("Mine", "advocacy"), ("Other", "advocacy"))
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.server.cli", "serve", "--data-dir", str(home.root), "--bind", "127.0.0.1",
         "--port", str(port), "--workers", str(workers)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"https://localhost:{port}"
    ctx = certs.client_context(home.ca_cert.read_bytes())
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/v1/health", verify=ctx).status_code == 200:
                break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    server = Server(home, engine, url, process, teams, env)
    try:
        yield server
    finally:
        server.stop()


def seed(server: Server, count: int, team: str, owner: str) -> None:
    """``count`` fictional people, written straight into the server's tables (records, heads, first revisions)."""
    now = utcnow()
    with server.engine.begin() as conn:
        start = int(conn.scalar(sa.select(SyncCounter.value).where(SyncCounter.name == db.SEQ)) or 0)
        for lo in range(0, count, 5000):
            people, heads, revs = [], [], []
            for i in range(lo, min(count, lo + 5000)):
                rid = uuid7()
                values = {
                    "id": rid, "type": "person", "schema_version": 1, "person_id": rid, "owner_user_id": owner,
                    "team_id": team, "regime": "advocacy", "visibility": "my_team", "privileged": True,
                    "consent_id": None, "rev": 1, "deleted": False, "deleted_at": None, "deleted_by": None,
                    "created_at": now, "edited_hlc": f"{int(now.timestamp() * 1000):013d}.00000.bench",
                    "edited_by": owner, "edited_device": "bench", "extra": {},
                    "preferred_name": f"Example Person {i}", "aliases": [], "languages": [], "age_group": "unknown",
                    "is_demo": True,
                }  # fmt: skip
                seq = start + i + 1
                people.append(values)
                heads.append({
                    "id": rid, "type": "person", "schema_version": 1, "person_id": rid, "owner_user_id": owner,
                    "team_id": team, "regime": "advocacy", "visibility": "my_team", "privileged": True,
                    "consent_id": None, "rev": 1, "server_seq": seq, "deleted": False, "deleted_at": None,
                    "updated_at": now,
                })  # fmt: skip
                revs.append({
                    "record_id": rid, "rev": 1, "server_seq": seq, "mutation_id": None, "user_id": owner,
                    "device_id": "bench", "deleted": False, "committed_at": now,
                    "values": {k: codec.encode(v) for k, v in values.items()},
                })  # fmt: skip
            conn.execute(sa.insert(Person), people)
            conn.execute(sa.insert(RecordHead), heads)
            conn.execute(sa.insert(Revision), revs)
        conn.execute(sa.update(SyncCounter).where(SyncCounter.name == db.SEQ).values(value=start + count))


def laptop(server: Server, folder: Path) -> Any:
    username = f"adv-{uuid.uuid4().hex[:8]}"
    admin.add_user(server.engine, username, team="Mine", role="advocate")
    code = admin.issue_code(server.home, server.engine, username).code
    vault, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    enrol(
        vault, PASSPHRASE, server=server.url, code=code, fingerprint=certs.fingerprint(server.home.ca_cert.read_bytes())
    )
    return vault


def _user(server: Server) -> str:
    username = f"seed-{uuid.uuid4().hex[:8]}"
    return admin.add_user(server.engine, username, team="Mine", role="advocate").id


def raw_baseline(server: Server, folder: Path) -> float:
    """The same records' JSON over a bare TLS socket with the office certificate, decoded, bulk-inserted."""
    with server.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(Revision.values)).scalars()]
    payload = json.dumps(rows).encode()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(server.home.server_cert, server.home.server_key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        conn, _ = listener.accept()
        with ctx.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(len(payload).to_bytes(8, "big") + payload)

    vault = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())[0]
    try:
        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        start = time.perf_counter()
        client = certs.client_context(server.home.ca_cert.read_bytes())
        with (
            socket.create_connection(("127.0.0.1", port)) as raw,
            client.wrap_socket(raw, server_hostname="localhost") as tls,
        ):
            size = int.from_bytes(tls.recv(8), "big")
            chunks, got = [], 0
            while got < size:
                chunk = tls.recv(1 << 20)
                chunks.append(chunk)
                got += len(chunk)
        records = json.loads(b"".join(chunks))
        decoded = [codec.decode_values(Person, r)[0] for r in records]
        with vault.session() as s, s.begin():
            s.execute(sa.insert(Person), decoded)
        took = time.perf_counter() - start
        thread.join()
    finally:
        vault.lock()
        listener.close()
    return took


def first_sync(server: Server, folder: Path) -> float:
    vault = laptop(server, folder)
    try:
        start = time.perf_counter()
        SyncSession(Workspace(vault)).run()
        return time.perf_counter() - start
    finally:
        vault.lock()


def noop_sync(server: Server, folder: Path, repeats: int) -> float:
    vault = laptop(server, folder)
    try:
        ws = Workspace(vault)
        SyncSession(ws).run()
        took, _ = best_of(max(3, repeats), lambda: SyncSession(ws).run())
        return took
    finally:
        vault.lock()


@dataclass
class Pushed:
    """What the devices pushing at once saw: each batch's latency, errors, records applied and the wall time."""

    latencies: list[float]
    errors: int
    records: int
    seconds: float
    #: What the failed batches got: an HTTP status and error code, or the client's exception.
    failures: dict[str, int]

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def _people_batch() -> bytes:
    """A push body: PER_BATCH new fictional people."""
    mutations = [
        {"mutation_id": uuid7(), "record_id": uuid7(), "type": "person", "schema_version": 1,
         "patch": {"preferred_name": "Example Person", "visibility": "my_team", "privileged": True},
         "edited_hlc": "0000000000001.00000.bench"}
        for _ in range(PER_BATCH)
    ]  # fmt: skip
    return json.dumps({"batch_id": uuid7(), "mutations": mutations}).encode()


def concurrent_push(server: Server, clients: int = CLIENTS) -> Pushed:
    """``clients`` devices each push BATCHES batches of PER_BATCH new people, all starting at once."""
    devices = []
    ctx = certs.client_context(server.home.ca_cert.read_bytes())
    for _ in range(clients):
        username = f"push-{uuid.uuid4().hex[:8]}"
        admin.add_user(server.engine, username, team="Other", role="advocate")
        code = admin.issue_code(server.home, server.engine, username).code
        key = Ed25519PrivateKey.generate()
        info = httpx.post(f"{server.url}/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(key)},
                          verify=ctx).json()  # fmt: skip
        devices.append((key, info["device_id"]))
    latencies: list[float] = []
    errors = applied = 0
    failures: dict[str, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client(key: Ed25519PrivateKey, device: str) -> None:
        nonlocal errors, applied
        with httpx.Client(base_url=server.url, verify=ctx, timeout=120) as http:
            http.get("/v1/health")  # the TLS handshake is not part of any batch's time
            barrier.wait()
            for _ in range(BATCHES):
                body = _people_batch()
                headers = signing.sign_headers(key, device, "POST", "/v1/sync/push", body)
                headers["Content-Type"] = "application/json"
                start = time.perf_counter()
                done, failure = 0, ""
                try:
                    reply = http.post("/v1/sync/push", content=body, headers=headers)
                    if reply.status_code == 200:
                        done = sum(r["outcome"] == "applied" for r in reply.json()["results"])
                    else:
                        failure = f"{reply.status_code} {reply.json().get('error', '')}"
                except httpx.HTTPError as exc:
                    failure = type(exc).__name__
                with lock:
                    latencies.append(time.perf_counter() - start)
                    if done != PER_BATCH:
                        errors += 1
                        failures[failure or "not all applied"] = failures.get(failure or "not all applied", 0) + 1
                    applied += done

    threads = [threading.Thread(target=client, args=d) for d in devices]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return Pushed(latencies, errors, applied, time.perf_counter() - start, failures)


#: Where a profiled batch's time goes, by the file its functions live in (first match wins).
PROFILE_PARTS = (
    ("the database driver (SQL round trips)", ("psycopg", "sqlite3", "sqlcipher")),
    ("SQLAlchemy (statements, ORM)", ("sqlalchemy",)),
    ("merge and the office's rules", ("app/protocol/merge", "app/server/access", "app/server/records")),
    ("the push itself (app/server/sync.py)", ("app/server/sync",)),
    ("JSON and the schema (pydantic)", ("json", "pydantic")),
    ("the signature (Ed25519)", ("cryptography", "app/protocol/signing")),
)


def push_profile(server: Server, batches: int = 40) -> tuple[float, dict[str, float]]:
    """One device's batches applied one after another in this process, on the office's database, profiled: the
    seconds one batch of PER_BATCH takes to apply (body parsed, signature checked, transaction committed), and the
    share of that time by part (:data:`PROFILE_PARTS`; what is in none of them is "other")."""
    import cProfile
    import pstats

    from app.protocol.schemas import PushIn
    from app.server import sync as server_sync
    from app.server.models import Device

    username = f"profile-{uuid.uuid4().hex[:8]}"
    admin.add_user(server.engine, username, team="Other", role="advocate")
    code = admin.issue_code(server.home, server.engine, username).code
    key = Ed25519PrivateKey.generate()
    ctx = certs.client_context(server.home.ca_cert.read_bytes())
    info = httpx.post(f"{server.url}/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(key)},
                      verify=ctx).json()  # fmt: skip
    sessions = db.sessions(server.engine)
    with sessions() as s:
        device = s.get(Device, info["device_id"])
        assert device is not None
        principal = admin.principal_for(s, device)
        public_key = device.public_key
    bodies = []
    for _ in range(batches):
        body = _people_batch()
        bodies.append((body, signing.sign_headers(key, principal.device_id, "POST", "/v1/sync/push", body)))

    def apply(body: bytes, headers: dict[str, str]) -> None:
        message = signing.canonical(principal.device_id, "POST", "/v1/sync/push", headers[signing.H_TIME],
                                    headers[signing.H_NONCE], body)  # fmt: skip
        assert signing.verify(public_key, headers[signing.H_SIGNATURE], message)
        batch = PushIn.model_validate_json(body)
        with sessions() as s, s.begin():
            server_sync.push(s, principal, batch)

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for body, headers in bodies:
        apply(body, headers)
    profiler.disable()
    per_batch = (time.perf_counter() - start) / batches
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    parts: dict[str, float] = {}
    total = 0.0
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.items():
        total += tottime
        part = next((name for name, marks in PROFILE_PARTS if any(m in filename for m in marks)), "other")
        parts[part] = parts.get(part, 0.0) + tottime
    return per_batch, {name: seconds / total for name, seconds in sorted(parts.items(), key=lambda kv: -kv[1])}


def plain_inserts(server: Server, records: int, connections: int = WORKERS) -> float:
    """Seconds to insert ``records`` new people by plain SQL: each record's row, its head and its first revision,
    PER_BATCH records a transaction, on ``connections`` connections at once (as many as the server has workers).

    The rows are those a push writes for a new record, values made the way :func:`seed` makes them; their sequence
    numbers are taken from the counter in one statement per transaction, as the server's lock would.
    """
    owner = _user(server)
    team = server.teams["Other"]
    engine = db.make_engine(server.engine.url.render_as_string(hide_password=False))
    now = utcnow()
    batches = [min(PER_BATCH, records - lo) for lo in range(0, records, PER_BATCH)]
    queue = list(range(len(batches)))
    lock = threading.Lock()

    def rows(count: int, first_seq: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        people, heads, revs = [], [], []
        for i in range(count):
            rid = uuid7()
            values = {
                "id": rid, "type": "person", "schema_version": 1, "person_id": rid, "owner_user_id": owner,
                "team_id": team, "regime": "advocacy", "visibility": "my_team", "privileged": True,
                "consent_id": None, "rev": 1, "deleted": False, "deleted_at": None, "deleted_by": None,
                "created_at": now, "edited_hlc": "0000000000001.00000.bench", "edited_by": owner,
                "edited_device": "bench", "extra": {}, "preferred_name": "Example Person", "aliases": [],
                "languages": [], "age_group": "unknown", "is_demo": True,
            }  # fmt: skip
            people.append(values)
            heads.append({
                "id": rid, "type": "person", "schema_version": 1, "person_id": rid, "owner_user_id": owner,
                "team_id": team, "regime": "advocacy", "visibility": "my_team", "privileged": True,
                "consent_id": None, "rev": 1, "server_seq": first_seq + i, "deleted": False, "deleted_at": None,
                "updated_at": now,
            })  # fmt: skip
            revs.append({
                "record_id": rid, "rev": 1, "server_seq": first_seq + i, "mutation_id": None, "user_id": owner,
                "device_id": "bench", "deleted": False, "committed_at": now,
                "values": {k: codec.encode(v) for k, v in values.items()},
            })  # fmt: skip
        return people, heads, revs

    def work() -> None:
        while True:
            with lock:
                if not queue:
                    return
                count = batches[queue.pop()]
            with engine.begin() as conn:
                last = conn.execute(
                    sa.update(SyncCounter).where(SyncCounter.name == db.SEQ)
                    .values(value=SyncCounter.value + count).returning(SyncCounter.value)
                ).scalar_one()  # fmt: skip
                people, heads, revs = rows(count, int(last) - count + 1)
                conn.execute(sa.insert(Person), people)
                conn.execute(sa.insert(RecordHead), heads)
                conn.execute(sa.insert(Revision), revs)

    threads = [threading.Thread(target=work) for _ in range(connections)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    engine.dispose()
    return took


def push_under_load(report: Report, folder: Path, clients: int = CLIENTS) -> None:
    """The push measure (c), added to ``report``: its rows, or a note saying why it was skipped."""
    pg = _postgres()
    if pg is None:
        report.notes.append(f"{clients} devices pushing on PostgreSQL: skipped, no PostgreSQL could be reached.")
        return
    name, url, admin_engine = pg
    try:
        with office(folder / "pg", url, workers=WORKERS) as server:
            pushed = concurrent_push(server, clients)
            plain = plain_inserts(server, pushed.records or clients * BATCHES * PER_BATCH)
            per_batch, parts = push_profile(server)
        batches = len(pushed.latencies)
        what = f"{clients} devices pushing at once, {WORKERS} workers on PostgreSQL ({batches} batches of {PER_BATCH})"
        for p in (50, 95, 99):
            report.rows.append(
                Latency(
                    f"{what}: batch latency p{p}", None, pushed.percentile(p),
                    target_text=f"≤ {P95_TARGET * 1000:,.0f} ms, no errors" if p == 95 else None,
                    met=(pushed.percentile(95) <= P95_TARGET and pushed.errors == 0) if p == 95 else None,
                )
            )  # fmt: skip
        report.rows.append(
            Row(
                f"{pushed.records:,} records pushed by {clients} devices ({WORKERS} workers) against the same rows "
                f"by plain SQL ({WORKERS} connections, {PER_BATCH} a transaction)",
                plain, pushed.seconds, target=1 / RATE_SHARE, baseline="plain SQL inserts",
            )
        )  # fmt: skip
        offramp_rate = pushed.records / pushed.seconds if pushed.seconds else 0.0
        plain_rate = pushed.records / plain if plain else 0.0
        share = offramp_rate / plain_rate if plain_rate else 0.0
        report.notes.append(
            f"push under load: {pushed.errors} errors in {batches} batches"
            f"{f' {pushed.failures}' if pushed.failures else ''}; "
            f"{offramp_rate:,.0f} records/s through "
            f"the server against {plain_rate:,.0f} records/s by plain SQL ({share:.0%} of it; target "
            f"≥ {RATE_SHARE:.0%}). Latency p50 {pushed.percentile(50) * 1000:,.0f} ms, p95 "
            f"{pushed.percentile(95) * 1000:,.0f} ms, p99 {pushed.percentile(99) * 1000:,.0f} ms. The {clients} "
            f"client threads (signing, JSON, TLS) run on the same machine as the server and the database."
        )
        shares = ", ".join(f"{name} {share:.0%}" for name, share in parts.items())
        report.notes.append(
            f"push under load, the profile: one device's batches of {PER_BATCH} applied one after another on the same"
            f" PostgreSQL take {per_batch * 1000:,.0f} ms each (body parsed, signature checked, committed; no HTTP "
            f"or TLS), of which {shares}. With {os.cpu_count()} CPUs shared by the server's {WORKERS} workers, "
            f"PostgreSQL and the {clients} client threads, the batches of {clients} devices at once queue: about "
            f"{clients * per_batch / max(1, os.cpu_count() or 1):,.1f} s of work per CPU before the last one is done."
        )
        if plain_rate:
            # Little's law: with every device keeping one batch in flight, a batch's mean latency is the number of
            # devices over the batches done per second. Even at the plain-SQL rate that is this many seconds.
            floor = clients / (plain_rate / PER_BATCH)
            report.notes.append(
                f"push under load, the latency floor: {clients} devices each with a batch in flight wait on average "
                f"{clients} / (batches per second). At the plain-SQL rate measured here ({plain_rate / PER_BATCH:,.0f}"
                f" batches/s) that is {floor:,.1f} s before any server work, so p95 ≤ {P95_TARGET:g} s for "
                f"{clients} devices at once needs {clients * PER_BATCH / P95_TARGET:,.0f} records/s, "
                f"{clients * PER_BATCH / P95_TARGET / plain_rate:,.1f}x what plain SQL does on this machine."
            )
    finally:
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


class Latency(Row):
    def format_value(self, value: float | None) -> str:
        return "—" if value is None else f"{value * 1000:,.0f} ms"


def _postgres() -> tuple[str, str, sa.Engine] | None:
    url = sa.engine.make_url(
        os.environ.get("OFFRAMP_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    )
    try:
        admin_engine = sa.create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        name = f"offramp_bench_{uuid.uuid4().hex[:10]}"
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception:  # no PostgreSQL here: the measure is skipped with a note
        return None
    return name, url.set(database=name).render_as_string(hide_password=False), admin_engine


def run(options: Options) -> Report:
    report = Report(name="sync")
    n = options.people
    tmp = Path(tempfile.mkdtemp(prefix="offramp-bench-sync-"))
    try:
        with office(tmp / "first") as server:
            seed(server, n, server.teams["Mine"], _user(server))
            raw, _ = best_of(options.repeats, lambda: raw_baseline(server, tmp / "raw" / uuid7()))
            synced, _ = best_of(min(options.repeats, 2), lambda: first_sync(server, tmp / "first-sync" / uuid7()))
        report.rows.append(Row(f"first sync of {n:,} records", raw, synced, target=3.0))
        big = n * 10  # reported, without a target of its own (issue 20)
        with office(tmp / "first-big") as server:
            seed(server, big, server.teams["Mine"], _user(server))
            raw_big = raw_baseline(server, tmp / "raw-big")
            synced_big = first_sync(server, tmp / "first-sync-big")
        report.rows.append(Row(f"first sync of {big:,} records (reported)", raw_big, synced_big))

        small_n, big_n = max(1, n // 10), n * 10
        timings = {}
        for size in (small_n, big_n):
            with office(tmp / f"noop-{size}") as server:
                seed(server, size, server.teams["Other"], _user(server))
                seed(server, 100, server.teams["Mine"], _user(server))
                timings[size] = noop_sync(server, tmp / f"noop-laptop-{size}", options.repeats)
        report.rows.append(
            Row(f"no-op sync: {big_n:,} records on the server against {small_n:,}", timings[small_n], timings[big_n],
                target=1.5)
        )  # fmt: skip

        push_under_load(report, tmp)
        report.notes.append(
            "first sync baseline: the same records' JSON over a bare TLS socket, decoded and bulk-inserted into a "
            "fresh vault; no-op sync: hello, an empty push check, a pull with reconciliation and done."
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report


if __name__ == "__main__":
    # The push measure alone (c): python -m bench.sync
    from bench import seconds

    alone = Report(name="sync")
    folder = Path(tempfile.mkdtemp(prefix="offramp-bench-push-"))
    try:
        push_under_load(alone, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for row in alone.rows:
        shown = row.format_value if isinstance(row, Latency) else seconds
        ratio = "" if row.ratio is None else f"  ratio {row.ratio:.2f}x"
        print(f"{row.measure}: {shown(row.plain)} | {shown(row.vault)}{ratio}  met: {row.is_met}")
    for note in alone.notes:
        print(note)
