"""The access matrix (DESIGN.md section 4): every role × regime × visibility × privileged × team × consent state,
on SQLite and PostgreSQL, through the one ``visible_to`` predicate on ``record_head`` and on the record tables.

The expectation below is written from the rules in plain Python, separately from the SQL; the hard rules are then
asserted again on their own, so a mistake shared by both could still not leak privileged advocacy to prosecution.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.models import Consent, Disclosure, NoteEntry, Person
from app.models.base import uuid7
from app.server import db, records
from app.server.access import Principal, visible_to
from app.server.models import RecordHead

TODAY = dt.date(2026, 11, 24)
A, B, P, Q, ADMIN = "team-adv-a", "team-adv-b", "team-pro-p", "team-pro-q", "team-admin"
COMPARTMENT = {A: "advocacy", B: "advocacy", P: "prosecution", Q: "prosecution", ADMIN: "administration"}
ADV_OWNER, PRO_OWNER = "user-adv-owner", "user-pro-owner"
VISIBILITIES = ("only_me", "my_team", "shared_with_prosecution", "a_future_value")
CONSENT_STATES = ("none", "valid", "expired", "revoked", "not_started", "deleted", "other_recipient")
CONTENT_ROLES = {"advocate", "advocate_supervisor", "prosecutor", "paralegal", "prosecution_supervisor"}

PRINCIPALS = [
    Principal(ADV_OWNER, A, "advocacy", "advocate", "d1"),
    Principal("u-adv-a2", A, "advocacy", "advocate", "d2"),
    Principal("u-adv-sup", A, "advocacy", "advocate_supervisor", "d3"),
    Principal("u-adv-b", B, "advocacy", "advocate", "d4"),
    Principal(PRO_OWNER, P, "prosecution", "prosecutor", "d5"),
    Principal("u-para-p", P, "prosecution", "paralegal", "d6"),
    Principal("u-sup-p", P, "prosecution", "prosecution_supervisor", "d7"),
    Principal("u-pro-q", Q, "prosecution", "prosecutor", "d8"),
    Principal("u-analyst-a", A, "advocacy", "analyst", "d9"),
    Principal("u-analyst-admin", ADMIN, "administration", "analyst", "d10"),
    Principal("u-admin", ADMIN, "administration", "office_admin", "d11"),
    # A content role in an administration team (a mistake an admin could make) still reads nothing.
    Principal("u-misplaced", ADMIN, "administration", "advocate", "d12"),
]


@dataclass(frozen=True)
class Case:
    id: str
    type: str
    regime: str
    visibility: str
    privileged: bool
    team: str
    owner: str
    consent: str


def expected(p: Principal, c: Case) -> bool:
    """DESIGN.md section 4, read literally."""
    if p.role not in CONTENT_ROLES or p.compartment == "administration":
        return False
    own_regime = "prosecution" if p.compartment == "prosecution" else "advocacy"
    at_home = c.regime == own_regime and (
        c.owner == p.user_id or (c.visibility in ("my_team", "shared_with_prosecution") and c.team == p.team_id)
    )
    if p.compartment == "advocacy":
        return at_home
    if c.regime == "advocacy" and c.privileged:
        return False
    # Every disclosure in the matrix names team P as its recipient, except "other_recipient" ones, which name Q.
    recipient = Q if c.consent == "other_recipient" else P
    disclosed = (
        c.regime == "advocacy"
        and c.type == "disclosure"
        and c.visibility == "shared_with_prosecution"
        and c.consent in ("valid", "other_recipient")
        and p.team_id == recipient
    )
    return at_home or disclosed


def _consent(state: str, person_id: str) -> Consent:
    starts, expires, revoked = TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=30), None
    if state == "expired":
        expires = TODAY - dt.timedelta(days=1)
    elif state == "not_started":
        starts = TODAY + dt.timedelta(days=1)
    elif state == "revoked":
        revoked = TODAY - dt.timedelta(days=2)
    return Consent(
        id=uuid7(),
        person_id=person_id,
        owner_user_id=ADV_OWNER,
        team_id=A,
        regime="advocacy",
        visibility="my_team",
        privileged=False,
        edited_hlc="1",
        edited_by=ADV_OWNER,
        edited_device="d1",
        recipient="Prosecution office",
        purpose="Court preparation",
        starts_on=starts,
        expires_on=expires,
        revoked_on=revoked,
        deleted=state == "deleted",
    )


def _seed(s: Session) -> list[Case]:
    people = {}
    for regime, owner, team in (("advocacy", ADV_OWNER, A), ("prosecution", PRO_OWNER, P)):
        person = Person(
            id=uuid7(),
            owner_user_id=owner,
            team_id=team,
            regime=regime,
            visibility="only_me",
            privileged=False,
            edited_hlc="1",
            edited_by=owner,
            edited_device="d",
            preferred_name="Fictional Person",
        )
        person.person_id = person.id
        records.store(s, person, user_id=owner, device_id="d")
        people[regime] = person.id
    # One consent per state and person, shared by the records that name it.
    consents: dict[tuple[str, str], str] = {}
    for regime, person_id in people.items():
        for state in CONSENT_STATES[1:]:
            consent = _consent(state, person_id)
            records.store(s, consent, user_id=ADV_OWNER, device_id="d")
            consents[(regime, state)] = consent.id
    cases = []
    dims = itertools.product(
        ("disclosure", "note_entry"),
        ("advocacy", "prosecution"),
        VISIBILITIES,
        (False, True),
        (A, B, P, Q),
        (ADV_OWNER, PRO_OWNER),
        CONSENT_STATES,
    )
    for rtype, regime, visibility, privileged, team, owner, consent_state in dims:
        if rtype == "note_entry" and consent_state not in ("none", "valid"):
            continue
        person_id = people[regime]
        consent_id = consents.get((regime, consent_state))
        env = dict(
            id=uuid7(),
            person_id=person_id,
            owner_user_id=owner,
            team_id=team,
            regime=regime,
            visibility=visibility,
            privileged=privileged,
            consent_id=consent_id,
            edited_hlc="1",
            edited_by=owner,
            edited_device="d",
        )
        if rtype == "disclosure":
            record: Disclosure | NoteEntry = Disclosure(
                **env,
                recipient="Prosecution team",
                disclosed_on=TODAY,
                allowed=True,
                recipient_team_id=Q if consent_state == "other_recipient" else P,
                facts="What was agreed",
            )
        else:
            record = NoteEntry(**env, body="A fictional note")
        records.store(s, record, user_id=owner, device_id="d")
        cases.append(Case(env["id"], rtype, regime, visibility, privileged, team, owner, consent_state))  # type: ignore[arg-type]
    return cases


def _visible(s: Session, p: Principal, entity: type, ids: set[str]) -> set[str]:
    return set(s.scalars(sa.select(entity.id).where(visible_to(p, entity, today=TODAY)))) & ids  # type: ignore[attr-defined]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, list[Case]]]:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_session_database")
    else:
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('access')) / 'server.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.sessions(engine)() as s, s.begin():
        cases = _seed(s)
    yield engine, cases
    db.downgrade(engine, "base")
    engine.dispose()


def test_every_principal_sees_exactly_what_the_rules_allow(seeded: tuple[Engine, list[Case]]) -> None:
    engine, cases = seeded
    ids = {c.id for c in cases}
    by_id = {c.id: c for c in cases}
    assert len(cases) > 500
    with db.sessions(engine)() as s:
        for p in PRINCIPALS:
            want = {c.id for c in cases if expected(p, c)}
            got = _visible(s, p, RecordHead, ids)
            leaks = sorted(by_id[i] for i in got - want)  # type: ignore[type-var]
            missing = sorted(by_id[i] for i in want - got)  # type: ignore[type-var]
            assert not leaks, (p, leaks[:3])
            assert not missing, (p, missing[:3])
            # The same predicate on the record tables themselves agrees with the head table.
            typed = _visible(s, p, Disclosure, ids) | _visible(s, p, NoteEntry, ids)
            assert typed == got, p


def test_the_hard_rules_hold_on_their_own(seeded: tuple[Engine, list[Case]]) -> None:
    engine, cases = seeded
    ids = {c.id for c in cases}
    by_id = {c.id: c for c in cases}
    with db.sessions(engine)() as s:
        for p in PRINCIPALS:
            got = [by_id[i] for i in _visible(s, p, RecordHead, ids)]
            if p.role in {"analyst", "office_admin"} or p.compartment == "administration":
                assert got == [], "analysts and admins read no content"
            if p.compartment == "prosecution":
                assert got, "a prosecution principal does see its own team's records"
                for c in got:
                    assert not (c.regime == "advocacy" and c.privileged), (
                        "privileged advocacy never reaches prosecution"
                    )
                    if c.regime == "advocacy":
                        assert c.type == "disclosure"
                        assert (c.consent, p.team_id) in {("valid", P), ("other_recipient", Q)}
            if p.compartment == "advocacy" and p.role in CONTENT_ROLES:
                assert all(c.regime == "advocacy" for c in got)
                assert all(c.visibility != "only_me" or c.owner == p.user_id for c in got)
        # Some consented disclosure does reach team P, so the allowed path is really exercised.
        assert any(by_id[i].regime == "advocacy" for i in _visible(s, PRINCIPALS[4], RecordHead, ids))


def test_withdrawing_consent_lapses_the_share_at_once(seeded: tuple[Engine, list[Case]]) -> None:
    engine, cases = seeded
    ids = {c.id for c in cases}
    prosecutor = PRINCIPALS[4]
    with db.sessions(engine)() as s:
        shared = sorted(
            i
            for i in _visible(s, prosecutor, RecordHead, ids)
            if next(c for c in cases if c.id == i).regime == "advocacy"
        )
        assert shared
        disclosure = s.get(Disclosure, shared[0])
        assert disclosure is not None and disclosure.consent_id is not None
        consent = s.get(Consent, disclosure.consent_id)
        assert consent is not None
        consent.revoked_on = TODAY
        records.store(s, consent, user_id=ADV_OWNER, device_id="d")
        assert shared[0] not in _visible(s, prosecutor, RecordHead, ids)
        s.rollback()
