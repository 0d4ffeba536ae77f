"""The office's policy as both sides speak it, and the office's clock: one "today" for client and server.

A release of information is in effect up to and including its last day. Which day it is depends on where you
stand: at 5 pm in San Francisco on a release's last day it is already the next day in UTC. So the laptop and the
office server never judge a day by their own clocks' zones: both ask :func:`office_today` with the office's time
zone, which comes from the office policy (set on the server with ``offramp-server policy set``, sent at hello and
kept in the vault).

When an office has set no time zone, the day is counted in UTC (:data:`DEFAULT_TIME_ZONE`): it is the only zone
both sides know without being told, and it is what the server counted before offices could set one, so an office
that upgrades sees no grant change on the day it upgrades. ``offramp-server init`` asks for the zone, and the admin
command says plainly when none is set.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: The zone an office's days are counted in when the office has set none (see the module's note for why UTC).
DEFAULT_TIME_ZONE = "UTC"
#: The idle lock choices an office may set as its longest, in seconds (as the settings offer: 1 minute to 1 hour).
IDLE_LOCK_MAX_CHOICES = (60, 120, 300, 600, 900, 1800, 3600)
#: How many days of unsent changes an office may allow before the reminder shows.
UNSYNCED_DAYS_CHOICES = (1, 2, 3, 5, 7, 10, 14, 30)
#: The office's own deadline to decide a U- or T-visa certification request, in days from receipt, when it set none.
DEFAULT_CERTIFICATION_DECISION_DAYS = 90
#: The shortest and longest internal deadline an office may set for deciding a certification request, in days.
CERTIFICATION_DECISION_DAYS_RANGE = (1, 365)


class UnknownTimeZone(ValueError):
    """The name is not a time zone this computer knows (IANA names such as ``America/Chicago``)."""


@lru_cache(maxsize=64)
def time_zone(name: str) -> dt.tzinfo:
    """The zone named ``name`` (an IANA name such as ``America/Los_Angeles``), or :class:`UnknownTimeZone`.

    UTC needs no time zone database (a Windows computer has none unless the ``tzdata`` package is installed).
    """
    if not isinstance(name, str) or not name.strip() or name != name.strip() or len(name) > 64:
        raise UnknownTimeZone(name)
    if name == DEFAULT_TIME_ZONE:
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownTimeZone(name) from None


def is_time_zone(name: str) -> bool:
    try:
        time_zone(name)
    except UnknownTimeZone:
        return False
    return True


def office_today(zone: str | None, instant: dt.datetime | None = None) -> dt.date:
    """The date in the office at ``instant`` (now when None), counted in ``zone`` (None: :data:`DEFAULT_TIME_ZONE`).

    ``instant`` must carry its offset: a naive time could be any zone's, which is exactly the mistake this avoids.
    """
    if instant is None:
        instant = dt.datetime.now(dt.UTC)
    elif instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("office_today needs an aware datetime (one that knows its offset)")
    return instant.astimezone(time_zone(zone or DEFAULT_TIME_ZONE)).date()


class OfficePolicy(BaseModel):
    """What the office decides for every computer enrolled with it; sent at hello, kept in each vault.

    A field an older server does not send takes the default below, which is also what a vault never enrolled uses.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    #: After this many days with changes not yet sent, the app says so in a banner.
    unsynced_warning_days: int = 7
    #: May the person's own discreet copy of their plan be printed or saved?
    survivor_copy_allowed: bool = True
    #: May a short PIN open the vault for the rest of the working day?
    quick_unlock_allowed: bool = True
    #: The longest idle time before the vault locks itself; a person may choose a shorter one, never a longer.
    idle_lock_max_seconds: int = 3600
    #: IANA name of the office's time zone: the day a release starts and ends is counted there. None: UTC.
    time_zone: str | None = Field(default=None, max_length=64)
    #: The office's internal deadline to decide a U- or T-visa certification request, in days from its receipt.
    certification_decision_days: int = DEFAULT_CERTIFICATION_DECISION_DAYS

    @field_validator("unsynced_warning_days")
    @classmethod
    def _days(cls, value: int) -> int:
        if value not in UNSYNCED_DAYS_CHOICES:
            raise ValueError(f"the reminder may be after {', '.join(map(str, UNSYNCED_DAYS_CHOICES))} days")
        return value

    @field_validator("idle_lock_max_seconds")
    @classmethod
    def _idle(cls, value: int) -> int:
        if value not in IDLE_LOCK_MAX_CHOICES:
            raise ValueError("the longest idle time must be 1, 2, 5, 10, 15, 30 or 60 minutes")
        return value

    @field_validator("certification_decision_days")
    @classmethod
    def _certification_days(cls, value: int) -> int:
        low, high = CERTIFICATION_DECISION_DAYS_RANGE
        if not low <= value <= high:
            raise ValueError(f"the days to decide a certification request must be from {low} to {high}")
        return value

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is not None and not is_time_zone(value):
            raise ValueError(f"{value!r} is not a time zone name such as America/Chicago")
        return value

    def today(self, instant: dt.datetime | None = None) -> dt.date:
        """Today in this office (see :func:`office_today`)."""
        return office_today(self.time_zone, instant)


__all__ = [
    "CERTIFICATION_DECISION_DAYS_RANGE",
    "DEFAULT_CERTIFICATION_DECISION_DAYS",
    "DEFAULT_TIME_ZONE",
    "IDLE_LOCK_MAX_CHOICES",
    "UNSYNCED_DAYS_CHOICES",
    "OfficePolicy",
    "UnknownTimeZone",
    "is_time_zone",
    "office_today",
    "time_zone",
]
