"""Issue 19, item 4: an accessibility walk of every screen the journey tests reach, through Qt's accessibility
interface (what a screen reader is given over AT-SPI or UI Automation): the real main window on a real vault of
fictional demo people; on the unlock page, the caseload, each section of a person (and the interview and screening
forms, the screening's result, the forms that open inside referrals, relief and justice), the new-person form, the
outcome measures, the follow-ups, the provider directory, the templates, the sync dialogs, settings and about.

Each visible control a person can use (buttons, check and radio buttons, fields, choices, lists and tables, spin
boxes and dates, text boxes) must have an accessible name and a role, and, when enabled, take the keyboard. A
toolbar button is the one exception to the keyboard rule when its action is also in a menu or has a shortcut (a
toolbar repeats the menus for the mouse). Everything found is listed by screen, class and object name.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.core.settings import Settings
from app.core.workspace import Workspace
from app.demo.people import generate
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui import palette
from app.ui.app import MIN_POINT_SIZE
from app.ui.main_window import MainWindow
from app.ui.person.session_form import SessionsPanel
from app.ui.person.workspace import ALL_KEYS
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessible,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    Qt,
    QTextEdit,
    QToolBar,
    QWidget,
)
from tests.ui.helpers import PASSPHRASE, shot, use_readable_font

WAIT = 15_000
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
#: Roles a control may not have: they tell a screen reader nothing about what the thing is.
NO_ROLE = {QAccessible.Role.NoRole, QAccessible.Role.Client}


def _demo(folder: Path, regime: str) -> Path:
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), regime=regime)
    try:
        generate(Workspace(unlocked), persons=8, seed=19)
    finally:
        unlocked.lock()
    return folder


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo(tmp_path_factory.mktemp("a11y-walk") / "vault", "advocacy")


@pytest.fixture(scope="module")
def prosecution_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo(tmp_path_factory.mktemp("a11y-walk-prosecution") / "vault", "prosecution")


@contextmanager
def _window(qtbot, made: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on a copy of ``made``, with the palette the app starts with; put back after."""
    folder = tmp_path / "vault"
    shutil.copytree(made, folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    colours, active = app.palette(), palette.active()
    if app.font().pointSizeF() < MIN_POINT_SIZE:
        use_readable_font()
    palette.apply(app, palette.LIGHT)  # the look the app starts with (app.ui.app.main)
    win = MainWindow(Vault(folder), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    try:
        yield win
    finally:
        win.close()
        app.setPalette(colours)
        palette._active = active


@pytest.fixture
def window(qtbot, demo_vault: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with _window(qtbot, demo_vault, tmp_path) as win:
        yield win


@pytest.fixture
def prosecution_window(qtbot, prosecution_vault: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with _window(qtbot, prosecution_vault, tmp_path) as win:
        yield win


# --- the walk ------------------------------------------------------------------------------------------------------


def _inside_compound(widget: QWidget) -> bool:
    """The line edit inside a choice or a spin box is named and focused through its owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def _menu_or_shortcut(button: QAbstractButton) -> bool:
    action = getattr(button, "defaultAction", lambda: None)()
    if action is None:
        return False
    if not action.shortcut().isEmpty():
        return True
    return any(action in menu.actions() for menu in button.window().findChildren(QMenu))


def walk(root: QWidget, screen: str) -> list[str]:
    """What a screen reader and a keyboard would miss on ``root`` as it is on screen now."""
    problems: list[str] = []
    controls = [w for w in [root, *root.findChildren(QWidget)] if isinstance(w, INTERACTIVE)]
    for widget in controls:
        if not widget.isVisible() or _inside_compound(widget):
            continue
        if isinstance(widget, QHeaderView):
            continue  # a table's column headings: named with the table (tests/ui/test_layout_helpers), not a stop
        if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QAbstractItemView):
            continue  # a table's corner "select all" button: part of the table, reached with Ctrl+A
        what = f"{screen}: {type(widget).__name__} {widget.objectName()!r}"
        text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or not iface.isValid():
            problems.append(f"{what} {text!r}: no accessibility interface")
            continue
        if not iface.text(QAccessible.Text.Name).strip():
            problems.append(f"{what} {text!r}: no accessible name")
        if iface.role() in NO_ROLE:
            problems.append(f"{what} {iface.text(QAccessible.Text.Name)!r}: no role")
        if widget.isEnabled() and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            in_toolbar = isinstance(widget.parentWidget(), QToolBar)
            if not (in_toolbar and isinstance(widget, QAbstractButton) and _menu_or_shortcut(widget)):
                problems.append(f"{what} {iface.text(QAccessible.Text.Name)!r}: the keyboard cannot reach it")
        elif widget.isEnabled() and not iface.state().focusable:
            problems.append(f"{what} {iface.text(QAccessible.Text.Name)!r}: not focusable for assistive technology")
    return problems


def test_the_walk_finds_what_a_screen_reader_or_a_keyboard_would_miss(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.qt import QPushButton, QVBoxLayout

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    named = QLineEdit(host)
    named.setAccessibleName("Court")
    unnamed = QLineEdit(host)
    unnamed.setObjectName("nameless")
    icon_only = QPushButton("", host)
    icon_only.setObjectName("icon-only")
    mouse_only = QPushButton("Print", host)
    mouse_only.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    hidden = QLineEdit(host)
    hidden.hide()
    off = QPushButton("Not yet", host)
    off.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    off.setEnabled(False)  # a disabled control need not take the keyboard
    for widget in (named, unnamed, icon_only, mouse_only, off):
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    assert walk(host, "test") == [
        "test: QLineEdit 'nameless' '': no accessible name",
        "test: QPushButton 'icon-only' '': no accessible name",
        "test: QPushButton '' 'Print': the keyboard cannot reach it",
    ]


# --- moving through the window ---------------------------------------------------------------------------------


def settle(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT)


def unlock(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    field = win.unlock_page.passphrase
    qtbot.waitUntil(field.isEnabled, timeout=WAIT)
    field.setFocus()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.is_unlocked and win.workspace is not None, timeout=WAIT)
    settle(qtbot, win)


def open_dialog(qtbot, win: MainWindow, opener) -> QDialog:  # type: ignore[no-untyped-def]
    before = {id(d) for d in win.findChildren(QDialog) if d.isVisible()}
    opener()
    qtbot.waitUntil(lambda: any(d.isVisible() and id(d) not in before for d in win.findChildren(QDialog)), timeout=WAIT)
    settle(qtbot, win)
    (dialog,) = [d for d in win.findChildren(QDialog) if d.isVisible() and id(d) not in before]
    return dialog


def close(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


def same(name: str) -> Collection[str]:
    """A button's English name as it shows in English; a walk in another language passes its own (its translations)."""
    return (name,)


def press_named(root: QWidget, name: str, say: Callable[[str], Collection[str]] = same) -> bool:
    """Press the visible, enabled button named ``name`` (or any of ``say(name)``, the name in the app's language) if
    there is one (demo data differ by seed)."""
    names = {n.replace("&", "") for n in say(name)}
    for button in root.findChildren(QAbstractButton):
        if (
            button.isVisible()
            and button.isEnabled()
            and {button.accessibleName(), button.text().replace("&", "")} & names
        ):
            button.click()
            return True
    return False


def walk_person(  # type: ignore[no-untyped-def]
    qtbot,
    win: MainWindow,
    check: Callable[[QWidget, str], None],
    say: Callable[[str], Collection[str]] = same,
    person: str | None = None,
) -> str:
    """Every section the caseload's first person (or ``person``) has, and the forms that open inside them; returns
    their id."""
    person = person or win.caseload_page.model.person_id(0)
    assert person
    page = win.person_page
    win.open_person(person, "overview")
    qtbot.waitUntil(lambda: page.location() == (person, "overview"), timeout=WAIT)
    settle(qtbot, win)
    for key in ALL_KEYS[: page.nav.count()]:  # the sections this person's page lists (by the vault's regime)
        win.open_person(person, key)
        qtbot.waitUntil(lambda k=key: page.location() == (person, k), timeout=WAIT)
        settle(qtbot, win)
        check(win, key)
        section = page.sections[key]
        if isinstance(section, SessionsPanel):
            section.list_page.start_button.click()
            settle(qtbot, win)
            check(win, f"{key} started")  # for a minor, the prompt before the questions
            if press_named(section, "I have read this, continue", say):
                settle(qtbot, win)
            check(win, f"{key} form")
            if key == "screening" and press_named(section.form, "Result and assessment", say):
                settle(qtbot, win)
                check(win, "screening result")
        for opener in {
            "referrals": ("Offer a referral", "Record a release"),
            "relief": ("Start record relief", "Add a charge", "Add a petition"),
            "justice": ("Add a justice contact", "Add a contact"),
            "notes": (),
        }.get(key, ()):
            if press_named(section, opener, say):
                settle(qtbot, win)
                check(win, f"{key}: {opener}")

    return person


def _checker(problems: list[str], walked: list[str]) -> Callable[[QWidget, str], None]:
    def check(root: QWidget, screen: str) -> None:
        QApplication.processEvents()
        walked.append(screen)
        problems.extend(walk(root, screen))
        seen = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible()]
        assert seen, f"nothing to use on {screen}?"

    return check


def test_every_control_on_every_screen_has_a_name_a_role_and_the_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    walked: list[str] = []
    visit_every_screen(qtbot, window, _checker(problems, walked))
    assert len(walked) >= 25, walked
    assert problems == [], "\n".join(problems)


def visit_every_screen(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, check: Callable[[QWidget, str], None], say: Callable[[str], Collection[str]] = same
) -> None:
    """Unlock, the caseload, every section of the first person (:func:`walk_person`), the share with the
    prosecution, the new-person form and its possible match, every dialog of the menus, and locked again: ``check``
    is called on each screen as it shows, with the screen's name."""
    check(win, "unlock")
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=WAIT)
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=WAIT)
    check(win, "caseload")

    person = walk_person(qtbot, win, check, say)
    page = win.person_page

    # The share with the prosecution, from Referrals & consent (a dialog over the window).
    win.open_person(person, "referrals")
    qtbot.waitUntil(lambda: page.location() == (person, "referrals"), timeout=WAIT)
    settle(qtbot, win)
    share = open_dialog(qtbot, win, page.sections["referrals"].share_button.click)
    check(share, "share with the prosecution")
    close(qtbot, share)

    # The new-person form, and its possible-match page (the first person's own name typed in).
    form = open_dialog(qtbot, win, win.new_person)
    check(form, "new person")
    name = win.caseload_page.model.index(0, 0).data()
    entry = next(e for e in form.findChildren(QLineEdit) if e.hasFocus())
    qtbot.keyClicks(entry, name)
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.pages.currentWidget() is form.match_page, timeout=WAIT)
    check(form, "new person: possible match")
    close(qtbot, form)

    dialogs = {
        "outcome measures": lambda: win._open_with_vault("measures"),
        "follow-ups": lambda: win._open_with_vault("follow_ups"),
        "provider directory": lambda: win._open_with_vault("providers"),
        "templates": lambda: win._open_with_vault("templates"),
        "settings": win.open_settings,
        "about": win.open_about,
        "enrol": win.sync_controls.open_enrol,
        "sync now": win.sync_controls.open_sync,
        "changes that need a decision": win.sync_controls.open_merge,
        "not accepted by the office": win.sync_controls.open_not_accepted,
    }
    for screen, opener in dialogs.items():
        dialog = open_dialog(qtbot, win, opener)
        check(dialog, screen)
        close(qtbot, dialog)

    # Locked again from the person's page (the pages holding data are taken down while the ring is on them).
    win.open_person(person, "notes")
    qtbot.waitUntil(lambda: page.location() == (person, "notes"), timeout=WAIT)
    settle(qtbot, win)
    page.sections["notes"].setFocus(Qt.FocusReason.TabFocusReason)
    win.lock_action.trigger()  # Ctrl+L
    qtbot.waitUntil(lambda: not win.is_unlocked and not win.runner.busy, timeout=WAIT)
    check(win, "locked again")


def test_the_prosecution_s_screens_too(qtbot, prosecution_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A prosecution vault: its caseload, every section of a person (the disclosure review among them)."""
    win = prosecution_window
    problems: list[str] = []
    walked: list[str] = []
    check = _checker(problems, walked)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=WAIT)
    check(win, "prosecution caseload")
    walk_person(qtbot, win, check)
    assert "disclosure" in walked, walked
    assert problems == [], "\n".join(problems)


# --- 200 % text, with the app's palette and focus ring ---------------------------------------------------------


def clipped(root: QWidget) -> list[str]:
    """Visible buttons, fields and choices smaller than the least their text needs (so their words are cut), and
    scroll areas whose content is wider than they are (cut at the side, or needing sideways scrolling)."""
    found: list[str] = []
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if area.isVisible() and content is not None:
            wider = content.minimumSizeHint().width() - area.viewport().width()
            if wider > 0 or area.horizontalScrollBar().maximum() > 0:
                found.append(f"scroll area {area.accessibleName()!r}: content {max(wider, 0)} px too wide")
    for label in root.findChildren(QLabel):
        # Words that wrap but are given less height than their lines need: the last lines are cut off.
        if label.isVisible() and label.wordWrap() and label.text().strip():
            need = label.heightForWidth(label.width())
            if need > label.height() + 2:
                found.append(f"label {label.text()[:40]!r}: {label.height()} px tall, its lines need {need}")
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
            continue
        if isinstance(widget.parentWidget(), QAbstractItemView | QToolBar) or _inside_compound(widget):
            continue
        need = widget.minimumSizeHint()
        if isinstance(widget, QLineEdit) and widget.width() < widget.fontMetrics().horizontalAdvance("n" * 10):
            # A field squeezed too narrow to show what is typed in it (its own minimum is a few letters).
            found.append(f"field {widget.accessibleName()!r} {widget.width()} px wide: too narrow for ten letters")
        elif widget.width() < need.width() or widget.height() < need.height():
            name = widget.accessibleName() or widget.objectName()
            found.append(
                f"{type(widget).__name__} {name!r} {widget.width()}x{widget.height()} < {need.width()}x{need.height()}"
            )
    return found


#: Screens another change owns that do not fit yet at 200 % text, each with what is cut; the test fails once one
#: fits, so the list only shrinks. The caseload's five "Show:" check boxes stand in one row that needs 1515 px.
NOT_YET_FIT_AT_200: frozenset[str] = frozenset()


@pytest.fixture
def big_text() -> Iterator[None]:
    """Twice the app's text size, set before the window is made (as the system's setting is at start)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    use_readable_font()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    yield
    app.setFont(original)


def test_at_200_percent_text_the_screens_are_not_cut_off(qtbot, big_text, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    cut: dict[str, list[str]] = {}
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=WAIT)
    win.caseload_page.search.setFocus(Qt.FocusReason.TabFocusReason)  # the focus ring shows in the picture
    cut["caseload"] = clipped(win)
    shot(win, "200-caseload")
    person = win.caseload_page.model.person_id(0)
    assert person
    for key in ("details", "safety", "referrals"):
        win.open_person(person, key)
        qtbot.waitUntil(lambda k=key: win.person_page.location() == (person, k), timeout=WAIT)
        settle(qtbot, win)
        cut[key] = clipped(win)
        shot(win, f"200-{key}")
        for opener in {"referrals": ("Record a release", "Offer a referral")}.get(key, ()):
            press_named(win.person_page.sections[key], opener)
            settle(qtbot, win)
            cut[f"{key}: {opener}"] = clipped(win)
            shot(win, f"200-{key}-{opener.replace(' ', '-')}")
    openers = {
        "settings": win.open_settings,
        "new person": win.new_person,
        "dashboard": lambda: win._open_with_vault("measures"),
        "templates": lambda: win._open_with_vault("templates"),
        "provider directory": lambda: win._open_with_vault("providers"),
        "sync now": win.sync_controls.open_sync,
        "changes that need a decision": win.sync_controls.open_merge,
    }
    for screen, opener in openers.items():
        dialog = open_dialog(qtbot, win, opener)
        cut[screen] = clipped(dialog) + too_big(dialog)
        shot(dialog, f"200-{screen.replace(' ', '-')}")
        close(qtbot, dialog)
    _no_cuts(cut)


def _no_cuts(cut: dict[str, list[str]]) -> None:
    waiting = {screen: cut.pop(screen) for screen in sorted(NOT_YET_FIT_AT_200) if screen in cut}
    bad = {screen: found for screen, found in cut.items() if found}
    assert bad == {}, "\n".join(f"{screen}: {line}" for screen, found in bad.items() for line in found)
    assert [screen for screen, found in waiting.items() if not found] == [], "fixed: take it off NOT_YET_FIT_AT_200"


def too_big(dialog: QWidget) -> list[str]:
    """A dialog larger than a 1280×800 screen, or that cannot be made to fit it."""
    need = dialog.minimumSizeHint()
    found = []
    if dialog.width() > 1280 or dialog.height() > 800:
        found.append(f"the dialog is {dialog.width()}x{dialog.height()}, more than 1280x800")
    if need.width() > 1280 or need.height() > 800:
        found.append(f"the dialog needs {need.width()}x{need.height()}, more than 1280x800")
    return found


def test_at_200_percent_text_the_prosecution_s_screens_are_not_cut_off(  # type: ignore[no-untyped-def]
    qtbot, big_text, prosecution_window: MainWindow
) -> None:
    """A prosecution vault's own screens: the shares received from advocates, and the Referrals & consent
    section (where an advocate's share button would be)."""
    win = prosecution_window
    cut: dict[str, list[str]] = {}
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=WAIT)
    dialog = open_dialog(qtbot, win, win.open_received)
    cut["received shares"] = clipped(dialog) + too_big(dialog)
    shot(dialog, "200-received-shares")
    close(qtbot, dialog)
    person = win.caseload_page.model.person_id(0)
    assert person
    win.open_person(person, "referrals")
    qtbot.waitUntil(lambda: win.person_page.location() == (person, "referrals"), timeout=WAIT)
    settle(qtbot, win)
    section = win.person_page.sections["referrals"]
    # Nothing is shared with the prosecution from its own vault: the button is not there to say so.
    assert not section.share_button.isVisible()
    assert not [b for b in section.findChildren(QAbstractButton) if "prosecution" in b.text() and b.isVisible()]
    cut["prosecution: referrals"] = clipped(win)
    shot(win, "200-prosecution-referrals")
    _no_cuts(cut)
