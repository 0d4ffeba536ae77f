"""A disclosure reaches a prosecution team only under the same person's live consent that names that team and
covers every fact shared (issue 21, item 4), on SQLite and PostgreSQL, through the one ``visible_to`` predicate and
the write path that keeps ``share_grant`` in step. Each case failed before the rule: a disclosure about person B
under person A's consent reached the prosecution, and one under a release naming Prosecution P reached Q."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.models import Consent, Disclosure, Person
from app.models.base import uuid7
from app.server import db, records
from app.server.access import Principal, recipient_teams, visible_to
from app.server.models import Office, RecordHead, Team
from tests.server.conftest import DB_KEY

TODAY = dt.date.today()
A, P, Q = "team-adv-a", "team-pro-p", "team-pro-q"
NAMES = {A: "Advocacy A", P: "Prosecution P", Q: "Prosecution Q"}
ADVOCATE = "user-advocate"
PROSECUTOR_P = Principal("user-pro-p", P, "prosecution", "prosecutor", "dp")
PROSECUTOR_Q = Principal("user-pro-q", Q, "prosecution", "prosecutor", "dq")
ADVOCATE_A = Principal(ADVOCATE, A, "advocacy", "advocate", "da")


def _env(person_id: str | None) -> dict[str, Any]:
    return dict(
        id=uuid7(), person_id=person_id, owner_user_id=ADVOCATE, team_id=A, regime="advocacy",
        edited_hlc="1", edited_by=ADVOCATE, edited_device="da",
    )  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_module_database")
    else:
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('grant')) / 'server.db'}"
    engine = db.make_engine(url, key=DB_KEY)
    db.upgrade(engine)
    with db.sessions(engine)() as s, s.begin():
        office = Office(
            name="Grant Office", recovery_public_key="0" * 64, ca_fingerprint="0" * 64, secret_key="ab" * 32
        )
        s.add(office)
        s.flush()
        for team_id, name in NAMES.items():
            compartment = "advocacy" if team_id == A else "prosecution"
            s.add(Team(id=team_id, office_id=office.id, name=name, compartment=compartment))
    yield engine
    db.downgrade(engine, "base")
    engine.dispose()


@pytest.fixture
def s(engine: Engine) -> Iterator[Session]:
    """Each test writes in a transaction rolled back at its end, so the cases never see each other."""
    with db.sessions(engine)() as session:
        session.begin()
        try:
            yield session
        finally:
            session.rollback()


def person(s: Session) -> str:
    env = _env(None)
    record = Person(**env, visibility="my_team", privileged=True, preferred_name="Fictional Person")
    record.person_id = record.id
    records.store(s, record, user_id=ADVOCATE, device_id="da")
    return record.id


def consent(s: Session, person_id: str, **over: Any) -> Consent:
    values: dict[str, Any] = dict(
        recipient="Prosecution P", purpose="Preparing for trial", data_covered=["Name", "Court dates"],
        starts_on=TODAY - dt.timedelta(days=5), expires_on=TODAY + dt.timedelta(days=30),
        visibility="my_team", privileged=True,
    ) | over  # fmt: skip
    record = Consent(**_env(person_id), **values)
    records.store(s, record, user_id=ADVOCATE, device_id="da")
    return record


def share(s: Session, person_id: str, consent_id: str, *, team: str = P, facts: str = "Name: Fictional Person") -> str:
    record = Disclosure(
        **_env(person_id), visibility="shared_with_prosecution", privileged=False, consent_id=consent_id,
        recipient=NAMES[team], recipient_team_id=team, facts=facts, disclosed_on=TODAY, allowed=True,
    )  # fmt: skip
    records.store(s, record, user_id=ADVOCATE, device_id="da")
    return record.id


def seen(s: Session, p: Principal, record_id: str) -> bool:
    found = s.scalar(sa.select(RecordHead.id).where(RecordHead.id == record_id, visible_to(p, RecordHead)))
    typed = s.scalar(sa.select(Disclosure.id).where(Disclosure.id == record_id, visible_to(p, Disclosure)))
    assert (found is None) == (typed is None), "the head table and the record table agree"
    return found is not None


def test_a_share_under_the_persons_own_release_naming_the_team_reaches_that_team_only(s: Session) -> None:
    pid = person(s)
    c = consent(s, pid)
    did = share(s, pid, c.id, facts="Name: Fictional Person\nCourt dates: 12 Jan 2027")
    assert seen(s, PROSECUTOR_P, did)
    assert not seen(s, PROSECUTOR_Q, did)


def test_a_share_about_another_person_under_this_persons_release_is_not_granted(s: Session) -> None:
    a, b = person(s), person(s)
    c = consent(s, a)
    about_b = share(s, b, c.id)
    assert not seen(s, PROSECUTOR_P, about_b)


def test_a_release_naming_p_grants_nothing_to_q(s: Session) -> None:
    pid = person(s)
    c = consent(s, pid)
    to_q = share(s, pid, c.id, team=Q)
    assert not seen(s, PROSECUTOR_Q, to_q)
    assert not seen(s, PROSECUTOR_P, to_q)


def test_facts_outside_what_the_release_covers_are_not_granted(s: Session) -> None:
    pid = person(s)
    c = consent(s, pid, data_covered=["Court dates"])
    assert not seen(s, PROSECUTOR_P, share(s, pid, c.id, facts="Name: Fictional Person"))
    assert not seen(s, PROSECUTOR_P, share(s, pid, c.id, facts="Court dates: 12 Jan 2027\nAddress: 1 Main St"))
    # Free text that does not say what kind of information it is cannot be checked, so it is never granted.
    assert not seen(s, PROSECUTOR_P, share(s, pid, c.id, facts="Everything she told us"))
    assert seen(s, PROSECUTOR_P, share(s, pid, c.id, facts="court dates: 12 Jan 2027"))


def test_changing_the_release_re_decides_the_shares_made_under_it(s: Session) -> None:
    pid = person(s)
    c = consent(s, pid)
    did = share(s, pid, c.id, facts="Name: Fictional Person")
    assert seen(s, PROSECUTOR_P, did)
    c.data_covered = ["Court dates"]  # narrowed: the name is no longer covered
    records.store(s, c, user_id=ADVOCATE, device_id="da")
    assert not seen(s, PROSECUTOR_P, did)
    c.data_covered = ["Name", "Court dates"]
    records.store(s, c, user_id=ADVOCATE, device_id="da")
    assert seen(s, PROSECUTOR_P, did)
    c.recipient = "Prosecution Q"  # now names another team
    records.store(s, c, user_id=ADVOCATE, device_id="da")
    assert not seen(s, PROSECUTOR_P, did)
    c.recipient = "Prosecution P"
    c.revoked_on = TODAY  # withdrawn: the grant lapses at once
    records.store(s, c, user_id=ADVOCATE, device_id="da")
    assert not seen(s, PROSECUTOR_P, did)


def test_a_release_naming_an_advocacy_team_grants_nothing(s: Session) -> None:
    pid = person(s)
    c = consent(s, pid, recipient="Advocacy A")
    record = Disclosure(
        **_env(pid), visibility="shared_with_prosecution", privileged=False, consent_id=c.id,
        recipient="Advocacy A", recipient_team_id=A, facts="Name: Fictional Person", disclosed_on=TODAY, allowed=True,
    )  # fmt: skip
    records.store(s, record, user_id=ADVOCATE, device_id="da")
    assert not seen(s, PROSECUTOR_P, record.id) and not seen(s, PROSECUTOR_Q, record.id)


def test_hello_tells_an_advocacy_device_the_prosecution_teams_and_no_one_else(s: Session) -> None:
    assert recipient_teams(s, ADVOCATE_A) == [
        {"id": P, "name": "Prosecution P"},
        {"id": Q, "name": "Prosecution Q"},
    ]
    assert recipient_teams(s, PROSECUTOR_P) == []
