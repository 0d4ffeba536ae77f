"""Journey (issue 18, item 5): a prosecutor's day at the desk, in the real main window of a prosecution vault enrolled
with a real office server on loopback (TLS), driven with keys and clicks, widgets found by accessible name, as one
walk:

1. a new person (Ctrl+N), recorded as the defendant on a justice matter with a charge the bundled charge rules list
   (loitering);
2. "Consider a screening" appears with its reason; "Start a screening" leads to the Screening section; a short
   screening and an identification decision ("identified");
3. a charging decision "divert" on the matter, linked to the identification decision in force (shown and linked by
   default); then revised once, the history keeping both;
4. a U-visa certification request (I-918 Supplement B) received: its deadline on the Overview and in Person >
   Certification register… while open; decided "certified" and signed; one click puts it in the disclosure review;
5. an advocate (a second enrolled laptop, no window) shares agreed facts under a release naming the prosecution team;
   Sync now in the window; "Shared by advocates" shows it; the prosecutor links it to the person, whose "From the
   advocate" section reads "Shared by the advocate under a release until …", and the charging decision form offers
   it as the advocate's input; the release is withdrawn, both sync, and the page says it was withdrawn and when,
   not what it said;
6. the outcome measures (measure 14) count the charging decisions about this identified defendant as informed.

After each step the vault itself is read to check what was saved. All people are fictional. Typing is ASCII only:
non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core import office_policy
from app.core.certifications import CertificationService
from app.core.charging import ChargingService
from app.core.consent import ConsentService
from app.core.received import ReceivedShares
from app.core.settings import Settings
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.models import Disclosure, JusticeContact, Person
from app.reports.periods import quarter_of
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.certification_register import CertificationRegisterDialog
from app.ui.dashboard import DashboardDialog
from app.ui.main_window import MainWindow
from app.ui.person import PersonWorkspace
from app.ui.person.fields import ChoiceBox
from app.ui.person.session_form import SessionsPanel
from app.ui.qt import QApplication, QLineEdit, QListWidget, QPlainTextEdit, Qt, QWidget
from app.ui.received import ReceivedSharesDialog
from tests.e2e.shares import advocate_shares
from tests.e2e.test_advocate_day import choose_value, key, new_person_dialog, press, section, type_text
from tests.e2e.test_share_with_prosecution import _sync_in_the_window, _unlock
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, make_laptop
from tests.ui import helpers
from tests.ui.helpers import assert_all_named, field, focused, settle, shot

WAIT = 30_000
TODAY = dt.date.today()
NAME = "Lena Fictional"
DOCKET = "EX-26-0588"
ARREST = TODAY - dt.timedelta(days=2)
PROSECUTOR = "Dana Fictional"


@pytest.fixture(autouse=True)
def _shots_for_helpers(request: pytest.FixtureRequest) -> Iterator[None]:
    """helpers.shot saves into this test's ``shots`` folder (as tests/ui/conftest.py sets up for the UI tests)."""
    helpers.current_shots = lambda: request.getfixturevalue("shots")
    yield
    helpers.current_shots = None


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    advocate = make_laptop(office, tmp_path / "advocate", "Advocacy A", "advocate")
    prosecutor = make_laptop(office, tmp_path / "prosecutor", "Prosecution P", "prosecutor")
    yield advocate, prosecutor
    for laptop in (advocate, prosecutor):
        laptop.close()  # locking twice is harmless: the prosecutor's vault was handed to the window


# --- small ways of doing what a person does ------------------------------------------------------------------------


def widget_named(root: QWidget, name: str) -> QWidget:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"expected one visible widget named {name!r}, found {len(found)}"
    return found[0]


def type_into(qtbot, root: QWidget, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Give the field named ``name`` the keyboard, select what it holds and type over it."""
    widget = widget_named(root, name)
    assert isinstance(widget, QLineEdit | QPlainTextEdit), type(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    else:
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def choose(qtbot, root: QWidget, name: str, value: object) -> None:  # type: ignore[no-untyped-def]
    box = widget_named(root, name)
    assert isinstance(box, ChoiceBox), type(box)
    choose_value(qtbot, box, value)


def save_here(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S where the keyboard is."""
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def nav_to(qtbot, win: MainWindow, key_name: str) -> QWidget:  # type: ignore[no-untyped-def]
    """The side list with the arrow keys (the prosecution's own sections have no Ctrl+digit)."""
    page = win.person_page
    nav = page.nav
    nav.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(nav, Qt.Key.Key_Home)
    for _ in range(nav.count()):
        if page.section == key_name:
            break
        qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert page.section == key_name
    settle(qtbot, win.runner)
    return page.sections[key_name]


def overview_rows(page: PersonWorkspace) -> list[str]:
    model = page.overview.model
    return [
        " | ".join(str(model.index(r, c).data()) for c in range(model.columnCount())) for r in range(model.rowCount())
    ]


def people_named(ws: Workspace, name: str) -> list[str]:
    with ws.session() as s:
        return list(s.scalars(sa.select(Person.id).where(Person.preferred_name == name, Person.deleted.is_(False))))


def the_advocates_share(a: Laptop) -> str:
    """The advocate's own record of Lena (a court date, a privileged note) and a release naming Prosecution P; the
    agreed facts shared under it and synced to the office. Returns the release's id."""
    _lena, release = advocate_shares(
        a, NAME, dt.datetime(2027, 3, 9, 9, 30), [f"Name: {NAME}", "Court dates: 9 Mar 2027"],
        purpose="Charging decision", days=(1, 60),
    )  # fmt: skip
    return release


# --- the day -------------------------------------------------------------------------------------------------------


def test_a_prosecutors_day_in_the_window(qtbot, office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a, p = laptops
    folder = p.folder
    p.close()

    helpers.use_readable_font()
    win = MainWindow(Vault(folder), settings=Settings(folder.parent / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    try:
        _walk(qtbot, win, a)
    finally:
        win.close()
        QApplication.processEvents()


def _walk(qtbot, win: MainWindow, a: Laptop) -> None:  # type: ignore[no-untyped-def]
    _unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=WAIT)
    ws = win.workspace
    assert ws is not None and ws.identity.regime == "prosecution"
    page: PersonWorkspace = win.person_page

    # 1. Someone new (Ctrl+N): the short intake form; nobody like her is here, so she opens at Details.
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = new_person_dialog(qtbot, win)
    assert focused() is field(dialog, "Name they want to be called (required)")
    type_text(qtbot, NAME)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page and page.is_loaded, timeout=WAIT)
    settle(qtbot, win.runner)
    (pid,) = people_named(ws, NAME)
    assert page.location() == (pid, "details")

    # ... the defendant on a justice matter, charged with loitering (a charge the bundled rules list).
    justice = section(qtbot, win, Qt.Key.Key_8, "justice")
    press(qtbot, justice, "Add a justice contact")
    editor = page.justice.editor
    choose_value(qtbot, editor.fields.widgets["role"], "defendant")  # type: ignore[arg-type]
    type_into(qtbot, editor, "Docket number", DOCKET)
    type_into(qtbot, editor, "Court", "Example County Court")
    type_into(qtbot, editor, "Arrest date", ARREST.isoformat())
    press(qtbot, editor, "Add a charge")
    assert focused() is field(editor, "Charge 1: offense")
    type_text(qtbot, "Loitering")
    save_here(qtbot)
    settle(qtbot, win.runner)
    assert editor.status.text() == "Saved.", editor.status.text()
    assert focused() is field(editor, "Charge 1: offense")  # the keyboard stays where the typing was
    (matter,) = ws.records.list_for_person("justice_contact", pid)
    assert isinstance(matter, JusticeContact)
    assert (matter.role, matter.docket_number, matter.arrest_date) == ("defendant", DOCKET, ARREST)
    assert [c["offence"] for c in matter.charges or []] == ["Loitering"]
    jid = matter.id
    shot(win, "01-defendant-on-a-loitering-charge")

    # 2. "Consider a screening", with the reason in plain words and the matter; never a word about the person.
    banner = page.prompt
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert banner.title.text() == "Consider a screening"
    assert banner.reason_text.text() == (
        "Charges like loitering are often linked to exploitation. "
        "A screening could help you see whether this person needs support."
    )
    assert banner.matter_text.text() == f"About the matter: docket {DOCKET}, arrested on {day_words(ARREST)}."
    assert_all_named(banner)
    shot(win, "02-consider-a-screening")
    press(qtbot, banner, "Start a screening")
    assert page.section == "screening"
    screening = page.screening
    assert isinstance(screening, SessionsPanel)
    assert focused() is screening.list_page.start_button
    key(qtbot, Qt.Key.Key_Space)
    settle(qtbot, win.runner)
    sform = screening.form
    assert screening.currentWidget() is sform and sform.view is not None
    for item_id in ("unsafe-work", "owe-money"):
        sform.go(next(i for i, (item, _w) in enumerate(sform._items) if item.id == item_id))
        key(qtbot, Qt.Key.Key_1)
    settle(qtbot, win.runner)
    press(qtbot, sform, "Result and assessment")
    settle(qtbot, win.runner)
    result = screening.result
    assert screening.currentWidget() is result
    assert "not a determination" in result.summary.text()
    choose_value(qtbot, result.decision_status, "identified")
    choose_value(qtbot, result.decision_type, "sex")
    result.decider.setFocus()
    result.decider.selectAll()
    type_text(qtbot, PROSECUTOR)
    result.decision_reason.setFocus()
    type_text(qtbot, "Described being made to work the street to pay a debt.")
    qtbot.keyClick(result.save_decision, Qt.Key.Key_Space)
    settle(qtbot, win.runner)
    (ident,) = ws.sessions.decisions(pid)
    (screened,) = ws.records.list_for_person("screening", pid)
    assert screened.id == sform.view.record_id
    assert ident.status == "identified", result.decision_error.text()
    assert "In force: Identified" in result.decision_now.text()
    # The screening answered the prompt: it is not offered again.
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT)
    assert ws.records.list_for_person("screening_prompt", pid) == []  # nothing was stored about the prompt
    shot(win, "03-identification-decision")

    # 3. A charging decision on the matter: divert, informed by the identification decision in force that day (shown
    #    and linked by default); then revised once, the history keeping both.
    section(qtbot, win, Qt.Key.Key_8, "justice")
    charging = page.justice.editor.charging
    qtbot.waitUntil(lambda: charging.isVisible() and charging.view is not None, timeout=WAIT)
    assert charging.current.text() == "No charging decision recorded for this matter yet."
    press(qtbot, charging, "Record a charging decision")
    assert charging.form_open and focused() is charging.decision
    assert charging.decided_by.text() == PROSECUTOR  # the name this user gave on their last decision
    assert charging.decided_on.text() == TODAY.isoformat()
    choose_value(qtbot, charging.decision, "divert")
    ident_words = f"Identification decision of {day_words(TODAY)} (identified)"
    assert charging.identification.isVisible() and charging.identification.isChecked()
    assert charging.identification.text() == ident_words
    charging.reason.setFocus()
    type_text(qtbot, "Identified as exploited; diversion to services fits better than a charge.")
    assert_all_named(charging)
    shot(win, "04-charging-decision-form")
    save_here(qtbot)  # Ctrl+S in the form saves the charging decision
    settle(qtbot, win.runner)
    assert not charging.form_error.isVisible(), charging.form_error.text()
    qtbot.waitUntil(lambda: "Divert from prosecution" in charging.current.text(), timeout=WAIT)
    assert f"decided by {PROSECUTOR} on {day_words(TODAY)}" in charging.current.text()
    assert f"Informed by: {ident_words}." in charging.current.text()
    (first,) = ChargingService(ws).decisions(jid)
    assert (first.decision, first.identification_decision_id) == ("divert", ident.record_id)
    shot(win, "05-charging-decision-in-force")

    press(qtbot, charging, "Revise this charging decision")
    assert "It stays in the history" in charging.form_title.text()
    choose_value(qtbot, charging.decision, "dismiss")
    assert charging.identification.isChecked()
    charging.reason.setFocus()
    type_text(qtbot, "She finished the diversion program early.")
    press(qtbot, charging, "Save this charging decision")
    settle(qtbot, win.runner)
    qtbot.waitUntil(lambda: "Dismiss the charges" in charging.current.text(), timeout=WAIT)
    assert charging.history.isVisible() and "Divert from prosecution" in charging.history.text()
    rows = ChargingService(ws).decisions(jid)
    assert [r.decision for r in rows] == ["dismiss", "divert"]
    assert rows[0].revises_id == rows[1].record_id
    assert {r.identification_decision_id for r in rows} == {ident.record_id}
    shot(win, "06-charging-decision-revised")

    # 4. A U-visa certification request received: the office's deadline shows on the Overview and in the register.
    certs = nav_to(qtbot, win, "certifications")
    assert certs.empty.isVisible()  # type: ignore[attr-defined]
    press(qtbot, certs, "Record a certification request received")
    form = page.certifications.form
    assert page.certifications.pages.currentWidget() is form
    received_on = TODAY - dt.timedelta(days=5)
    type_into(qtbot, form, "Request received on (required)", received_on.isoformat())
    choose(qtbot, form, "Form (required)", "i918_supplement_b")
    choose(qtbot, form, "Requested by", "attorney")
    type_into(qtbot, form, "Requester's name or organization", "Example Legal Aid")
    matter_box = widget_named(form, "Case it relates to")
    assert isinstance(matter_box, ChoiceBox) and matter_box.value() == jid  # her only matter, chosen for her
    type_into(qtbot, form, "Helpfulness facts reviewed", "Named the man who held her debt; testified at the hearing.")
    assert_all_named(form)
    save_here(qtbot)
    settle(qtbot, win.runner)
    assert page.certifications.pages.currentWidget() is not form, form.error.text()
    (request,) = CertificationService(ws).register(pid)
    due = received_on + dt.timedelta(days=90)
    assert (request.form, request.justice_contact_id, request.due_on, request.decision) == (
        "i918_supplement_b", jid, due, None,
    )  # fmt: skip
    text = page.certifications.requests.item(0).text()
    assert "Open: not decided yet" in text and f"Office deadline to decide: {day_words(due)}" in text
    shot(win, "07-certification-request-open")
    section(qtbot, win, Qt.Key.Key_1, "overview")
    assert any("Deadline: decide the certification request" in r for r in overview_rows(page)), overview_rows(page)
    shot(win, "08-overview-with-the-deadline")

    # Person > Certification register…: open requests, oldest first; Enter opens her at Certifications.
    win.certifications_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(CertificationRegisterDialog)), timeout=WAIT)
    register = next(d for d in win.findChildren(CertificationRegisterDialog) if d.isVisible())
    qtbot.waitUntil(lambda: register.list.count() == 1, timeout=WAIT)
    assert register.list.item(0).text() == (
        f"{NAME} — U visa · Form I-918 Supplement B\n"
        f"Received {day_words(received_on)} · Due {day_words(due)} (in 85 days)"
    )
    assert register.summary.text().startswith("1 open request.")
    assert focused() is register.list
    assert_all_named(register)
    shot(register, "09-certification-register")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not register.isVisible(), timeout=WAIT)
    win.activateWindow()  # as the window system does once a dialog over the window has closed
    qtbot.waitUntil(lambda: page.location() == (pid, "certifications"), timeout=WAIT)
    settle(qtbot, win.runner)

    # Decided "certified", and signed (by, on).
    certs = page.certifications
    qtbot.waitUntil(lambda: certs.decide_button.isEnabled(), timeout=WAIT)
    press(qtbot, certs, "Record the decision on the chosen request")
    form = certs.form
    choose(qtbot, form, "Decision (required)", "certified")
    type_into(qtbot, form, "Decided by (required)", PROSECUTOR)
    type_into(qtbot, form, "Signed by", "Chief Deputy Fictional")
    assert widget_named(form, "Signed on").text() == TODAY.isoformat()  # type: ignore[attr-defined]
    assert_all_named(form)
    shot(win, "10-certification-decision")
    save_here(qtbot)
    settle(qtbot, win.runner)
    assert certs.pages.currentWidget() is not form, form.error.text()
    (request,) = CertificationService(ws).register(pid)
    assert (request.decision, request.signed_by_name, request.signed_on) == (
        "certified", "Chief Deputy Fictional", TODAY,
    )  # fmt: skip
    text = certs.requests.item(0).text()
    assert f"Certified: signed by Chief Deputy Fictional on {day_words(TODAY)}" in text
    assert "USCIS accepts it until" in text
    # "Add it to the disclosure review": one click, and the benefit is in the Disclosure review section.
    press(qtbot, certs, "Add the chosen certification to the disclosure review")
    settle(qtbot, win.runner)
    assert certs.message.text().startswith("Added to the disclosure review"), certs.error.text()
    (request,) = CertificationService(ws).register(pid)
    assert request.benefit_id is not None
    shot(win, "11-certification-signed-and-added")
    lines = overview_rows(page)
    assert any("Deadline: the last day USCIS accepts the signed supplement" in r for r in lines), lines
    assert not any("Deadline: decide the certification request" in r for r in lines), lines
    review = nav_to(qtbot, win, "disclosure")
    press(qtbot, review, "Gather the disclosure review")
    qtbot.waitUntil(lambda: page.disclosure.entries.count() > 0, timeout=WAIT)
    texts = [page.disclosure.entries.item(i).text() for i in range(page.disclosure.entries.count())]
    assert any("Immigration certification: The office signed a certification" in t for t in texts), texts
    shot(win, "12-disclosure-review-with-the-benefit")

    # 5. The advocate shares agreed facts under Lena's release to the prosecution team; Sync now in the window.
    release = the_advocates_share(a)
    until = day_words(TODAY + dt.timedelta(days=60))
    _sync_in_the_window(qtbot, win)
    qtbot.waitUntil(lambda: win.received_action.text() == "Shared by &advocates (1)…", timeout=WAIT)
    win.received_action.trigger()  # Person > Shared by advocates (1)…
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(ReceivedSharesDialog)), timeout=WAIT)
    inbox_dialog = next(d for d in win.findChildren(ReceivedSharesDialog) if d.isVisible())
    inbox = widget_named(inbox_dialog, "Shares waiting")
    assert isinstance(inbox, QListWidget)
    qtbot.waitUntil(lambda: inbox.count() == 1, timeout=WAIT)
    assert inbox.item(0).text() == f"{NAME}\nShared on {day_words(TODAY)}; covers name, court dates"
    facts = widget_named(inbox_dialog, "What was shared")
    assert isinstance(facts, QPlainTextEdit) and facts.isReadOnly()
    assert facts.toPlainText() == f"Name: {NAME}\nCourt dates: 9 Mar 2027"
    assert "landlord" not in facts.toPlainText() + inbox_dialog.release.text()
    assert inbox_dialog.release.text().startswith(f"Shared by the advocate under a release until {until}.")
    found = widget_named(inbox_dialog, "People found")
    assert isinstance(found, QListWidget)
    qtbot.waitUntil(lambda: found.count() == 1, timeout=WAIT)  # the search starts with the shared name
    assert found.item(0).text() == NAME
    assert_all_named(inbox_dialog)
    shot(inbox_dialog, "13-shared-by-advocates")
    found.setFocus()
    qtbot.keyClick(found, Qt.Key.Key_Return)  # This is about this person
    qtbot.waitUntil(lambda: inbox.count() == 0, timeout=WAIT)
    assert inbox_dialog.status.text().startswith(f"Linked to {NAME}.")
    (shared,) = ReceivedShares(ws).for_person(pid)  # linked to her, in the vault
    assert (shared.until, list(shared.facts)) == (
        TODAY + dt.timedelta(days=60), [f"Name: {NAME}", "Court dates: 9 Mar 2027"],
    )  # fmt: skip
    press(qtbot, inbox_dialog, "Open their page")
    qtbot.waitUntil(lambda: not inbox_dialog.isVisible(), timeout=WAIT)
    win.activateWindow()
    qtbot.waitUntil(lambda: page.location() == (pid, "received") and not win.runner.busy, timeout=WAIT)
    received = page.received
    qtbot.waitUntil(lambda: received.entries.count() == 1, timeout=WAIT)
    text = received.entries.item(0).text()
    assert text.startswith(f"Shared by the advocate under a release until {until}\n"), text
    assert "Court dates: 9 Mar 2027" in text and "It covers name, court dates" in text
    assert_all_named(received)
    shot(win, "14-from-the-advocate")

    # The charging decision form offers the share as the advocate's input (looked at, then put away).
    nav_to(qtbot, win, "justice")
    qtbot.waitUntil(lambda: charging.isVisible() and charging.view is not None and charging.share.isEnabled(),
                    timeout=WAIT)  # fmt: skip
    press(qtbot, charging, "Revise this charging decision")
    choose_value(qtbot, charging.share, shared.disclosure_id)
    assert charging.share.currentText() != "No input from the advocate"
    shot(win, "15-charging-form-with-the-advocates-input")
    press(qtbot, charging, "Cancel this charging decision")
    assert not charging.form_open and len(ChargingService(ws).decisions(jid)) == 2

    # The person withdraws the release; the advocate syncs, then the prosecutor: the page says it was withdrawn, and
    # when, not what it said.
    ConsentService(a.ws).revoke(release, TODAY, "The person asked to stop sharing")
    a.sync()
    _sync_in_the_window(qtbot, win)
    with ws.session() as s:
        day = office_policy.today(s)
    nav_to(qtbot, win, "received")
    qtbot.waitUntil(lambda: received.entries.count() == 1 and "withdrawn" in received.entries.item(0).text(),
                    timeout=WAIT)  # fmt: skip
    assert received.entries.item(0).text() == (
        f"A share from the advocate (name, court dates) was withdrawn on {day_words(day)}. What it said is no longer "
        "on this computer."
    )
    assert ReceivedShares(ws).for_person(pid) == []
    (gone,) = ReceivedShares(ws).withdrawn_for_person(pid)
    assert gone.disclosure_id == shared.disclosure_id and gone.withdrawn_on == day
    with ws.session() as s:
        assert s.get(Disclosure, shared.disclosure_id) is None  # what it said is gone from the vault
    shot(win, "16-share-withdrawn")

    # 6. The outcome measures (Vault > Outcome measures…): measure 14 counts her charging decisions as informed by
    #    an identification made before them, and the matter as dismissed.
    win.measures_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(DashboardDialog)), timeout=WAIT)
    board = next(d for d in win.findChildren(DashboardDialog) if d.isVisible())
    qtbot.waitUntil(lambda: board.trend_ready, timeout=WAIT)
    # It opens on the last whole quarter; the prosecutor picks the running one, at the top of the Period box.
    running = quarter_of(TODAY)
    board.period_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Home)
    assert board.selected_period() == running
    qtbot.waitUntil(lambda: board.status.text().startswith(f"{running.long_label}, worked out on"), timeout=WAIT)
    qtbot.waitUntil(lambda: board.trend_ready, timeout=WAIT)
    board.list.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_End)
    m14 = board.current_measure()
    assert m14 is not None and m14.number == 14
    parts = {b.title: {p.label: p.count for p in b.parts} for b in m14.breakdowns}
    informed = parts["Charging decisions in the period about identified defendants"]
    assert informed == {
        "Informed by an identification made on or before the decision": 2,
        "Not linked to an identification made before it": 0,
    }, informed
    assert parts["Dispositions"]["Dismissed"] == 1, parts["Dispositions"]
    assert "Charging decisions in the period about identified defendants" in board.parts.text()
    shot(board, "17-measure-14")
    press(qtbot, board, "Close the dashboard")
