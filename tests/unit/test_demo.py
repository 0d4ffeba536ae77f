"""The demo generator, against real encrypted vaults: determinism, coverage, validity, integrity, search, speed."""

from __future__ import annotations

import datetime as dt
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Engine

from app.core.records import SETTABLE_ENVELOPE, RecordService, clean_value, columns_of
from app.core.workspace import CLOCK_KEY, Workspace
from app.demo.people import BASE_DATE, END_DATE, DemoSummary, generate, generate_into, insert_order
from app.errors import ValidationError
from app.models import RECORD_TYPES, AuditEvent, Base, OutboxEntry, Person, VaultMeta
from app.storage.kdf import KdfParams
from app.storage.vault import Identity, Vault

PASSPHRASE = "a long passphrase"
USER_ID = "0192a3b4-c5d6-7e8f-9012-3456789abcde"
DEVICE_ID = "0192a3b4-c5d6-7e8f-a012-3456789abcdf"
UUID7 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
HLC = re.compile(r"^\d{13}\.\d{5}\.[0-9a-f]{12}$")
# DOMAIN.md section 8 (the same list as test_models): never in text shown to people.
BANNED = (
    "refused",
    "refuse",
    "prostitute",
    "non-compliant",
    "noncompliant",
    "uncooperative",
    "illegal alien",
    "addict",
    "rescued",
    "sex slave",
    "positive",
)


def open_workspace(folder: Path, **create: Any) -> Workspace:
    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), **create)
    return Workspace(unlocked)


@pytest.fixture
def new_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    opened: list[Workspace] = []

    def make(name: str = "vault", **create: Any) -> Workspace:
        ws = open_workspace(tmp_path / name, **create)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.lock()


#: Records only a prosecution vault's demo holds.
PROSECUTORS_DESK = ("charging_decision", "certification_request", "screening_prompt")


@pytest.fixture(scope="module")
def prosecution_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path_factory.mktemp("prosecution") / "vault", regime="prosecution")
    generate(ws, persons=150, seed=7)
    yield ws
    ws.lock()


@pytest.fixture(scope="module")
def demo200(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, DemoSummary]]:
    ws = open_workspace(tmp_path_factory.mktemp("demo200") / "vault")
    summary = generate(ws, persons=200, seed=7)
    yield ws, summary
    ws.lock()


def table_rows(ws: Workspace, name: str) -> list[tuple[Any, ...]]:
    table = Base.metadata.tables[name]
    with ws.session() as s:
        return [tuple(row) for row in s.execute(select(table).order_by(table.c.id))]


def objects(ws: Workspace, name: str) -> list[Any]:
    cls = RECORD_TYPES[name]
    with ws.session() as s:
        rows = list(s.scalars(select(cls)))
        s.expunge_all()
    return rows


def counts(ws: Workspace) -> dict[str, int]:
    with ws.session() as s:
        return {
            name: int(s.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0)
            for name in RECORD_TYPES
        }


# --- determinism --------------------------------------------------------------------------------------------

COMPARED = ("person", "encounter", "referral", "consent", "safety_plan_item", "relief_charge", "note_entry")


def test_the_same_seed_gives_identical_rows_and_another_seed_does_not(
    new_workspace: Callable[..., Workspace],
) -> None:
    same = {"user_id": USER_ID, "device_id": DEVICE_ID}
    first = new_workspace("first", **same)
    second = new_workspace("second", **same)
    other = new_workspace("other", **same)
    a = generate(first, persons=60, seed=3)
    # A different batch size changes the transactions, never the content.
    b = generate(second, persons=60, seed=3, batch=7)
    c = generate(other, persons=60, seed=4)
    assert a == b
    for name in COMPARED:
        assert table_rows(first, name) == table_rows(second, name), name
    assert table_rows(first, "person") != table_rows(other, "person")
    ids_a = {o.id for o in objects(first, "person")}
    ids_c = {o.id for o in objects(other, "person")}
    assert len(ids_a) == len(ids_c) == 60 and not ids_a & ids_c
    assert c.persons == 60


def test_plain_sqlite_gets_exactly_the_rows_the_vault_gets(
    tmp_path: Path, new_workspace: Callable[..., Workspace]
) -> None:
    ws = new_workspace(user_id=USER_ID, device_id=DEVICE_ID)
    generate(ws, persons=40, seed=11)
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")

    @event.listens_for(engine, "connect")
    def _fk(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    try:
        summary = generate_into(engine, ws.identity, persons=40, seed=11)
        assert summary.persons == 40
        for name in COMPARED:
            with engine.connect() as conn:
                table = Base.metadata.tables[name]
                plain = [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]
            assert plain == table_rows(ws, name), name
    finally:
        engine.dispose()


# --- coverage and proportions -------------------------------------------------------------------------------


def test_every_record_type_appears_and_the_summary_adds_up(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, summary = demo200
    stored = counts(ws)
    assert len(RECORD_TYPES) == 23
    assert {t.name for t in insert_order()} == set(RECORD_TYPES)
    # An advocacy vault holds every record type but the prosecutor's desk's.
    assert all(stored[name] > 0 for name in RECORD_TYPES if name not in PROSECUTORS_DESK), stored
    assert all(stored[name] == 0 for name in PROSECUTORS_DESK), stored
    assert summary.by_type == stored
    assert summary.persons == stored["person"] == 200
    assert summary.records == sum(stored.values()) - 200
    with pytest.raises(AttributeError):
        summary.persons = 1  # type: ignore[misc]


def test_proportions_look_like_a_caseload(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    people = 200

    def share(name: str) -> float:
        return len({o.person_id for o in objects(ws, name)}) / people

    encounters = Counter(o.person_id for o in objects(ws, "encounter"))
    assert len(encounters) == people and set(encounters.values()) <= {1, 2, 3, 4}
    assert 0.55 <= share("screening") <= 0.85
    assert 0.28 <= share("identification_decision") <= 0.52
    assert 0.25 <= share("safety_plan") <= 0.48
    assert 0.48 <= share("justice_contact") <= 0.72
    assert 0.38 <= share("referral") <= 0.62
    assert 0.07 <= share("relief_case") <= 0.25

    statuses = Counter(o.status for o in objects(ws, "identification_decision"))
    assert statuses.most_common(1)[0][0] == "identified" and len(statuses) >= 2
    identified = {o.person_id for o in objects(ws, "identification_decision") if o.status == "identified"}
    roles = Counter(o.role for o in objects(ws, "justice_contact") if o.person_id in identified)
    assert roles.most_common(1)[0][0] == "defendant" and {"witness", "complainant"} <= set(roles)
    assert all(o.charges for o in objects(ws, "justice_contact"))

    items = Counter(o.plan_id for o in objects(ws, "safety_plan_item"))
    assert set(items.values()) <= set(range(3, 9))
    assert {o.survivor_choice for o in objects(ws, "safety_plan_item")} == {"chosen", "declined", "not_now"}
    assert "not_ready" in {o.leaving_intent for o in objects(ws, "safety_plan")}
    contacts = Counter(o.plan_id for o in objects(ws, "safe_contact"))
    assert set(contacts.values()) <= {1, 2}

    referrals = objects(ws, "referral")
    assert Counter(Counter(o.person_id for o in referrals).values()).keys() <= {1, 2, 3}
    assert {"accepted", "declined", "not_now"} <= {o.decision for o in referrals}
    kinds = {o.kind for o in objects(ws, "referral_event")}
    assert {"made", "accepted_by_provider", "first_service_confirmed"} <= kinds
    assert sum(o.consent_id is not None for o in referrals) >= 0.3 * sum(o.decision == "accepted" for o in referrals)
    notes = Counter(o.person_id for o in objects(ws, "note_entry"))
    assert set(notes.values()) <= {1, 2, 3}


def test_providers_are_a_shared_pool_outside_any_person(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    providers = objects(ws, "provider")
    assert len(providers) == 10  # one per 50 people, at least 10
    assert all(p.person_id is None for p in providers)
    used = Counter(o.provider_id for o in objects(ws, "referral"))
    assert len(used) > 3 and set(used) <= {p.id for p in providers}
    for p in providers:
        assert p.phone.startswith("555-01") and p.email.endswith("@example.org")


def test_names_are_invented_and_everyone_is_marked_demo(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    people = objects(ws, "person")
    assert all(p.is_demo is True for p in people)
    assert all(p.person_id == p.id for p in people)
    assert any(p.aliases for p in people) and any(not p.aliases for p in people)
    assert len({p.preferred_name for p in people}) > 150
    places = {o.county for o in objects(ws, "justice_contact")} | {o.county for o in objects(ws, "relief_charge")}
    assert places <= {
        "Alder County", "Birch County", "Hazelmark County", "Willowmere County", "Thistledown County",
        "Quillfern County",
    }  # fmt: skip
    assert {o.state for o in objects(ws, "justice_contact")} <= {"Demo State", "Example State"}


# --- envelope and validity ----------------------------------------------------------------------------------


def test_every_envelope_is_filled_like_record_service_fills_it(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    ident = ws.identity
    node = ident.device_id.replace("-", "")[:12]
    for name, cls in RECORD_TYPES.items():
        for o in objects(ws, name):
            assert UUID7.match(o.id), o.id
            assert o.type == name and o.schema_version == cls.SCHEMA_VERSION
            assert o.owner_user_id == o.edited_by == ident.user_id
            assert o.edited_device == ident.device_id and o.team_id == ident.team_id
            assert o.regime == ident.regime and o.visibility == "my_team"
            assert o.privileged is (ident.regime == "advocacy")
            assert o.rev is None and o.deleted is False and o.deleted_at is None and o.extra == {}
            assert HLC.match(o.edited_hlc) and o.edited_hlc.endswith(node)
            assert o.created_at.tzinfo is not None and o.created_at.utcoffset() == dt.timedelta(0)
            # The id's timestamp is the record's (fictional) creation time.
            assert uuid.UUID(o.id).int >> 80 == int(o.created_at.timestamp() * 1000 + 0.5)
            assert BASE_DATE <= o.created_at.date() <= END_DATE
            if name == "provider":
                assert o.person_id is None
            else:
                assert o.person_id is not None


def test_every_value_passes_record_service_validation(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    service = RecordService(ws)
    for name, cls in RECORD_TYPES.items():
        cols = columns_of(cls)
        for o in objects(ws, name):
            values = {key: getattr(o, key) for key in cols}
            for key, value in values.items():
                assert clean_value(cls, key, value) == value, (name, key, value)
                if cols[key].info.get("required"):
                    assert value not in (None, "", []), (name, key)
            for key in SETTABLE_ENVELOPE:
                assert clean_value(cls, key, getattr(o, key)) == getattr(o, key)
            service._check_rules(name, values, None)


def test_dates_run_in_order(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    today = dt.date.today()
    for p in objects(ws, "person"):
        assert p.date_of_birth is None or p.date_of_birth < p.created_at.date() <= today
        if p.date_of_birth is not None and p.age_group == "minor":
            assert (p.created_at.date() - p.date_of_birth).days < 18 * 366
    for c in objects(ws, "consent"):
        assert c.starts_on < c.expires_on
        assert c.revoked_on is None or c.starts_on <= c.revoked_on <= c.expires_on
    for j in objects(ws, "justice_contact"):
        if j.arrest_date and j.disposition_date:
            assert j.arrest_date <= j.disposition_date
        assert (j.disposition == "pending") == (j.case_status == "open")
    for rc in objects(ws, "relief_charge"):
        if rc.arrest_date and rc.disposition_date:
            assert rc.arrest_date <= rc.disposition_date
    petitions = {pet.id: pet for pet in objects(ws, "relief_petition")}
    for pet in petitions.values():
        steps = [d for d in (pet.filed_on, pet.decided_on, pet.records_corrected_on) if d]
        assert steps == sorted(steps)
    cases = {c.id: c for c in objects(ws, "relief_case")}
    matters = {j.id: j for j in objects(ws, "justice_contact")}
    for rc in objects(ws, "relief_charge"):
        if rc.justice_contact_id:  # relief follows the end of the matter
            matter = matters[rc.justice_contact_id]
            assert matter.case_status == "disposed" and matter.role == "defendant"
            assert matter.disposition_date < cases[rc.case_id].created_at.date()
    for deadline in objects(ws, "relief_deadline"):
        assert deadline.done_on is None or deadline.done_on <= deadline.due_on
        pet = petitions.get(deadline.petition_id) if deadline.petition_id else None
        if pet is not None and deadline.kind == "hearing":
            assert deadline.due_on == pet.hearing_on
        if pet is not None and deadline.kind == "appeal":
            assert pet.decided_on is not None and deadline.due_on > pet.decided_on
    referrals = {r.id: r for r in objects(ws, "referral")}
    for ev in objects(ws, "referral_event"):
        assert referrals[ev.referral_id].offered_on <= ev.occurred_on <= END_DATE
    for n in objects(ws, "note_entry"):
        assert (n.signed_at is None) == (n.signed_by is None)
        assert n.signed_at is None or n.signed_at > n.created_at


def test_links_stay_within_one_person(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    owner = {o.id: o.person_id for name in RECORD_TYPES for o in objects(ws, name)}
    consents = {c.id: c for c in objects(ws, "consent")}
    for name in ("referral", "disclosure"):
        for o in objects(ws, name):
            if o.consent_id is not None:
                assert consents[o.consent_id].person_id == o.person_id
    for d in objects(ws, "disclosure"):
        assert d.allowed is (d.consent_id is not None)
        if d.consent_id:
            c = consents[d.consent_id]
            assert c.starts_on <= d.disclosed_on <= c.expires_on and d.recipient == c.recipient
    checks = [
        ("checklist_response", "encounter_id"),
        ("screening", "encounter_id"),
        ("safety_plan_item", "plan_id"),
        ("safety_plan_item", "revises_id"),
        ("safe_contact", "plan_id"),
        ("referral_event", "referral_id"),
        ("relief_charge", "case_id"),
        ("relief_charge", "justice_contact_id"),
        ("relief_charge", "petition_id"),
        ("relief_petition", "case_id"),
        ("relief_deadline", "case_id"),
        ("note_entry", "parent_id"),
    ]
    for name, key in checks:
        for o in objects(ws, name):
            target = getattr(o, key)
            if target is not None:
                assert owner[target] == o.person_id, (name, key)


def test_referential_integrity(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    with ws.session() as s:
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_text_follows_the_language_guide(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    seen: list[str] = []

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    for name, cls in RECORD_TYPES.items():
        keys = [k for k, c in columns_of(cls).items() if c.info.get("kind") in ("text", "list", "json")]
        for o in objects(ws, name):
            for key in keys:
                seen.extend(strings(getattr(o, key)))
    assert len(seen) > 5000
    lowered = {s.lower() for s in seen}
    for banned in BANNED:
        assert not [s for s in lowered if banned in s], banned


# --- the vault around the data ------------------------------------------------------------------------------


def test_search_finds_generated_people_by_the_first_three_letters(demo200: tuple[Workspace, DemoSummary]) -> None:
    ws, _summary = demo200
    people = objects(ws, "person")
    for p in people[::10]:
        found = {row.id for row in ws.people.search(p.preferred_name[:3])}
        assert p.id in found, p.preferred_name
    with_alias = next(p for p in people if p.aliases)
    assert with_alias.id in {row.id for row in ws.people.search(with_alias.aliases[0])}


def test_no_outbox_one_audit_event_and_the_clock_moves_past_the_demo(
    demo200: tuple[Workspace, DemoSummary],
) -> None:
    ws, _summary = demo200
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        events = list(s.scalars(select(AuditEvent)))
        last = s.scalar(select(VaultMeta.value).where(VaultMeta.key == CLOCK_KEY))
        newest = s.scalar(select(func.max(Person.edited_hlc)))
    assert [e.action for e in events] == ["demo_generated"]
    assert events[0].user_id == ws.identity.user_id and events[0].fields == []
    assert last is not None and newest is not None and last > newest


def test_cancel_stops_between_batches_and_keeps_what_was_committed(
    new_workspace: Callable[..., Workspace],
) -> None:
    ws = new_workspace()
    calls: list[tuple[int, int]] = []
    summary = generate(
        ws, persons=50, seed=5, batch=10, progress=lambda d, t: calls.append((d, t)), cancel=lambda: len(calls) >= 2
    )
    assert calls == [(10, 50), (20, 50)]
    assert summary.persons == 20 and counts(ws)["person"] == 20
    assert summary.by_type == counts(ws)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 1


def test_the_same_seed_twice_is_refused_and_another_seed_adds_more(
    new_workspace: Callable[..., Workspace],
) -> None:
    ws = new_workspace()
    generate(ws, persons=15, seed=9)
    before = counts(ws)
    with pytest.raises(ValidationError) as caught:
        generate(ws, persons=15, seed=9)
    assert caught.value.field == "seed" and "another seed" in caught.value.message
    assert counts(ws) == before
    generate(ws, persons=15, seed=10)
    assert counts(ws)["person"] == 30


@pytest.mark.parametrize("persons", [-1, 1_000_001, True, 2.5])
def test_a_bad_number_of_people_is_explained(new_workspace: Callable[..., Workspace], persons: Any) -> None:
    ws = new_workspace()
    with pytest.raises(ValidationError) as caught:
        generate(ws, persons=persons, seed=1)
    assert caught.value.field == "persons"


def test_generate_into_takes_a_plain_identity_and_a_session_factory(tmp_path: Path) -> None:
    engine: Engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    Base.metadata.create_all(engine)
    identity = Identity("v", USER_ID, DEVICE_ID, "team-1", "prosecution", None, "personal")
    try:
        from sqlalchemy.orm import sessionmaker

        summary = generate_into(sessionmaker(engine), identity, persons=5, seed=2)
        assert summary.persons == 5
        with engine.connect() as conn:
            rows = conn.execute(select(Base.metadata.tables["person"])).mappings().all()
        assert {r["team_id"] for r in rows} == {"team-1"}
        assert {r["privileged"] for r in rows} == {False}  # prosecution records are not privileged
    finally:
        engine.dispose()


# --- speed (measured, never asserted) -----------------------------------------------------------------------


def test_measured_run_of_two_thousand_people(
    new_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = new_workspace()
    start = time.perf_counter()
    summary = generate(ws, persons=2000, seed=1)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(
            f"\n  demo: {summary.persons:,} people, {summary.records:,} records in {elapsed:.2f} s "
            f"({summary.persons / elapsed:,.0f} people/s, {(summary.persons + summary.records) / elapsed:,.0f} rows/s)"
        )
    assert summary.persons == 2000


def test_a_prosecution_demo_holds_the_prosecutors_desk_and_every_record_passes_validation(
    prosecution_demo: Workspace,
) -> None:
    ws = prosecution_demo
    stored = counts(ws)
    assert all(stored[name] > 0 for name in PROSECUTORS_DESK), stored
    service = RecordService(ws)
    for name in PROSECUTORS_DESK:
        cls = RECORD_TYPES[name]
        cols = columns_of(cls)
        for o in objects(ws, name):
            assert o.regime == "prosecution"
            values = {key: getattr(o, key) for key in cols}
            for key, value in values.items():
                assert clean_value(cls, key, value) == value, (name, key, value)
                if cols[key].info.get("required"):
                    assert value not in (None, "", []), (name, key)
            service._check_rules(name, values, None)
    owner = {o.id: o.person_id for name in RECORD_TYPES for o in objects(ws, name)}
    identifications = {o.id: o for o in objects(ws, "identification_decision")}
    for decision in objects(ws, "charging_decision"):
        assert owner[decision.justice_contact_id] == decision.person_id
        linked = decision.identification_decision_id
        if linked is not None:  # linked only to an identification made on or before the decision
            assert owner[linked] == decision.person_id
            assert identifications[linked].decided_on <= decision.decided_on
            assert identifications[linked].status == "identified"
    for request in objects(ws, "certification_request"):
        assert owner[request.justice_contact_id] == request.person_id
        assert request.due_on == request.received_on + dt.timedelta(days=90)
        if request.decision == "certified":
            assert request.signed_on == request.decided_on and request.signed_by_name
        if request.decision == "declined":
            assert request.decision_reason
    with ws.session() as s:
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
