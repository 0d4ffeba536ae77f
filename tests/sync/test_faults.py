"""Faults against a real server process: a reply lost after the server committed, the server killed mid-push and
mid-pull, replays, and refusals (revoked device, wrong certificate, older app, malformed batch) that keep the
outbox exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from app.models import RECORD_TYPES
from app.protocol import certs, signing
from app.server import admin, pki
from app.server.models import Delivery, MutationResult, Revision
from app.sync import client as sync_client
from app.sync import state
from app.sync.client import SyncInterrupted, SyncRefused, SyncSession
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, restart, stop


class Faulty(httpx.HTTPTransport):
    """A real TLS transport to the real server, with a hook before and after each request (to drop or kill)."""

    def __init__(self, ca_pem: bytes, hook: Callable[[str, str, bytes], None]) -> None:
        super().__init__(verify=certs.client_context(ca_pem))
        self.hook = hook
        self.bodies: list[tuple[str, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.bodies.append((request.url.path, body))
        self.hook("before", request.url.path, body)
        response = super().handle_request(request)
        response.read()
        self.hook("after", request.url.path, body)
        return response


def _count(office: Office, model: Any, **where: Any) -> int:
    with office.engine.connect() as conn:
        q = sa.select(sa.func.count()).select_from(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return int(conn.scalar(q) or 0)


def test_a_reply_lost_after_commit_is_answered_again_and_nothing_doubles(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    person = a.ws.records.create("person", {"preferred_name": "Lee Example"})
    a.ws.records.update("person", person.id, {"pronouns": "he/him"})
    dropped = []

    def drop_first_push_reply(phase: str, path: str, _body: bytes) -> None:
        if phase == "after" and path == "/v1/sync/push" and not dropped:
            dropped.append(path)
            raise httpx.ReadError("connection dropped")

    transport = Faulty(office.ca_pem, drop_first_push_reply)
    with pytest.raises(SyncInterrupted):
        a.sync(transport=transport)
    assert len(a.outbox()) == 2  # kept until the server's answer arrives
    a.sync(transport=transport)
    pushes = [body for path, body in transport.bodies if path == "/v1/sync/push"]
    assert len(pushes) == 2 and pushes[0] == pushes[1], "the stored batch is resent byte for byte"
    assert a.outbox() == []
    assert _count(office, Revision, record_id=person.id) == 2
    assert _count(office, MutationResult, record_id=person.id) == 2

    # Replaying the same batch later (fresh signature, same bytes) changes nothing and returns the same results.
    before = _count(office, Revision)
    device = a.vault.identity.device_id
    with a.ws.session() as s:
        key = state.office(s).key
    headers = signing.sign_headers(key, device, "POST", "/v1/sync/push", pushes[0])
    headers["Content-Type"] = "application/json"
    with office.client() as c:
        again = c.post("/v1/sync/push", content=pushes[0], headers=headers)
    assert again.status_code == 200
    assert [r["outcome"] for r in again.json()["results"]] == ["applied", "applied"]
    assert _count(office, Revision) == before
    # And the same signed request twice is turned away as a replay.
    with office.client() as c:
        replay = c.post("/v1/sync/push", content=pushes[0], headers=headers)
    assert replay.status_code == 401 and replay.json()["error"] == "replayed"


def test_killing_the_server_mid_push_and_mid_pull_loses_and_doubles_nothing(  # type: ignore[no-untyped-def]
    office: Office, laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SyncSession, "page_records", 200)  # 230 records come in two pages
    a: Laptop = laptops("Advocacy B")
    b: Laptop = laptops("Advocacy B")
    ids = []
    with a.ws.records.batch() as s:
        for i in range(230):
            ids.append(a.ws.records.create_in(s, "person", {"preferred_name": f"Example Person {i}"}).id)

    def kill_at_second_push(phase: str, path: str, _body: bytes) -> None:
        pushes = [p for p, _ in transport.bodies if p == "/v1/sync/push"]
        if phase == "before" and path == "/v1/sync/push" and len(pushes) == 2:
            stop(office, kill=True)

    transport = Faulty(office.ca_pem, kill_at_second_push)
    with pytest.raises(SyncInterrupted):
        a.sync(transport=transport)
    assert len(a.outbox()) == 130  # the first batch of 100 was answered; the rest is kept
    restart(office)
    a.sync()
    assert a.outbox() == []
    assert _count(office, MutationResult) >= 230
    with office.engine.connect() as conn:
        q = sa.select(Revision.record_id, sa.func.count()).where(Revision.record_id.in_(ids))
        revs = conn.execute(q.group_by(Revision.record_id)).all()
    assert len(revs) == 230 and {n for _, n in revs} == {1}

    def kill_after_first_page(phase: str, path: str, _body: bytes) -> None:
        if phase == "after" and path == "/v1/sync/pull":
            stop(office, kill=True)

    with pytest.raises(SyncInterrupted):
        b.sync(transport=Faulty(office.ca_pem, kill_after_first_page))
    first = set(b.records("person"))
    assert 0 < len(first) < 230  # one page committed with its cursor
    restart(office)
    b.sync()
    assert set(b.records("person")) == set(ids)
    assert _count(office, Delivery, device_id=b.vault.identity.device_id) == 230


@pytest.mark.parametrize("fault", ["revoked", "certificate", "outdated", "malformed"])
def test_refusals_keep_the_outbox_intact(office: Office, laptops, fault: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    a.ws.records.create("person", {"preferred_name": "Jo Example"})
    a.sync()
    person = a.ws.records.create("person", {"preferred_name": "Max Example"})
    a.ws.records.update("person", person.id, {"pronouns": "she/her"})
    outbox = a.outbox()
    expect = {"revoked": "device_revoked", "certificate": "certificate", "outdated": "client_outdated",
              "malformed": "malformed"}[fault]  # fmt: skip
    if fault == "revoked":
        admin.revoke_device(office.engine, a.vault.identity.device_id)
    elif fault == "certificate":
        other = pki.make_ca("Another Office", "0000").cert_pem
        with a.ws.session() as s, s.begin():
            state.put(s, state.CA_PEM, other.decode("ascii"))
    elif fault == "outdated":
        older = {**sync_client.schema_versions(), "person": 0}
        monkeypatch.setattr(sync_client, "schema_versions", lambda: older)
    else:
        with a.ws.session() as s, s.begin():
            body = json.dumps({"batch_id": "x", "mutations": [{"mutation_id": "not a valid id!"}]})
            state.put_json(s, state.BATCH, {"batch_id": "x", "body": body, "count": 1})
    with pytest.raises(SyncRefused) as refused:
        a.sync()
    assert refused.value.reason == expect
    assert refused.value.message and "Traceback" not in refused.value.message
    assert a.outbox() == outbox
    assert RECORD_TYPES["person"]  # the vault still opens and reads
    assert a.records("person")[person.id].pronouns == "she/her"
