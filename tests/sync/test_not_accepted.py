"""Work the office did not accept is never silently lost (issue 21, items 8 and 9), against a real office server
process over TLS (SQLite and PostgreSQL).

- Item 8: a note written offline about a person a colleague deleted meanwhile, and an edit made while the owner made
  the person private (``only_me``), are set aside by the office; the author keeps both in "Not accepted by the
  office" (inside the vault), with the reason, and the summary counts what left this computer and why.
- Item 9: an edited, never-synced demo record the office set aside as ``missing_link`` is sent again whole, with the
  never-sent person it belongs to, instead of being deleted; the summary is true.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.core import not_accepted
from app.core.workspace import Workspace
from app.demo.people import generate
from app.models import RECORD_TYPES, VaultMeta
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


def test_edited_never_synced_demo_records_go_to_the_office_with_their_person(office: Office, tmp_path: Path) -> None:
    username = office.user("Advocacy A", "advocate")
    vault, _code = Vault(tmp_path / "demo").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="advocacy")
    generate(Workspace(vault), persons=2, seed=3)
    enrol(vault, TEST_PASSPHRASE, server=office.url, code=office.code(username),
          fingerprint=certs.fingerprint(office.ca_pem))  # fmt: skip
    laptop = Laptop(office=office, folder=tmp_path, vault=vault, username=username)
    try:
        people = sorted(laptop.records("person"))
        # A note of one person (who was never sent either), and the other person's own details.
        other_note = next(iter(laptop.records("note_entry").values()))
        edited_person = next(p for p in people if p != other_note.person_id)
        laptop.ws.records.update("person", edited_person, {"safe_times": "Mornings"})
        laptop.ws.records.update("note_entry", other_note.id, {"body": other_note.body + " Edited offline."})
        before = _held(laptop)

        summary = run_sync(laptop.ws, timeout=20)

        after = _held(laptop)
        assert before.items() <= after.items(), "nothing the office set aside for a missing link was removed"
        assert summary.removed == [] and summary.kept_aside == 0 and summary.waiting == 0
        with office.engine.connect() as conn:
            heads = {h.id: h for h in conn.execute(sa.select(RecordHead)).all()}
        assert {edited_person, other_note.id, other_note.person_id} <= set(heads)
        assert laptop.records("person")[edited_person].safe_times == "Mornings"
        assert laptop.records("person")[edited_person].rev is not None
        assert laptop.outbox() == []
        # Once sent, nothing waits and a second sync changes nothing here.
        again = run_sync(laptop.ws, timeout=20)
        assert again.removed == [] and before.items() <= _held(laptop).items()
    finally:
        vault.lock()
