"""First run, driven as a person would: keyboard, clicks on buttons found by their accessible names, a real vault.

Every test creates a real SQLCipher vault with Argon2id at the floor; the printer and the save dialog are the only
things replaced.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import app.ui.first_run as first_run
from app.core.settings import IDLE_LOCK_SECONDS, LOCK_CHOICES, Settings
from app.storage import recovery
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.ui.first_run import FirstRunPage
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPrinter,
    QProgressBar,
    Qt,
    QWidget,
)
from app.ui.tasks import TaskRunner
from tests.ui import helpers

PASSPHRASE = "lantern orbit cactus meadow"
MIN_POINT_SIZE = 10.0  # what app.ui.app.use_readable_font applies at start-up


def use_readable_font(app: object) -> None:
    """As the app does at start-up (kept here so this page is tested without the main window)."""
    assert isinstance(app, QApplication)
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text, not boxes, for the screenshots to mean anything."""


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def make_page(qtbot, tmp_data_dir: Path, config_dir: Path) -> Iterator[Callable[..., FirstRunPage]]:
    made: list[tuple[FirstRunPage, TaskRunner]] = []

    def make(vault: Vault | None = None, **kwargs: object) -> FirstRunPage:
        use_readable_font(QApplication.instance())  # as app.main does, so the screenshots show the real size
        runner = TaskRunner()
        kwargs.setdefault("kdf_params", KdfParams.floor())
        page = FirstRunPage(vault or Vault(tmp_data_dir), runner, Settings(config_dir), **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
        made.append((page, runner))
        return page

    yield make
    for page, runner in made:
        page.discard()
        runner.shutdown()


@pytest.fixture
def page(make_page: Callable[..., FirstRunPage]) -> FirstRunPage:
    return make_page()


# --- how a person uses it ---------------------------------------------------------------------------------------


def button(page: FirstRunPage, name: str) -> QAbstractButton:
    found = [b for b in page.findChildren(QAbstractButton) if b.accessibleName() == name and b.isVisible()]
    assert len(found) == 1, f"expected one visible button named {name!r}, found {len(found)}"
    return found[0]


def click(qtbot, page: FirstRunPage, name: str) -> None:
    target = button(page, name)
    assert target.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def press(qtbot, key: Qt.Key) -> None:
    """A key press where the keyboard focus is, as a person would press it."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def code_on_screen(page: FirstRunPage) -> str:
    """The recovery code, read off the screen group by group."""
    return "-".join(label.text() for label in page.group_labels)


def groups_asked_for(page: FirstRunPage) -> list[int]:
    return [int(re.fullmatch(r"Group (\d)", label.text()).group(1)) for label in page.check_labels]  # type: ignore[union-attr]


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def shot(page: FirstRunPage, name: str) -> None:
    helpers.shot(page, name)
    assert_nothing_clipped(page)


def assert_nothing_clipped(page: FirstRunPage) -> None:
    """Every visible wrapped text gets the height its width needs (a lost last line is easy to miss)."""
    clipped = [
        label.text()[:40]
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]
    assert clipped == []


def interactive_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QProgressBar):
        found.extend(root.findChildren(kind))
    return found


def assert_all_named(page: FirstRunPage) -> None:
    widgets = interactive_widgets(page)
    assert len(widgets) >= 12
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if not w.accessibleName().strip()]
    assert unnamed == []


def to_practice(qtbot, page: FirstRunPage, passphrase: str = PASSPHRASE) -> None:
    assert page.current_step == page.WELCOME
    press(qtbot, Qt.Key.Key_Return)  # "Get started" has the focus
    assert page.current_step == page.PASSPHRASE
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClicks(page.passphrase, passphrase)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.passphrase_again
    qtbot.keyClicks(page.passphrase_again, passphrase)
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.PRACTICE


def to_code(qtbot, page: FirstRunPage, passphrase: str = PASSPHRASE, *, shots: str | None = None) -> str:
    if shots:
        shot(page, f"{shots}-1-welcome")
    if shots:
        _to_practice_with_shots(qtbot, page, passphrase, shots)
    else:
        to_practice(qtbot, page, passphrase)
    assert QApplication.focusWidget() is page.practice_field
    qtbot.keyClicks(page.practice_field, passphrase)
    if shots:
        shot(page, f"{shots}-3-practice")
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.CREATING
    assert page.busy.isVisible()
    assert not page.back_button.isVisible() and not page.next_button.isVisible()
    if shots:
        shot(page, f"{shots}-4-creating")
    qtbot.waitUntil(lambda: page.current_step == page.CODE, timeout=20_000)
    code = code_on_screen(page)
    recovery.parse(code)  # a real, well-formed code
    return code


def _to_practice_with_shots(qtbot, page: FirstRunPage, passphrase: str, shots: str) -> None:
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.passphrase_again, passphrase)
    shot(page, f"{shots}-2-passphrase")
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.PRACTICE


def type_back_groups(qtbot, page: FirstRunPage, code: str) -> None:
    for field, number in zip(page.check_fields, groups_asked_for(page), strict=True):
        group = recovery.group_of(code, number - 1)
        type_into(qtbot, field, f" {group[:2].lower()} {group[2:]} ")  # case and spaces do not matter


# --- the whole way through ----------------------------------------------------------------------------------------


def test_first_run_makes_a_vault_that_opens_with_the_chosen_passphrase(
    qtbot, page: FirstRunPage, tmp_data_dir: Path, config_dir: Path, tmp_path: Path
) -> None:
    assert not Vault(tmp_data_dir).exists()
    code = to_code(qtbot, page)
    assert Vault(tmp_data_dir).exists()
    # Nothing of the passphrase is left in a field.
    assert all(not f.text() for f in (page.passphrase, page.passphrase_again, page.practice_field))

    assert QApplication.focusWidget() is page.next_button  # Enter goes on; Save and Print are a Tab away
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.CHECK
    assert QApplication.focusWidget() is page.check_fields[0]
    first, second = groups_asked_for(page)
    assert 1 <= first < second <= recovery.GROUPS
    type_back_groups(qtbot, page, code)
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.LOCK_TIME

    combo = page.lock_choice
    assert QApplication.focusWidget() is combo
    assert combo.currentText() == "5 minutes"  # the default
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Immediately", "1 minute", "2 minutes", "5 minutes", "10 minutes", "15 minutes", "30 minutes", "1 hour",
    ]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert combo.currentText() == "15 minutes"
    with qtbot.waitSignal(page.finished, timeout=5_000) as finished:
        press(qtbot, Qt.Key.Key_Return)  # Finish
    unlocked = finished.args[0]
    assert isinstance(unlocked, UnlockedVault)
    assert unlocked.is_open

    # The code is gone from the screen.
    assert all(label.text() == "" for label in page.group_labels)
    assert all(not field.text() for field in page.check_fields)
    assert code.split("-")[0] not in " ".join(label.text() for label in page.findChildren(QLabel))

    unlocked.lock()
    Vault(tmp_data_dir).unlock(PASSPHRASE).lock()  # the chosen passphrase opens it
    Vault(tmp_data_dir).recover(code, "a brand new passphrase here", kdf_params=KdfParams.floor()).lock()
    assert Settings(config_dir).get(IDLE_LOCK_SECONDS) == 900

    # The code was written nowhere on disk: not in the vault folder, not in the settings.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for i in range(recovery.GROUPS):
                assert recovery.group_of(code, i).encode() not in data, path


def test_the_vault_is_really_unlocked_again_with_the_practised_passphrase(
    qtbot, make_page: Callable[..., FirstRunPage], tmp_data_dir: Path
) -> None:
    tries: list[str] = []

    class Watched(Vault):
        def unlock(self, passphrase: str, *, full_check: bool = False) -> UnlockedVault:
            tries.append(passphrase)
            return super().unlock(passphrase, full_check=full_check)

    page = make_page(Watched(tmp_data_dir))
    to_code(qtbot, page)
    assert tries == [PASSPHRASE]


def test_without_kdf_params_the_product_calibrates(qtbot, make_page: Callable[..., FirstRunPage],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import app.storage.vault as vault_module

    calls: list[int] = []

    def quick_calibration() -> KdfParams:
        calls.append(1)
        return KdfParams.floor()

    monkeypatch.setattr(vault_module, "calibrate", quick_calibration)
    page = make_page(kdf_params=None)
    to_code(qtbot, page)
    assert calls == [1]


# --- choosing the passphrase ----------------------------------------------------------------------------------


def test_mismatched_passphrases_keep_next_disabled(qtbot, page: FirstRunPage, tmp_data_dir: Path) -> None:
    click(qtbot, page, "Get started")
    type_into(qtbot, page.passphrase, PASSPHRASE)
    type_into(qtbot, page.passphrase_again, "lantern orbit cactus meadows")
    assert not button(page, "Next").isEnabled()
    assert page.match_label.text() == "The two do not match yet."
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.PASSPHRASE

    qtbot.keyClick(page.passphrase_again, Qt.Key.Key_Backspace)
    assert page.match_label.text() == "Both match."
    assert button(page, "Next").isEnabled()

    # Matching but too short: still no.
    page.passphrase.clear()
    page.passphrase_again.clear()
    type_into(qtbot, page.passphrase, "short one")
    type_into(qtbot, page.passphrase_again, "short one")
    assert not button(page, "Next").isEnabled()
    assert page.strength_label.text().startswith("Strength: Too short.")
    assert not Vault(tmp_data_dir).exists()


def test_the_strength_meter_follows_typing(qtbot, page: FirstRunPage) -> None:
    click(qtbot, page, "Get started")
    assert page.strength_label.text() == "Strength: nothing typed yet."
    type_into(qtbot, page.passphrase, "password1234")
    assert page.strength_bar.value() == 1
    assert page.strength_label.text().startswith("Strength: Very easy to guess. This is a very common password.")
    # zxcvbn's judgment decides, as the person types: long enough and matching is not enough (issue 16, item 6).
    page.passphrase.clear()
    type_into(qtbot, page.passphrase, "Summer2024!")
    type_into(qtbot, page.passphrase_again, "Summer2024!")
    assert page.strength_label.text().startswith("Strength: Easy to guess.")
    assert not button(page, "Next").isEnabled()
    page.passphrase_again.clear()
    page.passphrase.clear()
    type_into(qtbot, page.passphrase, "lantern orbit cactus meadow kettle")
    assert page.strength_bar.value() == 4
    assert page.strength_label.text().startswith("Strength: Very strong.")
    assert page.strength_bar.accessibleDescription() == page.strength_label.text()


def test_show_reveals_the_passphrase_and_hides_it_again(qtbot, page: FirstRunPage) -> None:
    click(qtbot, page, "Get started")
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password
    page.show_passphrase.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert page.passphrase_again.echoMode() == QLineEdit.EchoMode.Normal
    press(qtbot, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password


def test_a_wrong_practice_try_is_kind_and_nothing_is_created(qtbot, page: FirstRunPage, tmp_data_dir: Path) -> None:
    to_practice(qtbot, page)
    qtbot.keyClicks(page.practice_field, "lantern orbit cactus")
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.PRACTICE
    assert page.practice_status.text().startswith("That is not quite the passphrase you chose.")
    assert page.practice_field.text() == ""
    assert QApplication.focusWidget() is page.practice_field
    assert not Vault(tmp_data_dir).exists()

    # Escape goes back to choose another; the fields start empty.
    press(qtbot, Qt.Key.Key_Escape)
    assert page.current_step == page.PASSPHRASE
    assert page.passphrase.text() == "" and page.passphrase_again.text() == ""
    assert not Vault(tmp_data_dir).exists()


# --- the recovery code ------------------------------------------------------------------------------------------


def test_a_wrong_group_is_refused_kindly(qtbot, page: FirstRunPage) -> None:
    code = to_code(qtbot, page)
    click(qtbot, page, "Next")
    first, second = groups_asked_for(page)
    type_into(qtbot, page.check_fields[0], recovery.group_of(code, first - 1))
    type_into(qtbot, page.check_fields[1], "zzzzz")
    click(qtbot, page, "Check")
    assert page.current_step == page.CHECK
    assert page.check_status.text() == (
        f"Group {second} does not match the code. That happens. Press Back to look at the code again "
        "and compare it with your copy."
    )
    assert page.check_fields[1].text() == ""
    assert page.check_fields[0].text() != ""  # the right one stays
    assert QApplication.focusWidget() is page.check_fields[1]

    press(qtbot, Qt.Key.Key_Escape)  # look again
    assert page.current_step == page.CODE
    assert code_on_screen(page) == code
    click(qtbot, page, "Next")
    assert groups_asked_for(page) == [first, second]  # the same two, not a new riddle
    type_into(qtbot, page.check_fields[1], recovery.group_of(code, second - 1).replace("0", "o"))
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.LOCK_TIME


def test_save_as_pdf_writes_the_sheet(qtbot, page: FirstRunPage, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code = to_code(qtbot, page)
    target = tmp_path / "usb" / "sheet"  # no .pdf: it is added
    target.parent.mkdir()
    asked: list[tuple[object, ...]] = []

    def fake_dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(args)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    click(qtbot, page, "Save as PDF…")

    assert len(asked) == 1
    assert Path(str(asked[0][2])).name == "Offramp recovery code.pdf"  # nothing personal in the offered name
    saved = target.with_name("sheet.pdf")
    assert saved.exists()
    assert saved.stat().st_mode & 0o077 == 0  # private to this user
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    for i in range(recovery.GROUPS):
        assert recovery.group_of(code, i) in text
    assert "Offramp recovery code" in text
    assert page.code_status.text().startswith("Saved as “sheet.pdf”.")
    assert page.file_warning.isVisible()


def test_save_as_pdf_cancelled_writes_nothing(qtbot, page: FirstRunPage, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    to_code(qtbot, page)
    before = {p for p in tmp_path.rglob("*")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    click(qtbot, page, "Save as PDF…")
    assert {p for p in tmp_path.rglob("*")} == before
    assert page.code_status.text() == ""


def test_print_sends_the_sheet_to_the_chosen_printer(qtbot, page: FirstRunPage, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    code = to_code(qtbot, page)
    output = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return printer

    shown: list[QPrinter] = []

    class AcceptingDialog:
        def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
            shown.append(printer)

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(first_run, "make_printer", pdf_printer)
    monkeypatch.setattr(first_run, "QPrintDialog", AcceptingDialog)
    click(qtbot, page, "Print…")

    assert len(shown) == 1
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    text = plain(reader.pages[0].extract_text())  # Qt writes ligatures (ﬀ) and tabs between words
    for i in range(recovery.GROUPS):
        assert recovery.group_of(code, i) in text
    assert "Offramp recovery code" in text
    assert "locked drawer" in text
    assert page.code_status.text() == "Sent to the printer. Please collect the page straight away."


def test_print_cancelled_prints_nothing(qtbot, page: FirstRunPage, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    to_code(qtbot, page)
    output = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return printer

    class CancellingDialog:
        def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
            pass

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(first_run, "make_printer", pdf_printer)
    monkeypatch.setattr(first_run, "QPrintDialog", CancellingDialog)
    click(qtbot, page, "Print…")
    assert not output.exists()
    assert page.code_status.text() == ""


# --- closing halfway ------------------------------------------------------------------------------------------


def test_discard_locks_the_vault_it_opened(qtbot, page: FirstRunPage, tmp_data_dir: Path) -> None:
    to_code(qtbot, page)
    page.discard()
    assert code_on_screen(page) == "-" * (recovery.GROUPS - 1)
    Vault(tmp_data_dir).unlock(PASSPHRASE).lock()  # free again, and the passphrase works


# --- accessibility and the look ---------------------------------------------------------------------------------


def test_every_interactive_widget_on_every_step_has_an_accessible_name(qtbot, page: FirstRunPage) -> None:
    seen_steps = {page.current_step}
    assert_all_named(page)
    code = to_code(qtbot, page)
    seen_steps.update({page.PASSPHRASE, page.PRACTICE, page.CREATING, page.current_step})
    assert_all_named(page)
    click(qtbot, page, "Next")
    seen_steps.add(page.current_step)
    assert_all_named(page)
    assert [f.accessibleName() for f in page.check_fields] == [label.text() for label in page.check_labels]
    type_back_groups(qtbot, page, code)
    press(qtbot, Qt.Key.Key_Return)
    seen_steps.add(page.current_step)
    assert_all_named(page)
    assert seen_steps == set(range(page.STEP_COUNT))


@pytest.mark.parametrize("scale", [1, 2], ids=["100", "200"])
def test_screenshots_of_every_step(qtbot, make_page: Callable[..., FirstRunPage], scale: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_readable_font(app)
    original = app.font()
    try:
        if scale != 1:
            bigger = app.font()
            bigger.setPointSizeF(original.pointSizeF() * scale)
            app.setFont(bigger)
        page = make_page()
        assert page.size().width() == 1280 and page.size().height() == 800
        name = f"{scale * 100}"
        code = to_code(qtbot, page, shots=name)
        shot(page, f"{name}-5-code")
        assert page.groups_per_row in (2, 4)
        labels = page.group_labels
        for label in labels:
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
        for a, b in itertools.pairwise(labels):
            assert not a.geometry().intersects(b.geometry())
        click(qtbot, page, "Next")
        type_back_groups(qtbot, page, code)
        shot(page, f"{name}-6-check")
        press(qtbot, Qt.Key.Key_Return)
        shot(page, f"{name}-7-lock-time")
        # Nothing is cut off: the step's content fits the width, the buttons are on screen.
        for widget in (page.next_button, page.back_button):
            rect = widget.geometry()
            assert rect.right() <= page.width() and rect.bottom() <= page.height()
        assert page.lock_choice.width() >= page.lock_choice.minimumSizeHint().width()
    finally:
        app.setFont(original)


def test_lock_choices_in_words_cover_the_setting(page: FirstRunPage) -> None:
    assert [page.lock_time_text(s) for s in LOCK_CHOICES] == [
        "Immediately", "1 minute", "2 minutes", "5 minutes", "10 minutes", "15 minutes", "30 minutes", "1 hour",
    ]


def test_save_and_print_are_reachable_from_the_keyboard(qtbot, page: FirstRunPage) -> None:
    to_code(qtbot, page)
    # Mnemonics (they do not fire under the offscreen platform, so only their presence is checked here).
    assert page.save_button.shortcut().toString() == "Alt+S"
    assert page.print_button.shortcut().toString() == "Alt+P"
    # Tab order: back from Next to Print, then Save (reading order).
    assert QApplication.focusWidget() is page.next_button
    qtbot.keyClick(page.next_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.print_button
    qtbot.keyClick(page.print_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.save_button


def test_copied_code_leaves_the_clipboard_with_the_page(qtbot, page: FirstRunPage) -> None:
    code = to_code(qtbot, page)
    clipboard = QApplication.clipboard()
    clipboard.setText(recovery.group_of(code, 2))
    page.discard()
    assert clipboard.text() == ""
    clipboard.setText("something the person copied")
    page.discard()
    assert clipboard.text() == "something the person copied"  # never anyone else's text


def test_closing_while_the_vault_is_being_created_leaves_it_locked(
    qtbot, page: FirstRunPage, tmp_data_dir: Path
) -> None:
    to_practice(qtbot, page)
    qtbot.keyClicks(page.practice_field, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.CREATING
    page.discard()  # the window is closing
    qtbot.waitUntil(lambda: not page._runner.busy, timeout=20_000)
    Vault(tmp_data_dir).unlock(PASSPHRASE).lock()  # created, closed again, and free
    assert code_on_screen(page) == "-" * (recovery.GROUPS - 1)


def test_a_failed_creation_says_why_and_offers_back(qtbot, page: FirstRunPage, tmp_data_dir: Path) -> None:
    unlocked, _code = Vault(tmp_data_dir).create("another long passphrase", kdf_params=KdfParams.floor())
    unlocked.lock()
    to_practice(qtbot, page)
    qtbot.keyClicks(page.practice_field, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.creating_status.text().startswith("The vault could not be created."), timeout=20_000)
    assert "There is already a vault in this folder" in page.creating_status.text()
    assert "Traceback" not in page.creating_status.text()
    assert not page.busy.isVisible()
    assert not page.next_button.isVisible()
    assert QApplication.focusWidget() is page.back_button
    press(qtbot, Qt.Key.Key_Return)  # Back has the focus
    assert page.current_step == page.PASSPHRASE


def test_the_main_window_goes_from_first_run_to_the_caseload(qtbot, tmp_data_dir: Path, config_dir: Path) -> None:
    """A newcomer's whole first minute, in the real window: no vault, set one up, land in the (empty) caseload."""
    from app.ui.main_window import MainWindow

    win = MainWindow(Vault(tmp_data_dir), settings=Settings(config_dir), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    page = win.first_run_page
    assert page is not None and win.pages.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button(page, "Get started"), timeout=5_000)
    code = to_code(qtbot, page)
    press(qtbot, Qt.Key.Key_Return)
    type_back_groups(qtbot, page, code)
    press(qtbot, Qt.Key.Key_Return)
    assert page.current_step == page.LOCK_TIME
    press(qtbot, Qt.Key.Key_Return)  # Finish with the default lock time
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
    qtbot.waitUntil(lambda: win.caseload_page.count_label.text() == "No people in this vault yet", timeout=10_000)
    assert win.first_run_page is None and win.is_unlocked
    assert win.windowTitle() == "Offramp"
    win.lock()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    field = win.unlock_page.passphrase
    field.setFocus()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
    win.close()
