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
from app.core.settings import Settings
from app.core.sharing import SharingService
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.models import Disclosure, JusticeContact, Person
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
from tests.e2e.test_advocate_day import choose_value, fill, key, new_person_dialog, press, section, type_text
from tests.e2e.test_share_with_prosecution import _sync_in_the_window, _unlock
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, make_laptop
from tests.ui import helpers
from tests.ui.helpers import assert_all_named, button, field, focused, settle, shot

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
    return [" | ".join(str(model.index(r, c).data()) for c in range(model.columnCount())) for r in range(model.rowCount())]


def people_named(ws: Workspace, name: str) -> list[str]:
    with ws.session() as s:
        return list(s.scalars(sa.select(Person.id).where(Person.preferred_name == name, Person.deleted.is_(False))))


def the_advocates_share(a: Laptop) -> str:
    """The advocate's own record of Lena, with a court date, a privileged note and a release naming Prosecution P;
    the agreed facts shared under it, and synced to the office. Returns the release's id."""
    ws = a.ws
    lena = ws.records.create("person", {"preferred_name": NAME, "safe_times": "Weekdays after 6"}).id
    ws.records.create(
        "note_entry", {"parent_type": "person", "parent_id": lena, "body": "Privileged: afraid of her landlord"},
        person_id=lena,
    )  # fmt: skip
    release = ConsentService(ws).record(
        lena,
        {"recipient": "Prosecution P", "data_covered": ["Name", "Court dates"], "purpose": "Charging decision",
         "starts_on": TODAY - dt.timedelta(days=1), "expires_on": TODAY + dt.timedelta(days=60), "method": "written"},
    )  # fmt: skip
    a.sync()  # this computer learns the office's prosecution teams
    SharingService(ws).share(lena, release, [f"Name: {NAME}", "Court dates: 9 Mar 2027"])
    a.sync()
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
    assert ident.status == "identified", result.decision_error.text()
    assert "In force: Identified" in result.decision_now.text()
    # The screening answered the prompt: it is not offered again.
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT)
    assert ws.records.list_for_person("screening_prompt", pid) == []  # nothing was stored about the prompt
    shot(win, "03-identification-decision")
