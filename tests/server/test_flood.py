"""A flood against a real `offramp-server serve` process over TLS, on SQLite and on PostgreSQL (issue 21, item 10).

- A body is limited as its bytes arrive, whatever Content-Length says or without one: a chunked 150 MB body is
  refused after about 2 MiB is read. "Read" is measured as the bytes the server process read (``rchar`` in
  ``/proc/PID/io``), not as wall time.
- A signed endpoint checks the signature on the raw bytes before anything parses them: malformed JSON from a revoked
  device is refused as revoked (403), not as malformed (422).
- A burst of bad signatures is counted (``refusal_count``) and leaves a bounded number of audit rows.
- Enrolment tries are limited per source address and per code: 429 with Retry-After and one human sentence.

Each test speaks from its own loopback address (127.x.y.z), so its counts are its own and the rate limit it trips
never reaches the other tests' enrolments from 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import select
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import RECORD_TYPES
from app.models.base import utcnow
from app.protocol import certs, signing
from app.server import admin, limits
from app.server.models import AuditEntry, RefusalCount
from tests.server.conftest import Office

MiB = 1024 * 1024
HUGE = 150 * 1000 * 1000
#: What the server may take of a refused body, counted as the bytes the client could hand over before the server
#: hung up: the limit, the little it reads on to see whether the body ends (so that a client a little over gets its
#: answer), and what the two kernels' socket buffers hold on loopback (about 3.5 MiB in all, measured). Reading
#: it whole took all 150 MB.
TAKEN_BOUND = 8 * MiB
#: How much the server's peak memory may grow while refusing it (reading it whole grew it by over 200 MB).
MEMORY_BOUND = 24 * MiB


def _source() -> str:
    """A loopback address of this test's own."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def _client_from(office: Office, address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(verify=certs.client_context(office.ca_pem), local_address=address)
    return httpx.Client(base_url=office.url, transport=transport, timeout=20)


def _peak_memory_since_reset(office: Office) -> int:
    """The server process's peak resident memory since :func:`_reset_peak_memory` (VmHWM), in bytes."""
    assert office.process is not None
    text = Path(f"/proc/{office.process.pid}/status").read_text()
    found = re.search(r"^VmHWM:\s*(\d+)\s*kB", text, re.M)
    assert found is not None
    return int(found.group(1)) * 1024


def _reset_peak_memory(office: Office) -> int:
    """Reset the server's peak memory mark to what it holds now, and return that."""
    assert office.process is not None
    Path(f"/proc/{office.process.pid}/clear_refs").write_text("5")
    return _peak_memory_since_reset(office)


def _early_answer(tls: ssl.SSLSocket) -> bytes | None:
    """What the server sent so far, without waiting: None when nothing (a TLS session ticket is not an answer)."""
    tls.setblocking(False)
    try:
        return tls.recv(65536)
    except ssl.SSLWantReadError:
        return None
    except OSError:
        return b""
    finally:
        tls.settimeout(20)


def _raw_request(office: Office, head: str, total: int, *, chunked: bool) -> tuple[int, bytes]:
    """Send ``head`` and up to ``total`` body bytes over TLS, stopping when the server answers or hangs up.

    Returns the body bytes handed to the socket and whatever answer came back.
    """
    port = int(office.url.rsplit(":", 1)[1])
    raw = socket.create_connection(("127.0.0.1", port), timeout=20)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
    tls = certs.client_context(office.ca_pem).wrap_socket(raw, server_hostname="localhost")
    piece = b"7" * 65536
    framed = (b"%x\r\n" % len(piece) + piece + b"\r\n") if chunked else piece
    sent = 0
    answer = b""
    try:
        tls.sendall(head.encode("ascii"))
        while sent < total:
            if select.select([tls], [], [], 0)[0]:
                early = _early_answer(tls)
                if early is not None:
                    answer = early
                    break
            tls.sendall(framed)
            sent += len(piece)
        else:
            if chunked:
                tls.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server hung up on the rest: what it answered first is still read below
    try:
        while answer == b"" or not _complete(answer):
            data = tls.recv(65536)
            if not data:
                break
            answer += data
    except OSError:
        pass
    finally:
        tls.close()
    return sent, answer


def _complete(answer: bytes) -> bool:
    heads, found, body = answer.partition(b"\r\n\r\n")
    length = re.search(rb"content-length:\s*(\d+)", heads, re.I)
    return bool(found) and length is not None and len(body) >= int(length.group(1))


def _head(method: str, path: str, port: int, extra: str) -> str:
    return (
        f"{method} {path} HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Type: application/json\r\n{extra}"
        "Connection: keep-alive\r\n\r\n"
    )


def _status_and_json(answer: bytes) -> tuple[int, dict[str, object]]:
    heads, _, body = answer.partition(b"\r\n\r\n")
    status = int(heads.split(b" ", 2)[1])
    return status, json.loads(body)


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/enrol"), ("POST", "/v1/sync/push"), ("GET", "/v1/health")])
def test_a_chunked_150_mb_body_is_refused_after_about_2_mib(office: Office, method: str, path: str) -> None:
    port = int(office.url.rsplit(":", 1)[1])
    memory = _reset_peak_memory(office)
    sent, answer = _raw_request(office, _head(method, path, port, "Transfer-Encoding: chunked\r\n"), HUGE, chunked=True)
    assert sent < TAKEN_BOUND, f"the server took {sent / MiB:.1f} MiB of a body it refuses at 2 MiB"
    grew = _peak_memory_since_reset(office) - memory
    assert grew < MEMORY_BOUND, f"the server's memory grew by {grew / MiB:.1f} MiB"
    if answer:  # the hang-up may overtake the answer; when it arrives, it is the refusal
        status, body = _status_and_json(answer)
        assert status == 413 and body["error"] == "too_large", answer[:300]
    with office.client() as c:  # and the server goes on serving
        assert c.get("/v1/health").status_code == 200


def test_a_declared_150_mb_body_is_refused_before_it_is_read(office: Office) -> None:
    port = int(office.url.rsplit(":", 1)[1])
    memory = _reset_peak_memory(office)
    sent, answer = _raw_request(
        office, _head("POST", "/v1/enrol", port, f"Content-Length: {HUGE}\r\n"), HUGE, chunked=False
    )
    assert sent < TAKEN_BOUND, f"the server took {sent / MiB:.1f} MiB of a body declared too large"
    assert _peak_memory_since_reset(office) - memory < MEMORY_BOUND
    if answer:
        assert _status_and_json(answer)[0] == 413


def test_a_body_a_little_over_the_limit_gets_its_answer_whole(office: Office) -> None:
    port = int(office.url.rsplit(":", 1)[1])
    over = limits.MAX_BODY + 256 * 1024
    for extra, chunked in (("Transfer-Encoding: chunked\r\n", True), (f"Content-Length: {over}\r\n", False)):
        sent, answer = _raw_request(office, _head("POST", "/v1/enrol", port, extra), over, chunked=chunked)
        assert sent == over  # the server read it through, so it could answer on a connection still open
        status, body = _status_and_json(answer)
        assert status == 413, answer[:300]
        assert body == {"error": "too_large", "message": "That request is larger than the server accepts."}


def _hello(**over: object) -> bytes:
    body: dict[str, object] = {
        "protocol": 1,
        "schema_versions": {name: cls.SCHEMA_VERSION for name, cls in RECORD_TYPES.items()},
        "client_time": utcnow().isoformat(),
    }
    body.update(over)
    return json.dumps(body).encode()


def test_the_signature_is_checked_before_the_body_is_parsed(office: Office) -> None:
    device = office.enrol(office.user("Advocacy A", "advocate"))
    assert device.request("POST", "/v1/sync/hello", content=_hello()).status_code == 200
    # An enrolled device's malformed body is malformed (422) ...
    assert device.request("POST", "/v1/sync/hello", content=b"{not json").status_code == 422
    admin.revoke_device(office.engine, device.id)
    # ... but once it is revoked, whatever it sends is refused as revoked, parsed or not.
    for path in ("/v1/sync/hello", "/v1/sync/pull", "/v1/sync/push", "/v1/sync/done", "/v1/sync/conflicts"):
        for content in (b"{not json", b"\xff\xfe", b'{"protocol": "x"}', b"[]"):
            reply = device.request("POST", path, content=content)
            assert reply.status_code == 403, (path, content, reply.text)
            assert reply.json()["error"] == "device_revoked"
    # Unsigned or badly signed, a malformed body is refused for the signature, not parsed.
    with office.client() as c:
        unsigned = c.post("/v1/sync/hello", content=b"{not json", headers={"Content-Type": "application/json"})
        assert unsigned.status_code == 401 and unsigned.json()["error"] == "not_signed"
        stranger = signing.sign_headers(Ed25519PrivateKey.generate(), device.id, "POST", "/v1/sync/pull", b"{")
        forged = c.post("/v1/sync/pull", content=b"{", headers={**stranger, "Content-Type": "application/json"})
        assert forged.status_code == 401 and forged.json()["error"] == "bad_signature"


def _clear_of_a_window_edge(margin: float = 30.0) -> None:
    """Wait, if need be, so that a burst falls inside one counting window."""
    left = limits.WINDOW_SECONDS - time.time() % limits.WINDOW_SECONDS
    if left < margin:
        time.sleep(left + 0.5)


def _blocked_rows(office: Office, action: str, remote: str) -> list[dict[str, object]]:
    with office.engine.connect() as conn:
        rows = conn.execute(
            sa.select(AuditEntry.detail)
            .where(AuditEntry.action == action, AuditEntry.outcome == "blocked", AuditEntry.remote == remote)
            .order_by(AuditEntry.id)
        ).scalars()
        return [dict(d or {}) for d in rows]


def _counted(office: Office, action: str, source: str) -> dict[str, int]:
    with office.engine.connect() as conn:
        rows = conn.execute(
            sa.select(RefusalCount.reason, sa.func.sum(RefusalCount.count))
            .where(RefusalCount.action == action, RefusalCount.source == source)
            .group_by(RefusalCount.reason)
        ).all()
    return {reason: int(total) for reason, total in rows}


def test_a_burst_of_bad_signatures_is_counted_not_logged_row_by_row(office: Office) -> None:
    device = office.enrol(office.user("Advocacy B", "advocate"))
    address = _source()
    stranger = Ed25519PrivateKey.generate()
    body = _hello()
    _clear_of_a_window_edge()
    with _client_from(office, address) as c:
        for _ in range(50):
            forged = signing.sign_headers(stranger, device.id, "POST", "/v1/sync/hello", body)
            reply = c.post("/v1/sync/hello", content=body, headers={**forged, "Content-Type": "application/json"})
            assert reply.status_code == 401 and reply.json()["error"] == "bad_signature"
    rows = _blocked_rows(office, "request", address)
    # One row when the burst starts and one at the tenth: a burst grows the log by its order of magnitude.
    assert len(rows) == 2, rows
    assert [(r["reason"], r["count"]) for r in rows] == [("signature", 1), ("signature", 10)]
    assert _counted(office, "request", address) == {"signature": 50}

    # A revoked device's burst is counted against the device the same way.
    admin.revoke_device(office.engine, device.id)
    with _client_from(office, address) as c:
        for _ in range(30):
            headers = signing.sign_headers(device.key, device.id, "POST", "/v1/sync/hello", body)
            reply = c.post("/v1/sync/hello", content=body, headers={**headers, "Content-Type": "application/json"})
            assert reply.status_code == 403
    revoked = [r for r in _blocked_rows(office, "request", address) if r["reason"] == "device_revoked"]
    assert [r["count"] for r in revoked] == [1, 10]
    assert _counted(office, "request", device.id) == {"device_revoked": 30}


def test_refusals_arriving_together_are_each_counted(office: Office) -> None:
    """The count is one statement in the database, so refusals the server handles at the same time lose none."""
    address = _source()
    stranger = Ed25519PrivateKey.generate()
    body = _hello()
    _clear_of_a_window_edge()

    def forged(_: int) -> int:
        headers = signing.sign_headers(stranger, "0" * 36, "POST", "/v1/sync/hello", body)
        with _client_from(office, address) as c:
            return c.post(
                "/v1/sync/hello", content=body, headers={**headers, "Content-Type": "application/json"}
            ).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(forged, range(36)))
    assert statuses == [401] * 36
    assert _counted(office, "request", address) == {"signature": 36}
    assert [r["count"] for r in _blocked_rows(office, "request", address)] == [1, 10]


def test_enrolment_tries_are_limited_per_source(office: Office) -> None:
    username = office.user("Advocacy A", "advocate")
    code = office.code(username)
    address = _source()
    _clear_of_a_window_edge()
    answers = []
    with _client_from(office, address) as c:
        for n in range(20):
            key = signing.public_key_hex(Ed25519PrivateKey.generate())
            answers.append(c.post("/v1/enrol", json={"code": f"WRNG-CODE-{n:04d}-ZZZZ", "public_key": key}))
        # While the limit holds, even the right code is turned away from this address ...
        right = c.post(
            "/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(Ed25519PrivateKey.generate())}
        )
    statuses = [a.status_code for a in answers]
    limit = limits.ENROL_TRIES_PER_SOURCE
    assert statuses == [403] * limit + [429] * (20 - limit), statuses
    for refused in [*answers[limit:], right]:
        assert refused.status_code == 429
        assert refused.json() == {
            "error": "too_many_tries",
            "message": "Too many tries; wait a few minutes and try again.",
        }
        wait = int(refused.headers["Retry-After"])
        assert 1 <= wait <= limits.WINDOW_SECONDS
    # ... and from anywhere else the code still works.
    with _client_from(office, _source()) as c:
        good = c.post(
            "/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(Ed25519PrivateKey.generate())}
        )
    assert good.status_code == 200, good.text
    # The tries are counted, and the audit log holds a bounded few rows for them.
    assert _counted(office, "enrol", address) == {"unknown_code": limit, "rate_limited": 20 - limit + 1}
    rows = _blocked_rows(office, "enrol", address)
    assert sorted((r["reason"], r["count"]) for r in rows) == [
        ("rate_limited", 1),
        ("rate_limited", 10),
        ("unknown_code", 1),
        ("unknown_code", 10),
    ]


def test_enrolment_tries_are_limited_per_code(office: Office) -> None:
    username = office.user("Advocacy B", "advocate")
    code = office.code(username)
    _clear_of_a_window_edge()
    with _client_from(office, _source()) as c:
        first = c.post(
            "/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(Ed25519PrivateKey.generate())}
        )
    assert first.status_code == 200, first.text
    # The used code, tried again from ever new addresses: refused as used, then as too many tries.
    statuses = []
    for _ in range(limits.ENROL_TRIES_PER_CODE + 3):
        with _client_from(office, _source()) as c:
            key = signing.public_key_hex(Ed25519PrivateKey.generate())
            statuses.append(c.post("/v1/enrol", json={"code": code, "public_key": key}).status_code)
    limit = limits.ENROL_TRIES_PER_CODE
    assert statuses == [409] * limit + [429] * 3, statuses


def test_an_old_window_no_longer_limits(office: Office) -> None:
    """The counts are per window: an address limited five minutes ago may try again now."""
    username = office.user("Advocacy A", "advocate")
    address = _source()
    past = utcnow() - dt.timedelta(seconds=limits.WINDOW_SECONDS + 1)
    with office.engine.begin() as conn:
        conn.execute(
            sa.insert(RefusalCount).values(
                action="enrol",
                reason="unknown_code",
                source=address,
                window_start=limits.window_start(past),
                count=1000,
                last_at=past,
            )
        )
    with _client_from(office, address) as c:
        key = signing.public_key_hex(Ed25519PrivateKey.generate())
        assert c.post("/v1/enrol", json={"code": office.code(username), "public_key": key}).status_code == 200
