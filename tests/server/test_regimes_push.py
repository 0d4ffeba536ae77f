"""A record type kept by some regimes only (``REGIMES``: charging decisions and certification requests are the
prosecution's) is refused at the office when a device of another regime pushes one (issue 18): set aside in
quarantine with its own reason, which the author's "Not accepted by the office" list explains. Real server process
over TLS, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.core.not_accepted import REASONS
from app.models import uuid7
from app.protocol.schemas import PROTOCOL
from app.server.admin import QUARANTINE_REASONS
from app.server.models import Quarantine, RecordHead
from app.sync.client import schema_versions
from tests.server.conftest import Device, Office


def _push(device: Device, mutations: list[dict]) -> list[dict]:
    now = dt.datetime.now(dt.UTC).isoformat()
    body = {"protocol": PROTOCOL, "schema_versions": schema_versions(), "client_time": now}
    hello = device.request("POST", "/v1/sync/hello", json_body=body)
    assert hello.status_code == 200, hello.text
    reply = device.request("POST", "/v1/sync/push", json_body={"batch_id": uuid7(), "mutations": mutations})
    assert reply.status_code == 200, reply.text
    return list(reply.json()["results"])


def _mutation(record_type: str, patch: dict, *, person_id: str | None = None) -> dict:
    record_id = uuid7()
    return {
        "mutation_id": uuid7(), "record_id": record_id, "type": record_type, "schema_version": 1, "base_rev": None,
        "person_id": person_id or record_id, "patch": patch, "deleted": False, "edited_hlc": "0000000001:0000:dev",
    }  # fmt: skip


def _person_and_matter() -> tuple[dict, dict]:
    person = _mutation("person", {"preferred_name": "Robin Example"})
    matter = _mutation("justice_contact", {"role": "defendant"}, person_id=person["record_id"])
    return person, matter


def _prosecution_records(person: dict, matter: dict) -> list[dict]:
    pid = person["record_id"]
    charging = _mutation("charging_decision", {
        "justice_contact_id": matter["record_id"], "decided_on": "2026-02-10", "decided_by_name": "Ari Example",
        "decision": "divert", "reason": "Diversion to services.",
    }, person_id=pid)  # fmt: skip
    cert = _mutation("certification_request", {"form": "i918_supplement_b", "received_on": "2026-02-10"},
                     person_id=pid)  # fmt: skip
    return [charging, cert]


def test_an_advocacy_device_cannot_push_prosecution_records(office: Office) -> None:
    advocate = office.enrol(office.user("Advocacy A", "advocate"))
    person, matter = _person_and_matter()
    assert [r["outcome"] for r in _push(advocate, [person, matter])] == ["applied", "applied"]
    pushed = _prosecution_records(person, matter)
    results = _push(advocate, pushed)
    assert [(r["outcome"], r["reason"]) for r in results] == [("quarantined", "wrong_regime")] * 2
    ids = [m["record_id"] for m in pushed]
    with office.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(RecordHead).where(RecordHead.id.in_(ids))) == 0
        rows = conn.execute(sa.select(Quarantine.record_id, Quarantine.reason).where(Quarantine.record_id.in_(ids)))
        kept = {(row.record_id, row.reason) for row in rows}
    assert kept == {(i, "wrong_regime") for i in ids}
    # The same mutation sent again gets the same answer, and still changes nothing.
    again = _push(advocate, pushed[:1])
    assert (again[0]["outcome"], again[0]["reason"]) == ("quarantined", "wrong_regime")
    # The author and the admin are each told why in words (not the generic "could not take this change").
    assert "prosecution" in REASONS["wrong_regime"][0]
    assert "kept by" in QUARANTINE_REASONS["wrong_regime"]


def test_a_prosecution_device_pushes_them(office: Office) -> None:
    prosecutor = office.enrol(office.user("Prosecution P", "prosecutor"))
    person, matter = _person_and_matter()
    pushed = _prosecution_records(person, matter)
    results = _push(prosecutor, [person, matter, *pushed])
    assert [r["outcome"] for r in results] == ["applied"] * 4
    with office.engine.connect() as conn:
        ids = [m["record_id"] for m in pushed]
        regimes = set(conn.scalars(sa.select(RecordHead.regime).where(RecordHead.id.in_(ids))))
    assert regimes == {"prosecution"}
