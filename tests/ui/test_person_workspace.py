"""The person workspace, driven as a person would: header and safe-contact rules, keyboard navigation, editing the
person and their justice contacts, notes, history, drafts through a lock, and nothing left on screen after it.

Every test runs against a real SQLCipher vault (KDF at the floor) holding fictional demo people and one hand-made
person with known values. Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.demo.people import generate
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui.app import use_readable_font
from app.ui.drafts import collect_drafts, restore_drafts
from app.ui.person import SECTION_KEYS, PersonWorkspace
from app.ui.person.notes import NoteCard
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemModel,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QModelIndex,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
)
from app.ui.tasks import TaskRunner
from tests.ui.helpers import shot, show_person_workspace

PASSPHRASE = "a long test passphrase"
NAME = "Rowan Example"
DOCKET = "AC-2025-CR-0042"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Thirty demo people plus one known person; made once, copied for each test."""
    folder = tmp_path_factory.mktemp("person-workspace") / "vault"
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        generate(ws, persons=30, seed=3)
        pid = ws.records.create(
            "person",
            {"preferred_name": NAME, "legal_name": "Rowena Example", "pronouns": "she/her",
             "languages": ["Spanish", "English"], "safe_to_call": None, "safe_to_text": True,
             "safe_to_leave_message": False, "safe_times": "weekdays after 6 pm", "age_group": "adult"},
        ).id  # fmt: skip
        ws.records.create(
            "justice_contact",
            {"role": "witness", "court": "Alder County District Court", "docket_number": DOCKET,
             "charges": [{"offence": "Wage theft", "statute": "Demo Labour Code 198.5", "level": "misdemeanor"}]},
            person_id=pid,
        )  # fmt: skip
        ws.records.create(
            "note_entry", {"parent_type": "person", "parent_id": pid, "body": "Met at the library, as she chose."},
            person_id=pid,
        )  # fmt: skip
    finally:
        unlocked.lock()
    return folder, pid


@pytest.fixture
def ws(template: tuple[Path, str], tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "vault"
    shutil.copytree(template[0], folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    unlocked = Vault(folder).unlock(PASSPHRASE)
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


@pytest.fixture
def pid(template: tuple[Path, str]) -> str:
    return template[1]


@pytest.fixture
def page(qtbot, runner: TaskRunner) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    return show_person_workspace(qtbot, runner, size=(1280, 800))


def open_person(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, section: str = "overview") -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, section)
    assert page.location() == (pid, section)
    # The sections that read their own records start when the person arrives: let them finish too.
    qtbot.waitUntil(lambda: not page._runner.busy, timeout=10_000)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def wait_done(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    """Let a save, and the refresh it starts, finish and reach the screen."""
    qtbot.wait(20)
    idle(qtbot, runner)
    qtbot.wait(20)
    idle(qtbot, runner)


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a choice with the arrow keys, as someone without a mouse would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} is not a choice"


# --- header and navigation --------------------------------------------------------------------------------------


def test_the_header_shows_the_person_and_their_safe_contact_rules(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid)
    header = page.header
    assert header.name.text() == NAME
    assert "she/her" in header.about.text() and "Spanish, English" in header.about.text()
    rules = header.rules.accessibleDescription()
    assert rules == (
        "Do not leave voicemail; Safe to text; Ask before calling; Ask before sending mail; "
        "Safe times: weekdays after 6 pm"
    )
    assert header.rules.isVisible() and "<b>Do&nbsp;not&nbsp;leave&nbsp;voicemail</b>" in header.rules.text()
    assert header.badge.text() == "Advocacy · privileged · my team"
    assert header.badge.toolTip()
    assert page.windowTitle() == "", "the workspace never sets a title that could name the person"
    assert page.overview.model.rowCount() == 0 or page.overview.summary.text()


def test_sections_are_reached_by_keyboard(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid)
    page.nav.setFocus()
    qtbot.keyClick(page.nav, Qt.Key.Key_Down)
    assert page.location() == (pid, "details")
    assert page.stack.currentWidget() is page.details
    qtbot.keyClick(page.nav, Qt.Key.Key_End)
    assert page.location() == (pid, "history")
    for index, key in enumerate(SECTION_KEYS):
        qtbot.keyClick(page, Qt.Key(Qt.Key.Key_0 + (index + 1) % 10), Qt.KeyboardModifier.ControlModifier)
        assert page.location() == (pid, key), key
        assert page.stack.currentWidget() is page.sections[key]
    # Ctrl+2 moves the keyboard into Details, at the first field.
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.details.fields.widgets["preferred_name"]
    # Opening the same person at another section only switches section.
    page.open(ws, pid, "notes")
    assert page.location() == (pid, "notes") and not runner_busy(page)


def runner_busy(page: PersonWorkspace) -> bool:
    return page._runner.busy


def test_escape_alt_left_and_the_back_button_ask_for_the_caseload(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid)
    page.nav.setFocus()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(page.nav, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(page.nav, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.mouseClick(page.header.back_button, Qt.MouseButton.LeftButton)


def test_leaving_with_unsaved_typing_asks_first(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "details")
    type_into(qtbot, page.details.fields.widgets["pronouns"], "they/them")
    fired: list[bool] = []
    page.back_requested.connect(lambda: fired.append(True))
    qtbot.keyClick(page.details.fields.widgets["pronouns"], Qt.Key.Key_Escape)
    assert not fired and page.leave_confirm.isVisible()
    assert "Details" in page.leave_confirm.message.text()
    shot(page, "100-state-leave-unsaved")
    assert QApplication.focusWidget() is page.leave_confirm.cancel_button, "Enter keeps the typing"
    qtbot.mouseClick(page.leave_confirm.confirm_button, Qt.MouseButton.LeftButton)
    assert fired == [True]


# --- details ----------------------------------------------------------------------------------------------------


def test_editing_a_field_by_typing_and_saving_changes_the_vault(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "details")
    form = page.details
    assert not form.save_button.isEnabled(), "nothing to save until something changes"
    type_into(qtbot, form.fields.widgets["pronouns"], "they/them")
    type_into(qtbot, form.fields.widgets["languages"], "Spanish, English, French")
    choose(qtbot, form.fields.widgets["safe_to_call"], "No")  # type: ignore[arg-type]
    assert form.has_draft() and form.save_button.isEnabled()
    qtbot.keyClick(form.fields.widgets["languages"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_done(qtbot, runner)
    person = ws.records.get("person", pid)
    assert person.pronouns == "they/them"  # type: ignore[attr-defined]
    assert person.languages == ["Spanish", "English", "French"]  # type: ignore[attr-defined]
    assert person.safe_to_call is False  # type: ignore[attr-defined]
    assert form.status.text() == "Saved." and not form.has_draft()
    qtbot.waitUntil(lambda: "Do not call" in page.header.rules.accessibleDescription(), timeout=5000)
    assert "they/them" in page.header.about.text()


def test_a_problem_shows_next_to_its_field_and_nothing_is_saved(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "details")
    form = page.details
    type_into(qtbot, form.fields.widgets["pronouns"], "they/them")
    name = form.fields.widgets["preferred_name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    error = form.fields.errors["preferred_name"]
    assert error.isVisible() and "preferred name" in error.text()
    assert not form.fields.errors["pronouns"].isVisible()
    assert "Nothing was saved" in form.status.text()
    assert QApplication.focusWidget() is name, "the keyboard is taken to the field to fix"
    person = ws.records.get("person", pid)
    assert person.preferred_name == NAME and person.pronouns == "she/her"  # type: ignore[attr-defined]
    shot(page, "100-state-details-problem")

    type_into(qtbot, name, NAME)
    type_into(qtbot, form.fields.widgets["date_of_birth"], "2001-13-40")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    assert form.fields.errors["date_of_birth"].isVisible()
    assert "date of birth" in form.fields.errors["date_of_birth"].text()
    assert not form.fields.errors["preferred_name"].isVisible()
    assert ws.records.get("person", pid).pronouns == "she/her"  # type: ignore[attr-defined]

    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert form.fields.widgets["pronouns"].text() == "she/her" and not form.has_draft()  # type: ignore[attr-defined]


# --- justice contacts ---------------------------------------------------------------------------------------------


def test_a_long_justice_contact_row_wraps_instead_of_ending_in_an_ellipsis(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "justice")
    section = page.justice
    item = section.matters.item(0)
    one_line = section.matters.visualItemRect(item).height()
    section.matters.setFixedWidth(140)  # narrower than the row's words, as at twice the text size
    qtbot.waitUntil(lambda: section.matters.visualItemRect(item).height() > one_line, timeout=3_000)
    rect = section.matters.visualItemRect(item)
    assert rect.right() <= section.matters.viewport().width(), "nothing runs past the list's edge"
    assert section.matters.wordWrap() and DOCKET in item.text()


def test_add_edit_and_delete_a_justice_contact_with_a_charge(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "justice")
    section, editor = page.justice, page.justice.editor
    assert section.matters.count() == 1 and editor.fields.widgets["docket_number"].text() == DOCKET  # type: ignore[attr-defined]

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert editor.record_id is None and editor.draft_slot() == f"justice:{pid}:new"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # no role yet
    wait_done(qtbot, runner)
    assert editor.fields.errors["role"].isVisible() and "role" in editor.fields.errors["role"].text()
    assert len(ws.records.list_for_person("justice_contact", pid)) == 1

    choose(qtbot, editor.fields.widgets["role"], "Defendant")  # type: ignore[arg-type]
    type_into(qtbot, editor.fields.widgets["court"], "Birch County Municipal Court")
    type_into(qtbot, editor.fields.widgets["docket_number"], "BC-2024-CR-7")
    type_into(qtbot, editor.fields.widgets["arrest_date"], "2024-06-01")
    qtbot.mouseClick(editor.charges.add_button, Qt.MouseButton.LeftButton)
    row = editor.charges.rows[0]
    assert QApplication.focusWidget() is row.offence
    qtbot.keyClicks(row.offence, "Trespass")
    type_into(qtbot, row.statute, "Demo Penal Code 140.05")
    choose(qtbot, row.level, "Violation")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    saved = [j for j in ws.records.list_for_person("justice_contact", pid) if j.docket_number == "BC-2024-CR-7"]  # type: ignore[attr-defined]
    assert len(saved) == 1
    new = saved[0]
    assert new.role == "defendant" and new.court == "Birch County Municipal Court"  # type: ignore[attr-defined]
    assert new.charges == [{"offence": "Trespass", "statute": "Demo Penal Code 140.05", "level": "violation"}]  # type: ignore[attr-defined]
    assert section.matters.count() == 2 and editor.record_id == new.id
    assert editor.draft_slot() == f"justice:{pid}:{new.id}"

    # Edit: a second charge and a disposition.
    qtbot.mouseClick(editor.charges.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.charges.rows[1].offence, "Loitering")
    choose(qtbot, editor.fields.widgets["disposition"], "Dismissed")  # type: ignore[arg-type]
    type_into(qtbot, editor.fields.widgets["disposition_date"], "2024-09-01")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    changed = ws.records.get("justice_contact", new.id)
    assert changed.disposition == "dismissed" and len(changed.charges) == 2  # type: ignore[attr-defined]
    assert changed.charges[1] == {"offence": "Loitering", "statute": "", "level": None}  # type: ignore[attr-defined]

    # The docket number is copied through the clipboard guard.
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "BC-2024-CR-7"
    assert "cleared from the clipboard" in editor.status.text()

    # Delete, after saying yes in the bar that asks.
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.confirm.isVisible() and QApplication.focusWidget() is editor.confirm.cancel_button
    shot(page, "100-state-justice-delete")
    qtbot.mouseClick(editor.confirm.confirm_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    ids = [j.id for j in ws.records.list_for_person("justice_contact", pid)]
    assert new.id not in ids and len(ids) == 1
    assert section.matters.count() == 1 and editor.record_id == ids[0]


def test_switching_matters_with_unsaved_changes_asks_first(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "justice")
    section, editor = page.justice, page.justice.editor
    first = editor.record_id
    type_into(qtbot, editor.fields.widgets["county"], "Alder County")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert section.switch_confirm.isVisible() and editor.record_id == first
    qtbot.mouseClick(section.switch_confirm.cancel_button, Qt.MouseButton.LeftButton)
    assert editor.fields.widgets["county"].text() == "Alder County"  # type: ignore[attr-defined]
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.switch_confirm.confirm_button, Qt.MouseButton.LeftButton)
    assert editor.record_id is None and not editor.has_draft()


# --- notes and history --------------------------------------------------------------------------------------------


def _cards(page: PersonWorkspace) -> list[NoteCard]:
    return page.notes.cards


def test_add_change_and_sign_a_note(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "notes")
    composer = page.notes.composer
    assert len(_cards(page)) == 1
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "She asked for a ride to court on Monday.")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_done(qtbot, runner)
    assert composer.editor.toPlainText() == "" and composer.status.text() == "Note added."
    notes = ws.records.list_for_person("note_entry", pid)
    assert "She asked for a ride to court on Monday." in [n.body for n in notes]  # type: ignore[attr-defined]
    card = _cards(page)[0]
    assert card.body.text() == "She asked for a ride to court on Monday.", "newest first"
    assert card.meta.text().startswith("You")
    assert card.edit_button.isVisible() and card.sign_button.isVisible()

    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is card.editor
    card.editor.moveCursor(card.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(card.editor, " Pick-up at 9.")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    card = _cards(page)[0]
    assert card.body.text() == "She asked for a ride to court on Monday. Pick-up at 9."

    qtbot.mouseClick(card.sign_button, Qt.MouseButton.LeftButton)
    assert card.confirm.isVisible()
    shot(page, "100-state-note-sign")
    qtbot.mouseClick(card.confirm.confirm_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    card = _cards(page)[0]
    assert card.note.signed_at is not None
    assert not card.edit_button.isVisible() and not card.sign_button.isVisible()
    assert card.signed.isVisible() and "read-only" in card.signed.text() and "Signed by you" in card.signed.text()
    assert card.draft_slot() is None
    card.start_editing()
    assert not card.editing, "a signed note cannot be opened for changes"
    signed = next(n for n in ws.records.list_for_person("note_entry", pid) if n.body.endswith("Pick-up at 9."))  # type: ignore[attr-defined]
    assert signed.signed_by == ws.identity.user_id  # type: ignore[attr-defined]


def test_history_shows_the_edits(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "details")
    type_into(qtbot, page.details.fields.widgets["pronouns"], "they/them")
    type_into(qtbot, page.details.fields.widgets["safe_times"], "mornings")
    qtbot.mouseClick(page.details.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    page.show_section("notes")
    qtbot.keyClicks(page.notes.composer.editor, "Short check-in.")
    qtbot.mouseClick(page.notes.composer.add_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, runner)
    qtbot.keyClick(page, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.location() == (pid, "history")
    model = page.history.model
    actions = [model.row_text(r)[1] for r in range(model.rowCount())]
    assert actions[:3] == ["Added a note", "Changed pronouns, safe times", "Viewed"]
    assert {model.row_text(r)[2] for r in range(model.rowCount())} == {"You"}
    assert model.row_text(0)[3] == "This computer"
    assert "Added this person" in actions


# --- drafts -------------------------------------------------------------------------------------------------------


def test_drafts_come_back_exactly_after_clear_and_reopen(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "notes")
    composer = page.notes.composer.editor
    composer.setFocus()
    qtbot.keyClicks(composer, "She wants to talk again on Thursday")
    for _ in range(8):
        qtbot.keyClick(composer, Qt.Key.Key_Left)
    cursor = composer.textCursor().position()
    assert cursor == len("She wants to talk again on Thursday") - 8

    page.show_section("details")
    type_into(qtbot, page.details.fields.widgets["pronouns"], "they/them")
    choose(qtbot, page.details.fields.widgets["safe_to_text"], "No")  # type: ignore[arg-type]
    pronouns_cursor = page.details.fields.widgets["pronouns"].cursorPosition()  # type: ignore[attr-defined]

    page.show_section("justice")
    type_into(qtbot, page.justice.editor.fields.widgets["county"], "Birch County")
    justice_id = page.justice.editor.record_id

    drafts = collect_drafts(page)
    assert set(drafts) == {f"note:{pid}", f"person-details:{pid}", f"justice:{pid}:{justice_id}"}
    place = page.location()
    assert place == (pid, "justice")

    page.clear()
    assert page.location() is None and collect_drafts(page) == {}

    open_person(qtbot, page, ws, pid, "notes")
    placed = restore_drafts(page, drafts)
    assert placed == set(drafts)
    assert composer.toPlainText() == "She wants to talk again on Thursday"
    assert composer.textCursor().position() == cursor
    pronouns = page.details.fields.widgets["pronouns"]
    assert pronouns.text() == "they/them" and pronouns.cursorPosition() == pronouns_cursor  # type: ignore[attr-defined]
    assert page.details.fields.widgets["safe_to_text"].currentText() == "No"  # type: ignore[attr-defined]
    assert page.justice.editor.fields.widgets["county"].text() == "Birch County"  # type: ignore[attr-defined]
    assert page.details.has_draft() and page.justice.editor.has_draft() and page.notes.composer.has_draft()
    assert page.details.save_button.isEnabled()
    assert ws.records.get("person", pid).pronouns == "she/her", "a draft is not a save"  # type: ignore[attr-defined]

    def without_focus(d: dict) -> dict:  # type: ignore[type-arg]
        return {slot: {k: v for k, v in state.items() if k != "focus"} for slot, state in d.items()}

    assert without_focus(collect_drafts(page)) == without_focus(drafts)


def test_typing_a_note_before_the_person_has_loaded_is_kept(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    page.open(ws, pid, "notes")
    assert not page.is_loaded and not page.details.isEnabled(), "the forms wait for the record"
    composer = page.notes.composer
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "Quick note")
    assert composer.draft_slot() == f"note:{pid}" and composer.has_draft()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert composer.editor.toPlainText() == "Quick note" and page.details.isEnabled()


def test_a_justice_draft_finds_its_matter_even_when_another_is_open(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "justice")
    editor = page.justice.editor
    qtbot.mouseClick(page.justice.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, editor.fields.widgets["role"], "Witness")  # type: ignore[arg-type]
    qtbot.mouseClick(editor.charges.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.charges.rows[0].offence, "Assault")
    drafts = collect_drafts(page)
    assert list(drafts) == [f"justice:{pid}:new"]
    page.clear()
    open_person(qtbot, page, ws, pid, "justice")
    assert editor.record_id is not None, "on opening, the editor shows the first matter"
    assert restore_drafts(page, drafts) == {f"justice:{pid}:new"}
    assert editor.record_id is None and editor.fields.widgets["role"].currentText() == "Witness"  # type: ignore[attr-defined]
    assert [r.offence.text() for r in editor.charges.rows] == ["Assault"]


def test_a_note_being_changed_is_a_draft_too(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "notes")
    card = _cards(page)[0]
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    card.editor.moveCursor(card.editor.textCursor().MoveOperation.Start)
    qtbot.keyClicks(card.editor, "Update: ")
    drafts = collect_drafts(page)
    slot = f"note-edit:{pid}:{card.note.id}"
    assert list(drafts) == [slot] and drafts[slot]["cursor"] == len("Update: ")
    page.clear()
    open_person(qtbot, page, ws, pid, "notes")
    restore_drafts(page, drafts)
    card = _cards(page)[0]
    assert card.editing and card.editor.toPlainText() == "Update: Met at the library, as she chose."
    assert card.editor.textCursor().position() == len("Update: ")


# --- safety: clear, stale results, names ------------------------------------------------------------------------


def _all_text(root: QWidget) -> list[str]:
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        texts += [label.text(), label.toolTip(), label.accessibleDescription()]
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.text())
    for editor in [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]:
        texts.append(editor.toPlainText())
    for lst in root.findChildren(QListWidget):
        texts += [lst.item(i).text() for i in range(lst.count())]
    for model in root.findChildren(QAbstractItemModel):
        top = QModelIndex()
        for row in range(model.rowCount(top)):
            for col in range(16):  # a list model keeps columnCount() private: walk until an index is invalid
                index = model.index(row, col, top)
                if not index.isValid():
                    break
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    texts.append("" if value is None else str(value))
    return texts


def test_clear_leaves_no_person_text_anywhere(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "notes")
    qtbot.keyClicks(page.notes.composer.editor, "Draft about Rowan")
    _cards(page)[0].start_editing()
    page.show_section("justice")
    qtbot.mouseClick(page.justice.editor.copy_button, Qt.MouseButton.LeftButton)
    secrets = [NAME, "Rowena", "she/her", "Spanish", DOCKET, "Alder County", "Wage theft", "Demo Labour Code",
               "library", "Draft about", "weekdays after 6 pm", "Do not leave voicemail", "Advocacy"]  # fmt: skip
    before = "\n".join(_all_text(page))
    assert all(s in before for s in secrets if s != "Draft about") and "Draft about" in before

    page.clear()
    after = "\n".join(_all_text(page))
    for secret in secrets:
        assert secret not in after, secret
    assert page.location() is None
    assert page.notes.cards == [] and page.justice.editor.charges.rows == []
    idle(qtbot, runner)
    assert page.header.name.text() == "", "nothing arrives after clear()"


def test_results_for_a_person_no_longer_open_are_dropped(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    others = [r.id for r in ws.people.search("", limit=3) if r.id != pid]
    page.open(ws, others[0], "overview")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, "details")
    idle(qtbot, runner)
    assert page.header.name.text() == NAME and page.details.fields.widgets["preferred_name"].text() == NAME  # type: ignore[attr-defined]

    page.open(ws, others[0], "overview")
    page.clear()
    idle(qtbot, runner)
    qtbot.wait(50)
    assert page.header.name.text() == "" and page.location() is None and not page.is_loaded


def test_every_interactive_widget_has_an_accessible_name(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "notes")
    _cards(page)[0].start_editing()
    qtbot.mouseClick(page.justice.editor.charges.add_button, Qt.MouseButton.LeftButton)
    missing = []
    for widget in page.findChildren(QWidget):
        interactive = isinstance(widget, QAbstractButton | QComboBox | QLineEdit | QPlainTextEdit | QTextEdit) or (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(widget, QLabel)
        )
        if interactive and not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    assert not missing, missing


def test_tab_order_runs_header_sections_then_the_section(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, "details")
    page.header.back_button.setFocus()
    qtbot.keyClick(page.header.back_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.nav
    qtbot.keyClick(page.nav, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None and page.details.isAncestorOf(focus)
    order = [QApplication.focusWidget()]
    for _ in range(len(page.details.fields.widgets) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == list(page.details.fields.widgets.values()), "fields in reading order"


def test_the_person_workspace_text_follows_the_language_guide(qtbot, page, ws, pid) -> None:  # type: ignore[no-untyped-def]
    banned = ("refused", "uncooperative", "non-compliant", "noncompliant", "prostitute", "illegal alien", "positive",
              "rescued", "addict")  # fmt: skip
    for other in [r.id for r in ws.people.search("", limit=8)]:
        page.clear()
        open_person(qtbot, page, ws, other)
        for text in _all_text(page):
            lowered = text.lower()
            assert not any(word in lowered for word in banned), text
    for button in page.findChildren(QAbstractButton):
        assert not any(word in button.text().lower() for word in banned)


# --- screenshots ---------------------------------------------------------------------------------------------------


def _shoot(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, tag: str) -> list[Path]:  # type: ignore[no-untyped-def]
    # One unsigned note of one's own, so the shots show both kinds of entry.
    ws.records.create("note_entry", {"parent_type": "person", "parent_id": pid,
                                     "body": "Called at the time she chose. She wants to think about the housing "
                                             "referral and will text on Friday."}, person_id=pid)  # fmt: skip
    open_person(qtbot, page, ws, pid, "overview")
    saved = []
    for key in SECTION_KEYS:
        page.show_section(key)
        qtbot.wait(30)
        saved.append(shot(page, f"{tag}-{key}"))
    return saved


def _richest_person(ws: Workspace) -> str:
    for row in ws.people.search("", limit=40):
        if ws.records.list_for_person("justice_contact", row.id) and len(
            ws.records.list_for_person("note_entry", row.id)
        ) > 1 and ws.records.list_for_person("referral", row.id):
            return row.id
    raise AssertionError("no demo person with justice contacts, notes and referrals")


def test_screenshots_at_1280_by_800(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    paths = _shoot(qtbot, page, ws, _richest_person(ws), "100")
    assert all(p.stat().st_size > 5000 for p in paths)


@pytest.fixture
def big_text() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    use_readable_font(app)
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    yield
    app.setFont(original)


def test_screenshots_at_200_percent_text(qtbot, big_text, runner, ws) -> None:  # type: ignore[no-untyped-def]
    w = PersonWorkspace(runner)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    paths = _shoot(qtbot, w, ws, _richest_person(ws), "200")
    assert all(p.stat().st_size > 5000 for p in paths)
    # At this size the forms stack instead of squeezing side by side.
    w.show_section("details")
    qtbot.wait(30)
    assert w.details.groups.direction().name == "TopToBottom"
