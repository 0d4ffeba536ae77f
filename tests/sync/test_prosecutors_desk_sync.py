"""The prosecutor's desk's records travel like every other record, and only within the prosecution.

A real office server over TLS on loopback (SQLite file and real PostgreSQL): one prosecutor records a charging
decision linked to an identification, revises it, receives and decides a certification request and answers a
prompt to consider a screening; a colleague in the same prosecution team gets every record exactly, history
included; an advocate of the same office gets none of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.models import RECORD_TYPES
from tests.server.conftest import Office
from tests.sync.conftest import Laptop

DESK = ("charging_decision", "certification_request", "screening_prompt")
TODAY = dt.date.today()


def _fields(laptop: Laptop, record_type: str) -> dict[str, dict[str, Any]]:
    """Every record of a type on a laptop: its domain fields and the envelope fields that travel."""
    cls = RECORD_TYPES[record_type]
    columns = [c.key for c in cls.__table__.columns]  # type: ignore[attr-defined]
    kept = [c for c in columns if c not in {"rev", "created_at", "extra"}]
    return {rid: {c: getattr(r, c) for c in kept} for rid, r in laptop.records(record_type).items()}


def test_the_prosecutors_records_reach_the_prosecution_team_exactly_and_nobody_else(
    office: Office, laptops: Any
) -> None:
    p1: Laptop = laptops("Prosecution P", "prosecutor")
    p2: Laptop = laptops("Prosecution P", "prosecutor")
    advocate: Laptop = laptops("Advocacy A", "advocate")
    records = p1.ws.records
    with records.batch() as s:
        person = records.create_in(s, "person", {"preferred_name": "Dana Example"})
        matter = records.create_in(
            s, "justice_contact",
            {"role": "defendant",
             "charges": [{"offence": "Loitering", "statute": "PC 653.22", "level": "misdemeanor"}]},
            person_id=person.id,
        )  # fmt: skip
        identified = records.create_in(
            s, "identification_decision",
            {"decided_on": TODAY - dt.timedelta(days=3), "decided_by_name": "A. Prosecutor", "status": "identified",
             "trafficking_type": "sex", "reason": "Reviewed the screening and the person's account."},
            person_id=person.id,
        )  # fmt: skip
        first = records.create_in(
            s, "charging_decision",
            {"justice_contact_id": matter.id, "decided_on": TODAY - dt.timedelta(days=2),
             "decided_by_name": "A. Prosecutor", "decision": "defer", "reason": "Waiting for the screening.",
             "identification_decision_id": identified.id},
            person_id=person.id,
        )  # fmt: skip
        records.create_in(
            s, "charging_decision",
            {"justice_contact_id": matter.id, "decided_on": TODAY, "decided_by_name": "A. Prosecutor",
             "decision": "divert", "reason": "Diversion to services fits what happened.", "revises_id": first.id,
             "identification_decision_id": identified.id, "persons_account": True},
            person_id=person.id,
        )  # fmt: skip
        records.create_in(
            s, "certification_request",
            {"form": "i918_supplement_b", "received_on": TODAY - dt.timedelta(days=10), "requested_by": "attorney",
             "requester_name": "Legal Aid of Example County", "justice_contact_id": matter.id,
             "due_on": TODAY + dt.timedelta(days=80), "decision": "certified", "decided_on": TODAY,
             "decided_by_name": "A. Prosecutor", "signed_by_name": "A. Prosecutor", "signed_on": TODAY},
            person_id=person.id,
        )  # fmt: skip
        records.create_in(
            s, "screening_prompt",
            {"justice_contact_id": matter.id, "rules_version": "2026.1", "dismissed_on": TODAY,
             "dismissed_by_name": "A. Prosecutor", "reason": "Screened by the advocate last week."},
            person_id=person.id,
        )  # fmt: skip
    report = p1.sync()
    assert report.outcomes == {"applied": 7}, report.outcomes

    p2.sync()
    for record_type in DESK:
        assert _fields(p2, record_type) == _fields(p1, record_type), record_type
    decisions = p2.records("charging_decision")
    assert len(decisions) == 2 and {d.revises_id for d in decisions.values()} == {None, first.id}

    advocate.sync()
    for record_type in (*DESK, "person", "justice_contact", "identification_decision"):
        assert advocate.records(record_type) == {}, record_type
