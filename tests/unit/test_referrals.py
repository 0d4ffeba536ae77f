"""Consent and consent-gated referrals against a real SQLCipher vault: a referral that shares identifying
information is stopped without a live, in-scope release for that provider — each time with its own reason — every
allowed or stopped disclosure is recorded and audited, an override needs a reason and is recorded, and the person's
safe-contact rules stop a letter where mail is unsafe. All people and providers are fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.consent import ConsentService, ConsentStatus, consent_state
from app.core.people import CaseloadFilter, PeopleService
from app.core.providers import ProviderService
from app.core.referrals import Block, ReferralBlocked, ReferralService
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import AuditEvent, Consent, Disclosure, Referral, ReferralEvent

TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def setup(workspace: Workspace) -> tuple[Workspace, str, str, str]:
    """A person, the provider the referral is for, and another provider."""
    pid = workspace.records.create(
        "person", {"preferred_name": "Sam Example", "safe_to_send_mail": False, "safe_to_call": True}
    ).id
    providers = ProviderService(workspace)
    alder = providers.save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"]})
    birch = providers.save(None, {"name": "Birch Demo Clinic", "categories": ["medical"]})
    return workspace, pid, alder, birch


def release(ws: Workspace, pid: str, provider: str, **over: object) -> str:
    values = {
        "recipient_provider_id": provider,
        "data_covered": ["Name", "Phone number"],
        "purpose": "Referral for legal help",
        "starts_on": days(-10),
        "expires_on": days(90),
        "method": "written",
    } | over
    return ConsentService(ws).record(pid, values)


def accepted_referral(ws: Workspace, pid: str, provider: str, **over: object) -> str:
    values = {"category": "legal_record_relief", "provider_id": provider, "decision": "accepted",
              "provider_contact": "call_person", "offered_on": days(-1), "follow_up_due": days(13)} | over  # fmt: skip
    return ReferralService(ws).save(pid, None, values)


def disclosures(ws: Workspace) -> list[Disclosure]:
    with ws.session() as s:
        rows = list(s.scalars(select(Disclosure).order_by(Disclosure.created_at)))
        s.expunge_all()
        return rows


def audit_actions(ws: Workspace) -> list[AuditEvent]:
    with ws.session() as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.action.like("disclosure_%"))))
        s.expunge_all()
        return rows


def blocked(ws: Workspace, referral_id: str, **kwargs: object) -> ReferralBlocked:
    with pytest.raises(ReferralBlocked) as caught:
        ReferralService(ws).make(referral_id, sharing=["Name", "Phone number"], **kwargs)  # type: ignore[arg-type]
    return caught.value


# --- consent status --------------------------------------------------------------------------------------------


def test_consent_status_on_each_side_of_its_dates() -> None:
    start, end = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    assert consent_state(start, end, None, dt.date(2025, 12, 31)).status is ConsentStatus.NOT_STARTED
    assert consent_state(start, end, None, dt.date(2026, 1, 1)).status is ConsentStatus.VALID
    assert consent_state(start, end, None, dt.date(2026, 5, 31)).status is ConsentStatus.EXPIRING
    state = consent_state(start, end, None, dt.date(2026, 6, 30))
    assert state.status is ConsentStatus.EXPIRING and state.usable and "ends today" in state.words
    assert consent_state(start, end, None, dt.date(2026, 7, 1)).status is ConsentStatus.EXPIRED
    revoked = consent_state(start, end, dt.date(2026, 2, 1), dt.date(2026, 2, 1))
    assert revoked.status is ConsentStatus.REVOKED and not revoked.usable


def test_recording_a_release_checks_its_rules_and_keeps_the_scan_in_the_vault(
    setup: tuple[Workspace, str, str, str], tmp_path: Path
) -> None:
    ws, pid, alder, _ = setup
    service = ConsentService(ws)
    with pytest.raises(ValidationError) as caught:
        release(ws, pid, alder, method="verbal_witnessed")
    assert caught.value.field == "witness_name"
    with pytest.raises(ValidationError) as caught:
        release(ws, pid, alder, data_covered=[])
    assert caught.value.field == "data_covered"
    with pytest.raises(ValidationError) as caught:
        release(ws, pid, alder, expires_on=days(-20))
    assert caught.value.field == "expires_on"
    scan = tmp_path / "release.pdf"
    scan.write_bytes(b"%PDF-1.4 a fictional scanned release")
    cid = service.record(pid, {"recipient_provider_id": alder, "data_covered": ["Name"], "purpose": "Referrals",
                               "starts_on": days(0), "expires_on": days(20), "method": "written"},
                         scan_path=scan)  # fmt: skip
    (row,) = service.list_for_person(pid)
    assert row.id == cid and row.recipient == "Alder Demo Legal Aid" and row.has_scan
    assert row.state.status is ConsentStatus.EXPIRING
    assert service.scan(cid) == (scan.read_bytes(), "application/pdf")
    service.revoke(cid, TODAY, "The person asked to stop sharing.")
    assert service.list_for_person(pid)[0].state.status is ConsentStatus.REVOKED
    with pytest.raises(ValidationError):
        service.revoke(release(ws, pid, alder), days(3))


# --- the gate: each reason its own -----------------------------------------------------------------------------


def test_without_any_release_the_referral_is_stopped_and_recorded(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    rid = accepted_referral(ws, pid, alder)
    exc = blocked(ws, rid)
    assert exc.gate.blocks == (Block.NO_CONSENT,)
    assert "no release" in exc.message and "can still be helped" in exc.message
    (d,) = disclosures(ws)
    assert d.allowed is False and d.recipient == "Alder Demo Legal Aid" and d.person_id == pid
    assert d.facts == "Name, Phone number" and d.consent_id is None
    (event,) = audit_actions(ws)
    assert event.action == "disclosure_blocked" and event.record_id == d.id
    assert "Sam" not in " ".join(event.fields) and "Alder" not in " ".join(event.fields)
    with ws.session() as s:
        assert s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == rid)).all() == []


@pytest.mark.parametrize(
    ("consent", "block", "words"),
    [
        ({"starts_on": days(-120), "expires_on": days(-1)}, Block.EXPIRED, "ended on"),
        ({"starts_on": days(5), "expires_on": days(90)}, Block.NOT_STARTED, "starts on"),
        ({"data_covered": ["Name"]}, Block.DATA_NOT_COVERED, "does not cover phone number"),
        ({"purpose": "Court date updates"}, Block.PURPOSE_NOT_COVERED, "does not cover a referral"),
    ],
)
def test_each_unusable_release_gives_its_own_reason(
    setup: tuple[Workspace, str, str, str], consent: dict[str, object], block: Block, words: str
) -> None:
    ws, pid, alder, _ = setup
    release(ws, pid, alder, **consent)
    exc = blocked(ws, accepted_referral(ws, pid, alder))
    assert exc.gate.blocks == (block,) and words in exc.message
    assert [d.allowed for d in disclosures(ws)] == [False]


def test_a_withdrawn_release_stops_the_referral(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    cid = release(ws, pid, alder)
    ConsentService(ws).revoke(cid, TODAY, None)
    exc = blocked(ws, accepted_referral(ws, pid, alder))
    assert exc.gate.blocks == (Block.REVOKED,) and "withdrew" in exc.message


def test_a_release_for_another_recipient_does_not_count(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, birch = setup
    release(ws, pid, birch)
    exc = blocked(ws, accepted_referral(ws, pid, alder))
    assert exc.gate.blocks == (Block.OTHER_RECIPIENT,)
    assert "another recipient (Birch Demo Clinic), not Alder Demo Legal Aid" in exc.message


def test_a_live_release_lets_it_through_and_links_it(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, birch = setup
    release(ws, pid, birch)
    release(ws, pid, alder, starts_on=days(-200), expires_on=days(-100))  # an older, ended one
    cid = release(ws, pid, alder)
    rid = accepted_referral(ws, pid, alder)
    gate = ReferralService(ws).make(rid, sharing=["name", "Phone Number"])
    assert gate.allowed and gate.consent_id == cid
    (d,) = disclosures(ws)
    assert d.allowed and d.consent_id == cid
    assert [e.action for e in audit_actions(ws)] == ["disclosure_allowed"]
    (row,) = ReferralService(ws).list_for_person(pid)
    assert row.consent_id == cid and row.made and [e.kind for e in row.events] == ["made"]


def test_a_supervisor_override_needs_a_reason_and_is_recorded(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    rid = accepted_referral(ws, pid, alder)
    service = ReferralService(ws)
    with pytest.raises(ValidationError) as caught:
        service.make(rid, override_reason="  ", approved_by="Dana Supervisor")
    assert caught.value.field == "override_reason"
    with pytest.raises(ValidationError) as caught:
        service.make(rid, override_reason="Court ordered the referral.")
    assert caught.value.field == "approved_by"
    assert disclosures(ws) == []
    gate = service.make(rid, override_reason="Court ordered the referral.", approved_by="Dana Supervisor")
    assert not gate.allowed and gate.blocks == (Block.NO_CONSENT,)
    (d,) = disclosures(ws)
    assert d.allowed is True and d.override_reason == "Court ordered the referral. (approved by Dana Supervisor)"
    with ws.session() as s:
        referral = s.get(Referral, rid)
        assert referral is not None
        assert referral.override_reason == d.override_reason and referral.override_by == ws.identity.user_id
    (event,) = audit_actions(ws)
    assert event.action == "disclosure_allowed" and "override_reason" in event.fields


# --- safe contact ------------------------------------------------------------------------------------------------


def test_a_letter_to_a_person_for_whom_mail_is_unsafe_is_stopped(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    release(ws, pid, alder)
    rid = accepted_referral(ws, pid, alder, provider_contact="mail_to_person")
    exc = blocked(ws, rid)
    assert exc.gate.blocks == (Block.CONTACT_UNSAFE,) and "mail is not safe" in exc.message
    assert not exc.gate.overridable
    with pytest.raises(ReferralBlocked):
        ReferralService(ws).make(rid, override_reason="We need to.", approved_by="Dana Supervisor")
    assert disclosures(ws) == []  # nothing was about to leave under a release: the contact way stopped it first
    # A warm handoff instead goes through; a channel nobody asked about only warns.
    ReferralService(ws).save(pid, rid, {"provider_contact": "text_person"})
    gate = ReferralService(ws).make(rid, sharing=["Name"])
    assert gate.allowed and "Nobody has asked" in gate.warnings[0]


def test_a_referral_sharing_nothing_identifying_needs_no_release(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    rid = accepted_referral(ws, pid, alder, shares_identifying=False, provider_contact="person_contacts_provider")
    assert ReferralService(ws).make(rid).allowed
    assert disclosures(ws) == []


def test_only_an_accepted_referral_is_made(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    release(ws, pid, alder)
    rid = accepted_referral(ws, pid, alder, decision="not_now")
    with pytest.raises(ValidationError) as caught:
        ReferralService(ws).make(rid)
    assert caught.value.field == "decision"


# --- steps and follow-ups ---------------------------------------------------------------------------------------


def test_steps_and_the_follow_ups_due_match_the_caseload_filter(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, birch = setup
    service = ReferralService(ws)
    due = accepted_referral(ws, pid, alder, offered_on=days(-20), follow_up_due=days(-2))
    accepted_referral(ws, pid, birch, category="medical", follow_up_due=days(5))  # not yet
    declined = accepted_referral(ws, pid, birch, category="medical", decision="declined", follow_up_due=days(-1))
    other = ws.records.create("person", {"preferred_name": "Jo Example"}).id
    today_due = accepted_referral(ws, other, alder, follow_up_due=TODAY)
    rows = service.follow_ups_due()
    assert [(r.referral_id, r.days_late) for r in rows] == [(due, 2), (today_due, 0)]
    assert rows[0].person_name == "Sam Example" and rows[0].provider_name == "Alder Demo Legal Aid"
    assert declined not in {r.referral_id for r in rows}
    people = PeopleService(ws).search(filters=CaseloadFilter(follow_up_due=True))
    assert {p.id for p in people} == {r.person_id for r in rows}
    service.add_event(due, "follow_up_done", TODAY)
    service.add_event(due, "closed", TODAY, "The person is settled with the provider.")
    assert [r.referral_id for r in service.follow_ups_due()] == [today_due]
    row = next(r for r in service.list_for_person(pid) if r.id == due)
    assert row.outcome == "closed" and [e.kind for e in row.events] == ["follow_up_done", "closed"]
    with pytest.raises(ValidationError):
        service.add_event(due, "made")


def test_consent_rows_are_read_back_with_status(setup: tuple[Workspace, str, str, str]) -> None:
    ws, pid, alder, _ = setup
    release(ws, pid, alder, starts_on=days(-100), expires_on=days(-1))
    with ws.session() as s:
        assert s.scalar(select(Consent.recipient)) == "Alder Demo Legal Aid"
    assert ConsentService(ws).list_for_person(pid)[0].state.status is ConsentStatus.EXPIRED
