"""`make run-prosecutor`: the demo prosecutor's vault is a prosecution vault of fictional people, with the
prosecutor's desk, enrolled in the demo office's prosecution team, and receives what the prosecution may see: the demo
advocate's vault shares a few of its people's facts under written releases (once, synced by the harness), so the
prosecutor's first Sync now brings "Shared by advocates"."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.core.received import ReceivedShares
from app.core.workspace import Workspace
from app.demo import office as demo_office
from app.demo.run import DEMO_PASSPHRASE, demo_dir, ensure_demo_vault
from app.models import (
    RECORD_TYPES,
    AuditAction,
    AuditEvent,
    CertificationRequest,
    ChargingDecision,
    Consent,
    Disclosure,
    NoteEntry,
    OutboxEntry,
    Person,
)
from app.models.base import Visibility
from app.storage.vault import Vault
from app.sync.client import SyncSession
from tests.e2e.shares import every_value


def test_the_demo_prosecutor_is_a_prosecution_vault_enrolled_in_the_prosecution_team(tmp_path: Path) -> None:
    root = tmp_path / demo_office.OFFICE_DIR_NAME
    folder = demo_office.prosecutor_dir(tmp_path)
    demo_office.ensure(root)
    assert demo_office.ensure_prosecutor_vault(folder, DEMO_PASSPHRASE) is True
    assert demo_office.ensure_prosecutor_vault(folder, DEMO_PASSPHRASE) is False  # made once
    server = demo_office.start(root)
    try:
        said = demo_office.connect(folder, DEMO_PASSPHRASE, root, server.url, demo_office.PROSECUTOR)
        assert said.startswith("enrolled as demo-prosecutor (Prosecution team)"), said
    finally:
        server.stop()
    unlocked = Vault(folder).unlock(DEMO_PASSPHRASE)
    try:
        assert (unlocked.identity.regime, unlocked.identity.kind) == ("prosecution", "enrolled")
        with unlocked.session() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == demo_office.PROSECUTOR_PEOPLE
            assert (s.scalar(select(func.count()).select_from(ChargingDecision)) or 0) > 0
            assert (s.scalar(select(func.count()).select_from(CertificationRequest)) or 0) > 0
            assert set(s.scalars(select(ChargingDecision.regime))) == {"prosecution"}
    finally:
        unlocked.lock()


def _every_value(folder: Path) -> str:
    return every_value(folder, DEMO_PASSPHRASE)


def test_the_demo_prosecutors_first_sync_brings_the_demo_advocates_shares(tmp_path: Path) -> None:
    """As `make run-prosecutor` builds it (no window): the demo advocate's vault, the office, the prosecutor's vault;
    the harness makes the advocate's shares and syncs them once; the prosecutor's Sync now brings exactly them."""
    root = tmp_path / demo_office.OFFICE_DIR_NAME
    advocate, prosecutor = demo_dir(tmp_path), demo_office.prosecutor_dir(tmp_path)
    ensure_demo_vault(advocate)
    demo_office.ensure(root)
    demo_office.ensure_prosecutor_vault(prosecutor, DEMO_PASSPHRASE)
    server = demo_office.start(root)
    try:
        said = demo_office.connect(advocate, DEMO_PASSPHRASE, root, server.url, demo_office.FIRST_USER)
        assert "records wait for its first sync" in said, said  # the advocate's queued people, as before
        demo_office.connect(prosecutor, DEMO_PASSPHRASE, root, server.url, demo_office.PROSECUTOR)
        made = demo_office.share_with_prosecution(advocate, DEMO_PASSPHRASE, server.url)
        assert made == f"{demo_office.PROSECUTION_SHARES} shares with the prosecution made and sent", made
        assert demo_office.share_with_prosecution(advocate, DEMO_PASSPHRASE, server.url) is None  # once

        # The advocate's side: live written releases naming the team, the shares, their audit events, all sent.
        unlocked = Vault(advocate).unlock(DEMO_PASSPHRASE)
        try:
            with unlocked.session() as s:
                shares = s.scalars(
                    select(Disclosure).where(Disclosure.visibility == Visibility.SHARED_WITH_PROSECUTION.value)
                ).all()
                assert len(shares) == demo_office.PROSECUTION_SHARES
                assert all(d.allowed and not d.privileged and d.rev is not None for d in shares)
                assert {d.recipient for d in shares} == {demo_office.PROSECUTION}
                sent = {d.id: d.facts for d in shares}
                people = {d.person_id for d in shares}
                assert len(people) == demo_office.PROSECUTION_SHARES
                for d in shares:
                    release = s.get(Consent, d.consent_id)
                    assert release is not None and release.recipient == demo_office.PROSECUTION
                    assert release.method == "written" and release.revoked_on is None
                    assert release.starts_on <= d.disclosed_on <= release.expires_on
                    assert release.rev is not None  # at the office, so it can grant the share
                audited = set(
                    s.scalars(select(AuditEvent.record_id).where(
                        AuditEvent.action == AuditAction.DISCLOSURE_ALLOWED.value))
                )  # fmt: skip
                assert set(sent) <= audited
                assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))) == 0
                notes = list(s.scalars(select(NoteEntry.id).where(NoteEntry.person_id.in_(people))))
                assert notes, "the shared people have notes of their advocate's, none of which may travel"
        finally:
            unlocked.lock()

        # The prosecutor's first Sync now, through the real demo office.
        unlocked = Vault(prosecutor).unlock(DEMO_PASSPHRASE)
        try:
            ws = Workspace(unlocked)
            report = SyncSession(ws, timeout=60).run()
            assert report.received == demo_office.PROSECUTION_SHARES
            inbox = ReceivedShares(ws).inbox()
            assert {r.disclosure_id: "\n".join(r.facts) for r in inbox} == sent  # exactly what was shared
            assert all(r.recipient == demo_office.PROSECUTION and r.until is not None and r.name for r in inbox)
            kinds = sorted(tuple(r.kinds) for r in inbox)
            assert ("Name",) in kinds  # a release covering court dates, under which only the name was shared
            assert ("Name", "Court dates") in kinds
            with unlocked.session() as s:
                # Nothing of the advocate's but the shares: no person, note, release or anything else of theirs.
                for cls in RECORD_TYPES.values():
                    theirs = set(s.scalars(select(cls.id).where(cls.regime == "advocacy")))
                    assert theirs == (set(sent) if cls is Disclosure else set()), cls.RECORD_TYPE
        finally:
            unlocked.lock()
    finally:
        server.stop()
    every = _every_value(prosecutor)
    # The demo's note texts are shared by its fictional people on both sides, so it is the advocate's notes themselves
    # that must be nowhere in the prosecutor's vault file's tables.
    assert not [n for n in notes if n in every]
