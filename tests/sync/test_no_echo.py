"""No echo (issue 21, item 11), against a real server process over TLS on SQLite and PostgreSQL.

What a laptop pushed and the office applied unchanged is not pulled back (5,000 sent used to come back as
"received 5000"); what others changed, what was merged and what conflicted still comes back; a vault restored from
an older backup gets back what it pushed since. And after ``offramp demo``, enrolment promises exactly what the first
sync sends: demo records are fictional practice data and never go to the office.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.core.workspace import Workspace
from app.demo.people import generate
from app.models import RECORD_TYPES
from app.protocol import certs, codec
from app.server.models import RecordHead
from app.server.records import values_of
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync.enrol import enrol
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office
from tests.sync.conftest import Laptop


def _same_as_the_office(office: Office, laptop: Laptop, record_type: str, record_id: str) -> None:
    """Every column of the laptop's copy is the office's (``extra`` aside: unknown fields kept on each side)."""
    cls = RECORD_TYPES[record_type]
    with laptop.vault.session() as s:
        local = s.get(cls, record_id)
        assert local is not None
        mine = {k: v for k, v in codec.encode_record(local).items() if k != "extra"}
    with Session(office.engine) as s:
        server = s.get(cls, record_id)
        assert server is not None
        theirs = {k: v for k, v in values_of(server).items() if k != "extra"}
    assert mine == theirs


def test_what_a_laptop_pushed_unchanged_does_not_come_back(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    with a.ws.records.batch() as s:
        person = a.ws.records.create_in(s, "person", {"preferred_name": "Quinn Example"})
        notes = [
            a.ws.records.create_in(
                s, "note_entry", {"parent_type": "person", "parent_id": person.id, "body": f"Note {i}."},
                person_id=person.id,
            ).id
            for i in range(150)
        ]  # fmt: skip
    report = a.sync()
    assert report.sent == 151 and report.outcomes == {"applied": 151}
    assert report.received == 0, "nothing it sent comes back"
    assert not any(line.startswith("Received 1") for line in a.lines)
    # The laptop's copies are exactly the office's, times the office stamped included.
    _same_as_the_office(office, a, "person", person.id)
    for note_id in notes[:5]:
        _same_as_the_office(office, a, "note_entry", note_id)
    assert a.sync().received == 0

    # Another laptop gets all of it; a change made there comes back to the first, and only that.
    assert b.sync().received == 151
    b.ws.records.update("person", person.id, {"pronouns": "they/them"})
    assert b.sync().received == 0
    assert a.sync().received == 1
    assert a.records("person")[person.id].pronouns == "they/them"

    # A deletion is not sent back either; the office's time of deleting is.
    a.ws.records.delete("note_entry", notes[0])
    assert a.sync().received == 0
    _same_as_the_office(office, a, "note_entry", notes[0])
    assert b.sync().received == 1 and b.records("note_entry")[notes[0]].deleted


def test_merged_and_conflicted_changes_come_back(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy B")
    b: Laptop = laptops("Advocacy B")
    person = a.ws.records.create("person", {"preferred_name": "Robin Example"})
    a.sync()
    b.sync()
    # Different fields: b's change is merged with a's, and b gets the merged record back.
    a.ws.records.update("person", person.id, {"pronouns": "she/her"})
    b.ws.records.update("person", person.id, {"legal_name": "R. Example"})
    assert a.sync().outcomes == {"applied": 1}
    report = b.sync()
    assert report.outcomes == {"merged": 1} and report.received == 1
    got = b.records("person")[person.id]
    assert (got.pronouns, got.legal_name) == ("she/her", "R. Example")
    _same_as_the_office(office, b, "person", person.id)
    # The same field: b's value is kept in a conflict, and b gets the office's value back.
    a.sync()
    a.ws.records.update("person", person.id, {"safe_times": "Mornings"})
    b.ws.records.update("person", person.id, {"safe_times": "Evenings"})
    a.sync()
    report = b.sync()
    assert report.outcomes == {"conflict": 1} and report.received == 1
    assert b.records("person")[person.id].safe_times == "Mornings"
    _same_as_the_office(office, b, "person", person.id)


def _copy_vault(src: Path, dst: Path) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.lock", "lock"))


def test_a_vault_restored_from_an_older_copy_gets_back_what_it_pushed_since(
    office: Office,
    laptops: Any,
    tmp_path: Path,
) -> None:
    a: Laptop = laptops("Advocacy A")
    a.ws.records.create("person", {"preferred_name": "Older Example"})
    a.sync()
    a.vault.lock()
    _copy_vault(a.folder, tmp_path / "older")
    a.vault = Vault(a.folder).unlock(TEST_PASSPHRASE)
    later = a.ws.records.create("person", {"preferred_name": "Later Example"})
    assert a.sync().received == 0
    # The laptop goes back to the older copy: it lacks the later person and holds the older sync position.
    a.vault.lock()
    shutil.rmtree(a.folder)
    _copy_vault(tmp_path / "older", a.folder)
    a.vault = Vault(a.folder).unlock(TEST_PASSPHRASE)
    assert later.id not in a.records("person")
    report = a.sync()
    assert report.received >= 1
    assert later.id in a.records("person")
    _same_as_the_office(office, a, "person", later.id)


def test_after_offramp_demo_enrolment_promises_what_the_first_sync_sends(office: Office, tmp_path: Path) -> None:
    folder = tmp_path / "demo-vault"
    vault, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="advocacy")
    ws = Workspace(vault)
    summary = generate(ws, persons=3, seed=7)
    assert summary.records > 3
    demo_person = next(iter(_ids(vault, "person")))
    ws.records.update("person", demo_person, {"safe_times": "Practice edit"})  # a demo record edited before enrolling
    real = ws.records.create("person", {"preferred_name": "Jamie Example"})
    ws.records.create("note_entry", {"parent_type": "person", "parent_id": real.id, "body": "First meeting."},
                      person_id=real.id)  # fmt: skip
    username = office.user("Advocacy A", "advocate")
    done = enrol(
        vault,
        TEST_PASSPHRASE,
        server=office.url,
        code=office.code(username),
        fingerprint=certs.fingerprint(office.ca_pem),
    )
    assert done.will_send == 2, "the real person and their note; no demo record"
    assert done.kept_here == done.adopted_records - 2 and done.kept_here >= summary.records

    laptop = Laptop(office=office, folder=folder, vault=vault, username=username)
    try:
        report = laptop.sync()
        assert report.sent == done.will_send
        with Session(office.engine) as s:
            at_office = set(
                s.scalars(sa.select(RecordHead.id).where(RecordHead.owner_user_id == vault.identity.user_id))
            )
        assert real.id in at_office and demo_person not in at_office and len(at_office) == 2
    finally:
        laptop.close()


def _ids(vault: Any, record_type: str) -> list[str]:
    cls = RECORD_TYPES[record_type]
    with vault.session() as s:
        return list(s.scalars(sa.select(cls.id).order_by(cls.id)))
