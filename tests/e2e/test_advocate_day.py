"""Journey (issue 15, 4(a)): an advocate's whole day in the real main window, on a new advocacy vault, driven with
keys and clicks and finding widgets by accessible name, as one walk: a new person who turns out to be a possible
match ("Open this person"), then a real new one ("This is someone new") who opens at Details; the interview
checklist filled in and marked complete; a screening, the assessment and the identification decision; a safety plan
part and the person's copy (saved, parsed back: none of the advocate's own details); a release recorded; a referral
refused without a release that covers it, then made with it; a follow-up; a relief petition; a signed note; and a
lock mid-typing (Ctrl+L) and back, the typing still there.

The provider directory is seeded before the window opens (it is the office's, not the day's); every other record is
made through the window. All people are fictional. Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.core.providers import ProviderService
from app.core.safety import SafetyService
from app.core.settings import Settings
from app.core.workspace import Workspace
from app.models import Disclosure, Person
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui import file_dialogs
from app.ui.main_window import MainWindow
from app.ui.new_person import NewPersonDialog
from app.ui.person import PersonWorkspace
from app.ui.person.fields import ChoiceBox
from app.ui.person.session_form import SessionsPanel
from app.ui.qt import QComboBox, QListWidget, Qt, QWidget
from tests.ui import helpers
from tests.ui.helpers import PASSPHRASE, assert_all_named, button, field, focused, settle, shot

TODAY = dt.date.today()
LEGAL = "Marisol Q. Fakename"  # the legal name, which the person's copy must never print
ADVOCATES_OWN = "Weapon in vehicle"  # the advocate's own details on a part of the plan, never on the person's copy
WAIT = 10_000


@pytest.fixture(autouse=True)
def _shots_for_helpers(request: pytest.FixtureRequest) -> Iterator[None]:
    """helpers.shot saves into this test's ``shots`` folder (as tests/ui/conftest.py sets up for the UI tests)."""
    helpers.current_shots = lambda: request.getfixturevalue("shots")
    yield
    helpers.current_shots = None


@pytest.fixture
def vault_folder(tmp_path: Path) -> tuple[Path, str]:
    """A new, real advocacy vault holding one person already (Marisol, born 1990) and the office's providers."""
    folder = tmp_path / "vault"
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), regime="advocacy")
    try:
        ws = Workspace(unlocked)
        ws.records.create("person", {"preferred_name": "Marisol", "aliases": ["Mari"], "date_of_birth": "1990-03-04"})
        alder = ProviderService(ws).save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"]})
        ProviderService(ws).save(None, {"name": "Birch Demo Clinic", "categories": ["medical"]})
    finally:
        unlocked.lock()
    return folder, alder


# --- small ways of doing what a person does ------------------------------------------------------------------------


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)


def key(qtbot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), k, mod)


def tab(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    key(qtbot, Qt.Key.Key_Tab)
    return focused()


def tab_to(qtbot, target: QWidget, limit: int = 60) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        if focused() is target:
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.accessibleName()!r}"


def press(qtbot, root: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    """Give the button named ``name`` the keyboard and press Space."""
    target = button(root, name)
    assert target.isEnabled(), f"{name!r} is disabled"
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(target, Qt.Key.Key_Space)


def choose_value(qtbot, box: ChoiceBox, value: object) -> None:  # type: ignore[no-untyped-def]
    """Pick a value with the arrow keys, as a person would."""
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.value() == value:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == value


def choose_text(qtbot, box: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentText() == text:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == text, f"{text!r} is not a choice"


def combo(root: QWidget, name: str) -> QComboBox:
    found = [c for c in root.findChildren(QComboBox) if c.accessibleName() == name and c.isVisible()]
    assert len(found) == 1, f"expected one visible choice named {name!r}, found {len(found)}"
    return found[0]


def fill(qtbot, root: QWidget, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = field(root, name)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def unlock(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    entry = win.unlock_page.passphrase
    qtbot.waitUntil(entry.isEnabled, timeout=WAIT)
    entry.setFocus()
    qtbot.keyClicks(entry, PASSPHRASE)
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.is_unlocked and win.workspace is not None, timeout=WAIT)


def section(qtbot, win: MainWindow, digit: Qt.Key, key_name: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Ctrl+<digit> from wherever the keyboard is in the person's workspace, and wait for the section to read."""
    page = win.person_page
    key(qtbot, digit, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.location() is not None and page.location()[1] == key_name, timeout=WAIT)  # type: ignore[index]
    settle(qtbot, win.runner)
    return page.sections[key_name]


def new_person_dialog(qtbot, win: MainWindow) -> NewPersonDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(NewPersonDialog)), timeout=WAIT)
    (dialog,) = [d for d in win.findChildren(NewPersonDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()), timeout=WAIT)
    return dialog


def people_named(ws: Workspace, name: str) -> list[str]:
    with ws.session() as s:
        return [p.id for p in s.query(Person).filter(Person.preferred_name == name)]


# --- the day -------------------------------------------------------------------------------------------------------


def test_an_advocates_whole_day_in_the_window(qtbot, vault_folder, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, alder = vault_folder
    helpers.use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=WAIT)
    qtbot.waitUntil(lambda: win.caseload_page.count_label.accessibleName() == "1 person", timeout=WAIT)
    ws = win.workspace
    assert ws is not None
    page: PersonWorkspace = win.person_page
    (marisol,) = people_named(ws, "Marisol")

    # 1. Someone arrives who says her name is Marisol: the check finds the person already here; open her.
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = new_person_dialog(qtbot, win)
    assert focused() is field(dialog, "Name they want to be called (required)")
    type_text(qtbot, "Marisol")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.match_page, timeout=WAIT)
    matches = next(m for m in dialog.findChildren(QListWidget) if m.accessibleName() == "Possible matches")
    assert matches.count() == 1 and matches.item(0).text().startswith("Marisol\nAlso called Mari · Born 1990")
    shot(dialog, "01-possible-match")
    assert focused() is matches
    key(qtbot, Qt.Key.Key_Return)  # Enter is "Open this person"
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page, timeout=WAIT)
    qtbot.waitUntil(lambda: page.location() == (marisol, "overview"), timeout=WAIT)
    assert people_named(ws, "Marisol") == [marisol]  # nobody new was made
    settle(qtbot, win.runner)  # the keyboard goes to her page once she has loaded

    # 2. Later, a different Marisol, born 2001: someone new, who opens at Details with the keyboard there.
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = new_person_dialog(qtbot, win)
    type_text(qtbot, "Marisol")
    tab(qtbot)
    tab(qtbot)
    assert focused() is field(dialog, "Pronouns")
    type_text(qtbot, "she/her")
    tab(qtbot)
    type_text(qtbot, "Spanish")
    assert tab(qtbot) is field(dialog, "Date of birth")
    type_text(qtbot, "2001-02-03")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.match_page, timeout=WAIT)
    press(qtbot, dialog, "This is someone new")
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page, timeout=WAIT)
    settle(qtbot, win.runner)
    (pid,) = [p for p in people_named(ws, "Marisol") if p != marisol]
    assert page.location() == (pid, "details")
    details = page.sections["details"]
    assert details.isAncestorOf(focused())
    assert details.fields.value("pronouns") == "she/her"  # type: ignore[attr-defined]
    # The legal name, typed into Details and saved with Ctrl+S.
    fill(qtbot, details, "Legal name", LEGAL)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, win.runner)
    assert ws.records.get("person", pid).legal_name == LEGAL  # type: ignore[attr-defined]
    shot(win, "02-new-person-details")

    # 3. The interview checklist, every item by its number key, then marked complete.
    interviews = section(qtbot, win, Qt.Key.Key_3, "interviews")
    assert isinstance(interviews, SessionsPanel)
    press(qtbot, interviews.list_page, interviews.list_page.start_button.accessibleName())
    settle(qtbot, win.runner)
    form = interviews.form
    assert interviews.currentWidget() is form and form.view is not None
    for _ in range(len(form._items)):
        key(qtbot, Qt.Key.Key_1)  # "1" is "Done"
        key(qtbot, Qt.Key.Key_PageDown)
    settle(qtbot, win.runner)
    press(qtbot, form, "Mark complete")
    settle(qtbot, win.runner)
    assert not form.finish_error.isVisible(), form.finish_error.text()
    assert ws.sessions.view("checklist_response", form.view.record_id).status == "complete"
    assert "Complete" in form.status.text()
    shot(win, "03-interview-complete")

    # 4. A screening, its result, the assessment, and the identification decision.
    screening = section(qtbot, win, Qt.Key.Key_4, "screening")
    assert isinstance(screening, SessionsPanel)
    press(qtbot, screening.list_page, screening.list_page.start_button.accessibleName())
    settle(qtbot, win.runner)
    sform = screening.form
    assert sform.view is not None
    for item_id, answer in {"unsafe-work": Qt.Key.Key_1, "owe-money": Qt.Key.Key_1}.items():
        sform.go(next(i for i, (item, _w) in enumerate(sform._items) if item.id == item_id))
        key(qtbot, answer)
    settle(qtbot, win.runner)
    press(qtbot, sform, "Result and assessment")
    settle(qtbot, win.runner)
    result = screening.result
    assert screening.currentWidget() is result
    assert "not a determination" in result.summary.text()
    assert "under 18" not in result.summary.text()  # she is an adult
    assert focused() is result.assessment_buttons["indicators_present"]
    key(qtbot, Qt.Key.Key_Space)
    result.reason.setFocus()
    type_text(qtbot, "Described work she could not leave.")
    qtbot.keyClick(result.save_assessment, Qt.Key.Key_Space)
    settle(qtbot, win.runner)
    assert ws.sessions.view("screening", sform.view.record_id).assessment == "indicators_present"
    choose_value(qtbot, result.decision_status, "identified")
    choose_value(qtbot, result.decision_type, "labour")
    result.decider.setFocus()
    result.decider.selectAll()
    type_text(qtbot, "A. Advocate")
    result.decision_reason.setFocus()
    type_text(qtbot, "Reviewed with my supervisor.")
    qtbot.keyClick(result.save_decision, Qt.Key.Key_Space)
    settle(qtbot, win.runner)
    assert [d.status for d in ws.sessions.decisions(pid)] == ["identified"], result.decision_error.text()
    assert "In force: Identified" in result.decision_now.text()
    shot(win, "04-screening-decision")

    # 5. The safety plan: the plan's first answers, one part with her words and the advocate's own details, and
    #    her copy, saved and read back: her words are there, the advocate's details and her legal name are not.
    section(qtbot, win, Qt.Key.Key_5, "safety")
    plan_form = page.safety.plan_form
    choose_text(qtbot, plan_form.choice, "Chose to plan")
    choose_text(qtbot, plan_form.leaving, "Not ready to leave")
    press(qtbot, plan_form, plan_form.save_button.accessibleName())
    settle(qtbot, win.runner)
    view = SafetyService(ws).view(pid)
    assert view is not None and view.plan.survivor_choice == "chosen"
    parts = page.safety.parts
    parts.setFocus()
    qtbot.keyClick(parts, Qt.Key.Key_Home)  # Danger now
    editor = page.safety.editor
    assert editor.title.text() == "Danger now"
    editor.radios["chosen"].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    editor.words.setFocus()
    type_text(qtbot, "If he drinks I go to my sister")
    editor.details.setFocus()
    type_text(qtbot, ADVOCATES_OWN)
    qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    settle(qtbot, win.runner)
    assert parts.currentItem().text() == "Danger now · Chosen"
    danger = SafetyService(ws).view(pid).component("danger_now").current  # type: ignore[union-attr]
    assert danger is not None and danger.details == ADVOCATES_OWN  # kept in the vault, so its absence below means it
    page.safety.password.setFocus()
    type_text(qtbot, "blue kitchen table")
    copy = tmp_path / "out" / "notes.pdf"
    copy.parent.mkdir()
    # The system's save dialog cannot be driven here: it answers with this path, and the real button does the rest.
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(copy), "PDF (*.pdf)"))
    press(qtbot, page.safety, "Make the person's copy")
    settle(qtbot, win.runner)
    assert "protected with the password" in page.safety.copy_status.text(), page.safety.copy_error.text()
    reader = PdfReader(io.BytesIO(copy.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("blue kitchen table")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "If he drinks I go to my sister" in text
    for secret in (ADVOCATES_OWN, "Weapon", LEGAL, "Fakename", "Offramp"):
        assert secret not in text, secret
    shot(win, "05-safety-copy")

    # 6. Referrals & consent: a referral to Alder, refused without a release (one kind sentence), a release
    #    recorded through the window, and the referral made with it.
    section(qtbot, win, Qt.Key.Key_6, "referrals")
    refs = page.referrals
    press(qtbot, refs, "Offer a referral")
    assert focused() is refs.category_box
    choose_value(qtbot, refs.category_box, "legal_record_relief")
    choose_value(qtbot, refs.provider_box, alder)
    rform = refs.referral_form
    decision = rform.fields["decision"]
    assert isinstance(decision, ChoiceBox) and decision.value() is None  # the person's decision starts empty
    choose_value(qtbot, decision, "accepted")
    contact = rform.fields["provider_contact"]
    assert isinstance(contact, ChoiceBox)
    choose_value(qtbot, contact, "warm_handoff")
    press(qtbot, rform, rform.save_button.accessibleName())
    settle(qtbot, win.runner)
    assert rform.isHidden(), rform.error.text()
    assert refs.referrals.count() == 1
    refs.referrals.setFocus()
    refs.referrals.setCurrentRow(0)
    press(qtbot, refs, "Make the referral")
    settle(qtbot, win.runner)
    assert refs.gate.isVisible()
    assert "no release from them" in refs.gate_text.text() and "can still be helped" in refs.gate_text.text()
    shot(win, "06-referral-refused")
    press(qtbot, refs, "Close this message")
    with ws.session() as s:
        assert [bool(d.allowed) for d in s.scalars(select(Disclosure))] == [False]  # the refusal is on record

    press(qtbot, refs, "Record a release")
    assert focused() is refs.recipient_box
    choose_value(qtbot, refs.recipient_box, alder)
    cform = refs.consent_form
    cform.fields["data_covered"].setFocus()
    type_text(qtbot, "Name, Phone number")
    cform.fields["purpose"].setFocus()
    type_text(qtbot, "Referral for legal help")
    end = cform.fields["expires_on"]
    end.setFocus()
    end.selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, (TODAY + dt.timedelta(days=180)).isoformat())
    method = cform.fields["method"]
    assert isinstance(method, ChoiceBox)
    choose_value(qtbot, method, "written")
    press(qtbot, cform, cform.save_button.accessibleName())
    settle(qtbot, win.runner)
    assert cform.isHidden(), cform.error.text()
    assert refs.consents.count() == 1 and "Alder Demo Legal Aid" in refs.consents.item(0).text()

    refs.referrals.setFocus()
    refs.referrals.setCurrentRow(0)
    press(qtbot, refs, "Make the referral")
    settle(qtbot, win.runner)
    assert "made and recorded" in refs.status.text(), refs.gate_text.text()
    (release,) = ws.records.list_for_person("consent", pid)
    with ws.session() as s:
        made = {bool(d.allowed): d.consent_id for d in s.scalars(select(Disclosure))}
    assert made == {False: None, True: release.id}  # the refusal, and the share made under the release recorded

    # 7. A follow-up, recorded as a step on the referral.
    choose_value(qtbot, refs.step_kind, "follow_up_done")
    press(qtbot, refs, "Add the step")
    settle(qtbot, win.runner)
    assert refs.status.text() == "Step added.", refs.status.text()
    events = [e.kind for e in ws.records.list_for_person("referral_event", pid)]  # type: ignore[attr-defined]
    assert "follow_up_done" in events, events
    shot(win, "07-referral-made-and-followed-up")

    # 8. Record relief: a case, a charge, and a petition asking relief for it.
    section(qtbot, win, Qt.Key.Key_7, "relief")
    relief = page.relief
    press(qtbot, relief, "Start record relief")
    settle(qtbot, win.runner)
    assert relief.case_panel.isVisible()
    press(qtbot, relief, "Add a charge")
    fill(qtbot, relief, "Offense", "Loitering")
    choose_text(qtbot, combo(relief, "Level"), "Misdemeanor")
    choose_text(qtbot, combo(relief, "Relief sought"), "Vacatur")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, win.runner)
    assert relief.charges.count() == 1
    press(qtbot, relief, "Add a petition")
    fill(qtbot, relief, "Legal basis", "Example survivor relief statute")
    fill(qtbot, relief, "Filing court", "Example County Court")
    fill(qtbot, relief, "Filed on", TODAY.isoformat())
    include = [b for b in relief.findChildren(QWidget) if b.accessibleName().startswith("Include: ") and b.isVisible()]
    assert len(include) == 1
    include[0].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, win.runner)
    assert relief.petitions.count() == 1, [e.text() for e in relief.form.fields.errors.values() if e.isVisible()]
    (petition,) = ws.records.list_for_person("relief_petition", pid)
    assert petition.filing_court == "Example County Court"  # type: ignore[attr-defined]
    (charge,) = ws.records.list_for_person("relief_charge", pid)
    assert charge.petition_id == petition.id  # type: ignore[attr-defined]
    shot(win, "08-relief-petition")

    # 9. A note, written and signed.
    section(qtbot, win, Qt.Key.Key_9, "notes")
    composer = page.notes.composer
    composer.editor.setFocus()
    type_text(qtbot, "Court on Monday; she wants a ride.")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, win.runner)
    assert composer.status.text() == "Note added."
    card = next(c for c in page.notes.cards if c.body.text() == "Court on Monday; she wants a ride.")
    qtbot.mouseClick(card.sign_button, Qt.MouseButton.LeftButton)
    assert card.confirm.isVisible()
    qtbot.mouseClick(card.confirm.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, win.runner)
    card = next(c for c in page.notes.cards if c.body.text() == "Court on Monday; she wants a ride.")
    assert card.signed.isVisible() and "Signed by you" in card.signed.text()
    (signed,) = [n for n in ws.records.list_for_person("note_entry", pid) if n.body.startswith("Court on")]  # type: ignore[attr-defined]
    assert signed.signed_at is not None and signed.signed_by == ws.identity.user_id  # type: ignore[attr-defined]
    shot(win, "09-signed-note")

    # 10. Typing the next note, Ctrl+L; the vault locks, nothing of it on screen; unlocked, it is all still there.
    composer.editor.setFocus()
    type_text(qtbot, "She called back about the")
    key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.is_unlocked, timeout=WAIT)
    assert win.pages.currentWidget() is win.unlock_page
    assert "called back" not in page.notes.composer.editor.toPlainText()
    shot(win, "10-locked")
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: page.location() == (pid, "notes"), timeout=WAIT)
    qtbot.waitUntil(lambda: "called back" in page.notes.composer.editor.toPlainText(), timeout=WAIT)
    assert page.notes.composer.editor.toPlainText() == "She called back about the"
    assert focused() is page.notes.composer.editor  # the keyboard is back where the typing stopped
    assert_all_named(page.notes)
    shot(win, "11-back-after-unlock")
    win.close()
