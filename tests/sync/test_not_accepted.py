"""Work the office did not accept is never silently lost (issue 21, items 8 and 9), against a real office server
process over TLS (SQLite and PostgreSQL).

- Item 8: a note written offline about a person a colleague deleted meanwhile, and an edit made while the owner made
  the person private (``only_me``), are set aside by the office; the author keeps both in "Not accepted by the
  office" (inside the vault), with the reason, and the summary counts what left this computer and why.
- Item 9: a record the office set aside as ``missing_link`` is never deleted here: a demo person's practice edit
  stays on this computer, a never-queued real record is sent again whole with the never-sent person it belongs
  to; the summary is true.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.core import not_accepted
from app.core.workspace import Workspace
from app.demo.people import generate
from app.models import RECORD_TYPES, Person, VaultMeta
from app.protocol import certs
from app.server.models import Quarantine, RecordHead
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync.enrol import enrol
from app.sync.run import run_sync
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office
from tests.sync.conftest import Laptop


def _held(laptop: Laptop) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in RECORD_TYPES:
        out.update(dict.fromkeys(laptop.records(name), name))
    return out


def _quarantined(office: Office, record_id: str) -> list[str]:
    with office.engine.connect() as conn:
        return list(conn.scalars(sa.select(Quarantine.reason).where(Quarantine.record_id == record_id)))


def test_a_note_about_a_person_a_colleague_deleted_is_kept_for_its_author(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person = a.ws.records.create("person", {"preferred_name": "Robin Example"})
    a.sync()
    b.sync()
    # b writes a note offline; meanwhile a deletes the person at the office.
    note = b.ws.records.create(
        "note_entry",
        {"parent_type": "person", "parent_id": person.id, "body": "Called back; prefers mornings."},
        person_id=person.id,
    )
    a.ws.records.delete("person", person.id)
    a.sync()

    summary = run_sync(b.ws, timeout=20)
    assert _quarantined(office, note.id) == ["person_deleted"]
    assert note.id not in b.records("note_entry")
    # The author keeps what they wrote, in the vault, with the reason in plain words.
    kept = not_accepted.items(b.ws)
    assert [i.id for i in kept] == [note.id]
    item = kept[0]
    assert item.reason == "person_deleted" and "deleted this person" in item.why
    assert "Called back; prefers mornings." in item.text and "Robin Example" in item.title
    assert item.new_record
    # The summary counts it, with its reason: removed because the office did not accept it, kept in the list.
    assert summary.kept_aside == 1
    assert [(r.record_type, r.count, r.reason) for r in summary.removed] == [
        ("note_entry", 1, not_accepted.REASON_NOT_ACCEPTED)
    ]
    # A later sync neither brings it back nor loses the copy; discarding forgets it.
    b.sync()
    assert [i.id for i in not_accepted.items(b.ws)] == [note.id]
    not_accepted.discard(b.ws, note.id)
    assert not_accepted.items(b.ws) == []


def test_an_edit_made_while_the_owner_made_the_person_private_is_kept(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    owner: Laptop = laptops("Advocacy B")
    colleague: Laptop = laptops("Advocacy B")
    person = owner.ws.records.create("person", {"preferred_name": "Ash Example", "safe_times": "Evenings"})
    owner.sync()
    colleague.sync()
    colleague.ws.records.update("person", person.id, {"safe_times": "Only on weekdays before 3 pm"})
    owner.ws.records.update("person", person.id, {"visibility": "only_me"})
    owner.sync()

    summary = run_sync(colleague.ws, timeout=20)
    assert _quarantined(office, person.id) == ["not_allowed"]
    assert colleague.records("person") == {}
    kept = not_accepted.items(colleague.ws)
    assert len(kept) == 1 and kept[0].id == person.id and not kept[0].new_record
    assert "made their records private" in kept[0].why and "ask the owner" in kept[0].what_to_do
    assert ("Safe times to make contact", "Only on weekdays before 3 pm") in kept[0].fields
    assert kept[0].title == "Changes to Ash Example's details"
    assert [(r.record_type, r.count, r.reason) for r in summary.removed] == [
        ("person", 1, not_accepted.REASON_NOT_ACCEPTED)
    ]
    # Kept inside the vault (encrypted with everything else), not in a file beside it.
    with colleague.vault.session() as s:
        assert s.get(VaultMeta, not_accepted.NOT_ACCEPTED_KEY) is not None
    assert {p.name for p in colleague.folder.iterdir()} <= {"vault.db", "vault.key", "vault.db-wal", "vault.db-shm",
                                                             "vault.key.previous", "vault.lock", "backups"}  # fmt: skip


def test_records_the_office_lacks_the_link_of_are_never_removed(office: Office, tmp_path: Path) -> None:
    """Reproduced: a demo person edited after enrolment went as a partial create, hit NOT NULL (missing_link) and
    was deleted here while the summary said "Removed from this computer: nothing". Now: practice edits of demo
    people stay on this computer (demo data never goes to an office); records that are real work but were never
    queued (made without an outbox entry) are sent whole, with the never-sent person they belong to."""
    username = office.user("Advocacy A", "advocate")
    vault, _code = Vault(tmp_path / "demo").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="advocacy")
    generate(Workspace(vault), persons=2, seed=3)
    enrol(vault, TEST_PASSPHRASE, server=office.url, code=office.code(username),
          fingerprint=certs.fingerprint(office.ca_pem))  # fmt: skip
    laptop = Laptop(office=office, folder=tmp_path, vault=vault, username=username)
    try:
        people = sorted(laptop.records("person"))
        # One person is real work that was never queued (as rows written without an outbox entry); one stays demo.
        real_note = next(iter(laptop.records("note_entry").values()))
        real_person = real_note.person_id
        demo_person = next(p for p in people if p != real_person)
        with laptop.vault.session() as s, s.begin():
            s.execute(sa.update(Person).where(Person.id == real_person).values(is_demo=False))
        laptop.ws.records.update("person", demo_person, {"safe_times": "Mornings"})
        laptop.ws.records.update("note_entry", real_note.id, {"body": real_note.body + " Edited offline."})
        before = _held(laptop)

        summary = run_sync(laptop.ws, timeout=20)

        after = _held(laptop)
        assert before.items() <= after.items(), "nothing the office set aside for a missing link was removed"
        assert summary.removed == [] and summary.kept_aside == 0 and summary.waiting == 0
        assert not_accepted.items(laptop.ws) == []
        with office.engine.connect() as conn:
            heads = set(conn.scalars(sa.select(RecordHead.id)))
        # The real note went with its person; the demo person's practice edit stayed here, and only here.
        assert {real_note.id, real_person} <= heads
        assert demo_person not in heads
        assert laptop.records("note_entry")[real_note.id].rev is not None
        assert laptop.records("note_entry")[real_note.id].body.endswith(" Edited offline.")
        assert laptop.records("person")[demo_person].safe_times == "Mornings"
        assert laptop.outbox() == []
        # Nothing waits, and a second sync removes nothing either.
        again = run_sync(laptop.ws, timeout=20)
        assert again.removed == [] and before.items() <= _held(laptop).items()
    finally:
        vault.lock()


def test_a_part_of_a_plan_the_office_refused_goes_to_the_list_with_it(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    """A safety plan the office cannot read (a value written by an older version, say) is set aside; its part,
    whose link is then missing at the office, goes to the author's list with it instead of waiting for ever or
    vanishing when the plan is removed here."""
    from app.models import OutboxEntry

    a: Laptop = laptops("Advocacy B")
    person = a.ws.records.create("person", {"preferred_name": "Dana Example"})
    a.sync()
    plan = a.ws.records.create("safety_plan", {"status": "active"}, person_id=person.id)
    part = a.ws.records.create(
        "safety_plan_item", {"plan_id": plan.id, "details": "A bag with papers at her sister's."}, person_id=person.id
    )
    with a.vault.session() as s, s.begin():
        entry = s.scalars(sa.select(OutboxEntry).where(OutboxEntry.record_id == plan.id)).one()
        entry.patch = {**entry.patch, "started_on": "the spring"}

    summary = run_sync(a.ws, timeout=20)

    assert _quarantined(office, plan.id) == ["bad_value:started_on"]
    assert _quarantined(office, part.id) == ["missing_link"]
    kept = {i.id: i for i in not_accepted.items(a.ws)}
    assert set(kept) == {plan.id, part.id}
    assert kept[part.id].reason == "link_not_accepted" and "was not accepted by the office either" in kept[part.id].why
    assert ("Details", "A bag with papers at her sister's.") in kept[part.id].fields
    assert summary.waiting == 0 and summary.kept_aside == 2
    assert sorted((r.record_type, r.count, r.reason) for r in summary.removed) == [
        ("safety_plan", 1, not_accepted.REASON_NOT_ACCEPTED),
        ("safety_plan_item", 1, not_accepted.REASON_NOT_ACCEPTED),
    ]
    assert a.outbox() == [] and plan.id not in a.records("safety_plan") and part.id not in a.records("safety_plan_item")
