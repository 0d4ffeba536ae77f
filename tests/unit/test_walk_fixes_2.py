"""Issue 15, item 3, on a real SQLCipher vault: the fixes below the screens.

- a way of contact the person said is unsafe is named at once (one sentence the form shows and the gate uses), and
  the way of contact on a saved referral can change until the referral is made, never after;
- the person's copy of the safety plan (a real PDF, parsed back) holds only the person's own words and choices, in
  whole sentences: never the advocate's details, never "They will Calls 911";
- the Overview's "Coming up" is soonest first, leaves out deadlines already done, and says in words what is overdue.

Every person, contact and provider is fictional.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.providers import ProviderService
from app.core.referrals import ReferralService, contact_concern
from app.core.safety import SafetyService
from app.core.settings import SURVIVOR_COPY_ALLOWED_BY_OFFICE, Settings
from app.core.timeline import person_timeline, split_timeline
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.reports.survivor_copy import contact_action_sentence, make_copy

TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


# --- referrals: the way of contact --------------------------------------------------------------------------------


def test_an_unsafe_way_of_contact_is_named_in_one_sentence_and_asking_first_is_a_warning() -> None:
    flags = {"safe_to_send_mail": False, "safe_to_call": True, "safe_to_text": None}
    mail = contact_concern("mail_to_person", flags)
    assert mail is not None and mail.unsafe
    assert "said mail is not safe" in mail.words and "warm handoff" in mail.words
    text = contact_concern("text_person", flags)
    assert text is not None and not text.unsafe and "Nobody has asked" in text.words
    assert contact_concern("call_person", flags) is None
    assert contact_concern("warm_handoff", flags) is None
    assert contact_concern(None, flags) is None


@pytest.fixture
def referral_setup(workspace: Workspace) -> tuple[Workspace, str, str]:
    pid = workspace.records.create(
        "person", {"preferred_name": "Sam Example", "safe_to_send_mail": False, "safe_to_call": True}
    ).id
    clinic = ProviderService(workspace).save(None, {"name": "Birch Demo Clinic", "categories": ["medical"]})
    return workspace, pid, clinic


def test_the_way_of_contact_can_change_after_the_gate_stops_it_but_not_once_made(
    referral_setup: tuple[Workspace, str, str],
) -> None:
    ws, pid, clinic = referral_setup
    service = ReferralService(ws)
    assert service.contact_flags(pid)["safe_to_send_mail"] is False
    rid = service.save(pid, None, {"category": "medical", "provider_id": clinic, "decision": "accepted",
                                   "provider_contact": "mail_to_person", "shares_identifying": False})  # fmt: skip
    assert not service.check(rid).allowed  # a letter where mail is unsafe: stopped
    service.save(pid, rid, {"provider_contact": "warm_handoff"})  # after the stop: another way to connect
    gate = service.make(rid)
    assert gate.allowed
    with pytest.raises(ValidationError) as caught:
        service.save(pid, rid, {"provider_contact": "call_person"})
    assert caught.value.field == "provider_contact" and "already made" in caught.value.message
    service.save(pid, rid, {"provider_contact": "warm_handoff"})  # the same way again changes nothing: allowed
    (row,) = service.list_for_person(pid)
    assert row.provider_contact == "warm_handoff" and row.made


# --- the person's copy --------------------------------------------------------------------------------------------


ADVOCATE_ONLY = ("Weapon in vehicle", "Trafficker knows the court date", "Copies kept with the advocate")


def _copy_text(ws: Workspace, pid: str, tmp_path: Path, *, code_words: bool) -> tuple[bytes, str]:
    settings = Settings(tmp_path / "config")
    settings.set(SURVIVOR_COPY_ALLOWED_BY_OFFICE, True)
    pdf = make_copy(ws, pid, settings, include_code_words=code_words)
    reader = PdfReader(io.BytesIO(pdf))
    return pdf, " ".join("\n".join(p.extract_text() for p in reader.pages).split())


def test_the_persons_copy_holds_only_their_own_words_in_whole_sentences(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Sol", "age_group": "adult"}).id
    safety = SafetyService(ws)
    plan = safety.open_plan(pid, {"survivor_choice": "chosen", "leaving_intent": "not_ready", "danger_now": "yes"})
    safety.add_contact(plan.id, {"name": "Tia Rosa", "relationship": "aunt", "phone": "555-0142",
                                 "safe_word": "sunflower", "unsafe_word": "raincoat",
                                 "action_on_unsafe": "Calls 911."})  # fmt: skip
    safety.add_contact(plan.id, {"name": "Ana", "phone": "555-0199", "unsafe_word": "cold tea",
                                 "action_on_unsafe": "Comes to pick me up."})  # fmt: skip
    safety.record_item(plan.id, "safe_contacts", choice="chosen", words="Tia answers day or night")
    safety.record_item(plan.id, "danger_now", choice="chosen", words="I go to the neighbor's", details=ADVOCATE_ONLY[0])
    safety.record_item(plan.id, "trafficker_access", choice="chosen", words="I take the bus", details=ADVOCATE_ONLY[1])
    safety.record_item(plan.id, "documents", choice="chosen", words="My ID is in my shoe", details=ADVOCATE_ONLY[2])
    safety.record_item(plan.id, "safe_places", choice="chosen", details="The blue cafe\nTia's kitchen")

    pdf, flat = _copy_text(ws, pid, tmp_path, code_words=True)
    for own in ("I go to the neighbor's", "I take the bus", "My ID is in my shoe", "Tia answers day or night",
                "The blue cafe", "Tia's kitchen", "Tia Rosa (aunt): 555-0142"):  # fmt: skip
        assert own in flat, own
    for advocates in ADVOCATE_ONLY:
        assert advocates not in flat, advocates
    assert "They will" not in flat and "will Calls" not in flat and "will Comes" not in flat
    assert "If you say “raincoat”, it means you are not safe. Tia Rosa will call 911." in flat
    assert "If you say “cold tea”, it means you are not safe. Ana will come to pick you up." in flat

    # Look at it as the person would: every page renders (pdftoppm, from poppler-utils, where installed).
    if shutil.which("pdftoppm"):
        shots = Path(os.environ.get("OFFRAMP_SHOTS") or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        path = tmp_path / "copy.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(shots / "persons-copy")], check=True)
        assert sorted(shots.glob("persons-copy*.png"))


@pytest.mark.parametrize(
    ("action", "sentence"),
    [
        ("Calls 911.", "Tia will call 911."),
        ("call 911", "Tia will call 911."),
        ("come and collect me", "Tia will come and collect you."),
        ("Hangs up and calls back in ten minutes.", "Tia will hang up and call back in ten minutes."),
        ("Watches the kids", "Tia will watch the kids."),
        ("She calls my brother", "She calls your brother."),
        ("", ""),
    ],
)
def test_what_a_contact_does_reads_as_a_whole_sentence(action: str, sentence: str) -> None:
    assert contact_action_sentence("Tia", action) == sentence


# --- the Overview's "Coming up" -----------------------------------------------------------------------------------


def test_coming_up_is_soonest_first_without_what_is_done_and_flags_overdue(workspace: Workspace) -> None:
    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Rowan Fictional"}).id
    r = ws.records
    case = r.create("relief_case", {"jurisdiction": "Demo State"}, person_id=pid).id

    def deadline(kind: str, due: int, done_on: int | None = None) -> str:
        values = {"case_id": case, "kind": kind, "due_on": days(due), "done_on": days(done_on) if done_on else None}
        return r.create("relief_deadline", values, person_id=pid).id

    far = deadline("filing_limit", 300)
    near = deadline("response", 5)
    done = deadline("hearing", 20, done_on=-1)
    late = deadline("appeal", -3)
    met = deadline("other", -30, done_on=-31)
    contact = r.create("encounter", {"kind": "phone", "occurred_at": dt.datetime.now(dt.UTC) - dt.timedelta(days=9),
                                     "status": "complete"}, person_id=pid).id  # fmt: skip

    ahead, past = split_timeline(person_timeline(ws, pid, today=TODAY), TODAY)
    assert [e.record_id for e in ahead] == [late, near, far], "soonest first, the overdue one leads"
    assert [e.overdue(TODAY) for e in ahead] == [True, False, False]
    assert {done, met} <= {e.record_id for e in past}, "done deadlines are history, never coming up"
    assert contact in {e.record_id for e in past}
    whens = [e.when for e in past]
    assert whens == sorted(whens, reverse=True), "what has happened: newest first"
