"""Every way the vault locks by itself, driven as a person would: idle, screen lock over real D-Bus, quick exit.

A real SQLCipher vault with fictional demo people; a private D-Bus session daemon for the screen-lock signal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.settings import CLIPBOARD_CLEAR_SECONDS, IDLE_LOCK_SECONDS, Settings
from app.core.workspace import Workspace
from app.demo.people import generate
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui import clipboard
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QDBusConnection, QPlainTextEdit, Qt, QTextEdit

PASSPHRASE = "a long passphrase"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("locking") / "vault"
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        generate(Workspace(unlocked), persons=25, seed=5)
    finally:
        unlocked.lock()
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


def _window(qtbot, template: Path, tmp_path: Path, settings: Settings, **kwargs) -> MainWindow:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    win = MainWindow(Vault(folder), settings=settings, **kwargs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, template: Path, tmp_path: Path, settings: Settings) -> Iterator[MainWindow]:
    win = _window(qtbot, template, tmp_path, settings)
    yield win
    win.close()


def unlock(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    field = win.unlock_page.passphrase
    field.setFocus()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=15_000)


def open_first_person(qtbot, win: MainWindow, section: str = "notes") -> str:  # type: ignore[no-untyped-def]
    person_id = win.caseload_page.model.person_id(0)
    assert person_id
    win.caseload_page.table.setFocus()
    win.caseload_page.table.selectRow(0)
    qtbot.keyClick(win.caseload_page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=10_000)
    qtbot.waitUntil(lambda: win.person_page.location() is not None, timeout=10_000)
    win.person_page.open(win.workspace, person_id, section)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: win.person_page.location() == (person_id, section), timeout=10_000)
    return person_id


def _editors(root) -> list[QPlainTextEdit | QTextEdit]:  # type: ignore[no-untyped-def]
    return [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]


def _note_composer(win: MainWindow) -> QPlainTextEdit | QTextEdit:
    editors = [
        w
        for w in _editors(win.person_page)
        if w.isVisibleTo(win.person_page) and not w.isReadOnly() and hasattr(w, "accessibleName")
        and "note" in w.accessibleName().lower()
    ]
    assert editors, "a visible note composer"
    return editors[0]


def test_idle_lock_fires_mid_typing_and_the_draft_comes_back(qtbot, template, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.set(IDLE_LOCK_SECONDS, 60)
    win = _window(qtbot, template, tmp_path, settings)
    unlock(qtbot, win)
    person_id = open_first_person(qtbot, win, "notes")
    composer = _note_composer(win)
    composer.setFocus()
    qtbot.keyClicks(composer, "She wants to talk again on Thursday")
    cursor_before = composer.textCursor().position()

    win.idle.set_seconds(1)  # stepped away: nobody touches the keyboard for a second
    qtbot.waitUntil(lambda: not win.is_unlocked, timeout=10_000)
    assert win.pages.currentWidget() is win.unlock_page
    assert "no one was using" in win.unlock_page.status.text()
    for editor in _editors(win):
        assert "Thursday" not in editor.toPlainText(), "nothing of the draft stays on screen while locked"
    assert win.windowTitle() == "Offramp"

    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    unlock_again(qtbot, win)
    qtbot.waitUntil(lambda: win.person_page.location() == (person_id, "notes"), timeout=15_000)
    qtbot.waitUntil(lambda: "Thursday" in _note_composer(win).toPlainText(), timeout=10_000)
    composer = _note_composer(win)
    assert composer.toPlainText() == "She wants to talk again on Thursday"
    assert composer.textCursor().position() == cursor_before
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    assert win.workspace is not None and win.workspace.drafts.load_all() == {}, "restored drafts leave storage"
    win.close()


def unlock_again(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    field = win.unlock_page.passphrase
    qtbot.waitUntil(field.isEnabled, timeout=10_000)
    field.setFocus()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.is_unlocked and win.workspace is not None, timeout=15_000)


def test_quick_exit_hides_locks_and_clears_the_clipboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    open_first_person(qtbot, window, "overview")
    clipboard.copy_sensitive("DEMO-DOCKET-0042")
    QApplication.clipboard().setText("DEMO-DOCKET-0042")
    assert QApplication.clipboard().text() == "DEMO-DOCKET-0042"
    with qtbot.waitSignal(window.quick_exited, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert not window.isVisible(), "hidden at once, before the vault has even closed"
    assert not window.is_unlocked
    assert QApplication.clipboard().text() == ""
    assert Vault(window.vault.data_dir).unlock(PASSPHRASE) is not None  # the lock file was released


def test_double_escape_is_the_one_handed_quick_exit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    window.activateWindow()
    window.caseload_page.table.setFocus()
    with qtbot.waitSignal(window.quick_exited, timeout=10_000):
        qtbot.keyClick(window.caseload_page.table, Qt.Key.Key_Escape)
        qtbot.keyClick(window.caseload_page.table, Qt.Key.Key_Escape)
    assert not window.isVisible() and not window.is_unlocked


def test_quick_exit_toolbar_button_has_a_name_and_a_documented_shortcut(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    button = window.toolbar.widgetForAction(window.quick_exit_action)
    assert button is not None and button.accessibleName() == "Quick exit"
    assert "Ctrl+Shift+X" in window.quick_exit_action.toolTip() and "Escape twice" in window.quick_exit_action.toolTip()


def test_copied_text_is_cleared_after_a_while_only_if_still_ours(qtbot) -> None:  # type: ignore[no-untyped-def]
    guard = clipboard.ClipboardGuard(clear_after_seconds=1)
    guard.copy("DEMO-PHONE-555-0100")
    assert QApplication.clipboard().text() == "DEMO-PHONE-555-0100"
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == "", timeout=5_000)
    guard.copy("DEMO-PHONE-555-0100")
    QApplication.clipboard().setText("something the person copied since")
    qtbot.wait(1500)
    assert QApplication.clipboard().text() == "something the person copied since"
    assert Settings().get(CLIPBOARD_CLEAR_SECONDS) == 20


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[tuple[QDBusConnection, dict[str, str]]]:
    if not shutil.which("dbus-daemon") or not shutil.which("dbus-send"):
        pytest.skip("dbus-daemon is not installed here; the screen-lock signal cannot be sent")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", f"--address=unix:path={tmp_path}/bus"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    bus = QDBusConnection.connectToBus(address, f"offramp-test-{os.getpid()}-{id(tmp_path)}")
    assert bus.isConnected()
    try:
        yield bus, {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    finally:
        QDBusConnection.disconnectFromBus(bus.name())
        proc.terminate()
        proc.wait(timeout=10)


def test_the_screen_locking_locks_the_vault(qtbot, template, tmp_path, settings, session_bus) -> None:  # type: ignore[no-untyped-def]
    bus, env = session_bus
    win = _window(qtbot, template, tmp_path, settings, session_bus=bus, system_bus=QDBusConnection(""))
    qtbot.waitUntil(lambda: win.screen_lock is not None, timeout=5_000)  # connected after the first paint
    assert "org.freedesktop.ScreenSaver" in win.screen_lock.listening
    unlock(qtbot, win)
    subprocess.run(
        ["dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
         "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:false"],
        env=env, check=True,
    )
    qtbot.wait(300)
    assert win.is_unlocked, "the screen saver going away changes nothing"
    subprocess.run(
        ["dbus-send", "--session", "--type=signal", "/org/gnome/ScreenSaver",
         "org.gnome.ScreenSaver.ActiveChanged", "boolean:true"],
        env=env, check=True,
    )
    qtbot.waitUntil(lambda: not win.is_unlocked, timeout=10_000)
    assert "screen locked" in win.unlock_page.status.text()
    win.close()


def test_the_window_title_never_names_a_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    open_first_person(qtbot, window, "details")
    assert window.windowTitle() == "Offramp"
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            assert widget.windowTitle() in ("Offramp", ""), widget.windowTitle()


def test_every_control_in_the_open_window_has_a_name_and_tab_moves_through_them(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import interactive_widgets

    unlock(qtbot, window)
    for page_name in ("caseload", "person"):
        if page_name == "person":
            open_first_person(qtbot, window, "details")
            qtbot.waitUntil(lambda: window.person_page.is_loaded, timeout=10_000)
            qtbot.waitUntil(lambda: window.person_page.details.isEnabled(), timeout=10_000)
        page = window.pages.currentWidget()
        shown = [w for w in interactive_widgets(window) if w.isVisibleTo(window) and page.isAncestorOf(w)]
        unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in shown if not w.accessibleName()]
        assert unnamed == [], page_name
        # Tab from the first focusable control reaches others and never gets stuck.
        seen = []
        for _ in range(12):
            focus = QApplication.focusWidget()
            assert focus is not None
            seen.append(focus)
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
        assert len(set(seen)) >= 4, f"{page_name}: Tab stays on {len(set(seen))} controls"


@pytest.mark.parametrize("opener", ["settings", "providers"])
def test_ctrl_l_locks_from_inside_a_dialog(qtbot, window: MainWindow, opener: str) -> None:  # type: ignore[no-untyped-def]
    """Qt holds the window's shortcuts back while a modal dialog is up: lock must still work from inside one."""
    unlock(qtbot, window)
    if opener == "settings":
        window.open_settings()
    else:
        window._open_with_vault("providers")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog is not window
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page, timeout=5_000)
    assert not window.is_unlocked
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def test_quick_exit_from_inside_a_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    window.open_settings()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    with qtbot.waitSignal(window.quick_exited, timeout=10_000):
        qtbot.keyClick(
            QApplication.focusWidget() or dialog,
            Qt.Key.Key_X,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not window.is_unlocked


def test_locking_lets_the_sessions_garbage_be_collected_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The unlock freezes what is alive (full collections must not stall typing); the lock undoes it, so what the
    session left in cycles can be collected, not kept for the life of the process."""
    import gc

    unlock(qtbot, window)
    assert gc.get_freeze_count() > 0
    window.lock()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page, timeout=5_000)
    assert gc.get_freeze_count() == 0
