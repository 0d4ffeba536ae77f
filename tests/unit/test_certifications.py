"""The U- and T-visa certification register (the prosecutor's desk), in a real SQLCipher vault: the office's deadline
from its policy, the rules of a decision, the register's order, the one-click benefit that the disclosure review
then lists, and the deadlines on the person's Overview. Every person, office and docket here is fictional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core import office_policy
from app.core.certifications import (
    CertificationProblem,
    CertificationService,
    add_months,
)
from app.core.disclosure_review import gather_review
from app.core.timeline import person_timeline, split_timeline
from app.core.workspace import Workspace
from app.errors import OfframpError, ValidationError
from app.models import AuditEvent, Benefit, CertificationRequest, VaultMeta
from app.storage.kdf import KdfParams
from app.storage.vault import Vault

PASSPHRASE = "a long test passphrase"
TODAY = dt.date(2027, 3, 15)
U_VISA = "i918_supplement_b"
T_VISA = "i914_supplement_b"


def _vault(folder: Path, regime: str) -> Iterator[Workspace]:
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), regime=regime)
    yield Workspace(unlocked)
    unlocked.lock()


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    yield from _vault(tmp_path / "vault", "prosecution")


@pytest.fixture
def svc(ws: Workspace) -> CertificationService:
    return CertificationService(ws, today=lambda: TODAY)


@pytest.fixture
def pid(ws: Workspace) -> str:
    return ws.records.create("person", {"preferred_name": "Marisol Example"}).id


def _matter(ws: Workspace, pid: str) -> str:
    return ws.records.create(
        "justice_contact",
        {"role": "witness", "court": "Example County Court", "docket_number": "27-CR-0142"},
        person_id=pid,
    ).id


def _audit(ws: Workspace, record_id: str) -> list[AuditEvent]:
    with ws.session() as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.record_id == record_id).order_by(AuditEvent.hlc)))
        s.expunge_all()
        return rows


# --- the office's deadline ---------------------------------------------------------------------------------------


def test_the_office_deadline_is_the_day_received_plus_90_days_without_an_office(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    matter = _matter(ws, pid)
    rid = svc.receive(
        pid, received_on="2027-01-04", form=U_VISA, requested_by="attorney", requester_name="Example Legal Aid",
        justice_contact_id=matter, helpfulness_facts="Testified at the preliminary hearing.",
    )  # fmt: skip
    (row,) = svc.register(pid)
    assert row.id == rid and row.is_open
    assert row.due_on == dt.date(2027, 1, 4) + dt.timedelta(days=90) == dt.date(2027, 4, 4)
    assert row.matter == "Docket 27-CR-0142 · Example County Court (as witness)"
    assert row.requester_words == "The person's attorney, Example Legal Aid"
    assert row.deadline_words(TODAY) == "Office deadline to decide: 4 Apr 2027 (in 20 days)"
    assert row.deadline_words(dt.date(2027, 4, 9)) == "Office deadline to decide: 4 Apr 2027 (overdue by 5 days)"
    assert row.overdue(dt.date(2027, 4, 5)) and not row.overdue(dt.date(2027, 4, 4))
    (created,) = _audit(ws, rid)
    assert created.action == "create" and "due_on" in created.fields


def test_the_office_deadline_follows_the_office_policy(ws: Workspace, svc: CertificationService, pid: str) -> None:
    with ws.session() as s, s.begin():
        s.merge(VaultMeta(key=office_policy.ENROLLED_KEY, value="office-1"))
    assert svc.decision_days() == 90  # enrolled, not synced yet: the policy's default
    with ws.session() as s, s.begin():
        office_policy.remember(s, {"certification_decision_days": 30})
    assert svc.decision_days() == 30
    rid = svc.receive(pid, received_on=dt.date(2027, 2, 1), form=T_VISA, requested_by="advocate")
    assert ws.records.get("certification_request", rid).due_on == dt.date(2027, 3, 3)  # type: ignore[attr-defined]
    with ws.session() as s, s.begin():  # a value this version cannot use takes the default, the rest is kept
        office_policy.remember(s, {"certification_decision_days": 4000, "unsynced_warning_days": 3})
    assert svc.decision_days() == 90


def test_a_request_needs_a_form_a_real_day_and_one_of_the_persons_matters(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.receive(pid, received_on="2027-03-16", form=U_VISA)
    assert caught.value.field == "received_on" and "future" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        svc.receive(pid, received_on="", form=U_VISA)
    assert caught.value.field == "received_on"
    with pytest.raises(ValidationError) as caught:
        svc.receive(pid, received_on="2027-03-01", form=None)
    assert caught.value.field == "form"
    someone_else = ws.records.create("person", {"preferred_name": "Other Example"}).id
    with pytest.raises(ValidationError) as caught:
        svc.receive(pid, received_on="2027-03-01", form=U_VISA, justice_contact_id=_matter(ws, someone_else))
    assert caught.value.field == "justice_contact_id"
    assert svc.register() == []


def test_an_advocacy_vault_keeps_no_certification_requests(tmp_path: Path) -> None:
    for ws in _vault(tmp_path / "advocacy", "advocacy"):
        pid = ws.records.create("person", {"preferred_name": "Ana Example"}).id
        with pytest.raises(OfframpError) as caught:
            CertificationService(ws, today=lambda: TODAY).receive(pid, received_on="2027-03-01", form=U_VISA)
        assert "prosecution only" in caught.value.message
        with ws.session() as s:
            assert s.scalar(select(CertificationRequest.id)) is None


# --- decisions -----------------------------------------------------------------------------------------------------


def test_a_certification_is_named_dated_and_needs_who_signed_and_when(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    rid = svc.receive(pid, received_on="2027-01-04", form=U_VISA)
    problems: list[tuple[dict[str, str | None], str]] = [
        ({"decided_by_name": ""}, "decided_by_name"),
        ({"decided_on": None}, "decided_on"),
        ({"decided_on": "2027-03-20"}, "decided_on"),  # the future
        ({"decided_on": "2027-01-03"}, "decided_on"),  # before it arrived
        ({"signed_by_name": "  "}, "signed_by_name"),
        ({"signed_on": None}, "signed_on"),
        ({"signed_on": "2026-12-31"}, "signed_on"),
    ]
    good: dict[str, str | None] = {"decided_on": "2027-03-01", "decided_by_name": "Dana Example",
                                   "signed_by_name": "Chief Deputy Example", "signed_on": "2027-03-01"}  # fmt: skip
    for bad, field in problems:
        with pytest.raises(ValidationError) as caught:
            svc.decide(rid, "certified", **{**good, **bad})
        assert caught.value.field == field, bad
    with pytest.raises(ValidationError) as caught:
        svc.decide(rid, "granted", **good)
    assert caught.value.field == "decision"
    assert svc.register(pid)[0].is_open  # nothing was written by a refused decision

    svc.decide(rid, "certified", **good)
    (row,) = svc.register(pid)
    assert row.is_certified and row.decided_by_name == "Dana Example" and row.decided_on == dt.date(2027, 3, 1)
    assert row.status_words() == "Certified: signed by Chief Deputy Example on 1 Mar 2027"
    # The safer reading of "within the six months immediately preceding the filing": the day before the anniversary.
    assert row.valid_until == dt.date(2027, 8, 31)
    assert row.deadline_words(TODAY) == "USCIS accepts it until 31 Aug 2027"
    assert row.deadline_words(dt.date(2027, 9, 1)) == "USCIS accepted it until 31 Aug 2027"
    decided = _audit(ws, rid)[-1]
    assert decided.action == "update"
    assert {"decision", "decided_on", "decided_by_name", "signed_by_name", "signed_on"} <= set(decided.fields)

    with pytest.raises(CertificationProblem) as again:
        svc.decide(rid, "withdrawn", decided_on="2027-03-02", decided_by_name="Dana Example")
    assert "already decided on 1 Mar 2027" in again.value.message


def test_declined_needs_a_reason_withdrawn_does_not_and_a_t_visa_declaration_has_no_uscis_window(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    declined = svc.receive(pid, received_on="2027-01-04", form=U_VISA)
    with pytest.raises(ValidationError) as caught:
        svc.decide(declined, "declined", decided_on="2027-02-01", decided_by_name="Dana Example", reason=" ")
    assert caught.value.field == "decision_reason"
    svc.decide(declined, "declined", decided_on="2027-02-01", decided_by_name="Dana Example",
               reason="No qualifying criminal activity is in this office's case.")  # fmt: skip
    withdrawn = svc.receive(pid, received_on="2027-01-10", form=U_VISA)
    svc.decide(withdrawn, "withdrawn", decided_on="2027-02-05", decided_by_name="Dana Example")
    t_visa = svc.receive(pid, received_on="2027-01-11", form=T_VISA)
    svc.decide(t_visa, "certified", decided_on="2027-02-10", decided_by_name="Dana Example",
               signed_by_name="Chief Deputy Example", signed_on="2027-02-10")  # fmt: skip
    rows = {r.id: r for r in svc.register(pid)}
    assert rows[declined].status_words() == (
        "Declined on 1 Feb 2027: No qualifying criminal activity is in this office's case."
    )
    assert rows[withdrawn].status_words() == "Withdrawn on 5 Feb 2027"
    assert rows[declined].valid_until is None and rows[declined].deadline_words(TODAY) == ""
    assert rows[t_visa].is_certified and rows[t_visa].valid_until is None and rows[t_visa].deadline_words(TODAY) == ""
    assert rows[t_visa].form_words == "T visa · Form I-914 Supplement B"


# --- the register ---------------------------------------------------------------------------------------------------


def test_the_register_lists_open_requests_oldest_first_then_decided_latest_first(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    other = ws.records.create("person", {"preferred_name": "Noor Example"}).id
    newest_open = svc.receive(pid, received_on="2027-03-01", form=U_VISA)
    oldest_open = svc.receive(other, received_on="2026-12-01", form=T_VISA)
    middle_open = svc.receive(pid, received_on="2027-01-15", form=U_VISA)
    decided_early = svc.receive(pid, received_on="2026-11-01", form=U_VISA)
    decided_late = svc.receive(other, received_on="2026-11-20", form=U_VISA)
    svc.decide(decided_early, "withdrawn", decided_on="2026-12-01", decided_by_name="Dana Example")
    svc.decide(decided_late, "declined", decided_on="2027-02-01", decided_by_name="Dana Example", reason="Not ours.")
    deleted = svc.receive(pid, received_on="2026-10-01", form=U_VISA)
    ws.records.delete("certification_request", deleted)

    everything = [r.id for r in svc.register()]
    assert everything == [oldest_open, middle_open, newest_open, decided_late, decided_early]
    assert [r.id for r in svc.register(pid)] == [middle_open, newest_open, decided_early]
    office_wide = svc.open_requests()
    assert [(r.id, r.person_name) for r in office_wide] == [
        (oldest_open, "Noor Example"), (middle_open, "Marisol Example"), (newest_open, "Marisol Example"),
    ]  # fmt: skip
    assert all(r.is_open for r in office_wide)


def test_months_are_counted_on_the_calendar() -> None:
    assert add_months(dt.date(2027, 3, 1), 6) == dt.date(2027, 9, 1)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 12, 15), 6) == dt.date(2028, 6, 15)


# --- the benefit, one click -------------------------------------------------------------------------------------------


def test_a_signed_certification_becomes_a_benefit_in_the_disclosure_review_with_one_click(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    matter = _matter(ws, pid)
    rid = svc.receive(pid, received_on="2027-01-04", form=U_VISA, requested_by="attorney",
                      requester_name="Example Legal Aid", justice_contact_id=matter)  # fmt: skip
    with pytest.raises(CertificationProblem):
        svc.add_benefit(rid)  # not signed: nothing of value given yet
    assert "Immigration certification" not in " ".join(e.text for e in gather_review(ws, pid).entries)

    svc.decide(rid, "certified", decided_on="2027-03-01", decided_by_name="Dana Example",
               signed_by_name="Chief Deputy Example", signed_on="2027-03-01")  # fmt: skip
    benefit_id = svc.add_benefit(rid)
    assert svc.add_benefit(rid) == benefit_id  # a second click adds nothing
    assert svc.register(pid)[0].benefit_id == benefit_id
    with ws.session() as s:
        assert len(list(s.scalars(select(Benefit.id)))) == 1
    benefit = ws.records.get("benefit", benefit_id)
    assert isinstance(benefit, Benefit)
    assert benefit.kind == "immigration_certification" and benefit.given_on == dt.date(2027, 3, 1)
    assert benefit.justice_contact_id == matter and benefit.person_id == pid
    assert benefit.given_by == "This prosecutor's office, as the certifying agency"

    (entry,) = [e for e in gather_review(ws, pid).entries if e.kind == "benefit"]
    assert entry.record_id == benefit_id and entry.when == dt.date(2027, 3, 1)
    assert entry.text == (
        "Immigration certification: The office signed a certification for the person's visa application "
        "(U visa · Form I-918 Supplement B) on 1 Mar 2027 by Chief Deputy Example. Requested by the person's "
        "attorney, Example Legal Aid, received 4 Jan 2027."
    )
    assert entry.detail == "Given by This prosecutor's office, as the certifying agency"
    assert [e.action for e in _audit(ws, benefit_id)] == ["create"]
    assert "benefit_id" in _audit(ws, rid)[-1].fields

    ws.records.delete("benefit", benefit_id)  # deleted by mistake: one click adds it again
    assert svc.add_benefit(rid) != benefit_id


# --- the Overview's deadlines ----------------------------------------------------------------------------------------


def test_the_overview_shows_the_office_deadline_and_the_uscis_window_as_deadlines(
    ws: Workspace, svc: CertificationService, pid: str
) -> None:
    open_id = svc.receive(pid, received_on="2027-01-04", form=U_VISA)
    signed = svc.receive(pid, received_on="2026-12-01", form=U_VISA)
    svc.decide(signed, "certified", decided_on="2027-03-01", decided_by_name="Dana Example",
               signed_by_name="Chief Deputy Example", signed_on="2027-03-01")  # fmt: skip
    t_visa = svc.receive(pid, received_on="2026-12-02", form=T_VISA)
    svc.decide(t_visa, "certified", decided_on="2027-03-02", decided_by_name="Dana Example",
               signed_by_name="Chief Deputy Example", signed_on="2027-03-02")  # fmt: skip

    everything = [e for e in person_timeline(ws, pid, today=TODAY) if e.record_type == "certification_request"]
    # Each request received is a line of what has happened, and each decision too.
    happened = {(e.kind, e.record_id) for e in everything if not e.due}
    assert happened == {
        *(("certification_received", rid) for rid in (open_id, signed, t_visa)),
        ("certification_decided", signed), ("certification_decided", t_visa),
    }  # fmt: skip
    decided = next(e for e in everything if (e.kind, e.record_id) == ("certification_decided", signed))
    assert (decided.when, decided.title) == (dt.date(2027, 3, 1), "Certification request: certified")
    entries = [e for e in everything if e.due]
    by_kind = {(e.kind, e.record_id): e for e in entries}
    assert set(by_kind) == {("certification_due", open_id), ("certification_validity", signed)}
    due = by_kind[("certification_due", open_id)]
    assert due.when == dt.date(2027, 4, 4) and due.due and not due.done
    assert due.title == "Deadline: decide the certification request"
    assert due.detail == "U visa · Form I-918 Supplement B · received 4 Jan 2027"
    window = by_kind[("certification_validity", signed)]
    assert window.when == dt.date(2027, 8, 31) and window.due and not window.done  # the day before the anniversary
    assert window.title == "Deadline: the last day USCIS accepts the signed supplement"
    assert window.detail == "U visa · Form I-918 Supplement B · signed by Chief Deputy Example on 1 Mar 2027"
    ahead, _past = split_timeline(entries, TODAY)
    assert [e.kind for e in ahead] == ["certification_due", "certification_validity"]

    # Overdue, then decided: the office deadline leaves the Overview; after the window, the end is history.
    overdue = dt.date(2027, 4, 10)
    ahead, _past = split_timeline(person_timeline(ws, pid, today=overdue), overdue)
    assert ahead[0].record_id == open_id and ahead[0].overdue(overdue)
    svc.decide(open_id, "withdrawn", decided_on="2027-03-10", decided_by_name="Dana Example")
    later = dt.date(2027, 9, 2)
    entries = [e for e in person_timeline(ws, pid, today=later) if e.record_type == "certification_request" and e.due]
    (ended,) = entries
    assert ended.done and not ended.overdue(later)
    assert ended.title == "USCIS no longer accepts the signed supplement (6 months after signing)"
    ahead, past = split_timeline(entries, later)
    assert ahead == [] and past == [ended]
