"""Journey (issue 15, 4(b)): an advocate shares agreed facts with the prosecution from the window, under the person's
release; Sync now in the window; the prosecution's computer syncs and holds exactly the shared facts and nothing
else of that person; the release is withdrawn in the window; after both sync, the share is gone from the
prosecution's computer. A real office server on loopback (TLS), real enrolled vaults; the window is driven with keys
and clicks, its widgets found by accessible name. All people are fictional."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.consent import ConsentService
from app.core.settings import Settings
from app.core.sharing import SharingService
from app.models import RECORD_TYPES
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.person.referrals import ReferralsSection
from app.ui.person.share import ShareDialog
from app.ui.qt import QAbstractButton, QApplication, QCheckBox, QComboBox, QPushButton, Qt, QWidget
from app.ui.sync_dialogs import SyncDialog
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, make_laptop
from tests.ui.helpers import assert_all_named, use_readable_font

WAIT = 30_000
TODAY = dt.date.today()


# --- finding things as a person does -------------------------------------------------------------------------------


def named(root: QWidget, name: str, kind: type[QWidget] = QAbstractButton) -> Any:
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"expected one visible {kind.__name__} named {name!r}, found {len(found)}"
    return found[0]


def press(qtbot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Space) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled(), widget.accessibleName()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, key)


def shot(widget: QWidget, folder: Path, name: str) -> Path:
    for _ in range(5):
        QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), name
    return path


def link(record: Any, key: str) -> Any:
    """A record's link, also when it points at a record this computer may not hold (then it is kept aside)."""
    return getattr(record, key, None) or ((record.extra or {}).get("_unlinked") or {}).get(key)


def person_records(laptop: Laptop, person_id: str) -> dict[str, list[Any]]:
    """Everything of one person this computer holds, by type."""
    out: dict[str, list[Any]] = {}
    for name in RECORD_TYPES:
        rows = [r for r in laptop.records(name).values() if link(r, "person_id") == person_id]
        if rows:
            out[name] = rows
    return out


# --- the journey ---------------------------------------------------------------------------------------------------


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    advocate = make_laptop(office, tmp_path / "advocate", "Advocacy A", "advocate")
    prosecutor = make_laptop(office, tmp_path / "prosecutor", "Prosecution P", "prosecutor")
    yield advocate, prosecutor
    for laptop in (advocate, prosecutor):
        laptop.close()  # locking twice is harmless: the advocate's vault was handed to the window


def _a_persons_story(a: Laptop) -> tuple[str, str, str]:
    """Rosa, with a court date, a privileged note and a release to Prosecution P; Sam, with a release too."""
    ws = a.ws
    rosa = ws.records.create(
        "person",
        {"preferred_name": "Rosa Fictional", "legal_name": "Rosa M. Fictional", "date_of_birth": dt.date(1994, 5, 2),
         "safe_times": "Weekdays after 6"},
    ).id  # fmt: skip
    ws.records.create(
        "encounter", {"occurred_at": dt.datetime(2027, 1, 12, 9, 30), "kind": "court", "summary": "Pretrial"},
        person_id=rosa,
    )  # fmt: skip
    ws.records.create(
        "note_entry", {"parent_type": "person", "parent_id": rosa, "body": "Privileged: afraid of her cousin"},
        person_id=rosa,
    )  # fmt: skip
    release = ConsentService(ws).record(
        rosa,
        {"recipient": "Prosecution P", "data_covered": ["Name", "Court dates"], "purpose": "Preparing for trial",
         "starts_on": TODAY - dt.timedelta(days=3), "expires_on": TODAY + dt.timedelta(days=90), "method": "written"},
    )  # fmt: skip
    ConsentService(ws).record(
        rosa,
        {"recipient": "Alder Demo Legal Aid", "data_covered": ["Name", "Date of birth"], "purpose": "Referrals",
         "starts_on": TODAY - dt.timedelta(days=3), "expires_on": TODAY + dt.timedelta(days=90), "method": "written"},
    )  # fmt: skip
    sam = ws.records.create("person", {"preferred_name": "Sam Fictional"}).id
    ConsentService(ws).record(
        sam,
        {"recipient": "Prosecution P", "data_covered": ["Name"], "purpose": "Preparing for trial",
         "starts_on": TODAY - dt.timedelta(days=3), "expires_on": TODAY + dt.timedelta(days=90), "method": "written"},
    )  # fmt: skip
    return rosa, sam, release


def _unlock(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    field = win.unlock_page.passphrase
    qtbot.waitUntil(field.isEnabled, timeout=10_000)
    field.setFocus()
    qtbot.keyClicks(field, TEST_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.workspace is not None and win.sync_controls.sync_action.isEnabled(), timeout=WAIT)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)


def _sync_in_the_window(qtbot, win: MainWindow) -> str:  # type: ignore[no-untyped-def]
    """The toolbar's Sync now, read the preview, press Sync now, wait for the summary; the dialog is closed after."""
    press(qtbot, named(win.toolbar, "Sync now"))
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(SyncDialog)), timeout=WAIT)
    dialog = next(d for d in win.findChildren(SyncDialog) if d.isVisible())
    dialog.timeout = 20
    qtbot.waitUntil(lambda: named(dialog, "Sync now", QPushButton).isEnabled(), timeout=WAIT)
    preview = dialog.body.text()
    press(qtbot, named(dialog, "Sync now", QPushButton))
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.heading.text() == "Sync finished", dialog.body.text()
    summary = dialog.body.text()
    dialog.close()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
    return preview + "\n" + summary


def test_share_agreed_facts_with_the_prosecution_then_withdraw(qtbot, office: Office, laptops, shots: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = laptops
    rosa, sam, release = _a_persons_story(a)
    a.sync()  # this computer learns the office's prosecution teams, and the office keeps the records (for advocacy)
    p.sync()
    assert person_records(p, rosa) == {} and person_records(p, sam) == {}
    folder = a.folder
    a.close()

    use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(folder.parent / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    try:
        _unlock(qtbot, win)
        # Open Rosa from the caseload: search, Down into the list, Enter.
        search = win.caseload_page.search
        search.setFocus()
        qtbot.keyClicks(search, "Rosa")
        qtbot.keyClick(search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() == 1, timeout=WAIT)
        qtbot.keyClick(search, Qt.Key.Key_Down)
        with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
            qtbot.keyClick(win.caseload_page.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
        assert (win.person_page.location() or ("", ""))[0] == rosa
        # Referrals & consent is the sixth section: Ctrl+6.
        qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        assert win.person_page.section == "referrals"
        section = win.person_page.sections["referrals"]
        assert isinstance(section, ReferralsSection)
        qtbot.waitUntil(lambda: section.consents.count() == 2 and not win.runner.busy, timeout=WAIT)

        # Share with the prosecution…
        press(qtbot, named(section, "Share with the prosecution"))
        qtbot.waitUntil(lambda: section.share_dialog is not None and section.share_dialog.isVisible(), timeout=WAIT)
        dialog = section.share_dialog
        assert isinstance(dialog, ShareDialog)
        qtbot.waitUntil(lambda: dialog.release_box.count() > 0 and dialog.review_button.isEnabled(), timeout=WAIT)
        assert_all_named(dialog)
        # Only the live release naming a prosecution team is offered, and only the facts it covers.
        box = named(dialog, "Release to share under", QComboBox)
        assert [box.itemText(i) for i in range(box.count())] == [
            f"Prosecution P, for Preparing for trial, until {(TODAY + dt.timedelta(days=90)).day} "
            f"{TODAY + dt.timedelta(days=90):%b %Y}"
        ]
        offered = [c.accessibleName() for c in dialog.findChildren(QCheckBox) if c.isVisible()]
        assert offered == ["Name: Rosa Fictional", "Name: Rosa M. Fictional (legal name)", "Court dates: 12 Jan 2027"]
        shot(dialog, shots, "share-1-choose")

        # Reviewing with nothing ticked says so, and saves nothing.
        press(qtbot, named(dialog, "Review what will be shared", QPushButton))
        assert "tick at least one" in dialog.error.text()
        # Tick the chosen name and the court date, by keyboard.
        press(qtbot, named(dialog, "Name: Rosa Fictional", QCheckBox))
        press(qtbot, named(dialog, "Court dates: 12 Jan 2027", QCheckBox))
        press(qtbot, named(dialog, "Review what will be shared", QPushButton))
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        review = dialog.review_text.text()
        assert "This will go to Prosecution P:\n• Name: Rosa Fictional\n• Court dates: 12 Jan 2027\n" in review
        assert "Under the release: Prosecution P, for Preparing for trial" in review
        assert "until" in review and "goes to the office at your next Sync now" in review
        assert "legal name" not in review and "cousin" not in review
        assert section.share_dialog is dialog and not a_share_exists(win)  # nothing saved before confirming
        shot(dialog, shots, "share-2-review")

        press(qtbot, named(dialog, "Share these facts", QPushButton))
        qtbot.waitUntil(lambda: section.share_dialog is None, timeout=WAIT)  # closed, and let go
        qtbot.waitUntil(lambda: "Shared 2 facts with Prosecution P" in section.status.text(), timeout=WAIT)
        assert "next Sync now" in section.status.text()
        shot(win, shots, "share-3-section-after")

        # Sync now, through the window's own dialog: the preview names the release it travels under.
        words = _sync_in_the_window(qtbot, win)
        assert "shared with Prosecution P for Preparing for trial" in words

        # The prosecution's computer holds exactly the shared facts, and nothing else of Rosa (or of Sam).
        p.sync()
        held = person_records(p, rosa)
        assert list(held) == ["disclosure"], held
        [shared] = held["disclosure"]
        assert shared.facts == "Name: Rosa Fictional\nCourt dates: 12 Jan 2027"
        assert (shared.recipient, link(shared, "consent_id"), shared.privileged) == ("Prosecution P", release, False)
        assert person_records(p, sam) == {}
        everything = " ".join(str(getattr(r, "body", "")) for r in p.records("note_entry").values())
        assert "cousin" not in everything

        # Withdraw the release in the window: it says first which shares lapse.
        section.consents.setFocus()
        row = next(i for i in range(section.consents.count()) if "Prosecution P" in section.consents.item(i).text())
        section.consents.setCurrentRow(row)
        press(qtbot, named(section, "Withdraw the chosen release"))
        qtbot.waitUntil(lambda: section.lapse_note.isVisible(), timeout=WAIT)
        lapse = section.lapse_note.text()
        assert lapse.startswith("1 share with Prosecution P made under this release will lapse (name, court dates)")
        shot(win, shots, "withdraw-says-what-lapses")
        press(qtbot, named(section, "Withdraw it"))
        qtbot.waitUntil(lambda: "The release is withdrawn" in section.status.text(), timeout=WAIT)
        assert "will lapse" in section.status.text()

        _sync_in_the_window(qtbot, win)
        p.sync()
        assert person_records(p, rosa) == {}, "the share is gone from the prosecution's computer"
    finally:
        win.close()


def a_share_exists(win: MainWindow) -> bool:
    ws = win.workspace
    assert ws is not None
    location = win.person_page.location()
    assert location is not None
    return bool(SharingService(ws).shares(location[0]))


def edit_field_width(box: QComboBox) -> int:
    """How wide the part of a drop-down that shows the chosen text is."""
    from PySide6.QtWidgets import QStyleOptionComboBox

    from app.ui.qt import QStyle

    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return field.width()


def blocked_shares(ws: Any, person_id: str) -> list[tuple[str, str | None, list[str]]]:
    """The person's stopped shares in the vault: recipient, facts, and the audit events written about each."""
    from sqlalchemy import select

    from app.models import AuditEvent, Disclosure

    with ws.session() as s:
        rows = s.scalars(select(Disclosure).where(Disclosure.person_id == person_id, Disclosure.allowed.is_(False)))
        out = []
        for d in rows:
            events = s.scalars(select(AuditEvent).where(AuditEvent.record_id == d.id))
            out.append((d.recipient, d.facts, [e.action for e in events if e.action.startswith("disclosure_")]))
    return out


def test_the_share_screen_reads_at_200_percent(qtbot, office: Office, laptops, shots: Path) -> None:  # type: ignore[no-untyped-def]
    """The same dialog with the text twice as large, in a 1280×800 window: everything shows, nothing is cut."""
    a, _p = laptops
    rosa, _sam, _release = _a_persons_story(a)
    kai = a.ws.records.create("person", {"preferred_name": "Kai Fictional"}).id  # no release at all
    a.sync()
    folder = a.folder
    a.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_readable_font()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 2)
    app.setFont(bigger)
    win = MainWindow(Vault(folder), settings=Settings(folder.parent / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    try:
        _unlock(qtbot, win)
        with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
            win.open_person(rosa, "referrals")
        section = win.person_page.sections["referrals"]
        assert isinstance(section, ReferralsSection)
        qtbot.waitUntil(lambda: section.consents.count() == 2 and not win.runner.busy, timeout=WAIT)
        press(qtbot, named(section, "Share with the prosecution"))
        qtbot.waitUntil(lambda: section.share_dialog is not None and section.share_dialog.isVisible(), timeout=WAIT)
        dialog = section.share_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.review_button.isEnabled(), timeout=WAIT)
        assert dialog.width() <= 1280 and dialog.height() <= 800
        # Sized from the window it opens over (most of it), not a fixed size made for small text.
        assert dialog.width() >= win.width() * 0.6 and dialog.height() >= win.height() * 0.75, dialog.size()
        for check in dialog.findChildren(QCheckBox):
            check.setChecked(True)
        shot(dialog, shots, "share-200-choose")
        # The release chosen reads in full in its box, and its whole text is its tooltip and description too.
        box = dialog.release_box
        words = box.currentText()
        assert words.startswith("Prosecution P, for Preparing for trial, until ")
        assert box.toolTip() == words and words in box.accessibleDescription()
        assert box.fontMetrics().horizontalAdvance(words) <= edit_field_width(box), "the release's words are cut"
        # The facts list has room for five rows at least, and each fact shows whole.
        checks = [c for c in dialog.findChildren(QCheckBox) if c.isVisible()]
        assert len(checks) == 3
        row = max(c.height() for c in checks)
        assert dialog.facts_area.viewport().height() >= 5 * row, (dialog.facts_area.viewport().height(), row)
        for check in checks:
            assert check.visibleRegion().boundingRect() == check.rect(), f"{check.text()!r} is cut"
        for b in (dialog.review_button, dialog.cancel_button):
            assert b.width() >= b.sizeHint().width() and dialog.rect().contains(b.geometry())
        press(qtbot, dialog.review_button)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        shot(dialog, shots, "share-200-review")
        assert dialog.share_button.width() >= dialog.share_button.sizeHint().width()
        press(qtbot, named(dialog, "Back to the facts"))
        assert dialog.pages.currentIndex() == 0 and all(c.isChecked() for c in dialog.findChildren(QCheckBox))
        press(qtbot, named(dialog, "Cancel sharing"))
        qtbot.waitUntil(lambda: section.share_dialog is None, timeout=WAIT)  # closed, and let go
        assert SharingService(win.workspace).shares(rosa) == []  # type: ignore[arg-type]  # cancelled: nothing saved

        # Someone with no release: one kind sentence with the way forward, and nothing to tick.
        with qtbot.waitSignal(win.person_page.loaded, timeout=WAIT):
            win.open_person(kai, "referrals")
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)
        press(qtbot, named(section, "Share with the prosecution"))
        qtbot.waitUntil(lambda: section.share_dialog is not None and section.share_dialog.isVisible(), timeout=WAIT)
        stopped = section.share_dialog
        assert stopped is not None and stopped is not dialog
        qtbot.waitUntil(lambda: stopped.stopped.isVisible(), timeout=WAIT)
        assert stopped.stopped_text.text().startswith("Record a release first")
        assert stopped.findChildren(QCheckBox) == [] or not any(c.isVisible() for c in stopped.findChildren(QCheckBox))
        assert not stopped.review_button.isVisible()
        assert_all_named(stopped)
        shot(stopped, shots, "share-200-no-release")
        # Not a large, mostly empty box around one sentence: the box holds its words, the dialog its content.
        text_height = stopped.stopped_text.heightForWidth(stopped.stopped_text.width())
        assert stopped.stopped.height() <= text_height + 40, (stopped.stopped.height(), text_height)
        assert stopped.height() <= stopped.sizeHint().height() + 40, (stopped.height(), stopped.sizeHint())
        press(qtbot, named(stopped, "Close"))
        qtbot.waitUntil(lambda: section.share_dialog is None, timeout=WAIT)
        # The refusal is on record as a share stopped by the core is: a blocked disclosure (no facts: none could
        # be picked) and its audit event; opening the dialog for Rosa, who has a release, and cancelling recorded
        # nothing.
        assert win.workspace is not None
        assert blocked_shares(win.workspace, rosa) == []
        assert blocked_shares(win.workspace, kai) == [("The prosecution", None, ["disclosure_blocked"])]
        synced = _sync_in_the_window(qtbot, win)  # the refusal goes to the office like any other record
        assert "Sent to the office: 1 change" in synced and "not accepted" not in synced.lower(), synced

        # Locking with the dialog open closes it and lets it go: nothing of the person stays on screen.
        press(qtbot, named(section, "Share with the prosecution"))
        qtbot.waitUntil(lambda: section.share_dialog is not None and section.share_dialog.isVisible(), timeout=WAIT)
        win.lock()
        qtbot.waitUntil(lambda: not win.is_unlocked and section.share_dialog is None, timeout=WAIT)
    finally:
        win.close()
        app.setFont(original)
