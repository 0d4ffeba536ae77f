"""Two real `offramp-server serve` processes on one PostgreSQL database, as two office hosts behind one address.

Server A runs one process; server B runs with ``--workers 2`` (so three server processes in all) and trusts a proxy
at 127.0.0.1, each on its own loopback port over TLS. Devices enrol, push and pull through both, at the same time,
with real signatures:

- sequence order is commit order: a watcher reading the database while the pushes run never finds a revision
  numbered at or below one it had already seen committed, and the numbers run 1..N without a gap;
- every mutation is applied once: each batch is sent again through the other process and comes back with the very
  same results, and the database holds exactly one revision and one result per mutation;
- a replayed request is refused by the other process, and the same request sent to both at once is done once;
- no pull misses a record: readers page through both processes while the writers push, and end holding every
  record at its last revision (a cursor that skipped a number committed late by the other process would leave a
  record out for good);
- an enrolment code works once across both, and the per-address enrolment limit counts tries made through both;
- X-Forwarded-For names the device only where ``--trusted-proxy`` says the request came through a proxy.

Everything the processes share is in the database (DESIGN.md section 3, deploy/SCALE-OUT.md); nothing here talks to
the server's Python objects.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.protocol import signing
from app.server import admin, db, limits
from app.server.models import Conflict, MutationResult, RecordHead, RefusalCount, Revision
from tests.conftest import _admin_engine
from tests.server.conftest import ROOT, SERVER_CMD, Device, Office, free_port, run_cli
from tests.server.test_push_concurrency import batch, edit, new_person

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

TEAM = "Advocacy A"
WRITERS = 8
BATCHES = 6
NEW_PER_BATCH = 5
#: Readers' page sizes: one pages through small pages, the others are caught up after almost every pull (where a
#: cursor that jumps to the top would skip a number committed late).
PAGES = (15, 200, 200)


@dataclass
class Pair:
    """One office on one PostgreSQL database, served by two server processes (A: one worker, B: two)."""

    a: Office
    b: Office
    url: str

    @property
    def both(self) -> tuple[Office, Office]:
        return self.a, self.b


def _serve(office: Office, *extra: str) -> Office:
    """Start ``offramp-server serve`` for ``office`` on a port of its own; the returned Office points at it."""
    port = free_port()
    process = subprocess.Popen(
        [*SERVER_CMD, "serve", "--data-dir", str(office.home.root), "--bind", "127.0.0.1", "--port", str(port), *extra],
        env=office.env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    served = replace(office, url=f"https://localhost:{port}", process=process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise AssertionError(f"the server stopped at start-up: {err}")
        try:
            with served.client() as c:
                if c.get("/v1/health").status_code == 200:
                    return served
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("the server did not answer within 60 s")


def _stop(office: Office) -> None:
    if office.process is None:
        return
    office.process.terminate()
    try:
        office.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.process.kill()
        office.process.wait(timeout=10)


@pytest.fixture(scope="module")
def pair(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    server = make_url(postgres_url)
    name = f"offramp_two_processes_{os.urandom(6).hex()}"
    admin_engine = _admin_engine(server)
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
    url = server.set(database=name).render_as_string(hide_password=False)
    folder = tmp_path_factory.mktemp("two-processes")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    env["OFFRAMP_DATABASE_URL"] = url
    home = admin.ServerHome(folder / "server")
    kit = folder / "kit.pdf"
    run_cli(
        "init", "--data-dir", str(home.root), "--office", "Two Hosts Office", "--host", "localhost,127.0.0.1",
        "--kit", str(kit), env=env,
    )  # fmt: skip
    engine = db.make_engine(url)
    office = Office(backend="postgres", home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    office.teams[TEAM] = admin.add_team(engine, TEAM, "advocacy").id
    a = b = None
    try:
        a = _serve(office)
        b = _serve(office, "--workers", "2", "--trusted-proxy", "127.0.0.1")
        yield Pair(a=a, b=b, url=url)
    finally:
        for served in (a, b):
            if served is not None:
                _stop(served)
        engine.dispose()
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def _enrol(pair: Pair, through: Office) -> Device:
    key = Ed25519PrivateKey.generate()
    code = pair.a.code(pair.a.user(TEAM, "advocate"))
    with through.client() as c:
        reply = c.post("/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(key)})
    assert reply.status_code == 200, reply.text
    return Device(office=through, key=key, info=reply.json())


def _signed(client: httpx.Client, device: Device, path: str, payload: Any) -> tuple[httpx.Response, bytes, dict]:
    """POST ``payload`` to ``path``, signed by ``device``; returns the reply and exactly what was sent."""
    body = json.dumps(payload).encode()
    headers = signing.sign_headers(device.key, device.id, "POST", path, body)
    headers["Content-Type"] = "application/json"
    return client.post(path, content=body, headers=headers), body, headers


def test_the_deployment_serves_from_three_processes(pair: Pair) -> None:
    """B's ``--workers 2`` really is two processes, besides A's one, all answering for the same office."""
    assert pair.b.process is not None and pair.b.process.poll() is None
    children = [
        int(pid)
        for pid in subprocess.run(
            ["pgrep", "-P", str(pair.b.process.pid)], capture_output=True, text=True
        ).stdout.split()
    ]
    # uvicorn's supervisor has its two workers (and perhaps multiprocessing's resource tracker), each a server.
    commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in children]
    assert sum(b"spawn_main" in cmd for cmd in commands) >= 2, commands
    for served in pair.both:
        with served.client() as c:
            assert c.get("/v1/ca").json()["ca_pem"] == served.ca_pem.decode()


def test_an_enrolment_code_works_once_across_both_processes(pair: Pair) -> None:
    code = pair.a.code(pair.a.user(TEAM, "advocate"))
    keys = [Ed25519PrivateKey.generate() for _ in range(2)]
    replies: list[httpx.Response | None] = [None, None]
    start = threading.Barrier(2)

    def go(i: int, served: Office) -> None:
        with served.client() as c:
            c.get("/v1/health")  # the TLS handshake before the barrier, so both posts leave together
            start.wait()
            replies[i] = c.post("/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(keys[i])})

    threads = [threading.Thread(target=go, args=(i, served)) for i, served in enumerate(pair.both)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    statuses = sorted(r.status_code for r in replies if r is not None)
    assert statuses == [200, 409], [r.text for r in replies if r is not None]
    with pair.a.engine.connect() as conn:
        used = conn.execute(sa.text("SELECT count(*) FROM device WHERE enrolment_code_id IS NOT NULL")).scalar_one()
        assert used >= 1
        devices_for_code = conn.execute(
            sa.text(
                "SELECT count(*) FROM device d JOIN enrolment_code e ON e.device_id = d.id "
                "WHERE d.public_key IN (:k0, :k1)"
            ),
            {"k0": signing.public_key_hex(keys[0]), "k1": signing.public_key_hex(keys[1])},
        ).scalar_one()
    assert devices_for_code == 1


def test_a_replay_is_refused_by_the_other_process_and_done_once_when_sent_to_both(pair: Pair) -> None:
    device = _enrol(pair, pair.a)
    with pair.a.client() as ca, pair.b.client() as cb:
        first, body, headers = _signed(ca, device, "/v1/sync/pull", {"limit": 1})
        assert first.status_code == 200, first.text
        again = cb.post("/v1/sync/pull", content=body, headers=headers)
        assert again.status_code == 401 and again.json()["error"] == "replayed"

        # One signed request sent to both processes at the same moment, ten times over: each is done exactly once.
        for _ in range(10):
            body = json.dumps({"limit": 1}).encode()
            headers = signing.sign_headers(device.key, device.id, "POST", "/v1/sync/pull", body)
            headers["Content-Type"] = "application/json"
            replies = _at_once([(ca, body, headers), (cb, body, headers)], "/v1/sync/pull")
            outcomes = sorted((r.status_code, r.json().get("error", "")) for r in replies)
            assert outcomes == [(200, ""), (401, "replayed")], outcomes


def _at_once(sends: list[tuple[httpx.Client, bytes, dict]], path: str) -> list[httpx.Response]:
    """POST each body with its headers through its client, all released at the same moment."""
    replies: list[httpx.Response | None] = [None] * len(sends)
    start = threading.Barrier(len(sends))

    def go(i: int) -> None:
        client, body, headers = sends[i]
        start.wait()
        replies[i] = client.post(path, content=body, headers=headers)

    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(sends))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert all(r is not None for r in replies)
    return [r for r in replies if r is not None]


class Watcher(threading.Thread):
    """Reads the committed revisions' sequence numbers over and over while the pushes run, on its own connection.

    Sequence order is commit order exactly when no read ever finds a revision numbered at or below the highest it
    had already seen: such a revision would have committed after a higher number, and a pull whose cursor had
    passed it would never send it.
    """

    def __init__(self, url: str, done: threading.Event) -> None:
        super().__init__(daemon=True)
        self.engine = db.make_engine(url)
        self.done = done
        self.reads = 0
        self.states = 0
        self.late: list[tuple[int, int]] = []  # (number committed late, highest seen before it)
        self.error: BaseException | None = None

    def run(self) -> None:
        seen: set[int] = set()
        highest = 0
        try:
            while True:
                finished = self.done.is_set()
                with self.engine.connect() as conn:
                    now = set(conn.execute(sa.select(Revision.server_seq)).scalars())
                self.reads += 1
                new = now - seen
                if new:
                    self.states += 1
                self.late += [(n, highest) for n in new if n <= highest]
                seen |= new
                highest = max(seen, default=0)
                if finished:
                    return
                time.sleep(0.01)
        except BaseException as exc:  # handed to the test
            self.error = exc
        finally:
            self.engine.dispose()


def test_pushes_and_pulls_through_both_processes_keep_order_apply_once_and_miss_nothing(pair: Pair) -> None:
    servers = pair.both
    writers = [_enrol(pair, servers[i % 2]) for i in range(WRITERS)]
    readers = [_enrol(pair, servers[(i + 1) % 2]) for i in range(len(PAGES))]
    with pair.a.engine.connect() as conn:
        revisions_before = conn.execute(sa.select(sa.func.count()).select_from(Revision)).scalar_one()
    assert revisions_before == 0

    pushing = threading.Event()
    writers_done = threading.Event()
    errors: list[BaseException] = []
    sent: dict[str, int] = {}  # mutation id -> times sent (each batch goes twice, once through each process)
    last_rev: dict[str, int] = {}  # record id -> the revision its writer last got back
    lock = threading.Lock()
    replays: list[tuple[int, str]] = []
    resends_equal: list[bool] = []

    def write(i: int, device: Device) -> None:
        try:
            clients = [served.client() for served in servers]
            mine: dict[str, int] = {}
            pushing.wait(30)
            for j in range(BATCHES):
                mutations = [new_person(f"Example Person {i}-{j}-{n}") for n in range(NEW_PER_BATCH)]
                if mine:
                    target = sorted(mine)[j % len(mine)]
                    mutations.append(edit(target, mine[target], preferred_name=f"Example Edited {i}-{j}"))
                payload = batch(*mutations).model_dump(mode="json")
                here, there = clients[(i + j) % 2], clients[(i + j + 1) % 2]
                first, body, headers = _signed(here, device, "/v1/sync/push", payload)
                assert first.status_code == 200, first.text
                results = first.json()["results"]
                assert [r["outcome"] for r in results] == ["applied"] * len(mutations), results
                if j == 0:  # the very same signed request, through the other process
                    replay = there.post("/v1/sync/push", content=body, headers=headers)
                    with lock:
                        replays.append((replay.status_code, replay.json().get("error", "")))
                # The same batch sent again (a device that lost the answer), newly signed, through the other process.
                again, _body, _headers = _signed(there, device, "/v1/sync/push", payload)
                assert again.status_code == 200, again.text
                with lock:
                    resends_equal.append(again.json()["results"] == results)
                    for m in mutations:
                        sent[m.mutation_id] = sent.get(m.mutation_id, 0) + 2
                    for r in results:
                        mine[r["record_id"]] = r["rev"]
                        last_rev[r["record_id"]] = r["rev"]
            for c in clients:
                c.close()
        except BaseException as exc:  # handed to the test
            errors.append(exc)

    held: list[dict[str, int]] = [{} for _ in readers]
    pages: list[int] = [0 for _ in readers]

    def read(k: int, device: Device) -> None:
        try:
            clients = [served.client() for served in servers]
            cursor: str | None = None
            turn = k

            def page() -> dict[str, Any]:
                nonlocal cursor, turn
                payload: dict[str, Any] = {"limit": PAGES[k]}
                if cursor is not None:
                    payload["cursor"] = cursor
                reply, _body, _headers = _signed(clients[turn % 2], device, "/v1/sync/pull", payload)
                turn += 1
                assert reply.status_code == 200, reply.text
                out = reply.json()
                assert out["evict"] == [] and out["stamps"] == []
                for record in out["records"]:
                    record_id = record["values"]["id"]
                    assert record["rev"] >= held[k].get(record_id, 0), "a pull never goes back a revision"
                    held[k][record_id] = record["rev"]
                cursor = out["cursor"]
                pages[k] += 1
                return out

            pushing.wait(30)
            while not writers_done.is_set():
                page()
            # The writers are done: page on until the office says there is no more, then once more through each.
            while page()["more"]:
                pass
            for _ in range(2):
                last = page()
                assert last["records"] == [] and last["more"] is False
            for c in clients:
                c.close()
        except BaseException as exc:  # handed to the test
            errors.append(exc)

    watcher = Watcher(pair.url, writers_done)
    watcher.start()
    write_threads = [threading.Thread(target=write, args=(i, d)) for i, d in enumerate(writers)]
    read_threads = [threading.Thread(target=read, args=(k, d)) for k, d in enumerate(readers)]
    for t in write_threads + read_threads:
        t.start()
    pushing.set()
    for t in write_threads:
        t.join(300)
    writers_done.set()
    for t in read_threads:
        t.join(300)
    watcher.join(60)
    assert not errors, errors
    assert not any(t.is_alive() for t in write_threads + read_threads)

    mutations = len(sent)
    assert mutations == WRITERS * (BATCHES * NEW_PER_BATCH + BATCHES - 1)

    # Replays refused by the other process; resent batches answered with the first results, and applied once.
    assert replays == [(401, "replayed")] * WRITERS
    assert resends_equal == [True] * (WRITERS * BATCHES)
    with pair.a.engine.connect() as conn:
        revisions = conn.execute(sa.select(Revision.record_id, Revision.rev, Revision.server_seq)).all()
        results = conn.execute(sa.select(MutationResult.mutation_id)).scalars().all()
        heads = dict(conn.execute(sa.select(RecordHead.id, RecordHead.rev)).all())
        others = conn.execute(sa.select(Conflict.server_seq)).scalars().all()
    assert sorted(results) == sorted(sent)
    assert len(revisions) == mutations, "one revision per mutation, whichever process and however often sent"
    assert len({(r.record_id, r.rev) for r in revisions}) == mutations
    assert heads == last_rev

    # Sequence order is commit order: numbers 1..N, each once, and never one committed below one already seen.
    assert others == []
    assert sorted(r.server_seq for r in revisions) == list(range(1, mutations + 1))
    assert watcher.error is None, watcher.error
    assert watcher.late == [], watcher.late[:10]
    assert watcher.reads > 10 and watcher.states > 5, "the watcher saw the pushes as they happened"

    # No pull missed a record: every reader holds every record at its last revision.
    for k in range(len(PAGES)):
        assert pages[k] > 5
        missing = {rid: rev for rid, rev in heads.items() if held[k].get(rid) != rev}
        assert missing == {}, f"reader {k} lacks {len(missing)} records or revisions"


def test_a_devices_address_comes_from_x_forwarded_for_only_behind_a_trusted_proxy(pair: Pair) -> None:
    """B trusts the proxy at 127.0.0.1 (``--trusted-proxy``), A trusts none: the same header, two readings."""
    for served, forwarded in ((pair.b, "198.51.100.23"), (pair.a, "198.51.100.24")):
        key = signing.public_key_hex(Ed25519PrivateKey.generate())
        with served.client() as c:
            reply = c.post(
                "/v1/enrol",
                json={"code": "AAAA-BBBB-CCCC-DDDD", "public_key": key},
                headers={"X-Forwarded-For": forwarded},
            )
        assert reply.status_code == 403
    with pair.a.engine.connect() as conn:
        sources = set(
            conn.execute(sa.select(RefusalCount.source).where(RefusalCount.action == limits.ENROL_ACTION)).scalars()
        )
    assert "198.51.100.23" in sources, "behind the trusted proxy, the device's own address is counted"
    assert "198.51.100.24" not in sources, "from anyone else, the header is ignored"
    assert "127.0.0.1" in sources


def test_the_enrolment_limit_counts_tries_through_both_processes(pair: Pair) -> None:
    now = utcnow()
    if limits.seconds_left(now) < 30:  # the count starts afresh with each window: do not straddle two
        time.sleep(limits.seconds_left(now) + 1)
    with Session(pair.a.engine) as s:
        before = limits.counted(s, limits.ENROL_ACTION, "127.0.0.1", now=utcnow())
    allowed = limits.ENROL_TRIES_PER_SOURCE - before
    assert allowed > 0
    clients = [served.client() for served in pair.both]
    statuses = []
    try:
        for i in range(allowed + 2):
            key = signing.public_key_hex(Ed25519PrivateKey.generate())
            reply = clients[i % 2].post("/v1/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD", "public_key": key})
            statuses.append(reply.status_code)
    finally:
        for c in clients:
            c.close()
    # Tries made through A and through B add up to one limit: the first over it is turned away by either.
    assert statuses == [403] * allowed + [429, 429]
    with pair.a.engine.connect() as conn:
        total = conn.execute(
            sa.select(sa.func.sum(RefusalCount.count)).where(
                RefusalCount.action == limits.ENROL_ACTION, RefusalCount.source == "127.0.0.1"
            )
        ).scalar_one()
    assert total >= limits.ENROL_TRIES_PER_SOURCE
