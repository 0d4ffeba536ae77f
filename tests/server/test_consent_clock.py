"""One clock for consent (issue 21, item 5), on the server, SQLite and PostgreSQL: the access predicate judges a
release on the office's day, in the office's time zone (office policy), not on UTC's. Before the fix a disclosure
under a release ending today left the prosecution at 4 pm (5 pm in summer) in Los Angeles, while the laptop that
shared it still showed the release in effect. Also: the policy is kept with the office, changed by the admin
command, and a principal carries the office's zone. Fictional people and releases only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Consent, Disclosure, Person
from app.models.base import uuid7
from app.protocol.office_policy import OfficePolicy
from app.server import admin, db, records
from app.server.access import Principal, visible_to
from app.server.models import Device, Office, RecordHead, Team, UserAccount
from tests.server.conftest import DB_KEY

LA = "America/Los_Angeles"
FIRST_DAY = dt.date(2026, 9, 1)
LAST_DAY = dt.date(2026, 12, 4)
A, P = "team-clock-a", "team-clock-p"
ADVOCATE = "user-clock-advocate"


def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(LA))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_module_database")
    else:
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('clock')) / 'server.db'}"
    engine = db.make_engine(url, key=DB_KEY)
    db.upgrade(engine)
    with db.sessions(engine)() as s, s.begin():
        office = Office(
            name="Clock Office", recovery_public_key="0" * 64, ca_fingerprint="0" * 64, secret_key="cd" * 32
        )
        s.add(office)
        s.flush()
        s.add(Team(id=A, office_id=office.id, name="Advocacy A", compartment="advocacy"))
        s.add(Team(id=P, office_id=office.id, name="Prosecution P", compartment="prosecution"))
        s.flush()
        s.add(UserAccount(
            id="user-clock-pro", office_id=office.id, username="pro-clock", display_name="Pro", team_id=P,
            role="prosecutor",
        ))  # fmt: skip
        s.flush()
        s.add(Device(id="device-clock-pro", user_id="user-clock-pro", public_key="00" * 32, enrolled_by="console"))
    yield engine
    db.downgrade(engine, "base")
    engine.dispose()


@pytest.fixture
def s(engine: Engine) -> Iterator[Session]:
    with db.sessions(engine)() as session:
        session.begin()
        try:
            yield session
        finally:
            session.rollback()


def _env(person_id: str | None) -> dict[str, Any]:
    return dict(
        id=uuid7(), person_id=person_id, owner_user_id=ADVOCATE, team_id=A, regime="advocacy",
        edited_hlc="1", edited_by=ADVOCATE, edited_device="da",
    )  # fmt: skip


def shared_under_a_release(s: Session) -> str:
    """A disclosure to Prosecution P under the person's release running from FIRST_DAY to LAST_DAY."""
    person = Person(**_env(None), visibility="my_team", privileged=True, preferred_name="Fictional Person")
    person.person_id = person.id
    records.store(s, person, user_id=ADVOCATE, device_id="da")
    consent = Consent(
        **_env(person.id), recipient="Prosecution P", purpose="Preparing for trial", data_covered=["Name"],
        starts_on=FIRST_DAY, expires_on=LAST_DAY, visibility="my_team", privileged=True,
    )  # fmt: skip
    records.store(s, consent, user_id=ADVOCATE, device_id="da")
    disclosure = Disclosure(
        **_env(person.id), visibility="shared_with_prosecution", privileged=False, consent_id=consent.id,
        recipient="Prosecution P", recipient_team_id=P, facts="Name: Fictional Person", disclosed_on=FIRST_DAY,
        allowed=True,
    )  # fmt: skip
    records.store(s, disclosure, user_id=ADVOCATE, device_id="da")
    return disclosure.id


def set_zone(s: Session, zone: str | None) -> None:
    office = admin.the_office(s)
    office.policy = OfficePolicy(time_zone=zone).model_dump()
    s.flush()


def prosecutor(s: Session) -> Principal:
    device = s.get(Device, "device-clock-pro")
    assert device is not None
    return admin.principal_for(s, device)  # as every signed request builds it


def seen(s: Session, p: Principal, record_id: str, now: dt.datetime) -> bool:
    where = visible_to(p, RecordHead, now=now)
    return s.scalar(sa.select(RecordHead.id).where(RecordHead.id == record_id, where)) is not None


@pytest.mark.parametrize(
    ("instant", "visible"),
    [
        (at(FIRST_DAY - dt.timedelta(days=1), 23, 59), False),
        (at(FIRST_DAY, 0, 0), True),
        (at(LAST_DAY, 16, 30), True),  # UTC's day has already turned: the old rule withdrew it here
        (at(LAST_DAY, 23, 59), True),  # the last day counts, to its last minute in the office
        (at(LAST_DAY + dt.timedelta(days=1), 0, 0), False),
    ],
    ids=["first-day-minus-1-23:59", "first-day-00:00", "last-day-16:30", "last-day-23:59", "day-after-00:00"],
)
def test_a_release_is_live_on_the_office_day(s: Session, instant: dt.datetime, visible: bool) -> None:
    did = shared_under_a_release(s)
    set_zone(s, LA)
    principal = prosecutor(s)
    assert principal.office_zone == LA
    assert seen(s, principal, did, instant) is visible
    # The same instant, however it is written (UTC here), is the same office day.
    assert seen(s, principal, did, instant.astimezone(dt.UTC)) is visible


def test_an_office_with_no_zone_counts_days_in_utc(s: Session) -> None:
    did = shared_under_a_release(s)
    set_zone(s, None)
    principal = prosecutor(s)
    assert principal.office_zone is None
    assert seen(s, principal, did, dt.datetime(2026, 12, 4, 23, 59, tzinfo=dt.UTC))
    assert not seen(s, principal, did, dt.datetime(2026, 12, 5, 0, 0, tzinfo=dt.UTC))


def test_the_admin_sets_the_policy_and_bad_values_are_refused_whole(engine: Engine) -> None:
    try:
        policy = admin.set_office_policy(engine, time_zone=LA, quick_unlock_allowed=False)
        assert policy.time_zone == LA and policy.quick_unlock_allowed is False
        with pytest.raises(ValidationError, match="not a time zone"):
            admin.set_office_policy(engine, time_zone="Pacific Time", unsynced_warning_days=3)
        with pytest.raises(ValidationError):
            admin.set_office_policy(engine, idle_lock_max_seconds=7200)
        with admin.session_for(engine) as s:
            kept = admin.office_policy(s)
        assert kept == OfficePolicy(time_zone=LA, quick_unlock_allowed=False)  # nothing half-changed
    finally:
        with admin.session_for(engine) as s:
            admin.the_office(s).policy = {}
