"""The safety plan section in the real person workspace, on a real SQLCipher vault, driven by the keyboard.

A plan is made with Tab, arrows, Space and typing only; a part is revised and its history shows what it was; place
warnings appear as the person's words are typed; the person's copy is saved through the section's own save function
(the native file dialog is not driven) and parsed back; the office policy turns the copy off with the reason shown.
Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.safety import ADDRESS_WARNING, SafetyService
from app.core.settings import SURVIVOR_COPY_ALLOWED_BY_OFFICE, Settings
from app.core.workspace import Workspace
from app.ui.person import PersonWorkspace
from app.ui.qt import QComboBox, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui.helpers import assert_all_named, focused, open_section, settle, shot, show_person_workspace

LEGAL = "Jordana Fakename"


@pytest.fixture
def pid(ws: Workspace) -> str:
    return ws.records.create("person", {"preferred_name": "Jo", "legal_name": LEGAL, "age_group": "adult"}).id


@pytest.fixture
def page(qtbot, runner: TaskRunner, tmp_path: Path) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    w = show_person_workspace(qtbot, runner)
    w.safety.settings = Settings(tmp_path / "config")
    return w


def open_safety(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    open_section(qtbot, page, ws, pid, runner, "safety")


def tab_to(qtbot, target: QWidget, limit: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the keyboard, as a person without a mouse would."""
    for _ in range(limit):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.accessibleName()!r}"


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    assert focused() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_a_plan_is_made_and_revised_by_keyboard_alone(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    assert "No plan yet" in section.summary.text()
    shot(page, "empty")

    # Ctrl+5 takes the keyboard into the section, at the plan's first answer.
    qtbot.keyClick(page, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    form = section.plan_form
    assert focused() is form.choice
    choose(qtbot, form.choice, "Chose to plan")
    tab_to(qtbot, form.danger)
    choose(qtbot, form.danger, "Unsure")
    tab_to(qtbot, form.leaving)
    choose(qtbot, form.leaving, "Not ready to leave")
    tab_to(qtbot, form.review)
    qtbot.keyClicks(form.review, dt.date.today().isoformat())
    assert section.has_draft()
    tab_to(qtbot, form.save_button)
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    settle(qtbot, runner)
    assert not section.has_draft()
    view = SafetyService(ws).view(pid)
    assert view is not None
    assert (view.plan.survivor_choice, view.plan.danger_now, view.plan.leaving_intent) == (
        "chosen", "unsure", "not_ready",
    )  # fmt: skip
    assert section.review_badge.isVisible() and "Review due" in section.summary.text()

    # Phone and technology: arrows in the list of parts, Tab to the choices, Space, then words and Save.
    tab_to(qtbot, section.parts)
    qtbot.keyClick(section.parts, Qt.Key.Key_Home)
    qtbot.keyClick(section.parts, Qt.Key.Key_Down)
    qtbot.keyClick(section.parts, Qt.Key.Key_Down)
    editor = section.editor
    assert editor.title.text() == "Phone and technology"
    qtbot.keyClick(section.parts, Qt.Key.Key_Tab)
    assert focused() is editor.radios["chosen"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert editor.choice() == "chosen"
    tab_to(qtbot, editor.words)
    qtbot.keyClicks(editor.words, "He checks my phone at night")
    qtbot.keyClick(editor.words, Qt.Key.Key_Tab)
    assert focused() is editor.details
    qtbot.keyClicks(editor.details, "Numbers on paper")
    assert section.has_draft()
    tab_to(qtbot, editor.save_button)
    qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    settle(qtbot, runner)
    assert not section.has_draft()
    assert section.parts.currentItem().text() == "Phone and technology · Chosen"
    assert editor.current.text().startswith("Recorded on ") and editor.current.text().endswith("Chosen.")

    # Revise it: the arrow keys move the choice to "Not now"; new words; Save records a second revision.
    tab_to(qtbot, editor.radios["chosen"])
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert editor.choice() == "not_now", "arrows move through the three choices"
    tab_to(qtbot, editor.words)
    editor.words.selectAll()
    qtbot.keyClicks(editor.words, "Not now, maybe later")
    tab_to(qtbot, editor.save_button)
    qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    settle(qtbot, runner)
    assert editor.history.isVisible()
    history = editor.history.text()
    assert "was Chosen — “He checks my phone at night”" in history and history.startswith("Changed on ")
    assert section.parts.currentItem().text() == "Phone and technology · Not now"
    revisions = SafetyService(ws).revisions(view.plan.id, "phone_technology")
    assert [(r.survivor_choice, r.survivor_words) for r in revisions] == [
        ("not_now", "Not now, maybe later"), ("chosen", "He checks my phone at night"),
    ]  # fmt: skip
    assert revisions[0].revises_id == revisions[1].id
    assert_all_named(section)
    shot(page, "revised")


def test_typing_in_one_part_is_kept_while_looking_at_another(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    section.parts.setCurrentRow(6)  # Money
    qtbot.keyClicks(section.editor.words, "A little set aside")
    section.parts.setCurrentRow(7)
    assert section.editor.words.toPlainText() == ""
    assert section.has_draft() and page.unsaved_sections() == ["Safety plan"]
    assert section.parts.item(6).text().endswith("unsaved")
    section.parts.setCurrentRow(6)
    assert section.editor.words.toPlainText() == "A little set aside"
    # Saving with no choice asks for one, plainly, and writes nothing.
    section.save_part()
    assert "record the person's choice" in section.editor.error.text()
    assert SafetyService(ws).view(pid) is None


def test_place_warnings_and_safe_contacts_by_keyboard(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    editor = section.editor
    section.parts.setCurrentRow(3)  # Safe contacts and code words
    contacts = editor.contacts
    assert contacts.isVisible()
    contacts.edits["name"].setFocus()
    qtbot.keyClicks(contacts.edits["name"], "Tia")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "aunt")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "555-0100")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "sunflower")
    assert focused() is contacts.edits["safe_word"]
    tab_to(qtbot, contacts.save_button)
    qtbot.keyClick(contacts.save_button, Qt.Key.Key_Space)
    settle(qtbot, runner)
    view = SafetyService(ws).view(pid)
    assert view is not None and [c.name for c in view.contacts] == ["Tia"] and view.code_words == ["sunflower"]
    assert contacts.list.count() == 1 and contacts.list.item(0).text() == "Tia (aunt)"
    assert not section.has_draft()
    page.safety.scroll_area.ensureWidgetVisible(contacts.save_button)
    qtbot.wait(50)
    shot(page, "contacts")

    section.parts.setCurrentRow(4)  # Safe places
    editor.details.setFocus()
    qtbot.keyClicks(editor.details, "my aunt's place")
    assert not editor.warnings.isVisible()
    qtbot.keyClick(editor.details, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.details, "12 Elm Street")
    assert editor.warnings.isVisible() and ADDRESS_WARNING in editor.warnings.text()
    qtbot.keyClicks(editor.words, "the Sunflower house")
    assert "code word “sunflower”" in editor.warnings.text()
    qtbot.wait(50)  # the layout grows the warning on the next turn of the event loop
    shot(page, "warnings")
    editor.set_choice("chosen")
    section.save_part()  # a warning never blocks
    settle(qtbot, runner)
    assert SafetyService(ws).view(pid).component("safe_places").current is not None  # type: ignore[union-attr]


def test_the_persons_copy_is_saved_and_the_office_can_turn_it_off(qtbot, page, ws, pid, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = SafetyService(ws)
    plan = service.open_plan(pid, {"survivor_choice": "chosen", "leaving_intent": "not_ready"})
    service.record_item(plan.id, "safe_places", choice="chosen", details="The blue cafe")
    service.record_item(plan.id, "money", choice="declined", details="Nothing about money")
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    assert section.copy_button.isEnabled()
    assert section.copy_warning.isVisible() and "anyone" in section.copy_warning.text()
    section.password.setFocus()
    qtbot.keyClicks(section.password, "blue kitchen table")
    assert not section.copy_warning.isVisible()
    target = tmp_path / "out" / "notes.pdf"
    target.parent.mkdir()
    section.save_copy(target)
    settle(qtbot, runner)
    assert "protected with the password" in section.copy_status.text(), section.copy_error.text()
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("blue kitchen table")
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "The blue cafe" in text and "money" not in text.lower() and LEGAL not in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert section.password.text() == "", "the password is not kept on screen"
    shot(page, "copy")

    section.settings.set(SURVIVOR_COPY_ALLOWED_BY_OFFICE, False)
    section.load(pid)
    settle(qtbot, runner)
    assert not section.copy_button.isEnabled()
    assert "turned off printing and saving" in section.copy_about.text()
    assert "turned off" in section.copy_button.toolTip()
    assert section.copy_status.text() == ""
    shot(page, "copy-off")


def test_clear_leaves_nothing_of_the_plan_on_screen(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    service = SafetyService(ws)
    plan = service.open_plan(pid, {"survivor_choice": "chosen"})
    service.record_item(plan.id, "danger_now", choice="chosen", words="When he drinks")
    service.add_contact(plan.id, {"name": "Tia", "safe_word": "sunflower"})
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    assert section.editor.words.toPlainText() == "When he drinks"
    page.clear()
    texts = [section.editor.words.toPlainText(), section.editor.history.text(), section.summary.text(),
             *(e.text() for e in section.editor.contacts.edits.values()),
             *(section.parts.item(i).text() for i in range(section.parts.count()))]  # fmt: skip
    joined = "\n".join(texts)
    assert "drinks" not in joined and "Tia" not in joined and "Chosen" not in joined
    assert section.editor.contacts.list.count() == 0 and not section.has_draft()


def test_unsaved_typing_survives_a_lock(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    from app.ui.drafts import collect_drafts, restore_drafts

    SafetyService(ws).open_plan(pid, {"survivor_choice": "chosen"})
    open_safety(qtbot, page, ws, pid, runner)
    section = page.safety
    section.plan_form.review.setFocus()
    qtbot.keyClicks(section.plan_form.review, "2031-01-02")
    section.parts.setCurrentRow(8)  # Health
    section.editor.set_choice("not_now")
    qtbot.keyClicks(section.editor.words, "Ask me next month")
    section.parts.setCurrentRow(3)
    qtbot.keyClicks(section.editor.contacts.edits["name"], "Sam")
    drafts = collect_drafts(page)
    assert list(drafts) == [f"safety:{pid}"]

    page.clear()
    assert not section.has_draft()
    open_safety(qtbot, page, ws, pid, runner)
    assert restore_drafts(page, drafts) == {f"safety:{pid}"}
    settle(qtbot, runner)
    assert section.plan_form.review.text() == "2031-01-02"
    assert section.editor.contacts.edits["name"].text() == "Sam"
    section.parts.setCurrentRow(8)
    assert section.editor.choice() == "not_now" and section.editor.words.toPlainText() == "Ask me next month"
    assert section.has_draft()
    assert SafetyService(ws).view(pid).component("health").current is None  # type: ignore[union-attr]
