"""The unlock screen: one calm place to type the passphrase, or today's PIN.

Key derivation takes about a second on purpose, so it runs on the task runner while a busy bar moves. A wrong
passphrase clears the field and asks again after a short wait that grows with each miss (1 s, 2 s, 4 s … 30 s).
When quick unlock is on for today (``app.core.vault_access``) the PIN field comes first, with "Use my passphrase
instead"; a wrong PIN says how many tries are left, and after the third the passphrase field takes over.
A damaged key file or database is said in the error's own words, with the way out beside it: the recovery code
(when the key file still holds a readable recovery wrap) and the latest backup. Any other problem (the vault open
elsewhere) is shown in the error's own words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.core import vault_access as va
from app.core.vault_access import KdfParams, UnlockedVault, Vault
from app.errors import DatabaseDamaged, KeyFileDamaged, OfframpError, WrongPassphrase
from app.memory import wipe_str
from app.ui.errors import human_message
from app.ui.person.fields import column_of
from app.ui.qt import (
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QRegularExpression,
    QRegularExpressionValidator,
    QShowEvent,
    QSizePolicy,
    Qt,
    QTime,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.recover_dialog import RecoverDialog, RestoreDialog
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30

PASSPHRASE_MODE = "passphrase"  # noqa: S105 - a mode name, not a secret
PIN_MODE = "pin"


def retry_wait(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 1, 2, 4, 8, 16, then 30."""
    if failures <= 0:
        return 0
    return min(2 ** (failures - 1), MAX_WAIT_SECONDS)


class UnlockPage(QWidget):
    """Emits :attr:`unlocked` with the open vault. Holds no key and keeps no passphrase or PIN after a try.

    ``new_passphrase_kdf`` is the Argon2id cost for a passphrase chosen during recovery (``None``: calibrated to this
    computer, as the product does; tests set the floor).
    """

    unlocked = Signal(object)  # UnlockedVault

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        *,
        demo: bool = False,
        create_hint: str = "offramp vault create",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._create_hint = create_hint
        self._failures = 0
        self._wait_left = 0
        self._working = False
        self._mode = PASSPHRASE_MODE
        self._pin_declined = False  # "Use my passphrase instead" holds until the next lock
        self.new_passphrase_kdf: KdfParams | None = None
        self.recover_dialog: RecoverDialog | None = None
        self.restore_dialog: RestoreDialog | None = None

        fm = self.fontMetrics()
        field_height = fm.height() + 16

        title = QLabel(self.tr("Offramp"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)

        self.intro = QLabel(self.tr("Your vault is locked. Type your passphrase to open it."), self)
        self.intro.setWordWrap(True)

        self._pin_label = QLabel(self.tr("&PIN"), self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setMaxLength(va.PIN_MAX_DIGITS)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), self.pin))
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin.setMinimumHeight(field_height)
        self._pin_label.setBuddy(self.pin)

        self._field_label = field_label = QLabel(self.tr("&Passphrase"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self.passphrase.setMinimumHeight(field_height)
        field_label.setBuddy(self.passphrase)

        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.setMinimumHeight(field_height)

        self.use_passphrase_button = _link_button(self.tr("Use my passphrase instead"), self)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate: key derivation has no steps to count
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName(self.tr("Opening the vault"))
        keep_space = self.busy.sizePolicy()
        keep_space.setRetainSizeWhenHidden(True)  # no jump in the layout when it appears
        self.busy.setSizePolicy(keep_space)
        self.busy.hide()

        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(3 * fm.lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # The way out when a file is damaged: hidden until then.
        self.way_out = QFrame(self)
        self.recover_button = QPushButton(self.tr("Use my recovery code…"), self.way_out)
        self.recover_button.setAccessibleName(self.tr("Use my recovery code"))
        self.restore_button = QPushButton(self.tr("Restore the latest backup…"), self.way_out)
        self.restore_button.setAccessibleName(self.tr("Restore the latest backup"))
        way_box = QVBoxLayout(self.way_out)
        way_box.setContentsMargins(0, 0, 0, 0)
        way_box.setSpacing(8)
        for button in (self.recover_button, self.restore_button):
            button.setMinimumHeight(field_height)
            button.setAutoDefault(True)
            way_box.addWidget(button)
        self.way_out.hide()

        self.demo_hint = QLabel(self.tr("Demo vault: the passphrase is offramp demo"), self)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setVisible(demo)

        column = QFrame(self)
        # The column grows with the text size, so at 200 % the lines keep their length instead of crowding.
        column.setMaximumWidth(max(440, fm.averageCharWidth() * 60))
        column.setMinimumWidth(320)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = column_of(column, title, self.intro, self.demo_hint, margins=(0, 0, 0, 0), spacing=10)
        box.addSpacing(14)
        box.addWidget(self._pin_label)
        box.addWidget(self.pin)
        box.addWidget(field_label)
        box.addWidget(self.passphrase)
        box.addSpacing(4)
        box.addWidget(self.unlock_button)
        box.addWidget(self.use_passphrase_button)
        box.addWidget(self.busy)
        box.addWidget(self.status)
        box.addWidget(self.way_out)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 6)  # the max width above decides; the margins only take what is left
        row.addStretch(1)
        column_of(self, 2, row, 3, margins=(32, 32, 32, 32))

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.pin.returnPressed.connect(self.try_unlock)
        self.use_passphrase_button.clicked.connect(self.use_passphrase)
        self.recover_button.clicked.connect(self.open_recover_dialog)
        self.restore_button.clicked.connect(self.open_restore_dialog)

        # Before anything looks at the folder: a restore or a passphrase change a crash left half done is finished
        # or undone now (renames only, quick), and what was done is said here.
        self._notices = va.finish_interrupted(vault)
        self.refresh()
        if self._notices and self.vault_exists:
            self.status.setText(" ".join(self.tr(n) for n in self._notices))

    # --- state -------------------------------------------------------------------------------------------------

    @property
    def vault_exists(self) -> bool:
        return va.has_vault(self._vault)

    @property
    def mode(self) -> str:
        """``"pin"`` while today's PIN is asked for, else ``"passphrase"``."""
        return self._mode

    def refresh(self) -> None:
        """Look at the folder again: a vault may have been created since the window opened, a PIN may have ended."""
        if self._working:
            return
        exists = self.vault_exists
        was_missing = self.passphrase.isHidden() and self.pin.isHidden()
        if not exists:
            for widget in (
                self.intro, self._pin_label, self.pin, self._field_label, self.passphrase, self.unlock_button,
                self.use_passphrase_button, self.way_out,
            ):
                widget.hide()
            self.unlock_button.setEnabled(False)
            self.status.setText(
                self.tr(
                    "There is no vault in this folder. Start Offramp again to set one up, "
                    "or create one with:\n\n{command}"
                ).format(command=self._create_hint)
            )
            self.status.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            return
        if was_missing:
            self.status.setText("")
            # Empty again: no longer a stop for Tab (a nameless, empty place a screen reader would land on).
            self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.intro.show()
        self.unlock_button.show()
        self._choose_mode()
        self._update_button()

    def _choose_mode(self) -> None:
        try:
            state = va.quick_unlock_state(self._vault)
        except Exception as exc:  # never let a keyring or file oddity stand between a person and the passphrase
            log.warning("quick unlock status failed: %s", type(exc).__name__)
            state = va.QUICK_UNLOCK_OFF
        if state.available and not self._pin_declined:
            self._set_mode(PIN_MODE)
            self.intro.setText(self.tr("Your vault is locked. Type today's PIN to open it."))
        else:
            self._set_mode(PASSPHRASE_MODE)
            if state.worth_saying:
                self.intro.setText(self.tr(state.reason))
            else:
                self.intro.setText(self.tr("Your vault is locked. Type your passphrase to open it."))

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        pin = mode == PIN_MODE
        for widget in (self._pin_label, self.pin, self.use_passphrase_button):
            widget.setVisible(pin)
        for widget in (self._field_label, self.passphrase):
            widget.setVisible(not pin)
        if pin:
            self.passphrase.clear()
        else:
            self.pin.clear()
        self._update_button()

    def active_field(self) -> QLineEdit:
        return self.pin if self._mode == PIN_MODE else self.passphrase

    def use_passphrase(self) -> None:
        """'Use my passphrase instead': until the next lock, the page asks for the passphrase."""
        if self._working:
            return
        self._pin_declined = True
        self._set_mode(PASSPHRASE_MODE)
        self.intro.setText(self.tr("Your vault is locked. Type your passphrase to open it."))
        self.status.setText("")
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_locked(self) -> None:
        """Back to a fresh page after the vault locked."""
        self.passphrase.clear()
        self.pin.clear()
        self._pin_declined = False
        self.way_out.hide()
        self.status.setText(
            self.tr("Locked at {time}. Everything is saved in the vault.").format(
                time=QTime.currentTime().toString("HH:mm")
            )
        )
        self.refresh()
        self.active_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        if self.vault_exists:
            self.active_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_button(self) -> None:
        waiting = self._wait_left > 0 and self._mode == PASSPHRASE_MODE
        self.unlock_button.setEnabled(not self._working and not waiting and self.vault_exists)
        if self._working:
            self.unlock_button.setText(self.tr("Unlocking…"))
        elif waiting:
            self.unlock_button.setText(self.tr("Try again in %n s", "", self._wait_left))
        else:
            self.unlock_button.setText(self.tr("Unlock"))

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.passphrase.setReadOnly(working)
        self.pin.setReadOnly(working)
        for button in (self.use_passphrase_button, self.recover_button, self.restore_button):
            button.setEnabled(not working)
        self.busy.setVisible(working)
        self._update_button()

    # --- unlocking ---------------------------------------------------------------------------------------------

    def try_unlock(self) -> None:
        if self._working or (self.passphrase.isHidden() and self.pin.isHidden()):
            return
        if self._mode == PIN_MODE:
            self._try_pin()
            return
        if self._wait_left > 0:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Please type your passphrase first."))
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        vault = self._vault
        held = [passphrase]
        del passphrase  # from here on ``held`` has the one reference, which the worker takes and wipes
        self._start_unlock(lambda: _unlock_then_wipe(vault, held), self._failed)

    def _try_pin(self) -> None:
        pin = self.pin.text()
        if not pin.strip():
            self.status.setText(self.tr("Please type your PIN first."))
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        vault = self._vault
        self._start_unlock(lambda: va.unlock_with_pin(vault, pin), self._pin_failed)

    def _start_unlock(self, open_vault: Callable[[], UnlockedVault], on_error: Callable[[BaseException], None]) -> None:
        """Derive the key and open the vault on the worker, with the page showing it is busy."""
        self.way_out.hide()
        self.status.setText(self.tr("Opening the vault…"))
        self._set_working(True)
        self._runner.run(
            open_vault,
            on_done=self._succeeded,
            on_error=on_error,
            on_dropped=_lock_quietly,  # the window closed while the key was being derived
        )

    def _succeeded(self, unlocked: UnlockedVault) -> None:
        self._failures = 0
        self._set_working(False)
        self.passphrase.clear()
        self.pin.clear()
        self.status.setText("")
        self.way_out.hide()
        notices = va.take_notices(self._vault)  # e.g. the previous passphrase opened it: an unfinished change undone
        window = self.window()
        if notices and isinstance(window, QMainWindow):
            window.statusBar().showMessage(" ".join(self.tr(n) for n in notices), 60_000)
        self.unlocked.emit(unlocked)

    def _pin_failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.pin.clear()
        if (isinstance(exc, va.WrongPin) and exc.tries_left > 0) or isinstance(exc, va.InvalidPin):
            self.status.setText(exc.message)
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, va.WrongPin | va.QuickUnlockUnavailable):
            # The third wrong PIN, or the PIN ended meanwhile: the passphrase from here on.
            self._set_mode(PASSPHRASE_MODE)
            self.intro.setText(self.tr("Your vault is locked. Type your passphrase to open it."))
            self.status.setText(exc.message)
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        if isinstance(exc, WrongPassphrase):
            self._failures += 1
            self.passphrase.clear()
            self.status.setText(exc.message)
            self._start_wait(retry_wait(self._failures))
        elif isinstance(exc, KeyFileDamaged | DatabaseDamaged):
            self.passphrase.clear()  # retyping it cannot help; the way out asks for what it needs
            self.status.setText(exc.message)
            self._show_way_out(exc)
        else:
            unexpected = self.tr(
                "The vault could not be opened because of an unexpected problem. Nothing was changed. "
                "Please try again; if it keeps happening, ask your IT contact for help."
            )
            self.status.setText(human_message(exc, unexpected))
            self.passphrase.selectAll()
        self.active_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = seconds
        self._update_button()
        if seconds > 0:
            self._countdown.start()

    def _tick(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        if self._wait_left == 0:
            self._countdown.stop()
        self._update_button()

    # --- the way out -------------------------------------------------------------------------------------------

    def show_damage(self, exc: BaseException) -> None:
        """After the open vault met a damaged part of its database (and was locked): say so, and offer the latest
        backup, as after a failed unlock. The next unlock checks every page (and says the same, naming them)."""
        self.passphrase.clear()
        self.pin.clear()
        self.status.setText(human_message(exc, self.tr("Part of the vault's database is damaged.")))
        self._show_way_out(exc)

    def _show_way_out(self, exc: BaseException) -> None:
        self.recover_button.setVisible(isinstance(exc, KeyFileDamaged) and va.recovery_code_can_help(self._vault))
        self.restore_button.setVisible(True)
        self.way_out.show()

    def open_recover_dialog(self) -> RecoverDialog:
        if self.recover_dialog is not None:
            self.recover_dialog.deleteLater()  # one at a time; the last one stays reachable for its result
        dialog = RecoverDialog(self._vault, self._runner, self, kdf_params=self.new_passphrase_kdf)
        dialog.recovered.connect(self._succeeded)
        self.recover_dialog = dialog
        dialog.open()
        return dialog

    def open_restore_dialog(self) -> RestoreDialog:
        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()  # one at a time; the last one stays reachable for its result
        dialog = RestoreDialog(self._vault, self._runner, self, kdf_params=self.new_passphrase_kdf)
        dialog.restored.connect(self._succeeded)
        self.restore_dialog = dialog
        dialog.open()
        return dialog


def _link_button(text: str, parent: QWidget) -> QPushButton:
    """A quiet, link-like button for a second way (not a second big button competing with Unlock)."""
    button = QPushButton(text, parent)
    button.setAccessibleName(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { text-decoration: underline; text-align: left; padding: 2px 0; }")
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    button.setAutoDefault(False)
    return button


def _lock_quietly(unlocked: UnlockedVault) -> None:
    unlocked.lock()


def _unlock_then_wipe(vault: Vault, held: list[str]) -> UnlockedVault:
    """Unlock with the passphrase in ``held`` (taken out of it), then zero that str's characters (app.memory): it
    is the one copy Python made of the field's text, and a str is otherwise left in freed memory after Lock.

    On a refusal (a wrong passphrase, say) the traceback's frames also hold the passphrase; they are dropped first
    so the wipe can happen. An unexpected failure keeps its traceback, for the log's "where", and its str.
    """
    text = held.pop()
    try:
        return va.unlock(vault, text)
    except OfframpError as exc:
        exc.__traceback__ = None
        raise
    finally:
        wipe_str(text)

