"""The unlock screen: one calm place to type the passphrase.

Key derivation takes about a second on purpose, so it runs on the task runner while a busy bar moves. A wrong
passphrase clears the field and asks again after a short wait that grows with each miss (1 s, 2 s, 4 s … 30 s).
Any other problem (a damaged file, the vault open elsewhere) is shown in the error's own words.
"""

from __future__ import annotations

import logging

from app.errors import OfframpError, WrongPassphrase
from app.storage.vault import UnlockedVault, Vault
from app.ui.qt import (
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    Qt,
    QTime,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30


def retry_wait(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 1, 2, 4, 8, 16, then 30."""
    if failures <= 0:
        return 0
    return min(2 ** (failures - 1), MAX_WAIT_SECONDS)


class UnlockPage(QWidget):
    """Emits :attr:`unlocked` with the open vault. Holds no key and keeps no passphrase after a try."""

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

        title = QLabel(self.tr("Offramp"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)

        self.intro = QLabel(self.tr("Your vault is locked. Type your passphrase to open it."), self)
        self.intro.setWordWrap(True)

        self._field_label = field_label = QLabel(self.tr("&Passphrase"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self.passphrase.setMinimumHeight(self.fontMetrics().height() + 16)
        field_label.setBuddy(self.passphrase)

        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.setMinimumHeight(self.fontMetrics().height() + 16)

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
        self.status.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.demo_hint = QLabel(self.tr("Demo vault: the passphrase is offramp demo"), self)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setVisible(demo)

        column = QFrame(self)
        column.setMaximumWidth(440)
        column.setMinimumWidth(320)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        box.addWidget(title)
        box.addWidget(self.intro)
        box.addWidget(self.demo_hint)
        box.addSpacing(14)
        box.addWidget(field_label)
        box.addWidget(self.passphrase)
        box.addSpacing(4)
        box.addWidget(self.unlock_button)
        box.addWidget(self.busy)
        box.addWidget(self.status)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)

        self.refresh()

    # --- state -------------------------------------------------------------------------------------------------

    @property
    def vault_exists(self) -> bool:
        return self._vault.exists()

    def refresh(self) -> None:
        """Look at the folder again: a vault may have been created since the window opened."""
        if self._working:
            return
        exists = self.vault_exists
        was_missing = self.passphrase.isHidden()
        for widget in (self.intro, self._field_label, self.passphrase, self.unlock_button):
            widget.setHidden(not exists)
        if exists:
            if was_missing:
                self.status.setText("")
            self._update_button()
            return
        self.unlock_button.setEnabled(False)
        self.status.setText(
            self.tr(
                "There is no vault here yet. The first-run setup comes in a later version; "
                "for now create one with:\n\n{command}"
            ).format(command=self._create_hint)
        )
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def show_locked(self) -> None:
        """Back to a fresh page after the vault locked."""
        self.passphrase.clear()
        self.status.setText(
            self.tr("Locked at {time}. Everything is saved in the vault.").format(
                time=QTime.currentTime().toString("HH:mm")
            )
        )
        self.refresh()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        if self.vault_exists:
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_button(self) -> None:
        waiting = self._wait_left > 0
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
        self.busy.setVisible(working)
        self._update_button()

    # --- unlocking ---------------------------------------------------------------------------------------------

    def try_unlock(self) -> None:
        if self._working or self._wait_left > 0 or self.passphrase.isHidden():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Please type your passphrase first."))
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.status.setText(self.tr("Opening the vault…"))
        self._set_working(True)
        vault = self._vault
        self._runner.run(
            lambda: vault.unlock(passphrase),
            on_done=self._succeeded,
            on_error=self._failed,
            on_dropped=_lock_quietly,  # the window closed while the key was being derived
        )

    def _succeeded(self, unlocked: UnlockedVault) -> None:
        self._failures = 0
        self._set_working(False)
        self.passphrase.clear()
        self.status.setText("")
        self.unlocked.emit(unlocked)

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        if isinstance(exc, WrongPassphrase):
            self._failures += 1
            self.passphrase.clear()
            self.status.setText(exc.message)
            self._start_wait(retry_wait(self._failures))
        elif isinstance(exc, OfframpError):
            self.status.setText(exc.message)
            self.passphrase.selectAll()
        else:
            log.error("unlock failed: %s", type(exc).__name__)
            self.status.setText(
                self.tr(
                    "The vault could not be opened because of an unexpected problem. Nothing was changed. "
                    "Please try again; if it keeps happening, ask your IT contact for help."
                )
            )
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

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


def _lock_quietly(unlocked: UnlockedVault) -> None:
    unlocked.lock()
