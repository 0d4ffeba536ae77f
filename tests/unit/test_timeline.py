"""One person at a glance, on a real vault: the header's safe-contact rules, the dated timeline, notes and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from app.core.timeline import (
    contact_rules,
    history_rows,
    person_header,
    person_notes,
    person_timeline,
)
from app.core.workspace import Workspace
from app.demo.people import generate
from app.errors import RecordDeleted, RecordNotFound
from app.storage.kdf import KdfParams
from app.storage.vault import Vault

BANNED = ("positive", "refused", "refuse", "uncooperative", "non-compliant", "noncompliant", "prostitute",
          "illegal alien", "rescued", "addict", "victim of")  # fmt: skip
TODAY = dt.date(2026, 3, 15)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    unlocked, _code = Vault(tmp_path / "vault").create("a long test passphrase", kdf_params=KdfParams.floor())
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


def _person(ws: Workspace, **values: object) -> str:
    return ws.records.create("person", {"preferred_name": "Rowan Fictional", **values}).id


def _story(ws: Workspace, pid: str) -> dict[str, str]:
    """One of every dated record type, on fixed fictional dates; returns their ids by name."""
    r = ws.records
    ids = {}
    ids["encounter"] = r.create(
        "encounter",
        {"occurred_at": dt.datetime(2026, 1, 10, 15, 0, tzinfo=dt.UTC), "kind": "court", "setting": "courthouse",
         "purpose": "Court accompaniment", "status": "complete"},
        person_id=pid,
    ).id  # fmt: skip
    ids["screening"] = r.create(
        "screening",
        {"template_id": "tvit-short", "template_version": "2014", "screened_on": "2026-01-12",
         "session_status": "partial", "practitioner_assessment": "indicators_present",
         "answers": {"q1": {"answer": "yes", "note": "x" * 500}}},
        person_id=pid,
    ).id  # fmt: skip
    ids["identification"] = r.create(
        "identification_decision",
        {"decided_on": "2026-01-20", "status": "identified", "trafficking_type": "labour",
         "decided_by_name": "R. Demo", "reason": "Reviewed with the supervising attorney."},
        person_id=pid,
    ).id  # fmt: skip
    ids["plan"] = r.create(
        "safety_plan",
        {"offered_on": "2026-01-21", "survivor_choice": "chosen", "started_on": "2026-01-22",
         "leaving_intent": "not_ready", "review_due": "2026-04-01", "status": "active"},
        person_id=pid,
    ).id  # fmt: skip
    ids["referral"] = r.create(
        "referral",
        {"category": "housing_assistance", "offered_on": "2026-02-01", "decision": "declined"},
        person_id=pid,
    ).id
    ids["referral_open"] = r.create(
        "referral",
        {"category": "legal_record_relief", "offered_on": "2026-02-02", "decision": "accepted",
         "follow_up_due": "2026-03-20"},
        person_id=pid,
    ).id  # fmt: skip
    ids["consent"] = r.create(
        "consent",
        {"recipient": "Alder Legal Aid (demo)", "purpose": "Record relief", "starts_on": "2026-02-02",
         "expires_on": "2026-08-02", "data_covered": ["Name"]},
        person_id=pid,
    ).id  # fmt: skip
    case = r.create("relief_case", {"jurisdiction": "Demo State"}, person_id=pid).id
    ids["deadline"] = r.create(
        "relief_deadline", {"case_id": case, "kind": "filing_limit", "due_on": "2026-05-01"}, person_id=pid
    ).id
    ids["justice"] = r.create(
        "justice_contact",
        {"role": "defendant", "court": "Alder County District Court", "docket_number": "AC-2025-CR-0001",
         "arrest_date": "2025-11-03", "disposition": "dismissed", "disposition_date": "2026-02-10",
         "charges": [{"offence": "Loitering", "statute": "Demo Penal Code 240.10", "level": "violation"}]},
        person_id=pid,
    ).id  # fmt: skip
    return ids


# --- the header -------------------------------------------------------------------------------------------------


def test_the_header_puts_the_safe_contact_rules_in_plain_words_do_not_first(ws: Workspace) -> None:
    pid = _person(
        ws, pronouns="they/them", languages=["Spanish", "English"], interpreter_needed=True,
        safe_to_call=None, safe_to_text=True, safe_to_leave_message=False, safe_to_send_mail=False,
        safe_times="weekdays after 6 pm", preferred_term="survivor", age_group="adult",
        contact_notes="Someone else may see the phone.",
    )  # fmt: skip
    header = person_header(ws, pid)
    assert header.preferred_name == "Rowan Fictional"
    assert header.pronouns == "they/them"
    assert header.languages == ("Spanish", "English") and header.interpreter_needed is True
    assert header.contact_rules == (
        "Do not leave voicemail",
        "Do not send mail",
        "Safe to text",
        "Ask before calling",
        "Safe times: weekdays after 6 pm",
    )
    assert header.preferred_term == "Survivor" and header.age_group == "Adult"
    assert header.contact_notes == "Someone else may see the phone."
    # A personal vault is a community advocate's: advocacy regime, privileged by default, seen by my team.
    assert header.badge == "Advocacy · privileged · my team"
    assert not header.is_demo


def test_not_asked_is_never_shown_as_no() -> None:
    assert contact_rules({}) == ("Ask before any contact: nobody has asked yet",)
    assert contact_rules({"safe_to_text": True}) == (
        "Safe to text", "Ask before calling", "Ask before leaving a message", "Ask before sending mail",
    )  # fmt: skip
    rules = contact_rules({"safe_to_call": True, "safe_to_text": False, "safe_times": "  "})
    assert rules[:2] == ("Do not text", "Safe to call")
    assert not any(r.startswith("Safe times") for r in rules), "blank safe times say nothing"


def test_a_missing_or_deleted_person_is_a_human_error(ws: Workspace) -> None:
    with pytest.raises(RecordNotFound):
        person_header(ws, "0190aaaa-0000-7000-8000-000000000000")
    pid = _person(ws)
    ws.records.delete("person", pid)
    with pytest.raises(RecordDeleted):
        person_header(ws, pid)


# --- the timeline -----------------------------------------------------------------------------------------------


def test_the_timeline_gathers_every_dated_record_newest_first(ws: Workspace) -> None:
    pid = _person(ws)
    ids = _story(ws, pid)
    other = _person(ws, preferred_name="Someone Else")
    ws.records.create("encounter", {"occurred_at": "2026-01-11T10:00:00+00:00", "kind": "phone"}, person_id=other)

    entries = person_timeline(ws, pid, today=TODAY)
    whens = [e.when for e in entries]
    assert whens == sorted(whens, reverse=True), "newest (and upcoming) first"
    by_title = {e.title: e for e in entries}
    assert set(by_title) == {
        "Consent ends: sharing with Alder Legal Aid (demo)",
        "Deadline: filing limit",
        "Safety plan review due",
        "Follow-up due: Legal help: criminal-record relief",
        "Case outcome: dismissed",
        "Referral offered: Legal help: criminal-record relief",
        "Consent given: sharing with Alder Legal Aid (demo)",
        "Referral offered: Housing and rental assistance",
        "Safety plan started",
        "Safety planning offered",
        "Identification decision: identified",
        "Screening: indicators present",
        "Court date",
        "Arrest",
    }
    assert entries[0].title.startswith("Consent ends") and entries[0].when == dt.date(2026, 8, 2)
    assert entries[-1].title == "Arrest" and entries[-1].when == dt.date(2025, 11, 3)

    screening = by_title["Screening: indicators present"]
    assert screening.record_type == "screening" and screening.record_id == ids["screening"]
    assert screening.detail == "TVIT, short form, version 2014 · partly done"
    assert by_title["Court date"].detail == "Court accompaniment · At the courthouse"
    assert by_title["Court date"].when == dt.datetime(2026, 1, 10, 15, tzinfo=dt.UTC).astimezone().date()
    assert by_title["Referral offered: Housing and rental assistance"].detail == "The person declined"
    assert by_title["Safety plan started"].detail == "Not ready to leave: a complete plan"
    assert by_title["Identification decision: identified"].detail == "Labor trafficking · Decided by R. Demo"
    assert by_title["Arrest"].detail == "Alder County District Court · docket AC-2025-CR-0001"
    assert all(e.record_id != "" for e in entries)
    # A declined referral has no follow-up waiting; the charge's name never becomes a label on the timeline.
    assert not any("Follow-up due: housing" in e.title for e in entries)
    assert not any("Loitering" in e.title or "Loitering" in e.detail for e in entries)


def test_deleted_records_leave_the_timeline(ws: Workspace) -> None:
    pid = _person(ws)
    ids = _story(ws, pid)
    ws.records.delete("justice_contact", ids["justice"])
    ws.records.delete("screening", ids["screening"])
    kinds = {e.kind for e in person_timeline(ws, pid, today=TODAY)}
    assert "arrest" not in kinds and "disposition" not in kinds and "screening" not in kinds
    assert "encounter" in kinds


def test_a_screening_never_says_positive_and_never_labels_the_person(ws: Workspace) -> None:
    pid = _person(ws)
    titles = []
    for assessment in ("indicators_present", "unclear", "not_indicated", None):
        ws.records.create(
            "screening",
            {"template_id": "qyit", "template_version": "2019", "screened_on": "2026-01-05",
             "practitioner_assessment": assessment},
            person_id=pid,
        )  # fmt: skip
    titles = sorted(e.title for e in person_timeline(ws, pid))
    assert titles == [
        "Screening: indicators present",
        "Screening: no assessment recorded yet",
        "Screening: no indicators noted",
        "Screening: unclear",
    ]


def test_the_timeline_reads_each_type_with_its_own_small_query(ws: Workspace) -> None:
    pid = _person(ws)
    _story(ws, pid)
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "sqlite_master" not in statement:
            statements.append(statement)

    engine = ws.vault.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        person_timeline(ws, pid)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    # encounters, screenings, identifications, safety plans, referrals, referral steps, consents, deadlines,
    # certification requests, justice, charging decisions
    assert len(statements) == 11
    for statement in statements:
        assert "answers" not in statement and "summary" not in statement and "reason" not in statement
        assert "person_id = ?" in statement and "deleted" in statement


def test_demo_people_read_in_plain_words(ws: Workspace) -> None:
    generate(ws, persons=30, seed=3)
    for row in ws.people.search("", limit=30):
        texts = [f"{e.title} {e.detail}" for e in person_timeline(ws, row.id)]
        texts += [h.action for h in history_rows(ws, row.id)]
        for text in texts:
            lowered = text.lower()
            assert not any(word in lowered for word in BANNED), text
            assert "_" not in text.split("docket")[0], f"a raw code leaked into the words: {text}"


# --- notes and history ------------------------------------------------------------------------------------------


def test_notes_are_newest_first_and_signed_ones_are_not_editable(ws: Workspace) -> None:
    pid = _person(ws)
    first = ws.records.create("note_entry", {"parent_type": "person", "parent_id": pid, "body": "First."},
                              person_id=pid).id  # fmt: skip
    second = ws.records.create("note_entry", {"parent_type": "person", "parent_id": pid, "body": "Second."},
                               person_id=pid).id  # fmt: skip
    ws.records.update("note_entry", first, {"signed_at": dt.datetime.now(dt.UTC), "signed_by": ws.identity.user_id})
    notes = person_notes(ws, pid)
    assert [n.id for n in notes] == [second, first]
    assert notes[0].editable and notes[0].author == "You" and notes[0].mine
    assert not notes[1].editable and notes[1].signed_by == "You" and notes[1].signed_at is not None
    assert notes[0].written_at.tzinfo is not None


def test_history_says_what_was_done_in_words(ws: Workspace) -> None:
    pid = _person(ws)
    ws.records.update("person", pid, {"pronouns": "she/her", "safe_times": "mornings"})
    note = ws.records.create("note_entry", {"parent_type": "person", "parent_id": pid, "body": "Private words."},
                             person_id=pid).id  # fmt: skip
    ws.records.update("note_entry", note, {"body": "Changed private words."})
    ws.records.update("note_entry", note, {"signed_at": dt.datetime.now(dt.UTC), "signed_by": ws.identity.user_id})
    justice = ws.records.create("justice_contact", {"role": "witness"}, person_id=pid).id
    ws.records.update("justice_contact", justice, {"docket_number": "AC-1"})
    ws.records.delete("justice_contact", justice)
    ws.log_event("view", record_type="person", record_id=pid, person_id=pid)

    rows = history_rows(ws, pid)
    assert [r.action for r in rows] == [
        "Viewed",
        "Deleted a justice contact",
        "Changed a justice contact: docket number",
        "Added a justice contact",
        "Signed a note",
        "Edited a note",
        "Added a note",
        "Changed pronouns, safe times",
        "Added this person",
    ]
    assert {r.who for r in rows} == {"You"} and {r.device for r in rows} == {"This computer"}
    assert all(r.when.tzinfo is not None and r.when.utcoffset() == dt.datetime.now().astimezone().utcoffset()
               for r in rows)  # fmt: skip
    assert not any("private" in r.action.lower() for r in rows), "the trail says what was done, never what was written"


def test_someone_elses_change_shows_a_short_id(ws: Workspace) -> None:
    from app.models import AuditEvent
    from app.models.base import utcnow

    pid = _person(ws)
    with ws.session() as s, s.begin():
        s.add(AuditEvent(occurred_at=utcnow(), hlc=ws.clock.tick(), user_id="0190bbbb-1111-7000-8000-000000000001",
                         device_id="0190cccc-2222-7000-8000-000000000002", action="update", record_type="person",
                         record_id=pid, person_id=pid, fields=["safe_to_text"]))  # fmt: skip
    row = history_rows(ws, pid)[0]
    assert row.action == "Changed safe to text"
    assert row.who == "User 0190bbbb" and row.device == "Device 0190cccc"
