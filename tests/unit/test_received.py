"""Shares received from an advocate on a prosecution vault (issue 18, item 4): the inbox, linking a share to one of
the prosecution's people, the person's view, and what remains after sync evicts a share (when, and the kinds only).

Real SQLCipher vaults. A received share is stored as the sync client stores one (its advocacy person id kept aside in
``extra``), and evicted by the sync client's own ``_evict``. All people are fictional."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core import office_policy
from app.core.received import NOT_HERE, PROSECUTION_ONLY, ReceivedShareProblem, ReceivedShares
from app.core.workspace import Workspace
from app.errors import RecordNotFound
from app.models import AuditEvent, Disclosure
from app.models.local import ReceivedShareLink
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.sync.client import _evict, _keep_only
from tests.conftest import TEST_PASSPHRASE

TODAY = dt.date.today()
FACTS = "Name: Rosa Fictional\nCourt dates: 12 Jan 2027"
SECRET = "Rosa Fictional"  # the fact text that must not outlive the share


@pytest.fixture
def prosecution(tmp_path: Path) -> Iterator[tuple[Vault, UnlockedVault]]:
    vault = Vault(tmp_path / "prosecution")
    unlocked, _code = vault.create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    yield vault, unlocked
    if unlocked.is_open:
        unlocked.lock()


def _ws(unlocked: UnlockedVault) -> Workspace:
    return Workspace(unlocked)


def received(ws: Workspace, *, facts: str = FACTS, shared_on: dt.date | None = None, **over: Any) -> str:
    """A share as the sync client stores one on a prosecution computer: the advocate's record, with its advocacy
    person kept aside (this vault does not hold that person)."""
    values: dict[str, Any] = dict(
        id=str(uuid.uuid4()), type="disclosure", person_id=None, recipient="Prosecution P",
        recipient_team_id=str(uuid.uuid4()), facts=facts, purpose="Preparing for trial",
        disclosed_on=shared_on or TODAY,
        channel="share", allowed=True, consent_id=str(uuid.uuid4()), visibility="shared_with_prosecution",
        privileged=False, regime="advocacy", owner_user_id=str(uuid.uuid4()), team_id=str(uuid.uuid4()), rev=4,
        schema_version=1, deleted=False, created_at=dt.datetime.now(dt.UTC), edited_hlc="0000000000009.00000.adv",
        edited_by="adv", edited_device="adv-laptop", extra={"_unlinked": {"person_id": str(uuid.uuid4())}},
    )  # fmt: skip
    values.update(over)
    with ws.session() as s, s.begin():
        s.execute(sa.insert(Disclosure), [values])
    return str(values["id"])


def evict(ws: Workspace, ids: list[str]) -> int:
    with ws.session() as s, s.begin():
        return _evict(s, ids)


def every_value(unlocked: UnlockedVault) -> str:
    """Every value of every table of the vault file, as text."""
    out: list[str] = []
    with unlocked.engine.connect() as conn:
        tables = conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
        for table in tables:
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):  # noqa: S608 - names from sqlite_master
                out.extend(str(v) for v in row)
    return "\n".join(out)


def test_a_received_share_waits_in_the_inbox_with_what_a_prosecutor_needs_to_read_it(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    share = received(ws, shared_on=TODAY - dt.timedelta(days=2))
    # Not received shares: the prosecution's own disclosure, a stopped share, a privileged or deleted record.
    mine = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    received(ws, regime="prosecution", visibility="my_team")
    received(ws, allowed=False, facts="Name")
    received(ws, privileged=True)
    received(ws, deleted=True)

    [row] = ReceivedShares(ws).inbox()
    assert row.disclosure_id == share
    assert (row.shared_on, row.recipient) == (TODAY - dt.timedelta(days=2), "Prosecution P")
    assert row.kinds == ["Name", "Court dates"] and row.kinds_words == "name, court dates"
    assert row.facts == ["Name: Rosa Fictional", "Court dates: 12 Jan 2027"]
    assert row.name == "Rosa Fictional"
    # The consent never reaches a prosecution computer; a share made by an earlier version carries no last day.
    assert row.until is None and row.person_id is None
    assert ReceivedShares(ws).count() == 1
    assert ReceivedShares(ws).for_person(mine) == []


def test_until_is_the_last_day_the_share_carries(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    share = received(ws, release_until=TODAY + dt.timedelta(days=30))
    [row] = ReceivedShares(ws).inbox()
    assert row.until == TODAY + dt.timedelta(days=30)
    ReceivedShares(ws).link(share, dana)
    assert [r.until for r in ReceivedShares(ws).for_person(dana)] == [TODAY + dt.timedelta(days=30)]
    evict(ws, [share])
    assert [w.until for w in ReceivedShares(ws).withdrawn_for_person(dana)] == [TODAY + dt.timedelta(days=30)]


def test_until_is_the_releases_last_day_when_this_computer_holds_the_release(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    holder = ws.records.create("person", {"preferred_name": "Lee Fictional"}).id
    consent = ws.records.create(
        "consent",
        {"recipient": "Prosecution P", "purpose": "Preparing for trial", "data_covered": ["Name"],
         "starts_on": TODAY - dt.timedelta(days=3), "expires_on": TODAY + dt.timedelta(days=90), "method": "written"},
        person_id=holder,
    ).id  # fmt: skip
    received(ws, consent_id=consent)
    [row] = ReceivedShares(ws).inbox()
    assert row.until == TODAY + dt.timedelta(days=90)


def test_linking_moves_a_share_to_the_persons_page_and_is_audited_with_ids_only(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    other = ws.records.create("person", {"preferred_name": "Ira Fictional"}).id
    first, second = received(ws), received(ws, facts="Name: Ira Fictional")
    service = ReceivedShares(ws)

    service.link(first, dana)
    assert [r.disclosure_id for r in service.inbox()] == [second]
    [shown] = service.for_person(dana)
    assert (shown.disclosure_id, shown.person_id, shown.facts) == (first, dana, FACTS.splitlines())
    assert service.for_person(other) == [] and service.withdrawn_for_person(dana) == []

    with ws.session() as s:
        link = s.get(ReceivedShareLink, first)
        assert link is not None
        assert (link.person_id, link.linked_by, link.kinds) == (dana, ws.identity.user_id, ["Name", "Court dates"])
        assert (link.shared_on, link.withdrawn_at) == (TODAY, None)
        events = s.scalars(sa.select(AuditEvent).where(AuditEvent.action == "received_share_linked")).all()
        assert [(e.record_type, e.record_id, e.person_id, e.fields) for e in events] == [
            ("disclosure", first, dana, ["person_id"])
        ]
    # The audit trail and the link hold ids and kinds, never what was shared.
    with unlocked.engine.connect() as conn:
        local = " ".join(
            str(v)
            for table in ("audit_event", "received_share_link")
            for row in conn.execute(sa.text(f"SELECT * FROM {table}"))  # noqa: S608 - two fixed names
            for v in row
        )
    assert SECRET not in local and "12 Jan 2027" not in local

    # A later link replaces the first: the prosecutor chose the wrong person.
    service.link(first, other)
    assert service.for_person(dana) == [] and [r.disclosure_id for r in service.for_person(other)] == [first]

    # The person it was linked to is deleted: the share waits in the inbox again, to be linked to someone else.
    ws.records.delete("person", other)
    assert {r.disclosure_id for r in service.inbox()} == {first, second}
    service.link(first, dana)
    assert [r.disclosure_id for r in service.inbox()] == [second]


def test_a_link_is_refused_for_no_one_for_a_share_gone_and_on_an_advocates_vault(prosecution, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    share = received(ws)
    with pytest.raises(RecordNotFound):
        ReceivedShares(ws).link(share, str(uuid.uuid4()))
    gone = ws.records.create("person", {"preferred_name": "Gone Fictional"}).id
    ws.records.delete("person", gone)
    with pytest.raises(RecordNotFound):
        ReceivedShares(ws).link(share, gone)
    with pytest.raises(ReceivedShareProblem) as exc:
        ReceivedShares(ws).link(str(uuid.uuid4()), dana)
    assert str(exc.value) == NOT_HERE
    with ws.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ReceivedShareLink)) == 0

    advocate, _code = Vault(tmp_path / "advocate").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        aws = Workspace(advocate)
        rosa = aws.records.create("person", {"preferred_name": "Rosa Fictional"}).id
        with pytest.raises(ReceivedShareProblem) as exc:
            ReceivedShares(aws).link(share, rosa)
        assert str(exc.value) == PROSECUTION_ONLY
        received(aws)  # the advocate's own share, as an advocate's vault holds it
        assert ReceivedShares(aws).inbox() == [] and ReceivedShares(aws).count() == 0
    finally:
        advocate.lock()


def test_eviction_marks_a_linked_share_withdrawn_on_the_offices_day_and_keeps_no_fact(prosecution) -> None:  # type: ignore[no-untyped-def]
    vault, unlocked = prosecution
    ws = _ws(unlocked)
    with ws.session() as s, s.begin():
        # An office far east of here: its day is the one a withdrawal is dated with.
        office_policy.remember(s, {"time_zone": "Pacific/Kiritimati"})
        office_day = office_policy.today(s)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    linked, waiting, kept = received(ws), received(ws, facts="Name: Rosa Fictional"), received(ws)
    ReceivedShares(ws).link(linked, dana)
    ReceivedShares(ws).link(kept, dana)
    assert SECRET in every_value(unlocked)  # the control: the facts are in the vault while shared

    assert evict(ws, [linked, waiting]) == 2

    service = ReceivedShares(ws)
    assert [r.disclosure_id for r in service.for_person(dana)] == [kept]
    [gone] = service.withdrawn_for_person(dana)
    assert (gone.disclosure_id, gone.withdrawn_on, gone.shared_on) == (linked, office_day, TODAY)
    assert gone.kinds == ["Name", "Court dates"] and gone.kinds_words == "name, court dates"
    assert not hasattr(gone, "facts")
    assert service.inbox() == []  # the share that waited in the inbox is simply gone
    with ws.session() as s:
        assert s.get(ReceivedShareLink, waiting) is None

    # The kept share goes too: then nothing of what was shared is left in any table of the vault file.
    assert evict(ws, [kept]) == 1
    assert len(ReceivedShares(ws).withdrawn_for_person(dana)) == 2
    unlocked.lock()
    reopened = vault.unlock(TEST_PASSPHRASE)
    try:
        text = every_value(reopened)
        assert SECRET not in text and "12 Jan 2027" not in text
        assert "Court dates" in text  # the kinds are kept, for the page to say what kind of share was withdrawn
        withdrawn = ReceivedShares(Workspace(reopened)).withdrawn_for_person(dana)
        assert {w.disclosure_id for w in withdrawn} == {kept, linked}
    finally:
        reopened.lock()


def test_a_second_eviction_keeps_the_first_withdrawal_day_and_a_returning_share_shows_again(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    share = received(ws)
    ReceivedShares(ws).link(share, dana)
    # After a fresh copy the office no longer sends it: _keep_only evicts it through _evict, and marks it.
    with ws.session() as s, s.begin():
        assert _keep_only(s, {dana}) == 1
        link = s.get(ReceivedShareLink, share)
        assert link is not None and link.withdrawn_at == office_policy.today(s)
        link.withdrawn_at = TODAY - dt.timedelta(days=5)
    assert evict(ws, [share]) == 0  # not here any more: the first withdrawal day stands
    [gone] = ReceivedShares(ws).withdrawn_for_person(dana)
    assert gone.withdrawn_on == TODAY - dt.timedelta(days=5)

    # The office sends it again (a restored server, the release still live): it is shown, not said to be withdrawn.
    received(ws, id=share)
    assert [r.disclosure_id for r in ReceivedShares(ws).for_person(dana)] == [share]
    assert ReceivedShares(ws).withdrawn_for_person(dana) == []
    assert ReceivedShares(ws).inbox() == []


def test_evicting_other_records_marks_nothing(prosecution) -> None:  # type: ignore[no-untyped-def]
    _vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    share = received(ws)
    ReceivedShares(ws).link(share, dana)
    note = ws.records.create("note_entry", {"parent_type": "person", "parent_id": dana, "body": "x"}, person_id=dana)
    assert evict(ws, [note.id]) == 1
    assert ReceivedShares(ws).withdrawn_for_person(dana) == []
    assert [r.disclosure_id for r in ReceivedShares(ws).for_person(dana)] == [share]


def _decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of an SQLCipher 4 file (a raw 256-bit key; 4096-byte pages; 80 reserved bytes: IV, then HMAC),
    decrypted: what anyone holding the key could read off the disk, deleted rows' leftovers included."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    data = path.read_bytes()
    size, reserve = 4096, 80
    out = []
    for start in range(0, len(data), size):
        page = data[start : start + size]
        iv = page[size - reserve : size - reserve + 16]
        body = page[16 if start == 0 else 0 : size - reserve]  # the first page begins with the file's salt
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(out)


def test_an_evicted_share_leaves_nothing_in_the_file_even_in_free_space(prosecution) -> None:  # type: ignore[no-untyped-def]
    """The page says "What it said is no longer on this computer": the eviction overwrites the row (secure delete)
    instead of leaving it in the page's free space. Control: a row deleted the ordinary way stays readable there."""
    vault, unlocked = prosecution
    ws = _ws(unlocked)
    dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
    evicted = received(ws, facts="Name: Solenne Evictedshare\nCourt dates: 9 Sep 2027")
    control = received(ws, facts="Name: Solenne Plaindelete\nCourt dates: 8 Aug 2027")
    ReceivedShares(ws).link(evicted, dana)
    with ws.session() as s, s.begin():
        s.execute(sa.text("PRAGMA secure_delete = OFF"))
        s.execute(sa.delete(Disclosure).where(Disclosure.id == control))
    assert evict(ws, [evicted]) == 1
    key = bytes(unlocked._data_key())
    unlocked.lock()  # the last connection closes: the write-ahead log is folded into the file

    pages = _decrypted_pages(vault.db_path, key)
    assert b"Dana Fictional" in pages, "the pages did not decrypt: this test would prove nothing"
    assert b"Solenne Plaindelete" in pages, "an ordinary delete leaves the row in free space (the control)"
    assert b"Solenne Evictedshare" not in pages and b"9 Sep 2027" not in pages
