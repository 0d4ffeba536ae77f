"""A fuzz of the office server's own OpenAPI schema: no 500, and no read without a device signature.

The live server publishes no schema; ``app.openapi()`` gives it in-process. Every operation in it is driven by
hypothesis with bodies drawn from its JSON schema (and, some of the time, any JSON at all, or raw bytes), against the
real app on a real SQLite office holding a fictional record, both unsigned and signed by an enrolled device.
Unsigned, only the open endpoints (health, the public CA, enrolment) may answer 2xx, and no answer may carry a
stored record's id or any of its text. Signed or not, the server never answers 500.

``OFFRAMP_FUZZ_EXAMPLES`` sets the examples per test (default 300; more for a soak run).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Person
from app.models.base import uuid7
from app.protocol import signing
from app.server import db, records
from app.server.app import create_app
from app.server.models import Device, Office, Team, UserAccount
from tests.server.conftest import DB_KEY

EXAMPLES = int(os.environ.get("OFFRAMP_FUZZ_EXAMPLES", "300"))
OPEN = {("get", "/v1/health"), ("get", "/v1/ca"), ("post", "/v1/enrol")}
SECRET_TEXT = "Fictional Secret Name"
CA_PEM = b"-----BEGIN CERTIFICATE-----\nnot a real certificate\n-----END CERTIFICATE-----\n"


@dataclass
class Fuzzed:
    client: TestClient
    schema: dict[str, Any]
    key: Ed25519PrivateKey
    device_id: str
    record_id: str


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzed]:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    engine = db.make_engine(f"sqlite:///{folder / 'server.db'}", key=DB_KEY)
    db.upgrade(engine)
    key = Ed25519PrivateKey.generate()
    with db.sessions(engine)() as s, s.begin():
        office = Office(name="Fuzz Office", recovery_public_key="0" * 64, ca_fingerprint="0" * 64, secret_key="cd" * 32)
        s.add(office)
        s.flush()
        team = Team(office_id=office.id, name="Advocacy", compartment="advocacy")
        s.add(team)
        s.flush()
        user = UserAccount(office_id=office.id, team_id=team.id, username="fuzz", display_name="Fuzz", role="advocate")
        s.add(user)
        s.flush()
        device = Device(user_id=user.id, public_key=signing.public_key_hex(key), enrolled_by="console")
        s.add(device)
        s.flush()
        person = Person(
            id=uuid7(),
            owner_user_id=user.id,
            team_id=team.id,
            regime="advocacy",
            visibility="my_team",
            privileged=True,
            edited_hlc="1",
            edited_by=user.id,
            edited_device=device.id,
            preferred_name=SECRET_TEXT,
        )
        person.person_id = person.id
        records.store(s, person, user_id=user.id, device_id=device.id)
        device_id, record_id = device.id, person.id
    app = create_app(engine, ca_pem=CA_PEM)
    schema = app.openapi()
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Fuzzed(client, schema, key, device_id, record_id)
    engine.dispose()


# --- JSON schema to hypothesis ----------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def from_schema(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values matching a JSON schema (the subset FastAPI writes), with a little of anything at the edges."""
    if "$ref" in schema:
        return from_schema(components[schema["$ref"].rsplit("/", 1)[-1]], components, depth)
    if "anyOf" in schema:
        return st.one_of([from_schema(s, components, depth) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return st.integers(min_value=None if lo is None else int(lo) - 1, max_value=None if hi is None else int(hi) + 1)
    if kind == "number":
        return st.floats(allow_nan=False)
    if kind == "string":
        return _string(schema)
    if kind == "array":
        items = from_schema(schema.get("items", {}), components, depth + 1) if depth < 4 else JSON
        return st.lists(items, max_size=min(int(schema.get("maxItems", 5)), 5))
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        if not props:
            return st.dictionaries(st.text(max_size=12), JSON, max_size=5)
        required = set(schema.get("required", []))
        fixed = {k: from_schema(v, components, depth + 1) for k, v in props.items() if k in required}
        optional = {k: from_schema(v, components, depth + 1) for k, v in props.items() if k not in required}
        return st.fixed_dictionaries(fixed, optional=optional)
    return JSON


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    lo, hi = int(schema.get("minLength", 0)), int(schema.get("maxLength", 60))
    if schema.get("format") == "date-time":
        return st.datetimes().map(lambda d: d.isoformat()) | st.text(max_size=30)
    plain = st.text(min_size=lo, max_size=min(hi, 60))
    pattern = schema.get("pattern")
    if pattern:
        matching = st.from_regex(re.compile(pattern), fullmatch=True).filter(lambda v: lo <= len(v) <= hi)
        return matching | plain
    return plain


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in sorted(schema["paths"].items()) for method, op in sorted(ops.items())]


@st.composite
def requests(draw: st.DrawFn, schema: dict[str, Any], known_id: str) -> tuple[str, str, str, str, bytes]:
    """(method, operation path, path as the server reads it, path to send, body)."""
    components = schema.get("components", {}).get("schemas", {})
    method, template, op = draw(st.sampled_from(operations(schema)))
    path = sent = template
    for param in op.get("parameters", []):
        value = draw(st.just(known_id) | st.from_regex(r"[0-9a-f-]{1,36}", fullmatch=True) | st.text(max_size=40))
        if not value:
            value = known_id
        path = path.replace("{" + param["name"] + "}", value)
        sent = sent.replace("{" + param["name"] + "}", quote(value, safe=""))
    body_schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    body = b""
    if body_schema is not None:
        choice = draw(st.integers(0, 9))
        if choice < 7:
            body = json.dumps(draw(from_schema(body_schema, components))).encode()
        elif choice < 9:
            body = json.dumps(draw(JSON)).encode()
        else:
            body = draw(st.binary(max_size=200))
    return method, template, path, sent, body


def _send(f: Fuzzed, method: str, path: str, sent: str, body: bytes, *, signed: bool) -> Any:
    headers = signing.sign_headers(f.key, f.device_id, method.upper(), path, body) if signed else {}
    if body:
        headers["Content-Type"] = "application/json"
    return f.client.request(method.upper(), sent, content=body or None, headers=headers)


def _fuzz_settings() -> settings:
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=os.environ.get("OFFRAMP_SYNC_SOAK") is None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def test_the_schema_lists_every_endpoint_and_nothing_for_browsing(fuzzed: Fuzzed) -> None:
    ops = {(m, p) for m, p, _ in operations(fuzzed.schema)}
    assert ops >= OPEN
    assert {("post", "/v1/sync/push"), ("post", "/v1/sync/pull"), ("get", "/v1/records/{record_id}")} <= ops
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert fuzzed.client.get(path).status_code == 404


def test_unsigned_requests_read_nothing_and_never_break_the_server(fuzzed: Fuzzed) -> None:
    seen: set[tuple[str, str]] = set()

    @_fuzz_settings()
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        method, template, path, sent, body = data.draw(requests(fuzzed.schema, fuzzed.record_id))
        seen.add((method, template))
        reply = _send(fuzzed, method, path, sent, body, signed=False)
        assert reply.status_code != 500, (method, template, reply.text)
        assert fuzzed.record_id not in reply.text and SECRET_TEXT not in reply.text
        if (method, template) not in OPEN:
            assert reply.status_code in (400, 401, 404, 413, 422), (method, template, reply.status_code)
            assert reply.json()["error"] in ("not_signed", "bad_signature", "not_found", "too_large", "malformed")

    run()
    assert len(seen) >= len(operations(fuzzed.schema)) - 1, "the fuzz reached (nearly) every operation"


def test_signed_requests_of_any_shape_never_break_the_server(fuzzed: Fuzzed) -> None:
    codes: set[int] = set()

    @_fuzz_settings()
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        method, _template, path, sent, body = data.draw(requests(fuzzed.schema, fuzzed.record_id))
        reply = _send(fuzzed, method, path, sent, body, signed=True)
        codes.add(reply.status_code)
        assert reply.status_code != 500, (method, path, reply.text)
        assert reply.headers.get("content-type", "").startswith("application/json")

    run()
    assert 200 in codes, "some signed requests were accepted, so the fuzz went past the signature check"
