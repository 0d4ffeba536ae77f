"""The offer after a full passphrase unlock: a short PIN for the rest of today, or "Not today".

Offered only when the person has switched quick unlock on, the office allows it, this computer has a working
keyring and no PIN is already set for today; "Not today" is remembered until the day ends (in memory only).
The PIN is set up on the task runner by :func:`app.core.vault_access.set_up_quick_unlock`.
"""

from __future__ import annotations

import datetime as dt
import logging

from app.core import vault_access as va
from app.core.i18n import _
from app.core.settings import DAY_ENDS_AT_HOUR, QUICK_UNLOCK_ALLOWED_BY_OFFICE, QUICK_UNLOCK_ENABLED, Settings
from app.core.vault_access import UnlockedVault
from app.errors import VaultLocked
from app.ui.qt import QCoreApplication, QRegularExpression, QRegularExpressionValidator, Qt, QWidget, Signal
from app.ui.recover_dialog import CalmDialog
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: vault id -> when "Not today" stops counting (the end of that working day).
_declined_until: dict[str, dt.datetime] = {}


def quick_unlock_unavailable_reason(settings: Settings) -> str | None:
    """Why quick unlock cannot be offered on this computer (office policy, no keyring), or None when it can."""
    if not settings.get(QUICK_UNLOCK_ALLOWED_BY_OFFICE):
        return QCoreApplication.translate(
            "SettingsDialog", "Your office has turned quick unlock off, so the passphrase is always needed."
        )
    problem = va.keyring_problem()
    return None if problem is None else _(problem)  # from the core: through its catalogue


def should_offer(unlocked: UnlockedVault, settings: Settings, *, now: dt.datetime | None = None) -> bool:
    if not settings.get(QUICK_UNLOCK_ENABLED) or quick_unlock_unavailable_reason(settings) is not None:
        return False
    current = va.local_now(now)
    until = _declined_until.get(unlocked.identity.vault_id)
    if until is not None and current < until:
        return False
    return not va.quick_unlock_state(unlocked, current).available  # a PIN already works today: nothing to offer


def offer_quick_unlock(
    parent: QWidget | None,
    runner: TaskRunner,
    unlocked: UnlockedVault,
    settings: Settings,
    *,
    now: dt.datetime | None = None,
) -> QuickUnlockDialog | None:
    """Show the PIN offer (window-modal, not blocking) when it applies; returns the dialog, or None."""
    if not should_offer(unlocked, settings, now=now):
        return None
    dialog = QuickUnlockDialog(runner, unlocked, settings, parent, now=now)
    dialog.open()
    return dialog


class QuickUnlockDialog(CalmDialog):
    """Choose a PIN twice, or "Not today". Emits :attr:`pin_chosen` with the time the PIN stops working."""

    pin_chosen = Signal(object)  # datetime: when the PIN stops working

    def __init__(
        self,
        runner: TaskRunner,
        unlocked: UnlockedVault,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(self.tr("A PIN for the rest of today?"), parent)
        self._runner = runner
        self._unlocked = unlocked
        self._now = now
        self._day_ends_at_hour = settings.get(DAY_ENDS_AT_HOUR)
        self.ends_at = va.pin_day_end(now, self._day_ends_at_hour)
        self.box.addWidget(
            self.text(
                self.tr(
                    "Until {time}, Offramp can open with a short PIN instead of your passphrase. "
                    "Three wrong PINs, a quick exit or the end of the day turn it off; "
                    "then your passphrase is needed again."
                ).format(time=self.ends_at.strftime("%H:%M"))
            )
        )
        self.box.addSpacing(6)
        digits = QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), self)
        self.pin = self.field(
            self.tr("&PIN ({low} to {high} digits)").format(low=va.PIN_MIN_DIGITS, high=va.PIN_MAX_DIGITS),
            self.tr("PIN"),
            secret=True,
        )
        self.again = self.field(self.tr("PIN &again"), self.tr("PIN again"), secret=True)
        for edit in (self.pin, self.again):
            edit.setValidator(digits)
            edit.setMaxLength(va.PIN_MAX_DIGITS)
            edit.setInputMethodHints(edit.inputMethodHints() | Qt.InputMethodHint.ImhDigitsOnly)
        self.use_button = self.button(self.tr("Use this PIN"))
        self.not_today_button = self.button(self.tr("Not today"))
        self.add_footer(self.use_button, self.not_today_button)

        self.use_button.clicked.connect(self.start)
        self.not_today_button.clicked.connect(self.not_today)
        self.pin.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.start)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def not_today(self) -> None:
        if self.working:
            return
        _declined_until[self._unlocked.identity.vault_id] = self.ends_at
        self.reject()

    def reject(self) -> None:
        if not self.working:
            for edit in (self.pin, self.again):
                edit.clear()
        super().reject()

    def start(self) -> None:
        if self.working:
            return
        pin, again = self.pin.text(), self.again.text()
        try:
            va.check_pin(pin)
        except va.InvalidPin as exc:
            self.status.setText(exc.message)
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if pin != again:
            self.status.setText(self.tr("The two PINs are not the same. Please type them again."))
            self.again.clear()
            self.again.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.status.setText(self.tr("Setting up the PIN…"))
        self._set_working(True, self.pin, self.again, self.use_button, self.not_today_button)
        unlocked, now, hour = self._unlocked, self._now, self._day_ends_at_hour
        self._runner.run(
            lambda: va.set_up_quick_unlock(unlocked, pin, now=now, day_ends_at_hour=hour),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, ends_at: dt.datetime) -> None:
        self._set_working(False)
        for edit in (self.pin, self.again):
            edit.clear()
        self.pin_chosen.emit(ends_at)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        if isinstance(exc, VaultLocked):
            self.reject()  # the vault locked meanwhile; there is nothing to set up any more
            return
        self.status.setText(self.problem(exc))
        if isinstance(exc, va.QuickUnlockUnavailable):
            for widget in (self.pin, self.again, self.use_button):
                widget.setEnabled(False)
            self.not_today_button.setText(self.tr("Close"))
            self.not_today_button.setAccessibleName(self.tr("Close"))
            self.not_today_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
