"""What a device holds, as the office knows it, at the edges (issue 21, items 2 and 3), against a real server process
over TLS on SQLite and PostgreSQL.

A device holds what the office delivered to it and it has not confirmed removing. A crafted pull signed with the
device's own key (no cursor, an empty one, an older one), whose answer is dropped, must not make the office forget a
delivery: the next ordinary pull after a withdrawal still evicts. And the exposure report of a revoked device is read
from those deliveries: every record, type and revision it may still hold, and which of them were withdrawn since.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import httpx
import sqlalchemy as sa

from app.protocol import certs
from app.server import admin
from app.server.models import Delivery
from app.sync.client import SyncInterrupted, SyncSession
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, consent_values


def _share(a: Laptop, office: Office, name: str = "Sam Example") -> tuple[str, str, str]:
    """An advocate records a person, a release naming Prosecution P and a disclosure under it; returns the ids."""
    person = a.ws.records.create("person", {"preferred_name": name})
    consent = a.ws.records.create("consent", consent_values(), person_id=person.id)
    disclosure = a.ws.records.create(
        "disclosure",
        {
            "recipient": "Prosecution P",
            "recipient_team_id": office.teams["Prosecution P"],
            "facts": "Statements: the statement of 3 March.",
            "disclosed_on": consent.starts_on,
            "allowed": True,
            "visibility": "shared_with_prosecution",
            "privileged": False,
            "consent_id": consent.id,
        },
        person_id=person.id,
    )
    return person.id, consent.id, disclosure.id


def _crafted(laptop: Laptop, path: str, body: Any) -> httpx.Response:
    """A request signed with the laptop's own device key whose answer never reaches the laptop's vault."""
    from app.protocol import signing

    session = SyncSession(laptop.ws)
    raw = json.dumps(body).encode()
    headers = signing.sign_headers(session.office.key, session.office.device_id, "POST", path, raw)
    headers["Content-Type"] = "application/json"
    with httpx.Client(base_url=laptop.office.url, verify=certs.client_context(laptop.office.ca_pem)) as c:
        return c.post(path, content=raw, headers=headers)


def _cursor(laptop: Laptop) -> str | None:
    from app.sync import state

    with laptop.ws.session() as s:
        return state.get(s, state.CURSOR)


def _held(office: Office, laptop: Laptop) -> set[str]:
    with office.engine.connect() as conn:
        rows = conn.scalars(sa.select(Delivery.record_id).where(Delivery.device_id == laptop.vault.identity.device_id))
        return set(rows)


class _Dropping(httpx.HTTPTransport):
    """The real TLS transport; requests to ``path`` never leave (as if the network went down right then)."""

    def __init__(self, ca_pem: bytes, drop: Callable[[str], bool]) -> None:
        super().__init__(verify=certs.client_context(ca_pem))
        self.drop = drop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.drop(request.url.path):
            raise httpx.ConnectError("dropped", request=request)
        return super().handle_request(request)


def _withdraw(a: Laptop, consent_id: str) -> None:
    a.ws.records.update("consent", consent_id, {"revoked_on": dt.date.today()})
    a.sync()


def test_a_crafted_pull_without_a_cursor_does_not_defeat_eviction(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    _person, consent_id, disclosure_id = _share(a, office)
    a.sync()
    p.sync()
    assert list(p.records("disclosure")) == [disclosure_id]
    assert disclosure_id in _held(office, p)

    # The same key asks for a fresh copy and drops the answer: the laptop still holds the disclosure.
    reply = _crafted(p, "/v1/sync/pull", {"cursor": None})
    assert reply.status_code == 200 and disclosure_id in {r["values"]["id"] for r in reply.json()["records"]}
    assert disclosure_id in _held(office, p), "a fresh copy forgets nothing delivered before"

    _withdraw(a, consent_id)
    report = p.sync()
    assert report.evicted == 1
    assert p.records("disclosure") == {}
    assert disclosure_id not in _held(office, p), "the laptop confirmed the eviction"
    p.sync()
    assert p.records("disclosure") == {}


def test_an_empty_cursor_is_refused_in_plain_words_and_changes_nothing(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    _person, consent_id, disclosure_id = _share(a, office)
    a.sync()
    p.sync()
    reply = _crafted(p, "/v1/sync/pull", {"cursor": ""})
    assert reply.status_code == 422
    assert reply.json()["error"] == "bad_cursor"
    assert "empty" in reply.json()["message"]
    assert disclosure_id in _held(office, p)
    _withdraw(a, consent_id)
    assert p.sync().evicted == 1 and p.records("disclosure") == {}


def test_an_older_cursor_replayed_after_a_lost_done_does_not_defeat_eviction(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    p.sync()
    older = _cursor(p)
    _person, consent_id, disclosure_id = _share(a, office)
    a.sync()
    # The page with the disclosure is committed on the laptop; its confirmation ("done") never reaches the office.
    with contextlib.suppress(SyncInterrupted):
        p.sync(transport=_Dropping(office.ca_pem, lambda path: path == "/v1/sync/done"))
    assert list(p.records("disclosure")) == [disclosure_id]
    # The same key replays the older cursor and drops the answer.
    assert _crafted(p, "/v1/sync/pull", {"cursor": older}).status_code == 200
    assert _crafted(p, "/v1/sync/pull", {"cursor": None}).status_code == 200

    _withdraw(a, consent_id)
    assert p.sync().evicted == 1
    assert p.records("disclosure") == {}


def test_the_exposure_report_counts_what_the_laptop_holds_and_what_was_withdrawn_since(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    _p1, consent_one, first = _share(a, office, "Sam Example")
    _p2, _consent_two, second = _share(a, office, "Alex Example")
    a.sync()
    p.sync()
    assert set(p.records("disclosure")) == {first, second}
    # One release is withdrawn; the laptop has not synced since, so it still holds both.
    _withdraw(a, consent_one)

    report = admin.revoke_device(office.engine, p.vault.identity.device_id)
    assert report.by_type == {"disclosure": 2}
    assert report.total == 2
    assert report.withdrawn_by_type == {"disclosure": 1}
    held = {h.record_id: h for h in report.records}
    assert set(held) == {first, second}
    assert held[first].withdrawn and not held[second].withdrawn
    assert held[first].type == held[second].type == "disclosure"
    assert held[first].revs == (1,) and held[second].revs == (1,)
    assert report.privileged == 0
