"""Quick unlock driven as a person would: choose a PIN after the passphrase, lock, open with the PIN; three wrong
PINs bring the passphrase back. A real SQLCipher vault and the in-memory keyring from tests/conftest.py."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from app.core.settings import QUICK_UNLOCK_ALLOWED_BY_OFFICE, QUICK_UNLOCK_ENABLED, Settings
from app.storage import quick_unlock as qu
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.ui import quick_unlock as offer
from app.ui.qt import (
    QApplication,
    QLineEdit,
    Qt,
)
from tests.ui.helpers import UnlockHost as Host
from tests.ui.helpers import assert_all_named, button, click, field, shot, use_readable_font

PASSPHRASE = "a long test passphrase"
PIN = "4826"


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str], keyring_backend: object) -> Iterator[None]:
    """Text renders as text; the keyring starts empty; no "Not today" is remembered from another test."""
    offer._declined_until.clear()
    yield
    offer._declined_until.clear()


class FailingKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("none")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("none")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("none")


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    folder = Vault(tmp_path / "data")
    folder.create(PASSPHRASE, kdf_params=KdfParams.floor())[0].lock()
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    chosen = Settings(tmp_path / "config")
    chosen.set(QUICK_UNLOCK_ENABLED, True)
    return chosen


@pytest.fixture
def make_host(make_unlock_host: Callable[..., Host], settings: Settings) -> Callable[[Vault], Host]:
    return lambda vault: make_unlock_host(vault, settings)


def lock_again(qtbot, host: Host) -> None:
    host.lock()
    qtbot.waitUntil(host.isActiveWindow, timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is host.page.active_field(), timeout=5_000)


def type_and_enter(qtbot, target: QLineEdit, text: str) -> None:
    target.setFocus()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def unlock_with_passphrase(qtbot, host: Host) -> UnlockedVault:
    with qtbot.waitSignal(host.page.unlocked, timeout=10_000) as opened:
        type_and_enter(qtbot, field(host.page, "Passphrase"), PASSPHRASE)
    return opened.args[0]


def choose_pin(qtbot, host: Host, unlocked: UnlockedVault, pin: str = PIN, *, shots: str | None = None) -> None:
    dialog = offer.offer_quick_unlock(host, host.runner, unlocked, host.settings)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    assert_all_named(dialog)
    if shots:
        shot(dialog, f"{shots}-pin-offer")
    type_and_enter(qtbot, field(dialog, "PIN"), pin)
    assert QApplication.focusWidget() is field(dialog, "PIN again")  # Enter moves on to the second field
    with qtbot.waitSignal(dialog.pin_chosen, timeout=10_000):
        type_and_enter(qtbot, field(dialog, "PIN again"), pin)
    assert not dialog.isVisible()


# --- the whole day ------------------------------------------------------------------------------------------------


def test_choose_a_pin_lock_and_open_with_it(qtbot, vault: Vault, make_host: Callable[[Vault], Host]) -> None:
    host = make_host(vault)
    page = host.page
    assert page.mode == "passphrase"
    shot(host, "100-unlock-passphrase")
    unlocked = unlock_with_passphrase(qtbot, host)
    choose_pin(qtbot, host, unlocked, shots="100")
    assert qu.quick_unlock_status(unlocked).available

    lock_again(qtbot, host)
    assert page.mode == "pin"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.pin, timeout=5_000)
    assert not page.passphrase.isVisible()
    assert button(page, "Use my passphrase instead").isVisible()
    assert "PIN" in page.intro.text()
    assert_all_named(page)
    shot(host, "100-unlock-pin")

    with qtbot.waitSignal(page.unlocked, timeout=10_000) as opened:
        type_and_enter(qtbot, field(page, "PIN"), PIN)
    assert opened.args[0].is_open
    assert page.pin.text() == ""

    # A PIN is already set for today: nothing more is offered.
    assert offer.offer_quick_unlock(host, host.runner, opened.args[0], host.settings) is None
    lock_again(qtbot, host)
    assert page.mode == "pin"


def test_three_wrong_pins_force_the_passphrase(qtbot, vault: Vault, make_host: Callable[[Vault], Host]) -> None:
    host = make_host(vault)
    page = host.page
    choose_pin(qtbot, host, unlock_with_passphrase(qtbot, host))
    lock_again(qtbot, host)
    assert page.mode == "pin"

    type_and_enter(qtbot, field(page, "PIN"), "1111")
    qtbot.waitUntil(lambda: "2 tries left" in page.status.text(), timeout=10_000)
    assert page.mode == "pin" and field(page, "PIN").text() == ""
    shot(host, "100-unlock-pin-wrong")
    type_and_enter(qtbot, field(page, "PIN"), "2222")
    qtbot.waitUntil(lambda: "1 try left" in page.status.text(), timeout=10_000)
    type_and_enter(qtbot, field(page, "PIN"), "3333")
    qtbot.waitUntil(lambda: page.mode == "passphrase", timeout=10_000)

    assert "third try" in page.status.text()
    assert page.passphrase.isVisible() and not page.pin.isVisible()
    assert QApplication.focusWidget() is page.passphrase
    assert not page.use_passphrase_button.isVisible()
    shot(host, "100-unlock-after-three-wrong-pins")
    assert qu.quick_unlock_status(vault) == (False, qu.TOO_MANY_TRIES)

    # It stays the passphrase after the next lock, and says why.
    lock_again(qtbot, host)
    assert page.mode == "passphrase"
    assert page.intro.text() == qu.TOO_MANY_TRIES
    unlock_with_passphrase(qtbot, host)


def test_use_my_passphrase_instead_until_the_next_lock(
    qtbot, vault: Vault, make_host: Callable[[Vault], Host]
) -> None:
    host = make_host(vault)
    page = host.page
    choose_pin(qtbot, host, unlock_with_passphrase(qtbot, host))
    lock_again(qtbot, host)
    click(qtbot, page, "Use my passphrase instead")
    assert page.mode == "passphrase"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.passphrase, timeout=5_000)
    page.hide()
    page.show()  # coming back to the window does not switch back under the person's hands
    assert page.mode == "passphrase"
    unlock_with_passphrase(qtbot, host)
    lock_again(qtbot, host)
    assert page.mode == "pin"


def test_the_pin_dialog_checks_what_was_typed(qtbot, vault: Vault, make_host: Callable[[Vault], Host]) -> None:
    host = make_host(vault)
    unlocked = unlock_with_passphrase(qtbot, host)
    dialog = offer.offer_quick_unlock(host, host.runner, unlocked, host.settings)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(field(dialog, "PIN"), "12ab")  # letters never get in
    assert field(dialog, "PIN").text() == "12"
    click(qtbot, dialog, "Use this PIN")
    assert "4 to 12 digits" in dialog.status.text()
    field(dialog, "PIN").clear()
    qtbot.keyClicks(field(dialog, "PIN"), "123456")
    qtbot.keyClicks(field(dialog, "PIN again"), "123457")
    click(qtbot, dialog, "Use this PIN")
    assert "not the same" in dialog.status.text()
    shot(dialog, "100-pin-offer-mismatch")
    assert not host.runner.busy
    click(qtbot, dialog, "Not today")
    assert not dialog.isVisible()
    assert not qu.quick_unlock_status(unlocked).available
    # "Not today" holds for the rest of the day.
    assert offer.offer_quick_unlock(host, host.runner, unlocked, host.settings) is None
    later = qu.day_end(None, 23) + dt.timedelta(minutes=1)
    assert offer.should_offer(unlocked, host.settings, now=later)


def test_no_offer_unless_switched_on_allowed_and_possible(
    qtbot, vault: Vault, make_host: Callable[[Vault], Host], settings: Settings, keyring_backend: KeyringBackend
) -> None:
    host = make_host(vault)
    unlocked = unlock_with_passphrase(qtbot, host)
    assert offer.should_offer(unlocked, settings)

    settings.set(QUICK_UNLOCK_ENABLED, False)
    assert offer.offer_quick_unlock(host, host.runner, unlocked, settings) is None
    settings.set(QUICK_UNLOCK_ENABLED, True)

    settings.set(QUICK_UNLOCK_ALLOWED_BY_OFFICE, False)
    assert offer.offer_quick_unlock(host, host.runner, unlocked, settings) is None
    assert "office" in (offer.quick_unlock_unavailable_reason(settings) or "")
    settings.set(QUICK_UNLOCK_ALLOWED_BY_OFFICE, True)

    keyring.set_keyring(FailingKeyring())
    try:
        assert offer.offer_quick_unlock(host, host.runner, unlocked, settings) is None
        assert offer.quick_unlock_unavailable_reason(settings) == qu.NO_KEYRING
    finally:
        keyring.set_keyring(keyring_backend)


def test_a_keyring_that_fails_while_the_dialog_is_open_is_explained(
    qtbot, vault: Vault, make_host: Callable[[Vault], Host], keyring_backend: KeyringBackend
) -> None:
    host = make_host(vault)
    unlocked = unlock_with_passphrase(qtbot, host)
    dialog = offer.offer_quick_unlock(host, host.runner, unlocked, host.settings)
    assert dialog is not None
    keyring.set_keyring(FailingKeyring())
    try:
        qtbot.keyClicks(field(dialog, "PIN"), PIN)
        qtbot.keyClicks(field(dialog, "PIN again"), PIN)
        click(qtbot, dialog, "Use this PIN")
        qtbot.waitUntil(lambda: "no working system keyring" in dialog.status.text(), timeout=10_000)
        assert not field(dialog, "PIN").isEnabled()
        click(qtbot, dialog, "Close")
    finally:
        keyring.set_keyring(keyring_backend)
    assert not qu.quick_unlock_status(unlocked).available


def test_screenshots_at_200_percent(qtbot, vault: Vault, make_host: Callable[[Vault], Host]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_readable_font()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 2)
    app.setFont(bigger)
    try:
        host = make_host(vault)
        page = host.page
        choose_pin(qtbot, host, unlock_with_passphrase(qtbot, host), shots="200")
        lock_again(qtbot, host)
        shot(host, "200-unlock-pin")
        type_and_enter(qtbot, field(page, "PIN"), "1111")
        qtbot.waitUntil(lambda: "2 tries left" in page.status.text(), timeout=10_000)
        shot(host, "200-unlock-pin-wrong")
        for widget in (page.unlock_button, page.use_passphrase_button):
            assert widget.width() >= widget.sizeHint().width()
        for _ in range(2):
            type_and_enter(qtbot, field(page, "PIN"), "1111")
            qtbot.waitUntil(lambda: not host.runner.busy, timeout=10_000)
        qtbot.waitUntil(lambda: page.mode == "passphrase", timeout=10_000)
        shot(host, "200-unlock-after-three-wrong-pins")
    finally:
        app.setFont(original)
