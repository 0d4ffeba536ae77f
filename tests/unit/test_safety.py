"""Safety plans on a real SQLCipher vault, and the person's discreet copy parsed back with pypdf.

The person's choices survive every later change (a change is a new dated revision); "not ready to leave" is a
complete plan; place fields warn on street addresses and verbatim code words; the copy holds only what the person
chose and nothing that names an agency, the plan, a case or the person's legal name — in its text or its metadata.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from app.core.safety import (
    ADDRESS_WARNING,
    COMPONENTS,
    SafetyService,
    looks_like_street_address,
    place_warnings,
)
from app.core.settings import SURVIVOR_COPY_ALLOWED_BY_OFFICE, Settings
from app.core.workspace import Workspace
from app.errors import OfframpError, ValidationError
from app.models import AuditEvent
from app.reports.survivor_copy import copy_content, make_copy, survivor_copy_pdf

LEGAL_NAME = "Marisol Quintero-Fake"
PREFERRED = "Sol"
DOCKET = "CR-2026-00417"
AGENCY = "Alder County Advocacy Center"


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    return workspace


@pytest.fixture
def person(ws: Workspace) -> str:
    pid = ws.records.create("person", {"preferred_name": PREFERRED, "legal_name": LEGAL_NAME, "age_group": "adult"}).id
    ws.records.create("justice_contact", {"role": "witness", "docket_number": DOCKET, "court": AGENCY}, person_id=pid)
    return pid


@pytest.fixture
def safety(ws: Workspace) -> SafetyService:
    return SafetyService(ws)


def _settings(tmp_path: Path, allowed: bool = True) -> Settings:
    settings = Settings(tmp_path / "config")
    settings.set(SURVIVOR_COPY_ALLOWED_BY_OFFICE, allowed)
    return settings


# --- the person's choices ---------------------------------------------------------------------------------------


def test_a_choice_survives_every_later_change(ws: Workspace, safety: SafetyService, person: str) -> None:
    plan = safety.open_plan(person, {"survivor_choice": "chosen", "leaving_intent": "not_ready"})
    first = safety.record_item(plan.id, "phone_technology", choice="not_now", words="He checks my phone at night")
    second = safety.record_item(
        plan.id, "phone_technology", choice="chosen", words="I want a second phone", details="Keep it at work"
    )
    assert second.revises_id == first.id and second.id != first.id

    view = safety.view(person)
    assert view is not None
    part = view.component("phone_technology")
    assert part.current is not None and part.current.id == second.id
    assert part.current.survivor_choice == "chosen" and part.current.survivor_words == "I want a second phone"
    assert [r.id for r in part.revisions] == [second.id, first.id]
    earlier = part.earlier[0]
    assert (earlier.survivor_choice, earlier.survivor_words) == ("not_now", "He checks my phone at night")

    # Neither the service nor the record service lets anyone change what was recorded.
    with pytest.raises(ValidationError) as caught:
        safety.change_item(first.id, {"survivor_choice": "chosen"})
    assert "kept as it was recorded" in caught.value.message
    for change in ({"survivor_choice": "chosen"}, {"survivor_words": "something else"}, {"component": "money"}):
        with pytest.raises(ValidationError):
            ws.records.update("safety_plan_item", first.id, change)
    stored = ws.records.get("safety_plan_item", first.id)
    assert (stored.survivor_choice, stored.survivor_words) == ("not_now", "He checks my phone at night")  # type: ignore[attr-defined]

    # The same answer again makes no empty revision; a third change chains on the newest.
    again = safety.record_item(
        plan.id, "phone_technology", choice="chosen", words="I want a second phone", details="Keep it at work"
    )
    assert again.id == second.id
    third = safety.record_item(plan.id, "phone_technology", choice="declined")
    assert third.revises_id == second.id
    assert [r.id for r in safety.revisions(plan.id, "phone_technology")] == [third.id, second.id, first.id]


def test_a_change_to_the_plans_own_answers_is_kept_as_a_dated_note(safety: SafetyService, person: str) -> None:
    plan = safety.open_plan(person, {"survivor_choice": "chosen", "leaving_intent": "not_ready", "danger_now": "no"})
    safety.update_plan(plan.id, {"leaving_intent": "planning", "review_due": dt.date.today()})
    view = safety.view(person)
    assert view is not None and view.plan.leaving_intent == "planning"
    (note,) = view.notes
    assert "leaving was “Not ready to leave”, now “Planning to leave”" in note.text
    assert note.text.startswith("Changed on ")
    assert view.review_due_now


def test_bad_input_is_refused_plainly_and_writes_nothing(safety: SafetyService, person: str) -> None:
    plan = safety.open_plan(person, {"survivor_choice": "chosen"})
    with pytest.raises(ValidationError) as caught:
        safety.record_item(plan.id, "money", choice="maybe")
    assert caught.value.field == "survivor_choice"
    with pytest.raises(ValidationError):
        safety.record_item(plan.id, "not_a_part", choice="chosen")
    with pytest.raises(ValidationError) as caught:
        safety.update_plan(plan.id, {"review_due": "soon"})
    assert caught.value.field == "review_due"
    with pytest.raises(ValidationError) as caught:
        safety.add_contact(plan.id, {"name": "  "})
    assert caught.value.field == "name"
    assert safety.revisions(plan.id, "money") == []
    view = safety.view(person)
    assert view is not None and view.contacts == () and view.plan.review_due is None


def test_not_ready_to_leave_is_a_complete_plan(safety: SafetyService, person: str) -> None:
    plan = safety.open_plan(
        person, {"survivor_choice": "chosen", "leaving_intent": "not_ready", "danger_now": "unsure"}
    )
    for info in COMPONENTS:
        if info.key not in ("leaving_plan", "after_leaving"):
            safety.record_item(plan.id, info.key, choice="chosen" if info.key == "phone_technology" else "not_now")
    view = safety.view(person)
    assert view is not None
    assert view.complete, view.missing
    assert view.component("leaving_plan").current is None  # nobody asked for a leaving plan

    # Planning to leave: now the leaving parts are asked about (and "not now" is still a full answer).
    safety.update_plan(plan.id, {"leaving_intent": "planning"})
    view = safety.view(person)
    assert view is not None and view.missing == ["leaving plan", "after leaving"]
    safety.record_item(plan.id, "leaving_plan", choice="not_now")
    safety.record_item(plan.id, "after_leaving", choice="declined")
    view = safety.view(person)
    assert view is not None and view.complete


def test_declining_to_plan_is_a_complete_answer_and_an_empty_plan_is_not(safety: SafetyService, ws: Workspace) -> None:
    a = ws.records.create("person", {"preferred_name": "Ash"}).id
    b = ws.records.create("person", {"preferred_name": "Bo"}).id
    safety.open_plan(a, {"survivor_choice": "declined"})
    plan_b = safety.open_plan(b, {"survivor_choice": "chosen"})
    view_a, view_b = safety.view(a), safety.view(b)
    assert view_a is not None and view_a.complete and view_a.plan.started_on is None
    assert view_b is not None and not view_b.complete
    assert "“Do you feel in danger?”" in view_b.missing and "where the person is with leaving" in view_b.missing
    assert view_b.plan.started_on == dt.date.today() and view_b.plan.id == plan_b.id
    assert safety.open_plan(b).id == plan_b.id, "opening again finds the same plan"


# --- warnings on place fields -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["12 Elm Street", "400 N Main St Apt 3", "go to 77 harbor road after dark", "1200 W. 5th Avenue", "5 Oak Court"],
)
def test_a_street_address_warns(text: str) -> None:
    assert looks_like_street_address(text)
    assert place_warnings(text) == [ADDRESS_WARNING]


@pytest.mark.parametrize(
    "text",
    ["my aunt's place", "the library on the corner", "2 blocks from her place", "be there 2 hours before court",
     "Blue house", "the church with 3 doors", ""],
)  # fmt: skip
def test_names_and_codes_do_not_warn(text: str) -> None:
    assert not looks_like_street_address(text)
    assert place_warnings(text, ["sunflower"]) == []


def test_a_verbatim_code_word_warns_with_its_reason(safety: SafetyService, person: str) -> None:
    plan = safety.open_plan(person, {"survivor_choice": "chosen"})
    safety.add_contact(plan.id, {"name": "Tia", "phone": "555-0100", "safe_word": "Sunflower", "unsafe_word": "rain"})
    warnings = safety.warnings_for(person, "the sunflower house, then the bus")
    assert len(warnings) == 1 and "“Sunflower”" in warnings[0] and "code word" in warnings[0]
    assert safety.warnings_for(person, "Raincoat shop") == [], "part of a longer word is not the code word"
    assert safety.warnings_for(person, "my aunt's place") == []
    both = safety.warnings_for(person, "RAIN at 12 Elm Street")
    assert both[0] == ADDRESS_WARNING and "“rain”" in both[1]


# --- the person's copy ------------------------------------------------------------------------------------------


def _full_plan(safety: SafetyService, person: str) -> str:
    plan = safety.open_plan(person, {"survivor_choice": "chosen", "leaving_intent": "not_ready", "danger_now": "yes"})
    safety.add_contact(
        plan.id,
        {"name": "Tia Rosa", "relationship": "aunt", "phone": "555-0142", "safe_word": "sunflower",
         "unsafe_word": "raincoat", "action_on_unsafe": "call 911"},
    )  # fmt: skip
    safety.record_item(plan.id, "safe_contacts", choice="chosen", words="Tia answers day or night")
    safety.record_item(plan.id, "safe_places", choice="chosen", details="The blue cafe\nTia's kitchen")
    safety.record_item(plan.id, "phone_technology", choice="chosen", words="Keep key numbers on paper in my shoe",
                       details="Advocate's note: phone may be monitored")  # never printed: the advocate's own
    safety.record_item(plan.id, "documents", choice="declined", details=f"Copies with {AGENCY}")
    safety.record_item(plan.id, "money", choice="not_now", words="Saving a little each week")
    safety.record_item(plan.id, "health", choice="chosen", words="My inhaler")
    safety.record_item(plan.id, "health", choice="not_now", words="Not now")  # the newest choice wins
    return plan.id


def _text(pdf: bytes, password: str | None = None) -> tuple[str, dict[str, str]]:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    text = "\n".join(page.extract_text() for page in reader.pages)
    meta = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
    return text, meta


def test_the_copy_holds_only_what_was_chosen_and_nothing_that_identifies(
    ws: Workspace, safety: SafetyService, person: str, tmp_path: Path
) -> None:
    plan_id = _full_plan(safety, person)
    pdf = make_copy(ws, person, _settings(tmp_path))
    text, meta = _text(pdf)
    flat = " ".join(text.split())
    for chosen in ("People you can call", "Tia Rosa (aunt): 555-0142", "Tia answers day or night",
                   "Places you can go", "The blue cafe", "Tia's kitchen", "Your phone",
                   "Keep key numbers on paper in my shoe", "In an emergency, call 911."):  # fmt: skip
        assert chosen in flat, chosen
    for left_out in ("Your papers", AGENCY, "Saving a little", "Money", "inhaler", "Your health", "monitored"):
        assert left_out not in flat, left_out
    # Code words are off unless the person chooses to carry them.
    assert (
        "sunflower" not in flat
        and "raincoat" not in flat
        and "call 911." not in flat.replace("In an emergency, call 911.", "")
    )
    for never in (LEGAL_NAME, "Quintero", PREFERRED + " ", DOCKET, AGENCY, "Offramp", "safety", "Safety", "plan",
                  "trafficking", "victim", "case", plan_id, person, "advocate"):  # fmt: skip
        assert never not in text, never
        assert all(never not in v for v in meta.values()), never
    assert all(not v.strip() for v in meta.values()), meta
    reader = PdfReader(io.BytesIO(pdf))
    assert "ReportLab" not in str(reader.trailer) and b"ReportLab" not in pdf and b"Offramp" not in pdf

    audit = [e for e in ws.history(person_id=person) if e.action == "export"]
    assert [(e.record_type, e.record_id, e.fields) for e in audit] == [("safety_plan", plan_id, ["no_password"])]


def test_code_words_are_printed_only_when_the_person_chooses_to_carry_them(
    ws: Workspace, safety: SafetyService, person: str, tmp_path: Path
) -> None:
    _full_plan(safety, person)
    text, _ = _text(make_copy(ws, person, _settings(tmp_path), include_code_words=True))
    flat = " ".join(text.split())
    assert "If you say “sunflower”, it means you are safe to talk." in flat
    assert "If you say “raincoat”, it means you are not safe. Tia Rosa will call 911." in flat


def test_with_a_password_the_copy_does_not_open_without_it(
    ws: Workspace, safety: SafetyService, person: str, tmp_path: Path
) -> None:
    _full_plan(safety, person)
    pdf = make_copy(ws, person, _settings(tmp_path), password="blue kitchen table")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        _ = reader.pages[0].extract_text()
    assert reader.decrypt("wrong password") == 0
    text, meta = _text(pdf, "blue kitchen table")
    assert "People you can call" in text and LEGAL_NAME not in text
    assert all(not v.strip() or v == "pypdf" for v in meta.values()), meta
    assert b"Tia Rosa" not in pdf and b"555-0142" not in pdf
    with pytest.raises(ValidationError) as caught:
        make_copy(ws, person, _settings(tmp_path), password="short")
    assert caught.value.field == "password"


def test_the_office_policy_turns_the_copy_off(
    ws: Workspace, safety: SafetyService, person: str, tmp_path: Path
) -> None:
    _full_plan(safety, person)
    with pytest.raises(OfframpError) as caught:
        make_copy(ws, person, _settings(tmp_path, allowed=False))
    assert "turned off printing and saving" in caught.value.message
    with ws.session() as s:
        assert s.query(AuditEvent).filter(AuditEvent.action == "export").count() == 0


def test_nothing_chosen_makes_no_copy(ws: Workspace, safety: SafetyService, person: str, tmp_path: Path) -> None:
    plan = safety.open_plan(person, {"survivor_choice": "chosen"})
    safety.record_item(plan.id, "money", choice="declined", words="No")
    view = safety.view(person)
    assert view is not None and copy_content(view).sections == ()
    with pytest.raises(ValidationError) as caught:
        survivor_copy_pdf(copy_content(view))
    assert "nothing to put in the copy" in caught.value.message
