"""Push, pull and done against a real server process over TLS (SQLite and PostgreSQL): conflicts kept with every
value, idempotent mutations, interrupted pushes and pulls, refusals that keep the outbox, consent evictions."""

from __future__ import annotations

import datetime as dt

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


def _share(a: Laptop, office: Office) -> tuple[str, str, str]:
    """An advocate records a person, a consent and a disclosure for Prosecution P under it; returns the ids."""
    from tests.sync.conftest import consent_values

    person = a.ws.records.create("person", {"preferred_name": "Sam Example"})
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


def test_a_withdrawn_consent_evicts_the_disclosure_from_the_prosecution_laptop(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    person_id, consent_id, disclosure_id = _share(a, office)
    a.ws.records.create("note_entry", {"parent_type": "person", "parent_id": person_id, "body": "Private note."},
                        person_id=person_id)  # fmt: skip
    assert a.sync().outcomes == {"applied": 4}

    p.sync()
    held = p.records("disclosure")
    assert list(held) == [disclosure_id]
    # The person it is about stays with the advocates: the link is kept aside, not the person.
    assert p.records("person") == {} and p.records("consent") == {} and p.records("note_entry") == {}
    assert held[disclosure_id].person_id is None
    assert held[disclosure_id].extra["_unlinked"] == {"person_id": person_id}

    a.ws.records.update("consent", consent_id, {"revoked_on": dt.date.today()})
    a.sync()
    report = p.sync()
    assert report.evicted == 1
    assert p.records("disclosure") == {}
    # A later sync does not bring it back, and the advocate still has everything.
    p.sync()
    assert p.records("disclosure") == {}
    assert disclosure_id in a.records("disclosure")


def test_delete_against_edit_is_a_conflict_and_nothing_is_lost(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy B")
    b: Laptop = laptops("Advocacy B")
    person = a.ws.records.create("person", {"preferred_name": "Kai Example"})
    a.sync()
    b.sync()
    a.ws.records.delete("person", person.id)
    b.ws.records.update("person", person.id, {"safe_times": "After 6"})
    assert a.sync().outcomes == {"applied": 1}
    assert b.sync().outcomes == {"conflict": 1}
    (conflict,) = _server_rows(office, Conflict, record_id=person.id)
    assert conflict.field == ""
    incoming = next(v for v in conflict.values if v["side"] == "incoming")
    assert incoming["value"]["patch"] == {"safe_times": "After 6"}
    # The record stays deleted everywhere (the edit is kept in the conflict), and both laptops agree.
    a.sync()
    assert a.records("person")[person.id].deleted and b.records("person")[person.id].deleted


def test_a_cursor_older_than_the_kept_tombstones_re_baselines(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.orm import Session

    from app.models.base import utcnow
    from app.server import sync as server_sync

    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    gone = a.ws.records.create("person", {"preferred_name": "Example Gone"})
    kept = a.ws.records.create("person", {"preferred_name": "Example Kept"})
    a.sync()
    b.sync()
    a.ws.records.delete("person", gone.id)
    a.sync()
    with Session(office.engine) as s, s.begin():
        assert server_sync.purge_tombstones(s, before=utcnow() + dt.timedelta(days=1)) >= 1
    # b's cursor is from before the purge: the server answers 410, b fetches a fresh copy from the manifest.
    b.sync()
    assert any("fresh copy" in line for line in b.lines)
    assert gone.id not in b.records("person") and kept.id in b.records("person")
    b.sync()  # and from then on an ordinary cursor
    assert sum("fresh copy" in line for line in b.lines) == 1
