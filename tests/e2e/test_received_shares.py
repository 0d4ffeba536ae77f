"""Journey (issue 18, item 4): an advocate shares agreed facts with the prosecution under the person's release; the
prosecutor's window syncs, finds the share under "Shared by advocates", says which of their people it is about, and
reads it on that person's page; the person withdraws the release, both sync, and the prosecutor's page says a share
was withdrawn and when, and nothing of what it said is left in the prosecutor's vault.

A real office server on loopback (TLS), real enrolled vaults (the setup of test_share_with_prosecution.py); the
prosecutor's window is driven with keys and clicks, its widgets found by accessible name. All people are fictional."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import office_policy
from app.core.consent import ConsentService
from app.core.settings import Settings
from app.core.timeline import day_words
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.qt import QAbstractButton, QApplication, QLineEdit, QListWidget, QPlainTextEdit, Qt
from app.ui.received import ReceivedSharesDialog
from tests.conftest import TEST_PASSPHRASE
from tests.e2e.shares import advocate_shares, every_value
from tests.e2e.test_share_with_prosecution import _sync_in_the_window, _unlock, named, press, shot
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, make_laptop

WAIT = 30_000
TODAY = dt.date.today()


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    advocate = make_laptop(office, tmp_path / "advocate", "Advocacy A", "advocate")
    prosecutor = make_laptop(office, tmp_path / "prosecutor", "Prosecution P", "prosecutor")
    yield advocate, prosecutor
    for laptop in (advocate, prosecutor):
        laptop.close()  # locking twice is harmless: the prosecutor's vault was handed to the window


def _the_advocates_share(a: Laptop) -> tuple[str, str]:
    """Mara, with a court date and a release to Prosecution P covering her name and court dates; both shared."""
    return advocate_shares(
        a, "Mara Fictional", dt.datetime(2027, 2, 3, 9, 30), ["Name: Mara Fictional", "Court dates: 3 Feb 2027"],
        purpose="Preparing for trial", days=(3, 90),
    )  # fmt: skip


def _every_value(folder: Path) -> str:
    return every_value(folder, TEST_PASSPHRASE)


def test_a_share_received_linked_read_then_withdrawn(qtbot, office: Office, laptops, shots: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = laptops
    # The prosecutor's own file on her, as a defendant, made before anything was shared.
    own = p.ws.records.create("person", {"preferred_name": "Mara Fictional", "pronouns": "she/her"}).id
    p.ws.records.create("person", {"preferred_name": "Noor Fictional"})
    _mara, release = _the_advocates_share(a)
    folder = p.folder
    p.close()

    from tests.ui.helpers import use_readable_font

    use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(folder.parent / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    try:
        _unlock(qtbot, win)
        # Before Sync now nothing waits; after it, the share does.
        qtbot.waitUntil(lambda: win.received_action.isVisible(), timeout=WAIT)
        assert win.received_action.text() == "Shared by &advocates…"
        _sync_in_the_window(qtbot, win)
        qtbot.waitUntil(lambda: win.received_action.text() == "Shared by &advocates (1)…", timeout=WAIT)

        # Person > Shared by advocates (1)…
        win.person_menu.setFocus()
        win.received_action.trigger()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(ReceivedSharesDialog)), timeout=WAIT)
        dialog = next(d for d in win.findChildren(ReceivedSharesDialog) if d.isVisible())
        inbox = named(dialog, "Shares waiting", QListWidget)
        qtbot.waitUntil(lambda: inbox.count() == 1, timeout=WAIT)
        assert inbox.item(0).text() == f"Mara Fictional\nShared on {day_words(TODAY)}; covers name, court dates"
        facts = named(dialog, "What was shared", QPlainTextEdit)
        assert facts.toPlainText() == "Name: Mara Fictional\nCourt dates: 3 Feb 2027" and facts.isReadOnly()
        assert "landlord" not in facts.toPlainText() + dialog.release.text()
        # The office sends the share, not the release: the share carries the release's last day.
        until = day_words(TODAY + dt.timedelta(days=90))
        assert dialog.release.text() == (
            f"Shared by the advocate under a release until {until}. Shared on {day_words(TODAY)} with Prosecution P; "
            "it covers name, court dates."
        )
        search = named(dialog, "Find the person", QLineEdit)
        assert search.text() == "Mara Fictional"
        found = named(dialog, "People found", QListWidget)
        qtbot.waitUntil(lambda: found.count() == 1, timeout=WAIT)
        assert found.item(0).text() == "Mara Fictional (she/her)"
        shot(dialog, shots, "received-1-inbox")
        found.setFocus()
        qtbot.keyClick(found, Qt.Key.Key_Return)  # This is about this person
        qtbot.waitUntil(lambda: inbox.count() == 0, timeout=WAIT)
        assert dialog.status.text().startswith("Linked to Mara Fictional.")
        qtbot.waitUntil(lambda: win.received_action.text() == "Shared by &advocates…", timeout=WAIT)
        press(qtbot, named(dialog, "Open their page"))
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=WAIT)
        qtbot.waitUntil(lambda: not win.runner.busy and win.person_page.is_loaded, timeout=WAIT)
        assert win.person_page.location() == (own, "received")
        section = win.person_page.received
        qtbot.waitUntil(lambda: section.entries.count() == 1, timeout=WAIT)
        text = section.entries.item(0).text()
        assert text.startswith(f"Shared by the advocate under a release until {until}\n")
        assert (
            "Name: Mara Fictional" in text and "Court dates: 3 Feb 2027" in text and "covers name, court dates" in text
        )
        shot(win, shots, "received-2-persons-page")

        # The person withdraws the release; the advocate syncs; the prosecutor's Sync now takes the share back.
        ConsentService(a.ws).revoke(release, TODAY, "The person asked to stop sharing")
        a.sync()
        _sync_in_the_window(qtbot, win)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
        with win.workspace.session() as s:  # type: ignore[union-attr]
            day = office_policy.today(s)
        qtbot.waitUntil(lambda: section.entries.count() == 1 and "withdrawn" in section.entries.item(0).text(),
                        timeout=WAIT)  # fmt: skip
        assert win.person_page.location() == (own, "received")
        assert [section.entries.item(i).text() for i in range(section.entries.count())] == [
            f"A share from the advocate (name, court dates) was withdrawn on {day_words(day)}. What it said is no "
            "longer on this computer."
        ]
        shot(win, shots, "received-3-withdrawn")
        for button in win.findChildren(QAbstractButton):
            if button.isVisible():
                assert button.accessibleName(), type(button).__name__
    finally:
        win.close()
        QApplication.processEvents()

    # Nothing of what was shared is left in any table of the prosecutor's vault; the kinds and the day are.
    held = _every_value(folder)
    assert "3 Feb 2027" not in held and "Court dates: " not in held
    assert "Mara Fictional" in held  # the prosecutor's own record of her, made before the share
    assert "Court dates" in held
