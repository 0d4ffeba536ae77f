"""Not accepted by the office, in the real main window (issue 21, item 8), against a real office server process
over TLS on loopback.

A colleague deletes a person while this advocate, offline, writes a note about them. Sync now from the window: the
summary says the note was removed because the office did not accept it and that a copy is kept, the open person's
page is left for the caseload, and "See what was not accepted…" opens the list. The list shows the note with the
reason and what to do; Copy puts the words on the clipboard; Discard asks first (Keep it is the safe choice) and
then forgets it. The Office menu reaches the same list. Screenshots: summary, list, confirmation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import not_accepted
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync import state
from app.ui.main_window import MainWindow
from app.ui.not_accepted import NotAcceptedDialog
from app.ui.qt import QApplication, QDialog, Qt, QWidget
from app.ui.sync_dialogs import SyncDialog
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, make_laptop, sqlite_office
from tests.ui import helpers
from tests.ui.helpers import assert_all_named, button, click, use_readable_font

WAIT = 30_000
NOTE = "Called back on Tuesday; prefers a text before any visit."


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text for the screenshots to mean anything."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with sqlite_office(tmp_path_factory.mktemp("not-accepted-office"), [("Advocacy A", "advocacy")]) as the:
        yield the


def shot(widget: QWidget, name: str) -> Path:
    return helpers.shot(widget, name)


def _open_dialog(kind: type[QDialog], win: MainWindow) -> QDialog:
    found = [d for d in win.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, f"expected one open {kind.__name__}, found {len(found)}"
    return found[0]


def test_a_note_the_office_did_not_accept_is_listed_copied_and_discarded(qtbot, office: Office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    owner: Laptop = make_laptop(office, tmp_path / "owner", "Advocacy A", "advocate")
    author: Laptop = make_laptop(office, tmp_path / "author", "Advocacy A", "advocate")
    person = owner.ws.records.create("person", {"preferred_name": "Robin Example"})
    owner.sync()
    author.sync()
    author.ws.records.create(
        "note_entry", {"parent_type": "person", "parent_id": person.id, "body": NOTE}, person_id=person.id
    )
    owner.ws.records.delete("person", person.id)
    owner.sync()
    owner.close()
    with author.ws.session() as s, s.begin():
        state.put(s, state.SERVER_URL, office.url)
    folder = author.folder
    author.close()

    use_readable_font()
    win = MainWindow(Vault(folder), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1100, 750)
    win.show()
    try:
        win.unlock_page.passphrase.setFocus()
        qtbot.keyClicks(win.unlock_page.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
        controls = win.sync_controls
        qtbot.waitUntil(lambda: controls.sync_action.isEnabled(), timeout=WAIT)
        ws = win._workspace
        assert ws is not None
        # The person is open when the sync starts.
        with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
            win.open_person(person.id)

        controls.sync_action.trigger()
        dialog = _open_dialog(SyncDialog, win)
        qtbot.waitUntil(lambda: button(dialog, "Sync now").isEnabled(), timeout=WAIT)
        click(qtbot, dialog, "Sync now")
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT)
        body = dialog.body.text()
        assert "Not accepted by the office: your work on 1 record." in body
        assert "Nothing you wrote is lost" in body
        assert "1 note: the office did not accept it; your copy is kept here (see below)." in body
        assert "under Office → Not accepted by the office." in body
        assert "Removed from this computer: nothing." not in body
        see = button(dialog, "See what the office did not accept")
        assert see.hasFocus()
        assert_all_named(dialog)
        shot(dialog, "summary-not-accepted")
        # The person a colleague deleted is not left open behind the summary.
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=WAIT)
        assert "no longer on this computer" in win.statusBar().currentMessage()

        qtbot.mouseClick(see, Qt.MouseButton.LeftButton)
        listing = _open_dialog(NotAcceptedDialog, win)
        assert isinstance(listing, NotAcceptedDialog)
        qtbot.waitUntil(lambda: listing.list.count() == 1, timeout=WAIT)
        assert listing.list.item(0).text().startswith("Note about Robin Example")
        page = listing.detail_area.widget()
        labels = [w.text() for w in page.findChildren(type(listing.status))]
        assert any(t.startswith("Why: A colleague deleted this person at the office") for t in labels)
        assert any(t.startswith("What you can do: Copy what you wrote") for t in labels)
        assert NOTE in listing.items[0].text and "Attached to" not in listing.items[0].text
        assert_all_named(listing)
        shot(listing, "not-accepted-list")

        click(qtbot, listing, "Copy what I wrote")
        assert NOTE in QApplication.clipboard().text()
        assert "Copied." in listing.status.text()

        click(qtbot, listing, "Discard this item")
        assert listing.confirm.isVisible() and "cannot be brought back" in listing.confirm.message.text()
        assert button(listing, "Keep it").hasFocus()  # the safe choice is under Enter
        shot(listing, "discard-confirm")
        click(qtbot, listing, "Keep it")
        assert listing.list.count() == 1 and not listing.confirm.isVisible()
        click(qtbot, listing, "Discard this item")
        click(qtbot, listing, "Discard it")
        qtbot.waitUntil(lambda: listing.list.count() == 0, timeout=WAIT)
        assert not_accepted.items(ws) == []
        listing.close()

        # The Office menu reaches the same list, now empty.
        assert controls.not_accepted_action.isEnabled()
        assert controls.not_accepted_action.text() == "&Not accepted by the office…"
        controls.not_accepted_action.trigger()
        again = _open_dialog(NotAcceptedDialog, win)
        qtbot.waitUntil(lambda: not button(again, "Copy what I wrote").isEnabled(), timeout=WAIT)
        again.close()
        win.lock()
        assert not controls.not_accepted_action.isEnabled()
    finally:
        QApplication.clipboard().clear()
        win.close()


def test_the_summary_says_what_waits_and_what_was_not_accepted_in_plain_words() -> None:
    from app.sync.client import Report
    from app.sync.run import Removed, Summary
    from app.ui.sync_dialogs import summary_lines

    report = Report(sent=4, not_accepted={"n1": "note_entry", "p1": "person"}, waiting=2)
    summary = Summary(report=report, removed=[Removed("note_entry", 1, not_accepted.REASON_NOT_ACCEPTED)])
    lines = summary_lines(summary)
    assert "  •  1 note: the office did not accept it; your copy is kept here (see below)." in lines
    assert any(line.startswith("Not accepted by the office: your work on 2 records. Nothing you wrote is lost")
               for line in lines)  # fmt: skip
    assert (
        "Waiting here: 2 changes to a record whose links the office does not have yet. They stay on this computer "
        "and go again with your next sync." in lines
    )
    one = summary_lines(Summary(report=Report(waiting=1)))
    assert "It stays on this computer and goes again with your next sync." in one[-1]
    assert "Removed from this computer: nothing." in one
