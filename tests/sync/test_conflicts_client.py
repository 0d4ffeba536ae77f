"""Conflicts on the client, against a real office server over TLS: brought down with every value, kept in the
vault, decided (a chosen or combined value), and the decision synced back: the office marks the conflict resolved
and every laptop ends with the chosen value. Also the proposed three-way merge of text."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.core import conflicts
from app.server import pki
from app.server.models import Conflict
from app.sync import run, state
from app.sync.client import CERTIFICATE, SyncRefused
from tests.server.conftest import Office
from tests.sync.conftest import Laptop


def _conflict_rows(office: Office, record_id: str) -> list:  # type: ignore[type-arg]
    with office.engine.connect() as conn:
        return list(conn.execute(sa.select(Conflict).where(Conflict.record_id == record_id)).all())


def _make_conflict(a: Laptop, b: Laptop, *, mine: str, theirs: str) -> str:
    person = a.ws.records.create("person", {"preferred_name": "Rowan Example", "safe_times": "Mornings\nNo calls"})
    run.run_sync(a.ws, timeout=20)
    run.run_sync(b.ws, timeout=20)
    a.ws.records.update("person", person.id, {"safe_times": theirs})
    b.ws.records.update("person", person.id, {"safe_times": mine})
    run.run_sync(a.ws, timeout=20)
    return person.id


def test_a_conflict_comes_down_with_every_value_and_the_decision_syncs_back(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _make_conflict(a, b, mine="Evenings\nNo calls", theirs="Mornings\nNo texts")

    summary = run.run_sync(b.ws, timeout=20)
    assert summary.report.outcomes == {"conflict": 1}
    assert summary.needs_decision == 1 and summary.conflicts_problem is None

    (group,) = conflicts.groups(b.ws)
    assert (group.record_id, group.field, group.kind) == (person_id, "safe_times", "text")
    assert group.person_name == "Rowan Example"
    assert group.base == "Mornings\nNo calls"
    assert group.current == "Mornings\nNo texts"  # the office kept the first value; b's is only in the conflict
    by_value = {v.value: v for v in group.values}
    assert set(by_value) == {"Mornings\nNo texts", "Evenings\nNo calls"}
    assert by_value["Evenings\nNo calls"].this_device and not by_value["Mornings\nNo texts"].this_device
    assert all(v.who and v.device and v.when for v in group.values)
    assert group.proposal == "Evenings\nNo texts"  # each side's change to its own line, together

    # Kept in the vault: a fresh workspace on the same vault still has it, and nothing is decided yet.
    assert [g.record_id for g in conflicts.groups(b.ws)] == [person_id]
    assert _conflict_rows(office, person_id)[0].resolved_by is None

    conflicts.decide(b.ws, group, "Evenings, no texts")
    assert conflicts.groups(b.ws) == []  # decided here: not shown again
    assert b.records("person")[person_id].safe_times == "Evenings, no texts"

    after = run.run_sync(b.ws, timeout=20)
    assert after.sent == 1 and after.needs_decision == 0
    (row,) = _conflict_rows(office, person_id)
    assert row.resolved_by is not None
    run.run_sync(a.ws, timeout=20)
    assert a.records("person")[person_id].safe_times == "Evenings, no texts"
    assert conflicts.pending(a.ws) == [] and conflicts.pending(b.ws) == []


def test_keeping_the_office_value_resolves_without_changing_the_record(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _make_conflict(a, b, mine="Late", theirs="Early")
    run.run_sync(b.ws, timeout=20)
    (group,) = conflicts.groups(b.ws)
    conflicts.decide(b.ws, group, group.current)
    summary = run.run_sync(b.ws, timeout=20)
    assert summary.report.outcomes == {"unchanged": 1}
    assert _conflict_rows(office, person_id)[0].resolved_by is not None
    assert b.records("person")[person_id].safe_times == "Early"


def test_a_team_that_cannot_see_the_record_is_not_told_about_its_conflict(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    other: Laptop = laptops("Advocacy B")
    _make_conflict(a, b, mine="Late", theirs="Early")
    run.run_sync(b.ws, timeout=20)
    assert len(conflicts.pending(b.ws)) == 1
    assert run.run_sync(other.ws, timeout=20).needs_decision == 0
    assert conflicts.stored(other.ws) == []


def test_conflicts_come_down_only_from_the_office_this_computer_trusts(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    b: Laptop = laptops("Advocacy A")
    person_id = _make_conflict(a, b, mine="Late", theirs="Early")
    run.run_sync(b.ws, timeout=20)
    kept = conflicts.stored(b.ws)
    assert person_id in {c["record_id"] for c in kept}
    # A server that cannot show this office's certificate is refused in plain words, and what was kept stays.
    with b.ws.session() as s, s.begin():
        state.put(s, state.CA_PEM, pki.make_ca("Another Office", "0000").cert_pem.decode("ascii"))
    with pytest.raises(SyncRefused) as refused:
        run.fetch_conflicts(b.ws, timeout=20)
    assert refused.value.reason == "certificate" and refused.value.message == CERTIFICATE
    assert conflicts.stored(b.ws) == kept


def test_the_core_never_loads_the_sync_client() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.core.conflicts, app.core.workspace\n"
        "print(sorted(m for m in sys.modules if m.startswith(('app.sync', 'app.server', 'httpx'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_proposed_merge_takes_each_side_s_change_and_keeps_both_where_they_collide() -> None:
    base = "Meet at the library.\nCall after 6.\nUse the side door.\n"
    mine = "Meet at the library.\nCall after 7.\nUse the side door.\n"
    theirs = "Meet at the library.\nCall after 6.\nUse the front door.\n"
    assert conflicts.propose_merge(base, mine, theirs) == "Meet at the library.\nCall after 7.\nUse the front door.\n"
    both = conflicts.propose_merge(base, "Meet at the park.\n" + base[21:], "Meet at the cafe.\n" + base[21:])
    assert both == "Meet at the park.\nMeet at the cafe.\nCall after 6.\nUse the side door.\n"
    assert conflicts.propose_merge("", "Mornings", "Evenings") == "Mornings\n\nEvenings"
    assert conflicts.propose_merge("x", "same", "same") == "same"
    assert conflicts.propose_merge("a", "a", "b") == "b"
