"""The wire codec: what a record's values become in JSON and back, and the values it refuses (by field, never value).

Both sides decode with it: the office every pushed change, the laptop every pulled page. The decoders are worked out
once per column, so these tests pin what each kind of column accepts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import Consent, Person
from app.protocol import codec
from app.protocol.codec import BadValue


def _column(cls: type, key: str) -> Any:
    return codec.column_types(cls)[key]


def test_a_person_and_a_scanned_release_go_to_json_and_back_unchanged() -> None:
    values = {
        "id": "00000000-0000-7000-8000-000000000001",
        "preferred_name": "Example Person",
        "aliases": ["Ex", "Sample"],
        "date_of_birth": dt.date(1999, 2, 3),
        "created_at": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        "interpreter_needed": True,
        "rev": 4,
        "extra": {"a": [1, 2]},
    }
    wire = {k: codec.encode(v) for k, v in values.items()}
    known, unknown = codec.decode_values(Person, {**wire, "from_a_newer_version": "kept"})
    assert known == values
    assert unknown == {"from_a_newer_version": "kept"}
    scan = bytes(range(256))
    known, _ = codec.decode_values(Consent, {"scan": codec.encode(scan)})
    assert known["scan"] == scan
    known, _ = codec.decode_values(Consent, {"scan": {"$b64": codec.encode(scan)["base64"]}})  # the outbox's spelling
    assert known["scan"] == scan


def test_a_timestamp_without_a_zone_is_read_as_utc() -> None:
    assert codec.decode_value(_column(Person, "created_at"), "2026-01-02T03:04:05") == dt.datetime(
        2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC
    )


@pytest.mark.parametrize(
    ("cls", "key", "value"),
    [
        (Person, "rev", "4"),  # a number as text
        (Person, "rev", True),  # a flag is not a number
        (Person, "interpreter_needed", 1),  # a number is not a flag
        (Person, "date_of_birth", "not a date"),
        (Person, "date_of_birth", 19990203),
        (Person, "created_at", "yesterday"),
        (Person, "created_at", 1_700_000_000),
        (Person, "preferred_name", "x" * 201),  # longer than the column
        (Person, "preferred_name", 7),
        (Person, "preferred_name", None),  # required
        (Consent, "scan", {"base64": "not base64!"}),
        (Consent, "scan", "raw text"),
    ],
)
def test_a_value_that_does_not_fit_its_column_is_refused_by_field(cls: type, key: str, value: Any) -> None:
    with pytest.raises(BadValue) as refused:
        codec.decode_values(cls, {key: value})
    assert refused.value.field == key
    assert repr(value) not in str(refused.value)  # the field is named, never the value


@given(
    name=st.text(max_size=200),
    born=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    at=st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC)),
    flag=st.none() | st.booleans(),
)
def test_any_fitting_value_round_trips(name: str, born: dt.date, at: dt.datetime, flag: bool | None) -> None:
    values = {"preferred_name": name, "date_of_birth": born, "created_at": at, "safe_to_call": flag}
    known, unknown = codec.decode_values(Person, {k: codec.encode(v) for k, v in values.items()})
    assert known == values and unknown == {}


def test_the_column_map_is_read_only() -> None:
    with pytest.raises(TypeError):
        codec.column_types(Person)["preferred_name"] = None  # type: ignore[index]
