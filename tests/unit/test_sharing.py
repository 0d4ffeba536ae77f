"""Sharing agreed facts with the prosecution, against a real SQLCipher vault: only live releases that name one of the
office's prosecution teams are offered, only facts of the kinds each covers, never a note; a share holds exactly
the facts picked; every share and every stopped share is a disclosure with its audit event; withdrawing the
release says which shares lapse. All people are fictional."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.consent import ConsentService
from app.core.sharing import (
    NO_RELEASE,
    NOT_SYNCED,
    SharingRefused,
    SharingService,
    fact_kinds,
    remember_prosecution_teams,
    within_covered,
)
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import AuditEvent, Disclosure

TODAY = dt.date.today()
TEAM = {"id": "team-prosecution-p", "name": "Prosecution P"}


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def release(ws: Workspace, pid: str, **over: object) -> str:
    values = {
        "recipient": "Prosecution P",
        "data_covered": ["Name", "Court dates"],
        "purpose": "Preparing for trial",
        "starts_on": days(-10),
        "expires_on": days(60),
        "method": "written",
    } | over
    return ConsentService(ws).record(pid, values)


@pytest.fixture
def person(workspace: Workspace) -> tuple[Workspace, str]:
    ws = workspace
    pid = ws.records.create(
        "person",
        {"preferred_name": "Rosa Example", "legal_name": "Rosa M. Example", "date_of_birth": dt.date(1994, 5, 2),
         "contact_notes": "Calls only after 6; her cousin's number"},
    ).id  # fmt: skip
    ws.records.create(
        "encounter", {"occurred_at": dt.datetime(2027, 1, 12, 9, 30), "kind": "court", "summary": "Hearing"},
        person_id=pid,
    )  # fmt: skip
    ws.records.create(
        "note_entry", {"parent_type": "person", "parent_id": pid, "body": "Privileged: she fears her cousin"},
        person_id=pid,
    )  # fmt: skip
    with ws.session() as s, s.begin():
        remember_prosecution_teams(s, [TEAM])
    return ws, pid


def disclosures(ws: Workspace) -> list[Disclosure]:
    with ws.session() as s:
        rows = list(s.scalars(select(Disclosure).order_by(Disclosure.id)))
        s.expunge_all()
    return rows


def audit_actions(ws: Workspace) -> list[str]:
    with ws.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.record_type == "disclosure"))
        return [e.action for e in events if e.action.startswith("disclosure_")]


def test_the_fact_format_names_each_kind() -> None:
    assert fact_kinds("Name: Rosa\nCourt dates: 12 Jan 2027") == ["Name", "Court dates"]
    assert fact_kinds("Agreed to share the statement") is None
    assert fact_kinds("Name: Rosa\nand more besides") is None
    assert fact_kinds("") is None
    assert within_covered("Name: Rosa", ["name", "Phone number"])
    assert not within_covered("Name: Rosa\nAddress: 1 Main St", ["Name"])


def test_only_live_releases_naming_a_prosecution_team_are_offered_with_their_facts(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    live = release(ws, pid)
    release(ws, pid, recipient="Alder Demo Legal Aid")  # not a prosecution team
    release(ws, pid, starts_on=days(-90), expires_on=days(-1))  # ended
    withdrawn = release(ws, pid)
    ConsentService(ws).revoke(withdrawn, TODAY)
    release(ws, pid, recipient="  prosecution   p ", data_covered=["Phone number"], starts_on=days(-20))

    found = SharingService(ws).releases(pid)
    assert next(r.id for r in found) == live
    assert len(found) == 2
    first = found[0]
    assert first.team.id == TEAM["id"] and first.team.name == "Prosecution P"
    assert [f.line for f in first.facts] == [
        "Name: Rosa Example",
        "Name: Rosa M. Example (legal name)",
        "Court dates: 12 Jan 2027",
    ]
    # Nothing from a note, the contact notes or a kind the release does not cover.
    every = " ".join(f.line for r in found for f in r.facts)
    assert "cousin" not in every and "1994" not in every
    assert found[1].facts == [] and found[1].nothing_recorded == ["Phone number"]


def test_a_share_holds_exactly_the_facts_picked_and_is_audited(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    cid = release(ws, pid)
    service = SharingService(ws)
    preview = service.preview(pid, cid, ["Name: Rosa Example", "Court dates: 12 Jan 2027"])
    assert preview.team_name == "Prosecution P"
    assert "• Name: Rosa Example\n• Court dates: 12 Jan 2027" in preview.words
    assert "next Sync now" in preview.words and "until" in preview.words
    assert disclosures(ws) == []  # a preview saves nothing

    did = service.share(pid, cid, ["Name: Rosa Example", "Court dates: 12 Jan 2027"])
    [d] = disclosures(ws)
    assert d.id == did
    assert d.facts == "Name: Rosa Example\nCourt dates: 12 Jan 2027"
    assert (d.recipient, d.recipient_team_id, d.consent_id) == ("Prosecution P", TEAM["id"], cid)
    assert (d.visibility, d.privileged, d.allowed, d.purpose) == (
        "shared_with_prosecution", False, True, "Preparing for trial",
    )  # fmt: skip
    assert d.disclosed_on == TODAY
    assert audit_actions(ws) == ["disclosure_allowed"]
    assert [r.lines for r in service.shares(pid)] == [["Name: Rosa Example", "Court dates: 12 Jan 2027"]]


def test_without_a_release_it_is_stopped_kindly_and_recorded(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    service = SharingService(ws)
    assert service.why_none(pid) == NO_RELEASE
    with pytest.raises(SharingRefused) as caught:
        service.share(pid, None, ["Name: Rosa Example"])
    assert str(caught.value) == NO_RELEASE and str(caught.value).startswith("Record a release first")
    [d] = disclosures(ws)
    assert d.allowed is False and d.consent_id is None and d.facts == "Name"  # the kind, never the value
    assert d.visibility != "shared_with_prosecution"
    assert audit_actions(ws) == ["disclosure_blocked"]


def test_a_share_refused_as_the_screen_opens_is_recorded_without_facts(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    service = SharingService(ws)
    assert service.refusal(pid) == NO_RELEASE
    [d] = disclosures(ws)
    assert (d.allowed, d.consent_id, d.facts, d.recipient) == (False, None, None, "The prosecution")
    assert audit_actions(ws) == ["disclosure_blocked"]
    release(ws, pid)
    assert service.refusal(pid) is None  # something to share: nothing more recorded
    assert len(disclosures(ws)) == 1 and audit_actions(ws) == ["disclosure_blocked"]


def test_a_release_for_someone_else_names_the_teams_it_must_match(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    release(ws, pid, recipient="Prosecution team")  # not the office's name for it
    why = SharingService(ws).why_none(pid)
    assert why is not None and why.startswith("None of the person's releases names one of the office's prosecution")
    assert "(Prosecution P)" in why and "Record a release first" in why


def test_a_fact_outside_the_release_or_a_made_up_one_is_stopped(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    cid = release(ws, pid, data_covered=["Court dates"])
    service = SharingService(ws)
    for picked in (["Name: Rosa Example"], ["Court dates: 13 Jan 2027"], ["Court dates: 12 Jan 2027", "Note: x"]):
        with pytest.raises(SharingRefused, match="covers only court dates"):
            service.share(pid, cid, picked)
    assert [d.allowed for d in disclosures(ws)] == [False, False, False]
    with pytest.raises(ValidationError, match="tick at least one"):
        service.share(pid, cid, [])


def test_a_release_that_ended_or_was_withdrawn_says_so(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    cid = release(ws, pid)
    ConsentService(ws).revoke(cid, TODAY)
    why = SharingService(ws).why_none(pid)
    assert why is not None and "withdrew their release for Prosecution P" in why
    with pytest.raises(SharingRefused, match="withdrew"):
        SharingService(ws).share(pid, cid, ["Name: Rosa Example"])


def test_a_vault_that_never_synced_knows_no_prosecution_team(workspace: Workspace) -> None:
    pid = workspace.records.create("person", {"preferred_name": "Rosa Example"}).id
    release(workspace, pid)
    assert SharingService(workspace).why_none(pid) == NOT_SYNCED
    assert SharingService(workspace).releases(pid) == []


def test_withdrawing_says_which_shares_lapse(person) -> None:  # type: ignore[no-untyped-def]
    ws, pid = person
    cid = release(ws, pid)
    other = release(ws, pid, data_covered=["Date of birth"])
    service = SharingService(ws)
    assert service.lapse_words(cid) is None
    service.share(pid, cid, ["Name: Rosa Example"])
    service.share(pid, cid, ["Court dates: 12 Jan 2027"])
    service.share(pid, other, ["Date of birth: 2 May 1994"])
    words = service.lapse_words(cid)
    assert words is not None
    assert words.startswith("2 shares with Prosecution P made under this release will lapse (name, court dates)")
    assert "next Sync now" in words
    assert [r.lines for r in service.lapsing(other)] == [["Date of birth: 2 May 1994"]]
