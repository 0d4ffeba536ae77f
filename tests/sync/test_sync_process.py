"""Push, pull and done against a real server process over TLS (SQLite and PostgreSQL): conflicts kept with every
value, idempotent mutations, interrupted pushes and pulls, refusals that keep the outbox, consent evictions."""

from __future__ import annotations

import sqlalchemy as sa

from app.server.models import Conflict, MutationResult, Revision
from tests.server.conftest import Office
from tests.sync.conftest import Laptop


def _server_rows(office: Office, model: type, **where: object) -> list:  # type: ignore[type-arg]
    with office.engine.connect() as conn:
        q = sa.select(model)
        for key, value in where.items():
            q = q.where(getattr(model, key) == value)
        return list(conn.execute(q).all())


def test_two_laptops_share_a_person_and_keep_both_values_of_a_conflict(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person = a.ws.records.create("person", {"preferred_name": "Rowan Example", "pronouns": "they/them"})
    report = a.sync()
    assert report.outcomes == {"applied": 1}
    assert a.outbox() == []
    assert a.records("person")[person.id].rev == 1

    b.sync()
    got = b.records("person")[person.id]
    assert got.preferred_name == "Rowan Example" and got.rev == 1

    # Both change the same field offline, and different fields too.
    a.ws.records.update("person", person.id, {"safe_times": "Mornings", "pronouns": "she/her"})
    b.ws.records.update("person", person.id, {"safe_times": "Evenings", "legal_name": "R. Example"})
    assert a.sync().outcomes == {"applied": 1}
    assert b.sync().outcomes == {"conflict": 1}

    conflicts = _server_rows(office, Conflict, record_id=person.id)
    assert len(conflicts) == 1
    values = {v["side"]: v for v in conflicts[0].values}
    assert conflicts[0].field == "safe_times"
    assert values["kept"]["value"] == "Mornings" and values["incoming"]["value"] == "Evenings"
    assert values["base"]["value"] is None
    assert values["incoming"]["device_id"] == b.vault.identity.device_id

    # The fields only one side changed were taken; both laptops agree after one more round.
    a.sync()
    for laptop in (a, b):
        row = laptop.records("person")[person.id]
        assert (row.safe_times, row.pronouns, row.legal_name) == ("Mornings", "she/her", "R. Example")
    # Every mutation ended somewhere, once.
    results = _server_rows(office, MutationResult, record_id=person.id)
    assert sorted(r.outcome for r in results) == ["applied", "applied", "conflict"]
    assert len(_server_rows(office, Revision, record_id=person.id)) == 3
