"""One clock for consent (issue 21, item 5), on the laptop: a release is judged on the office's day, in the office's
time zone, whatever zone this computer's clock is set to; and the office's policy, kept in the vault, is laid over
the settings file (item 12). Against a real SQLCipher vault; people and releases are fictional.

Before the fix the laptop judged a release by its own date while the server judged it by UTC's, so on a release's
last day the two disagreed after 5 pm in the Pacific (and a laptop in another zone disagreed with both).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core import office_policy
from app.core import settings as declared
from app.core.consent import ConsentService, ConsentStatus, consent_state
from app.core.providers import ProviderService
from app.core.referrals import Block, ReferralService
from app.core.settings import Settings
from app.core.workspace import Workspace
from app.errors import OfframpError
from app.protocol.office_policy import OfficePolicy, UnknownTimeZone, office_today
from app.reports.survivor_copy import NOT_ALLOWED, make_copy

LA = "America/Los_Angeles"
FIRST_DAY = dt.date(2026, 9, 1)
LAST_DAY = dt.date(2026, 12, 4)


def at(day: dt.date, hour: int, minute: int, zone: str = LA) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


@pytest.fixture
def machine_zone() -> Iterator[object]:
    """Sets this computer's own time zone (``TZ``) for the test, as a laptop set to another zone would have it."""
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def enrol_with(ws: Workspace, **policy: object) -> None:
    """What enrolment and a hello leave in the vault: the office's id, and the policy the office sent."""
    with ws.session() as s, s.begin():
        from app.models import VaultMeta

        s.merge(VaultMeta(key=office_policy.ENROLLED_KEY, value="office-1"))
        office_policy.remember(s, policy)


# --- the shared helper -------------------------------------------------------------------------------------------


def test_today_in_the_office_at_the_day_boundary() -> None:
    # 23:59 on the last day in Los Angeles is already 07:59 the next day in UTC: still the last day in the office.
    assert office_today(LA, at(LAST_DAY, 23, 59)) == LAST_DAY
    assert office_today(None, at(LAST_DAY, 23, 59)) == LAST_DAY + dt.timedelta(days=1)  # UTC, the default
    assert office_today(LA, at(LAST_DAY + dt.timedelta(days=1), 0, 0)) == LAST_DAY + dt.timedelta(days=1)
    assert office_today(LA, at(FIRST_DAY - dt.timedelta(days=1), 23, 59)) == FIRST_DAY - dt.timedelta(days=1)
    assert office_today(LA, at(FIRST_DAY, 0, 0)) == FIRST_DAY
    # The same instant, seen from Tokyo, is still the office's day in Los Angeles.
    assert office_today(LA, at(LAST_DAY, 23, 59).astimezone(ZoneInfo("Asia/Tokyo"))) == LAST_DAY
    with pytest.raises(ValueError, match="aware"):
        office_today(LA, dt.datetime(2026, 12, 4, 23, 59))  # a naive time could be any zone's
    with pytest.raises(UnknownTimeZone):
        office_today("Mars/Olympus_Mons", at(LAST_DAY, 12, 0))
    with pytest.raises(ValueError):
        OfficePolicy(time_zone="Mars/Olympus_Mons")


@pytest.mark.parametrize(
    ("instant", "status"),
    [
        (at(FIRST_DAY - dt.timedelta(days=1), 23, 59), ConsentStatus.NOT_STARTED),
        (at(FIRST_DAY, 0, 0), ConsentStatus.VALID),
        (at(LAST_DAY, 23, 59), ConsentStatus.EXPIRING),  # its last day counts
        (at(LAST_DAY + dt.timedelta(days=1), 0, 0), ConsentStatus.EXPIRED),
    ],
    ids=["first-day-23:59-before", "first-day-00:00", "last-day-23:59", "day-after-00:00"],
)
def test_a_laptop_in_tokyo_judges_an_la_office_release_on_the_office_day(
    workspace: Workspace, machine_zone: object, instant: dt.datetime, status: ConsentStatus
) -> None:
    machine_zone("Asia/Tokyo")  # type: ignore[operator]
    enrol_with(workspace, time_zone=LA)
    with workspace.session() as s:
        today = office_policy.today(s, instant)
    assert consent_state(FIRST_DAY, LAST_DAY, None, today).status is status
    # The laptop's own date would have said otherwise at the two 23:59s: that was the bug.
    local = instant.astimezone().date()
    assert local != today or instant.hour == 0


# --- the services use it ----------------------------------------------------------------------------------------


@pytest.fixture
def far_apart(machine_zone: object) -> None:
    """This computer 12 hours behind UTC, the office 14 hours ahead: the office's date is always a later one."""
    machine_zone("Etc/GMT+12")  # type: ignore[operator]
    assert office_today("Etc/GMT-14") > dt.date.today()


def test_the_consent_list_and_the_referral_gate_use_the_office_day(workspace: Workspace, far_apart: None) -> None:
    ws = workspace
    local_today = dt.date.today()
    pid = ws.records.create("person", {"preferred_name": "Sam Example", "safe_to_call": True}).id
    alder = ProviderService(ws).save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"]})
    ConsentService(ws).record(pid, {
        "recipient_provider_id": alder, "data_covered": ["Name", "Phone number"], "purpose": "Referral for legal help",
        "starts_on": local_today - dt.timedelta(days=10), "expires_on": local_today, "method": "written",
    })  # fmt: skip
    rid = ReferralService(ws).save(pid, None, {
        "category": "legal_record_relief", "provider_id": alder, "decision": "accepted",
        "provider_contact": "call_person", "offered_on": local_today - dt.timedelta(days=1),
    })  # fmt: skip

    # Never enrolled: the person's own computer is the only clock, and today is the release's last day.
    [row] = ConsentService(ws).list_for_person(pid)
    assert row.state.status is ConsentStatus.EXPIRING
    assert ReferralService(ws).check(rid, sharing=["Name", "Phone number"]).allowed

    # Enrolled with an office whose day is already tomorrow: the release has ended there, and so it has here.
    enrol_with(ws, time_zone="Etc/GMT-14")
    [row] = ConsentService(ws).list_for_person(pid)
    assert row.state.status is ConsentStatus.EXPIRED
    gate = ReferralService(ws).check(rid, sharing=["Name", "Phone number"])
    assert not gate.allowed and Block.EXPIRED in gate.blocks


def test_an_enrolled_vault_that_has_not_synced_yet_counts_days_in_utc(workspace: Workspace) -> None:
    with workspace.session() as s:
        assert office_policy.stored(s) is None  # never enrolled: local defaults
    with workspace.session() as s, s.begin():
        from app.models import VaultMeta

        s.merge(VaultMeta(key=office_policy.ENROLLED_KEY, value="office-1"))
    with workspace.session() as s:
        assert office_policy.stored(s) == OfficePolicy()
        assert office_policy.today(s, at(LAST_DAY, 23, 59)) == LAST_DAY + dt.timedelta(days=1)


# --- the office policy over the settings file (item 12) ------------------------------------------------------


def test_editing_the_settings_file_cannot_switch_the_office_policy_off(workspace: Workspace, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(
        json.dumps({
            "quick_unlock_allowed_by_office": True, "survivor_copy_allowed_by_office": True,
            "unsynced_warning_days": 30, "idle_lock_seconds": 3600,
        }),
        encoding="utf-8",
    )  # fmt: skip
    settings = Settings(config)
    # Never enrolled: the file (the person's own computer, no office) stands.
    settings.use_office_policy(office_policy.load(workspace))
    assert settings.office is None
    assert settings.get(declared.UNSYNCED_WARNING_DAYS) == 30
    assert not settings.set_by_office(declared.UNSYNCED_WARNING_DAYS)

    enrol_with(
        workspace,
        quick_unlock_allowed=False,
        survivor_copy_allowed=False,
        unsynced_warning_days=3,
        idle_lock_max_seconds=300,
    )
    settings.use_office_policy(office_policy.load(workspace))
    assert settings.get(declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE) is False
    assert settings.get(declared.SURVIVOR_COPY_ALLOWED_BY_OFFICE) is False
    assert settings.get(declared.UNSYNCED_WARNING_DAYS) == 3
    assert settings.get(declared.IDLE_LOCK_SECONDS) == 300  # the office's longest, not the file's hour
    assert all(settings.set_by_office(s) for s in (declared.UNSYNCED_WARNING_DAYS, declared.IDLE_LOCK_SECONDS))
    settings.set(declared.IDLE_LOCK_SECONDS, 60)
    assert settings.get(declared.IDLE_LOCK_SECONDS) == 60  # a person may always lock sooner

    # The person's copy is refused from the vault's policy, even by a caller holding only the settings file.
    with pytest.raises(OfframpError) as refused:
        make_copy(workspace, "no-such-person", Settings(config))
    assert str(refused.value) == NOT_ALLOWED


def test_a_policy_value_this_computer_cannot_use_keeps_the_rest(workspace: Workspace) -> None:
    enrol_with(workspace, quick_unlock_allowed=False, time_zone="Mars/Olympus_Mons", unsynced_warning_days=4)
    policy = office_policy.load(workspace)
    assert policy == OfficePolicy(quick_unlock_allowed=False)
