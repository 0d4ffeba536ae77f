"""Interviews and screenings filled in by keyboard on a real vault: the whole checklist, completion refused until
the "after" items are recorded, declined answers shown as declined, the result without labels, the assessment and
the identification decision, and the under-18 prompt.

Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import io

from pypdf import PdfReader

from app.core.workspace import Workspace
from app.ui.person import PersonWorkspace
from app.ui.person.session_form import SessionsPanel
from app.ui.qt import QApplication, QPushButton, Qt, QWidget
from tests.ui.helpers import assert_all_named, shot

REQUIRED = ("safety-check", "next-contact", "referrals-offered", "consent-decisions", "limits-confirmed")


def idle(qtbot, page: PersonWorkspace) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not page._runner.busy, timeout=10_000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not page._runner.busy, timeout=10_000)


def open_section(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, key: str) -> SessionsPanel:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, "overview")
    idle(qtbot, page)
    shortcut = {"interviews": Qt.Key.Key_3, "screening": Qt.Key.Key_4}[key]
    qtbot.keyClick(page, shortcut, Qt.KeyboardModifier.ControlModifier)
    panel = page.sections[key]
    assert isinstance(panel, SessionsPanel)
    return panel


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_an_interview_is_filled_in_by_keyboard_and_completes_only_with_the_after_items(
    qtbot, page, ws, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Ari Fictional", "age_group": "adult"}).id
    panel = open_section(qtbot, page, ws, pid, "interviews")
    # The start button has the keyboard when nothing is recorded yet.
    assert focused() is panel.list_page.start_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    form = panel.form
    assert panel.currentWidget() is form
    assert form.view is not None
    shot(page, "interview-first-question")

    # Walk every question: "1" is "Done"; the required "after" items are left for later.
    total = len(form._items)
    for index in range(total):
        item = form.current_item()
        assert item is not None
        if item.id not in REQUIRED:
            qtbot.keyClick(focused(), Qt.Key.Key_1)
        if index == 2:  # a note, typed after Alt+N
            qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
            assert focused() is form.card.note
            qtbot.keyClicks(form.card.note, "Only one note-taker: A.")
        qtbot.keyClick(focused(), Qt.Key.Key_PageDown)
    idle(qtbot, page)
    assert form.current_item() is not None and form.current_item().id == form._items[-1][0].id

    # Mark complete is refused, naming what is missing, and jumps to the first missing item.
    form.complete_button.setFocus()
    qtbot.keyClick(form.complete_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert form.finish_error.isVisible() and "Not complete yet" in form.finish_error.text()
    assert form.current_item().id == "safety-check"
    stored = ws.sessions.view("checklist_response", form.view.record_id)
    assert stored.status == "partial"
    assert stored.note(form._items[2][0].id) == "Only one note-taker: A."
    shot(page, "interview-refused")

    # The required items: done, or declined (key 4) for the consent decisions.
    for item_id in REQUIRED:
        index = next(i for i, (item, _w) in enumerate(form._items) if item.id == item_id)
        form.go(index)
        key = Qt.Key.Key_4 if item_id == "consent-decisions" else Qt.Key.Key_1
        qtbot.keyClick(focused(), key)
    idle(qtbot, page)
    qtbot.keyClick(form.complete_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert not form.finish_error.isVisible(), form.finish_error.text()
    stored = ws.sessions.view("checklist_response", form.view.record_id)
    assert stored.status == "complete"
    assert stored.answer("consent-decisions") == "declined"
    assert "Complete" in form.status.text()
    shot(page, "interview-complete")

    # A PDF for the file, protected with a password (typed twice; a mismatch is caught first).
    qtbot.keyClick(form.pdf_button, Qt.Key.Key_Space)
    bar = form.pdf_bar
    assert bar.isVisible() and focused() is bar.password
    qtbot.keyClicks(bar.password, "file password 1")
    qtbot.keyClicks(bar.repeat, "file password 2")
    bar.save_to(str(tmp_path / "out.pdf"))
    assert "not the same" in bar.error.text()
    shot(page, "interview-pdf-bar")
    bar.repeat.clear()
    qtbot.keyClicks(bar.repeat, "file password 1")
    bar.save_to(str(tmp_path / "out.pdf"))
    idle(qtbot, page)
    assert not bar.isVisible() and "PDF saved" in form.saved.text()
    data = (tmp_path / "out.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted and reader.decrypt("file password 1")
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Only one note-taker: A." in text and "interview-checklist" in text
    assert b"Ari Fictional" not in data

    # Back to the list: the interview is listed as complete.
    qtbot.keyClick(form.back_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert panel.currentWidget() is panel.list_page
    assert "Complete" in panel.list_page.list.item(0).text()
    assert_all_named(panel)


def test_a_screening_shows_declined_as_declined_and_its_result_without_labels(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Bo Fictional", "age_group": "adult"}).id
    panel = open_section(qtbot, page, ws, pid, "screening")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    form = panel.form
    answers = {"unsafe-work": Qt.Key.Key_1, "employer-controls-home": Qt.Key.Key_4, "owe-money": Qt.Key.Key_2}
    for item_id, key in answers.items():
        index = next(i for i, (item, _w) in enumerate(form._items) if item.id == item_id)
        form.go(index)
        qtbot.keyClick(focused(), key)
    idle(qtbot, page)
    form.go(1)  # employer-controls-home
    checked = [b for b in form.card.buttons if b.isChecked()]
    assert [b.accessibleName() for b in checked] == ["Declined to answer"]
    outline = [form.outline.item(r).text() for r in range(form.outline.count())]
    assert any("Declined to answer" in line for line in outline)
    assert not any(line.endswith("— No") and "home" in line.lower() for line in outline)
    shot(page, "screening-question")

    form.result_button.setFocus()
    qtbot.keyClick(form.result_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    result = panel.result
    assert panel.currentWidget() is result
    text = result.summary.text()
    assert "1 declined to answer" in text
    assert "not a determination" in text
    for word in ("positive", "negative", "victim", "score"):
        assert word not in text.lower()
    assert "fuller, private conversation" in text
    shot(page, "screening-result")

    # The practitioner's assessment by keyboard: a choice and a reason.
    assert focused() is result.assessment_buttons["indicators_present"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    result.reason.setFocus()
    qtbot.keyClicks(result.reason, "Described work she could not leave.")
    qtbot.keyClick(result.save_assessment, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert ws.sessions.view("screening", form.view.record_id).assessment == "indicators_present"

    # The identification decision: refused without a name, then made and shown with its history.
    result.decision_status.setFocus()
    result.decision_status.set_value("unclear")
    result.decider.clear()
    result.decision_reason.setPlainText("Too early to say.")
    qtbot.keyClick(result.save_decision, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert "named person" in result.decision_error.text()
    result.decider.setFocus()
    qtbot.keyClicks(result.decider, "A. Advocate")
    qtbot.keyClick(result.save_decision, Qt.Key.Key_Space)
    idle(qtbot, page)
    result.decision_status.set_value("identified")
    result.decision_type.set_value("labour")
    result.decision_reason.setPlainText("Reviewed with my supervisor.")
    qtbot.keyClick(result.save_decision, Qt.Key.Key_Space)
    idle(qtbot, page)
    decisions = ws.sessions.decisions(pid)
    assert [d.status for d in decisions] == ["identified", "unclear"]
    assert "In force: Identified" in result.decision_now.text()
    assert "Too early to say." in result.history.text()
    shot(result.content, "screening-decision")
    assert_all_named(panel)


def test_a_person_under_18_gets_the_child_advocacy_prompt_before_anything_starts(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Cy Fictional", "age_group": "minor"}).id
    panel = open_section(qtbot, page, ws, pid, "interviews")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    prompt = panel.list_page.minor_prompt
    assert prompt.isVisible() and panel.currentWidget() is panel.list_page
    assert ws.records.list_for_person("checklist_response", pid) == []
    shot(page, "minor-prompt")
    # "Not now" starts nothing.
    prompt.cancel_button.setFocus()
    qtbot.keyClick(prompt.cancel_button, Qt.Key.Key_Space)
    assert not prompt.isVisible()
    assert ws.records.list_for_person("checklist_response", pid) == []
    # Continuing records the acknowledgement and opens the checklist.
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    assert focused() is prompt.continue_button
    qtbot.keyClick(prompt.continue_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert panel.currentWidget() is panel.form
    (row,) = ws.records.list_for_person("checklist_response", pid)
    assert row.minor_prompt_acknowledged_at is not None  # type: ignore[attr-defined]


def test_leaving_the_vault_clears_the_form(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Dee Fictional"}).id
    panel = open_section(qtbot, page, ws, pid, "interviews")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    assert panel.form.view is not None
    page.clear()
    assert panel.form.view is None and panel.currentWidget() is panel.list_page
    texts = [w.text() for w in panel.findChildren(QPushButton) if w.isVisible()]
    assert not any("Dee" in t for t in texts)
    assert not panel.has_draft()


def test_a_note_typed_just_before_a_lock_comes_back_saved(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    from app.ui.drafts import collect_drafts, restore_drafts

    pid = ws.records.create("person", {"preferred_name": "Fen Fictional"}).id
    panel = open_section(qtbot, page, ws, pid, "interviews")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    form = panel.form
    form.go(3)
    item_id = form.current_item().id
    form.card.note.setFocus()
    qtbot.keyClicks(form.card.note, "Typed right before the lock")
    assert panel.has_draft()
    drafts = collect_drafts(page)  # what the main window keeps (encrypted) as the vault locks
    assert drafts[f"interviews:{pid}"]["note"] == "Typed right before the lock"
    page.clear()
    assert not panel.has_draft()
    record_id = ws.sessions.list_for_person(pid, "checklist")[0].record_id
    assert ws.sessions.view("checklist_response", record_id).note(item_id) == ""

    open_section(qtbot, page, ws, pid, "interviews")
    assert restore_drafts(page, drafts) == {f"interviews:{pid}"}
    idle(qtbot, page)
    assert panel.currentWidget() is panel.form and form.current_item().id == item_id
    assert ws.sessions.view("checklist_response", record_id).note(item_id) == "Typed right before the lock"
    assert form.card.note.toPlainText() == "Typed right before the lock"
