"""The record service on a real vault: envelope, audit, outbox, tombstones and human validation messages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.core.hlc import HybridClock, Timestamp
from app.core.workspace import Workspace
from app.errors import MalformedRecoveryCode, RecordDeleted, RecordNotFound, ValidationError
from app.models import AuditEvent, NoteEntry, OutboxEntry
from app.storage import recovery
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def _outbox(ws: Workspace, record_id: str) -> list[OutboxEntry]:
    with ws.session() as s:
        rows = list(s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == record_id)))
        s.expunge_all()
    return sorted(rows, key=lambda r: r.edited_hlc)


def _audit(ws: Workspace, record_id: str) -> list[AuditEvent]:
    return sorted(ws.history(record_id=record_id), key=lambda e: e.hlc)


def test_create_fills_the_envelope_audit_and_outbox(workspace: Workspace) -> None:
    ws = workspace
    p = ws.records.create(
        "person",
        {"preferred_name": "Rowan Testperson", "pronouns": "they/them", "safe_to_leave_message": False},
    )
    assert p.person_id == p.id and p.type == "person" and p.schema_version == 1
    assert p.owner_user_id == ws.identity.user_id == p.edited_by
    assert p.edited_device == ws.identity.device_id
    assert p.regime == "advocacy" and p.privileged is True, "advocacy records are privileged by default"
    assert p.visibility == "my_team" and p.rev is None and p.deleted is False

    (entry,) = _outbox(ws, p.id)
    assert entry.base_rev is None and entry.deleted is False and entry.record_type == "person"
    assert entry.patch["preferred_name"] == "Rowan Testperson"
    assert entry.patch["safe_to_leave_message"] is False

    (event,) = _audit(ws, p.id)
    assert event.action == "create" and event.user_id == ws.identity.user_id
    assert event.device_id == ws.identity.device_id and event.person_id == p.id
    assert "preferred_name" in event.fields
    assert "Rowan" not in repr(event.fields), "the audit trail holds field names, never values"


def test_update_sends_only_what_changed_and_a_no_op_writes_nothing(workspace: Workspace) -> None:
    ws = workspace
    p = ws.records.create("person", {"preferred_name": "Sky Example", "pronouns": "she/her"})
    ws.records.update("person", p.id, {"pronouns": "she/her"})  # unchanged
    assert len(_outbox(ws, p.id)) == 1 and len(_audit(ws, p.id)) == 1

    q = ws.records.update("person", p.id, {"pronouns": "they/them", "preferred_name": "Sky Example"})
    assert q.edited_hlc > p.edited_hlc
    _create, change = _outbox(ws, p.id)
    assert change.patch == {"pronouns": "they/them"}
    assert _audit(ws, p.id)[-1].fields == ["pronouns"]
    assert ws.records.get("person", p.id).pronouns == "they/them"


def test_delete_is_a_tombstone(workspace: Workspace) -> None:
    ws = workspace
    p = ws.records.create("person", {"preferred_name": "Morgan Tombstone"})
    ws.records.delete("person", p.id)
    with pytest.raises(RecordDeleted):
        ws.records.get("person", p.id)
    assert ws.records.get("person", p.id, include_deleted=True).deleted_by == ws.identity.user_id
    assert ws.people.search("Morgan") == [] and ws.people.count() == 0
    assert _outbox(ws, p.id)[-1].deleted is True
    with pytest.raises(RecordDeleted):
        ws.records.update("person", p.id, {"pronouns": "he/him"})
    with pytest.raises(RecordNotFound):
        ws.records.get("person", "00000000-0000-7000-8000-000000000000")


@pytest.mark.parametrize(
    ("record_type", "values", "field", "words"),
    [
        ("person", {"preferred_name": "A", "favourite_colour": "blue"}, "favourite_colour", "no field called"),
        ("person", {"pronouns": "she/her"}, "preferred_name", "Please fill in the preferred name"),
        ("person", {"preferred_name": "   "}, "preferred_name", "Please fill in"),
        ("person", {"preferred_name": "A", "age_group": "teenager"}, "age_group", "must be one of: adult, minor"),
        ("person", {"preferred_name": "x" * 201}, "preferred_name", "at most 200 characters"),
        ("person", {"preferred_name": "A", "date_of_birth": "31/12/1999"}, "date_of_birth", "as a date"),
        ("person", {"preferred_name": "A", "date_of_birth": "2999-01-01"}, "date_of_birth", "in the future"),
        ("person", {"preferred_name": "A", "aliases": "Ace"}, "aliases", "list of texts"),
        ("person", {"preferred_name": "A", "safe_to_call": "maybe"}, "safe_to_call", "yes, no or not asked"),
        ("person", {"preferred_name": "A", "visibility": "everyone"}, "visibility", "only me, my team"),
    ],
)
def test_validation_messages_are_human_and_name_the_field(
    workspace: Workspace, record_type: str, values: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as err:
        workspace.records.create(record_type, values)
    assert err.value.field == field
    assert words in err.value.message
    assert workspace.people.count() == 0, "a refused record is not half-saved"


def test_records_belong_to_a_live_person_and_links_must_exist(workspace: Workspace) -> None:
    ws = workspace
    with pytest.raises(ValidationError) as err:
        ws.records.create("encounter", {"occurred_at": dt.datetime.now(dt.UTC)})
    assert "must belong to a person" in err.value.message
    p = ws.records.create("person", {"preferred_name": "Linked Person"})
    with pytest.raises(ValidationError) as err:
        ws.records.create(
            "referral",
            {"category": "legal_immigration", "offered_on": "2026-02-01", "provider_id": "missing"},
            person_id=p.id,
        )
    assert "provider record was not found" in err.value.message
    with pytest.raises(ValidationError) as err:
        ws.records.create(
            "consent",
            {"recipient": "Demo Legal Aid", "purpose": "immigration help", "starts_on": "2026-03-01",
             "expires_on": "2026-02-01"},
            person_id=p.id,
        )
    assert "cannot expire before it starts" in err.value.message
    ws.records.delete("person", p.id)
    with pytest.raises(ValidationError):
        ws.records.create("note_entry", {"body": "late note"}, person_id=p.id)


def test_notes_are_append_only_once_signed_or_for_others(workspace: Workspace) -> None:
    ws = workspace
    p = ws.records.create("person", {"preferred_name": "Note Person"})
    note = ws.records.create("note_entry", {"body": "first draft"}, person_id=p.id)
    ws.records.update("note_entry", note.id, {"body": "first draft, corrected"})  # author, unsigned: fine
    ws.records.update("note_entry", note.id, {"signed_at": dt.datetime.now(dt.UTC), "signed_by": ws.identity.user_id})
    with pytest.raises(ValidationError) as err:
        ws.records.update("note_entry", note.id, {"body": "rewritten later"})
    assert "signed note cannot be changed" in err.value.message

    other = ws.records.create("note_entry", {"body": "a colleague's note"}, person_id=p.id)
    with ws.session() as s, s.begin():
        s.execute(update(NoteEntry).where(NoteEntry.id == other.id).values(owner_user_id="someone-else"))
    with pytest.raises(ValidationError) as err:
        ws.records.update("note_entry", other.id, {"body": "mine now"})
    assert "Only the person who wrote a note" in err.value.message


def test_the_survivors_choices_in_a_safety_plan_are_never_overwritten(workspace: Workspace) -> None:
    ws = workspace
    p = ws.records.create("person", {"preferred_name": "Plan Person"})
    plan = ws.records.create("safety_plan", {"leaving_intent": "not_ready"}, person_id=p.id)
    item = ws.records.create(
        "safety_plan_item",
        {"plan_id": plan.id, "component": "phone_technology", "survivor_choice": "not_now",
         "survivor_words": "He checks my phone at night"},
        person_id=p.id,
    )
    with pytest.raises(ValidationError) as err:
        ws.records.update("safety_plan_item", item.id, {"survivor_choice": "chosen"})
    assert "kept as it was recorded" in err.value.message
    revision = ws.records.create(
        "safety_plan_item",
        {"plan_id": plan.id, "component": "phone_technology", "survivor_choice": "chosen",
         "survivor_words": "Ready to memorise two numbers", "revises_id": item.id},
        person_id=p.id,
    )
    assert ws.records.get("safety_plan_item", item.id).survivor_choice == "not_now"
    assert revision.revises_id == item.id


def test_search_matches_prefixes_of_names_and_aliases_without_accents(workspace: Workspace) -> None:
    ws = workspace
    a = ws.records.create("person", {"preferred_name": "Inés Quintero", "aliases": ["Nena"]})
    b = ws.records.create("person", {"preferred_name": "Quinn Abara", "legal_name": "Quinton Abara"})
    ws.records.create("person", {"preferred_name": "Zed Other"})
    assert {r.id for r in ws.people.search("quin")} == {a.id, b.id}
    assert [r.id for r in ws.people.search("ines")] == [a.id]
    assert [r.id for r in ws.people.search("nen")] == [a.id]
    assert [r.id for r in ws.people.search("quinton ab")] == [b.id]
    assert ws.people.search('"; DROP TABLE person; --') == []
    assert ws.people.count("quin") == 2 and ws.people.count() == 3
    ws.records.update("person", a.id, {"aliases": ["Chula"]})
    assert ws.people.search("nena") == [] and [r.id for r in ws.people.search("chul")] == [a.id]


def test_the_clock_survives_a_restart(tmp_data_dir) -> None:  # type: ignore[no-untyped-def]
    from app.storage.kdf import KdfParams

    vault = Vault(tmp_data_dir)
    unlocked, _ = vault.create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    ws = Workspace(unlocked)
    ws.clock._now_ms = lambda: 9_999_999_999_999  # a clock far ahead, then the machine's clock is corrected
    p = ws.records.create("person", {"preferred_name": "Clock Person"})
    unlocked.lock()
    ws2 = Workspace(vault.unlock(TEST_PASSPHRASE))
    q = ws2.records.update("person", p.id, {"pronouns": "he/him"})
    assert q.edited_hlc > p.edited_hlc, "edits after a restart still sort after earlier ones"
    ws2.lock()


# --- clocks and codes, by property ------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=50))
def test_hlc_is_strictly_increasing_whatever_the_wall_clock_does(walls: list[int]) -> None:
    it = iter(walls)
    clock = HybridClock("device-a", now_ms=lambda: next(it))
    stamps = [clock.tick() for _ in walls]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(Timestamp.decode(s).encode() == s for s in stamps)


@given(st.integers(min_value=0, max_value=2**40), st.integers(min_value=0, max_value=2**40))
def test_hlc_after_observing_a_remote_stamp_is_later_than_it(local: int, remote: int) -> None:
    other = HybridClock("device-b", now_ms=lambda: remote).tick()
    mine = HybridClock("device-a", now_ms=lambda: local)
    assert Timestamp.decode(mine.observe(other)) > Timestamp.decode(other)


@settings(max_examples=200)
@given(st.binary(min_size=20, max_size=20), st.integers(min_value=0, max_value=39), st.data())
def test_recovery_codes_round_trip_and_most_typos_are_named(secret: bytes, position: int, data) -> None:  # type: ignore[no-untyped-def]
    code = recovery.format_code(secret)
    assert recovery.parse(code) == secret
    chars = code.replace("-", "")
    replacement = data.draw(st.sampled_from([c for c in recovery.ALPHABET if c != chars[position]]))
    typo = chars[:position] + replacement + chars[position + 1 :]
    try:
        assert recovery.parse(typo) != secret, "a changed code never opens the same secret"
    except MalformedRecoveryCode as err:
        assert f"Group {position // 5 + 1}" in err.message
