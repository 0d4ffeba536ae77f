"""Intake in the real main window, from the keyboard, finding widgets by accessible name: Ctrl+N, the short form,
the possible-same-person list ("Open this person" / "This is someone new"), the new person at Details; the first
person of an empty vault; a search that finds no one; screenshots at 1280×800 and at 200 % text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.models import Person
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.new_person import NewPersonDialog
from app.ui.person.details import PersonDetailsForm
from app.ui.qt import QApplication, QFont, QLineEdit, QListWidget, Qt, QWidget
from tests.ui import helpers
from tests.ui.helpers import PASSPHRASE, assert_all_named, button, field, focused, shot


def _make_vault(folder: Path, names: list[dict[str, object]]) -> Path:
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        for values in names:
            ws.records.create("person", values)
    finally:
        unlocked.lock()
    return folder


@pytest.fixture(autouse=True)
def _readable_font() -> Iterator[None]:
    """The app's start-up font, so screenshots show the real size; put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    helpers.use_readable_font()
    yield
    app.setFont(before)


@pytest.fixture
def big_text(_readable_font: None) -> Iterator[None]:
    """Text at twice its size, as a person with 200 % scaling sees it; the font is put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    font = QFont(app.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    yield
    app.setFont(before)


def _window(qtbot, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Vault(folder), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.unlock_page.passphrase.setFocus()
    qtbot.keyClicks(win.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=10_000)
    qtbot.waitUntil(lambda: win.caseload_page.count_label.text() != "Loading…", timeout=10_000)
    return win


@pytest.fixture
def rosa_vault(tmp_path: Path) -> Path:
    return _make_vault(
        tmp_path / "vault",
        [
            {"preferred_name": "Rosa", "aliases": ["Rosie"], "date_of_birth": "1994-05-17", "pronouns": "she/her"},
            {"preferred_name": "Rosarumbrel Example", "age_group": "adult"},
            {"preferred_name": "Bexley Notreal"},
        ],
    )


def _dialog(qtbot, win: MainWindow) -> NewPersonDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(NewPersonDialog)), timeout=5_000)
    (dialog,) = [d for d in win.findChildren(NewPersonDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()), timeout=5_000)
    return dialog


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)


def _tab(qtbot, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def _settle(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    helpers.settle(qtbot, win.runner)


def _people_named(win: MainWindow, name: str) -> list[str]:
    ws = win.workspace
    assert ws is not None
    with ws.session() as s:
        return [p.id for p in s.query(Person).filter(Person.preferred_name == name)]


def test_ctrl_n_a_possible_match_opens_the_person_already_here(qtbot, rosa_vault: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, rosa_vault)
    assert win.caseload_page.count_label.accessibleName() == "3 people"  # the number, not what the label is for
    (rosa,) = _people_named(win, "Rosa")

    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, win)
    assert_all_named(dialog)
    assert focused() is field(dialog, "Name they want to be called (required)")
    _type(qtbot, "Rosa")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter is Continue
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.match_page, timeout=10_000)

    matches = next(m for m in dialog.findChildren(QListWidget) if m.accessibleName() == "Possible matches")
    assert focused() is matches
    shown = [matches.item(i).text() for i in range(matches.count())]
    assert shown[0].startswith("Rosa\nAlso called Rosie · Born 1994")
    assert "Rosarumbrel Example" in shown[1] and "Adult" in shown[1]
    assert not any("Bexley" in line for line in shown)
    assert "she/her" not in " ".join(shown)  # just enough to tell people apart
    assert dialog.open_button.isDefault() and button(dialog, "Open this person") is dialog.open_button
    assert button(dialog, "This is someone new").isVisible()

    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter opens the one chosen (the first)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=10_000)
    assert not any(d.isVisible() for d in win.findChildren(NewPersonDialog))
    assert win.person_page.location() == (rosa, "overview")
    assert _people_named(win, "Rosa") == [rosa]  # nobody new was made
    win.close()


def test_this_is_someone_new_saves_them_and_opens_details(qtbot, rosa_vault: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, rosa_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, win)
    _type(qtbot, "Rosa")
    _tab(qtbot)
    assert focused() is field(dialog, "Other names")
    _type(qtbot, "Ro, Rosa M.")
    _tab(qtbot)
    assert focused() is field(dialog, "Pronouns")
    _type(qtbot, "they/them")
    _tab(qtbot)
    _type(qtbot, "Spanish, English")
    _tab(qtbot)
    assert focused() is field(dialog, "Date of birth")
    _type(qtbot, "2001-02-03")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.match_page, timeout=10_000)

    _tab(qtbot)
    assert focused() is button(dialog, "Open this person")
    _tab(qtbot)
    assert focused() is button(dialog, "This is someone new")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=10_000)
    _settle(qtbot, win)

    new_ids = [pid for pid in _people_named(win, "Rosa") if win.person_page.location() == (pid, "details")]
    assert len(_people_named(win, "Rosa")) == 2 and len(new_ids) == 1
    details = win.person_page.sections["details"]
    assert isinstance(details, PersonDetailsForm)
    name_field = details.fields.widgets["preferred_name"]
    assert isinstance(name_field, QLineEdit) and name_field.text() == "Rosa"
    assert details.fields.value("pronouns") == "they/them"
    assert details.fields.value("aliases") == ["Ro", "Rosa M."]
    assert details.fields.value("age_group") == "adult"
    assert details.isAncestorOf(focused())  # the keyboard is in Details, ready for the rest
    win.close()


def test_a_new_vault_takes_its_first_person_from_the_keyboard_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, _make_vault(tmp_path / "vault", []))
    page = win.caseload_page
    assert page.count_label.text() == "No people in this vault yet"
    assert page.count_label.accessibleName() == "No people in this vault yet"
    assert focused() is page.search
    shot(win, "empty-vault")
    _tab(qtbot)
    assert focused() is button(page, "Add a new person")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    dialog = _dialog(qtbot, win)

    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # nothing typed yet: one sentence beside the name, nothing saved
    qtbot.waitUntil(lambda: _error_text(dialog) != "", timeout=5_000)
    assert _error_text(dialog) == "Please write the name they want to be called."
    assert focused() is field(dialog, "Name they want to be called (required)")
    _type(qtbot, "Amani")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # nobody like them here: saved at once
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=10_000)
    _settle(qtbot, win)
    (amani,) = _people_named(win, "Amani")
    assert win.person_page.location() == (amani, "details")

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # back to the caseload, which lists them
    qtbot.waitUntil(lambda: win.pages.currentWidget() is page, timeout=5_000)
    qtbot.waitUntil(lambda: page.count_label.accessibleName() == "1 person", timeout=5_000)
    assert not page.add_button.isVisible()
    win.close()


def _error_text(dialog: QWidget) -> str:
    assert isinstance(dialog, NewPersonDialog)
    return dialog.fields.errors["preferred_name"].text()


def test_a_search_that_finds_no_one_offers_a_new_person_with_that_name(qtbot, rosa_vault: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, rosa_vault)
    page = win.caseload_page
    _type(qtbot, "Zelie")
    qtbot.waitUntil(lambda: page.count_label.text() == "No one matches that search", timeout=10_000)
    add = button(page, "Add a new person")
    assert add.text() == "No one called “Zelie” — add a new person"
    shot(win, "empty-search")
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # nobody to move to in the list: Down reaches the offer
    assert focused() is add
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    dialog = _dialog(qtbot, win)
    assert field(dialog, "Name they want to be called (required)").text() == "Zelie"

    _tab(qtbot, 4)
    assert focused() is field(dialog, "Date of birth")
    _type(qtbot, "2090-01-01")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.fields.errors["date_of_birth"].text() != "", timeout=5_000)
    assert dialog.fields.errors["date_of_birth"].text() == "The date of birth cannot be in the future."
    assert focused() is field(dialog, "Date of birth")
    assert field(dialog, "Date of birth").text() == "2090-01-01"  # nothing lost
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Escape cancels; nothing saved
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in win.findChildren(NewPersonDialog)), timeout=5_000)
    assert _people_named(win, "Zelie") == []
    assert win.pages.currentWidget() is page
    win.close()


def test_new_person_is_in_the_person_menu_and_toolbar_and_only_when_unlocked(qtbot, rosa_vault: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(Vault(rosa_vault), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    assert not win.new_person_action.isEnabled()  # locked: nothing to add to
    assert win.new_person_action in win.person_menu.actions()
    assert win.new_person_action.shortcut().toString() == "Ctrl+N"
    tool = win.people_toolbar.widgetForAction(win.new_person_action)
    assert tool is not None and tool.accessibleName() == "New person"
    win.close()
    win = _window(qtbot, rosa_vault)
    assert win.new_person_action.isEnabled()
    win.close()


@pytest.mark.parametrize("scale", ["100", "200"])
def test_screenshots_of_the_form_and_the_possible_matches(  # type: ignore[no-untyped-def]
    qtbot, rosa_vault: Path, request: pytest.FixtureRequest, scale: str
) -> None:
    if scale == "200":
        request.getfixturevalue("big_text")
    win = _window(qtbot, rosa_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, win)
    _type(qtbot, "Rosa")
    _tab(qtbot)
    _type(qtbot, "Rosie")
    _tab(qtbot)
    _type(qtbot, "she/her")
    # The whole dialog fits in the 1280×800 window, and every field can be reached (scrolled to) at either size.
    assert dialog.frameGeometry().height() <= 800 and dialog.frameGeometry().width() <= 1280
    shot(win, f"window-new-person-{scale}")
    shot(dialog, f"new-person-form-{scale}")
    last = field(dialog, "Safe times to make contact")
    last.setFocus()
    dialog.scroll_area.ensureWidgetVisible(last)
    assert last.visibleRegion().boundingRect().height() > 0
    shot(dialog, f"new-person-form-end-{scale}")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.match_page, timeout=10_000)
    shot(dialog, f"new-person-matches-{scale}")
    for name in ("Open this person", "This is someone new", "Back to the form"):
        assert button(dialog, name).visibleRegion().boundingRect().width() >= button(dialog, name).width() - 1
    win.close()


def test_locking_with_the_form_open_keeps_the_typing_and_brings_the_form_back(qtbot, rosa_vault: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, rosa_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _dialog(qtbot, win)
    _type(qtbot, "Dalia")
    _tab(qtbot, 2)
    _type(qtbot, "she/her")

    qtbot.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.unlock_page, timeout=5_000)
    # Nothing stays on screen over a locked vault.
    assert not any(d.isVisible() for d in win.findChildren(NewPersonDialog))
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)

    win.unlock_page.passphrase.setFocus()
    qtbot.keyClicks(win.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
    again = _dialog(qtbot, win)
    assert field(again, "Name they want to be called (required)").text() == "Dalia"
    assert field(again, "Pronouns").text() == "she/her"
    assert focused() is field(again, "Pronouns")  # where the typing stopped
    assert _people_named(win, "Dalia") == []  # kept as a draft inside the vault, not saved as a person
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=10_000)
    assert len(_people_named(win, "Dalia")) == 1
    win.close()
