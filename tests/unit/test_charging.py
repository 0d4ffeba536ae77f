"""Charging decisions (issue 18, item 2): prosecution vaults only (REGIMES), made by a named person on a day not in
the future with a reason in words; informed by the identification decision in force that day (linked, not
copied), a screening, the person's own account, the advocate's input; a revision keeps the earlier one as history.
Real SQLCipher vaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.charging import ChargingService, IdentificationRef, in_force
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import ChargingDecision, OutboxEntry
from app.storage.kdf import KdfParams
from app.storage.vault import Vault

SCREENING = ("example-indicator-screening", "1")
FEB_3, FEB_10 = dt.date(2026, 2, 3), dt.date(2026, 2, 10)


def _open(folder: Path, regime: str) -> Iterator[Workspace]:
    unlocked, _ = Vault(folder).create("a long test passphrase", kdf_params=KdfParams.floor(), regime=regime)
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


@pytest.fixture
def pro(tmp_path: Path) -> Iterator[Workspace]:
    yield from _open(tmp_path / "prosecution", "prosecution")


@pytest.fixture
def adv(tmp_path: Path) -> Iterator[Workspace]:
    yield from _open(tmp_path / "advocacy", "advocacy")


def _matter(ws: Workspace, name: str = "Robin Fictional") -> tuple[str, str]:
    pid = ws.records.create("person", {"preferred_name": name}).id
    jid = ws.records.create("justice_contact", {"role": "defendant", "docket_number": "CR-26-0101"}, person_id=pid).id
    return pid, jid


def _identify(ws: Workspace, pid: str, status: str, on: dt.date) -> str:
    ws.sessions.decide(pid, status=status, reason="From the interview.", decided_by_name="Dana Fictional",
                       decided_on=on, trafficking_type="sex" if status == "identified" else None)  # fmt: skip
    return ws.sessions.decisions(pid)[0].record_id


# --- REGIMES ----------------------------------------------------------------------------------------------------


def test_an_advocacy_vault_cannot_make_prosecution_records(adv: Workspace) -> None:
    pid, jid = _matter(adv)
    values = {"justice_contact_id": jid, "decided_on": FEB_3, "decided_by_name": "Ari Fictional",
              "decision": "divert", "reason": "Diversion fits."}  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        adv.records.create("charging_decision", values, person_id=pid)
    assert str(caught.value) == "Charging decisions are kept by the prosecution only."
    with pytest.raises(ValidationError) as caught:
        adv.records.create("certification_request", {"form": "i918_supplement_b", "received_on": FEB_3},
                           person_id=pid)  # fmt: skip
    assert str(caught.value) == "Certification requests are kept by the prosecution only."
    charging = ChargingService(adv)
    assert not charging.allowed and charging.view(jid) is None
    with pytest.raises(ValidationError, match="kept by the prosecution only"):
        charging.record(jid, decision="divert", reason="Diversion fits.", decided_by_name="Ari Fictional")
    with adv.session() as s:
        assert s.query(ChargingDecision).count() == 0
        assert s.query(OutboxEntry).filter(OutboxEntry.record_type == "charging_decision").count() == 0


def test_a_prosecution_vault_makes_them(pro: Workspace) -> None:
    pid, jid = _matter(pro)
    row = pro.records.create("charging_decision", {"justice_contact_id": jid, "decided_on": FEB_3,
                             "decided_by_name": "Ari Fictional", "decision": "divert", "reason": "Fits."},
                             person_id=pid)  # fmt: skip
    assert row.regime == "prosecution"
    cert = pro.records.create("certification_request", {"form": "i918_supplement_b", "received_on": FEB_3},
                              person_id=pid)  # fmt: skip
    assert cert.regime == "prosecution"


# --- the rules ----------------------------------------------------------------------------------------------------


def _tomorrow() -> dt.date:
    return dt.date.today() + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"decided_by_name": "  "}, "decided_by_name", "named person"),
        ({"decided_on": _tomorrow}, "decided_on", "cannot be in the future"),
        ({"decided_on": "next Tuesday"}, "decided_on", "as a date"),
        ({"reason": " \n "}, "reason", "reason for this decision, in words"),
        ({"decision": "convict"}, "decision", "choose a decision"),
        ({"decision": ""}, "decision", "choose a decision"),
    ],
)
def test_a_decision_needs_a_name_a_day_not_in_the_future_a_decision_and_a_reason(
    pro: Workspace, change: dict[str, object], field: str, words: str
) -> None:
    _pid, jid = _matter(pro)
    values: dict[str, object] = {"decision": "divert", "reason": "Diversion fits.", "decided_by_name": "Ari Fictional",
                                 "decided_on": FEB_3} | change  # fmt: skip
    values = {key: value() if callable(value) else value for key, value in values.items()}  # tomorrow as the test runs
    with pytest.raises(ValidationError, match=words) as caught:
        ChargingService(pro).record(jid, **values)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert ChargingService(pro).decisions(jid) == []


def test_what_informed_it_must_be_this_persons(pro: Workspace) -> None:
    pid, jid = _matter(pro)
    other, _ = _matter(pro, "Kim Fictional")
    theirs = _identify(pro, other, "identified", FEB_3)
    their_screening = pro.sessions.start(other, "screening", *SCREENING)
    charging = ChargingService(pro)
    base = {"decision": "divert", "reason": "Fits.", "decided_by_name": "Ari Fictional", "decided_on": FEB_10}
    with pytest.raises(ValidationError, match="not this person's"):
        charging.record(jid, identification_decision_id=theirs, **base)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not this person's"):
        charging.record(jid, screening_id=their_screening, **base)  # type: ignore[arg-type]
    # The advocate's input is a disclosure received for this person; an id that is not one is not taken.
    with pytest.raises(ValidationError, match="no longer on this computer") as caught:
        charging.record(jid, disclosure_id="0190f0f0-0000-7000-8000-000000000000", **base)  # type: ignore[arg-type]
    assert caught.value.field == "disclosure_id"
    assert charging.decisions(jid) == [] and pid


# --- the identification decision in force --------------------------------------------------------------------------


def test_the_identification_in_force_is_the_latest_decided_on_or_before_the_day(pro: Workspace) -> None:
    pid, _jid = _matter(pro)
    charging = ChargingService(pro)
    assert charging.in_force_identification(pid, FEB_10) is None
    first = _identify(pro, pid, "identified", FEB_3)
    later = _identify(pro, pid, "not_identified", FEB_10)
    assert charging.in_force_identification(pid, FEB_3 - dt.timedelta(days=1)) is None
    assert charging.in_force_identification(pid, FEB_3).record_id == first  # type: ignore[union-attr]
    assert charging.in_force_identification(pid, FEB_10 - dt.timedelta(days=1)).record_id == first  # type: ignore[union-attr]
    on_tenth = charging.in_force_identification(pid, FEB_10)
    assert on_tenth is not None and on_tenth.record_id == later and on_tenth.status == "not_identified"
    # A revision on the same day, recorded later, is the one in force from that day.
    again = _identify(pro, pid, "identified", FEB_10)
    assert charging.in_force_identification(pid, dt.date(2026, 3, 1)).record_id == again  # type: ignore[union-attr]
    assert charging.in_force_identification(pid, FEB_3).words == "Identification decision of 3 Feb 2026 (identified)"  # type: ignore[union-attr]


def test_in_force_orders_by_day_then_by_when_recorded() -> None:
    t = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    a = IdentificationRef("a", FEB_10, "identified", t)
    # Recorded later, about an earlier day.
    b = IdentificationRef("b", FEB_3, "not_identified", t + dt.timedelta(days=30))
    c = IdentificationRef("c", FEB_10, "unclear", t + dt.timedelta(hours=1))
    assert in_force([a, b], FEB_10) is a
    assert in_force([a, b, c], FEB_10) is c
    assert in_force([a, b, c], FEB_3) is b
    assert in_force([], FEB_10) is None


# --- recording, revising, history -----------------------------------------------------------------------------------


def test_a_decision_links_what_informed_it_and_a_revision_keeps_it_as_history(pro: Workspace) -> None:
    pid, jid = _matter(pro)
    ident = _identify(pro, pid, "identified", FEB_3)
    screening = pro.sessions.start(pid, "screening", *SCREENING, today=dt.date(2026, 2, 1))
    charging = ChargingService(pro)
    in_force_then = charging.in_force_identification(pid, FEB_10)
    assert in_force_then is not None and in_force_then.record_id == ident
    first = charging.record(
        jid, decision="divert", reason="Identified as having been exploited; diversion to services.",
        decided_by_name=" Ari Fictional ", decided_on=FEB_10, identification_decision_id=in_force_then.record_id,
        screening_id=screening, persons_account=True,
    )  # fmt: skip
    assert (first.decision, first.decision_words, first.decided_by_name) == ("divert", "Divert from prosecution",
                                                                               "Ari Fictional")  # fmt: skip
    assert first.informed_by == (
        "Identification decision of 3 Feb 2026 (identified)",
        "a screening on 1 Feb 2026",
        "the person's own account",
    )
    # Linked, not copied: the stored record holds the identification decision's id, not its words.
    stored = pro.records.get("charging_decision", first.record_id)
    assert isinstance(stored, ChargingDecision)
    assert stored.identification_decision_id == ident and stored.decided_by == pro.identity.user_id
    assert stored.person_id == pid and stored.regime == "prosecution"

    second = charging.record(jid, decision="dismiss", reason="The diversion program was completed.",
                             decided_by_name="Ari Fictional", revises_id=first.record_id)  # fmt: skip
    assert second.decided_on == dt.date.today() and second.informed_by == ()
    rows = charging.decisions(jid)
    assert [r.record_id for r in rows] == [second.record_id, first.record_id]
    assert [r.revised for r in rows] == [False, True]
    view = charging.view(jid)
    assert view is not None and view.current is not None and view.current.record_id == second.record_id
    assert view.decider == "Ari Fictional"
    assert [o.record_id for o in view.screenings] == [screening]
    assert view.in_force_on(FEB_10) is not None

    # Only the decision in force is revised; one already revised stays as it was.
    with pytest.raises(ValidationError, match="already revised"):
        charging.record(jid, decision="other", reason="Again.", decided_by_name="Ari", revises_id=first.record_id)
    # A decision of another matter is not this one's to revise.
    _pid2, other_matter = _matter(pro, "Kim Fictional")
    with pytest.raises(ValidationError, match="not one of this matter's"):
        charging.record(other_matter, decision="other", reason="R.", decided_by_name="Ari",
                        revises_id=second.record_id)  # fmt: skip
    # Each decision went to the outbox, for the office.
    with pro.session() as s:
        assert s.query(OutboxEntry).filter(OutboxEntry.record_type == "charging_decision").count() == 2


def test_a_later_decision_revises_the_one_in_force_and_is_not_dated_before_it(pro: Workspace) -> None:
    _pid, jid = _matter(pro)
    charging = ChargingService(pro)
    first = charging.record(jid, decision="defer", reason="Waiting for the screening.", decided_by_name="Ari",
                            decided_on=FEB_10)  # fmt: skip
    with pytest.raises(ValidationError, match="cannot be dated before") as caught:
        charging.record(jid, decision="decline", reason="Declined.", decided_by_name="Ari", decided_on=FEB_3)
    assert caught.value.field == "decided_on"
    second = charging.record(jid, decision="decline", reason="Not in the interest of justice.",
                             decided_by_name="Ari", decided_on=FEB_10)  # fmt: skip
    assert second.revises_id == first.record_id
    assert [(r.record_id, r.revised) for r in charging.decisions(jid)] == [(second.record_id, False),
                                                                           (first.record_id, True)]  # fmt: skip


def test_decisions_of_other_matters_stay_there(pro: Workspace) -> None:
    pid, jid = _matter(pro)
    other = pro.records.create("justice_contact", {"role": "witness"}, person_id=pid).id
    charging = ChargingService(pro)
    charging.record(jid, decision="reduce", reason="Reduced to a lesser charge.", decided_by_name="Ari Fictional",
                    decided_on=FEB_3)  # fmt: skip
    assert charging.decisions(other) == []
    assert [r.decision for r in charging.decisions(jid)] == ["reduce"]


def test_the_advocates_input_is_a_share_received_for_this_person_and_outlives_its_release(pro: Workspace) -> None:
    from app.core.received import ReceivedShares
    from app.sync.client import _evict
    from tests.unit.test_received import received

    pid, jid = _matter(pro)
    share_id = received(pro, shared_on=FEB_3)
    charging = ChargingService(pro)
    assert charging.received(pid) == [], "a share not yet linked to this person is not offered"
    ReceivedShares(pro).link(share_id, pid)
    (offered,) = charging.view(jid).shares  # type: ignore[union-attr]
    assert offered.disclosure_id == share_id and offered.shared_on == FEB_3
    row = charging.record(jid, decision="decline", reason="The advocate's account of the coercion.",
                          decided_by_name="Ari Fictional", decided_on=FEB_10, disclosure_id=share_id)  # fmt: skip
    assert row.informed_by == ("the advocate's input, shared under a release",)
    # The release lapses and sync evicts the share: the decision still says it was informed by it.
    with pro.session() as s, s.begin():
        _evict(s, [share_id])
    assert charging.received(pid) == []
    (kept,) = charging.decisions(jid)
    assert kept.disclosure_id == share_id and kept.informed_by == ("the advocate's input, shared under a release",)
