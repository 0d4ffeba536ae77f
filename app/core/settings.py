"""Every setting declared once, with its type, default and label, stored as JSON under the platform's config folder.

Settings hold preferences only (lock timeout, quick unlock allowed...), never personal data: they live outside the
vault, readable before it is unlocked. UI state (column widths, window size) is kept apart, in ``ui_state``.

Office policy (:data:`OFFICE_SET`: the unsynced reminder, the survivor's copy, quick unlock, the longest idle lock)
is the office's to set, not this file's: once an enrolled vault is open, :meth:`Settings.use_office_policy` lays the
policy kept in the vault over the file, so editing the file cannot switch it off. A vault never enrolled has no
office, and the file's values (or the defaults) stand.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from app.core.i18n import N_
from app.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:  # the policy's model (pydantic) loads with the vault, not with the unlock screen
    from app.protocol.office_policy import OfficePolicy

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    #: The label and help are English, marked with N_() for the catalogue; show them through app.core.i18n._().
    label: str
    help: str = ""
    choices: tuple[T, ...] | None = None

    def coerce(self, value: Any) -> T:
        """The stored value if it fits this setting, else the default (a hand-edited file never breaks start-up)."""
        if self.type is bool:
            ok = isinstance(value, bool)
        elif self.type is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, self.type)
        if not ok or (self.choices is not None and value not in self.choices):
            return self.default
        return value  # type: ignore[no-any-return,unused-ignore]


#: Idle lock choices in seconds: immediately (as soon as the app loses focus), then 1 minute to 1 hour.
LOCK_CHOICES = (0, 60, 120, 300, 600, 900, 1800, 3600)

IDLE_LOCK_SECONDS: Setting[int] = Setting(
    "idle_lock_seconds", int, 300, N_("Lock after I have been away for"),
    N_("The vault locks itself after this much time without keyboard or mouse use."), LOCK_CHOICES,
)
LOCK_ON_SCREEN_LOCK: Setting[bool] = Setting(
    "lock_on_screen_lock", bool, True, N_("Lock when the computer's screen locks or it goes to sleep")
)
QUICK_UNLOCK_ENABLED: Setting[bool] = Setting(
    "quick_unlock_enabled", bool, False, N_("Offer a short PIN for the rest of the working day"),
    N_("After a full passphrase unlock you may choose a PIN; it stops working at the end of the day."),
)
QUICK_UNLOCK_ALLOWED_BY_OFFICE: Setting[bool] = Setting(
    "quick_unlock_allowed_by_office", bool, True, N_("Office policy allows quick unlock")
)
CLIPBOARD_CLEAR_SECONDS: Setting[int] = Setting(
    "clipboard_clear_seconds", int, 20, N_("Clear copied text from the clipboard after (seconds)")
)
SURVIVOR_COPY_ALLOWED_BY_OFFICE: Setting[bool] = Setting(
    "survivor_copy_allowed_by_office", bool, True, N_("Office policy allows printing or saving the person's own copy"),
    N_("When off, the person's discreet copy of their plan can be gone through on screen but not printed or saved."),
)
DAY_ENDS_AT_HOUR: Setting[int] = Setting(
    "day_ends_at_hour", int, 23, N_("The working day ends at (hour, for quick unlock)"), choices=tuple(range(24))
)

#: Office policy: after this many days with changes not yet sent, the app says so in a banner.
UNSYNCED_WARNING_DAYS: Setting[int] = Setting(
    "unsynced_warning_days", int, 7, N_("Remind me when changes have not been synced for (days)"),
    N_("Office policy: a banner says when this computer holds changes not sent to the office for this long."),
    choices=(1, 2, 3, 5, 7, 10, 14, 30),
)  # fmt: skip

#: The app's language: "system" (this computer's, when Offramp has it, else English) or a code of
#: app.core.i18n.LANGUAGES. Read once at start; OFFRAMP_LANGUAGE overrides it (e.g. "pseudo" for screenshots).
LANGUAGE: Setting[str] = Setting(
    "language", str, "system", N_("Language"),
    N_("Offramp changes to this language the next time it starts."),
    choices=("system", "en", "es"),
)  # fmt: skip

#: Set by the office for an enrolled vault (the settings screen shows them read-only, with the office's value).
OFFICE_SET: frozenset[str] = frozenset(
    {
        QUICK_UNLOCK_ALLOWED_BY_OFFICE.key,
        SURVIVOR_COPY_ALLOWED_BY_OFFICE.key,
        UNSYNCED_WARNING_DAYS.key,
        IDLE_LOCK_SECONDS.key,
    }
)


def office_value(setting: Setting[T], chosen: T, policy: OfficePolicy) -> T:
    """What ``setting`` is under the office's ``policy`` when the person chose ``chosen``.

    The idle lock is a ceiling (a person may lock sooner than the office asks, never later); the rest are the
    office's outright.
    """
    value: Any = chosen
    if setting.key == QUICK_UNLOCK_ALLOWED_BY_OFFICE.key:
        value = policy.quick_unlock_allowed
    elif setting.key == SURVIVOR_COPY_ALLOWED_BY_OFFICE.key:
        value = policy.survivor_copy_allowed
    elif setting.key == UNSYNCED_WARNING_DAYS.key:
        value = policy.unsynced_warning_days
    elif setting.key == IDLE_LOCK_SECONDS.key:
        value = min(int(cast(int, chosen)), policy.idle_lock_max_seconds)
    return value  # type: ignore[no-any-return,unused-ignore]


ALL: tuple[Setting[Any], ...] = (
    IDLE_LOCK_SECONDS,
    LOCK_ON_SCREEN_LOCK,
    QUICK_UNLOCK_ENABLED,
    QUICK_UNLOCK_ALLOWED_BY_OFFICE,
    SURVIVOR_COPY_ALLOWED_BY_OFFICE,
    UNSYNCED_WARNING_DAYS,
    CLIPBOARD_CLEAR_SECONDS,
    DAY_ENDS_AT_HOUR,
    LANGUAGE,
)


def default_config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("Offramp", appauthor=False))


class Settings:
    """Reads and writes ``settings.json``; unknown keys are kept so a newer version's settings survive."""

    FILE = "settings.json"

    def __init__(self, config_dir: Path | None = None) -> None:
        self.path = Path(config_dir or default_config_dir()) / self.FILE
        self._values: dict[str, Any] = {}
        #: The office's policy from the open vault (None: no office, or no vault open yet this run).
        self.office: OfficePolicy | None = None
        self.reload()

    def use_office_policy(self, policy: OfficePolicy | None) -> None:
        """Lay the office's policy (kept in the vault) over this file; None for a vault that has no office."""
        self.office = policy

    def set_by_office(self, setting: Setting[Any]) -> bool:
        """Is this setting's value the office's (an enrolled vault is open and the office sets it)?"""
        return self.office is not None and setting.key in OFFICE_SET

    def chosen(self, setting: Setting[T]) -> T:
        """The value in the file (or the default), before the office's policy."""
        return setting.coerce(self._values.get(setting.key, setting.default))

    def reload(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            self._values = raw if isinstance(raw, dict) else {}
        except FileNotFoundError:
            self._values = {}
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")
            self._values = {}

    def get(self, setting: Setting[T]) -> T:
        """The value in force: the office's where it sets this one, else the file's (or the default)."""
        value = self.chosen(setting)
        if self.office is not None and setting.key in OFFICE_SET:
            return office_value(setting, value, self.office)
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.coerce(value) != value:
            raise ValueError(f"{value!r} is not a valid value for {setting.key}")
        self._values[setting.key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, json.dumps(self._values, indent=1, sort_keys=True).encode("utf-8"))
