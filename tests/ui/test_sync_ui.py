"""Sync in the app, driven like a person would, against a real office server process over TLS on loopback.

Enrol with a wrong and then a right fingerprint; preview, stop and carry on; a dropped connection and resuming; two
people changing the same field offline and the second deciding on the merge screen; a disclosure whose consent was
withdrawn leaving the prosecution laptop with the reason said. Screenshots of each screen are saved (1100×750) in
the ``shots`` folder (``OFFRAMP_SHOTS/test_sync_ui`` when that is set, else the test's own temporary folder).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.workspace import Workspace
from app.protocol import certs
from app.server.models import Conflict
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync import run, state
from app.ui.main_window import MainWindow
from app.ui.qt import Qt, QWidget
from app.ui.sync_dialogs import EnrolDialog, MergeDialog, SyncDialog
from app.ui.tasks import TaskRunner
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office, _start
from tests.sync.conftest import Laptop, consent_values, make_laptop, sqlite_office, stop
from tests.ui import helpers
from tests.ui.helpers import assert_all_named, button, click, field, use_readable_font

WAIT = 30_000


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text for the screenshots to mean anything."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with sqlite_office(
        tmp_path_factory.mktemp("ui-office"), [("Advocacy A", "advocacy"), ("Prosecution P", "prosecution")]
    ) as the:
        yield the


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[object]:
    made: list[Laptop] = []

    def factory(team: str = "Advocacy A", role: str = "advocate") -> Laptop:
        laptop = make_laptop(office, tmp_path / f"laptop{len(made)}", team, role)
        _point(laptop.ws, office)
        made.append(laptop)
        return laptop

    yield factory
    for laptop in made:
        laptop.close()


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    use_readable_font()
    r = TaskRunner()
    yield r
    r.shutdown()


def _point(ws: Workspace, office: Office) -> None:
    """The test server moves port when restarted; the enrolled address follows it."""
    with ws.session() as s, s.begin():
        state.put(s, state.SERVER_URL, office.url)


def shot(widget: QWidget, name: str) -> Path:
    widget.resize(1100, 750)
    return helpers.shot(widget, name)


def sync_dialog(qtbot, ws: Workspace, runner: TaskRunner) -> SyncDialog:  # type: ignore[no-untyped-def]
    dialog = SyncDialog(ws, runner, timeout=20)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: button(dialog, "Sync now").isEnabled() or "not" in dialog.heading.text(), timeout=WAIT)
    return dialog


def run_to_summary(qtbot, dialog: SyncDialog, go: str = "Sync now") -> str:  # type: ignore[no-untyped-def]
    click(qtbot, dialog, go)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.heading.text() == "Sync finished", dialog.body.text()
    return dialog.body.text()


# --- enrol --------------------------------------------------------------------------------------------------------


def test_enrol_stops_on_a_wrong_fingerprint_then_works(qtbot, office: Office, tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    unlocked, _code = Vault(tmp_path / "new").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        Workspace(unlocked).records.create("person", {"preferred_name": "Avery Example"})
        dialog = EnrolDialog(unlocked, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        assert_all_named(dialog)
        username = office.user("Advocacy A", "advocate")
        right = certs.fingerprint(office.ca_pem)
        first = right[0]
        wrong = ("B" if first != "B" else "C") + right[1:]  # a well-formed fingerprint of another certificate

        qtbot.keyClicks(field(dialog, "Server address"), office.url)
        qtbot.keyClicks(field(dialog, "One-time code"), office.code(username))
        qtbot.keyClicks(field(dialog, "Fingerprint"), wrong)
        qtbot.keyClicks(field(dialog, "Your passphrase"), TEST_PASSPHRASE)
        qtbot.keyClick(field(dialog, "Your passphrase"), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: field(dialog, "Fingerprint").isEnabled(), timeout=WAIT)
        assert "does not match the fingerprint on the enrollment sheet" in dialog.status.text()
        assert "continue" not in dialog.status.text().lower()
        assert unlocked.identity.kind != "enrolled"
        assert [b.accessibleName() for b in dialog.findChildren(type(button(dialog, "Cancel"))) if b.isVisible()] == [
            "Cancel",
            "Enroll this computer",
        ]  # no way to carry on anyway
        shot(dialog, "enrol-mismatch")

        # Pasted in lower case with the spaces gone: forgiving.
        fp = field(dialog, "Fingerprint")
        fp.clear()
        qtbot.keyClicks(fp, right.replace(" ", "").replace("-", "").lower())
        click(qtbot, dialog, "Enroll this computer")
        qtbot.waitUntil(lambda: dialog._done, timeout=WAIT)
        assert f"enrolled with Riverside Office as {username} (Advocacy A)" in dialog.status.text()
        assert "1 record already here will go to the office" in dialog.status.text()
        assert unlocked.identity.kind == "enrolled"
        shot(dialog, "enrol-done")
    finally:
        unlocked.lock()


# --- sync: preview, stop, carry on ---------------------------------------------------------------------------------


def _share(ws: Workspace, office: Office) -> tuple[str, str, str]:
    person = ws.records.create("person", {"preferred_name": "Sam Example"})
    consent = ws.records.create("consent", consent_values(), person_id=person.id)
    disclosure = ws.records.create(
        "disclosure",
        {
            "recipient": "Prosecution P", "recipient_team_id": office.teams["Prosecution P"],
            "facts": "Statements: the statement of 3 March.", "disclosed_on": consent.starts_on,
            "allowed": True, "visibility": "shared_with_prosecution", "privileged": False, "consent_id": consent.id,
        },
        person_id=person.id,
    )  # fmt: skip
    return person.id, consent.id, disclosure.id


def test_sync_previews_then_stops_then_carries_on_to_a_summary(qtbot, office: Office, laptops, runner) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops()
    ws = a.ws
    _share(ws, office)
    dialog = sync_dialog(qtbot, ws, runner)
    text = dialog.body.text()
    assert office.url in text
    assert "To send from this computer: 1 consent, 1 shared record, 1 person." in text
    assert "shared with Prosecution P for Case preparation, until" in text
    assert_all_named(dialog)
    shot(dialog, "preview")

    dialog.cancel_event.set()  # stopped before the first request: nothing leaves
    click(qtbot, dialog, "Sync now")
    dialog.stop()
    assert dialog.step.text() == "Stopping after the step under way…"
    shot(dialog, "progress")
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.heading.text() == "Sync stopped"
    assert len(a.outbox()) == 3

    body = run_to_summary(qtbot, dialog, "Carry on syncing")
    assert "Sent to the office: 3 changes." in body
    assert "Needs your decision: nothing." in body
    assert a.outbox() == []
    shot(dialog, "summary")


def test_a_dropped_connection_says_so_and_resumes(qtbot, office: Office, laptops, runner) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops()
    a.ws.records.create("person", {"preferred_name": "Jordan Example"})
    dialog = sync_dialog(qtbot, a.ws, runner)
    stop(office)  # the office goes away between the preview and the sync
    try:
        click(qtbot, dialog, "Sync now")
        qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
        assert dialog.heading.text() == "The connection was lost"
        assert "Nothing was lost" in dialog.body.text()
        assert len(a.outbox()) == 1
        shot(dialog, "connection-lost")
    finally:
        _start(office)
    _point(a.ws, office)
    body = run_to_summary(qtbot, dialog, "Try again")
    assert "Sent to the office: 1 change." in body
    assert a.outbox() == []


# --- conflicts on the merge screen --------------------------------------------------------------------------------


def test_same_field_changed_twice_is_decided_on_the_merge_screen(qtbot, office: Office, laptops, runner) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops()
    b: Laptop = laptops()
    person = a.ws.records.create("person", {"preferred_name": "Rowan Example", "safe_times": "Mornings"})
    a.sync()
    b.sync()
    a.ws.records.update("person", person.id, {"safe_times": "Mornings before 10"})
    b.ws.records.update("person", person.id, {"safe_times": "Evenings after 6"})
    a.sync()

    dialog = sync_dialog(qtbot, b.ws, runner)
    body = run_to_summary(qtbot, dialog)
    assert "Needs your decision: 1 change two people made differently." in body
    assert button(dialog, "Decide now").isVisible()
    shot(dialog, "summary-needs-decision")

    merge = MergeDialog(b.ws, runner)
    qtbot.addWidget(merge)
    merge.show()
    qtbot.waitUntil(lambda: merge.list.count() == 1, timeout=WAIT)
    assert_all_named(merge)
    assert "Rowan Example" in merge.list.item(0).text()
    labels = [w.text() for w in merge.detail_area.widget().findChildren(type(merge.status))]
    assert "It started as: Mornings" in labels
    assert "Mornings before 10" in labels and "Evenings after 6" in labels
    assert any(t.endswith(tuple("0123456789")) and ", on this computer, " in t for t in labels)
    assert merge.combined is not None
    shot(merge, "merge")

    merge.combined.setFocus()
    merge.combined.selectAll()
    qtbot.keyClicks(merge.combined, "Mornings before 10 or evenings after 6")
    assert merge.combined_choice is not None and merge.combined_choice.isChecked()
    click(qtbot, merge, "Keep the chosen value")
    qtbot.waitUntil(lambda: merge.list.count() == 0, timeout=WAIT)
    assert "goes to the office with your next sync" in merge.status.text()

    again = sync_dialog(qtbot, b.ws, runner)
    assert "To send from this computer: 1 person." in again.body.text()
    run_to_summary(qtbot, again)
    with office.engine.connect() as conn:
        rows = conn.execute(sa.select(Conflict.resolved_by).where(Conflict.record_id == person.id)).all()
    assert [r.resolved_by is not None for r in rows] == [True]
    a.sync()
    assert a.records("person")[person.id].safe_times == "Mornings before 10 or evenings after 6"


# --- a withdrawn consent -----------------------------------------------------------------------------------------


def test_withdrawn_consent_removes_the_record_with_the_reason(qtbot, office: Office, laptops, runner) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops()
    p: Laptop = laptops("Prosecution P", "prosecutor")
    _person_id, consent_id, disclosure_id = _share(a.ws, office)
    a.sync()
    p.sync()
    assert disclosure_id in p.records("disclosure")  # (the module's office may hold others shared earlier)

    a.ws.records.update("consent", consent_id, {"revoked_on": dt.date.today()})
    a.sync()
    dialog = sync_dialog(qtbot, p.ws, runner)
    body = run_to_summary(qtbot, dialog)
    assert "Removed from this computer (the office keeps them):" in body
    assert "1 shared record: the consent it was shared under ended or was withdrawn." in body
    assert disclosure_id not in p.records("disclosure")
    shot(dialog, "summary-removed")


# --- the main window ---------------------------------------------------------------------------------------------


def test_the_window_offers_sync_and_reminds_about_changes_left_unsynced(qtbot, office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops()
    a.ws.records.create("person", {"preferred_name": "Casey Example"})
    from app.models import OutboxEntry

    with a.vault.session() as s, s.begin():
        s.execute(sa.update(OutboxEntry).values(created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=9)))
    assert run.unsynced_days(a.ws) == 9
    folder = a.folder
    a.close()
    use_readable_font()
    win = MainWindow(Vault(folder), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    try:
        win.unlock_page.passphrase.setFocus()
        qtbot.keyClicks(win.unlock_page.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
        controls = win.sync_controls
        qtbot.waitUntil(lambda: controls.banner_bar.isVisible(), timeout=WAIT)
        assert "not synced with your office for 9 days" in controls.banner.text()
        assert controls.sync_action.isEnabled() and not controls.enrol_action.isEnabled()
        assert button(win.toolbar, "Sync now").isEnabled()
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus == ["&Vault", "&Person", "&Office", "&Help"]  # Help stays last
        shot(win, "window-banner")
        win.lock()
        assert not controls.sync_action.isEnabled() and not controls.banner_bar.isVisible()
    finally:
        win.close()


def test_a_conflict_decided_differently_says_so_on_the_merge_screen(qtbot, office: Office, laptops, runner) -> None:  # type: ignore[no-untyped-def]
    """Two people decided one conflict differently (issue 21, item 7): the screen says so, shows whose decision each
    version was, and keeps every version to choose from."""
    from app.core import conflicts

    a: Laptop = laptops()
    b: Laptop = laptops()
    c: Laptop = laptops()
    person = a.ws.records.create("person", {"preferred_name": "Rowan Example", "safe_times": "Any time"})
    for laptop in (a, b, c):
        run.run_sync(laptop.ws, timeout=20)
    a.ws.records.update("person", person.id, {"safe_times": "Early"})
    b.ws.records.update("person", person.id, {"safe_times": "Late"})
    for laptop in (a, b, c):
        run.run_sync(laptop.ws, timeout=20)
    for laptop, value in ((b, "Late"), (c, "Noon")):
        (group,) = [g for g in conflicts.groups(laptop.ws) if g.record_id == person.id]
        conflicts.decide(laptop.ws, group, value)
    for laptop in (b, c, a):
        run.run_sync(laptop.ws, timeout=20)

    merge = MergeDialog(a.ws, runner)
    qtbot.addWidget(merge)
    merge.show()
    qtbot.waitUntil(lambda: merge.list.count() >= 1, timeout=WAIT)
    rows = [i for i in range(merge.list.count()) if "Rowan Example" in merge.list.item(i).text()]
    merge.list.setCurrentRow(rows[-1])
    assert_all_named(merge)
    labels = [w.text() for w in merge.detail_area.widget().findChildren(type(merge.status))]
    assert any(t.startswith("Someone decided this differently") for t in labels)
    assert {"Early", "Late", "Noon"} <= set(labels)
    assert sum("'s decision, " in t for t in labels) == 2
    shot(merge, "merge-decided-differently")
