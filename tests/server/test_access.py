"""The access matrix (DESIGN.md section 4): every role × regime × visibility × privileged × team × consent state,
on SQLite and PostgreSQL, through the one ``visible_to`` predicate on ``record_head`` and on the record tables, then
through what uses it: pull (paged, to the end), reconciliation (after a change of role or team, and after consents
lapse) and the read endpoints of the real app with signed requests. Zero records leaked, and each record served
carries exactly its own stored fields.

The expectation below is written from the rules in plain Python, separately from the SQL; the hard rules are then
asserted again on their own, so a mistake shared by both could still not leak privileged advocacy to prosecution.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.models import (
    RECORD_TYPES,
    CertificationRequest,
    ChargingDecision,
    Consent,
    Disclosure,
    JusticeContact,
    NoteEntry,
    Person,
)
from app.models.base import uuid7
from app.protocol import signing
from app.protocol.schemas import PulledRecord, PullIn
from app.server import db, records, sync
from app.server.access import Principal, visible_to
from app.server.app import create_app
from app.server.models import Delivery, Device, Office, RecordHead, Team, UserAccount
from tests.server.conftest import DB_KEY

TODAY = dt.date.today()  # pull and the read endpoints judge consents by the real date
A, B, P, Q, ADMIN = "team-adv-a", "team-adv-b", "team-pro-p", "team-pro-q", "team-admin"
COMPARTMENT = {A: "advocacy", B: "advocacy", P: "prosecution", Q: "prosecution", ADMIN: "administration"}
ADV_OWNER, PRO_OWNER = "user-adv-owner", "user-pro-owner"
VISIBILITIES = ("only_me", "my_team", "shared_with_prosecution", "a_future_value")
CONSENT_STATES = ("none", "valid", "expired", "revoked", "not_started", "deleted", "other_recipient")
CONTENT_ROLES = {"advocate", "advocate_supervisor", "prosecutor", "paralegal", "prosecution_supervisor"}
#: Record types only the prosecution keeps (their ``REGIMES``): made by prosecution devices in every envelope
#: combination, they must never reach an advocacy principal.
PROSECUTION_ONLY = ("charging_decision", "certification_request")

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
        # A release names the team it lets the facts reach (issue 21, item 4): an "other_recipient" one names Q.
        recipient=Q if state == "other_recipient" else P,
        data_covered=["Statements"],
        purpose="Court preparation",
        starts_on=starts,
        expires_on=expires,
        revoked_on=revoked,
        deleted=state == "deleted",
    )


def _office(s: Session) -> Office:
    """The office and its teams (each named by its id), which a share grant checks a release's recipient against."""
    office = s.scalar(sa.select(Office))
    if office is None:
        office = Office(name="Matrix Office", recovery_public_key="0" * 64, ca_fingerprint="0" * 64, secret_key=SECRET)
        s.add(office)
        s.flush()
        for team_id, compartment in COMPARTMENT.items():
            s.add(Team(id=team_id, office_id=office.id, name=team_id, compartment=compartment))
        s.flush()
    return office


def _seed(s: Session) -> list[Case]:
    _office(s)
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
                facts="Statements: what was agreed",
            )
        else:
            record = NoteEntry(**env, body="A fictional note")
        records.store(s, record, user_id=owner, device_id="d")
        cases.append(Case(env["id"], rtype, regime, visibility, privileged, team, owner, consent_state))  # type: ignore[arg-type]
    cases += _seed_prosecution_only(s, people["prosecution"], consents[("prosecution", "valid")])
    return cases


def _seed_prosecution_only(s: Session, person_id: str, consent_id: str) -> list[Case]:
    """Charging decisions and certification requests as a prosecution device makes them (regime prosecution), in
    every visibility, privileged or not, in any team, by either owner, naming a release or not."""
    matter = JusticeContact(id=uuid7(), person_id=person_id, owner_user_id=PRO_OWNER, team_id=P,
                            regime="prosecution", visibility="my_team", privileged=False, edited_hlc="1",
                            edited_by=PRO_OWNER, edited_device="d", role="defendant")  # fmt: skip
    records.store(s, matter, user_id=PRO_OWNER, device_id="d")
    cases = []
    dims = itertools.product(PROSECUTION_ONLY, VISIBILITIES, (False, True), (A, B, P, Q), (ADV_OWNER, PRO_OWNER),
                             ("none", "valid"))  # fmt: skip
    for rtype, visibility, privileged, team, owner, consent_state in dims:
        env = dict(
            id=uuid7(), person_id=person_id, owner_user_id=owner, team_id=team, regime="prosecution",
            visibility=visibility, privileged=privileged, consent_id=consent_id if consent_state == "valid" else None,
            edited_hlc="1", edited_by=owner, edited_device="d",
        )  # fmt: skip
        record: ChargingDecision | CertificationRequest
        if rtype == "charging_decision":
            record = ChargingDecision(**env, justice_contact_id=matter.id, decided_on=TODAY, decided_by_name="Ari",
                                      decision="divert", reason="A fictional reason")  # fmt: skip
        else:
            record = CertificationRequest(**env, form="i918_supplement_b", received_on=TODAY,
                                          justice_contact_id=matter.id)  # fmt: skip
        records.store(s, record, user_id=owner, device_id="d")
        cases.append(Case(env["id"], rtype, "prosecution", visibility, privileged, team, owner, consent_state))  # type: ignore[arg-type]
    return cases


def _visible(s: Session, p: Principal, entity: type, ids: set[str]) -> set[str]:
    return set(s.scalars(sa.select(entity.id).where(visible_to(p, entity, today=TODAY)))) & ids  # type: ignore[attr-defined]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, list[Case]]]:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_module_database")
    else:
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('access')) / 'server.db'}"
    engine = db.make_engine(url, key=DB_KEY)
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
            typed = set().union(*(_visible(s, p, table, ids) for table in (Disclosure, NoteEntry, ChargingDecision,
                                                                            CertificationRequest)))  # fmt: skip
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
            if p.compartment != "prosecution":
                assert not [c for c in got if c.type in PROSECUTION_ONLY], "the prosecution's own records stay there"
            if p.compartment == "advocacy" and p.role in CONTENT_ROLES:
                assert all(c.regime == "advocacy" for c in got)
                assert all(c.visibility != "only_me" or c.owner == p.user_id for c in got)
        # Some consented disclosure does reach team P, so the allowed path is really exercised; and so do the
        # prosecution's charging decisions and certification requests.
        assert any(by_id[i].regime == "advocacy" for i in _visible(s, PRINCIPALS[4], RecordHead, ids))
        seen = {by_id[i].type for i in _visible(s, PRINCIPALS[4], RecordHead, ids)}
        assert set(PROSECUTION_ONLY) <= seen


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


# --- the same matrix through pull, reconciliation and the read endpoints ----------------------------------------

SECRET = "ab" * 32
EPOCH = "epoch-access-matrix"


def _everything(s: Session, cases: list[Case]) -> dict[str, Case]:
    """Every record on the server as a case: the matrix, plus the people and consents it points at."""
    by_id = {c.id: c for c in cases}
    return {
        h.id: by_id.get(h.id)
        or Case(h.id, h.type, h.regime, h.visibility, h.privileged, h.team_id or "", h.owner_user_id, "none")
        for h in s.scalars(sa.select(RecordHead))
    }


def _pull_all(
    s: Session, p: Principal, cursor: str | None = None, *, limit: int = 97
) -> tuple[dict[str, PulledRecord], set[str], list[str] | None]:
    """Pull page after page (each confirmed by the next request) to the end, then ``done``."""
    sent: dict[str, PulledRecord] = {}
    evicted: set[str] = set()
    manifest = None
    for _ in range(100):
        out = sync.pull(s, p, PullIn(cursor=cursor, limit=limit), epoch=EPOCH, secret_key=SECRET)
        for rec in out.records:
            sent[rec.values["id"]] = rec
        evicted.update(out.evict)
        cursor = out.cursor
        manifest = out.manifest if out.manifest is not None else manifest
        if not out.more:
            break
    else:
        raise AssertionError("pull never ended")
    assert cursor is not None
    sync.done(s, p, cursor, secret_key=SECRET)
    s.info["cursor"] = cursor
    return sent, evicted, manifest


def _held(s: Session, p: Principal) -> set[str]:
    return set(s.scalars(sa.select(Delivery.record_id).where(Delivery.device_id == p.device_id)))


def _check_values(s: Session, sent: dict[str, PulledRecord], everything: dict[str, Case]) -> None:
    """No field of anything else: each record sent carries exactly its own stored columns."""
    for record_id, rec in sent.items():
        cls = RECORD_TYPES[everything[record_id].type]
        stored = s.get(cls, record_id)
        assert stored is not None
        assert rec.type == everything[record_id].type
        assert rec.values == records.values_of(stored)


def test_pull_delivers_exactly_what_each_principal_may_see(seeded: tuple[Engine, list[Case]]) -> None:
    engine, cases = seeded
    with db.sessions(engine)() as s:
        everything = _everything(s, cases)
        for p in PRINCIPALS:
            want = {i for i, c in everything.items() if expected(p, c)}
            sent, evicted, manifest = _pull_all(s, p)
            leaks = sorted(everything[i] for i in set(sent) - want)  # type: ignore[type-var]
            assert not leaks, (p, leaks[:3])
            assert set(sent) == want, p
            if p.compartment != "prosecution":
                assert not [i for i in sent if everything[i].type in PROSECUTION_ONLY], p
            elif p.user_id == PRO_OWNER:
                assert {everything[i].type for i in sent} >= set(PROSECUTION_ONLY)
            assert evicted == set()
            assert set(manifest or []) == want
            assert _held(s, p) == want
            _check_values(s, sent, everything)
        s.rollback()


def _moves(before: Principal) -> list[Principal]:
    """Where a principal may move: every other one with OFFRAMP_SYNC_SOAK set, else five of them (each in turn)."""
    i = PRINCIPALS.index(before)
    if os.environ.get("OFFRAMP_SYNC_SOAK"):
        return [p for p in PRINCIPALS if p is not before]
    return [PRINCIPALS[(i + k) % len(PRINCIPALS)] for k in (1, 2, 4, 6, 9)]


def test_reconciliation_after_any_change_of_role_or_team(seeded: tuple[Engine, list[Case]]) -> None:
    """A device synced as one principal pulls again as any other (the user moved team or changed role): it is told
    to evict exactly what it may no longer see and is sent what it now may, even below its cursor."""
    engine, cases = seeded
    with db.sessions(engine)() as s:
        everything = _everything(s, cases)
        for before in PRINCIPALS:
            _pull_all(s, before)
            cursor = s.info["cursor"]
            held = _held(s, before)
            for after in _moves(before):
                moved = dataclasses.replace(after, device_id=before.device_id)
                want = {i for i, c in everything.items() if expected(moved, c)}
                with s.begin_nested() as step:
                    sent, evicted, _ = _pull_all(s, moved, cursor)
                    assert not set(sent) - want, (before, after, "sent what it may not see")
                    assert evicted == held - want, (before, after)
                    assert (held - evicted) | set(sent) == want, (before, after)
                    assert _held(s, moved) == want
                    _check_values(s, sent, everything)
                    step.rollback()
        s.rollback()


def test_reconciliation_when_consents_lapse(seeded: tuple[Engine, list[Case]]) -> None:
    """Every consent a disclosure could be shared under is withdrawn or runs out: each device's next pull evicts
    exactly the disclosures that leaves it unable to see, and nothing else changes what it holds."""
    engine, cases = seeded
    with db.sessions(engine)() as s:
        everything = _everything(s, cases)
        cursors = {}
        for p in PRINCIPALS:
            _pull_all(s, p)
            cursors[p] = s.info["cursor"]
        lapsed = {"valid": "revoked", "other_recipient": "expired"}
        touched = {c.consent for c in cases if c.type == "disclosure" and c.consent in lapsed}
        assert touched == set(lapsed)
        by_id = {c.id: c for c in cases}
        state_of = {d.consent_id: by_id[d.id].consent for d in s.scalars(sa.select(Disclosure)) if d.id in by_id}
        for consent in s.scalars(sa.select(Consent)).all():
            state = state_of.get(consent.id)
            if state not in lapsed:
                continue
            if lapsed[state] == "revoked":
                consent.revoked_on = TODAY
            else:
                consent.expires_on = TODAY - dt.timedelta(days=1)
            records.store(s, consent, user_id=ADV_OWNER, device_id="d")
        now = {i: dataclasses.replace(c, consent=lapsed.get(c.consent, c.consent)) for i, c in everything.items()}
        for p in PRINCIPALS:
            held = _held(s, p)
            want = {i for i, c in now.items() if expected(p, c)}
            sent, evicted, _ = _pull_all(s, p, cursors[p])
            assert evicted == held - want, p
            assert (held - evicted) | set(sent) == want, p
            if p.compartment == "prosecution":
                assert evicted and all(everything[i].type == "disclosure" for i in evicted)
                assert not any(now[i].regime == "advocacy" for i in want)
        s.rollback()


def _enrol_principals(engine: Engine) -> dict[str, Ed25519PrivateKey]:
    """Office, teams, users and devices matching the matrix's principals, with a key per device."""
    keys = {}
    with db.sessions(engine)() as s, s.begin():
        office = _office(s)
        if s.get(UserAccount, PRINCIPALS[0].user_id) is None:
            for p in PRINCIPALS:
                s.add(UserAccount(id=p.user_id, office_id=office.id, team_id=p.team_id, username=p.user_id,
                                  display_name=p.user_id, role=p.role))  # fmt: skip
            s.flush()
        for p in PRINCIPALS:
            key = Ed25519PrivateKey.generate()
            device = s.get(Device, p.device_id)
            if device is None:
                s.add(Device(id=p.device_id, user_id=p.user_id, public_key=signing.public_key_hex(key),
                             enrolled_by="console"))  # fmt: skip
            else:
                device.public_key = signing.public_key_hex(key)
            keys[p.device_id] = key
    return keys


def test_the_read_endpoints_serve_exactly_what_each_principal_may_see(seeded: tuple[Engine, list[Case]]) -> None:
    engine, cases = seeded
    keys = _enrol_principals(engine)
    app = create_app(engine)
    with db.sessions(engine)() as s:
        everything = _everything(s, cases)
        people = sorted({h.person_id for h in s.scalars(sa.select(RecordHead)) if h.person_id})
        live = set(s.scalars(sa.select(RecordHead.id).where(RecordHead.deleted.is_(False))))  # reads skip tombstones
    with TestClient(app) as client:

        def get(p: Principal, path: str) -> Any:
            headers = signing.sign_headers(keys[p.device_id], p.device_id, "GET", path, b"")
            return client.get(path, headers=headers)

        nowhere = get(PRINCIPALS[0], f"/v1/records/{uuid7()}")
        assert nowhere.status_code == 404
        for p in PRINCIPALS:
            want = {i for i, c in everything.items() if expected(p, c)} & live
            served: dict[str, PulledRecord] = {}
            for person_id in people:
                reply = get(p, f"/v1/people/{person_id}/records")
                assert reply.status_code == 200, reply.text
                for row in reply.json()["records"]:
                    served[row["values"]["id"]] = PulledRecord(deleted=False, **row)
            assert set(served) == want, p
            with db.sessions(engine)() as s:  # closed before the next request (SQLite: one writer at a time)
                _check_values(s, served, everything)
            # One by one: some it may see, some it may not; a hidden record looks exactly like no record at all.
            sample = sorted(want)[:6] + sorted(set(everything) - want)[:: max(1, len(everything) // 12)][:12]
            for record_id in sample:
                reply = get(p, f"/v1/records/{record_id}")
                if record_id in want:
                    assert reply.status_code == 200 and reply.json()["values"]["id"] == record_id
                else:
                    assert (reply.status_code, reply.json()) == (404, nowhere.json()), (p, record_id)
