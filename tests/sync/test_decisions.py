"""Conflicts at their edges (issue 21, items 1, 6 and 7), against a real office server over TLS with real vaults, on
SQLite and PostgreSQL.

- Item 1: a conflict on a disclosure shared with the prosecution never reaches the prosecution (a competing draft
  that never became the record, older wording the advocates later narrowed): the office sends a principal only the
  conflicts it may decide, and a prosecution vault keeps none even if an office sent them.
- Item 6: "Keep it as the office has it now" on a delete-against-edit conflict leaves the record as it is: deleted
  stays deleted, kept stays kept.
- Item 7: a decision carries the revision it was made on; against anything newer (someone else's decision, a later
  edit of the same field) it becomes a new conflict holding every value, and nothing is overwritten silently.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from app.core import conflicts
from app.server.models import Conflict
from app.sync import run
from app.sync.client import SyncSession
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, consent_values


def _rows(office: Office, record_id: str) -> list[Any]:
    with office.engine.connect() as conn:
        return list(conn.execute(sa.select(Conflict).where(Conflict.record_id == record_id)).all())


def _open(office: Office, record_id: str) -> list[Any]:
    return [r for r in _rows(office, record_id) if r.resolved_by is None]


def _sync(*laptops: Laptop) -> list[run.Summary]:
    return [run.run_sync(lp.ws, timeout=20) for lp in laptops]


def _values(row: Any) -> set[Any]:
    return {v.get("value") for v in row.values if v.get("side") != "base"}


def _group(laptop: Laptop, record_id: str) -> conflicts.Group:
    """The one group waiting on this record (the office is shared by the module's tests)."""
    (group,) = [g for g in conflicts.groups(laptop.ws) if g.record_id == record_id]
    return group


def _person(a: Laptop, *others: Laptop, **values: Any) -> str:
    person = a.ws.records.create("person", {"preferred_name": "Rowan Example", **values})
    _sync(a, *others)
    return person.id


def _field_conflict(a: Laptop, b: Laptop, *others: Laptop) -> str:
    """a and b set safe_times differently apart; the office keeps a's ("Early") and holds b's ("Late")."""
    person_id = _person(a, b, *others, safe_times="Any time")
    a.ws.records.update("person", person_id, {"safe_times": "Early"})
    b.ws.records.update("person", person_id, {"safe_times": "Late"})
    _sync(a, b, *others)
    return person_id


# --- item 1 ---------------------------------------------------------------------------------------------------


def test_a_conflict_on_a_shared_record_never_reaches_the_prosecution(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    p: Laptop = laptops("Prosecution P", "prosecutor")
    person = a.ws.records.create("person", {"preferred_name": "Sam Example"})
    consent = a.ws.records.create("consent", consent_values(), person_id=person.id)
    shared = a.ws.records.create(
        "disclosure",
        {
            "recipient": "Prosecution P",
            "recipient_team_id": office.teams["Prosecution P"],
            "facts": "Statements: the statement of 3 March, in full.",
            "disclosed_on": consent.starts_on,
            "allowed": True,
            "visibility": "shared_with_prosecution",
            "privileged": False,
            "consent_id": consent.id,
        },
        person_id=person.id,
    )
    _sync(a, b, p)
    assert shared.id in p.records("disclosure")
    a.ws.records.update("disclosure", shared.id, {"facts": "Statements: the statement of 3 March, first page."})
    b.ws.records.update("disclosure", shared.id, {"facts": "Statements: a colleague's draft never shared."})
    _sync(a, b)
    assert len(_open(office, shared.id)) == 1  # the advocates have a decision to make

    summary = run.run_sync(p.ws, timeout=20)
    assert summary.needs_decision == 0
    assert SyncSession(p.ws, timeout=20).conflicts() == []  # what the office sends: nothing
    assert conflicts.stored(p.ws) == []
    assert p.records("disclosure")[shared.id].facts == "Statements: the statement of 3 March, first page."
    # The advocates who may decide it still get it.
    assert _group(b, shared.id).field == "facts"

    # An office that still sends it (an older server) is not believed: the prosecution vault keeps none of it.
    leaked = [c for c in conflicts.stored(b.ws) if c["record_id"] == shared.id]
    conflicts.keep(p.ws, leaked)
    assert conflicts.stored(p.ws) == [] and conflicts.groups(p.ws) == []


# --- item 6 ---------------------------------------------------------------------------------------------------


def test_keeping_a_deleted_record_as_the_office_has_it_leaves_it_deleted(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _person(a, b)
    a.ws.records.delete("person", person_id)
    b.ws.records.update("person", person_id, {"safe_times": "Evenings"})
    _sync(a, b)  # the delete came first: the office keeps it deleted and holds b's edit in a conflict
    group = _group(b, person_id)
    assert group.whole_record and b.records("person")[person_id].deleted

    conflicts.decide(b.ws, group, None)  # "Keep it as the office has it now"
    summary, _ = _sync(b, a)
    assert summary.report.outcomes == {"unchanged": 1}
    assert _open(office, person_id) == []
    with office.engine.connect() as conn:
        from app.models import Person

        assert conn.execute(sa.select(Person.deleted).where(Person.id == person_id)).scalar_one() is True
    for laptop in (a, b):
        held = laptop.records("person").get(person_id)
        assert held is None or held.deleted


def test_keeping_an_edited_record_as_the_office_has_it_does_not_delete_it(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _person(a, b)
    a.ws.records.update("person", person_id, {"safe_times": "Evenings"})
    b.ws.records.delete("person", person_id)
    _sync(a, b)  # the edit came first: the office keeps the record and holds b's delete in a conflict
    group = _group(b, person_id)
    assert group.whole_record and not b.records("person")[person_id].deleted
    conflicts.decide(b.ws, group, None)
    _sync(b, a)
    assert _open(office, person_id) == []
    for laptop in (a, b):
        held = laptop.records("person")[person_id]
        assert not held.deleted and held.safe_times == "Evenings"


# --- item 7 ---------------------------------------------------------------------------------------------------


def test_two_people_deciding_one_conflict_differently_makes_a_new_conflict(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    c: Laptop = laptops("Advocacy A")
    person_id = _field_conflict(a, b, c)
    gb = _group(b, person_id)
    gc = _group(c, person_id)
    conflicts.decide(b.ws, gb, "Late")
    conflicts.decide(c.ws, gc, "Early, or late on Fridays")
    _sync(b)
    assert a.records("person")[person_id].safe_times == "Early"
    (summary,) = _sync(c)
    assert summary.report.outcomes == {"conflict": 1}
    assert summary.needs_decision >= 1
    (row,) = _open(office, person_id)
    assert row.field == "safe_times"
    assert {"Late", "Early, or late on Fridays", "Early"} <= _values(row)  # every value, nothing lost
    _sync(a, b, c)
    for laptop in (a, b, c):
        assert laptop.records("person")[person_id].safe_times == "Late"  # b's decision stands until decided again
    group = _group(a, person_id)
    assert group.decided_differently
    assert {v.value for v in group.values if v.decision} == {"Late", "Early, or late on Fridays"}
    conflicts.decide(a.ws, group, "Early, or late on Fridays")
    _sync(a, b, c)
    assert _open(office, person_id) == []
    assert {lp.records("person")[person_id].safe_times for lp in (a, b, c)} == {"Early, or late on Fridays"}


def test_keeping_the_office_value_then_a_different_decision_is_a_new_conflict(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    c: Laptop = laptops("Advocacy A")
    person_id = _field_conflict(a, b, c)
    gb = _group(b, person_id)
    gc = _group(c, person_id)
    conflicts.decide(b.ws, gb, gb.current)  # b keeps what the office has ("Early")
    conflicts.decide(c.ws, gc, "Late")
    _sync(b, c)
    (row,) = _open(office, person_id)
    assert {"Early", "Late"} <= _values(row)
    assert c.records("person")[person_id].safe_times == "Early"


def test_a_decision_made_before_a_later_edit_of_the_field_is_a_new_conflict(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    c: Laptop = laptops("Advocacy A")
    person_id = _field_conflict(a, b, c)
    gb = _group(b, person_id)
    conflicts.decide(b.ws, gb, "Late")  # decided here, not yet sent
    c.ws.records.update("person", person_id, {"safe_times": "Weekends only", "pronouns": "she/her"})
    _sync(c, b)
    (row,) = _open(office, person_id)
    assert {"Late", "Weekends only", "Early"} <= _values(row)
    _sync(a, b, c)
    for laptop in (a, b, c):
        person = laptop.records("person")[person_id]
        assert (person.safe_times, person.pronouns) == ("Weekends only", "she/her")  # c's later edit stands


def test_a_decision_on_an_untouched_field_still_goes_through(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _field_conflict(a, b)
    gb = _group(b, person_id)
    conflicts.decide(b.ws, gb, "Late")
    a.ws.records.update("person", person_id, {"pronouns": "they/them"})  # another field, later
    _sync(a, b, a)
    assert _open(office, person_id) == []
    person = a.records("person")[person_id]
    assert (person.safe_times, person.pronouns) == ("Late", "they/them")
