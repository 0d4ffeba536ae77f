"""Issue 15, item 3, in the window, on a real SQLCipher vault, by keyboard: what a walk through the window found in
the person's sections (screening, interviews, justice contacts, header and details) and in the main window (focus
after unlocking, double Escape after a dialog, the open person after a sync). Every person is fictional.

Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.settings import Settings
from app.core.workspace import Workspace
from app.demo.people import generate
from app.server import admin, db
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui.main_window import MainWindow
from app.ui.person import PersonWorkspace
from app.ui.person.session_form import SessionsPanel
from app.ui.qt import QApplication, QDialog, QLabel, QPushButton, QRadioButton, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office, _start, run_cli
from tests.sync.conftest import make_laptop, stop
from tests.ui.helpers import use_readable_font

PASSPHRASE = "a long test passphrase"


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text for the screenshots to mean anything."""


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    unlocked, _ = Vault(tmp_path / "vault").create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def page(qtbot, runner: TaskRunner) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    use_readable_font()
    w = PersonWorkspace(runner)
    qtbot.addWidget(w)
    w.resize(1100, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def idle(qtbot, page: PersonWorkspace) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not page._runner.busy, timeout=10_000)
    qtbot.wait(10)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("OFFRAMP_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))


def open_person(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, section: str = "overview") -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, section)
    idle(qtbot, page)


def open_screening(qtbot, page: PersonWorkspace, ws: Workspace, pid: str) -> SessionsPanel:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid)
    qtbot.keyClick(page, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = page.sections["screening"]
    assert isinstance(panel, SessionsPanel)
    idle(qtbot, page)
    return panel


# --- the screening: assessment by keyboard, a confirmation, no "under 18" for an adult, keys that match ---------


def test_the_assessment_is_a_radio_group_the_keyboard_reaches_and_moves_and_saving_says_so(
    qtbot, page, ws, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Bo Fictional", "date_of_birth": dt.date(1988, 3, 9)}).id
    panel = open_screening(qtbot, page, ws, pid)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # start
    idle(qtbot, page)
    form = panel.form
    index = next(i for i, (item, _w) in enumerate(form._items) if item.id == "hurt")
    form.go(index)
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # yes
    idle(qtbot, page)
    form.result_button.setFocus()
    qtbot.keyClick(form.result_button, Qt.Key.Key_Space)
    idle(qtbot, page)
    result = panel.result
    assert panel.currentWidget() is result
    # An adult with a date of birth: nothing on the result says the person is under 18.
    assert "under 18" not in result.summary.text()
    assert "child advocacy" not in result.summary.text()

    radios = list(result.assessment_buttons.values())
    assert all(isinstance(b, QRadioButton) for b in radios)
    assert [b.accessibleName() for b in radios] == ["Indicators present", "Unclear", "Not indicated"]
    # Tab reaches the group from the button before it.
    result.back_button.setFocus()
    for _ in range(4):
        if focused() in radios:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is radios[0]
    # The arrow keys move the choice, both ways.
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert focused() is radios[1] and radios[1].isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert focused() is radios[2] and radios[2].isChecked() and not radios[1].isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert focused() is radios[1] and radios[1].isChecked()
    assert not result.assessment_saved.isVisible()

    result.reason.setFocus()
    qtbot.keyClicks(result.reason, "Too early to say; we will talk again.")
    qtbot.keyClick(result.save_assessment, Qt.Key.Key_Space)
    idle(qtbot, page)
    assert ws.sessions.view("screening", form.view.record_id).assessment == "unclear"
    # A calm confirmation, in the page, in words.
    assert result.assessment_saved.isVisible()
    assert "saved" in result.assessment_saved.text() and "Unclear" in result.assessment_saved.text()
    shot(result.content, tmp_path, "assessment-saved")
    # Changing the choice takes the confirmation away until it is saved again.
    radios[2].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert not result.assessment_saved.isVisible()

    # Opening it again shows the saved choice; no choice is shown for a new screening.
    result.set_assessment(None)
    assert not any(b.isChecked() for b in radios)


def test_the_keys_line_names_exactly_the_answers_on_screen(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Kit Fictional", "age_group": "adult"}).id
    panel = open_screening(qtbot, page, ws, pid)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, page)
    form = panel.form
    assert form.hint.isVisible()
    for index in range(min(len(form._items), 6)):
        form.go(index)
        count = len(form.card.buttons)
        assert count >= 2
        assert f"1–{count} choose" in form.hint.text(), (count, form.hint.text())
    assert "1–5" not in form.hint.text() or len(form.card.buttons) == 5


# --- focus stays where the person works ------------------------------------------------------------------------


def test_ctrl_s_on_a_justice_contact_keeps_the_keyboard_in_the_form(qtbot, page, ws) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Lee Fictional", "age_group": "adult"}).id
    ws.records.create("justice_contact", {"role": "witness", "court": "Alder County District Court"}, person_id=pid)
    open_person(qtbot, page, ws, pid, "justice")
    editor = page.justice.editor
    court = editor.fields.widgets["court"]
    court.setFocus()
    court.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(court, "Birch County Court")
    assert QApplication.focusWidget() is court
    qtbot.keyClick(court, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    assert [j.court for j in ws.records.list_for_person("justice_contact", pid)] == ["Birch County Court"]  # type: ignore[attr-defined]
    assert editor.status.text() == "Saved."
    assert QApplication.focusWidget() is court, QApplication.focusWidget()
    # Typing carries on in the same field, and Ctrl+S saves again.
    qtbot.keyClicks(court, " East")
    qtbot.keyClick(court, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    assert [j.court for j in ws.records.list_for_person("justice_contact", pid)] == ["Birch County Court East"]  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is court


# --- the main window: focus after unlocking, double Escape after a dialog ---------------------------------------


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("walk-fixes") / "vault"
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        generate(Workspace(unlocked), persons=6, seed=11)
    finally:
        unlocked.lock()
    return folder


@pytest.fixture
def window(qtbot, demo_vault: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    shutil.copytree(demo_vault, folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    win = MainWindow(Vault(folder), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()


def unlock(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    field = win.unlock_page.passphrase
    qtbot.waitUntil(field.isEnabled, timeout=10_000)
    field.setFocus()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.is_unlocked and win.workspace is not None, timeout=15_000)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)


def open_person_in(qtbot, win: MainWindow, section: str) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=15_000)
    person_id = win.caseload_page.model.person_id(0)
    assert person_id
    with qtbot.waitSignal(win.person_page.loaded, timeout=10_000):
        win.open_person(person_id, section)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    return person_id


def test_after_unlocking_back_onto_a_person_the_keyboard_is_in_their_section(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    person_id = open_person_in(qtbot, window, "details")
    window.caseload_page.search.setFocus()  # where the keyboard was left by the caseload before
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.is_unlocked and not window.runner.busy, timeout=10_000)

    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.person_page.location() == (person_id, "details"), timeout=10_000)
    qtbot.waitUntil(lambda: window.person_page.is_loaded and not window.runner.busy, timeout=10_000)
    qtbot.wait(50)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible()
    assert window.person_page.sections["details"].isAncestorOf(focus), focus
    # Ctrl+number works from there, as it should.
    qtbot.keyClick(focus, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.person_page.section == "overview"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.person_page.section == "justice"


def test_escape_that_closes_a_dialog_then_escape_in_the_window_is_not_a_quick_exit(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    open_person_in(qtbot, window, "overview")
    exits: list[bool] = []
    window.quick_exited.connect(lambda: exits.append(True))
    window.open_about()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    focus = QApplication.focusWidget()
    assert focus is not None and dialog.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    # The window has the keyboard again (as it does at once on a desktop); the next Escape comes well within 0.6 s.
    window.activateWindow()
    window.person_page.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.person_page.nav, timeout=2_000)
    qtbot.keyClick(window.person_page.nav, Qt.Key.Key_Escape)
    qtbot.wait(100)
    assert exits == [] and window.isVisible() and window.is_unlocked

    # Two presses in the window itself still are the quick exit.
    qtbot.wait(700)
    with qtbot.waitSignal(window.quick_exited, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    assert not window.is_unlocked


# --- words: the age beside a date of birth ---------------------------------------------------------------------


def test_a_date_of_birth_decides_the_age_group_in_details_and_the_header(qtbot, page, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pid = ws.records.create("person", {"preferred_name": "Noor Fictional", "date_of_birth": dt.date(1991, 2, 3)}).id
    plain = ws.records.create("person", {"preferred_name": "Ash Fictional"}).id
    open_person(qtbot, page, ws, pid, "details")
    assert "Age not known" not in page.header.about.text() and "Adult" in page.header.about.text()
    form = page.details
    assert form.fields.widgets["age_group"].value() == "adult"  # type: ignore[attr-defined]
    assert not form.has_draft(), "showing the age group the date gives is not a change"
    shot(page, tmp_path, "details-age-from-birth")

    open_person(qtbot, page, ws, plain, "details")
    assert "Age not known" in page.header.about.text()
    born = form.fields.widgets["date_of_birth"]
    born.setFocus()
    qtbot.keyClicks(born, "2012-01-15")
    assert form.fields.widgets["age_group"].value() == "minor"  # type: ignore[attr-defined]
    qtbot.keyClick(born, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    assert ws.records.get("person", plain).age_group == "minor"  # type: ignore[attr-defined]
    assert "Under 18" in page.header.about.text()


# --- the open person after Sync now, against a real office server on loopback -----------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("walk-office")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(folder / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Riverside Office", "--host", "localhost,127.0.0.1",
            "--kit", str(folder / "kit.pdf"), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    the = Office(backend="sqlite", home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(),
                 kit=folder / "kit.pdf")  # fmt: skip
    the.teams["Advocacy A"] = admin.add_team(engine, "Advocacy A", "advocacy").id
    _start(the)
    try:
        yield the
    finally:
        stop(the)
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def test_after_sync_now_the_open_person_shows_what_the_office_sent(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    here = make_laptop(office, tmp_path / "here", "Advocacy A", "advocate")
    there = make_laptop(office, tmp_path / "there", "Advocacy A", "advocate")
    try:
        person = here.ws.records.create("person", {"preferred_name": "Rowan Example", "safe_times": "Mornings"})
        here.sync()
        there.sync()
        there.ws.records.update("person", person.id, {"safe_times": "Evenings after 6", "safe_to_text": False})
        there.sync()
    finally:
        there.close()
        here.close()

    use_readable_font()
    win = MainWindow(Vault(here.folder), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        field = win.unlock_page.passphrase
        field.setFocus()
        qtbot.keyClicks(field, TEST_PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.workspace is not None and win.sync_controls.sync_action.isEnabled(), timeout=20_000)
        with qtbot.waitSignal(win.person_page.loaded, timeout=10_000):
            win.open_person(person.id, "details")
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
        rules = win.person_page.header.rules
        assert "Mornings" in rules.accessibleDescription() and "Do not text" not in rules.accessibleDescription()
        caseload_before = win.caseload_page.model.rowCount()

        dialog = win.sync_controls.open_sync()
        assert dialog is not None
        dialog.timeout = 20
        qtbot.waitUntil(lambda: sync_button(dialog).isEnabled(), timeout=30_000)
        qtbot.mouseClick(sync_button(dialog), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
        assert dialog.heading.text() == "Sync finished", dialog.body.text()
        qtbot.waitUntil(lambda: "Evenings after 6" in rules.accessibleDescription(), timeout=10_000)
        assert "Mornings" not in rules.accessibleDescription() and "Do not text" in rules.accessibleDescription()
        # The sections read the person again too, and the caseload is still there.
        assert win.person_page.details.fields.widgets["safe_times"].text() == "Evenings after 6"  # type: ignore[attr-defined]
        assert win.person_page.location() == (person.id, "details")
        assert win.caseload_page.model.rowCount() == caseload_before
    finally:
        win.close()


def sync_button(dialog: QWidget) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Sync now" and b.isVisible()]
    assert len(found) == 1
    return found[0]


# --- words: a note the app wrote says so ------------------------------------------------------------------------


def test_a_note_the_app_wrote_on_a_relief_status_change_is_not_signed_by_you(qtbot, page, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.core.relief import ReliefService

    pid = ws.records.create("person", {"preferred_name": "Mar Fictional", "age_group": "adult"}).id
    ReliefService(ws).open_case(pid, "EXAMPLE")
    ws.records.create("note_entry", {"parent_type": "person", "parent_id": pid, "body": "Met at the library."},
                      person_id=pid)  # fmt: skip
    open_person(qtbot, page, ws, pid, "notes")
    cards = {card.note.body.split(":")[0]: card for card in page.notes.cards}
    automatic = cards["Record relief status"]
    assert "Signed by you" not in automatic.signed.text()
    assert "Offramp" in automatic.signed.text() and "automatically" in automatic.signed.text()
    assert automatic.meta.text().startswith("Offramp")
    mine = cards["Met at the library."]
    assert mine.meta.text().startswith("You")
    shot(page, tmp_path, "notes-automatic")


def test_the_merge_screen_says_each_date_once(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.sync.run import run_sync
    from app.ui.sync_dialogs import MergeDialog

    a = make_laptop(office, tmp_path / "a", "Advocacy A", "advocate")
    b = make_laptop(office, tmp_path / "b", "Advocacy A", "advocate")
    runner = TaskRunner()
    try:
        person = a.ws.records.create("person", {"preferred_name": "Rowan Example", "safe_times": "Mornings"})
        a.sync()
        b.sync()
        a.ws.records.update("person", person.id, {"safe_times": "Mornings before 10"})
        b.ws.records.update("person", person.id, {"safe_times": "Evenings after 6"})
        a.sync()
        run_sync(b.ws, timeout=20)  # as Sync now runs it: the conflicts come down too
        merge = MergeDialog(b.ws, runner)
        qtbot.addWidget(merge)
        merge.show()
        qtbot.waitUntil(lambda: merge.list.count() == 1 or merge.status.isVisible(), timeout=30_000)
        assert merge.list.count() == 1, merge.status.text()
        lines = [
            w.text() for w in merge.detail_area.widget().findChildren(QLabel) if w.accessibleName() == "Who and when"
        ]
        assert len(lines) == 2, lines
        year = str(dt.date.today().year)
        for line in lines:
            assert line.count(year) == 1, line  # "a computer enrolled 04 Dec 2026, 04 Dec 2026, 12:58" said it twice
        assert any(", on this computer, " in line for line in lines)
        assert any(", on another computer, " in line for line in lines)
        merge.close()
    finally:
        runner.shutdown()
        b.close()
        a.close()


# --- words: the status bar after first run ----------------------------------------------------------------------


def test_after_first_run_the_status_bar_says_the_vault_is_there(qtbot, tmp_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_first_run import button as first_run_button
    from tests.ui.test_first_run import press, to_code, type_back_groups

    win = MainWindow(Vault(tmp_data_dir), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    assert win.vault_status.text() == "No vault in this folder yet"
    page = win.first_run_page
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first_run_button(page, "Get started"), timeout=5_000)
    code = to_code(qtbot, page)
    assert win.vault_status.text() != "No vault in this folder yet", "the vault is made by now"
    press(qtbot, Qt.Key.Key_Return)
    type_back_groups(qtbot, page, code)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # Finish with the default lock time
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
    assert win.vault_status.text() == "Vault encrypted on this computer"
    assert win.vault_status.isVisible()
    win.close()
