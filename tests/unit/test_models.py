"""The models: envelope on every synced type, column metadata, schema, foreign keys and UUIDv7 ids."""

from __future__ import annotations

import datetime as dt
import enum
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Column, Engine, LargeBinary, String, Text, create_engine, event, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import (
    RECORD_TYPES,
    AuditEvent,
    Base,
    Envelope,
    JusticeContact,
    OutboxEntry,
    Person,
    Provider,
    SafetyPlan,
    SafetyPlanItem,
    VaultMeta,
    record_class,
    records,
)
from app.models import base as base_module
from app.models.base import ENVELOPE_FIELDS, uuid7

KINDS = {"text", "choice", "ref", "date", "datetime", "bool", "int", "list", "json", "blob"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# DOMAIN.md section 8: words that never appear in text shown to people.
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

ALL_TYPES = sorted(RECORD_TYPES.items())


def domain_columns(cls: type[Envelope]) -> list[Column[Any]]:
    table = cls.__table__  # type: ignore[attr-defined]
    return [c for c in table.columns if c.name not in ENVELOPE_FIELDS]


def all_domain_columns() -> Iterator[tuple[str, Column[Any]]]:
    for name, cls in ALL_TYPES:
        for col in domain_columns(cls):
            yield f"{name}.{col.name}", col


@pytest.fixture
def engine() -> Iterator[Engine]:
    eng = create_engine("sqlite://")

    @event.listens_for(eng, "connect")
    def _fk_on(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


def envelope_values(**extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "owner_user_id": uuid7(),
        "regime": "advocacy",
        "edited_hlc": "0000000000001.00000.dev",
        "edited_by": uuid7(),
        "edited_device": uuid7(),
    }
    values.update(extra)
    return values


# --- the set of record types --------------------------------------------------------------------------------


def test_there_are_twenty_three_record_types_named_after_their_tables() -> None:
    assert len(RECORD_TYPES) == 23
    for name, cls in ALL_TYPES:
        assert name == cls.RECORD_TYPE
        assert cls.__tablename__ == name  # type: ignore[attr-defined]
        assert issubclass(cls, Envelope) and issubclass(cls, Base)


def test_every_envelope_class_is_registered() -> None:
    mapped = {m.class_ for m in Base.registry.mappers if issubclass(m.class_, Envelope)}
    assert mapped == set(RECORD_TYPES.values())


def test_local_tables_are_not_records() -> None:
    for cls in (OutboxEntry, AuditEvent, VaultMeta):
        assert not issubclass(cls, Envelope)
        assert cls.__tablename__ not in RECORD_TYPES


def test_only_provider_is_not_personal() -> None:
    assert [name for name, cls in ALL_TYPES if not cls.PERSONAL] == ["provider"]
    assert Provider.PERSONAL is False


@pytest.mark.parametrize(("name", "cls"), ALL_TYPES)
def test_every_type_has_every_envelope_column(name: str, cls: type[Envelope]) -> None:
    columns = set(cls.__table__.columns.keys())  # type: ignore[attr-defined]
    assert columns >= ENVELOPE_FIELDS, f"{name} lacks {sorted(ENVELOPE_FIELDS - columns)}"
    assert cls.__table__.c.id.primary_key  # type: ignore[attr-defined]


def test_disclosure_reuses_the_envelope_consent_id() -> None:
    cols = records.Disclosure.__table__.columns.keys()
    assert [c for c in cols if "consent" in c] == ["consent_id"]


def test_record_class_finds_known_types_and_explains_unknown_ones() -> None:
    assert record_class("person") is Person
    assert record_class("safety_plan_item") is SafetyPlanItem
    with pytest.raises(ValidationError) as caught:
        record_class("time_machine")
    assert caught.value.field == "type"
    message = caught.value.message
    assert "time_machine" in message and "update" in message
    assert "KeyError" not in message


# --- column metadata ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("where", "col"), list(all_domain_columns()))
def test_every_domain_column_carries_label_and_kind(where: str, col: Column[Any]) -> None:
    label = col.info.get("label")
    assert isinstance(label, str) and label.strip(), f"{where} has no label"
    assert label[0].isupper(), f"{where}: label should start with a capital: {label!r}"
    assert col.info.get("kind") in KINDS, f"{where} has kind {col.info.get('kind')!r}"
    if col.info.get("required"):
        assert not col.nullable, f"{where} is required but nullable"


@pytest.mark.parametrize(("where", "col"), list(all_domain_columns()))
def test_column_kind_matches_its_type(where: str, col: Column[Any]) -> None:
    kind = col.info["kind"]
    if kind == "text":
        assert isinstance(col.type, String | Text)
        max_length = col.info.get("max_length")
        if isinstance(col.type, String) and not isinstance(col.type, Text):
            assert col.type.length == max_length
    elif kind == "ref":
        assert len(col.foreign_keys) == 1, where
    elif kind == "blob":
        assert isinstance(col.type, LargeBinary) and col.nullable
    if kind != "ref":
        assert not col.foreign_keys, f"{where} has a foreign key but kind {kind!r}"


def test_every_choice_column_has_lower_snake_choices() -> None:
    seen = 0
    for where, col in all_domain_columns():
        if col.info["kind"] != "choice":
            continue
        seen += 1
        choices = col.info.get("choices")
        assert choices, f"{where} has no choices"
        assert len(set(choices)) == len(choices), where
        assert all(SNAKE.match(c) for c in choices), f"{where}: {choices}"
        assert all(len(c) <= col.type.length for c in choices), where  # type: ignore[attr-defined]
        default = getattr(col.default, "arg", None)
        assert default is None or default in choices, where
    assert seen > 30


def test_choices_come_from_exported_str_enums() -> None:
    enums = {
        tuple(m.value for m in obj): obj
        for name in records.__all__
        if isinstance(obj := getattr(records, name), type) and issubclass(obj, enum.StrEnum)
    }
    assert all(all(SNAKE.match(v) for v in values) for values in enums)
    for where, col in all_domain_columns():
        if col.info["kind"] == "choice":
            assert tuple(col.info["choices"]) in enums, f"{where} choices are not an exported StrEnum"


def test_a_few_choice_sets_exactly() -> None:
    def choices(cls: type[Envelope], column: str) -> tuple[str, ...]:
        return tuple(cls.__table__.c[column].info["choices"])  # type: ignore[attr-defined]

    assert choices(SafetyPlanItem, "survivor_choice") == ("chosen", "declined", "not_now")
    assert choices(SafetyPlan, "leaving_intent") == ("not_ready", "planning", "left", "not_asked")
    assert choices(records.Screening, "practitioner_assessment") == (
        "indicators_present",
        "unclear",
        "not_indicated",
    )
    assert "withdrawn_by_survivor" in choices(records.ReliefCase, "status")
    assert len(choices(SafetyPlanItem, "component")) == 12
    assert tuple(records.ItemAnswer) == ("yes", "no", "unsure", "declined", "not_asked")


def test_text_shown_to_people_follows_the_language_guide() -> None:
    shown: list[tuple[str, str]] = []
    for where, col in all_domain_columns():
        shown.append((where, col.info["label"]))
        shown.extend((where, c.replace("_", " ")) for c in col.info.get("choices", ()))
    with pytest.raises(ValidationError) as caught:
        record_class("nope")
    shown.append(("record_class", caught.value.message))
    for where, words in shown:
        lowered = words.lower()
        for banned in BANNED:
            assert banned not in lowered, f"{where}: {words!r} contains {banned!r}"


def test_no_person_data_in_the_audit_trail() -> None:
    cols = AuditEvent.__table__.columns
    assert set(cols.keys()) == {
        "id",
        "occurred_at",
        "hlc",
        "user_id",
        "device_id",
        "action",
        "record_type",
        "record_id",
        "person_id",
        "fields",
    }
    assert not any(isinstance(c.type, Text) for c in cols)
    assert not cols["person_id"].foreign_keys


# --- the schema on a real database --------------------------------------------------------------------------


def test_create_all_and_every_foreign_key_target_exists(engine: Engine) -> None:
    insp = inspect(engine)
    tables = set(insp.get_table_names())
    assert set(Base.metadata.tables) == tables
    fk_count = 0
    for table in tables:
        for fk in insp.get_foreign_keys(table):
            fk_count += 1
            target = fk["referred_table"]
            assert target in tables, f"{table}.{fk['constrained_columns']} -> missing table {target}"
            target_cols = {c["name"] for c in insp.get_columns(target)}
            assert set(fk["referred_columns"]) <= target_cols, f"{table} -> {target}.{fk['referred_columns']}"
            assert fk["referred_columns"] == ["id"]
    # Every foreign key declared in the models reached the database: person_id on the 22 types other than
    # person, plus 24 refs between records.
    assert fk_count == sum(len(t.foreign_keys) for t in Base.metadata.tables.values()) == 22 + 24


def test_non_cascading_refs_are_optional_and_set_null() -> None:
    for where, col in all_domain_columns():
        for fk in col.foreign_keys:
            if fk.ondelete == "SET NULL":
                assert col.nullable, f"{where} sets null on eviction but is required"
            else:
                assert fk.ondelete == "CASCADE", where
    assert next(iter(SafetyPlanItem.__table__.c.revises_id.foreign_keys)).ondelete == "SET NULL"


def test_person_id_points_at_person_except_on_person(engine: Engine) -> None:
    assert not Person.__table__.c.person_id.foreign_keys
    for name, cls in ALL_TYPES:
        if name == "person":
            continue
        (fk,) = cls.__table__.c.person_id.foreign_keys  # type: ignore[attr-defined]
        assert fk.column.table.name == "person"


def test_records_round_trip_with_defaults(engine: Engine) -> None:
    with Session(engine) as session:
        person = Person(**envelope_values(preferred_name="Canary 🐤 “Ana”"))
        session.add(person)
        session.flush()
        contact = JusticeContact(**envelope_values(person_id=person.id, role="defendant"))
        consent = records.Consent(
            **envelope_values(
                person_id=person.id,
                recipient="Example agency",
                purpose="Housing referral",
                starts_on=dt.date(2026, 1, 1),
                expires_on=dt.date(2026, 6, 30),
                scan=b"%PDF-1.7 \x00\xff",
            )
        )
        session.add_all([contact, consent])
        session.commit()
        person_id = person.id

    with Session(engine) as session:
        person = session.get_one(Person, person_id)
        assert person.type == "person"
        assert person.preferred_name == "Canary 🐤 “Ana”"
        assert person.aliases == [] and person.languages == []
        assert person.age_group == "unknown"
        assert person.is_demo is False
        assert person.safe_to_call is None  # not asked is not "no"
        assert person.visibility == "my_team" and person.rev is None and person.extra == {}
        assert person.created_at.tzinfo is not None
        assert uuid.UUID(person.id).version == 7
        contact = session.scalars(select(JusticeContact)).one()
        assert contact.type == "justice_contact" and contact.charges == []
        consent = session.scalars(select(records.Consent)).one()
        assert consent.scan == b"%PDF-1.7 \x00\xff"


def test_foreign_keys_are_enforced_when_sqlite_is_asked_to(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(SafetyPlanItem(**envelope_values(plan_id=uuid7())))
        with pytest.raises(IntegrityError):
            session.flush()


def test_required_columns_are_not_null_in_the_database(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Person(**envelope_values()))  # no preferred_name
        with pytest.raises(IntegrityError):
            session.flush()


# --- UUIDv7 -------------------------------------------------------------------------------------------------


def test_uuid7_is_version_7_with_the_rfc_variant() -> None:
    for _ in range(1000):
        value = uuid.UUID(uuid7())
        assert value.version == 7
        assert value.variant == uuid.RFC_4122


def test_uuid7_carries_the_current_millisecond() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid.UUID(uuid7())
    after = time.time_ns() // 1_000_000
    assert before <= value.int >> 80 <= after


def test_uuid7_values_are_unique() -> None:
    values = [uuid7() for _ in range(20_000)]
    assert len(set(values)) == len(values)


def test_uuid7_sorts_by_creation_time_across_milliseconds(monkeypatch: pytest.MonkeyPatch) -> None:
    # Deterministic: one id per millisecond over a wide range, including a 48-bit digit rollover.
    clock = iter(range(0xFFFF_FF00, 0x1_0000_0100))
    monkeypatch.setattr(base_module.time, "time_ns", lambda: next(clock) * 1_000_000)
    made = [uuid7() for _ in range(0x200)]
    assert made == sorted(made)
    monkeypatch.undo()

    # And with the real clock: ids made in later milliseconds sort later, as text and as UUIDs.
    real: list[str] = []
    for _ in range(5):
        real.append(uuid7())
        time.sleep(0.002)
    assert real == sorted(real)
    assert [uuid.UUID(v) for v in real] == sorted(uuid.UUID(v) for v in real)
