"""`offramp-server quarantine list` and `show ID` (issue 21, item 8): the office admin sees, by id, which changes the
office set aside, from whom, when, for which kind of record and why, and the names of the fields they carried;
never a value (admins read no client content, DESIGN.md section 4; the author's own computer keeps the words).
Real server process over TLS, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.models import uuid7
from app.protocol.schemas import PROTOCOL
from app.server.models import AuditEntry
from app.sync.client import schema_versions
from tests.server.conftest import Office, run_cli

SECRET = "Met at the library; she is afraid of her landlord."


def _push(device, mutations: list[dict]) -> dict:  # type: ignore[no-untyped-def, type-arg]
    now = dt.datetime.now(dt.UTC).isoformat()
    body = {"protocol": PROTOCOL, "schema_versions": schema_versions(), "client_time": now}
    hello = device.request("POST", "/v1/sync/hello", json_body=body)
    assert hello.status_code == 200, hello.text
    reply = device.request("POST", "/v1/sync/push", json_body={"batch_id": uuid7(), "mutations": mutations})
    assert reply.status_code == 200, reply.text
    return reply.json()


def _mutation(record_type: str, patch: dict, *, person_id: str | None = None) -> dict:  # type: ignore[type-arg]
    record_id = uuid7()
    return {
        "mutation_id": uuid7(), "record_id": record_id, "type": record_type, "schema_version": 1, "base_rev": None,
        "person_id": person_id or record_id, "patch": patch, "deleted": False, "edited_hlc": "0000000001:0000:dev",
    }  # fmt: skip


def test_the_admin_lists_and_shows_set_aside_changes_by_id_without_their_content(office: Office) -> None:
    owner = office.enrol(office.user("Advocacy A", "advocate"))
    author_name = office.user("Advocacy A", "advocate")
    author = office.enrol(author_name)
    # The owner makes a person private; the author then writes a note about that person.
    person = _mutation("person", {"preferred_name": "Quinn Example", "visibility": "only_me"})
    assert _push(owner, [person])["results"][0]["outcome"] == "applied"
    note = _mutation("note_entry", {"parent_type": "person", "parent_id": person["record_id"], "body": SECRET},
                     person_id=person["record_id"])  # fmt: skip
    result = _push(author, [note])["results"][0]
    assert (result["outcome"], result["reason"]) == ("quarantined", "not_allowed")

    listed = run_cli("quarantine", "list", "--data-dir", str(office.home.root), env=office.env)
    line = next(line for line in listed.stdout.splitlines() if author_name in line)
    quarantine_id = line.split()[0]
    assert "note entry" in line and "not_allowed" in line
    assert SECRET not in listed.stdout and "Quinn" not in listed.stdout

    shown = run_cli("quarantine", "show", quarantine_id, "--data-dir", str(office.home.root), env=office.env)
    out = shown.stdout
    assert note["record_id"] in out and person["record_id"] in out and author_name in out
    assert "a new record" in out and "owner made it private" in out
    assert "Fields:     body, parent_id, parent_type" in out
    assert SECRET not in out and "library" not in out and "Quinn" not in out
    assert shown.stderr == ""

    # Looking is on the record: both the list and the one shown.
    with office.engine.connect() as conn:
        actions = list(conn.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.like("quarantine_%"))))
        viewed = conn.scalar(sa.select(AuditEntry.detail).where(AuditEntry.action == "quarantine_viewed"))
    assert "quarantine_listed" in actions and "quarantine_viewed" in actions
    assert viewed == {"quarantine_id": quarantine_id}

    # An unknown id: one sentence, exit 1, no traceback.
    missing = run_cli("quarantine", "show", uuid7(), "--data-dir", str(office.home.root), env=office.env, check=False)
    assert missing.returncode == 1 and "no set-aside change with that id" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_missing_link_that_came_later_is_marked_as_applied_since(office: Office) -> None:
    author_name = office.user("Advocacy B", "advocate")
    author = office.enrol(author_name)
    person = _mutation("person", {"preferred_name": "Lee Example"})
    note = _mutation("note_entry", {"parent_type": "person", "parent_id": person["record_id"], "body": SECRET},
                     person_id=person["record_id"])  # fmt: skip
    # The note first, without its person: set aside, to be sent again with it (as the app does).
    result = _push(author, [note])["results"][0]
    assert (result["outcome"], result["reason"]) == ("quarantined", "missing_link")
    again = {**note, "mutation_id": uuid7()}
    assert [r["outcome"] for r in _push(author, [person, again])["results"]] == ["applied", "applied"]

    listed = run_cli("quarantine", "list", "--data-dir", str(office.home.root), env=office.env).stdout
    line = next(line for line in listed.splitlines() if author_name in line)
    assert line.endswith("missing_link  (sent again since and applied)")
    shown = run_cli("quarantine", "show", line.split()[0], "--data-dir", str(office.home.root), env=office.env).stdout
    assert "the office applied it" in shown and SECRET not in shown
