"""Shares received from advocates, in the window (issue 18, item 4): the toolbar's count and the Person menu on a
prosecution vault only; the inbox dialog read and linked by keyboard, or a new person made with the shared name; the
person's "Shared by the advocate" section, then what it says once sync took the share back. Real vaults; shares are
stored as the sync client stores them (tests/unit/test_received.py), and evicted by its own code. Fictional people."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from pathlib import Path
from typing import Any

from app.core.settings import Settings
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.new_person import NewPersonDialog
from app.ui.person.received import ReceivedSection
from app.ui.qt import QAbstractButton, QApplication, QLineEdit, QListWidget, QPlainTextEdit, Qt, QWidget
from app.ui.received import ReceivedSharesDialog
from tests.conftest import TEST_PASSPHRASE
from tests.ui import helpers
from tests.unit.test_received import FACTS, evict, received

WAIT = 15_000
TODAY = dt.date.today()


def named(root: QWidget, name: str, kind: type[QWidget] = QAbstractButton) -> Any:
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"expected one visible {kind.__name__} named {name!r}, found {len(found)}"
    return found[0]


def entries(section: ReceivedSection) -> list[str]:
    return (
        [section.entries.item(i).text() for i in range(section.entries.count())] if section.entries.isVisible() else []
    )


def test_a_linked_share_shows_read_only_then_only_that_it_was_withdrawn(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        from app.core.received import ReceivedShares

        dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
        share = received(ws, shared_on=TODAY - dt.timedelta(days=1))
        page = helpers.show_person_workspace(qtbot, runner)
        helpers.open_section(qtbot, page, ws, dana, runner, "received")
        section = page.received
        assert page.section == "received"
        listed = [page.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.nav.count())]
        assert "received" in listed
        assert entries(section) == [] and "Nothing shared by an advocate is linked" in section.summary.text()
        assert section.summary.isVisible()

        ReceivedShares(ws).link(share, dana)
        page.reload()
        helpers.settle(qtbot, runner)
        [text] = entries(section)
        assert section.summary.text() == "1 share from the advocate, read-only."
        assert text.startswith("Shared by the advocate under the person's release (its end date is not on this")
        assert (
            f"Shared on {day_words(TODAY - dt.timedelta(days=1))} with Prosecution P. It covers name, court dates"
            in text
        )
        for line in FACTS.splitlines():
            assert line in text
        helpers.assert_all_named(section)
        helpers.shot(page, "received-section-shared")

        # The release lapses; sync takes the share back: the page says when, and the kinds, not what it said.
        evict(ws, [share])
        page.reload()
        helpers.settle(qtbot, runner)
        from app.core import office_policy

        with ws.session() as s:
            day = office_policy.today(s)
        assert entries(section) == [
            f"A share from the advocate (name, court dates) was withdrawn on {day_words(day)}. What it said is no "
            "longer on this computer."
        ]
        assert section.summary.text() == "1 share was withdrawn since."
        assert "Rosa" not in section.summary.text() + "".join(entries(section))
        helpers.shot(page, "received-section-withdrawn")
        page.clear()
        assert section.entries.count() == 0


def test_a_release_this_computer_holds_gives_the_date(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        from app.core.received import ReceivedShares

        dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
        until = TODAY + dt.timedelta(days=60)
        consent = ws.records.create(
            "consent",
            {"recipient": "Prosecution P", "purpose": "Preparing for trial", "data_covered": ["Name"],
             "starts_on": TODAY, "expires_on": until, "method": "written"},
            person_id=dana,
        ).id  # fmt: skip
        ReceivedShares(ws).link(received(ws, consent_id=consent), dana)
        page = helpers.show_person_workspace(qtbot, runner)
        helpers.open_section(qtbot, page, ws, dana, runner, "received")
        [text] = entries(page.received)
        assert text.startswith(f"Shared by the advocate under a release until {day_words(until)}\n")


def test_an_advocates_vault_has_no_such_section(qtbot, runner, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    rosa = ws.records.create("person", {"preferred_name": "Rosa Fictional"}).id
    page = helpers.show_person_workspace(qtbot, runner)
    helpers.open_section(qtbot, page, ws, rosa, runner, "received")
    listed = [page.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.nav.count())]
    assert "received" not in listed and page.section == "overview"


# --- the window -----------------------------------------------------------------------------------------------------


def _window(qtbot, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    helpers.use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(folder.parent / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    field = win.unlock_page.passphrase
    qtbot.waitUntil(field.isEnabled, timeout=WAIT)
    field.setFocus()
    qtbot.keyClicks(field, TEST_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
    return win


def _dialog(qtbot, win: MainWindow) -> ReceivedSharesDialog:  # type: ignore[no-untyped-def]
    helpers.press(qtbot, named(win.people_toolbar, _toolbar_name(win)))
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(ReceivedSharesDialog)), timeout=WAIT)
    dialog = next(d for d in win.findChildren(ReceivedSharesDialog) if d.isVisible())
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
    return dialog


def _toolbar_buttons(win: MainWindow) -> list[QAbstractButton]:
    return [
        b
        for b in win.people_toolbar.findChildren(QAbstractButton)
        if b.isVisible() and b.accessibleName().startswith("Shared by advocates")
    ]


def _toolbar_name(win: MainWindow) -> str:
    """The toolbar button's accessible name, once the toolbar has laid it out."""
    QApplication.processEvents()
    buttons = _toolbar_buttons(win)
    return buttons[0].accessibleName() if len(buttons) == 1 else ""


def test_the_inbox_links_shares_by_keyboard_and_through_a_new_person(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "prosecution"
    unlocked, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    ws = Workspace(unlocked)
    rosa = ws.records.create("person", {"preferred_name": "Rosa Fictional", "pronouns": "she/her"}).id
    ws.records.create("person", {"preferred_name": "Dana Fictional"})
    received(ws, shared_on=TODAY - dt.timedelta(days=3))
    received(ws, facts="Name: Ira Fictional\nDate of birth: 2 May 1994")
    unlocked.lock()

    win = _window(qtbot, folder)
    try:
        qtbot.waitUntil(lambda: _toolbar_name(win) == "Shared by advocates, 2 waiting", timeout=WAIT)
        assert win.received_action.text() == "Shared by &advocates (2)…"
        assert win.received_action in win.person_menu.actions()

        dialog = _dialog(qtbot, win)
        helpers.assert_all_named(dialog)
        inbox = named(dialog, "Shares waiting", QListWidget)
        assert inbox.count() == 2
        assert inbox.item(0).text() == f"Ira Fictional\nShared on {day_words(TODAY)}; covers name, date of birth"
        assert inbox.item(1).text().endswith("; covers name, court dates")  # newest first
        # The older share: read its facts, read-only; the search starts at the shared name.
        inbox.setFocus()
        qtbot.keyClick(inbox, Qt.Key.Key_Down)
        facts = named(dialog, "What was shared", QPlainTextEdit)
        assert facts.toPlainText() == FACTS and facts.isReadOnly()
        assert "(its end date is not on this computer)" in dialog.release.text()
        search = named(dialog, "Find the person", QLineEdit)
        assert search.text() == "Rosa Fictional"
        found = named(dialog, "People found", QListWidget)
        qtbot.waitUntil(lambda: found.count() == 1, timeout=WAIT)
        assert found.item(0).text() == "Rosa Fictional (she/her)"
        helpers.shot(dialog, "received-inbox")
        # Enter on the person found links the share.
        qtbot.keyClick(inbox, Qt.Key.Key_Return)  # Enter on a share moves to the search
        assert search.hasFocus()
        found.setFocus()
        qtbot.keyClick(found, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: inbox.count() == 1, timeout=WAIT)
        assert dialog.status.text() == "Linked to Rosa Fictional. It shows on their page, under Shared by the advocate."
        qtbot.waitUntil(lambda: _toolbar_name(win) == "Shared by advocates, 1 waiting", timeout=WAIT)
        # The share left is the other one; its name fills the search now.
        assert search.text() == "Ira Fictional"
        qtbot.waitUntil(lambda: found.count() == 0, timeout=WAIT)
        qtbot.waitUntil(dialog.no_one.isVisible, timeout=WAIT)
        assert dialog.no_one.text() == (
            "No one here is called Ira Fictional. If the share is about someone new, press Add a new person."
        )

        # Add a new person: the New person form opens with the shared name; made, they are linked and opened.
        helpers.press(qtbot, named(dialog, "Add a new person"))
        qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(NewPersonDialog)), timeout=WAIT)
        form = next(d for d in win.findChildren(NewPersonDialog) if d.isVisible())
        assert named(form, "Name they want to be called (required)", QLineEdit).text() == "Ira Fictional"
        helpers.press(qtbot, named(form, "Continue"))
        # Others here share a family name, so the form may ask first whether Ira is one of them: Ira is someone new.
        qtbot.waitUntil(lambda: not form.isVisible() or form.pages.currentWidget() is form.match_page, timeout=WAIT)
        if form.isVisible():
            helpers.press(qtbot, named(form, "This is someone new"))
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=WAIT)
        qtbot.waitUntil(lambda: win.person_page.section == "received" and not win.runner.busy, timeout=WAIT)
        qtbot.waitUntil(lambda: len(entries(win.person_page.received)) == 1, timeout=WAIT)
        assert "Name: Ira Fictional" in entries(win.person_page.received)[0]
        qtbot.waitUntil(lambda: _toolbar_name(win) == "Shared by advocates, none waiting", timeout=WAIT)
        assert win.received_action.text() == "Shared by &advocates…"
        helpers.shot(win, "received-new-person")

        # Rosa's page has hers.
        with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
            win.open_person(rosa, "received")
        qtbot.waitUntil(lambda: len(entries(win.person_page.received)) == 1, timeout=WAIT)
        assert "Court dates: 12 Jan 2027" in entries(win.person_page.received)[0]

        # Locked: the count and the menu item go with the vault.
        win.lock()
        assert not win.received_action.isVisible()
    finally:
        win.close()


def test_an_advocates_window_has_no_inbox(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "advocacy"
    unlocked, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    unlocked.lock()
    win = _window(qtbot, folder)
    try:
        assert not win.received_action.isVisible()
        qtbot.wait(100)
        assert not _toolbar_buttons(win)
        win.open_received()
        assert not any(d.isVisible() for d in win.findChildren(ReceivedSharesDialog))
    finally:
        win.close()


def test_the_inbox_and_the_section_read_at_200_percent_text(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Twice the text size in a 1280×800 window: the inbox fits, its buttons show whole, nothing scrolls sideways."""
    folder = tmp_path / "prosecution"
    unlocked, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    ws = Workspace(unlocked)
    rosa = ws.records.create("person", {"preferred_name": "Rosa Fictional"}).id
    from app.core.received import ReceivedShares

    ReceivedShares(ws).link(received(ws, release_until=TODAY + dt.timedelta(days=90)), rosa)
    received(
        ws, facts="Name: Ira Fictional\nCourt dates: 12 Jan 2027, hearing on a record-relief petition (Alder Court)"
    )
    unlocked.lock()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    helpers.use_readable_font()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 2)
    app.setFont(bigger)
    try:
        win = _window(qtbot, folder)
        try:
            qtbot.waitUntil(lambda: _toolbar_name(win) == "Shared by advocates, 1 waiting", timeout=WAIT)
            dialog = _dialog(qtbot, win)
            qtbot.waitUntil(lambda: named(dialog, "Shares waiting", QListWidget).count() == 1, timeout=WAIT)
            helpers.shot(dialog, "received-inbox-200")
            assert dialog.width() <= 1280 and dialog.height() <= 800
            for name in ("This is about this person", "Add a new person", "Open their page", "Close"):
                b = named(dialog, name)
                assert b.width() >= b.sizeHint().width() and dialog.rect().contains(b.geometry().translated(
                    b.parentWidget().mapTo(dialog, b.parentWidget().rect().topLeft())
                    if b.parentWidget() is not dialog else b.parentWidget().rect().topLeft()
                )), name  # fmt: skip
            inbox = named(dialog, "Shares waiting", QListWidget)
            assert inbox.horizontalScrollBar().maximum() == 0
            dialog.reject()
            with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
                win.open_person(rosa, "received")
            qtbot.waitUntil(lambda: len(entries(win.person_page.received)) == 1, timeout=WAIT)
            helpers.shot(win, "received-section-200")
            assert win.width() <= 1280 and win.height() <= 800
            assert win.person_page.section_area.horizontalScrollBar().maximum() == 0
        finally:
            win.close()
    finally:
        app.setFont(original)
