"""The prosecution's disclosure review: one person's statements, interview notes and benefits in date order with
their sources, refused for advocacy, and its PDF parsed back with pypdf. Every name and fact here is fictional.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.disclosure_review import REFUSAL, DisclosureReviewRefused, gather_review
from app.core.relief import ReliefService
from app.core.workspace import Workspace
from app.models import AuditEvent, NoteEntry
from app.reports.disclosure_review import disclosure_review_pdf, suggested_file_name
from app.reports.protect import is_protected
from app.storage.kdf import KdfParams
from app.storage.vault import Vault

PASSPHRASE = "a long test passphrase"
NAME = "Avery Example"


@pytest.fixture
def prosecution(tmp_path: Path):  # type: ignore[no-untyped-def]
    unlocked, _ = Vault(tmp_path / "vault").create(PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    yield Workspace(unlocked)
    unlocked.lock()


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)).astimezone()


def fill(ws: Workspace) -> dict[str, str]:
    """One person with two interviews, notes, benefits (one deleted) and a petition the prosecution consented to."""
    pid = ws.records.create("person", {"preferred_name": NAME}).id
    first = ws.records.create(
        "encounter",
        {"occurred_at": at("2025-11-03"), "kind": "interview", "purpose": "First interview",
         "summary": "Said she worked at the Example Diner from March to June and was not paid."},
        person_id=pid,
    ).id  # fmt: skip
    second = ws.records.create(
        "encounter",
        {"occurred_at": at("2026-01-12"), "kind": "interview",
         "summary": "Said she started at the Example Diner in April, not March."},
        person_id=pid,
    ).id  # fmt: skip
    ws.records.create("encounter", {"occurred_at": at("2026-01-20"), "kind": "phone"}, person_id=pid)
    note = ws.records.create(
        "note_entry",
        {"parent_type": "encounter", "parent_id": second, "body": "Interpreter asked to repeat the dates."},
        person_id=pid,
    ).id  # fmt: skip
    visa = ws.records.create(
        "benefit",
        {"kind": "immigration_certification", "given_on": "2025-12-01", "given_by": "Example County Prosecutor",
         "description": "Law enforcement certification signed for a T visa application."},
        person_id=pid,
    ).id  # fmt: skip
    dismissed = ws.records.create(
        "benefit", {"kind": "dismissed_charge", "given_on": "2025-11-20", "description": "Trespass charge dismissed."},
        person_id=pid,
    ).id  # fmt: skip
    ws.records.delete("benefit", dismissed)
    relief = ReliefService(ws)
    case_id = relief.open_case(pid, "EXAMPLE")
    petition = relief.add_petition(
        case_id, {"relief_types": ["vacatur"], "filed_on": "2026-02-02", "prosecutor_position": "consents",
                  "filing_court": "Example County Court"},
    )  # fmt: skip
    return {"pid": pid, "first": first, "second": second, "note": note, "visa": visa, "dismissed": dismissed,
            "petition": petition, "case": case_id}  # fmt: skip


def test_the_review_gathers_statements_notes_and_benefits_in_date_order(prosecution: Workspace) -> None:
    ids = fill(prosecution)
    review = gather_review(prosecution, ids["pid"], today=dt.date(2026, 3, 2))
    assert review.person_name == NAME
    got = [(e.when, e.kind, e.record_id) for e in review.entries]
    assert got[:5] == [
        (dt.date(2025, 11, 3), "statement", ids["first"]),
        (dt.date(2025, 11, 20), "benefit", ids["dismissed"]),
        (dt.date(2025, 12, 1), "benefit", ids["visa"]),
        (dt.date(2026, 1, 12), "statement", ids["second"]),
        (dt.date(2026, 2, 2), "possible_benefit", ids["petition"]),
    ]
    by_id = {e.record_id: e for e in review.entries}
    assert by_id[ids["first"]].source == "Interview on 3 Nov 2025"
    assert by_id[ids["note"]].kind == "interview_note"
    assert by_id[ids["note"]].source == "Note on the interview of 12 Jan 2026"
    assert by_id[ids["visa"]].text.startswith("Immigration certification: Law enforcement certification")
    assert by_id[ids["visa"]].detail == "Given by Example County Prosecutor"
    assert by_id[ids["dismissed"]].deleted_on is not None, "a deleted benefit stays in the review, marked"
    assert by_id[ids["petition"]].text == "The prosecution consented to a petition for vacatur."
    status_notes = [e for e in review.entries if e.source == "Note on a record-relief case"]
    assert len(status_notes) == 1 and status_notes[0].kind == "note"
    assert review.summary() == ("2 statements, 1 interview note, 1 other note, 2 benefits given and 1 possible benefit")
    with prosecution.session() as s:
        events = s.query(AuditEvent).filter_by(action="disclosure_review").all()
        assert [(e.person_id, e.fields) for e in events] == [(ids["pid"], [])]


def test_a_privileged_advocacy_record_in_a_prosecution_vault_is_left_out(prosecution: Workspace) -> None:
    ids = fill(prosecution)
    secret = prosecution.records.create(
        "note_entry", {"parent_type": "person", "parent_id": ids["pid"], "body": "Advocate's privileged note"},
        person_id=ids["pid"],
    ).id  # fmt: skip
    with prosecution.session() as s, s.begin():
        note = s.get(NoteEntry, secret)
        assert note is not None
        note.regime, note.privileged = "advocacy", True
    review = gather_review(prosecution, ids["pid"])
    assert secret not in {e.record_id for e in review.entries}
    assert all("privileged" not in e.text for e in review.entries)


def test_the_review_is_refused_for_an_advocacy_user(workspace: Workspace) -> None:
    assert workspace.identity.regime == "advocacy"
    pid = workspace.records.create("person", {"preferred_name": NAME}).id
    workspace.records.create("benefit", {"kind": "relocation", "description": "Moved to a new flat."}, person_id=pid)
    with pytest.raises(DisclosureReviewRefused) as caught:
        gather_review(workspace, pid)
    assert caught.value.message == REFUSAL
    assert "never go to the prosecution" in caught.value.message
    with workspace.session() as s:
        assert s.query(AuditEvent).filter_by(action="disclosure_review").count() == 0


def test_the_pdf_parsed_back_holds_every_entry_with_its_source(prosecution: Workspace) -> None:
    ids = fill(prosecution)
    review = gather_review(prosecution, ids["pid"], today=dt.date(2026, 3, 2))
    pdf = disclosure_review_pdf(review)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Disclosure review" in text and NAME in text and "prepared on 2 Mar 2026" in text
    for phrase in (
        "was not paid",
        "in April, not March",
        "Interpreter asked to repeat the dates.",
        "Law enforcement certification signed for a T visa application.",
        "Trespass charge dismissed.",
        "The prosecution consented to a petition for vacatur.",
        "Interview on 3 Nov 2025",
        "Note on the interview of 12 Jan 2026",
        "deleted on",
    ):
        assert phrase in text, phrase
    packed = "".join(text.split())  # a long record id may wrap inside its narrow column
    for record_id in (ids["first"], ids["second"], ids["note"], ids["visa"], ids["dismissed"], ids["petition"]):
        assert f"Record{record_id}" in packed
    assert text.index("was not paid") < text.index("Trespass charge") < text.index("in April, not March")
    assert reader.metadata is not None and NAME not in str(reader.metadata.title or "")
    assert NAME.split()[0].lower() not in suggested_file_name(review)


def test_the_pdf_can_be_protected_with_a_password(prosecution: Workspace) -> None:
    ids = fill(prosecution)
    pdf = disclosure_review_pdf(gather_review(prosecution, ids["pid"]), password="correct horse battery")
    assert is_protected(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert "was not paid" not in pdf.decode("latin-1")
    reader.decrypt("correct horse battery")
    assert "was not paid" in " ".join((reader.pages[0].extract_text() or "").split())


def test_a_person_with_nothing_recorded_gets_a_plain_page(prosecution: Workspace) -> None:
    pid = prosecution.records.create("person", {"preferred_name": NAME}).id
    review = gather_review(prosecution, pid)
    assert review.entries == []
    text = " ".join((PdfReader(io.BytesIO(disclosure_review_pdf(review))).pages[0].extract_text() or "").split())
    assert "No statements, interview notes or benefits are recorded for this person." in text
