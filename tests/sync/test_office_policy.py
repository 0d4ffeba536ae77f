"""The office policy comes from the office (issue 21, item 12) and one clock judges consent (item 5): a real office
server process over TLS (SQLite and PostgreSQL), real enrolled vaults.

- ``offramp-server policy set`` changes the policy; a laptop takes it at hello, keeps it in its vault, and the
  settings file cannot switch it off; ``policy show`` prints it; ``init --time-zone`` sets the zone at creation.
- A share made on a release's first or last day, as the office counts it, reaches the prosecution on that day,
  with the laptop's own clock set to yet another zone. Before the fix the server counted UTC's day and the laptop
  its own, so one of them turned the share away.
All people are fictional.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core import office_policy
from app.core import settings as declared
from app.core.consent import ConsentService
from app.core.settings import Settings
from app.core.sharing import SharingService
from app.protocol.office_policy import OfficePolicy, office_today
from app.server import admin
from tests.server.conftest import run_cli
from tests.sync.conftest import Office


def policy_cli(office: Office, *args: str, check: bool = True) -> Any:
    return run_cli("policy", *args, "--data-dir", str(office.home.root), env=office.env, check=check)


@pytest.fixture
def reset_policy(office: Office) -> Iterator[None]:
    yield
    with admin.session_for(office.engine) as s:
        admin.the_office(s).policy = {}


@pytest.fixture
def laptop_in_kathmandu() -> Iterator[None]:
    """The laptops' own clocks are set to a zone that is neither the office's nor UTC (5 h 45 min ahead)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Kathmandu"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_policy_set_on_the_server_reaches_the_laptop_and_outranks_its_settings_file(
    office: Office, laptops: Any, tmp_path: Path, reset_policy: None
) -> None:
    shown = policy_cli(office, "show").stdout
    assert "UTC (not set)" in shown
    assert "U- or T-visa certification:    90 days from receipt" in shown
    result = policy_cli(
        office, "set", "--time-zone", "America/Los_Angeles", "--quick-unlock", "no", "--survivor-copy", "no",
        "--unsynced-days", "3", "--idle-lock-max", "10", "--certification-days", "45",
    )  # fmt: skip
    assert "America/Los_Angeles" in result.stdout and "45 days from receipt" in result.stdout
    refused = policy_cli(office, "set", "--time-zone", "Pacific Time", check=False)
    assert refused.returncode == 1 and "not a time zone" in refused.stderr and "Traceback" not in refused.stderr
    refused = policy_cli(office, "set", "--certification-days", "0", check=False)
    assert refused.returncode == 1 and "from 1 to 365" in refused.stderr and "Traceback" not in refused.stderr

    laptop = laptops()
    with laptop.ws.session() as s:
        assert office_policy.stored(s) == OfficePolicy()  # enrolled, not synced yet: the defaults, days in UTC
        assert office_policy.certification_decision_days(s) == 90
    laptop.sync()
    expected = OfficePolicy(
        time_zone="America/Los_Angeles", quick_unlock_allowed=False, survivor_copy_allowed=False,
        unsynced_warning_days=3, idle_lock_max_seconds=600, certification_decision_days=45,
    )  # fmt: skip
    with laptop.ws.session() as s:
        assert office_policy.stored(s) == expected
        assert office_policy.certification_decision_days(s) == 45

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({
        "quick_unlock_allowed_by_office": True, "survivor_copy_allowed_by_office": True,
        "unsynced_warning_days": 30, "idle_lock_seconds": 3600,
    }))  # fmt: skip
    settings = Settings(config)
    settings.use_office_policy(office_policy.load(laptop.ws))
    assert settings.get(declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE) is False
    assert settings.get(declared.SURVIVOR_COPY_ALLOWED_BY_OFFICE) is False
    assert settings.get(declared.UNSYNCED_WARNING_DAYS) == 3
    assert settings.get(declared.IDLE_LOCK_SECONDS) == 600

    # The office changes its mind: the next sync brings it.
    policy_cli(office, "set", "--quick-unlock", "yes", "--time-zone", "UTC")
    laptop.sync()
    with laptop.ws.session() as s:
        assert office_policy.stored(s) == expected.model_copy(update={"quick_unlock_allowed": True, "time_zone": None})


def _zone_where_the_office_day_is_not_utcs() -> str:
    """A whole-hour zone whose date differs from UTC's right now (12 hours behind before noon UTC, 14 ahead after)."""
    now = dt.datetime.now(dt.UTC)
    zone = "Etc/GMT+12" if now.hour < 11 else "Etc/GMT-14"
    assert office_today(zone) != now.date()
    return zone


def test_a_share_on_the_office_day_reaches_the_prosecution_whatever_utc_and_the_laptop_say(
    office: Office, laptops: Any, laptop_in_kathmandu: None, reset_policy: None
) -> None:
    zone = _zone_where_the_office_day_is_not_utcs()
    policy_cli(office, "set", "--time-zone", zone)
    office_day = office_today(zone)
    utc_day = dt.datetime.now(dt.UTC).date()
    if office_day < utc_day:  # the office is still on the release's last day; UTC has moved past it
        starts_on, expires_on = office_day - dt.timedelta(days=10), office_day
    else:  # the office is already on the release's first day; UTC has not reached it
        starts_on, expires_on = office_day, office_day + dt.timedelta(days=30)

    advocate = laptops("Advocacy A", "advocate")
    prosecutor = laptops("Prosecution P", "prosecutor")
    advocate.sync()  # the office's policy and its prosecution teams
    ws = advocate.ws
    pid = ws.records.create("person", {"preferred_name": "Rosa Example"}).id
    consent_id = ConsentService(ws).record(pid, {
        "recipient": "Prosecution P", "data_covered": ["Name"], "purpose": "Preparing for trial",
        "starts_on": starts_on, "expires_on": expires_on, "method": "written",
    })  # fmt: skip
    [row] = ConsentService(ws).list_for_person(pid)
    assert row.state.usable, row.state.words  # the laptop counts the office's day, not Kathmandu's or UTC's
    [release] = SharingService(ws).releases(pid)
    disclosure_id = SharingService(ws).share(pid, consent_id, [release.facts[0].line])
    advocate.sync()

    prosecutor.sync()
    held = prosecutor.records("disclosure")
    assert disclosure_id in held, "the server counted the office's day too"
    assert held[disclosure_id].facts == "Name: Rosa Example"


def test_init_takes_the_office_time_zone(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = tmp_path / "server"
    result = run_cli(
        "init", "--data-dir", str(home), "--office", "Zone Office", "--host", "localhost",
        "--kit", str(tmp_path / "kit.pdf"), "--time-zone", "America/Chicago", env=env,
    )  # fmt: skip
    assert "counted in UTC" not in result.stdout
    shown = run_cli("policy", "show", "--data-dir", str(home), env=env).stdout
    assert "America/Chicago" in shown
    bad = run_cli(
        "init", "--data-dir", str(tmp_path / "other"), "--office", "Zone Office", "--host", "localhost",
        "--kit", str(tmp_path / "kit2.pdf"), "--time-zone", "Central", env=env, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "not a time zone name" in bad.stderr
    assert not (tmp_path / "kit2.pdf").exists()
