"""Interview checklists and screenings filled in on a real vault: autosave, the completion rule, the screening
result (declined never counts as no), the practitioner's assessment, identification decisions with history, and the
under-18 prompt."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.sessions import MinorPromptNeeded, SessionService, label_for
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import ChecklistResponse, Encounter, OutboxEntry

CHECKLIST = ("interview-checklist", "1")
SCREENING = ("example-indicator-screening", "1")
REQUIRED = ("safety-check", "next-contact", "referrals-offered", "consent-decisions", "limits-confirmed")


def _person(ws: Workspace, **values: object) -> str:
    return ws.records.create("person", {"preferred_name": "Sam Fictional", **values}).id


def _items(ws: Workspace, template: tuple[str, str]) -> list[str]:
    return [item.id for item in ws.templates.get(*template).items()]


def test_an_interview_starts_with_its_encounter_and_saves_each_answer(workspace: Workspace) -> None:
    ws = workspace
    pid = _person(ws)
    rid = ws.sessions.start(pid, "checklist", *CHECKLIST)
    row = ws.records.get("checklist_response", rid)
    assert isinstance(row, ChecklistResponse)
    assert row.encounter_id and row.status == "partial"
    encounter = ws.records.get("encounter", row.encounter_id)
    assert isinstance(encounter, Encounter) and encounter.kind == "interview"

    view = ws.sessions.answer("checklist_response", rid, "private-place", "done")
    view = ws.sessions.answer("checklist_response", rid, "private-place", None, note="Room 4, by the window")
    assert view.answer("private-place") == "done"
    assert view.note("private-place") == "Room 4, by the window"
    # Reading it again from the vault gives the same: each answer was saved as it was given.
    again = ws.sessions.view("checklist_response", rid)
    assert again.answers == view.answers
    # Clearing both parts removes the item.
    view = ws.sessions.answer("checklist_response", rid, "private-place", "", note="")
    assert "private-place" not in view.answers

    with ws.session() as s:
        patches = [e.patch for e in s.query(OutboxEntry).filter(OutboxEntry.record_id == rid)]
    assert len(patches) >= 3 and all(set(p) <= {"answers"} for p in patches[1:])


def test_an_answer_that_does_not_fit_the_item_is_refused(workspace: Workspace) -> None:
    ws = workspace
    rid = ws.sessions.start(_person(ws), "checklist", *CHECKLIST)
    with pytest.raises(ValidationError, match="not one of the answers"):
        ws.sessions.answer("checklist_response", rid, "private-place", "yes")  # an indicator answer
    with pytest.raises(ValidationError, match="not part of this template"):
        ws.sessions.answer("checklist_response", rid, "no-such-item", "done")
    assert ws.sessions.view("checklist_response", rid).answers == {}


def test_complete_is_refused_until_the_after_items_are_recorded_and_declined_counts(workspace: Workspace) -> None:
    ws = workspace
    rid = ws.sessions.start(_person(ws), "checklist", *CHECKLIST)
    for item in _items(ws, CHECKLIST):
        if item not in REQUIRED:
            ws.sessions.answer("checklist_response", rid, item, "done")

    with pytest.raises(ValidationError) as refused:
        ws.sessions.finish("checklist_response", rid, "complete")
    assert "5 items" in refused.value.message and "declined" in refused.value.message
    assert ws.sessions.view("checklist_response", rid).status == "partial"

    # "Not done" and "not applicable" do not hold a safety check; the person declining does.
    ws.sessions.answer("checklist_response", rid, "safety-check", "not_done")
    for item in REQUIRED[1:]:
        ws.sessions.answer("checklist_response", rid, item, "done")
    with pytest.raises(ValidationError, match="one item"):
        ws.sessions.finish("checklist_response", rid, "complete")
    ws.sessions.answer("checklist_response", rid, "consent-decisions", "declined")
    ws.sessions.answer("checklist_response", rid, "safety-check", "declined")
    view = ws.sessions.finish("checklist_response", rid, "complete")
    assert view.status == "complete" and view.completed_at is not None
    row = ws.records.get("checklist_response", rid)
    assert isinstance(row, ChecklistResponse)
    encounter = ws.records.get("encounter", str(row.encounter_id))
    assert isinstance(encounter, Encounter) and encounter.status == "complete"


def test_a_session_can_always_stop_at_the_persons_request(workspace: Workspace) -> None:
    ws = workspace
    rid = ws.sessions.start(_person(ws), "checklist", *CHECKLIST)
    view = ws.sessions.finish("checklist_response", rid, "stopped_at_request")
    assert view.status == "stopped_at_request" and view.completed_at is not None


def test_the_record_service_itself_refuses_an_early_complete(workspace: Workspace) -> None:
    """No path around the rule: setting the status directly is checked too."""
    ws = workspace
    rid = ws.sessions.start(_person(ws), "checklist", *CHECKLIST)
    with pytest.raises(ValidationError, match="complete"):
        ws.records.update("checklist_response", rid, {"status": "complete"})


def test_the_screening_result_never_counts_declined_as_no(workspace: Workspace) -> None:
    ws = workspace
    pid = _person(ws)
    sid = ws.sessions.start(pid, "screening", *SCREENING)
    ws.sessions.answer("screening", sid, "hurt", "yes", note="Said it happened twice")
    ws.sessions.answer("screening", sid, "threatened", "declined")
    ws.sessions.answer("screening", sid, "owe-money", "declined")
    ws.sessions.answer("screening", sid, "pay-withheld", "no")
    ws.sessions.answer("screening", sid, "money-kept", "unsure")
    view = ws.sessions.view("screening", sid)
    result = ws.sessions.result(view)

    by_domain = {d.domain_id: d for d in result.domains}
    assert [i.id for i in by_domain["violence"].endorsed] == ["hurt"]
    assert by_domain["violence"].declined == 1
    assert by_domain["debt-money"].declined == 1 and by_domain["debt-money"].unsure == 1
    assert by_domain["debt-money"].endorsed == ()
    assert result.declined_total == 2
    # The template's own rules: any yes, and any yes in the violence domain.
    assert any("fuller, private conversation" in s for s in result.next_steps)
    assert any("Check safety now" in s for s in result.next_steps)
    assert not any("under 18" in s for s in result.next_steps)
    assert "any “yes”" in result.rule_note

    item = view.template.item("threatened")
    assert label_for(item, view.answer("threatened")) == "Declined to answer"
    assert label_for(view.template.item("pay-withheld"), "no") == "No"


def test_only_declines_suggest_nothing(workspace: Workspace) -> None:
    ws = workspace
    sid = ws.sessions.start(_person(ws), "screening", *SCREENING)
    for item in _items(ws, SCREENING):
        ws.sessions.answer("screening", sid, item, "declined")
    result = ws.sessions.result(ws.sessions.view("screening", sid))
    assert result.next_steps == ()
    assert all(d.endorsed == () for d in result.domains)


def test_the_assessment_needs_a_reason_and_is_not_a_decision(workspace: Workspace) -> None:
    ws = workspace
    pid = _person(ws)
    sid = ws.sessions.start(pid, "screening", *SCREENING)
    with pytest.raises(ValidationError, match="reason"):
        ws.sessions.assess(sid, "unclear", "  ")
    view = ws.sessions.assess(sid, "indicators_present", "Described a locked room and a debt.")
    assert view.assessment == "indicators_present"
    assert ws.sessions.decisions(pid) == []  # an assessment never decides identification


def test_identification_is_decided_by_a_named_person_and_revised_with_history(workspace: Workspace) -> None:
    ws = workspace
    pid = _person(ws)
    with pytest.raises(ValidationError, match="named person"):
        ws.sessions.decide(pid, status="unclear", reason="Too early to say.", decided_by_name=" ")
    with pytest.raises(ValidationError, match="reason"):
        ws.sessions.decide(pid, status="unclear", reason="", decided_by_name="A. Advocate")
    first = ws.sessions.decide(
        pid, status="unclear", reason="Too early to say.", decided_by_name="A. Advocate",
        decided_on=dt.date(2026, 3, 1),
    )  # fmt: skip
    second = ws.sessions.decide(
        pid, status="identified", trafficking_type="labour", reason="Reviewed with the supervisor.",
        decided_by_name="A. Advocate",
    )  # fmt: skip
    history = ws.sessions.decisions(pid)
    assert [d.record_id for d in history] == [second.record_id, first.record_id]
    assert second.revises_id == first.record_id and second.trafficking_type == "labour"
    assert history[1].status == "unclear" and history[1].reason == "Too early to say."
    assert ws.sessions.last_decider_name() == "A. Advocate"
    # Audited: who decided is in the trail, with field names only.
    events = [e for e in ws.history(person_id=pid) if e.record_type == "identification_decision"]
    assert len(events) == 2 and all("reason" in e.fields for e in events)
    assert all("Reviewed" not in " ".join(e.fields) for e in events)
    # The record service refuses an unnamed decision on any path.
    with pytest.raises(ValidationError, match="named person"):
        ws.records.create(
            "identification_decision",
            {"decided_on": "2026-03-02", "status": "unclear", "reason": "x"},
            person_id=pid,
        )


@pytest.mark.parametrize(
    ("values", "minor"),
    [
        ({"date_of_birth": "2010-06-01"}, True),
        ({"date_of_birth": "2000-06-01", "age_group": "minor"}, False),  # the date of birth wins
        ({"age_group": "minor"}, True),
        ({"age_group": "adult"}, False),
        ({}, False),
    ],
)
def test_the_under_18_prompt_comes_first(workspace: Workspace, values: dict[str, str], minor: bool) -> None:
    ws = workspace
    pid = _person(ws, **values)
    today = dt.date(2026, 11, 24)
    assert ws.sessions.needs_minor_prompt(pid, today) is minor
    if minor:
        for kind, template in (("checklist", CHECKLIST), ("screening", SCREENING)):
            with pytest.raises(MinorPromptNeeded, match="child advocacy center"):
                ws.sessions.start(pid, kind, *template, today=today)
        assert ws.records.list_for_person("checklist_response", pid) == []
        assert ws.records.list_for_person("encounter", pid) == []
        rid = ws.sessions.start(pid, "screening", *SCREENING, minor_prompt_acknowledged=True, today=today)
        row = ws.records.get("screening", rid)
        assert row.minor_prompt_acknowledged_at is not None  # type: ignore[attr-defined]
        assert row.minor_prompt_acknowledged_by == ws.identity.user_id  # type: ignore[attr-defined]
        result = ws.sessions.result(ws.sessions.view("screening", rid), minor=True)
        assert any("child advocacy center" in s for s in result.next_steps)
    else:
        rid = ws.sessions.start(pid, "checklist", *CHECKLIST, today=today)
        assert ws.records.get("checklist_response", rid).minor_prompt_acknowledged_at is None  # type: ignore[attr-defined]


def test_a_used_template_version_is_listed_and_sessions_keep_their_version(workspace: Workspace) -> None:
    ws = workspace
    pid = _person(ws)
    ws.sessions.start(pid, "checklist", *CHECKLIST)
    assert ws.templates.uses(*CHECKLIST) == 1
    listed = ws.sessions.list_for_person(pid, "checklist")
    assert len(listed) == 1 and listed[0].template_version == "1" and listed[0].answered == 0
    assert listed[0].total == len(_items(ws, CHECKLIST))
    assert [t.id for t in SessionService(ws).templates("screening")] == ["example-indicator-screening"]


def test_a_screening_pdf_for_the_file_holds_its_answers_result_and_version(workspace: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from app.reports.sessions import save_session_pdf, suggested_file_name

    ws = workspace
    pid = _person(ws)
    sid = ws.sessions.start(pid, "screening", *SCREENING)
    ws.sessions.answer("screening", sid, "hurt", "yes", note="Fictional note about a bruise")
    ws.sessions.answer("screening", sid, "threatened", "declined")
    ws.sessions.assess(sid, "unclear", "Needs a longer conversation.")
    name = suggested_file_name("screening", dt.date(2026, 11, 24))
    assert name == "screening-2026-11-24.pdf"
    path = save_session_pdf(ws, "screening", sid, tmp_path / name)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Declined to answer" in text and "Fictional note about a bruise" in text
    assert "example-indicator-screening" in text and "Advocacy record" in text
    assert "Needs a longer conversation." in text and "not a determination" in text
    for word in ("positive", "victim", "score"):
        assert word not in text.lower().replace("scored", "")
    exports = [e for e in ws.history(person_id=pid) if e.action == "session_pdf_exported"]
    assert len(exports) == 1 and exports[0].fields == ["not_protected"]
